"""A file's identity by its content: the SHA-256 of its bytes, never its name or path.

Approvals remember it, and the surfaces and the viewer look it up, so a renamed or
moved copy still matches and a different file never does.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

CHUNK_BYTES = 1 << 20


def content_sha256(path: Path) -> str:
    """The file's identity for approvals: its bytes, read in 1 MiB chunks, not its name."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(CHUNK_BYTES):
            digest.update(chunk)
    return digest.hexdigest()
