"""What applies right now: managed (locked) > guardian > defaults, for the current OS user.

Each value carries where it came from and whether it is locked, so the console can
show "Set by your school (policy file ...)" and `safelens policy show` can explain
every setting.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from . import settings
from .managed import ManagedPolicy, load_managed
from .profiles import OsUser, Profile, band_for_birth_year, current_os_user
from .settings import AgeBand
from .store import SettingsStore, StoreState, StoreStatus

# A clock that jumps further ahead than this since SafeLens last ran does not relax a
# child's age band on its own; the guardian confirms it (a child could move the clock).
MAX_TRUSTED_JUMP = timedelta(days=31)
FAILSAFE_VALUES: dict[str, Any] = {
    "strictness": "strict",
    "surfaces.file_picker": True,
    "surfaces.share_folders": True,
    "surfaces.contacts": True,
    "view_policy.under13": "guardian_approval",
    "view_policy.teen": "guardian_approval",
    "send_policy.under13": "blocked",
    "send_policy.teen": "blocked",
}


class Source(enum.StrEnum):
    DEFAULT = "default"
    GUARDIAN = "guardian"
    MANAGED = "managed"
    FAILSAFE = "failsafe"


class ProfileSource(enum.StrEnum):
    PROFILE = "profile"
    LAB_RULE = "lab_rule"
    NOT_SET_UP = "not_set_up"
    FAILSAFE = "failsafe"


@dataclass(frozen=True)
class EffectiveValue:
    key: str
    value: Any
    source: Source
    locked: bool
    origin: str | None = None

    def to_json(self) -> dict[str, Any]:
        data = {"value": self.value, "source": self.source.value, "locked": self.locked}
        if self.origin:
            data["origin"] = self.origin
        return data


@dataclass(frozen=True)
class EffectiveProfile:
    """Who is using the computer and how they are protected."""

    os_user: str
    band: AgeBand | None  # None: not set up (an adult's computer without profiles)
    source: ProfileSource
    profile_id: str | None = None
    name: str | None = None

    @property
    def protected(self) -> bool:
        return self.band is not None and self.band.is_child

    def to_json(self) -> dict[str, Any]:
        return {
            "os_user": self.os_user,
            "age_band": self.band.value if self.band else None,
            "source": self.source.value,
            "profile_id": self.profile_id,
            "protected": self.protected,
        }


@dataclass
class EffectivePolicy:
    values: dict[str, EffectiveValue]
    profile: EffectiveProfile
    problems: list[str] = field(default_factory=list)
    band_held: bool = False  # a clock jump keeps the earlier band until a guardian confirms

    def __getitem__(self, key: str) -> Any:
        return self.values[key].value

    def to_json(self) -> dict[str, Any]:
        return {
            "settings": {key: value.to_json() for key, value in self.values.items()},
            "profile": self.profile.to_json(),
            "problems": list(self.problems),
        }


def resolve(
    state: StoreState, managed: ManagedPolicy, user: OsUser, now: datetime | None = None
) -> EffectivePolicy:
    """Combine defaults, the guardian's store and the managed policy for ``user``."""
    now = now or datetime.now(UTC)
    failsafe = state.status is StoreStatus.DAMAGED
    problems = list(state.problems) + [str(issue) for issue in managed.issues]
    values: dict[str, EffectiveValue] = {}
    for setting in settings.SETTINGS:
        key = setting.key
        if key in managed.values:
            item = managed.values[key]
            values[key] = EffectiveValue(key, item.value, Source.MANAGED, True, item.origin)
        elif failsafe and key in FAILSAFE_VALUES:
            values[key] = EffectiveValue(key, FAILSAFE_VALUES[key], Source.FAILSAFE, False)
        elif key in state.values and not failsafe:
            values[key] = EffectiveValue(key, state.values[key], Source.GUARDIAN, False)
        else:
            values[key] = EffectiveValue(key, setting.default_value(), Source.DEFAULT, False)
    held: list[str] = []
    profile = _effective_profile(state, values, user, now, held)
    return EffectivePolicy(values, profile, problems + held, band_held=bool(held))


def _effective_profile(
    state: StoreState,
    values: dict[str, EffectiveValue],
    user: OsUser,
    now: datetime,
    problems: list[str],
) -> EffectiveProfile:
    configured = next((p for p in state.profiles if p.os_user == user.name), None)
    if configured is not None:
        band = _trusted_band(configured, state, now, problems)
        return EffectiveProfile(
            user.name, band, ProfileSource.PROFILE, configured.id, configured.name
        )
    lab_band = values["lab_default_age_band"].value
    if lab_band is not None and not user.is_admin:
        return EffectiveProfile(user.name, AgeBand(lab_band), ProfileSource.LAB_RULE)
    if state.status is StoreStatus.DAMAGED and not user.is_admin:
        return EffectiveProfile(user.name, AgeBand.UNDER13, ProfileSource.FAILSAFE)
    return EffectiveProfile(user.name, None, ProfileSource.NOT_SET_UP)


def _trusted_band(
    profile: Profile, state: StoreState, now: datetime, problems: list[str]
) -> AgeBand:
    """The band for today, unless it relaxes protection right after a suspicious clock jump."""
    band = band_for_birth_year(profile.birth_year, now)
    previous = state.profile_bands.get(profile.id)
    if previous is None or _order(band) <= _order(AgeBand(previous)):
        return band
    last_seen = _parse(state.last_seen_utc)
    if last_seen is not None and now - last_seen > MAX_TRUSTED_JUMP:
        problems.append(
            f"The computer's clock moved ahead by {(now - last_seen).days} days since SafeLens "
            f"last ran, so {profile.name} keeps the {previous} age band until a guardian "
            "confirms it."
        )
        return AgeBand(previous)
    return band


def _order(band: AgeBand) -> int:
    """Youngest first, as AgeBand declares them."""
    return list(AgeBand).index(band)


def _parse(stamp: str | None) -> datetime | None:
    if not stamp:
        return None
    try:
        parsed = datetime.fromisoformat(stamp)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def record_seen(state: StoreState, policy: EffectivePolicy, now: datetime) -> bool:
    """Remember today's bands and time (never moving backwards); True if anything changed.

    Nothing is recorded while a clock jump holds a band back: the jumped time must not become
    "when SafeLens last ran", or the next start would trust it (the guardian confirms instead).
    """
    if policy.band_held:
        return False
    changed = False
    last_seen = _parse(state.last_seen_utc)
    if last_seen is None or now > last_seen:
        state.last_seen_utc = now.isoformat()
        changed = True
    profile = policy.profile
    if profile.source is ProfileSource.PROFILE and profile.profile_id and profile.band:
        band = profile.band.value
        if state.profile_bands.get(profile.profile_id) != band:
            state.profile_bands[profile.profile_id] = band
            changed = True
    return changed


def load_effective(
    store: SettingsStore | None = None,
    managed: ManagedPolicy | None = None,
    user: OsUser | None = None,
    now: datetime | None = None,
) -> tuple[EffectivePolicy, StoreState]:
    """Read everything and resolve it for the current user (the app's and CLI's one call)."""
    store = store or SettingsStore()
    state = store.load()
    policy = resolve(
        state,
        managed if managed is not None else load_managed(),
        user or current_os_user(),
        now,
    )
    return policy, state
