"""Pictures carved out of bytes by their signatures, and out of old Office (OLE2) files."""

from __future__ import annotations

import io
import time
import tracemalloc
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from desktop_app.analysis import testpattern
from desktop_app.analysis.carriers.base import Budget, Member
from desktop_app.analysis.carriers.carve import MAX_CANDIDATES, carved_members
from desktop_app.analysis.verdict import CheckFailed, Status


def encoded(fmt: str, size: tuple[int, int] = (160, 120), **params: object) -> bytes:
    """The admin test pattern, encoded as ``fmt``."""
    out = io.BytesIO()
    testpattern.render(*size).convert("RGB").save(out, format=fmt, **params)
    return out.getvalue()


def noise(size: int, seed: int = 7) -> bytes:
    return np.random.default_rng(seed).integers(0, 256, size, dtype=np.uint8).tobytes()


def carve(source: bytes | str) -> list[Member]:
    return list(carved_members(source, Budget()))


def shows_pattern(data: bytes | None) -> bool:
    assert data is not None
    with Image.open(io.BytesIO(data)) as image:
        return testpattern.matches(np.asarray(image.convert("RGB")))


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "GIF", "WEBP", "BMP"])
def test_a_picture_between_random_bytes_is_found_whole(fmt: str) -> None:
    picture = encoded(fmt, (320, 240))
    blob = noise(5000) + picture + noise(3000, seed=8)
    members = carve(blob)
    assert [m.name for m in members] == ["picture at byte 5000"]
    assert members[0].data == picture  # the end was found: nothing before or after it
    assert shows_pattern(members[0].data)


def test_a_png_appended_after_a_megabyte_of_random_bytes_is_found_in_a_file(
    tmp_path: Path,
) -> None:
    path = tmp_path / "program.bin"
    path.write_bytes(noise(1024 * 1024) + encoded("PNG"))
    members = carve(str(path))
    assert [m.name for m in members] == [f"picture at byte {1024 * 1024}"]
    assert shows_pattern(members[0].data)


def test_a_video_in_an_iso_bmff_box_chain_is_cut_at_its_last_box(tmp_path: Path) -> None:
    from tests.helpers import media

    grey = np.full((64, 64, 3), 128, np.uint8)
    video = media.write_video(tmp_path / "clip.mp4", [grey] * 5).read_bytes()
    members = carve(b"\x00" * 100 + video + b"\x00" * 100)
    assert [m.name for m in members] == ["picture at byte 100"]
    assert members[0].data == video


def test_a_jpegs_own_exif_thumbnail_is_part_of_it() -> None:
    thumbnail = encoded("JPEG", (32, 24))
    photo = encoded("JPEG", (320, 240))
    app1 = b"Exif\x00\x00" + thumbnail
    with_thumbnail = photo[:2] + b"\xff\xe1" + (len(app1) + 2).to_bytes(2, "big") + app1 + photo[2:]
    members = carve(noise(100) + with_thumbnail)
    assert [m.name for m in members] == ["picture at byte 100"]
    assert members[0].data == with_thumbnail


def test_two_pictures_one_after_the_other_are_both_found() -> None:
    first, second = encoded("JPEG"), encoded("PNG")
    members = carve(first + noise(10) + second)
    assert [m.name for m in members] == ["picture at byte 0", f"picture at byte {len(first) + 10}"]


def test_chance_signatures_in_random_bytes_are_not_pictures() -> None:
    """'FF D8 FF', 'BM', 'RIFF', 'ftyp', a PNG signature: each without a real header."""
    fake = b"\xff\xd8\xff" + b"\x89PNG\r\n\x1a\n" + b"BM" + b"RIFF" + b"GIF89a" + b"ftyp"
    blob = b"".join(noise(997, seed=i) + fake for i in range(200))
    started = time.monotonic()
    assert carve(blob) == []
    assert time.monotonic() - started < 2.0


def test_ten_thousand_jpeg_headers_are_refused_quickly() -> None:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), "grey").save(out, format="JPEG")
    tiny = out.getvalue()
    started = time.monotonic()
    with pytest.raises(CheckFailed) as failed:
        for _ in carved_members(tiny * 10_000, Budget()):
            pass
    assert failed.value.status is Status.UNREADABLE
    assert f"more than {MAX_CANDIDATES} pictures" in failed.value.reason
    assert time.monotonic() - started < 3.0


def test_ten_thousand_bare_jpeg_signatures_are_skipped_quickly() -> None:
    started = time.monotonic()
    assert carve(b"\xff\xd8\xff\x00" * 10_000) == []
    assert time.monotonic() - started < 2.0


def test_a_large_file_is_mapped_not_read_whole(tmp_path: Path) -> None:
    """256 MB (sparse) with a picture at the end: found, without 600 MB in memory."""
    path = tmp_path / "huge.bin"
    picture = encoded("PNG")
    with path.open("wb") as out:
        out.truncate(256 * 1024 * 1024)
        out.seek(0, io.SEEK_END)
        out.write(picture)
    tracemalloc.start()
    try:
        members = carve(str(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [m.name for m in members] == [f"picture at byte {256 * 1024 * 1024}"]
    assert peak < 16 * 1024 * 1024


def test_an_empty_file_holds_no_picture(tmp_path: Path) -> None:
    path = tmp_path / "empty.bin"
    path.write_bytes(b"")
    assert carve(str(path)) == []


def test_a_jpeg_without_its_end_runs_to_the_next_picture() -> None:
    """A cut-off JPEG ends where a new one starts, so the next one is still found."""
    cut = encoded("JPEG")[:-200]
    whole = encoded("JPEG", (200, 100))
    members = carve(cut + whole)
    assert [m.name for m in members] == ["picture at byte 0", f"picture at byte {len(cut)}"]
    assert members[1].data == whole
