"""The guardian PIN against a real Secret Service (gnome-keyring).

`.ci/run` starts gnome-keyring-daemon, unlocked with a throwaway password, inside
`dbus-run-session`. The PIN's core tests in test_guardian.py marked `on_every_keyring` run
there again on it ("[secret-service]"); this test checks that those runs really use it.
Without a reachable Secret Service they fail when CI=true (CI must provide one) and are
skipped otherwise. They never touch an existing SafeLens PIN: if the keyring already holds
one (a real install on a developer's desktop), they skip.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import SecretService

from desktop_app.policy.guardian import GuardianPin, ScryptCost
from tests.helpers.keyring import secret_service

# Only to keep the test fast, as in test_guardian.py.
FAST = ScryptCost(n=2**10, r=8, p=1)


@pytest.fixture
def backend() -> Iterator[KeyringBackend]:
    with secret_service() as real:
        yield real


def test_the_real_backend_is_what_these_tests_use(backend: KeyringBackend) -> None:
    assert isinstance(backend, SecretService.Keyring)
    new = GuardianPin(backend=backend, cost=FAST)
    assert new.store_kind == "keyring"
    assert "SecretService" in new.store_message
