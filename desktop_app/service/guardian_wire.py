"""The guardian's values as they travel on the service's socket, both ways, defined once.

The service (guardian_ops.py) writes them and the console's client (ui/guardian) reads
them back into the same values the console shows in single-account mode, so one console
works on either. A refusal comes back as the same exception the local action raises.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from desktop_app.core.storage import StorageError
from desktop_app.core.vocabulary import Surface
from desktop_app.policy.approvals import Approval
from desktop_app.policy.editor import ProfileRow, SettingLocked
from desktop_app.policy.effective import EffectiveValue, Source
from desktop_app.policy.guardian import (
    GuardianError,
    PinRejected,
    PinUnavailable,
    TryAgainLater,
    WrongPin,
)
from desktop_app.policy.profiles import Profile, ProfileError
from desktop_app.policy.settings import AgeBand, InvalidValue
from desktop_app.safety.events import DaySummary
from desktop_app.surfaces.quarantine import (
    EntryNotFound,
    IntegrityError,
    QuarantineEntry,
    QuarantineError,
)

from . import protocol as p
from .action_errors import (
    DiskFull,
    FolderNotWritable,
    NotProven,
    PinsDiffer,
    QuarantineUnavailable,
    UnknownProfile,
)

# Refusals of the guardian's ops beyond the protocol's own codes.
SESSION_ENDED = "session_ended"  # no such token, another account's, closed or idle too long
NOT_ADMINISTRATOR = "not_administrator"  # setup: only an administrator of this computer
ALREADY_SET_UP = "already_set_up"  # setup: a guardian PIN exists (or vanished)
RESTORE_TO_REFUSED = "restore_to_refused"  # machine mode puts files back where they came from
RESTORE_TO_MESSAGE = (
    "On a shared computer SafeLens puts a file back only where it came from (the service "
    "never writes into a folder a session names). Restore it, then move it where you like."
)


def value_to_wire(effective: EffectiveValue) -> dict[str, Any]:
    return effective.to_json()


def value_from_wire(key: str, data: dict[str, Any]) -> EffectiveValue:
    origin = data.get("origin")
    return EffectiveValue(
        key, data["value"], Source(data["source"]), bool(data["locked"]), _text_or_none(origin)
    )


def profile_to_wire(row: ProfileRow) -> dict[str, Any]:
    return {**row.profile.to_json(), "band": row.band.value}


def profile_from_wire(data: dict[str, Any]) -> ProfileRow:
    return ProfileRow(Profile.from_json(data), AgeBand(data["band"]))


def approval_to_wire(approval: Approval) -> dict[str, Any]:
    return {
        "sha256": approval.sha256,
        "profile_id": approval.profile_id,
        "at": approval.approved_at,
    }


def approval_from_wire(data: dict[str, Any]) -> Approval:
    return Approval(str(data["sha256"]), str(data["profile_id"]), str(data["at"]))


def entry_from_wire(data: dict[str, Any]) -> QuarantineEntry:
    return QuarantineEntry.from_json(data)


def day_to_wire(day: DaySummary) -> dict[str, Any]:
    counts = {surface.value: count for surface, count in day.by_surface.items()}
    return {"day": day.day.isoformat(), "by_surface": counts}


def day_from_wire(data: dict[str, Any]) -> DaySummary:
    counts = {Surface(k): int(v) for k, v in dict(data["by_surface"]).items()}
    return DaySummary(date.fromisoformat(str(data["day"])), counts)


def refusal_error(code: str, message: str, details: dict[str, Any]) -> Exception:
    """The exception the same refusal raises in single-account mode (the console's words)."""
    simple: dict[str, type[Exception]] = {
        p.WRONG_PIN: WrongPin,
        "pin_rejected": PinRejected,
        "pins_differ": PinsDiffer,
        "not_proven": NotProven,
        "entry_gone": EntryNotFound,
        "entry_damaged": IntegrityError,
        "folder_not_writable": FolderNotWritable,
        RESTORE_TO_REFUSED: FolderNotWritable,
        "quarantine_unavailable": QuarantineUnavailable,
        "disk_full": DiskFull,
        "invalid_value": InvalidValue,
        "unknown_profile": UnknownProfile,
        "invalid_profile": ProfileError,
        "quarantine_error": QuarantineError,
        "storage_error": StorageError,
        p.UNAVAILABLE: StorageError,
    }
    if code in (p.WAIT, "throttled"):
        seconds = details.get("seconds")
        return TryAgainLater(float(seconds) if isinstance(seconds, int | float) else 30.0)
    if code in (p.NO_PIN, "pin_unavailable"):
        status = details.get("status")
        return PinUnavailable("not_set" if status == "not_set" else "missing", message)
    if code == "setting_locked":
        return SettingLocked(str(details.get("key", "")), _text_or_none(details.get("origin")))
    kind = simple.get(code)
    if kind is PinRejected:
        return PinRejected(message)
    return kind(message) if kind is not None else GuardianError(message)


def _text_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None
