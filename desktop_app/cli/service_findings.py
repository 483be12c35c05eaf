"""`safelens doctor` in machine mode: this account and every protected account, as the
service sees them (never from files in a folder a child could write)."""

from __future__ import annotations

from typing import Any

from desktop_app.service import protocol as p
from desktop_app.service.client import ServiceClient, ServiceError, ServiceUnavailable
from desktop_app.service.mode import START_FIX

from .findings import REINSTALL_FIX, Finding

LOGS = "details: `journalctl -u safelens`"
RESTART_FIX = f"sudo systemctl restart safelens  ({LOGS})"
ACCOUNT_FIX = (
    "check that this account's home and share folders exist and that the service may read "
    f"them, then `sudo systemctl restart safelens`  ({LOGS})"
)
AUTOSTART_FIX = (
    "as an administrator, remove that account's ~/.config/autostart/safelens-agent.desktop "
    "(it hides the agent's entry for every account; protection holds, notices do not show)"
)
MISSING_FIX = "in the guardian console, correct the profile's account name or remove the profile"
ADMIN_ONLY_FIX = "run `sudo safelens doctor` (or the doctor from an administrator's account)"


def service_findings(client: ServiceClient) -> list[Finding]:
    """Who this account is to the service, then (for an administrator) every account."""
    try:
        me = client.call("whoami")
        found = [_this_account(me)]
        try:
            health = client.call("status")
        except ServiceError as exc:
            if exc.code != p.FORBIDDEN:
                raise
            return [
                *found,
                Finding(
                    "accounts",
                    True,
                    "every account's protection is shown to administrators only",
                    ADMIN_ONLY_FIX,
                ),
            ]
    except ServiceUnavailable:
        return [Finding("service", False, "stopped answering", START_FIX)]
    except ServiceError as exc:
        return [Finding("service", False, f"refused: {exc.message}", RESTART_FIX)]
    return [*found, *health_findings(health)]


def _this_account(me: dict[str, Any]) -> Finding:
    account = me.get("account")
    if me.get("protected"):
        detail = f"{account}: protected by the service, age band {me.get('age_band')}"
    else:
        detail = f"{account}: not a protected child"
    return Finding("this account", True, detail)


def health_findings(health: dict[str, Any]) -> list[Finding]:
    """The ``status`` reply as doctor lines, each BAD one with its fix."""
    found = [
        Finding(
            "service",
            True,
            f"running since {health.get('started_at')}; "
            f"{health.get('put_aside_total', 0)} file(s) put aside in all, "
            f"{health.get('pending', 0)} being checked",
        )
    ]
    checker = health.get("checker_problem")
    if checker:
        found.append(
            Finding(
                "service",
                False,
                f"cannot check files: {checker}",
                REINSTALL_FIX,
            )
        )
    if not health.get("watching"):
        found.append(Finding("service", False, "watches no account's folders", RESTART_FIX))
    accounts = health.get("accounts") or []
    if not accounts:
        found.append(
            Finding(
                "accounts",
                True,
                "no protected account yet",
                "set up a child in the guardian console (`safelens guardian`)",
            )
        )
    found += [_account(entry) for entry in accounts if isinstance(entry, dict)]
    missing = health.get("missing_accounts") or []
    if missing:
        found.append(
            Finding(
                "accounts",
                False,
                f"{len(missing)} child profile(s) name an account that does not exist on "
                "this computer (not watched)",
                MISSING_FIX,
            )
        )
    return found


def _account(entry: dict[str, Any]) -> Finding:
    name, band = entry.get("account"), entry.get("age_band")
    put_aside = entry.get("put_aside", 0)
    if not entry.get("watched"):
        problem = entry.get("problem") or "not watched"
        return Finding("account", False, f"{name} ({band}): NOT watched — {problem}", ACCOUNT_FIX)
    folders, absent = entry.get("folders", 0), entry.get("unavailable_folders", 0)
    not_there = f" ({absent} not there yet)" if absent else ""
    restarts = entry.get("watch_restarts", 0)
    restarted = f", its watch restarted {restarts} time(s)" if restarts else ""
    watched = (
        f"{name} ({band}): watched, {folders} folder(s){not_there}, "
        f"{put_aside} file(s) put aside{restarted}; {_agent(entry)}"
    )
    if entry.get("autostart_overridden"):
        hidden = f"{watched} — its own autostart file hides SafeLens' agent"
        return Finding("account", False, hidden, AUTOSTART_FIX)
    return Finding("account", True, watched)


def _agent(entry: dict[str, Any]) -> str:
    """The account's session agent as the service saw it, and the tamper count."""
    tamper = entry.get("tamper_events", 0)
    counted = f", {tamper} tamper event(s)" if tamper else ""
    if entry.get("client_running"):
        return f"session agent running{counted}"
    stopped, how = entry.get("client_stopped"), entry.get("client_ended")
    if stopped:
        ended = "ended without a goodbye" if how == "vanished" else "said goodbye"
        return f"session agent not running (last stopped {stopped}, {ended}){counted}"
    return f"session agent never started since the service started{counted}"
