"""When a file in a share folder has finished arriving, so it is checked once, complete.

A file is settled when its size and modification time have not changed over the settle
interval (seen at least twice), it can be opened for reading, it has no downloader's
temporary name (or a temporary sibling), and, on Linux, no process holds it open for
writing. A file whose modification time is already older than the interval only needs
the second look, so a rescan after a restart does not wait a full interval per file.
Whatever it waits for, a file is checked as it stands once it has been arriving for the
bound (``SETTLE_MAX_S``, set by policy): a child cannot keep a picture unchecked by holding
it open, writing to it, or keeping a ``.part`` beside it.
"""

from __future__ import annotations

import contextlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from .file_identity import FileIdentity

# Names downloaders and copy tools write to before renaming the finished file.
TEMP_SUFFIXES = (".part", ".crdownload", ".tmp", ".download", ".partial", ".opdownload")
# Writers that stopped long ago are gone: a temporary file this old is checked as it is.
ABANDONED_AFTER_S = 600.0
# Nothing waits longer than this, counted from when the file was first seen, whatever it
# waits for (a writer holding it open, a ``.part`` beside it, touches): the policy's
# ``share_folders.settle_max_seconds``.
SETTLE_MAX_S = 30.0
# Linux open(2) flags in /proc/PID/fdinfo: O_WRONLY = 1, O_RDWR = 2.
_WRITE_FLAGS = 0o3


def is_temporary_name(name: str) -> bool:
    """A downloader's in-progress name (``x.jpg.part``, ``Unconfirmed 1.crdownload``)."""
    return name.lower().endswith(TEMP_SUFFIXES)


def has_temporary_sibling(path: Path) -> bool:
    """Firefox keeps an empty ``x.jpg`` next to ``x.jpg.part`` until the download ends.

    A sibling whose name would be too long for the file system cannot exist: asking is
    an ``OSError`` like any other, never the end of the watch.
    """
    for suffix in TEMP_SUFFIXES:
        try:
            os.lstat(path.with_name(path.name + suffix))
        except (OSError, ValueError):
            continue
        return True
    return False


@dataclass
class Arrival:
    """A file still arriving: when it was first seen, when it last changed, how it looked."""

    state: FileIdentity
    changed_at: float  # monotonic seconds
    since: float  # monotonic seconds; never moved by a later write (the bound counts from it)
    looks: int = 1


class SettleWatch:
    """Tracks arriving files until their writes have settled (not thread-safe: one owner)."""

    def __init__(
        self,
        settle_s: float,
        abandoned_after_s: float = ABANDONED_AFTER_S,
        max_wait_s: float = SETTLE_MAX_S,
    ) -> None:
        self.settle_s = settle_s
        self.abandoned_after_s = abandoned_after_s
        self.max_wait_s = max_wait_s
        self._arrivals: dict[Path, Arrival] = {}

    def __len__(self) -> int:
        return len(self._arrivals)

    def __contains__(self, path: object) -> bool:
        return path in self._arrivals

    def paths(self) -> list[Path]:
        return list(self._arrivals)

    def forget(self, path: Path) -> None:
        self._arrivals.pop(path, None)

    def since(self, path: Path, default: float) -> float:
        """When ``path`` was first seen arriving (``default`` if it is not arriving)."""
        arrival = self._arrivals.get(path)
        return arrival.since if arrival is not None else default

    def overdue(self, path: Path, now: float) -> bool:
        """Arriving longer than the bound: checked as it stands, whatever else it waits for."""
        arrival = self._arrivals.get(path)
        return arrival is not None and now - arrival.since >= self.max_wait_s

    def look(
        self,
        path: Path,
        state: FileIdentity,
        now: float,
        wall_now: float,
        since: float | None = None,
    ) -> bool:
        """Record one look at ``path``; True when its write has settled (or waited too long).

        ``since``: when this file was first seen, if it was arriving before (a file written
        again before or while it was checked keeps its place against the bound).
        """
        arrival = self._arrivals.get(path)
        if arrival is None:
            age = max(0.0, wall_now - state.mtime_ns / 1e9)
            first = now if since is None else since
            self._arrivals[path] = Arrival(state, now - min(age, self.settle_s), first)
            return False
        if now - arrival.since >= self.max_wait_s:
            arrival.state = state
            return True  # still written to, or waiting for a downloader: checked as it is
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
