"""The console's session over the per-machine service (machine mode), and the PIN that opens it.

The service checks the PIN (its throttle, its hash) and answers a token; this session sends
it with every request and never keeps the PIN. Refusals come back as the same exceptions
the local actions raise (guardian_wire.refusal_error), so the console says the same words.
Qt-free: every call runs on the console's worker thread.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from types import MappingProxyType
from typing import Any

from desktop_app.core.vocabulary import EventKind
from desktop_app.policy import settings
from desktop_app.policy.editor import Field
from desktop_app.service import guardian_wire as wire
from desktop_app.service import protocol as p
from desktop_app.service.action_errors import FolderNotWritable
from desktop_app.service.client import ServiceClient, ServiceError, ServiceUnavailable
from desktop_app.service.first_setup import SetupPlan
from desktop_app.service.mode import RunningMode

from .snapshot import SECTIONS, AccountHealth, Activity, ConsoleSnapshot

MAX_PAGES = 200  # a list longer than this many pages is shown cut short


class UnexpectedReply(ServiceUnavailable):
    """The service answered in a shape this SafeLens does not understand."""


def _call(client: ServiceClient, op: str, **arguments: Any) -> dict[str, Any]:
    try:
        return client.call(op, **arguments)
    except ServiceError as exc:
        raise wire.refusal_error(exc.code, exc.message, exc.details) from exc


class ServiceGate:
    """What the PIN dialog asks in machine mode: the PIN's state, and a session for a right PIN."""

    def __init__(self, client: ServiceClient, mode: RunningMode) -> None:
        self.client, self.mode = client, mode

    def state(self) -> tuple[str, float]:
        reply = _call(self.client, "pin_state")
        return str(reply.get("status", "missing")), float(reply.get("wait_seconds", 0))

    def try_pin(self, entered: str) -> tuple[ServiceSession | None, float]:
        """A session for a right PIN; (None, seconds to wait) for a wrong one."""
        try:
            reply = self.client.call("guardian_open", pin=entered)
        except ServiceError as exc:
            if exc.code == p.WRONG_PIN:
                seconds = exc.details.get("seconds", 0)
                return None, float(seconds) if isinstance(seconds, int | float) else 0.0
            raise wire.refusal_error(exc.code, exc.message, exc.details) from exc
        token = reply.get("token")
        if not isinstance(token, str):
            raise UnexpectedReply("The SafeLens service answered without a session.")
        return ServiceSession(self.client, token, self.mode), 0.0

    def set_up(self, plan: SetupPlan) -> None:
        """The first run, saved by the service (administrators only, before any PIN)."""
        children = [
            {"name": c.name, "os_user": c.os_user, "birth_year": c.birth_year}
            for c in plan.children
        ]
        adults = [dict(person) for person in plan.trusted_adults]
        _call(self.client, "setup", pin=plan.pin, children=children, trusted_adults=adults)


class ServiceSession:
    """The service's settings, PIN, approvals, counts and quarantine, through one token."""

    can_restore_to = False  # the service never writes into a folder a session names
    has_activity = True

    def __init__(self, client: ServiceClient, token: str, mode: RunningMode) -> None:
        self.client, self.mode = client, mode
        self._token = token

    def _ask(self, op: str, **arguments: Any) -> dict[str, Any]:
        return _call(self.client, op, token=self._token, **arguments)

    def snapshot(self) -> ConsoleSnapshot:
        reply = self._ask("guardian_snapshot")
        try:
            values = {
                key: wire.value_from_wire(key, reply["settings"][key]) for key in settings.BY_KEY
            }
            fields = {
                section: tuple(
                    Field(s, values[s.key]) for s in settings.SETTINGS if s.section == section
                )
                for section in SECTIONS
            }
            profiles = tuple(wire.profile_from_wire(row) for row in reply["profiles"])
            approvals = tuple(wire.approval_from_wire(a) for a in self._list("approvals"))
            quarantine = tuple(wire.entry_from_wire(e) for e in self._list("quarantine"))
            health = self._ask("guardian_status")
            accounts = tuple(_account(row) for row in health["accounts"])
            missing = tuple(str(m) for m in health.get("missing_accounts", ()))
            problem = health.get("checker_problem")
            return ConsoleSnapshot(
                fields=MappingProxyType(fields),
                profiles=profiles,
                problems=tuple(str(x) for x in reply["problems"]),
                reviewable=tuple(str(x) for x in reply["reviewable"]),
                approvals=approvals,
                approvals_problem=reply.get("approvals_problem"),
                pin_store=str(reply["pin_store"]),
                quarantine=quarantine,
                accounts=accounts,
                missing_accounts=missing,
                health_problem=problem if isinstance(problem, str) else None,
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise UnexpectedReply("The SafeLens service answered in an unexpected way.") from exc

    def _list(self, what: str) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = []
        offset: object = 0
        for _page in range(MAX_PAGES):
            reply = self._ask("guardian_list", what=what, offset=offset)
            items += reply["items"]
            offset = reply.get("next")
            if not isinstance(offset, int):
                break
        return items

    def set_value(self, key: str, value: Any) -> None:
        self._ask("guardian_change_setting", key=key, value=value)

    def reset_value(self, key: str) -> None:
        self._ask("guardian_reset_setting", key=key)

    def add_profile(self, name: str, os_user: str, birth_year: int | None) -> None:
        self._ask("guardian_add_profile", name=name, os_user=os_user, birth_year=birth_year)

    def remove_profile(self, profile_id: str) -> None:
        self._ask("guardian_remove_profile", profile_id=profile_id)

    def confirm_reviewed(self) -> None:
        self._ask("guardian_reviewed")

    def revoke(self, sha256: str, profile_id: str) -> None:
        self._ask("guardian_revoke", sha256=sha256, profile_id=profile_id)

    def restore(self, entry_id: str, to: Path | None) -> Path:
        """Back where it came from (approved for its child); never into a chosen folder."""
        if to is not None:
            raise FolderNotWritable(wire.RESTORE_TO_MESSAGE)
        return Path(str(self._ask("guardian_restore", id=entry_id)["placed"]))

    def delete(self, entry_id: str) -> None:
        self._ask("guardian_delete", id=entry_id)

    def change_pin(self, current: str, new: str, again: str) -> None:
        self._ask("guardian_change_pin", current=current, new=new, repeated=again)

    def activity(self, profile_id: str | None, kind: EventKind) -> Activity:
        reply = self._ask("guardian_activity", profile_id=profile_id, kind=kind.value)
        days = tuple(wire.day_from_wire(day) for day in reply["days"])
        problem = reply.get("problem")
        return Activity(days, problem if isinstance(problem, str) else None)

    def close(self) -> None:
        """End the session at the service (it would end by itself after 10 idle minutes)."""
        with contextlib.suppress(ServiceError, ServiceUnavailable):
            self.client.call("guardian_close", token=self._token)


def _account(row: dict[str, Any]) -> AccountHealth:
    return AccountHealth(
        account=str(row["account"]),
        age_band=str(row["age_band"]),
        watched=bool(row["watched"]),
        folders=int(row["folders"]),
        unavailable_folders=int(row["unavailable_folders"]),
        put_aside=int(row["put_aside"]),
        problem=row.get("problem") if isinstance(row.get("problem"), str) else None,
        session_running=_flag(row.get("session_running", row.get("session_client_running"))),
        last_stopped=_text(row.get("last_stopped", row.get("session_last_stopped"))),
    )


def _flag(value: object) -> bool | None:
    return value if isinstance(value, bool) else None


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None
