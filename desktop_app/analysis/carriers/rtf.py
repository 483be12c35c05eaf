"""Rich Text (.rtf): the pictures a word processor shows, as members to check.

RTF stores a picture as hexadecimal text (or ``\\bin`` bytes) in a ``{\\pict ...}`` group:
PNG, JPEG, a device-independent bitmap, or a metafile (which SafeLens cannot read, so the
worker answers "could not check" for it). Embedded objects (``\\objdata``) are handed on
too: the worker looks for the pictures inside them. Word writes each picture twice, as
PNG/JPEG and, for old readers, as a metafile in ``\\nonshppict``: that metafile copy is
skipped when the first one is there. A PNG, JPEG or bitmap in ``\\nonshppict`` is always
handed on: a reader that ignores ``\\shppict`` shows exactly that one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .base import Budget, Member, Source, read_whole

_TOKEN = re.compile(
    rb"\\bin(?P<bin>-?\d+) ?|\\(?P<word>[a-zA-Z]+)-?\d* ?|\\.|[{}]|(?P<hex>[0-9a-fA-F\s]+)|[^\\{}]+"
)
_GROUP_START = re.compile(rb"\{\\(?:\*\\)?(pict|objdata|nonshppict)(?![a-zA-Z])")
_PICTURE_KINDS = {b"pngblip", b"jpegblip", b"dibitmap", b"wmetafile", b"emfblip", b"macpict"}
_METAFILES = {b"wmetafile", b"emfblip"}


def rtf_members(source: Source, budget: Budget) -> Iterator[Member]:
    """Each picture (and embedded object) in reading order, named "picture 2", "object 1"."""
    data = read_whole(source, budget, 2 * budget.limits.max_member_bytes, "RTF document")
    skip_alternates = b"\\shppict" in data
    counts = {b"pict": 0, b"objdata": 0}
    at, alternate_end = 0, -1
    while (found := _GROUP_START.search(data, at)) is not None:
        budget.check_time()
        group, start = found.group(1), found.end()
        if group == b"nonshppict":
            if skip_alternates:
                alternate_end = _group_end(data, start)
            at = start
            continue
        payload, kinds, at = _payload(data, start, budget)
        if found.start() < alternate_end and kinds and kinds <= _METAFILES:
            continue  # Word's metafile copy of a picture already handed on
        counts[group] += 1
        if not payload:
            continue
        if b"dibitmap" in kinds:
            payload = _bmp_file(payload)
        what = "picture" if group == b"pict" else "object"
        yield Member(name=f"{what} {counts[group]}", data=payload)


def _payload(data: bytes, start: int, budget: Budget) -> tuple[bytes, set[bytes], int]:
    """The group's hex (or \\bin) data decoded, its picture kinds, and where the group ends."""
    depth, kinds = 0, set()
    hex_runs: list[bytes] = []
    binary = b""
    at = start
    while at < len(data):
        token = _TOKEN.match(data, at)
        if token is None:  # a lone backslash at the very end
            break
        text, at = token.group(0), token.end()
        if text == b"{":
            depth += 1
        elif text == b"}":
            if depth == 0:
                break
            depth -= 1
        elif token["bin"] is not None:  # raw bytes follow: never parse them as text
            size = max(0, int(token["bin"]))
            if depth == 0:
                budget.admit(size)
                binary = data[at : at + size]
            at += size
        elif token["word"] in _PICTURE_KINDS and depth == 0:
            kinds.add(token["word"])
        elif token["hex"] is not None and depth == 0:
            hex_runs.append(text)
    digits = re.sub(rb"\s+", b"", b"".join(hex_runs))
    if digits:
        budget.admit(len(digits) // 2, len(digits))
        binary = bytes.fromhex(digits[: len(digits) // 2 * 2].decode("ascii"))
    return binary, kinds, at


def _group_end(data: bytes, start: int) -> int:
    """Just past the brace that closes the group opened before ``start``."""
    depth = 0
    for brace in re.finditer(rb"\\.|[{}]", data[start:]):
        if brace.group(0) == b"{":
            depth += 1
        elif brace.group(0) == b"}":
            if depth == 0:
                return start + brace.end()
            depth -= 1
    return len(data)


def _bmp_file(dib: bytes) -> bytes:
    """A device-independent bitmap with the 14-byte file header a .bmp starts with."""
    header_size = int.from_bytes(dib[0:4], "little")
    bits = int.from_bytes(dib[14:16], "little") if header_size >= 16 else 24
    colours = int.from_bytes(dib[32:36], "little") if header_size >= 36 else 0
    if bits <= 8 and colours == 0:
        colours = 1 << bits
    offset = 14 + header_size + 4 * colours
    return (
        b"BM"
        + (14 + len(dib)).to_bytes(4, "little")
        + bytes(4)
        + offset.to_bytes(4, "little")
        + dib
    )
