"""File moves for the quarantine that survive kill -9: copy with the hash, fsync, never overwrite.

Files are copied with their SHA-256 computed on the way, fsynced, then renamed into place; a
new name never replaces anything the user owns (`place_new`). `crash_point` is a test-only hook
naming each step at which the kill -9 test stops the process.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import signal
import stat
import time
from pathlib import Path

from .quarantine_entry import FileChanged

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
FILE_MODE = 0o600  # stored files: never executable, only for the quarantine's owner
RESTORED_MODE = 0o644
ID = re.compile(r"[0-9a-f]{12,64}")  # entry ids: what names a stored file

Owner = tuple[int, int] | None


def crash_point(step: str) -> None:
    """Test-only: die here, as a kill -9 would, when the environment names this step."""
    if os.environ.get(CRASH_ENV) == step:
        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))
        time.sleep(10)  # the signal is delivered asynchronously on some systems


def fsync_dir(folder: Path) -> None:
    """Make a rename or unlink in ``folder`` durable (no-op where folders cannot be opened)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


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
        remove_quietly(temp)
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
        os.link(source, target)  # source is always our own regular file, never a link
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


def remove_temps(folder: Path) -> int:
    """Atomic-write and copy leftovers ('.NAME….tmp') of a killed process."""
    removed = 0
    for path in folder.glob(".*.tmp"):
        removed += remove_quietly(path)
    return removed


def owner_for(folder: Path) -> Owner:
    """(uid, gid) to give new files when root works in a folder another account owns."""
    if os.name != "posix" or os.geteuid() != 0:
        return None
    found = os.stat(folder)
    return None if found.st_uid == 0 else (found.st_uid, found.st_gid)


def give(path: Path, owner: Owner) -> None:
    if owner is not None:
        os.chown(path, *owner, follow_symlinks=False)


def move_within(source: Path, stored: Path) -> bool:
    """Rename within one volume; False when the OS says it is another volume after all."""
    try:
        os.replace(source, stored)
    except OSError as exc:
        if exc.errno == errno.EXDEV:
            return False
        raise
    fsync_dir(stored.parent)
    fsync_dir(source.parent)
    os.chmod(stored, FILE_MODE)
    crash_point("add:stored")
    return True


def copy_across(
    source: Path, stored: Path, expected: tuple[str, int], before: os.stat_result, owner: Owner
) -> None:
    """Copy, fsync, rename into place, then remove the original if it is still the same file."""
    temp = stored.parent / f".{stored.name}.tmp"
    found = copy_new(source, temp, FILE_MODE)
    give(temp, owner)
    if found != expected or changed(source, before):
        remove_quietly(temp)
        raise FileChanged("The file changed while it was being quarantined; it was left in place.")
    crash_point("add:copied")
    os.rename(temp, stored)
    fsync_dir(stored.parent)
    crash_point("add:stored")
    if changed(source, before):  # a new file with the same name: not ours to remove
        return
    remove_quietly(source)
    fsync_dir(source.parent)
    crash_point("add:source_removed")


def copy_out(
    stored: Path,
    temp: Path,
    target: Path,
    same: bool,
    giving: tuple[int, Owner] = (RESTORED_MODE, None),
) -> None:
    """A new name for the stored file (a hard link on one volume), else a copy under it;
    ``giving``: its mode, and its owner when root restores into someone's folder."""
    mode, owner = giving
    if same and os.lstat(stored).st_nlink == 1:  # never a second name for a shared inode
        try:
            os.chmod(stored, mode)
            give(stored, owner)
            place_new(stored, target, keep_source=True)
            return
        except OSError as exc:
            if exc.errno != errno.EXDEV:
                raise  # EXDEV: one folder, two volumes (bind mounts, overlays): copy instead
    copy_new(stored, temp, mode)
    os.chmod(temp, mode)  # not narrowed by the umask: the mode it had
    give(temp, owner)
    crash_point("restore:copied")
    place_new(temp, target)
