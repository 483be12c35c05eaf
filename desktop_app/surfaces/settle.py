"""When a file in a share folder has finished arriving, so it is checked once, complete.

A file is settled when its size and modification time have not changed over the settle
interval (seen at least twice), it can be opened for reading, it has no downloader's
temporary name (or a temporary sibling), and, on Linux, no process holds it open for
writing. A file whose modification time is already older than the interval only needs
the second look, so a rescan after a restart does not wait a full interval per file.
"""

from __future__ import annotations

import contextlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path

# Names downloaders and copy tools write to before renaming the finished file.
TEMP_SUFFIXES = (".part", ".crdownload", ".tmp", ".download", ".partial", ".opdownload")
# Writers that stopped long ago are gone: a temporary file this old is checked as it is.
ABANDONED_AFTER_S = 600.0
# Linux open(2) flags in /proc/PID/fdinfo: O_WRONLY = 1, O_RDWR = 2.
_WRITE_FLAGS = 0o3


def is_temporary_name(name: str) -> bool:
    """A downloader's in-progress name (``x.jpg.part``, ``Unconfirmed 1.crdownload``)."""
    return name.lower().endswith(TEMP_SUFFIXES)


def has_temporary_sibling(path: Path) -> bool:
    """Firefox keeps an empty ``x.jpg`` next to ``x.jpg.part`` until the download ends."""
    return any(path.with_name(path.name + suffix).exists() for suffix in TEMP_SUFFIXES)


@dataclass(frozen=True)
class FileState:
    """What one ``stat`` said about a file: enough to notice any further write."""

    size: int
    mtime_ns: int
    inode: int
    device: int

    @classmethod
    def of(cls, result: os.stat_result) -> FileState:
        return cls(result.st_size, result.st_mtime_ns, result.st_ino, result.st_dev)

    def same_content_as(self, other: FileState) -> bool:
        return self.size == other.size and self.mtime_ns == other.mtime_ns


@dataclass
class Arrival:
    """A file still arriving: when it was last seen to change, and how it looked then."""

    state: FileState
    changed_at: float  # monotonic seconds
    looks: int = 1


class SettleWatch:
    """Tracks arriving files until their writes have settled (not thread-safe: one owner)."""

    def __init__(self, settle_s: float, abandoned_after_s: float = ABANDONED_AFTER_S) -> None:
        self.settle_s = settle_s
        self.abandoned_after_s = abandoned_after_s
        self._arrivals: dict[Path, Arrival] = {}

    def __len__(self) -> int:
        return len(self._arrivals)

    def __contains__(self, path: object) -> bool:
        return path in self._arrivals

    def paths(self) -> list[Path]:
        return list(self._arrivals)

    def forget(self, path: Path) -> None:
        self._arrivals.pop(path, None)

    def look(self, path: Path, state: FileState, now: float, wall_now: float) -> bool:
        """Record one look at ``path``; True when its write has settled by size and time."""
        arrival = self._arrivals.get(path)
        if arrival is None:
            age = max(0.0, wall_now - state.mtime_ns / 1e9)
            self._arrivals[path] = Arrival(state, now - min(age, self.settle_s))
            return False
        if arrival.state != state:
            arrival.state, arrival.changed_at, arrival.looks = state, now, 1
            return False
        arrival.looks += 1
        quiet_for = now - arrival.changed_at
        if quiet_for < self.settle_s:
            return False
        if is_temporary_name(path.name) or has_temporary_sibling(path):
            return quiet_for >= self.abandoned_after_s
        return True


def can_open(path: Path) -> bool:
    """The file can be opened for reading (Windows refuses while a writer holds it)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return False
    os.close(fd)
    return True


def held_for_writing(candidates: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """Which of ``candidates`` (device, inode) a process of this user holds open for writing.

    Linux only, one pass over /proc per settle round (not per file); other users'
    processes cannot be seen. Elsewhere nothing is reported and size/time settling decides.
    """
    held: set[tuple[int, int]] = set()
    if not candidates or not sys.platform.startswith("linux"):
        return held
    try:
        pids = [name for name in os.listdir("/proc") if name.isdigit()]
    except OSError:
        return held
    for pid in pids:
        try:
            fds = os.listdir(f"/proc/{pid}/fd")
        except OSError:
            continue
        for fd in fds:
            with contextlib.suppress(OSError, ValueError, IndexError):
                target = os.stat(f"/proc/{pid}/fd/{fd}")
                key = (target.st_dev, target.st_ino)
                if key in candidates and _writing(pid, fd):
                    held.add(key)
    return held


def _writing(pid: str, fd: str) -> bool:
    with open(f"/proc/{pid}/fdinfo/{fd}", encoding="ascii") as info:
        for line in info:
            if line.startswith("flags:"):
                return bool(int(line.split()[1], 8) & _WRITE_FLAGS)
    return False
