"""The guardian PIN's core tests again, against a real Secret Service (gnome-keyring).

`.ci/run` starts gnome-keyring-daemon, unlocked with a throwaway password, inside
`dbus-run-session`. Without a reachable Secret Service these tests fail when CI=true
(CI must provide one) and are skipped otherwise. They never touch an existing SafeLens
PIN: if the keyring already holds one (a real install on a developer's desktop), they skip.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import SecretService
from keyring.errors import KeyringError, PasswordDeleteError

from desktop_app.policy.guardian import SERVICE, USERNAME
from tests.policy import test_guardian as core


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI must provide a Secret Service (see .ci/run): {reason}")
    pytest.skip(f"No Secret Service on this machine's D-Bus session ({reason})")


def _reachable_secret_service() -> KeyringBackend:
    """keyring's real SecretService backend, or skip/fail saying why it is not usable."""
    try:
        SecretService.Keyring.priority  # noqa: B018 - raises RuntimeError when unusable
        backend = SecretService.Keyring()
        existing = backend.get_password(SERVICE, USERNAME)  # raises when locked
    except (RuntimeError, KeyringError) as exc:
        _unavailable(f"{type(exc).__name__}: {exc}")
        raise  # not reached: skip and fail raise
    if existing is not None:
        pytest.skip("This keyring holds a real SafeLens PIN; the tests will not touch it")
    return backend


def _forget(backend: KeyringBackend) -> None:
    with contextlib.suppress(PasswordDeleteError):
        backend.delete_password(SERVICE, USERNAME)


@pytest.fixture
def backend() -> Iterator[KeyringBackend]:
    """Overrides test_guardian's in-memory backend for the tests collected here."""
    real = _reachable_secret_service()
    yield real
    _forget(real)


# The fixtures those tests use, and the tests themselves, collected again in this module.
home = core.home
clock = core.clock
new_pin = core.new_pin

test_pin_is_never_stored_in_clear = core.test_pin_is_never_stored_in_clear
test_parameters_are_read_back_and_raised_after_a_right_pin = (
    core.test_parameters_are_read_back_and_raised_after_a_right_pin
)
test_wrong_and_short_pins_do_not_verify = core.test_wrong_and_short_pins_do_not_verify
test_status_is_missing_when_the_keyring_entry_vanishes = (
    core.test_status_is_missing_when_the_keyring_entry_vanishes
)
test_a_damaged_stored_hash_counts_as_missing = core.test_a_damaged_stored_hash_counts_as_missing
test_administrators_reset_deletes_keyring_entry_and_marker = (
    core.test_administrators_reset_deletes_keyring_entry_and_marker
)
test_changing_the_pin_needs_the_old_one = core.test_changing_the_pin_needs_the_old_one
test_changing_the_pin_cannot_be_used_to_guess = core.test_changing_the_pin_cannot_be_used_to_guess
test_ten_wrong_pins_slow_further_tries_across_restarts_and_clock_changes = (
    core.test_ten_wrong_pins_slow_further_tries_across_restarts_and_clock_changes
)
test_a_right_pin_resets_the_count = core.test_a_right_pin_resets_the_count
test_a_working_keyring_is_reported_by_name = core.test_a_working_keyring_is_reported_by_name


def test_the_real_backend_is_what_these_tests_use(backend: KeyringBackend) -> None:
    assert isinstance(backend, SecretService.Keyring)
    new = core.GuardianPin(backend=backend, cost=core.FAST)
    assert new.store_kind == "keyring"
    assert "SecretService" in new.store_message
