"""Archive extractors, called directly with a fresh Budget: what they yield, what they refuse."""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import os
import struct
import subprocess
import tarfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image

from desktop_app import SensitivityAnalyzer
from desktop_app.analysis.carriers import (
    Budget,
    LimitReached,
    Limits,
    Member,
    archives,
    extractor_for,
    rar,
)
from desktop_app.analysis.verdict import CheckFailed, Kind, Status
from tests.helpers import archives as build

Extract = Callable[[bytes | str, Budget], Iterator[Member]]
MIB = 1024 * 1024


@pytest.fixture(scope="module")
def png() -> bytes:
    rgb = np.linspace(0, 255, 48 * 64 * 3).astype(np.uint8).reshape(48, 64, 3)
    buffer = io.BytesIO()
    Image.fromarray(rgb).save(buffer, format="PNG")
    return buffer.getvalue()


NOTE = b"Holiday notes\n"


def _members(extract: Extract, source: bytes | str, budget: Budget | None = None) -> list[Member]:
    return list(extract(source, budget or Budget()))


def _named(members: list[Member]) -> dict[str, bytes | None]:
    return {member.name: member.data for member in members}


def _refused(extract: Extract, source: bytes | str, budget: Budget | None = None) -> CheckFailed:
    with pytest.raises(CheckFailed) as caught:
        _members(extract, source, budget)
    return caught.value


def _tar(entries: list[tuple[str, bytes]], mode: str = "w") -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode=mode) as archive:  # type: ignore[call-overload]
        folder = tarfile.TarInfo("photos")
        folder.type = tarfile.DIRTYPE
        archive.addfile(folder)
        for name, data in entries:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


# -- every extractor is where EXTRACTORS says ------------------------------------------


@pytest.mark.parametrize("fmt", ["zip", "tar", "gzip", "bzip2", "xz", "7z", "rar"])
def test_every_archive_format_has_its_extractor(fmt: str) -> None:
    assert callable(extractor_for(fmt))


# -- ZIP -------------------------------------------------------------------------------


def test_zip_yields_each_file_with_its_name_and_bytes(png: bytes) -> None:
    data = build.zip_bytes([("photos/", b""), ("photos/beach.png", png), ("notes.txt", NOTE)])
    assert _named(_members(archives.zip_members, data)) == {
        "photos/beach.png": png,
        "notes.txt": NOTE,
    }


def test_zip_is_read_from_a_path_too(png: bytes, tmp_path: Path) -> None:
    path = tmp_path / "photos.zip"
    path.write_bytes(build.zip_bytes([("beach.png", png)]))
    assert _named(_members(archives.zip_members, str(path))) == {"beach.png": png}


@pytest.mark.parametrize(
    ("entries", "picture"),
    [
        ([("page001.jpg", "png"), ("page002.jpg", "png")], "page002.jpg"),  # comic book
        (
            [("[Content_Types].xml", "xml"), ("word/media/image1.png", "png")],
            "word/media/image1.png",
        ),
        ([("mimetype", "epub"), ("OEBPS/images/cover.png", "png")], "OEBPS/images/cover.png"),
    ],
    ids=["cbz", "docx", "epub"],
)
def test_formats_built_on_zip_hand_over_their_pictures(
    entries: list[tuple[str, str]], picture: str, png: bytes
) -> None:
    contents = {"png": png, "xml": b"<Types/>", "epub": b"application/epub+zip"}
    data = build.zip_bytes([(name, contents[kind]) for name, kind in entries])
    members = _named(_members(archives.zip_members, data))
    assert members[picture] == png
    assert list(members) == [name for name, _ in entries]


def _zip_with_link(name: str, data: bytes, others: list[tuple[str, bytes]]) -> bytes:
    """A ZIP whose first entry carries a Unix symlink mode, whatever its bytes are."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        link = zipfile.ZipInfo(name)
        link.external_attr = (0o120777 << 16) | 0x20
        archive.writestr(link, data)
        for other, content in others:
            archive.writestr(other, content)
    return buffer.getvalue()


def test_zip_symlinks_are_looked_at_too(png: bytes) -> None:
    data = _zip_with_link("latest.png", b"photos/beach.png", [("photos/beach.png", png)])
    assert _named(_members(archives.zip_members, data)) == {
        "latest.png": b"photos/beach.png",
        "photos/beach.png": png,
    }


def test_zip_picture_marked_as_a_unix_symlink_is_still_handed_on(png: bytes) -> None:
    # Windows Explorer and 7-Zip ignore Unix modes: they show this entry as a photo.
    data = _zip_with_link("photo.jpg", png, [])
    assert _named(_members(archives.zip_members, data)) == {"photo.jpg": png}


def test_zip_with_a_password_cannot_be_checked(png: bytes) -> None:
    data = build.zip_with_method("beach.png", png, zipfile.ZIP_STORED, flag_bits=0x1)
    failed = _refused(archives.zip_members, data)
    assert failed.status is Status.UNSUPPORTED
    assert failed.reason == archives.PASSWORD


def test_zip_with_aes_cannot_be_checked(png: bytes) -> None:
    data = build.zip_with_method("beach.png", png, 99, flag_bits=0x1)
    assert _refused(archives.zip_members, data).reason == archives.PASSWORD


def test_zip_packed_with_an_unknown_method_cannot_be_checked(png: bytes) -> None:
    data = build.zip_with_method("beach.png", png, 9)  # Deflate64: zipfile cannot read it
    failed = _refused(archives.zip_members, data)
    assert (failed.status, failed.reason) == (Status.UNSUPPORTED, archives.UNKNOWN_METHOD)


def test_zip_bomb_is_refused_before_unpacking() -> None:
    buffer = io.BytesIO()
    block = bytes(MIB)
    with (
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("picture.png", "w") as member,
    ):
        for _ in range(64):
            member.write(block)
    budget = Budget()
    failed = _refused(archives.zip_members, buffer.getvalue(), budget)
    assert isinstance(failed, LimitReached)
    assert "zip bomb" in failed.reason
    assert budget.expanded == 0


def test_zip_member_declaring_two_gigabytes_is_refused() -> None:
    data = build.zip_declaring("picture.png", bytes(1000), declared=2 * 1024 * MIB)
    failed = _refused(archives.zip_members, data)
    assert isinstance(failed, LimitReached)
    assert "too large" in failed.reason


def test_overlapping_entries_bomb_is_refused_before_unpacking() -> None:
    budget = Budget()
    failed = _refused(archives.zip_members, build.overlapping_zip(2000, megabytes=1), budget)
    assert isinstance(failed, LimitReached)
    assert failed.reason == archives.BOMB
    assert budget.expanded == 0


@pytest.mark.slow  # a big archive
def test_zip_of_twenty_thousand_entries_is_refused_before_reading_any(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = build.zip_bytes([(f"{number}.txt", b"") for number in range(20_000)], zipfile.ZIP_STORED)

    def never(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("an entry was read")

    monkeypatch.setattr(zipfile.ZipFile, "open", never)
    budget = Budget()
    failed = _refused(archives.zip_members, data, budget)
    assert isinstance(failed, LimitReached)
    assert "too many" in failed.reason
    assert budget.members == 0


def test_zip_entry_unpacking_to_more_than_it_declares_is_stopped() -> None:
    data = build.zip_declaring("picture.png", bytes(8 * MIB), declared=1000)
    failed = _refused(archives.zip_members, data)
    assert failed.status is Status.UNREADABLE  # zipfile stops at 1000 bytes: the CRC is wrong


@pytest.mark.parametrize("cut", [0.5, 0.9])
def test_truncated_zip_is_damaged(png: bytes, cut: float) -> None:
    data = build.zip_bytes([("beach.png", png), ("notes.txt", NOTE)])
    failed = _refused(archives.zip_members, data[: int(len(data) * cut)])
    assert (failed.status, failed.reason) == (Status.UNREADABLE, archives.DAMAGED)


def test_zip_with_a_corrupted_entry_is_damaged(png: bytes) -> None:
    data = bytearray(build.zip_bytes([("beach.png", png)], zipfile.ZIP_STORED))
    data[100] ^= 0xFF  # inside the stored PNG: the CRC no longer matches
    assert _refused(archives.zip_members, bytes(data)).status is Status.UNREADABLE


def test_zip_names_with_odd_bytes_are_shown_safely(png: bytes) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("ph\x1b[31moto\u202egnp.exe", png)
        archive.writestr("caf\xe9 \u00fc.png", png)
    names = list(_named(_members(archives.zip_members, buffer.getvalue())))
    assert names == ["ph?[31moto?gnp.exe", "caf\xe9 \u00fc.png"]


def test_zip_name_in_cp437_is_decoded_not_refused(png: bytes) -> None:
    raw = bytearray(build.zip_bytes([("a_____.png", png)], zipfile.ZIP_STORED))
    for header in (raw.index(b"PK\x03\x04") + 30, raw.index(b"PK\x01\x02") + 46):
        raw[header + 1 : header + 6] = b"\x81\x82\xff\x01\x9b"
    (member,) = _members(archives.zip_members, bytes(raw))
    assert member.name.startswith("a") and member.name.endswith(".png")
    assert member.data == png


def test_clean_name_keeps_words_and_drops_what_could_mislead() -> None:
    assert archives.clean_name("Urlaub/Strand \u00e4.jpg") == "Urlaub/Strand \u00e4.jpg"
    assert archives.clean_name("a\x00b\nc\u202ed\udcff") == "a?b?c?d?"
    assert archives.clean_name("  ") == "(no name)"
    assert len(archives.clean_name("x" * 5000)) == 255


# -- TAR and compressed streams --------------------------------------------------------


@pytest.mark.parametrize(
    ("mode", "extract"),
    [
        ("w", archives.tar_members),
        ("w:gz", archives.gzip_members),
        ("w:bz2", archives.bzip2_members),
        ("w:xz", archives.xz_members),
    ],
    ids=["tar", "tgz", "tbz", "txz"],
)
def test_tar_and_compressed_tar_yield_each_file(mode: str, extract: Extract, png: bytes) -> None:
    data = _tar([("photos/beach.png", png), ("photos/notes.txt", NOTE)], mode)
    assert _named(_members(extract, data)) == {"photos/beach.png": png, "photos/notes.txt": NOTE}


def test_tar_skips_links_and_devices_and_yields_a_hard_links_target_once(png: bytes) -> None:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as archive:
        info = tarfile.TarInfo("beach.png")
        info.size = len(png)
        archive.addfile(info, io.BytesIO(png))
        for name, kind in [
            ("hard.png", tarfile.LNKTYPE),
            ("soft.png", tarfile.SYMTYPE),
            ("null", tarfile.CHRTYPE),
            ("pipe", tarfile.FIFOTYPE),
        ]:
            link = tarfile.TarInfo(name)
            link.type, link.linkname = kind, "beach.png"
            archive.addfile(link)
    assert _named(_members(archives.tar_members, buffer.getvalue())) == {"beach.png": png}


@pytest.mark.parametrize("kind", [b"9", b"Z"])
def test_tar_entry_of_an_unknown_type_is_read_as_a_file(kind: bytes, png: bytes) -> None:
    # GNU tar (and tarfile's own rule) extract an entry of an unknown type as a regular file.
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.GNU_FORMAT) as archive:
        info = tarfile.TarInfo("photo.jpg")
        info.type, info.size = kind, len(png)
        archive.addfile(info, io.BytesIO(png))
        after = tarfile.TarInfo("notes.txt")
        after.size = len(NOTE)
        archive.addfile(after, io.BytesIO(NOTE))
    assert _named(_members(archives.tar_members, buffer.getvalue())) == {
        "photo.jpg": png,
        "notes.txt": NOTE,
    }


def test_truncated_tar_is_damaged(png: bytes) -> None:
    data = _tar([("photos/beach.png", png * 4)])
    failed = _refused(archives.tar_members, data[:2000])
    assert (failed.status, failed.reason) == (Status.UNREADABLE, archives.DAMAGED)


def test_tar_with_too_many_members_is_stopped(png: bytes) -> None:
    data = _tar([(f"{number}.txt", NOTE) for number in range(60)])
    failed = _refused(archives.tar_members, data, Budget(Limits(max_members=50)))
    assert isinstance(failed, LimitReached)


def test_tar_names_with_odd_bytes_are_shown_safely(png: bytes) -> None:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.GNU_FORMAT) as archive:
        info = tarfile.TarInfo("x")
        info.size = len(png)
        archive.addfile(info, io.BytesIO(png))
    raw = bytearray(buffer.getvalue())
    raw[0:3] = b"\xff\x1bz"
    raw[148:156] = b"%06o\0 " % (sum(raw[:148]) + 256 + sum(raw[156:512]))
    (member,) = _members(archives.tar_members, bytes(raw))
    assert member.name == "??z"


def test_gzip_of_one_file_is_named_as_gzip_recorded(png: bytes) -> None:
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="holiday/beach.png", mode="wb", fileobj=buffer) as out:
        out.write(png)
    assert _named(_members(archives.gzip_members, buffer.getvalue())) == {"beach.png": png}


@pytest.mark.parametrize(
    ("pack", "extract"),
    [
        (lambda data: gzip.compress(data, mtime=0), archives.gzip_members),
        (bz2.compress, archives.bzip2_members),
        (lzma.compress, archives.xz_members),
    ],
    ids=["gzip", "bzip2", "xz"],
)
def test_a_stream_without_a_name_is_one_unpacked_member(
    pack: Callable[[bytes], bytes], extract: Extract, png: bytes
) -> None:
    assert _named(_members(extract, pack(png))) == {archives.UNPACKED: png}


def test_gzip_bomb_is_refused_before_unpacking() -> None:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = bytes(MIB)
    data = b"".join(packer.compress(block) for _ in range(64)) + packer.flush()
    budget = Budget()
    failed = _refused(archives.gzip_members, data, budget)
    assert isinstance(failed, LimitReached)
    assert budget.expanded == 0


def test_gzip_bomb_that_hides_its_size_is_stopped_while_unpacking() -> None:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = bytes(MIB)
    data = b"".join(packer.compress(block) for _ in range(64)) + packer.flush()
    data = data[:-4] + bytes(4)  # the trailer now says it unpacks to nothing
    failed = _refused(archives.gzip_members, data)
    assert isinstance(failed, LimitReached)
    assert "zip bomb" in failed.reason


@pytest.mark.parametrize(
    ("pack", "extract"),
    [
        (bz2.compress, archives.bzip2_members),
        (lzma.compress, archives.xz_members),
    ],
    ids=["bzip2", "xz"],
)
def test_bzip2_and_xz_bombs_are_stopped_while_unpacking(
    pack: Callable[[bytes], bytes], extract: Extract
) -> None:
    data = pack(bytes(16 * MIB))  # neither format states its unpacked size up front
    failed = _refused(extract, data, Budget(Limits(ratio_floor_bytes=MIB)))
    assert isinstance(failed, LimitReached)
    assert "zip bomb" in failed.reason


def test_a_stream_growing_past_what_it_declared_is_stopped() -> None:
    noise = np.random.default_rng(9).bytes(3 * MIB)  # incompressible: no ratio to catch
    data = gzip.compress(noise)
    data = data[:-4] + (100).to_bytes(4, "little")
    budget = Budget(Limits(max_member_bytes=2 * MIB))
    failed = _refused(archives.gzip_members, data, budget)
    assert isinstance(failed, LimitReached)
    assert "grew larger" in failed.reason


@pytest.mark.parametrize(
    ("pack", "extract"),
    [
        (gzip.compress, archives.gzip_members),
        (bz2.compress, archives.bzip2_members),
        (lzma.compress, archives.xz_members),
    ],
    ids=["gzip", "bzip2", "xz"],
)
def test_truncated_stream_is_damaged(
    pack: Callable[[bytes], bytes], extract: Extract, png: bytes
) -> None:
    data = pack(png * 8)
    failed = _refused(extract, data[: len(data) // 2])
    assert (failed.status, failed.reason) == (Status.UNREADABLE, archives.DAMAGED)


def test_time_runs_out_between_members(png: bytes) -> None:
    now = [0.0]

    def clock() -> float:
        now[0] += 1.0
        return now[0]

    data = _tar([(f"{number}.png", png) for number in range(40)])
    failed = _refused(archives.tar_members, data, Budget(Limits(time_s=10), clock=clock))
    assert failed.status is Status.TIMEOUT


# -- 7z --------------------------------------------------------------------------------


def _sevenzip(entries: list[tuple[str, bytes]], password: str | None = None, **kw: object) -> bytes:
    import py7zr

    buffer = io.BytesIO()
    with py7zr.SevenZipFile(buffer, "w", password=password, **kw) as archive:  # type: ignore[arg-type]
        for name, data in entries:
            archive.writestr(data, name)
    return buffer.getvalue()


def test_sevenzip_yields_each_file_with_its_name_and_bytes(png: bytes) -> None:
    data = _sevenzip([("photos/beach.png", png), ("notes.txt", NOTE), ("empty.txt", b"")])
    assert _named(_members(archives.sevenzip_members, data)) == {
        "photos/beach.png": png,
        "notes.txt": NOTE,
    }


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_sevenzip_symlinks_are_looked_at_too(png: bytes, tmp_path: Path) -> None:
    import py7zr

    (tmp_path / "beach.png").write_bytes(png)
    (tmp_path / "latest.png").symlink_to("beach.png")
    buffer = io.BytesIO()
    with py7zr.SevenZipFile(buffer, "w") as archive:
        archive.write(tmp_path / "beach.png", "beach.png")
        archive.write(tmp_path / "latest.png", "latest.png")
    assert _named(_members(archives.sevenzip_members, buffer.getvalue())) == {
        "beach.png": png,
        "latest.png": b"beach.png",
    }


def test_sevenzip_is_read_from_a_path_too(png: bytes, tmp_path: Path) -> None:
    path = tmp_path / "photos.7z"
    path.write_bytes(_sevenzip([("beach.png", png), ("notes.txt", NOTE)]))
    assert _named(_members(archives.sevenzip_members, str(path))) == {
        "beach.png": png,
        "notes.txt": NOTE,
    }


def test_sevenzip_of_several_blocks_unpacks_one_block_at_a_time(png: bytes) -> None:
    import py7zr

    buffer = io.BytesIO(_sevenzip([("a.png", png), ("b.txt", NOTE)]))
    with py7zr.SevenZipFile(buffer, "a") as archive:  # appending adds a second block
        archive.writestr(png[::-1], "c.bin")
    budget = Budget()
    members = archives.sevenzip_members(buffer.getvalue(), budget)
    first = next(members)
    assert (first.name, first.data, budget.members) == ("a.png", png, 2)
    rest = [(member.name, member.data) for member in members]
    assert rest == [("b.txt", NOTE), ("c.bin", png[::-1])]
    assert budget.members == 3


@pytest.mark.parametrize("header_encryption", [False, True])
def test_sevenzip_with_a_password_cannot_be_checked(png: bytes, header_encryption: bool) -> None:
    data = _sevenzip([("beach.png", png)], password="secret", header_encryption=header_encryption)
    failed = _refused(archives.sevenzip_members, data)
    assert (failed.status, failed.reason) == (Status.UNSUPPORTED, archives.PASSWORD)


def test_sevenzip_bomb_is_refused_before_unpacking() -> None:
    data = _sevenzip([("picture.png", bytes(8 * MIB))])
    budget = Budget(Limits(ratio_floor_bytes=MIB))
    failed = _refused(archives.sevenzip_members, data, budget)
    assert isinstance(failed, LimitReached)
    assert "zip bomb" in failed.reason
    assert budget.expanded == 0


def test_truncated_sevenzip_is_damaged(png: bytes) -> None:
    data = _sevenzip([("beach.png", png * 4)])
    for cut in (len(data) // 2, 40):
        failed = _refused(archives.sevenzip_members, data[:cut])
        assert (failed.status, failed.reason) == (Status.UNREADABLE, archives.DAMAGED)


# -- RAR -------------------------------------------------------------------------------


@pytest.fixture
def no_programs(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fails the test if anything started a program or wrote a temporary file for one.

    Calls are recorded, not only refused: the extractor turns any library error into
    "damaged", which would hide a refused start.
    """
    import rarfile

    started: list[object] = []

    def record(*args: object, **_kwargs: object) -> None:
        started.append(args)
        raise OSError("no programs in tests")

    monkeypatch.setattr(subprocess, "Popen", record)
    monkeypatch.setattr(rarfile, "Popen", record)
    monkeypatch.setattr(rarfile, "mkstemp", record)
    yield
    assert started == []


@pytest.mark.usefixtures("no_programs")
def test_rar_stored_files_are_read_without_a_program(png: bytes) -> None:
    data = build.rar5(
        build.rar5_file("photos", b"", directory=True),
        build.rar5_file("photos/beach.png", png),
        build.rar5_file("notes.txt", NOTE),
    )
    assert _named(_members(archives.rar_members, data)) == {
        "photos/beach.png": png,
        "notes.txt": NOTE,
    }


@pytest.mark.usefixtures("no_programs")
def test_rar_with_a_packed_file_cannot_be_checked(png: bytes) -> None:
    data = build.rar5(build.rar5_file("notes.txt", NOTE), build.rar5_file("beach.png", png, 3))
    failed = _refused(archives.rar_members, data)
    assert (failed.status, failed.reason) == (Status.UNSUPPORTED, rar.NEEDS_PROGRAM)


@pytest.mark.usefixtures("no_programs")
def test_rar_of_only_folders_and_empty_files_has_nothing_to_check() -> None:
    data = build.rar5(
        build.rar5_file("photos", b"", directory=True), build.rar5_file("empty.png", b"", 3)
    )
    assert _members(archives.rar_members, data) == []


@pytest.mark.usefixtures("no_programs")
def test_rar_with_encrypted_headers_cannot_be_checked() -> None:
    failed = _refused(archives.rar_members, build.rar5_encrypted_headers())
    assert (failed.status, failed.reason) == (Status.UNSUPPORTED, archives.PASSWORD)


@pytest.mark.usefixtures("no_programs")
@pytest.mark.parametrize("cut", [8, 30])
def test_truncated_rar_is_damaged(png: bytes, cut: int) -> None:
    data = build.rar5(build.rar5_file("beach.png", png))
    failed = _refused(archives.rar_members, data[:cut])
    assert failed.status is Status.UNREADABLE


@pytest.mark.usefixtures("no_programs")
def test_rar3_with_a_packed_comment_starts_no_program_while_listing() -> None:
    packed_comment = b"\x00" * 16
    comment = struct.pack("<HBBH", 10, 29, 0x33, 0) + packed_comment  # method 3: packed
    sub = struct.pack("<HBHH", 0, 0x75, 0, 7 + len(comment)) + comment
    main = struct.pack("<HBHH", 0, 0x73, 0x0002, 7 + 6 + len(sub)) + bytes(6) + sub
    data = b"Rar!\x1a\x07\x00" + main + struct.pack("<HBHH", 0, 0x7B, 0x4000, 7)
    failed = _refused(archives.rar_members, data)
    assert failed.status in (Status.UNSUPPORTED, Status.UNREADABLE)


def test_rarfile_can_never_find_or_start_a_program() -> None:
    import rarfile

    with pytest.raises(rarfile.RarCannotExec):
        rarfile.tool_setup()


# -- nothing on disk --------------------------------------------------------------------


def test_no_extractor_writes_any_file(png: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins
    import os
    import tempfile

    sources: list[tuple[Extract, bytes]] = [
        (archives.zip_members, build.zip_bytes([("a.png", png)])),
        (archives.tar_members, _tar([("a.png", png)])),
        (archives.gzip_members, _tar([("a.png", png)], "w:gz")),
        (archives.bzip2_members, bz2.compress(png)),
        (archives.xz_members, lzma.compress(png)),
        (archives.sevenzip_members, _sevenzip([("a.png", png), ("b.txt", NOTE)])),
        (archives.rar_members, build.rar5(build.rar5_file("a.png", png))),
    ]
    written: list[object] = []
    real_open, real_os_open = builtins.open, os.open
    writes = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND

    def open_reading(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if set(mode) & set("wax+"):
            written.append(file)
        return real_open(file, "r" if set(mode) & set("wax+") else mode, *args, **kwargs)

    def os_open_reading(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & writes:
            written.append(path)
        return real_os_open(path, flags & ~writes, *args, **kwargs)

    def no_temp(*args: object, **_kwargs: object) -> None:
        written.append(args)
        raise OSError("no temporary files in this test")

    monkeypatch.setattr(builtins, "open", open_reading)
    monkeypatch.setattr(io, "open", open_reading)
    monkeypatch.setattr(os, "open", os_open_reading)
    monkeypatch.setattr(tempfile, "mkstemp", no_temp)
    found = [member.data for extract, data in sources for member in extract(data, Budget())]
    monkeypatch.undo()
    assert written == []
    assert found.count(png) == len(sources)


# -- end to end, through the worker (real models, test mode on) ------------------------


@pytest.fixture(scope="module")
def pattern_png() -> bytes:
    from desktop_app.analysis import testpattern

    buffer = io.BytesIO()
    testpattern.render(320, 240).save(buffer, format="PNG")
    return buffer.getvalue()


def test_pattern_in_a_stored_rar_is_sensitive_and_named(
    analyzer: SensitivityAnalyzer, pattern_png: bytes, tmp_path: Path
) -> None:
    path = tmp_path / "photos.rar"
    path.write_bytes(
        build.rar5(build.rar5_file("notes.txt", NOTE), build.rar5_file("b/beach.png", pattern_png))
    )
    result = analyzer.analyze_file(path)
    assert (result.status, result.is_sensitive) == (Status.OK, True)
    assert (result.kind, result.member) == (Kind.ARCHIVE, "b/beach.png")


def test_packed_rar_cannot_be_checked_with_its_reason(
    analyzer: SensitivityAnalyzer, pattern_png: bytes, tmp_path: Path
) -> None:
    path = tmp_path / "photos.rar"
    # Packed data looks nothing like a PNG (a raw PNG would be found by its signature).
    packed = zlib.compress(pattern_png, 9)
    path.write_bytes(build.rar5(build.rar5_file("beach.png", packed, method=3)))
    result = analyzer.analyze_file(path)
    assert result.could_not_check and not result.is_sensitive
    assert (result.status, result.reason) == (Status.UNSUPPORTED, rar.NEEDS_PROGRAM)


def test_pattern_in_a_7z_in_a_zip_names_both(
    analyzer: SensitivityAnalyzer, pattern_png: bytes, tmp_path: Path
) -> None:
    inner = _sevenzip([("notes.txt", NOTE), ("beach.png", pattern_png)])
    path = tmp_path / "outer.zip"
    path.write_bytes(build.zip_bytes([("readme.txt", NOTE), ("holiday/inner.7z", inner)]))
    result = analyzer.analyze_file(path)
    assert result.is_sensitive
    assert result.member == "holiday/inner.7z / beach.png"


def test_gzipped_picture_is_named_as_gzip_recorded(
    analyzer: SensitivityAnalyzer, pattern_png: bytes, tmp_path: Path
) -> None:
    path = tmp_path / "beach.png.gz"
    with path.open("wb") as raw, gzip.GzipFile("beach.png", "wb", fileobj=raw) as out:
        out.write(pattern_png)
    result = analyzer.analyze_file(path)
    assert result.is_sensitive
    assert result.member == "beach.png"


def test_zip_with_a_password_is_could_not_check(
    analyzer: SensitivityAnalyzer, pattern_png: bytes, tmp_path: Path
) -> None:
    path = tmp_path / "secret.zip"
    # Encrypted bytes look like nothing (raw PNG bytes would be found by their signature).
    opaque = zlib.compress(pattern_png, 9)
    path.write_bytes(build.zip_with_method("beach.png", opaque, zipfile.ZIP_STORED, 0x1))
    result = analyzer.analyze_file(path)
    assert (result.status, result.reason) == (Status.UNSUPPORTED, archives.PASSWORD)
    assert result.kind is Kind.ARCHIVE and not result.is_sensitive
