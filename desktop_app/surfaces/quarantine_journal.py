"""The quarantine's journal and lock: what was under way when a process died, and one at a time.

Every operation writes a journal record (fsynced, file and folder) before it touches a file;
the record is removed only when the operation is complete, so `Quarantine.recover` always knows
what was under way.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from desktop_app.core.storage import atomic_write_json

from .quarantine_files import Owner, fsync_dir, give, remove_quietly

LOCK_TIMEOUT_S = 60.0


def make_lock_file(path: Path) -> Path:
    os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))
    return path


class Journal:
    """One JSON record per operation under way, named by the entry's id."""

    def __init__(self, folder: Path, owner: Owner = None) -> None:
        self.folder = folder
        self.owner = owner

    def path(self, entry_id: str) -> Path:
        return self.folder / f"{entry_id}.json"

    def write(self, entry_id: str, record: dict[str, Any]) -> None:
        """Atomic and fsynced (file and folder) before the caller moves anything."""
        atomic_write_json(self.path(entry_id), record, mode=0o600)
        give(self.path(entry_id), self.owner)

    def remove(self, entry_id: str) -> None:
        if remove_quietly(self.path(entry_id)):
            fsync_dir(self.folder)

    def pending(self) -> Iterator[tuple[str, dict[str, Any] | None]]:
        """Every record left by an operation that did not finish (None when unreadable)."""
        for path in sorted(self.folder.glob("*.json")):
            try:
                record = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                record = None
            yield path.stem, record if isinstance(record, dict) else None


@contextlib.contextmanager
def locked(lock_file: Path) -> Iterator[None]:
    """One operation at a time across processes (the agent and the CLI share the folder).

    The OS drops the lock when its holder dies, so a killed process never blocks recovery.
    """
    fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        _acquire(fd)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _acquire(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        deadline = time.monotonic() + LOCK_TIMEOUT_S
        while True:
            try:
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
                return
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX)
