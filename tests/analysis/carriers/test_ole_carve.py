"""Pictures carved out of bytes by their signatures, and out of old Office (OLE2) files."""

from __future__ import annotations

import io
import struct
import time
import tracemalloc
import zipfile
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from desktop_app.analysis import testpattern
from desktop_app.analysis.analyzer import SensitivityAnalyzer
from desktop_app.analysis.carriers.base import Budget, Member
from desktop_app.analysis.carriers.carve import MAX_CANDIDATES, carved_members
from desktop_app.analysis.carriers.ole import ole_members
from desktop_app.analysis.verdict import CheckFailed, Kind, Status
from tests.helpers import cfb


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


@pytest.mark.slow  # a big file
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


# --- old Office files (OLE2 compound files) -------------------------------------------------


def dib(size: tuple[int, int] = (160, 120)) -> bytes:
    """The test pattern as Office stores a bitmap: a DIB, without the BMP file header."""
    return encoded("BMP", size)[14:]


def metafile_blip(metafile: bytes) -> bytes:
    """An OfficeArt EMF record as in a .ppt 'Pictures' stream: ids, header, deflated data."""
    packed = zlib.compress(metafile)
    header = struct.pack("<I16s8sIBB", len(metafile), bytes(16), bytes(8), len(packed), 0, 0xFE)
    body = bytes(16) + header + packed
    return b"\x40\x3d\x1a\xf0" + struct.pack("<I", len(body)) + body


def ole(streams: dict[str, bytes]) -> list[Member]:
    return list(ole_members(cfb.compound_file(streams), Budget()))


def test_a_word_files_jpeg_and_headerless_bitmap_are_found_in_its_streams() -> None:
    jpeg, bitmap = encoded("JPEG"), dib()
    data = noise(300) + jpeg + noise(200, seed=9) + bitmap + noise(100, seed=10)
    found = ole({"WordDocument": bytes(32) + noise(500), "Data": data})
    assert [m.name for m in found] == [
        "Data / picture at byte 300",
        f"Data / bitmap at byte {300 + len(jpeg) + 200}",
    ]
    assert all(shows_pattern(m.data) for m in found)


def test_a_bitmap_inside_compressed_clip_art_is_found() -> None:
    """A photo pasted into Office often becomes an EMF drawing around a bitmap."""
    emf = b"\x01\x00\x00\x00" + noise(80) + dib()
    found = ole({"Pictures": noise(50) + metafile_blip(emf)})
    assert [m.name for m in found] == ["Pictures / drawing at byte 50 / bitmap at byte 84"]
    assert shows_pattern(found[0].data)


def test_an_outlook_attachment_is_handed_on_whole_under_its_file_name(tmp_path: Path) -> None:
    png = encoded("PNG")
    storage = "__attach_version1.0_#00000001"
    path = tmp_path / "mail.msg"
    path.write_bytes(
        cfb.compound_file(
            {
                "__substg1.0_0037001F": "Hello".encode("utf-16-le"),
                f"{storage}/__substg1.0_37010102": png,
                f"{storage}/__substg1.0_3707001F": "beach.png".encode("utf-16-le"),
            }
        )
    )
    found = list(ole_members(str(path), Budget()))
    assert [m.name for m in found] == ["attachment 2 (beach.png)"]
    assert shows_pattern(found[0].data)  # padded by the test writer: Pillow ignores the rest


def test_small_icons_and_chance_bytes_are_not_bitmaps() -> None:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), "grey").save(out, format="BMP")
    icon = out.getvalue()[14:]
    assert ole({"Data": icon + b"\x28\x00\x00\x00" * 1000 + noise(4000)}) == []


@pytest.mark.parametrize(
    "streams",
    [
        {"EncryptionInfo": b"\x04\x00\x04\x00", "EncryptedPackage": noise(100)},
        {"WordDocument": b"\xec\xa5\xc1\x00" + bytes(7) + b"\x01"},  # FIB: fEncrypted
        {"Workbook": b"\x09\x08\x04\x00" + bytes(4) + b"\x2f\x00\x02\x00\x01\x00"},  # FILEPASS
        {"EncryptedSummary": noise(10), "PowerPoint Document": noise(10)},
    ],
    ids=["agile", "word", "excel", "powerpoint"],
)
def test_a_password_protected_office_file_could_not_be_checked(streams: dict[str, bytes]) -> None:
    with pytest.raises(CheckFailed) as failed:
        ole(streams)
    assert failed.value.status is Status.UNSUPPORTED
    assert "password" in failed.value.reason


def test_a_damaged_compound_file_is_unreadable() -> None:
    damaged = cfb.compound_file({"Data": noise(5000)})[:1000]
    with pytest.raises(CheckFailed) as failed:
        list(ole_members(damaged, Budget()))
    assert failed.value.status is Status.UNREADABLE


def test_an_unencrypted_office_file_without_pictures_holds_nothing() -> None:
    assert ole({"WordDocument": bytes(32) + b"Just words." * 50, "1Table": bytes(600)}) == []


# --- end to end, through the worker ----------------------------------------------------------


def test_a_word_file_with_the_pattern_as_a_bitmap_is_sensitive_and_names_it(
    analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    path = tmp_path / "report.doc"
    data = noise(64) + dib((640, 480))
    path.write_bytes(cfb.compound_file({"WordDocument": bytes(32) + noise(500), "Data": data}))
    result = analyzer.analyze_file(path)
    assert (result.kind, result.status, result.is_sensitive) == (Kind.DOCUMENT, Status.OK, True)
    assert result.member == "Data / bitmap at byte 64"


def test_a_picture_hidden_in_an_unknown_binary_is_found_and_checked(
    analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    path = tmp_path / "game.dat"
    path.write_bytes(noise(200_000) + encoded("PNG", (640, 480)) + noise(1000, seed=3))
    result = analyzer.analyze_file(path)
    assert (result.status, result.is_sensitive) == (Status.OK, True)
    assert result.member == "picture at byte 200000"


def test_a_picture_split_over_excel_continue_records_is_whole_again() -> None:
    png = encoded("PNG", (320, 240), compress_level=0)
    blob = bytes(40) + png  # an OfficeArt BLIP header, then the PNG
    records = b"\x09\x08\x10\x00" + bytes(16)  # BOF
    chunks = [blob[i : i + 8224] for i in range(0, len(blob), 8224)]
    assert len(chunks) > 2
    for number, chunk in enumerate(chunks):
        kind = 0x00EB if number == 0 else 0x003C  # MsoDrawingGroup, then CONTINUE
        records += struct.pack("<HH", kind, len(chunk)) + chunk
    records += b"\x0a\x00\x00\x00"  # EOF
    found = ole({"Workbook": records})
    assert [m.name for m in found] == ["Workbook / picture at byte 56"]
    assert found[0].data == png


def test_an_embedded_package_is_handed_on_whole_and_publisher_text_is_not() -> None:
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as package:
        package.writestr("word/media/image1.png", encoded("PNG"))
    found = ole({"Package": archive.getvalue(), "CONTENTS": b"CHNKINK " + b"words " * 500})
    assert [m.name for m in found] == ["Package"]
    assert found[0].data is not None
    assert found[0].data.startswith(archive.getvalue())  # then the test writer's padding
