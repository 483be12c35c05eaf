"""The quarantine's crash-safe plumbing: its journal, its lock, and file moves that survive kill -9.

Every operation writes a journal record (fsynced, file and folder) before it touches a file;
the record is removed only when the operation is complete, so `Quarantine.recover` always knows
what was under way. Files are copied with their SHA-256 computed on the way, fsynced, then
renamed into place; a rename never overwrites anything the user owns (`place_new`).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import signal
import stat
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from desktop_app.policy.storage import StorageError, atomic_write_json

CRASH_ENV = "SAFELENS_QUARANTINE_CRASH_AT"
# Where the test-only hook can kill the process (see tests/surfaces/test_quarantine_crash.py).
CRASH_STEPS = (
    "add:journaled",  # journal on disk, nothing moved yet
    "add:recorded",  # entry on disk too, file still at its original place
    "copy:partial",  # across volumes: a temp copy holds only the first chunk (add or restore)
    "add:copied",  # across volumes: the complete copy is in a temp file in quarantine
    "add:stored",  # the file is in quarantine under its id (same volume: original gone)
    "add:source_removed",  # across volumes: the original is gone
    "restore:journaled",
    "restore:copied",  # across volumes: complete copy in a hidden temp file next to the target
    "restore:placed",  # the file is back at its target (the quarantined copy still exists)
    "restore:stored_removed",
    "restore:unrecorded",
    "delete:journaled",
    "delete:stored_removed",
)
CHUNK = 1 << 20
FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
LOCK_TIMEOUT_S = 60.0


def crash_point(step: str) -> None:
    """Test-only: die here, as a kill -9 would, when the environment names this step."""
    if os.environ.get(CRASH_ENV) == step:
        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))
        time.sleep(10)  # the signal is delivered asynchronously on some systems


def is_full(exc: BaseException) -> bool:
    """Whether an error (or the OSError behind a StorageError) means the disk is full."""
    cause = exc.__cause__ if isinstance(exc, StorageError) else exc
    return isinstance(cause, OSError) and cause.errno in FULL_ERRNOS


def fsync_dir(folder: Path) -> None:
    """Make a rename or unlink in ``folder`` durable (no-op where folders cannot be opened)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def hash_file(path: Path) -> tuple[str, int]:
    """SHA-256 and size of a regular file, never following a symlink."""
    digest, size = hashlib.sha256(), 0
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def copy_new(source: Path, temp: Path, mode: int) -> tuple[str, int]:
    """Copy to a new temp file (never an existing one), fsynced; returns SHA-256 and size."""
    digest, size = hashlib.sha256(), 0
    read_flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    src = os.open(source, read_flags)
    try:
        dst = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
        try:
            while chunk := os.read(src, CHUNK):
                digest.update(chunk)
                size += len(chunk)
                view = memoryview(chunk)
                while view:
                    view = view[os.write(dst, view) :]
                if size == len(chunk):
                    crash_point("copy:partial")
            os.fsync(dst)
        finally:
            os.close(dst)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    finally:
        os.close(src)
    return digest.hexdigest(), size


def write_new(temp: Path, data: bytes, mode: int) -> None:
    """Write bytes to a new temp file (never an existing one), fsynced."""
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        remove_quietly(temp)
        raise
    os.close(fd)


def changed(path: Path, before: os.stat_result) -> bool:
    """Whether the file at ``path`` is no longer the one that was stat'ed (replaced or written)."""
    try:
        now = os.lstat(path)
    except FileNotFoundError:
        return True
    same = (now.st_ino, now.st_dev, now.st_size, now.st_mtime_ns)
    return same != (before.st_ino, before.st_dev, before.st_size, before.st_mtime_ns)


def place_new(source: Path, target: Path, *, keep_source: bool = False) -> None:
    """Give ``source`` the name ``target`` without ever replacing a file: FileExistsError if taken.

    A hard link is atomic and refuses an existing name; where links are not supported
    (FAT, some network shares) a rename after a check is the best the OS offers. With
    ``keep_source`` a successful link leaves both names (the caller removes the source later).
    """
    try:
        os.link(source, target, follow_symlinks=False)
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno not in {
            errno.EPERM,
            errno.ENOTSUP,
            errno.EOPNOTSUPP,
            errno.EMLINK,
            errno.EXDEV,
        }:
            raise
        if os.path.lexists(target):
            raise FileExistsError(errno.EEXIST, "exists") from exc
        os.rename(source, target)  # on Windows rename itself refuses an existing name
        return
    if not keep_source:
        os.unlink(source)


def is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def remove_quietly(path: Path) -> bool:
    """Unlink if present; True when something was removed."""
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    return True


class Journal:
    """One JSON record per operation under way, named by the entry's id."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, entry_id: str) -> Path:
        return self.folder / f"{entry_id}.json"

    def write(self, entry_id: str, record: dict[str, Any]) -> None:
        """Atomic and fsynced (file and folder) before the caller moves anything."""
        atomic_write_json(self.path(entry_id), record, mode=0o600)

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


def remove_temps(folder: Path) -> int:
    """Atomic-write and copy leftovers ('.NAME….tmp') of a killed process."""
    removed = 0
    for path in folder.glob(".*.tmp"):
        removed += remove_quietly(path)
    return removed


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
