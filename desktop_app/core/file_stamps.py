"""A value read from files, read again only when one of those files changes.

A file's stamp is its (mtime_ns, size, inode, ctime_ns): an atomic save (a new file
renamed over the old one) always gives a new inode, an edit in place a new mtime or
size, so a change is seen on the very next call. The service answers every request with
the guardian's settings and the school's policy; reading and checking them each time
was most of an answer's cost.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Generic, TypeVar

T = TypeVar("T")
FileStamp = tuple[int, int, int, int] | None  # None: missing or unreadable
Stamps = tuple[tuple[str, FileStamp], ...]
FileList = Callable[[], Iterable[Path] | None]  # None: no files to watch, read every time


def file_stamp(path: Path) -> FileStamp:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_mtime_ns, found.st_size, found.st_ino, found.st_ctime_ns)


def stamps(paths: Iterable[Path]) -> Stamps:
    """Each file's name with its stamp: a file added, removed or changed changes the result."""
    return tuple((str(path), file_stamp(path)) for path in paths)


class ReadOnChange(Generic[T]):
    """``read()`` once, then again only when the stamps of ``files()`` differ.

    The stamps are taken before reading, so a change during a read is seen next time.
    What it returns is shared between callers: read it, never change it.
    """

    def __init__(self, read: Callable[[], T], files: FileList) -> None:
        self._read, self._files = read, files
        self._lock = threading.Lock()
        self._kept: tuple[object, T] | None = None

    def __call__(self) -> T:
        listed = self._files()
        if listed is None:
            return self._read()
        stamp = stamps(listed)
        with self._lock:
            if self._kept is not None and self._kept[0] == stamp:
                return self._kept[1]
            value = self._read()
            self._kept = (stamp, value)
            return value
