"""Keyrings for tests: an in-memory one, never the user's real password store, and a real
Secret Service only when CI provides a throwaway one (see .ci/run)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import SecretService
from keyring.errors import KeyringError, PasswordDeleteError

from desktop_app.policy.guardian import SERVICE, USERNAME


class MemoryKeyring(KeyringBackend):
    """A keyring in a dict. Negative priority: keyring never chooses it on its own."""

    priority = -10  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.secrets.pop((service, username), None) is None:
            raise PasswordDeleteError("No such password")


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


@contextlib.contextmanager
def secret_service() -> Iterator[KeyringBackend]:
    """The real Secret Service; the test's PIN is deleted from it afterwards.

    Without a reachable Secret Service the test fails when CI=true (CI must provide one)
    and is skipped otherwise. It never touches an existing SafeLens PIN: if the keyring
    already holds one (a real install on a developer's desktop), the test skips.
    """
    real = _reachable_secret_service()
    yield real
    _forget(real)
