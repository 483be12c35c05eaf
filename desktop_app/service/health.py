"""The guardian's view of every protected account, from the service's own data and watch.

Built for the ``status`` op (administrators, or the guardian proven by PIN): what the
service itself knows, never what a child's session wrote.
"""

from __future__ import annotations

import os
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from desktop_app.analysis.verdict import AnalyzerUnavailable
from desktop_app.core.vocabulary import EventKind
from desktop_app.surfaces.agent import AUTOSTART_NAME
from desktop_app.surfaces.folder_access import open_folder
from desktop_app.surfaces.quarantine_entry import SymlinkRefused

from .stores import ServiceStores
from .watching import WatchOutcome

NOT_WATCHING = "The service is not watching any folders."
STARTING = "The service is still starting its watch."
NOT_WATCHED = "This account is not watched."
AUTOSTART_OVERRIDDEN = (
    "This account has its own SafeLens autostart file, which replaces the one for every "
    "account: its notices may never start. Remove ~/.config/autostart/safelens-agent.desktop "
    "from that account."
)


class WatchStatus(Protocol):
    """What the health view needs of the running watch (``MachineWatch`` fits)."""

    def outcomes(self) -> list[WatchOutcome]: ...

    @property
    def failure(self) -> AnalyzerUnavailable | None: ...

    @property
    def pending(self) -> int: ...


class SessionView(Protocol):
    """What the health view needs of the session agents (``SessionBook`` fits)."""

    def sweep(self) -> None: ...

    def describe(self, account: str) -> dict[str, Any]: ...


def machine_health(
    stores: ServiceStores,
    watch: WatchStatus | None,
    *,
    started_at: datetime,
    watch_started: bool,
    sessions: SessionView | None = None,
    now: datetime | None = None,
) -> dict[str, Any]:
    """The ``status`` reply's fields: the service, then one entry per protected account.

    ``watch_started``: False while the service has not yet handed its watch over (the
    first seconds after a start); ``watch`` None after that means it runs without one.
    """
    moment = now or datetime.now(UTC)
    found = stores.protected_accounts(moment)
    outcomes = {o.profile_id: o for o in watch.outcomes()} if watch is not None else {}
    put_aside = Counter(e.profile_id for e in stores.quarantine.entries() if e.profile_id)
    service_problem = None
    if sessions is not None:
        sessions.sweep()  # an agent killed since the last look is counted now
    if watch is None:
        service_problem = NOT_WATCHING if watch_started else STARTING
    accounts = [
        {
            "account": account.user,
            "profile_id": account.profile_id,
            "age_band": account.band.value,
            **_watch_fields(outcomes.get(account.profile_id), service_problem),
            "put_aside": put_aside.get(account.profile_id, 0),
            "tamper_events": _tamper_events(stores, account.profile_id),
            "autostart_overridden": autostart_overridden(account.home),
            **(sessions.describe(account.user) if sessions is not None else {}),
        }
        for account in found.accounts
    ]
    for line in accounts:
        if line["autostart_overridden"] and not line["problem"]:
            line["problem"] = AUTOSTART_OVERRIDDEN
    failure = watch.failure if watch is not None else None
    return {
        "started_at": started_at.astimezone(UTC).isoformat(timespec="seconds"),
        "watching": watch is not None,
        "checker_problem": str(failure) if failure is not None else None,
        "pending": watch.pending if watch is not None else 0,
        "accounts": accounts,
        "missing_accounts": list(found.missing),
        "put_aside_total": sum(put_aside.values()),
        "watch_restarts_total": sum(o.restarts for o in outcomes.values()),
    }


def autostart_overridden(home: Path) -> bool:
    """Whether the account's own autostart folder holds a file named like the system-wide
    agent entry: by the XDG rules it replaces that entry for the account (``Hidden=true`` in
    it stops the agent starting at login). Looked at as root without following the child's
    symlinks. A symbolic link on the way (which the desktop would follow) counts as an
    override, since what it points to cannot be looked at safely."""
    try:
        with open_folder(home / ".config" / "autostart") as folder:
            os.lstat(folder / f"{AUTOSTART_NAME}.desktop")
    except SymlinkRefused:
        return True
    except (OSError, ValueError):
        return False
    return True


def _tamper_events(stores: ServiceStores, profile_id: str) -> int:
    """Tamper counts kept for this child (an agent that vanished, ...), within retention."""
    kept = stores.events.counts(profile_id)
    return sum(c.count for c in kept if c.kind is EventKind.tamper)


def _watch_fields(outcome: WatchOutcome | None, service_problem: str | None) -> dict[str, Any]:
    if outcome is None:
        return {
            "watched": False,
            "folders": 0,
            "unavailable_folders": 0,
            "problem": service_problem or NOT_WATCHED,
            "watch_restarts": 0,
        }
    return {
        "watched": outcome.ok,
        "folders": outcome.folders,
        "unavailable_folders": outcome.unavailable,
        "problem": outcome.problem if outcome.watching else (outcome.problem or NOT_WATCHED),
        "watch_restarts": outcome.restarts,  # started again by the service after it died
    }
