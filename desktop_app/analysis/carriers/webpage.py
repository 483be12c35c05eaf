"""Web pages: the pictures written into the page file itself.

Pictures as ``data:`` URIs (in any attribute: ``<img src>``, ``srcset``, ``<object data>``,
``<video poster>``, a favicon's ``href``...; in CSS ``url(...)`` in ``style`` attributes,
``<style>`` blocks and style sheets that are data: URIs themselves; in scripts' quoted
strings), inline ``<svg>`` drawings, and framed pages written into ``<iframe srcdoc>``
(read as pages of their own). Remote (``http:``) and relative references are not part of
the file and are never fetched: files next to a page are checked on their own.
Read with the standard library's tolerant HTML parser, as browsers read broken markup.
"""

from __future__ import annotations

import base64
import binascii
import re
import urllib.parse
from collections.abc import Iterator
from html.parser import HTMLParser

from .base import MIB, Budget, Member, Source, read_whole

MAX_PAGE_BYTES = 256 * MIB  # one web page or one e-mail, read whole
_FEED_CHARS = 256 * 1024
_SPACE = re.compile(rb"[\t\n\f\r ]+")
_BASE64_ALPHABET = re.compile(rb"^[A-Za-z0-9+/]*$")
_CSS_SPACE = "\t\n\f\r "
_LOOK_BACK = 1024  # how far before ``data:`` an opening ``url(`` or quote is looked for
_MAX_COMMENTS = 16  # comments looked past there
_SVG_NS = 'xmlns="http://www.w3.org/2000/svg"'
_XLINK_NS = 'xmlns:xlink="http://www.w3.org/1999/xlink"'


def decode_data_uri(uri: str) -> bytes | None:
    """The bytes of a ``data:`` URI as browsers read it (WHATWG), or None if none can be."""
    header, comma, body = uri.strip()[5:].partition(",")
    if not comma:
        return None
    raw = urllib.parse.unquote_to_bytes(body.encode("utf-8", "surrogateescape"))
    if not re.search(r";\s*base64\s*$", header, re.IGNORECASE):
        return raw
    return _forgiving_base64(raw)


def _forgiving_base64(raw: bytes) -> bytes | None:
    """WHATWG forgiving-base64: spaces dropped, padding optional, anything else refused."""
    compact = _SPACE.sub(b"", raw)
    if len(compact) % 4 == 0 and compact.endswith(b"="):
        compact = compact[:-2] if compact.endswith(b"==") else compact[:-1]
    if len(compact) % 4 == 1 or not _BASE64_ALPHABET.match(compact):
        return None
    try:
        return base64.b64decode(compact + b"=" * (-len(compact) % 4), validate=True)
    except (binascii.Error, ValueError):
        return None


def css_data_uris(css: str) -> list[str]:
    """``data:`` URIs in CSS or script text: in ``url(...)`` or in quotes.

    Spaces and CSS comments may stand between ``url(``, the quote and ``data:``.
    """
    found: list[str] = []
    for match in re.finditer(r"data:", css, re.IGNORECASE):
        start = match.start()
        before = _opener(css, start)
        if before in ("'", '"'):
            end = css.find(before, start)
        elif before == "(":
            end = css.find(")", start)
        else:
            continue
        found.append(css[start : end if end >= 0 else len(css)])
    return found


def _opener(css: str, start: int) -> str:
    """The character before ``start``, looking past spaces and comments.

    The look is bounded (in characters and comments) so hostile text stays linear; when it
    gives up, the URI is taken as if ``url(`` opened it (checked rather than missed).
    """
    floor = max(0, start - _LOOK_BACK)
    pos = start
    for _ in range(_MAX_COMMENTS + 1):
        pos = floor + len(css[floor:pos].rstrip(_CSS_SPACE))
        if pos <= floor:
            return "" if floor == 0 else "("
        if pos - 2 < floor or css[pos - 2 : pos] != "*/":
            return css[pos - 1]
        opening = css.rfind("/*", floor, pos - 2)
        if opening < 0:
            return "*"
        pos = opening
    return "("


class _PageReader(HTMLParser):
    """Collects the page's inline pictures while it is fed; robust to broken markup."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.text = text
        self.found: list[tuple[str, str]] = []  # ("uri" | "svg" | "page", text)
        self._lines = _line_starts(text)
        self._svg_depth = 0
        self._svg_start = 0
        self._in_code = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is not None:
                self._attribute(name, value)
        if tag == "svg":
            if self._svg_depth == 0:
                self._svg_start = self._offset()
            self._svg_depth += 1
        self._in_code = tag in ("style", "script")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is not None:
                self._attribute(name, value)

    def handle_endtag(self, tag: str) -> None:
        self._in_code = False
        if tag != "svg" or self._svg_depth == 0:
            return
        self._svg_depth -= 1
        if self._svg_depth == 0:
            close = self.text.find(">", self._offset())
            end = close + 1 if close >= 0 else len(self.text)
            self.found.append(("svg", self.text[self._svg_start : end]))

    def handle_data(self, data: str) -> None:
        if self._in_code:
            self.found.extend(("uri", uri) for uri in css_data_uris(data))

    def _attribute(self, name: str, value: str) -> None:
        stripped = value.strip()
        if name == "srcdoc":  # a framed page written into the attribute: a page of its own
            self.found.append(("page", value))
        elif name in ("srcset", "imagesrcset"):
            self.found.extend(
                ("uri", word.rstrip(",")) for word in stripped.split() if _is_data(word)
            )
        elif _is_data(stripped):
            self.found.append(("uri", stripped))
        elif name == "style":
            self.found.extend(("uri", uri) for uri in css_data_uris(value))

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._lines[line - 1] + column

    def close_page(self, tail: str) -> None:
        """The end: ``tail`` is the text after the last ``>`` (no tag can be in it)."""
        if self._in_code:
            self.found.extend(("uri", uri) for uri in css_data_uris(tail))  # an unclosed <style>
        self.close()
        if self._svg_depth:  # an <svg> never closed runs to the end (browsers draw it)
            self.found.append(("svg", self.text[self._svg_start :]))
            self._svg_depth = 0


def _is_data(text: str) -> bool:
    return text[:5].lower() == "data:"


def _line_starts(text: str) -> list[int]:
    starts = [0]
    pos = text.find("\n")
    while pos >= 0:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts


def page_text(data: bytes) -> str:
    """A page's text; a UTF-16 page by its byte-order mark, else UTF-8 keeping every byte."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16", "replace")
    return data.removeprefix(b"\xef\xbb\xbf").decode("utf-8", "surrogateescape")


def page_members(text: str, budget: Budget, prefix: str = "") -> Iterator[Member]:
    """The inline pictures of one page's text, named "inline image 3" (after ``prefix``).

    Fed in pieces with a look at the clock in between. Only the text up to the last ``>``
    is parsed: nothing after it can be a tag (browsers drop a tag cut off by the end), and
    Python's parser takes quadratic time re-reading unclosed ``</``, ``<?`` or ``<!`` there.
    """
    cut = text.rfind(">") + 1
    reader = _PageReader(text)
    number = frames = 0
    for pos in range(0, max(cut, 1), _FEED_CHARS):
        budget.check_time()
        reader.feed(text[pos : min(cut, pos + _FEED_CHARS)])
        if pos + _FEED_CHARS >= cut:
            reader.close_page(text[cut:])
        pending, reader.found = reader.found, []
        while pending:
            what, found = pending.pop(0)
            if what == "page":  # an <iframe srcdoc>: one level deeper, within the budget
                frames += 1
                budget.admit(len(found))
                with budget.nested():
                    yield from page_members(found, budget, f"{prefix}framed page {frames} / ")
                continue
            data = _inline_bytes(what, found, budget)
            if data and _is_css_uri(what, found):  # a style sheet written into a data: URI
                css = data.decode("utf-8", "surrogateescape")
                pending[:0] = [("uri", uri) for uri in css_data_uris(css)]
            elif data:
                number += 1
                yield Member(name=f"{prefix}inline image {number}", data=data)


def _is_css_uri(what: str, found: str) -> bool:
    return what == "uri" and found[5:13].lower() == "text/css"


def _inline_bytes(what: str, found: str, budget: Budget) -> bytes | None:
    budget.admit(len(found))
    if what == "svg":
        return _standalone_svg(found).encode("utf-8", "surrogateescape")
    return decode_data_uri(found)


def _standalone_svg(markup: str) -> str:
    """An SVG written inside HTML may leave out its namespaces; an SVG file cannot."""
    head_end = markup.find(">")
    head = markup[: head_end if head_end >= 0 else len(markup)]
    extra = ""
    if "xmlns=" not in head:
        extra += " " + _SVG_NS
    if "xlink:" in markup and "xmlns:xlink" not in head:
        extra += " " + _XLINK_NS
    return markup[:4] + extra + markup[4:] if extra else markup


def html_members(source: Source, budget: Budget) -> Iterator[Member]:
    """The inline pictures of a web page (a path or bytes)."""
    yield from page_members(
        page_text(read_whole(source, budget, MAX_PAGE_BYTES, "web page")), budget
    )
