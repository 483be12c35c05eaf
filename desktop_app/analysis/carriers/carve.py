"""Pictures hidden anywhere in a file's bytes, found by their signatures ("carving").

Used where a picture can sit inside bytes that have no container SafeLens reads:
programs and fonts (icons, splash screens), audio files (ID3 cover art is a raw JPEG
or PNG), databases, the streams of old Office files, unknown binaries. Each hit is
checked against the format's own header before it counts, so chance byte patterns in
ordinary files (three bytes ``FF D8 FF`` turn up about once every 16 MB) do not
become "could not check". A path is mapped, never read whole; a picture's end is found
when that is cheap (JPEG EOI, PNG IEND, a GIF's blocks, RIFF/BMP sizes, ISO-BMFF boxes),
otherwise its slice runs to a cap (Pillow ignores trailing bytes).
"""

from __future__ import annotations

import mmap
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..verdict import CheckFailed, Kind, Status
from .base import MIB, Budget, Member, Source

MAX_CANDIDATES = 500  # pictures carved out of one file or byte string
MAX_PICTURE_BYTES = 32 * MIB  # a slice whose end is not known stops here
_TIME_EVERY = 256  # signature hits between two looks at the clock

Buffer = bytes | mmap.mmap


@dataclass(frozen=True)
class Found:
    """A picture's start, where its slice ends, and where it surely ends (for de-duplication)."""

    start: int
    stop: int  # the end of the slice handed on
    covers: int  # hits before this are part of this picture (its own thumbnail...)


class _Next:
    """The next position of one byte string at or after a position, remembered between calls.

    Hits are visited in increasing order, so each signature is searched for about once
    per occurrence, however many candidates ask: no quadratic scan on a hostile file.
    """

    def __init__(self, data: Buffer, needle: bytes) -> None:
        self._data, self._needle = data, needle
        self._asked, self._found = -1, -1

    def at_or_after(self, pos: int) -> int:
        """Position of the needle at or after ``pos``, or -1."""
        known = self._asked != -1 and self._asked <= pos
        if known and (self._found == -1 or self._found >= pos):
            return self._found
        self._asked, self._found = pos, self._data.find(self._needle, pos)
        return self._found


def carved_members(source: Source, budget: Budget) -> Iterator[Member]:
    """Every picture found by signature in ``source`` (a path or bytes), in file order."""
    if isinstance(source, bytes):
        yield from _carve(source, budget)
        return
    with open(source, "rb") as handle:
        if os.fstat(handle.fileno()).st_size == 0:
            return
        with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
            yield from _carve(mapped, budget)


def _carve(data: Buffer, budget: Budget) -> Iterator[Member]:
    carver = _Carver(data)
    for count, found in enumerate(carver.pictures(budget), 1):
        if count > MAX_CANDIDATES:
            raise CheckFailed(
                Status.UNREADABLE,
                f"There are more than {MAX_CANDIDATES} pictures hidden inside, too many to check.",
                Kind.OTHER,
            )
        size = found.stop - found.start
        budget.admit(size)
        yield Member(
            name=f"picture at byte {found.start}", data=bytes(data[found.start : found.stop])
        )


class _Carver:
    """Walks the signature hits of one buffer in order and keeps the ones that hold up."""

    def __init__(self, data: Buffer) -> None:
        self.data = data
        self.eoi = _Next(data, b"\xff\xd9")
        self.soi = _Next(data, b"\xff\xd8\xff")
        self.iend = _Next(data, b"IEND")
        readers: dict[bytes, Callable[[int], Found | None]] = {
            b"\xff\xd8\xff": self.jpeg,
            b"\x89PNG\r\n\x1a\n": self.png,
            b"GIF87a": self.gif,
            b"GIF89a": self.gif,
            b"RIFF": self.webp,
            b"ftyp": self.iso_bmff,
            b"BM": self.bmp,
        }
        self.readers = readers
        self.hits = {sig: _Next(data, sig) for sig in readers}

    def pictures(self, budget: Budget) -> Iterator[Found]:
        pos, covered, seen = 0, 0, 0
        while True:
            sig, at = self._next_hit(pos)
            if at < 0:
                return
            seen += 1
            if seen % _TIME_EVERY == 0:
                budget.check_time()
            pos = at + 1
            if at < covered:
                continue
            found = self.readers[sig](at)
            if found is not None:
                covered = max(covered, found.covers)
                yield found

    def _next_hit(self, pos: int) -> tuple[bytes, int]:
        best_sig, best = b"", -1
        for sig, finder in self.hits.items():
            at = finder.at_or_after(pos)
            if at >= 0 and (best < 0 or at < best):
                best_sig, best = sig, at
        return best_sig, best

    def _u16be(self, pos: int) -> int:
        return int.from_bytes(self.data[pos : pos + 2], "big")

    def _u32(self, pos: int) -> int:
        return int.from_bytes(self.data[pos : pos + 4], "little")

    def _u32be(self, pos: int) -> int:
        return int.from_bytes(self.data[pos : pos + 4], "big")

    def _slice_end(self, start: int, end: int | None) -> Found:
        if end is not None:
            return Found(start, end, end)
        return Found(start, min(len(self.data), start + MAX_PICTURE_BYTES), start + 1)

    def jpeg(self, start: int) -> Found | None:
        """Segments from SOI up to a frame header and the start of scan, then EOI."""
        data, pos, has_frame = self.data, start + 2, False
        for _ in range(256):
            if pos + 4 > len(data) or data[pos] != 0xFF:
                return None
            marker = data[pos + 1]
            length = self._u16be(pos + 2)
            if length < 2 or marker in (0x00, 0x01, 0xD8, 0xD9) or 0xD0 <= marker <= 0xD7:
                return None
            if marker == 0xDA:
                if not has_frame:
                    return None
                return self._jpeg_end(start, pos + 2 + length)
            has_frame |= 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC)
            pos += 2 + length
        return None

    def _jpeg_end(self, start: int, scan: int) -> Found:
        """Ends at EOI, or just before a new SOI (a picture cannot start inside its scan)."""
        eoi, soi = self.eoi.at_or_after(scan), self.soi.at_or_after(scan)
        if eoi >= 0 and (soi < 0 or eoi < soi):
            return Found(start, eoi + 2, eoi + 2)
        if soi >= 0:
            return Found(start, soi, soi)
        return self._slice_end(start, None)

    def png(self, start: int) -> Found | None:
        """The IHDR chunk must follow the signature; the picture ends after IEND."""
        data = self.data
        if data[start + 8 : start + 16] != b"\x00\x00\x00\x0dIHDR":
            return None
        if self._u32be(start + 16) == 0 or self._u32be(start + 20) == 0:
            return None
        iend = self.iend.at_or_after(start + 33)
        return self._slice_end(start, iend + 8 if iend >= 0 else None)

    def gif(self, start: int) -> Found | None:
        """A logical screen with a size, then blocks up to the trailer."""
        data = self.data
        if start + 13 > len(data):
            return None
        width, height = self._u32(start + 6) & 0xFFFF, self._u32(start + 8) & 0xFFFF
        if width == 0 or height == 0:
            return None
        flags = data[start + 10]
        pos = start + 13 + (3 << ((flags & 7) + 1) if flags & 0x80 else 0)
        end = _gif_blocks(data, pos, min(len(data), start + MAX_PICTURE_BYTES))
        if end is None:
            return None
        return self._slice_end(start, end if end > 0 else None)

    def webp(self, start: int) -> Found | None:
        data = self.data
        if data[start + 8 : start + 12] != b"WEBP":
            return None
        if data[start + 12 : start + 16] not in (b"VP8 ", b"VP8L", b"VP8X"):
            return None
        size = self._u32(start + 4)
        return Found(start, min(len(data), start + 8 + size), min(len(data), start + 8 + size))

    def iso_bmff(self, at: int) -> Found | None:
        """An ``ftyp`` box naming a picture or video brand, then boxes while they make sense."""
        start = at - 4
        if start < 0 or not 16 <= self._u32be(start) <= 4096:
            return None
        if bytes(self.data[at + 4 : at + 8]) not in _BMFF_BRANDS:
            return None
        end = _boxes_end(self, start)
        return Found(start, end, end)

    def bmp(self, start: int) -> Found | None:
        """Only with a header that holds up: 'BM' alone is far too common to trust."""
        data = self.data
        if start + 30 > len(data) or self._u32(start + 6) != 0:
            return None
        size, offset, header = self._u32(start + 2), self._u32(start + 10), self._u32(start + 14)
        if header not in (12, 40, 52, 56, 64, 108, 124) or not 26 <= offset < size:
            return None
        if header == 12:
            width, height = self._u32(start + 18) & 0xFFFF, self._u32(start + 20) & 0xFFFF
            planes, bits = self._u32(start + 22) & 0xFFFF, self._u32(start + 24) & 0xFFFF
        else:
            width, height = self._u32(start + 18), abs(_signed(self._u32(start + 22)))
            planes, bits = self._u32(start + 26) & 0xFFFF, self._u32(start + 28) & 0xFFFF
        if planes != 1 or bits not in (1, 4, 8, 16, 24, 32) or not 0 < width <= 65535:
            return None
        if not 0 < height <= 65535 or size > MAX_PICTURE_BYTES:
            return None
        end = min(len(data), start + size)
        return Found(start, end, end)


def _signed(value: int) -> int:
    return value - (1 << 32) if value & 0x80000000 else value


def _gif_blocks(data: Buffer, pos: int, limit: int) -> int | None:
    """The end of a GIF after its trailer; 0 when cut off before it, None when not a GIF."""
    frames = 0
    while pos < limit:
        block = data[pos]
        if block == 0x3B:
            return pos + 1
        if block == 0x21:
            pos += 2
        elif block == 0x2C:
            if pos + 10 > limit:
                return 0
            flags = data[pos + 9]
            pos += 10 + (3 << ((flags & 7) + 1) if flags & 0x80 else 0) + 1
            frames += 1
        else:
            return pos if frames else None  # junk after the pictures ends the GIF
        while pos < limit and data[pos] != 0:
            pos += data[pos] + 1
        pos += 1
    return 0


_BOX_TYPE = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_")


def _boxes_end(carver: _Carver, start: int) -> int:
    """Top-level ISO-BMFF boxes from ``start`` while their headers make sense."""
    data, pos = carver.data, start
    for _ in range(4096):
        if pos + 8 > len(data):
            break
        size = carver._u32be(pos)
        if not all(b in _BOX_TYPE for b in bytes(data[pos + 4 : pos + 8])):
            break
        if size == 1:
            size = int.from_bytes(data[pos + 8 : pos + 16], "big")
        elif size == 0:
            return len(data)
        if size < 8:
            break
        pos += size
    return min(pos, len(data))


# Major brands of pictures and videos (padded to four bytes: b"qt" is b"qt  ").
_BMFF_BRANDS = frozenset(
    brand.ljust(4)
    for brand in (
        b"heic heix hevc hevx heim heis mif1 msf1 avif avis isom iso2 iso4 iso5 iso6 mp41 "
        b"mp42 avc1 M4V M4VH M4VP qt 3gp4 3gp5 3gp6 3gp7 3g2a 3g2b 3g2c mmp4 dash MSNV XAVC "
        b"f4v crx"
    ).split()
)
