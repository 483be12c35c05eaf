"""What a folder holds, listed on a worker thread (never the GUI thread: folders can be huge)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from desktop_app.analysis.media import PICTURE_SUFFIXES


@dataclass(frozen=True)
class FolderEntry:
    """A file or sub-folder; (path, size, mtime_ns) identifies a version of a file."""

    name: str
    path: str
    is_dir: bool
    size: int = 0
    mtime_ns: int = 0

    @property
    def key(self) -> tuple[str, int, int]:
        return (self.path, self.size, self.mtime_ns)

    @property
    def looks_like_media(self) -> bool:
        """By name only: which tiles are checked before they are chosen (pictures, videos,
        archives, documents); never what is safe — a chosen file is always checked."""
        return not self.is_dir and Path(self.name).suffix.lower() in PICTURE_SUFFIXES


def list_folder(folder: str) -> list[FolderEntry]:
    """Sub-folders then files, each in name order; hidden names and broken links left out."""
    entries: list[FolderEntry] = []
    with os.scandir(folder) as found:
        for item in found:
            if item.name.startswith("."):
                continue
            try:
                is_dir = item.is_dir()
                info = item.stat()
            except OSError:
                continue  # a broken link or a file that vanished while listing
            entries.append(
                FolderEntry(item.name, item.path, is_dir, info.st_size, info.st_mtime_ns)
            )
    entries.sort(key=lambda e: (not e.is_dir, e.name.casefold(), e.name))
    return entries
