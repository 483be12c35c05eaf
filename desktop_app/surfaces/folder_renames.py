"""Files that left a share folder's index this session, so a rename is not a new file.

A rename changes a file's change time, so a file found under a new name is matched by
device, inode, size and modification time — and then by its bytes: a file that was
renamed away, rewritten with its times put back and renamed again is checked again.
"""

from __future__ import annotations

from pathlib import Path

from desktop_app.core.hashing import content_sha256

from .file_identity import FileIdentity
from .folder_index import IndexEntry

MAX_VANISHED = 10_000
_Key = tuple[Path, int, int, int, int]


class Renames:
    """The recently vanished entries of a set of share folders (one owner thread)."""

    def __init__(self, limit: int = MAX_VANISHED) -> None:
        self.limit = limit
        self._vanished: dict[_Key, IndexEntry] = {}

    def vanished(self, folder: Path, entry: IndexEntry | None) -> None:
        """``entry`` left ``folder``'s index (deleted, or moved: we cannot tell yet)."""
        if entry is None or entry.identity.inode <= 0 or entry.sha256 is None:
            return
        self._vanished[_key(folder, entry.identity)] = entry
        while len(self._vanished) > self.limit:
            del self._vanished[next(iter(self._vanished))]

    def claim(self, folder: Path, path: Path, state: FileIdentity) -> IndexEntry | None:
        """The entry for ``path`` if it is a vanished file, renamed and unchanged."""
        key = _key(folder, state)
        moved = self._vanished.get(key)
        if moved is None:
            return None
        try:
            same = content_sha256(path) == moved.sha256  # its bytes, not its times, decide
        except OSError:
            return None
        if not same:
            return None
        del self._vanished[key]
        return IndexEntry(state, moved.sha256, moved.verdict, moved.status)


def _key(folder: Path, state: FileIdentity) -> _Key:
    return (folder, state.device, state.inode, state.size, state.mtime_ns)
