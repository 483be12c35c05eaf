"""Contact cards as text: cards, their properties, and the pictures inside them.

vobject reads each card (names, validity), but it cannot be trusted with pictures:
it mangles vCard 4.0 ``data:`` URIs, fails a whole card on one bad base64 photo and
on vCard 2.1's unindented base64 blocks. So this module splits cards and properties
itself, takes PHOTO and LOGO payloads out as plain bytes (never decoded as images
here), and writes cards back property by property, keeping every other line as it was.
"""

from __future__ import annotations

import base64
import binascii
import re
import urllib.parse
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import vobject

MAX_IMAGE_BYTES = 8 * 1024 * 1024
IMAGE_PROPERTIES = frozenset({"PHOTO", "LOGO"})
MARKER_PARAM = "X-SAFELENS"
MARKER_VALUE = "replaced"
FOLD_AT = 75
_ENCODINGS = {"B", "BASE64", "QUOTED-PRINTABLE", "8BIT", "7BIT"}
_VALUE_WORDS = {"URL", "URI", "CID", "CONTENT-ID", "INLINE"}
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]{0,31}:")
_NAME = re.compile(r"^(?:([A-Za-z0-9-]+)\.)?([A-Za-z0-9-]+)$")
_LINE_NUMBER = re.compile(r"line (\d+)", re.IGNORECASE)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # not str.splitlines: it also splits at U+2028 & co


class PayloadKind(StrEnum):
    """What a picture property holds; only ``inline`` has bytes to check."""

    inline = "inline"
    remote = "remote"  # a URI: never fetched
    corrupt = "corrupt"  # inline data that cannot be decoded (bad base64, unknown form)
    oversized = "oversized"


@dataclass(frozen=True)
class Property:
    """One logical content line of a card, unfolded, with its original physical lines."""

    group: str | None
    name: str
    params: dict[str, list[str]]
    head: str  # everything before the value's colon, as written
    value: str
    raw: tuple[str, ...]
    plain: bool  # only RFC folding: the raw lines can be written back unchanged

    def param(self, key: str) -> list[str]:
        return [v.upper() for v in self.params.get(key, [])]

    @property
    def marked_replaced(self) -> bool:
        """SafeLens put a neutral avatar here (the X-SAFELENS=replaced parameter)."""
        return MARKER_VALUE.upper() in self.param(MARKER_PARAM)


@dataclass(frozen=True)
class Picture:
    """A PHOTO/LOGO (or an X- property with inline data) and what it holds."""

    index: int  # position of the property in the card
    name: str
    kind: PayloadKind
    data: bytes | None  # the payload (inline) or the undecodable text (corrupt)
    marked_replaced: bool


@dataclass(frozen=True)
class Card:
    """One BEGIN:VCARD..END:VCARD block; ``error`` says why it could not be read."""

    number: int  # 1-based, in file order
    version: str
    properties: tuple[Property, ...]
    pictures: tuple[Picture, ...]
    name: str
    error: str | None
    raw: tuple[str, ...]


def split_cards(text: str) -> list[tuple[list[str], bool]]:
    """The physical lines inside each card, and whether the card was closed."""
    cards: list[tuple[list[str], bool]] = []
    current: list[str] | None = None
    depth = 0
    for line in _LINE_BREAK.split(text):
        word = line.strip().upper()
        if current is None:
            if word == "BEGIN:VCARD":
                current, depth = [], 1
            continue
        if word == "BEGIN:VCARD":
            depth += 1  # a vCard 2.1 AGENT card nested inside this one
        elif word == "END:VCARD":
            depth -= 1
            if depth == 0:
                cards.append((current, True))
                current = None
                continue
        current.append(line)
    if current is not None:
        cards.append((current, False))
    return cards


def _split_quoted(text: str, separator: str) -> list[str]:
    """Split on a separator that is not inside double quotes."""
    parts, start, quoted = [], 0, False
    for pos, char in enumerate(text):
        if char == '"':
            quoted = not quoted
        elif char == separator and not quoted:
            parts.append(text[start:pos])
            start = pos + 1
    parts.append(text[start:])
    return parts


def _head_and_value(text: str) -> tuple[str, str] | None:
    quoted = False
    for pos, char in enumerate(text):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            return text[:pos], text[pos + 1 :]
    return None


def parse_params(raw: list[str]) -> dict[str, list[str]]:
    """vCard parameters, upper-cased keys; vCard 2.1's bare words get their key."""
    params: dict[str, list[str]] = {}
    for item in raw:
        if not item:
            continue
        key, sep, value = item.partition("=")
        if not sep:
            word = key.strip().upper()
            key = "ENCODING" if word in _ENCODINGS else "VALUE" if word in _VALUE_WORDS else "TYPE"
            values = [word]
        else:
            values = [v.strip().strip('"') for v in _split_quoted(value, ",")]
        params.setdefault(key.strip().upper(), []).extend(values)
    return params


def _property_start(line: str) -> tuple[str | None, str, str, str] | None:
    """(group, NAME, head, value) if ``line`` starts a property, else None."""
    split = _head_and_value(line)
    if split is None:
        return None
    head, value = split
    match = _NAME.match(_split_quoted(head, ";")[0])
    if match is None:
        return None
    return match.group(1), match.group(2).upper(), head, value


def read_properties(lines: list[str], version: str) -> list[Property] | str:
    """The card's properties, or a plain reason (with a card line number) why not."""
    props: list[Property] = []
    pos = 0
    while pos < len(lines):
        first = lines[pos]
        pos += 1
        if not first.strip():
            continue
        start = _property_start(first)
        if start is None:
            return f"line {pos} is not a vCard property"
        group, name, head, value = start
        params = parse_params(_split_quoted(head, ";")[1:])
        raw, plain = [first], True
        encoding = {v.upper() for v in params.get("ENCODING", [])}
        while pos < len(lines):
            line = lines[pos]
            if line[:1] in (" ", "\t"):
                value += line[1:]
            elif "QUOTED-PRINTABLE" in encoding and value.endswith("="):
                value, plain = value[:-1] + line, False  # a quoted-printable soft break
            elif version == "2.1" and encoding & {"B", "BASE64"} and line.strip():
                if _property_start(line) is not None:
                    break
                value, plain = value + line.strip(), False  # 2.1: unindented base64 block
            else:
                break
            raw.append(line)
            pos += 1
        base64_21 = version == "2.1" and encoding & {"B", "BASE64"}
        if base64_21 and plain and pos < len(lines) and not lines[pos].strip():
            raw.append(lines[pos])  # the blank line that ends a 2.1 base64 block
            pos += 1
        props.append(Property(group, name, params, head, value, tuple(raw), plain))
    return props


def _decode_base64(text: str) -> bytes | None:
    compact = re.sub(r"\s+", "", text)
    compact += "=" * (-len(compact) % 4)
    try:
        return base64.b64decode(compact, validate=True)
    except (binascii.Error, ValueError):
        return None


def _data_uri(value: str) -> bytes | None:
    """The bytes of a data: URI, or None when they cannot be decoded."""
    header, comma, body = value[5:].partition(",")
    if not comma:
        return None
    if header.lower().endswith(";base64"):
        return _decode_base64(body)
    return urllib.parse.unquote_to_bytes(body)


def picture_of(prop: Property, index: int) -> Picture | None:
    """What a property holds if it is a picture (PHOTO/LOGO, or X- with inline data)."""
    value = prop.value.strip()
    encoding = set(prop.param("ENCODING"))
    is_data = value[:5].lower() == "data:"
    inline = bool(encoding & {"B", "BASE64"}) or is_data
    if prop.name not in IMAGE_PROPERTIES and not (prop.name.startswith("X-") and inline):
        return None
    if not value:
        return None
    if inline and len(value) > MAX_IMAGE_BYTES * 4 // 3 + 4096:
        return Picture(index, prop.name, PayloadKind.oversized, None, prop.marked_replaced)
    decoded: bytes | None = None
    if is_data:
        decoded = _data_uri(value)
    elif inline:
        decoded = _decode_base64(value)
    elif _SCHEME.match(value) or set(prop.param("VALUE")) & _VALUE_WORDS:
        return Picture(index, prop.name, PayloadKind.remote, None, prop.marked_replaced)
    if not decoded:
        data = value.encode("utf-8", "surrogateescape")
        return Picture(index, prop.name, PayloadKind.corrupt, data, prop.marked_replaced)
    kind = PayloadKind.oversized if len(decoded) > MAX_IMAGE_BYTES else PayloadKind.inline
    return Picture(index, prop.name, kind, decoded, prop.marked_replaced)


def _name_from(component: Any) -> str:
    fn = getattr(component, "fn", None)
    if fn is not None and isinstance(fn.value, str) and fn.value.strip():
        return fn.value.strip()
    n = getattr(component, "n", None)
    if n is not None and hasattr(n.value, "given"):
        parts = (n.value.prefix, n.value.given, n.value.additional, n.value.family)
        words = [" ".join(p) if isinstance(p, list) else str(p) for p in parts]
        return " ".join(w.strip() for w in words if w.strip())
    return ""


def _vobject_error(exc: Exception) -> str:
    """A reason without the card's content (it may hold names, numbers, addresses)."""
    line = getattr(exc, "lineNumber", None)
    if line is None:
        found = _LINE_NUMBER.search(str(exc))
        line = found.group(1) if found else None
    return f"line {line} could not be read" if line else "it could not be read"


def _check_with_vobject(props: list[Property]) -> tuple[str, str | None]:
    """Let vobject read the card without its pictures: (name, error)."""
    body = [f"{p.head}:{p.value}" for p in props]
    text = "\r\n".join(["BEGIN:VCARD", *body, "END:VCARD", ""])
    try:
        component = vobject.readOne(text)
    except Exception as exc:  # vobject raises many kinds on bad input, all mean "unreadable"
        return "", _vobject_error(exc)
    return _name_from(component), None


def parse_card(number: int, lines: list[str], closed: bool) -> Card:
    """Read one card; a broken card keeps its raw lines and says what is wrong."""
    version = "3.0"
    for line in lines:
        start = _property_start(line)
        if start is not None and start[1] == "VERSION":
            version = start[3].strip()
            break
    found = read_properties(lines, version)
    if not closed:
        found = "the card has no END:VCARD line"
    if isinstance(found, str):
        return Card(
            number, version, (), (), "", f"Card {number} was skipped: {found}.", tuple(lines)
        )
    pictures = [pic for i, p in enumerate(found) if (pic := picture_of(p, i)) is not None]
    taken = {pic.index for pic in pictures}
    name, error = _check_with_vobject([p for i, p in enumerate(found) if i not in taken])
    if error is not None:
        error = f"Card {number} was skipped: {error}."
    return Card(number, version, tuple(found), tuple(pictures), name, error, tuple(lines))


def parse_cards(text: str) -> list[Card]:
    """Every card in a file's text, readable or not, in file order."""
    return [parse_card(n, lines, closed) for n, (lines, closed) in enumerate(split_cards(text), 1)]


def fold(logical: str) -> list[str]:
    """RFC 6350 folding: lines of at most 75 characters, continued after one space."""
    lines = [logical[:FOLD_AT]]
    rest = logical[FOLD_AT:]
    while rest:
        lines.append(" " + rest[: FOLD_AT - 1])
        rest = rest[FOLD_AT - 1 :]
    return lines


def picture_lines(group: str | None, name: str, version: str, png: bytes) -> list[str]:
    """A PNG written as this card's version writes pictures, marked as SafeLens' avatar."""
    prefix = f"{group}." if group else ""
    data = base64.b64encode(png).decode("ascii")
    marker = f"{MARKER_PARAM}={MARKER_VALUE}"
    if version.startswith("4"):
        return fold(f"{prefix}{name};{marker}:data:image/png;base64,{data}")
    encoding = "BASE64" if version == "2.1" else "b"
    lines = fold(f"{prefix}{name};ENCODING={encoding};TYPE=PNG;{marker}:{data}")
    return [*lines, ""] if version == "2.1" else lines  # 2.1 ends base64 with a blank line


def property_lines(prop: Property) -> list[str]:
    """A property as it was: its raw lines, or unfolded-and-refolded when it used 2.1 forms."""
    if prop.plain:
        return list(prop.raw)
    if "QUOTED-PRINTABLE" in prop.param("ENCODING"):
        return [f"{prop.head}:{prop.value}"]  # folding inside quoted-printable is ambiguous
    return [*fold(f"{prop.head}:{prop.value}"), ""]
