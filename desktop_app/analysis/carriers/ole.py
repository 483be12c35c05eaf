"""Old Office files and other OLE2 compound files (.doc .xls .ppt .msg .msi .pub ...).

A compound file is a little file system of streams. Office 97-2003 keeps pictures as
raw JPEG/PNG blobs, or as DIB bitmaps without a file header, inside its streams
("Data", "Pictures", "WordDocument", "Workbook"...); so every stream is carved for
pictures (``carve``) and for bitmaps, and Office's compressed metafile records
(WMF/EMF clip art, OfficeArt BLIPs) are inflated and searched the same way.

WMF/EMF drawings themselves are not rendered (only Windows draws them faithfully);
a bitmap inside one (a photo pasted into Word often becomes an EMF around a DIB) is
checked. Vector-only clip art is not: it is lines and fills, not a photograph.

A stream that is a whole attached file (an Outlook .msg attachment, an embedded
package) is handed on whole, to be checked like a file of its own. Encrypted files
cannot be looked into: "could not check".
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from typing import Any

from ..formats import sniff
from ..verdict import CheckFailed, Kind, Status
from .base import Budget, Member, Source
from .carve import Buffer, carved_members

# An Outlook attachment's bytes: a whole file of its own, checked as one, never carved.
_ATTACHMENT_DATA = "__substg1.0_37010102"
# Embedded objects that are often whole files (a PDF, an OOXML package), but not always
# (Publisher keeps its text in a "CONTENTS" stream): handed on whole when they look like one.
_EMBEDDED_STREAMS = frozenset({"package", "contents"})
_ATTACHMENT_STORAGE = re.compile(r"^__attach_version1\.0_#([0-9A-Fa-f]{8})$")
_ENCRYPTED_STREAMS = {"encryptioninfo", "encryptedpackage", "encryptedsummary"}
_HEAD_BYTES = 64 * 1024
_MIN_SIDE = 16  # smaller bitmaps are icons and bullets, too small to show anyone
_MAX_DIBS = 500
# OfficeArt BLIP records holding a compressed metafile: (version/instance, type) bytes.
_METAFILE_BLIPS = (
    b"\x40\x3d\x1a\xf0",
    b"\x50\x3d\x1a\xf0",
    b"\x60\x21\x1b\xf0",
    b"\x70\x21\x1b\xf0",
)


def ole_members(source: Source, budget: Budget) -> Iterator[Member]:
    """Pictures carved out of every stream; attached files inside handed on whole."""
    import olefile

    try:
        ole = olefile.OleFileIO(source)
    except Exception as exc:  # olefile raises several kinds for a damaged file
        raise CheckFailed(
            Status.UNREADABLE, "This Office file is damaged and could not be read.", Kind.DOCUMENT
        ) from exc
    try:
        streams = ole.listdir(streams=True, storages=False)
        _refuse_encrypted(ole, streams)
        for path in streams:
            yield from _stream_members(ole, path, budget)
    finally:
        ole.close()


def _refuse_encrypted(ole: Any, streams: list[list[str]]) -> None:
    """Encrypted with a password (any Office version): nothing inside can be seen."""
    names = {path[-1].lower() for path in streams}
    encrypted = bool(names & _ENCRYPTED_STREAMS)
    if not encrypted and ["WordDocument"] in streams:
        fib = _read(ole, ["WordDocument"], 12)
        encrypted = len(fib) >= 12 and bool(fib[11] & 0x01)  # FIB fEncrypted
    if not encrypted and ["Workbook"] in streams:
        records = _read(ole, ["Workbook"], 512)
        encrypted = _has_filepass(records)
    if encrypted:
        raise CheckFailed(
            Status.UNSUPPORTED,
            "This Office file is protected with a password, so SafeLens could not look inside.",
            Kind.DOCUMENT,
        )


def _read(ole: Any, path: list[str], most: int) -> bytes:
    with ole.openstream(path) as stream:
        data: bytes = stream.read(most)
        return data


def _has_filepass(records: bytes) -> bool:
    """An Excel FILEPASS record (type 0x2F) among the first records: the book is encrypted."""
    pos = 0
    for _ in range(16):
        if pos + 4 > len(records):
            return False
        kind = int.from_bytes(records[pos : pos + 2], "little")
        if kind == 0x2F:
            return True
        pos += 4 + int.from_bytes(records[pos + 2 : pos + 4], "little")
    return False


def _stream_members(ole: Any, path: list[str], budget: Budget) -> Iterator[Member]:
    budget.check_time()
    size = int(ole.get_size(path))
    budget.admit(size)
    data = _read(ole, path, size)
    name = _printable("/".join(path))
    if path[-1].upper() == _ATTACHMENT_DATA.upper():
        if data:
            yield Member(name=_attachment_name(ole, path) or name, data=data)
        return
    if path[-1].lower() in _EMBEDDED_STREAMS and _is_a_file(data):
        yield Member(name=name, data=data)
        return
    if path[-1] in ("Workbook", "Book"):
        data = biff_payloads(data, budget)
    yield from picture_members(data, budget, name)


def _is_a_file(data: bytes) -> bool:
    """Bytes that are a picture, video, archive or document of their own."""
    try:
        return bool(data) and sniff(data[:_HEAD_BYTES]).kind is not Kind.OTHER
    except CheckFailed:
        return True  # a format known but not checkable: the worker says so with its name


def biff_payloads(data: bytes, budget: Budget) -> bytes:
    """An Excel stream without its record headers, so a picture split over CONTINUE records

    (at most 8,224 bytes each) is whole again; what does not parse as records is kept as is.
    """
    pieces: list[bytes] = []
    pos = 0
    while pos + 4 <= len(data):
        length = int.from_bytes(data[pos + 2 : pos + 4], "little")
        if pos + 4 + length > len(data):
            break
        pieces.append(data[pos + 4 : pos + 4 + length])
        pos += 4 + length
        if len(pieces) % 16384 == 0:
            budget.check_time()
    pieces.append(data[pos:])
    return b"".join(pieces)


def _printable(text: str) -> str:
    return "".join(c if c.isprintable() else "?" for c in text)[:200]


def _attachment_name(ole: Any, path: list[str]) -> str | None:
    """An Outlook attachment's own file name, from the streams next to its data."""
    for tag in ("__substg1.0_3707001F", "__substg1.0_3704001F"):
        sibling = [*path[:-1], tag]
        if ole.exists(sibling):
            raw = _read(ole, sibling, 1024)
            filename = _printable(raw.decode("utf-16-le", "replace").rstrip("\x00"))
            number = _ATTACHMENT_STORAGE.match(path[-2]) if len(path) > 1 else None
            where = f"attachment {int(number.group(1), 16) + 1}" if number else "attachment"
            return f"{_printable('/'.join(path[:-2]))}/{where} ({filename})".lstrip("/")
    return None


def picture_members(
    data: bytes, budget: Budget, name: str, *, metafiles: bool = True
) -> Iterator[Member]:
    """Pictures, bitmaps and metafile bitmaps inside one stream's bytes, named under it."""
    for member in carved_members(data, budget):
        yield Member(name=f"{name} / {member.name}", data=member.data)
    for offset, bmp in dib_pictures(data):
        budget.admit(len(bmp))
        yield Member(name=f"{name} / bitmap at byte {offset}", data=bmp)
    if not metafiles:
        return
    for offset, inflated in _metafiles(data, budget):
        inner = f"{name} / drawing at byte {offset}"
        yield from picture_members(inflated, budget, inner, metafiles=False)


def dib_pictures(data: Buffer) -> Iterator[tuple[int, bytes]]:
    """Headerless Windows bitmaps (DIBs) with a header that holds up, as BMP files."""
    pos, count = 0, 0
    while (pos := data.find(b"\x28\x00\x00\x00", pos)) >= 0:
        bmp = _dib_as_bmp(data, pos)
        if bmp is not None:
            count += 1
            if count > _MAX_DIBS:
                raise CheckFailed(
                    Status.UNREADABLE,
                    f"There are more than {_MAX_DIBS} bitmaps hidden inside, too many to check.",
                    Kind.DOCUMENT,
                )
            yield pos, bmp
            pos += len(bmp) - 14
        else:
            pos += 1


def _dib_as_bmp(data: Buffer, pos: int) -> bytes | None:
    """A BITMAPINFOHEADER at ``pos`` and its pixels, with a BMP file header put in front."""
    head = bytes(data[pos : pos + 40])
    if len(head) < 40:
        return None
    width = int.from_bytes(head[4:8], "little", signed=True)
    height = abs(int.from_bytes(head[8:12], "little", signed=True))
    planes, bits = int.from_bytes(head[12:14], "little"), int.from_bytes(head[14:16], "little")
    compression = int.from_bytes(head[16:20], "little")
    image_size, colours = (
        int.from_bytes(head[20:24], "little"),
        int.from_bytes(head[32:36], "little"),
    )
    if planes != 1 or bits not in (1, 4, 8, 16, 24, 32) or compression > 6:
        return None
    if not _MIN_SIDE <= width <= 20000 or not _MIN_SIDE <= height <= 20000:
        return None
    if colours > 256 or (bits > 8 and colours > 0 and compression != 3):
        return None
    palette = (colours or (1 << bits if bits <= 8 else 0)) * 4
    masks = 12 if compression in (3, 6) else 0
    pixels = ((width * bits + 31) // 32) * 4 * height if compression in (0, 3) else image_size
    total = 40 + masks + palette + pixels
    if pixels <= 0 or pos + total > len(data):
        return None
    offset = 14 + 40 + masks + palette
    header = b"BM" + (14 + total).to_bytes(4, "little") + bytes(4) + offset.to_bytes(4, "little")
    return header + bytes(data[pos : pos + total])


def _metafiles(data: bytes, budget: Budget) -> Iterator[tuple[int, bytes]]:
    """Each compressed WMF/EMF picture record (OfficeArt BLIP), inflated within the budget."""
    for signature in _METAFILE_BLIPS:
        pos = 0
        while (pos := data.find(signature, pos)) >= 0:
            inflated = _inflated_blip(data, pos, budget)
            if inflated:
                yield pos, inflated
            pos += 4


def _inflated_blip(data: bytes, pos: int, budget: Budget) -> bytes | None:
    """The metafile of a BLIP record: 16 or 32 bytes of ids, a 34-byte header, deflate data."""
    uids = 32 if data[pos] & 0x10 else 16
    header = pos + 8 + uids
    if header + 34 > len(data):
        return None
    record_end = pos + 8 + int.from_bytes(data[pos + 4 : pos + 8], "little")
    expanded = int.from_bytes(data[header : header + 4], "little")
    packed = int.from_bytes(data[header + 28 : header + 32], "little")
    if data[header + 32] != 0 or packed <= 0 or header + 34 + packed > min(record_end, len(data)):
        return None  # 0xFE: stored as is, already searched with the stream
    budget.admit(expanded, packed)
    inflater = zlib.decompressobj()
    try:
        inflated = inflater.decompress(
            data[header + 34 : header + 34 + packed], budget.read_limit()
        )
    except zlib.error:
        return None
    return inflated
