"""Archives: ZIP (and CBZ, DOCX, EPUB, ... built on it), TAR, gzip/bzip2/xz, 7z and RAR.

Each extractor lists its entries, refuses what cannot be checked before reading
anything (too many entries, passwords, overlapping ZIP entries, RAR that needs a
program), then hands over one regular file at a time, read in memory within the
shared ``Budget``. Links, devices and directories show no picture of their own and
are skipped; nothing is written to disk and no external program is ever run.
"""

from __future__ import annotations

import bz2
import gzip
import io
import itertools
import lzma
import struct
import tarfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from typing import IO, Any

from ..verdict import CheckFailed, Kind, Status
from .base import MIB, Budget, LimitReached, Member, Source, bounded_read
from .unpacking import (
    DAMAGED,
    PASSWORD,
    UNKNOWN_METHOD,
    Rule,
    clean_name,
    opened,
    refuse_count,
    translated,
)

BOMB = (
    "This archive is built to unpack far more than it holds (a 'zip bomb'), "
    "so SafeLens did not unpack it."
)
UNPACKED = "(unpacked)"  # the name of a compressed stream's content when it states none

ZIP_ENCRYPTED = 0x1  # general purpose flag bit 0
ZIP_AES = 99  # WinZip AES "compression method"
ZIP_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
ZIP_LOCAL_HEADER = 30  # bytes of a local file header before its name
TAR_BLOCK = 512

_DAMAGE: tuple[type[BaseException], ...] = (
    EOFError,
    OSError,
    ValueError,
    struct.error,
    zlib.error,
    lzma.LZMAError,
    IndexError,
    KeyError,
)


def _size(stream: IO[bytes]) -> int:
    """How many bytes the packed carrier holds."""
    end = stream.seek(0, io.SEEK_END)
    stream.seek(0)
    return end


# --- ZIP ------------------------------------------------------------------------------

_ZIP_RULES: tuple[Rule, ...] = (
    (RuntimeError, Status.UNSUPPORTED, PASSWORD),  # zipfile: "password required"
    (NotImplementedError, Status.UNSUPPORTED, UNKNOWN_METHOD),
    ((zipfile.BadZipFile, *_DAMAGE), Status.UNREADABLE, DAMAGED),
)


def zip_members(source: Source, budget: Budget) -> Iterator[Member]:
    """Every file of a ZIP (CBZ, DOCX/XLSX/PPTX, ODT, EPUB, JAR, APK...), links included."""
    with (
        opened(source) as stream,
        translated(*_ZIP_RULES),
        zipfile.ZipFile(stream) as archive,
    ):
        for info in _zip_entries(archive, budget):
            budget.admit(info.file_size, info.compress_size)
            with archive.open(info) as member:
                data = bounded_read(member.read, budget, info.file_size)
            yield Member(clean_name(info.filename), data)


def _zip_entries(archive: zipfile.ZipFile, budget: Budget) -> list[zipfile.ZipInfo]:
    """The entries to read, once the whole list has passed every check that needs no reading."""
    infos = archive.infolist()
    # A Unix symlink mode is ignored by Windows Explorer and 7-Zip, which show the entry's
    # bytes as a file: so every entry's bytes are checked (a real link's are a short path).
    files = [info for info in infos if not info.is_dir()]
    refuse_count(len(files), budget)
    if any(info.flag_bits & ZIP_ENCRYPTED or info.compress_type == ZIP_AES for info in files):
        raise CheckFailed(Status.UNSUPPORTED, PASSWORD, Kind.ARCHIVE)
    if any(info.compress_type not in ZIP_METHODS for info in files):
        raise CheckFailed(Status.UNSUPPORTED, UNKNOWN_METHOD, Kind.ARCHIVE)
    _refuse_overlap(infos)
    return files


def _refuse_overlap(infos: list[zipfile.ZipInfo]) -> None:
    """Entries sharing packed bytes (a real archive never does) are a zip bomb."""
    ordered = sorted(infos, key=lambda info: info.header_offset)
    for before, after in itertools.pairwise(ordered):
        if after.header_offset < before.header_offset + ZIP_LOCAL_HEADER + before.compress_size:
            raise LimitReached(Status.UNREADABLE, BOMB, Kind.ARCHIVE)


# --- TAR and compressed streams -------------------------------------------------------

_STREAM_RULES: tuple[Rule, ...] = (
    ((tarfile.TarError, gzip.BadGzipFile, *_DAMAGE), Status.UNREADABLE, DAMAGED),
)


def tar_members(source: Source, budget: Budget) -> Iterator[Member]:
    """Every file of a TAR with data, read as a stream so a huge listing costs nothing upfront."""
    with opened(source) as stream, translated(*_STREAM_RULES):
        yield from _tar_stream(stream, budget)


def _tar_stream(stream: Any, budget: Budget) -> Iterator[Member]:
    """Entries with data, by tarfile's (and GNU tar's) rule: an unknown type is a file."""
    with tarfile.open(fileobj=stream, mode="r|") as archive:
        for info in archive:
            budget.check_time()
            has_data = info.isreg() or info.type not in tarfile.SUPPORTED_TYPES
            if not has_data or info.size == 0:
                continue
            budget.admit(info.size)
            member = archive.extractfile(info)
            if member is None:
                continue
            data = bounded_read(member.read, budget, info.size)
            yield Member(clean_name(info.name), data)


def gzip_members(source: Source, budget: Budget) -> Iterator[Member]:
    """What a gzip stream unpacks to: a TAR's files, or one member named as gzip recorded."""
    with opened(source) as raw, translated(*_STREAM_RULES):
        packed = _size(raw)
        head = raw.read(64 * 1024)
        name, declared = _gzip_name(head), _gzip_declared(raw, packed)
        raw.seek(0)
        with gzip.GzipFile(fileobj=raw, mode="rb") as unpacking:
            yield from _unpacked(unpacking.read, packed, name or UNPACKED, declared, budget)


def bzip2_members(source: Source, budget: Budget) -> Iterator[Member]:
    """What a bzip2 stream unpacks to (a TAR's files, or one member)."""
    with opened(source) as raw, translated(*_STREAM_RULES):
        packed = _size(raw)
        with bz2.BZ2File(raw, mode="rb") as unpacking:
            yield from _unpacked(unpacking.read, packed, UNPACKED, 0, budget)


def xz_members(source: Source, budget: Budget) -> Iterator[Member]:
    """What an xz (or legacy lzma) stream unpacks to (a TAR's files, or one member)."""
    with opened(source) as raw, translated(*_STREAM_RULES):
        packed = _size(raw)
        with lzma.LZMAFile(raw, mode="rb") as unpacking:
            yield from _unpacked(unpacking.read, packed, UNPACKED, 0, budget)


def _unpacked(
    read: Callable[[int], bytes], packed: int, name: str, declared: int, budget: Budget
) -> Iterator[Member]:
    """A TAR inside is walked as it unpacks (never held whole); anything else is one member."""
    guarded = _Unpacking(read, packed, budget)
    head = guarded.read(TAR_BLOCK)
    stream = _Prefixed(head, guarded.read)
    if _looks_like_tar(head):
        yield from _tar_stream(stream, budget)
        return
    if not head:
        return
    budget.admit(declared, packed)
    data = bounded_read(stream.read, budget, declared)
    yield Member(name, data)


class _Unpacking:
    """A decompressing stream that stops as soon as it expands more than real files do."""

    def __init__(self, read: Callable[[int], bytes], packed: int, budget: Budget) -> None:
        self._read = read
        self._packed = max(packed, 1)
        self._budget = budget
        self.expanded = 0

    def read(self, size: int = -1) -> bytes:
        chunk = self._read(size if size >= 0 else MIB)
        self.expanded += len(chunk)
        limits = self._budget.limits
        if self.expanded > limits.ratio_floor_bytes and (
            self.expanded > limits.max_ratio * self._packed
        ):
            raise LimitReached(Status.UNREADABLE, BOMB, Kind.ARCHIVE)
        if self.expanded > limits.max_total_bytes:
            raise LimitReached(
                Status.UNREADABLE,
                f"This unpacks to more than {limits.max_total_bytes // MIB:,} MB, "
                "too much to check safely.",
                Kind.ARCHIVE,
            )
        self._budget.check_time()
        return chunk


class _Prefixed:
    """Bytes already read (to sniff) followed by the rest of the stream."""

    def __init__(self, head: bytes, read: Callable[[int], bytes]) -> None:
        self._head = head
        self._read = read

    def read(self, size: int = -1) -> bytes:
        if self._head:
            taken = self._head if size < 0 else self._head[:size]
            self._head = self._head[len(taken) :]
            return taken
        return self._read(size)


def _looks_like_tar(head: bytes) -> bool:
    """A TAR header block: the ustar magic, or an old-style header whose checksum adds up."""
    if len(head) < TAR_BLOCK:
        return False
    if head[257:262] == b"ustar":
        return True
    field = head[148:156].replace(b"\0", b" ").strip()
    try:
        stored = int(field, 8) if field else -1
    except ValueError:
        return False
    return stored == sum(head[:148]) + 8 * 0x20 + sum(head[156:TAR_BLOCK])


def _gzip_name(head: bytes) -> str | None:
    """The original file name a gzip header records (FNAME), without any folder."""
    flags_at, fextra, fname = 3, 0x04, 0x08
    if len(head) < 10 or head[:2] != b"\x1f\x8b" or not head[flags_at] & fname:
        return None
    at = 10
    if head[flags_at] & fextra:
        if len(head) < 12:
            return None
        at += 2 + int.from_bytes(head[10:12], "little")
    end = head.find(b"\0", at)
    if end < 0:
        return None
    name = head[at:end].decode("latin-1").replace("\\", "/").rsplit("/", 1)[-1]
    return clean_name(name) if name else None


def _gzip_declared(raw: IO[bytes], packed: int) -> int:
    """The size the (last) gzip member says it unpacks to: a hint, checked while reading."""
    if packed < 18:
        return 0
    raw.seek(packed - 4)
    return int.from_bytes(raw.read(4), "little")


# --- 7z -------------------------------------------------------------------------------


def sevenzip_members(source: Source, budget: Budget) -> Iterator[Member]:
    """Every regular file of a 7z, unpacked in-process one solid block at a time."""
    from . import sevenzip

    yield from sevenzip.members(source, budget)


# --- RAR ------------------------------------------------------------------------------


def rar_members(source: Source, budget: Budget) -> Iterator[Member]:
    """A RAR's stored (unpacked) files; anything packed needs a program: could not check."""
    from . import rar

    yield from rar.members(source, budget)
