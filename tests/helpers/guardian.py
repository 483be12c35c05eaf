"""Shared pieces for the guardian UI tests: an in-memory keyring, a fast PIN, services."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from keyring.backend import KeyringBackend

from desktop_app.policy.approvals import Approvals
from desktop_app.policy.editor import GuardianSettings
from desktop_app.policy.guardian import GuardianPin, ScryptCost
from desktop_app.policy.managed import ManagedPolicy
from desktop_app.policy.profiles import OsUser
from desktop_app.policy.store import SettingsStore
from desktop_app.safety.events import EventCounts
from desktop_app.ui.guardian import GuardianServices

# Only to keep the tests fast; tests/policy/test_guardian.py checks the real parameters.
FAST = ScryptCost(n=2**10, r=8, p=1)
PIN = "918273"
LAB_POLICY = "/etc/safelens/policies/lab.json"


class FakeClock:
    """A UTC clock the test moves by hand."""

    def __init__(self, now: datetime | None = None) -> None:
        self.now = now or datetime.now(UTC).replace(microsecond=0)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def make_services(
    keyring: KeyringBackend,
    managed: ManagedPolicy | None = None,
    clock: FakeClock | None = None,
    pin: GuardianPin | None = None,
    events: EventCounts | None = None,
) -> GuardianServices:
    """Everything under the test's own SAFELENS_HOME (set by tests/conftest.py)."""
    return GuardianServices(
        settings=GuardianSettings(
            SettingsStore(), managed or ManagedPolicy(), OsUser("parent", is_admin=True), clock
        ),
        pin=pin or GuardianPin(backend=keyring, clock=clock, cost=FAST),
        approvals=Approvals(clock=clock),
        events=events,
    )


def lab_policy(**values: object) -> ManagedPolicy:
    managed = ManagedPolicy()
    managed.merge(values, LAB_POLICY)
    return managed
