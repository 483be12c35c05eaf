"""Shared pieces for the service's tests: folders, a child profile and PIN, raw frames."""

from __future__ import annotations

import contextlib
import socket
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop_app.core.vocabulary import Surface
from desktop_app.policy.editor import GuardianSettings
from desktop_app.policy.guardian import GuardianPin, ScryptCost
from desktop_app.policy.managed import ManagedPolicy
from desktop_app.policy.profiles import OsUser, Profile
from desktop_app.policy.store import SettingsStore
from desktop_app.service.handlers import ServiceHandlers
from desktop_app.service.paths import MachinePaths
from desktop_app.service.server import ServiceServer
from desktop_app.service.session_ops import SessionOps, with_session_ops
from desktop_app.service.stores import NO_PASSWORD_STORE, ServiceStores, open_stores
from desktop_app.surfaces.quarantine import QuarantineReason

FAST = ScryptCost(n=2**10, r=8, p=1)
GUARDIAN_PIN = "482916"
UNDER13_BIRTH_YEAR = datetime.now(UTC).year - 8


def machine_paths(tmp_path: Path) -> MachinePaths:
    """The service's folders, prepared, under ``tmp_path`` (data/ and run/s.sock)."""
    machine = MachinePaths(root=tmp_path / "data", socket=tmp_path / "run" / "s.sock")
    machine.prepare()
    return machine


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


@dataclass
class Service:
    """A service's stores and session ops on a private folder, for one child account."""

    paths: MachinePaths
    stores: ServiceStores
    session: SessionOps
    key: str  # the child's profile id

    def start(self) -> ServiceServer:
        handlers = ServiceHandlers(self.stores)
        self.session = with_session_ops(handlers, self.stores)
        server = ServiceServer(self.paths.socket, handlers)
        server.start()
        return server

    def put_aside(self, name: str) -> str:
        """Bytes put aside for the child, as the watch would (the original never was a file)."""
        return self.stores.quarantine.add_bytes(
            name.encode(),
            original_path=f"/home/child/Downloads/{name}",
            reason=QuarantineReason.sensitive,
            surface=Surface.share_folders,
            profile_id=self.key,
        ).id

    def put_aside_file(self, path: Path) -> str:
        """A real file put aside for the child (a guardian can restore it to ``path``)."""
        return self.stores.quarantine.add(
            path,
            reason=QuarantineReason.sensitive,
            surface=Surface.share_folders,
            profile_id=self.key,
        ).id


@contextlib.contextmanager
def session_service(tmp_path: Path, child_account: str) -> Iterator[Service]:
    """The service's data for ``child_account`` (under 13) with the guardian's PIN set."""
    paths = machine_paths(tmp_path)
    key = add_profile(paths, child_account, UNDER13_BIRTH_YEAR).id
    set_guardian_pin(paths)
    stores = open_stores(paths, policy_dir=paths.root / "no-policy", pin_cost=FAST)
    try:
        yield Service(paths, stores, SessionOps(stores), key)
    finally:
        stores.close()


def refused(reply: dict[str, Any], code: str) -> bool:
    """The service refused with ``code`` and a sentence for people."""
    return reply["ok"] is False and reply["error"] == code and bool(reply["message"])
