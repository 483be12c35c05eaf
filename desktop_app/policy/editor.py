"""What the guardian console and the setup wizard change, with the rules that apply.

Widgets call this; it never opens a window. A value set by a managed policy cannot
be changed here (``SettingLocked``), every change is validated against the one
declaration in ``settings.py`` and saved atomically.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from desktop_app.core.file_stamps import stamps
from desktop_app.core.storage import StorageError

from . import settings
from .effective import EffectivePolicy, EffectiveValue, record_seen, resolve
from .managed import ManagedPolicy, load_managed
from .profiles import OsUser, Profile, ProfileError, current_os_user, new_profile
from .settings import AgeBand, Setting
from .store import SettingsStore, StoreState, StoreStatus

# The school's policy as it is now (the service passes one that follows its files).
ManagedSource = Callable[[], ManagedPolicy]


class SettingLocked(Exception):  # noqa: N818 - the state the guardian sees
    """The setting is set by a managed policy (school/IT) and cannot be changed here."""

    def __init__(self, key: str, origin: str | None) -> None:
        super().__init__(f"'{key}' is set by your school or IT department ({origin}).")
        self.key, self.origin = key, origin


@dataclass(frozen=True)
class Field:
    """One control on a console page: the declaration plus what is in effect."""

    setting: Setting
    effective: EffectiveValue

    @property
    def locked_note(self) -> str | None:
        if not self.effective.locked:
            return None
        return f"Set by your school (policy {self.effective.origin})"


@dataclass(frozen=True)
class ProfileRow:
    profile: Profile
    band: AgeBand


class GuardianSettings:
    """Read and change the guardian's settings and profiles.

    Before every change (and the profile list) it reads again what another process changed
    since: the service's editor lives for days, and a console left open while the CLI
    changes a setting must not save over that change.
    """

    def __init__(
        self,
        store: SettingsStore | None = None,
        managed: ManagedPolicy | ManagedSource | None = None,
        user: OsUser | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.store = store or SettingsStore()
        self._managed_now = _source(managed if managed is not None else load_managed())
        self.managed = self._managed_now()
        self.user = user or current_os_user()
        self._clock = clock or (lambda: datetime.now(UTC))
        self._read_stamp = stamps(self.store.files)
        self.state: StoreState = self.store.load()
        self.policy: EffectivePolicy = self._resolve()

    def _follow(self) -> None:
        """Read the settings and the school's policy again if they changed since."""
        stamp, managed = stamps(self.store.files), self._managed_now()
        if stamp == self._read_stamp and managed is self.managed:
            return
        self._read_stamp, self.managed = stamp, managed
        self.state = self.store.load()
        self.policy = self._resolve()

    def _resolve(self) -> EffectivePolicy:
        return resolve(self.state, self.managed, self.user, self._clock())

    @property
    def set_up(self) -> bool:
        return self.state.status is not StoreStatus.NOT_SET_UP

    @property
    def problems(self) -> list[str]:
        return list(self.policy.problems)

    def fields(self, section: str) -> list[Field]:
        return [
            Field(s, self.policy.values[s.key]) for s in settings.SETTINGS if s.section == section
        ]

    def set_value(self, key: str, value: Any) -> None:
        """Validate and save one guardian value (refused for managed keys)."""
        self._follow()
        current = self.policy.values[key]
        if current.locked:
            raise SettingLocked(key, current.origin)
        self.state.values[key] = settings.check(key, value)
        self._save()

    def reset_value(self, key: str) -> None:
        self._follow()
        if self.policy.values[key].locked:
            raise SettingLocked(key, self.policy.values[key].origin)
        self.state.values.pop(key, None)
        self._save()

    def profiles(self) -> list[ProfileRow]:
        self._follow()
        now = self._clock()
        return [ProfileRow(p, p.band(now)) for p in self.state.profiles]

    def add_profile(self, name: str, os_user: str, birth_year: int | None) -> Profile:
        self._follow()
        if any(p.os_user == os_user.strip() for p in self.state.profiles):
            raise ProfileError(f"The account '{os_user}' already has a profile.")
        profile = new_profile(name, os_user, birth_year, self._clock())
        self.state.profiles.append(profile)
        self._save()
        return profile

    def remove_profile(self, profile_id: str) -> None:
        self._follow()
        self.state.profiles = [p for p in self.state.profiles if p.id != profile_id]
        self.state.profile_bands.pop(profile_id, None)
        self._save()

    @property
    def reviewable_problems(self) -> list[str]:
        """Problems the guardian can clear here (not errors in the school's policy files)."""
        from_policy_files = {str(issue) for issue in self.managed.issues}
        return [p for p in self.policy.problems if p not in from_policy_files]

    def confirm_reviewed(self) -> None:
        """The guardian has looked: keep the settings as they are now, accept today's date
        and the age bands it gives (also after a clock jump), and clear the warnings."""
        self._follow()
        now = self._clock()
        self.state.last_seen_utc = now.isoformat()
        self.state.profile_bands = {p.id: p.band(now).value for p in self.state.profiles}
        self._save()

    def note_seen(self) -> bool:
        """Remember that SafeLens ran now with these bands (the clock-jump guard needs it).

        Skipped for a store that is not set up or is damaged (a guardian reviews that first);
        an account that may not write the settings (a child's, when installed per machine)
        leaves it to the agent or the console. True if it was saved.
        """
        self._follow()
        if self.state.status is not StoreStatus.OK:
            return False
        if not record_seen(self.state, self.policy, self._clock()):
            return False
        try:
            self.store.save(self.state)
        except (StorageError, OSError):
            return False
        return True

    def complete_setup(self) -> None:
        """Record that a guardian set this computer up (even with nothing else to save)."""
        self._save()

    def _save(self) -> None:
        if self.state.status is StoreStatus.DAMAGED:
            self.state.problems.clear()
        self.state.status = StoreStatus.OK
        self.store.save(self.state)
        self._read_stamp = stamps(self.store.files)
        self.state = self.store.load()
        self.policy = self._resolve()


def _source(managed: ManagedPolicy | ManagedSource) -> ManagedSource:
    if not isinstance(managed, ManagedPolicy):
        return managed
    fixed: ManagedPolicy = managed
    return lambda: fixed
