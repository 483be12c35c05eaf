"""One way to hash a file: its bytes' SHA-256; the quarantine's hash never follows a link."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from desktop_app.core.hashing import content_sha256, hash_file


def test_the_hash_and_size_are_the_bytes_over_many_chunks(tmp_path: Path) -> None:
    data = bytes(range(256)) * 9000  # more than two 1 MiB chunks
    (tmp_path / "big.bin").write_bytes(data)
    assert hash_file(tmp_path / "big.bin") == (hashlib.sha256(data).hexdigest(), len(data))


def test_a_symlink_is_refused_unless_followed_as_the_viewer_does(tmp_path: Path) -> None:
    (tmp_path / "picture.png").write_bytes(b"picture")
    (tmp_path / "link.png").symlink_to(tmp_path / "picture.png")
    with pytest.raises(OSError):
        hash_file(tmp_path / "link.png")
    expected = hashlib.sha256(b"picture").hexdigest()
    assert hash_file(tmp_path / "link.png", follow_symlinks=True) == (expected, 7)
    assert content_sha256(tmp_path / "link.png") == expected
