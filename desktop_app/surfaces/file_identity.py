"""Which file this is, in a way its owner cannot forge: device, inode, size and both times.

The owner of a file can set its modification time back (``touch -d``) after rewriting it in
place (``dd conv=notrunc``), but not its change time: the kernel sets ``ctime`` to now on
every write, ``utime``, rename or ``chmod``. So a file whose identity is unchanged has not
been written since it was checked, and anything that changed it makes a new identity —
which is checked again. Qt-free and small, so that a verdict cache (the share folders'
index today, an on-access gate later) can be keyed on it.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass
from typing import Any

__all__ = ["FileIdentity"]


@dataclass(frozen=True)
class FileIdentity:
    """What one ``lstat`` says about a file: equal identities mean nothing was written."""

    device: int
    inode: int
    size: int
    mtime_ns: int
    ctime_ns: int

    @classmethod
    def of(cls, result: os.stat_result) -> FileIdentity:
        return cls(
            result.st_dev, result.st_ino, result.st_size, result.st_mtime_ns, result.st_ctime_ns
        )

    @classmethod
    def gone(cls) -> FileIdentity:
        """A file that vanished before it could be looked at (it is forgotten next look)."""
        return cls(-1, -1, -1, -1, -1)

    @property
    def file(self) -> tuple[int, int]:
        """The file itself (device, inode), whatever its name: hard links share it."""
        return (self.device, self.inode)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FileIdentity:
        return cls(
            int(data["device"]),
            int(data["inode"]),
            int(data["size"]),
            int(data["mtime_ns"]),
            int(data["ctime_ns"]),
        )
