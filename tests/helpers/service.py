"""Shared pieces for the service's tests: folders, a child profile and PIN, raw frames."""

from __future__ import annotations

import socket
import struct
from datetime import UTC, datetime
from pathlib import Path

from desktop_app.policy.editor import GuardianSettings
from desktop_app.policy.guardian import GuardianPin, ScryptCost
from desktop_app.policy.managed import ManagedPolicy
from desktop_app.policy.profiles import OsUser, Profile
from desktop_app.policy.store import SettingsStore
from desktop_app.service.paths import MachinePaths
from desktop_app.service.stores import NO_PASSWORD_STORE

FAST = ScryptCost(n=2**10, r=8, p=1)
GUARDIAN_PIN = "482916"
UNDER13_BIRTH_YEAR = datetime.now(UTC).year - 8


def add_profile(paths: MachinePaths, os_user: str, birth_year: int | None) -> Profile:
    """A profile in the service's own settings, as a guardian would add it (root writes)."""
    editor = GuardianSettings(
        store=SettingsStore(paths.settings),
        managed=ManagedPolicy(),
        user=OsUser("root", is_admin=True),
    )
    return editor.add_profile(os_user, os_user, birth_year)


def set_guardian_pin(paths: MachinePaths, cost: ScryptCost = FAST) -> None:
    GuardianPin(paths.guardian, backend=NO_PASSWORD_STORE(), cost=cost).set_pin(GUARDIAN_PIN)


def connect(socket_path: Path, timeout: float = 30.0) -> socket.socket:
    conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    conn.settimeout(timeout)
    conn.connect(str(socket_path))
    return conn


def frame(body: bytes, declared: int | None = None) -> bytes:
    """A frame as a session could send it, with an honest or a lying length."""
    return struct.pack(">I", len(body) if declared is None else declared) + body


def read_until_closed(conn: socket.socket) -> bytes:
    """Everything the service still sends before it closes (socket timeout: the test fails)."""
    received = b""
    while chunk := conn.recv(65536):
        received += chunk
    return received
