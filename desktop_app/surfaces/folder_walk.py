"""Every file below a share folder, walked without recursion and with a bound.

A child can make a tree a thousand folders deep, or millions of files: the walk keeps its
own stack (never Python's), never follows a symlink, skips folders it cannot read or that
vanish while it walks, and stops at ``MAX_DEPTH`` levels and ``MAX_ENTRIES`` entries per
walk, counting what it left out so the health view can say so (never which names).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

MAX_DEPTH = 4_096  # deeper than any real download; a path this deep is past PATH_MAX anyway
MAX_ENTRIES = 1_000_000  # per walk of one share folder

__all__ = ["MAX_DEPTH", "MAX_ENTRIES", "FolderWalk"]


@dataclass
class FolderWalk:
    """One walk of one share folder; ``skip(path, name)`` leaves a sub-folder out."""

    root: Path
    skip: Callable[[Path, str], bool]
    max_depth: int = MAX_DEPTH
    max_entries: int = MAX_ENTRIES
    too_deep: int = 0  # folders left out for depth
    cut_short: bool = False  # stopped at max_entries

    def files(self) -> Iterator[tuple[Path, os.stat_result]]:
        """Each regular file and symlink below ``root``, with its ``lstat``."""
        stack: list[tuple[Path, int]] = [(self.root, 0)]
        seen = 0
        while stack:
            folder, depth = stack.pop()
            try:
                with os.scandir(folder) as listing:
                    entries = list(listing)
            except (OSError, ValueError):
                continue  # missing, unreadable or vanished: tried again at the next rescan
            for entry in entries:
                seen += 1
                if seen > self.max_entries:
                    self.cut_short = True
                    return
                path = Path(entry.path)
                try:
                    info = entry.stat(follow_symlinks=False)
                except (OSError, ValueError):
                    continue
                if stat.S_ISDIR(info.st_mode):
                    if self.skip(path, entry.name):
                        continue
                    if depth + 1 > self.max_depth:
                        self.too_deep += 1
                        continue
                    stack.append((path, depth + 1))
                elif stat.S_ISREG(info.st_mode) or stat.S_ISLNK(info.st_mode):
                    yield path, info
