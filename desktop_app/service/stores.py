"""The service's own stores, each built on its machine folder (never on environment variables).

The PIN's hash lives in a file (root has no password store), in the private ``guardian``
folder with its attempt state, so throttling survives reconnects and restarts.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.backends import fail

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
from desktop_app.policy.store import SettingsStore
from desktop_app.safety.events import DB_NAME, EventCounts
from desktop_app.surfaces.quarantine import Quarantine

from .accounts import AccountsFound, find_protected_accounts
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


@dataclass(frozen=True)
class ServiceStores:
    """Everything the service keeps, on ``paths``."""

    paths: MachinePaths
    settings: SettingsStore
    pin: GuardianPin
    approvals: Approvals
    events: EventCounts
    quarantine: Quarantine
    policy_dir: Path = LINUX_POLICY_DIR

    def policy_for(self, user: OsUser, now: datetime | None = None) -> EffectivePolicy:
        """What applies to ``user`` now, read fresh (the guardian may have changed it)."""
        return resolve(self.settings.load(), machine_managed_policy(self.policy_dir), user, now)

    def protected_accounts(self, now: datetime | None = None) -> AccountsFound:
        """Every child profile whose OS account exists, from the settings as they are now."""
        managed = machine_managed_policy(self.policy_dir)
        return find_protected_accounts(self.settings.load(), managed, now or datetime.now(UTC))

    def actions(self) -> GuardianActions:
        """The guardian's actions over these stores, acting as the service (root)."""
        managed = machine_managed_policy(self.policy_dir)
        settings = GuardianSettings(self.settings, managed, SERVICE_USER)
        return GuardianActions(self.pin, self.approvals, self.quarantine, settings, self.events)

    def close(self) -> None:
        self.events.close()


def open_stores(
    paths: MachinePaths,
    *,
    policy_dir: Path = LINUX_POLICY_DIR,
    pin_cost: ScryptCost = OWASP_COST,
    clock: Clock | None = None,
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
    )
