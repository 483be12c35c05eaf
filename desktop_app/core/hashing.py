"""A file's identity by its content: the SHA-256 of its bytes, never its name or path.

Approvals remember it, and the surfaces and the viewer look it up, so a renamed or
moved copy still matches and a different file never does. The quarantine hashes what it
moves with the same function, never following a symlink.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

CHUNK_BYTES = 1 << 20
NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
BINARY = getattr(os, "O_BINARY", 0)


def hash_file(path: Path, *, follow_symlinks: bool = False) -> tuple[str, int]:
    """SHA-256 and size of the file's bytes, read in 1 MiB chunks. A symlink as the last
    name is refused (OSError) unless ``follow_symlinks``."""
    digest, size = hashlib.sha256(), 0
    flags = os.O_RDONLY | BINARY | (0 if follow_symlinks else NOFOLLOW)
    with os.fdopen(os.open(path, flags), "rb") as stream:
        while chunk := stream.read(CHUNK_BYTES):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def content_sha256(path: Path) -> str:
    """The file's identity for approvals: its bytes, not its name (a link: what it points at)."""
    return hash_file(path, follow_symlinks=True)[0]
