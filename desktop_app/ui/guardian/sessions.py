"""What the console works on: a guardian's session over the data, local or the service's.

One console, two sessions with the same methods and the same exceptions: ``LocalSession``
over this account's own stores (single-account mode) with the proof the PIN dialog made,
and ``ServiceSession`` (service_session.py) over the per-machine service with the token
its PIN opened. Every method runs on the console's worker thread, never on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from desktop_app.core.vocabulary import EventKind
from desktop_app.service.actions import GuardianProof
from desktop_app.service.mode import Mode, RunningMode, ServiceState
from desktop_app.service.paths import DEFAULT_SOCKET

from .services import GuardianServices
from .snapshot import EXPECTED_ERRORS, Activity, ConsoleSnapshot, load_activity, take_snapshot

SINGLE_ACCOUNT = RunningMode(Mode.SINGLE_ACCOUNT, ServiceState.ABSENT, DEFAULT_SOCKET)


class GuardianSession(Protocol):
    """The console's seam: what it reads and changes, whoever keeps the data."""

    @property
    def mode(self) -> RunningMode: ...

    @property
    def can_restore_to(self) -> bool: ...

    @property
    def has_activity(self) -> bool: ...

    def snapshot(self) -> ConsoleSnapshot: ...

    def set_value(self, key: str, value: Any) -> None: ...

    def reset_value(self, key: str) -> None: ...

    def add_profile(self, name: str, os_user: str, birth_year: int | None) -> None: ...

    def remove_profile(self, profile_id: str) -> None: ...

    def confirm_reviewed(self) -> None: ...

    def revoke(self, sha256: str, profile_id: str) -> None: ...

    def restore(self, entry_id: str, to: Path | None) -> Path: ...

    def delete(self, entry_id: str) -> None: ...

    def change_pin(self, current: str, new: str, again: str) -> None: ...

    def activity(self, profile_id: str | None, kind: EventKind) -> Activity: ...

    def close(self) -> None: ...


class LocalSession:
    """This account's own stores, acting with the proof from the PIN dialog."""

    can_restore_to = True

    def __init__(
        self,
        services: GuardianServices,
        proof: GuardianProof,
        mode: RunningMode | None = None,
    ) -> None:
        self.services, self.proof = services, proof
        self.mode = mode or services.mode or SINGLE_ACCOUNT

    @property
    def has_activity(self) -> bool:
        return self.services.events is not None

    def snapshot(self) -> ConsoleSnapshot:
        return take_snapshot(self.services)

    def set_value(self, key: str, value: Any) -> None:
        self.services.actions.change_setting(key, value, self.proof)

    def reset_value(self, key: str) -> None:
        self.services.actions.reset_setting(key, self.proof)

    def add_profile(self, name: str, os_user: str, birth_year: int | None) -> None:
        self.services.actions.add_profile(name, os_user, birth_year, self.proof)

    def remove_profile(self, profile_id: str) -> None:
        self.services.actions.remove_profile(profile_id, self.proof)

    def confirm_reviewed(self) -> None:
        self.services.actions.confirm_reviewed(self.proof)

    def revoke(self, sha256: str, profile_id: str) -> None:
        self.services.actions.revoke(sha256, profile_id, self.proof)

    def restore(self, entry_id: str, to: Path | None) -> Path:
        return self.services.actions.restore(entry_id, self.proof, to=to)

    def delete(self, entry_id: str) -> None:
        self.services.actions.delete(entry_id, self.proof)

    def change_pin(self, current: str, new: str, again: str) -> None:
        self.services.actions.change_pin(current, new, again)

    def activity(self, profile_id: str | None, kind: EventKind) -> Activity:
        events = self.services.events
        if events is None:
            return Activity((), None)
        return load_activity(events, profile_id, kind)

    def close(self) -> None:
        """A console opened again asks for the PIN."""
        self.services.actions.forget(self.proof)


Change = Callable[[GuardianSession], object]


def apply_change(
    session: GuardianSession, change: Change
) -> tuple[Exception | None, ConsoleSnapshot]:
    """Make one change; an expected failure comes back as a value, with the saved state."""
    error: Exception | None = None
    try:
        change(session)
    except EXPECTED_ERRORS as caught:
        error = caught
    return error, session.snapshot()
