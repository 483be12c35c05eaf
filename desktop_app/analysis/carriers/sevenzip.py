"""7z archives through py7zr, in this process, never more than the budget allows in memory.

py7zr's ``readall()`` would expand every member at once; here each solid block
("folder") is unpacked on its own into bounded in-memory writers, so memory holds one
block's files at most and a block of lies stops at the first byte past its size.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import py7zr
import py7zr.exceptions
from py7zr.io import MemIO, Py7zIO, WriterFactory

from ..verdict import CheckFailed, Kind, Status
from .base import Budget, LimitReached, Member, Source
from .unpacking import (
    DAMAGED,
    PASSWORD,
    UNKNOWN_METHOD,
    clean_name,
    opened,
    refuse_count,
    translated,
)

_RULES = (
    (py7zr.exceptions.PasswordRequired, Status.UNSUPPORTED, PASSWORD),
    (py7zr.exceptions.UnsupportedCompressionMethodError, Status.UNSUPPORTED, UNKNOWN_METHOD),
    # A hostile header can make the parser fail in any way: each is a damaged archive.
    (Exception, Status.UNREADABLE, DAMAGED),
)


def members(source: Source, budget: Budget) -> Iterator[Member]:
    """Every non-empty file block by block; passwords and bombs refused before unpacking."""
    # A stream (not a path) also keeps py7zr from unpacking blocks in parallel threads.
    with (
        opened(source) as stream,
        translated(*_RULES),
        py7zr.SevenZipFile(stream, mode="r") as archive,
    ):
        if archive.needs_password():
            raise CheckFailed(Status.UNSUPPORTED, PASSWORD, Kind.ARCHIVE)
        files = [entry for entry in archive.files if _with_data(entry)]
        refuse_count(len(files), budget)
        for block in _blocks(files):
            _admit(block, budget)
            yield from _unpack(archive, block, budget)


def _with_data(entry: Any) -> bool:
    """A file with content: links and sockets too (a tool ignoring the flag shows the bytes)."""
    return not (entry.is_directory or entry.emptystream or entry.uncompressed == 0)


def _blocks(files: list[Any]) -> list[list[Any]]:
    """Files grouped by the solid block they are packed in, in archive order."""
    blocks: dict[int, list[Any]] = {}
    for entry in files:
        blocks.setdefault(id(entry.folder), []).append(entry)
    return list(blocks.values())


def _admit(block: list[Any], budget: Budget) -> None:
    """Each file's share of its block's packed bytes, so one tightly packed block is a bomb."""
    expanded = sum(entry.uncompressed for entry in block)
    packed = sum(entry.compressed or 0 for entry in block)
    for entry in block:
        budget.admit(entry.uncompressed, packed * entry.uncompressed // max(expanded, 1))


def _unpack(archive: Any, block: list[Any], budget: Budget) -> Iterator[Member]:
    """One block unpacked into bounded buffers, then its files handed over in order."""
    archive.reset()
    factory = _BoundedFactory(budget, {str(entry.id): entry.uncompressed for entry in block})
    for entry in block:
        archive.worker.register_filelike(entry.id, MemIO(str(entry.id), factory))
    archive.worker.extract(archive.fp, None, parallel=False)
    for entry in block:
        yield Member(clean_name(entry.filename), factory.take(str(entry.id)))


class _BoundedFactory(WriterFactory):
    """Hands py7zr one in-memory writer per file, each capped at the file's declared size."""

    def __init__(self, budget: Budget, sizes: dict[str, int]) -> None:
        self._budget = budget
        self._sizes = sizes
        self._writers: dict[str, _BoundedWriter] = {}

    def create(self, filename: str) -> Py7zIO:
        writer = _BoundedWriter(self._budget, self._sizes.get(filename, 0))
        self._writers[filename] = writer
        return writer

    def take(self, filename: str) -> bytes:
        writer = self._writers.pop(filename, None)
        return b"" if writer is None else writer.content()


class _BoundedWriter(Py7zIO):
    """Collects one file's bytes; more than it declared, or past the deadline, stops it."""

    def __init__(self, budget: Budget, limit: int) -> None:
        self._budget = budget
        self._limit = limit
        self._chunks: list[bytes] = []
        self._size = 0

    def write(self, s: bytes | bytearray) -> int:
        self._size += len(s)
        if self._size > self._limit:
            raise LimitReached(
                Status.UNREADABLE,
                "A file inside grew larger than it said while unpacking, so SafeLens "
                "stopped (it may be made to cause harm).",
                Kind.ARCHIVE,
            )
        self._chunks.append(bytes(s))
        self._budget.check_time()
        return len(s)

    def read(self, size: int | None = None) -> bytes:
        return b""

    def seek(self, offset: int, whence: int = 0) -> int:
        return 0

    def flush(self) -> None:
        return None

    def size(self) -> int:
        return self._size

    def content(self) -> bytes:
        return b"".join(self._chunks)
