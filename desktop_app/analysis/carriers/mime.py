"""E-mail, saved web pages and mailboxes: the pictures inside them.

E-mail (.eml), saved pages (.mhtml, multipart/related) and mailboxes (.mbox): every part
that is not plain body text is a member (inline pictures and attachments of any type);
HTML and CSS parts go through the web page rules (``webpage``), files uuencoded into
body text are members too. Attached messages are walked the same way.
"""

from __future__ import annotations

import binascii
import contextlib
import email
import email.header
import email.message
import email.policy
import io
import re
from collections.abc import Iterator
from typing import BinaryIO

from ..verdict import CheckFailed, Kind, Status
from .base import MIB, Budget, LimitReached, Member, Source, read_whole
from .webpage import MAX_PAGE_BYTES, html_members, page_members, page_text

MAX_PARTS_DEPTH = 32  # multipart inside multipart inside attached message ...
_UU_BEGIN = re.compile(rb"^begin [0-7]{3,4} ([^\r\n]+)\r?$", re.MULTILINE)

__all__ = ["html_members", "mbox_members", "message_members", "mime_members"]


def mime_members(source: Source, budget: Budget) -> Iterator[Member]:
    """The parts of one e-mail or saved page (.eml, .mhtml) that may show a picture."""
    data = read_whole(source, budget, MAX_PAGE_BYTES, "message")
    yield from message_members(_parsed(data), budget)


def _parsed(data: bytes) -> email.message.Message:
    """The message, parsed with the compat32 policy, lenient and linear.

    ``policy.default``'s header parser takes quadratic time on hostile headers (20,000
    parameters: over 10 s; compat32: 0.2 s).
    """
    try:
        return email.message_from_bytes(data, policy=email.policy.compat32)
    except Exception as exc:  # the parser is lenient; anything it still raises means damaged
        raise CheckFailed(
            Status.UNREADABLE, "This message is damaged and could not be read.", Kind.DOCUMENT
        ) from exc


def message_members(
    message: email.message.Message, budget: Budget, prefix: str = ""
) -> Iterator[Member]:
    """Every part but plain body text, in order; an attached message's parts under its name.

    Parts are numbered per message ("part 1" is usually the body text), iteratively, so a
    message nested thousands of levels deep cannot exhaust the stack.
    """
    stack: list[tuple[email.message.Message, str, int, list[int]]] = [(message, prefix, 0, [0])]
    while stack:
        part, name, depth, counter = stack.pop()
        budget.check_time()
        if depth > MAX_PARTS_DEPTH:
            raise CheckFailed(
                Status.UNREADABLE,
                "The message has parts inside parts too many levels deep to check.",
                Kind.DOCUMENT,
            )
        children = _children(part)
        if children is None:
            counter[0] += 1
            yield from _leaf(part, name, _label(part, counter[0]), budget)
        elif part.get_content_maintype() == "message":
            counter[0] += 1
            inner = f"{name}{_label(part, counter[0])} / "
            stack.extend((child, inner, depth + 1, [0]) for child in reversed(children))
        else:
            stack.extend((child, name, depth + 1, counter) for child in reversed(children))


def _children(part: email.message.Message) -> list[email.message.Message] | None:
    """The parts inside a multipart part or an attached message; None for a leaf."""
    if not part.is_multipart():
        return None
    payload = part.get_payload()
    if not isinstance(payload, list):
        return []
    return [child for child in payload if isinstance(child, email.message.Message)]


def _label(part: email.message.Message, number: int) -> str:
    filename = _filename(part)
    return f"attachment {number} ({filename})" if filename else f"part {number}"


def _filename(part: email.message.Message) -> str | None:
    """The part's file name for the user to read (encoded words decoded), printable only."""
    try:
        name = part.get_filename()
    except Exception:  # a malformed header: the part is still checked, just not named
        return None
    if not name:
        return None
    text = str(name)[:1000]
    with contextlib.suppress(Exception):  # not valid encoded words: keep them as written
        text = str(email.header.make_header(email.header.decode_header(text)))
    return "".join(c if c.isprintable() else "?" for c in text)[:200]


def _leaf(part: email.message.Message, prefix: str, label: str, budget: Budget) -> Iterator[Member]:
    """One part's member(s): itself, or the inline pictures of an HTML or CSS part."""
    ctype = part.get_content_type()
    raw = part.get_payload()
    budget.admit(len(raw) if isinstance(raw, str) else 0)
    data = part.get_payload(decode=True)
    if not isinstance(data, bytes) or not data:
        return
    inner = f"{prefix}{label} / "
    if ctype == "text/plain" and label.startswith("part "):
        yield from uuencoded_members(data, budget, inner)  # else body text: nothing to check
    elif ctype == "text/html":
        yield from page_members(_part_text(part, data), budget, inner)
    elif ctype == "text/css":
        yield from page_members(f"<style>{_part_text(part, data)}</style>", budget, inner)
    else:
        yield Member(name=f"{prefix}{label}", data=data)


def uuencoded_members(text: bytes, budget: Budget, prefix: str = "") -> Iterator[Member]:
    """Files written into body text the old way (uuencode), which mail programs still show."""
    for begin in _UU_BEGIN.finditer(text):
        budget.check_time()
        end = text.find(b"\nend", begin.end())
        block = text[begin.end() : end if end >= 0 else len(text)]
        budget.admit(len(block) * 3 // 4)
        data = _uudecoded(block)
        if data:
            name = begin.group(1).decode("utf-8", "replace").strip()
            printable = "".join(c if c.isprintable() else "?" for c in name)[:200]
            yield Member(name=f"{prefix}{printable}", data=data)


def _uudecoded(block: bytes) -> bytes:
    """Line by line; a line some encoder padded oddly is cut to the length it declares."""
    out: list[bytes] = []
    for line in block.splitlines():
        if not line.strip() or line.strip() == b"`":
            continue
        try:
            out.append(binascii.a2b_uu(line))
        except binascii.Error:
            try:
                out.append(binascii.a2b_uu(line[: (((line[0] - 32) & 63) * 4 + 5) // 3]))
            except binascii.Error:
                break
    return b"".join(out)


def _part_text(part: email.message.Message, data: bytes) -> str:
    charset = part.get_content_charset()
    if charset:
        try:
            return data.decode(charset, "replace")
        except LookupError:
            pass
    return page_text(data)


def mbox_members(source: Source, budget: Budget) -> Iterator[Member]:
    """Each message of a mailbox in turn, named "message 12 / attachment 1 (x.jpg)"."""
    with _opened(source) as stream:
        for number, data in enumerate(_mbox_messages(stream, budget), 1):
            yield from message_members(_parsed(data), budget, f"message {number} / ")


def _opened(source: Source) -> BinaryIO:
    return io.BytesIO(source) if isinstance(source, bytes) else open(source, "rb")


def _mbox_messages(stream: BinaryIO, budget: Budget) -> Iterator[bytes]:
    """The bytes of each message: the lines after one "From " line up to the next."""
    lines: list[bytes] = []
    size, started = 0, False
    while line := stream.readline(MAX_PAGE_BYTES + 1):
        if line.startswith(b"From "):
            if started:
                yield b"".join(lines)
            lines, size, started = [], 0, True
            budget.check_time()
            continue
        lines.append(line)
        size += len(line)
        if size > MAX_PAGE_BYTES:
            raise LimitReached(
                Status.UNREADABLE,
                "A message in this mailbox is too large to check "
                f"(over {MAX_PAGE_BYTES // MIB} MB).",
                Kind.DOCUMENT,
            )
    if started:
        yield b"".join(lines)
