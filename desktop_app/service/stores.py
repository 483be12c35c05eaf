"""The service's own stores, each built on its machine folder (never on environment variables).

The PIN's hash lives in a file (root has no password store), in the private ``guardian``
folder with its attempt state, so throttling survives reconnects and restarts. The
guardian's settings and the school's policy are read again only when their files change
(``core/file_stamps``): every request needs them, and a change is still seen at once.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.backends import fail

from desktop_app.core.file_stamps import ReadOnChange, Stamps, stamps
from desktop_app.policy.approvals import Approvals
from desktop_app.policy.editor import GuardianSettings
from desktop_app.policy.effective import EffectivePolicy, resolve
from desktop_app.policy.guardian import OWASP_COST, GuardianPin, ScryptCost
from desktop_app.policy.managed import (
    LINUX_POLICY_DIR,
    MACOS_PLIST,
    ManagedPolicy,
    read_linux,
    read_macos,
    read_windows,
    windows_registry_reader,
)
from desktop_app.policy.profiles import OsUser
from desktop_app.policy.store import SettingsStore, StoreState
from desktop_app.safety.events import DB_NAME, EventCounts
from desktop_app.surfaces.quarantine import Quarantine

from .accounts import (
    ACCOUNT_DATABASE_FILES,
    AccountLookup,
    AccountsFound,
    find_protected_accounts,
)
from .actions import GuardianActions
from .paths import MachinePaths

Clock = Callable[[], datetime]
# Who the service is when it resolves machine-wide settings or acts for the guardian.
SERVICE_USER = OsUser(name="root", is_admin=True)
# Root has no password store: the PIN's hash goes to the file in the private guardian folder.
NO_PASSWORD_STORE: Callable[[], KeyringBackend] = fail.Keyring


def machine_managed_policy(policy_dir: Path = LINUX_POLICY_DIR) -> ManagedPolicy:
    """The school's policy from the OS-standard place only (SAFELENS_POLICY_DIR is not read)."""
    policy = ManagedPolicy()
    if sys.platform.startswith("win"):
        read_windows(windows_registry_reader, policy)
    elif sys.platform == "darwin":
        read_macos(MACOS_PLIST, policy)
    else:
        read_linux(policy_dir, policy)
    return policy


def machine_policy_files(policy_dir: Path = LINUX_POLICY_DIR) -> list[Path] | None:
    """The files ``machine_managed_policy`` reads (None: the registry, read every time)."""
    if sys.platform.startswith("win"):
        return None
    if sys.platform == "darwin":
        return [MACOS_PLIST]
    try:
        names = sorted(name for name in os.listdir(policy_dir) if name.endswith(".json"))
    except OSError:
        names = []
    return [policy_dir, *(policy_dir / name for name in names)]  # the folder: files come and go


@dataclass(frozen=True)
class ServiceStores:
    """Everything the service keeps, on ``paths``.

    ``accounts``: the account database (None: this computer's, through pwd and grp).
    """

    paths: MachinePaths
    settings: SettingsStore
    pin: GuardianPin
    approvals: Approvals
    events: EventCounts
    quarantine: Quarantine
    policy_dir: Path = LINUX_POLICY_DIR
    accounts: AccountLookup | None = None
    _settings_now: ReadOnChange[StoreState] = field(init=False, repr=False, compare=False)
    _managed_now: ReadOnChange[ManagedPolicy] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        settings = ReadOnChange(self.settings.load, lambda: self.settings.files)
        managed = ReadOnChange(
            lambda: machine_managed_policy(self.policy_dir),
            lambda: machine_policy_files(self.policy_dir),
        )
        object.__setattr__(self, "_settings_now", settings)  # frozen: set once, here
        object.__setattr__(self, "_managed_now", managed)

    def settings_now(self) -> StoreState:
        """The guardian's settings as they are on disk now (shared: never change it)."""
        return self._settings_now()

    def managed_now(self) -> ManagedPolicy:
        """The school's policy as it is on disk now (shared: never change it)."""
        return self._managed_now()

    def policy_for(self, user: OsUser, now: datetime | None = None) -> EffectivePolicy:
        """What applies to ``user`` now (the guardian or the school may have changed it)."""
        return resolve(self.settings_now(), self.managed_now(), user, now)

    def protected_accounts(self, now: datetime | None = None) -> AccountsFound:
        """Every protected account that exists, from the settings and policy as they are now."""
        return find_protected_accounts(
            self.settings_now(), self.managed_now(), now or datetime.now(UTC), lookup=self.accounts
        )

    def protection_stamp(self) -> Stamps:
        """Changes whenever who is protected may have changed: the guardian's settings, the
        school's policy, or the account database (an account added, removed, regrouped)."""
        policy = machine_policy_files(self.policy_dir) or []
        return stamps([*self.settings.files, *policy, *ACCOUNT_DATABASE_FILES])

    def actions(self) -> GuardianActions:
        """The guardian's actions over these stores, acting as the service (root); its settings
        editor follows the settings and the school's policy as they change."""
        settings = GuardianSettings(self.settings, self.managed_now, SERVICE_USER)
        return GuardianActions(self.pin, self.approvals, self.quarantine, settings, self.events)

    def close(self) -> None:
        self.events.close()


def open_stores(
    paths: MachinePaths,
    *,
    policy_dir: Path = LINUX_POLICY_DIR,
    pin_cost: ScryptCost = OWASP_COST,
    clock: Clock | None = None,
    accounts: AccountLookup | None = None,
) -> ServiceStores:
    """Build every store on the service's folders (``paths.prepare()`` made them first)."""
    settings = SettingsStore(paths.settings)
    retention = resolve(settings.load(), machine_managed_policy(policy_dir), SERVICE_USER)[
        "retention_days"
    ]
    return ServiceStores(
        paths=paths,
        settings=settings,
        pin=GuardianPin(paths.guardian, backend=NO_PASSWORD_STORE(), clock=clock, cost=pin_cost),
        approvals=Approvals(paths.approvals, clock=clock),
        events=EventCounts(paths.events / DB_NAME, clock=clock, retention_days=retention),
        quarantine=Quarantine(paths.quarantine),
        policy_dir=policy_dir,
        accounts=accounts,
    )
