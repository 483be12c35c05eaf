"""What the console shows, read in one go on its worker thread (no Qt here).

The console never reads the stores on the GUI thread: every change runs on the worker
and comes back with a fresh snapshot, so the pages always show what is saved.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from desktop_app.core.storage import StorageError
from desktop_app.core.vocabulary import EventKind
from desktop_app.policy.approvals import Approval
from desktop_app.policy.editor import Field, ProfileRow, SettingLocked
from desktop_app.policy.guardian import GuardianError
from desktop_app.policy.profiles import ProfileError
from desktop_app.policy.settings import InvalidValue
from desktop_app.safety.events import DaySummary, EventCounts, EventStoreError
from desktop_app.surfaces.quarantine import Quarantine, QuarantineEntry, QuarantineError
from desktop_app.surfaces.quarantine_entry import reraise

from .services import GuardianServices

SECTIONS = ("protection", "share_folders", "help", "school", "privacy")
ACTIVITY_DAYS = 14
# What a change may raise that the guardian should read about (anything else is a bug).
EXPECTED_ERRORS = (
    InvalidValue,
    SettingLocked,
    StorageError,
    ProfileError,
    GuardianError,
    EventStoreError,
    QuarantineError,
    ValueError,
)
QUARANTINE_UNAVAILABLE = (
    "SafeLens couldn't open its quarantine folder, so hidden files can't be listed here."
)


@dataclass(frozen=True)
class ConsoleSnapshot:
    fields: Mapping[str, tuple[Field, ...]]
    profiles: tuple[ProfileRow, ...]
    problems: tuple[str, ...]
    reviewable: tuple[str, ...]  # the problems "I've reviewed this" can clear
    approvals: tuple[Approval, ...]
    approvals_problem: str | None
    pin_store: str
    quarantine: tuple[QuarantineEntry, ...] = ()
    quarantine_problem: str | None = None

    def profile_name(self, profile_id: str) -> str | None:
        return next((r.profile.name for r in self.profiles if r.profile.id == profile_id), None)


def take_snapshot(services: GuardianServices) -> ConsoleSnapshot:
    editor = services.settings
    fields = {section: tuple(editor.fields(section)) for section in SECTIONS}
    problems = tuple(editor.problems)
    approvals = tuple(services.approvals.entries())
    quarantine, quarantine_problem = _quarantined(services)
    return ConsoleSnapshot(
        fields=MappingProxyType(fields),
        profiles=tuple(editor.profiles()),
        problems=problems,
        reviewable=tuple(editor.reviewable_problems),
        approvals=approvals,
        approvals_problem=services.approvals.problem,
        pin_store=services.pin.store_message,
        quarantine=quarantine,
        quarantine_problem=quarantine_problem,
    )


def _quarantined(services: GuardianServices) -> tuple[tuple[QuarantineEntry, ...], str | None]:
    """What waits in quarantine, newest first; a folder that can't be read is a problem line."""
    if services.quarantine is None:
        return (), QUARANTINE_UNAVAILABLE
    try:
        entries = services.quarantine.entries()
    except (OSError, QuarantineError):
        return (), QUARANTINE_UNAVAILABLE
    return tuple(reversed(entries)), None


Change = Callable[[GuardianServices], object]


def apply_change(
    services: GuardianServices, change: Change
) -> tuple[Exception | None, ConsoleSnapshot]:
    """Make one change; an expected failure comes back as a value, with the saved state."""
    error: Exception | None = None
    try:
        change(services)
    except EXPECTED_ERRORS as caught:
        error = caught
    return error, take_snapshot(services)


# --- quarantine changes (the console's Restore / Delete; each runs on the worker) -------------


def restore_quarantined(services: GuardianServices, entry_id: str, to: Path | None = None) -> Path:
    """Approve, then put the file back (never over another file); where it went.

    If the file can't be put back, the approvals just added are taken back again.
    """
    quarantine = _quarantine(services)
    entry = quarantine.get(entry_id)
    added = _allow(services, entry)
    try:
        return quarantine.restore(entry_id, to=to)
    except BaseException as exc:
        for profile_id in added:
            with contextlib.suppress(StorageError, OSError, ValueError):  # it stays hidden anyway
                services.approvals.revoke(entry.sha256, profile_id)
        reraise(exc)  # an OS error as a QuarantineError the guardian can read


def delete_quarantined(services: GuardianServices, entry_id: str) -> None:
    """Delete for good (the guardian confirmed)."""
    try:
        _quarantine(services).delete(entry_id)
    except OSError as exc:
        reraise(exc)


def _allow(services: GuardianServices, entry: QuarantineEntry) -> tuple[str, ...]:
    """Remember the content for its child (no child: every child); the profiles newly approved.

    Share folders hide a restored file again unless its exact bytes are approved.
    """
    if entry.profile_id is not None:
        profiles = [entry.profile_id]
    else:
        profiles = [row.profile.id for row in services.settings.profiles() if row.band.is_child]
    added = tuple(p for p in profiles if not services.approvals.is_approved(entry.sha256, p))
    for profile_id in added:
        services.approvals.remember(entry.sha256, profile_id)
    return added


def _quarantine(services: GuardianServices) -> Quarantine:
    if services.quarantine is None:
        raise QuarantineError(QUARANTINE_UNAVAILABLE)
    return services.quarantine


@dataclass(frozen=True)
class Activity:
    days: tuple[DaySummary, ...]
    problem: str | None


def load_activity(
    events: EventCounts,
    profile_id: str | None,
    kind: EventKind = EventKind.sensitive,
    days: int = ACTIVITY_DAYS,
) -> Activity:
    """Counts per day per surface for one profile, or everyone's added up (profile_id None)."""
    return Activity(tuple(events.summary_by_day(profile_id, days, kind)), events.problem)
