"""What the console shows, read in one go on its worker thread (no Qt here).

The console never reads the stores on the GUI thread: every change runs on the worker
and comes back with a fresh snapshot, so the pages always show what is saved.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from desktop_app.core.storage import StorageError
from desktop_app.core.vocabulary import EventKind
from desktop_app.policy.approvals import Approval
from desktop_app.policy.editor import Field, ProfileRow, SettingLocked
from desktop_app.policy.guardian import GuardianError
from desktop_app.policy.profiles import ProfileError
from desktop_app.policy.settings import InvalidValue
from desktop_app.safety.events import DaySummary, EventCounts, EventStoreError
from desktop_app.service.client import ServiceUnavailable
from desktop_app.surfaces.quarantine import QuarantineEntry, QuarantineError

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
    ServiceUnavailable,  # machine mode: the service stopped answering
)
QUARANTINE_UNAVAILABLE = (
    "SafeLens couldn't open its quarantine folder, so hidden files can't be listed here."
)


@dataclass(frozen=True)
class AccountHealth:
    """One protected account as the service sees it (machine mode's overview)."""

    account: str
    age_band: str
    watched: bool
    folders: int
    unavailable_folders: int
    put_aside: int
    problem: str | None = None
    session_running: bool | None = None  # the session client's state, when the service
    last_stopped: str | None = None  # tells it (UTC, ISO 8601)


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
    accounts: tuple[AccountHealth, ...] = ()  # machine mode: every protected account
    missing_accounts: tuple[str, ...] = ()  # machine mode: profiles without an OS account
    health_problem: str | None = None  # machine mode: the service's own trouble, if any

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
