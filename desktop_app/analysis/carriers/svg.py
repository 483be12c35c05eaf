"""SVG drawings: the drawing rendered small, and every picture embedded in a data: URI.

Rendered by resvg (through resvg-py): a memory-safe Rust renderer that runs no
scripts and fetches nothing from the network. It does read LOCAL files, though:
``<image href="/any/path">`` and ``<feImage href=...>`` are loaded from disk
(absolute paths, or relative to the working folder), which would let a drawing show
SafeLens another file, or hang it on ``/dev/zero``. So the drawing is never given to
resvg as it arrived. It is parsed here with expat (no external entities or DTDs ever
loaded; entity expansion bounded by expat's amplification limit), checked against
limits (size, nesting, elements, how often it repeats parts of itself through
``<use>``, masks and filters: a few hundred bytes can otherwise keep resvg busy for
hours), stripped of every link that is not to a part of itself or a raster picture
in a data: URI, and written out again; resvg renders that copy, in a thread with a
large stack (deep drawings overflow the default one and crash the process).

Text is drawn without system fonts: the words in a drawing are not what the models
judge, and loading the fonts costs ~60 ms per drawing. resvg draws the first moment of
an animated drawing only, so one that animates attributes (<set>, <animate>) is drawn
a second time with each at its last value: what is hidden at first is seen too.
"""

from __future__ import annotations

import base64
import binascii
import io
import math
import re
import threading
import urllib.parse
import xml.etree.ElementTree as ET
import zlib
from collections.abc import Iterator
from copy import deepcopy
from dataclasses import dataclass, field
from pathlib import Path
from xml.parsers import expat

import numpy as np
from PIL import Image

from ..decode import DECODE_SIDE, MAX_PIXELS, pil_to_rgb
from ..verdict import CheckFailed, Kind, Status
from .base import MIB, Budget, Member, Source

RENDER_SIDE = DECODE_SIDE  # px, the drawing fits in a square this size
MAX_SVG_BYTES = 64 * MIB  # the drawing's text, after gzip
MAX_DEPTH = 128  # elements inside elements, counting those reached through links
MAX_ELEMENTS = 200_000
MAX_DRAWN = 400_000  # elements drawn once <use> and paint/effect links are followed
MAX_EFFECTS = 2_000  # masks, clips, filters and patterns applied, links followed
RENDER_STACK_BYTES = 256 * MIB
# What one application of a linked effect counts towards MAX_EFFECTS: a filter over the
# whole canvas costs resvg ~0.1 s at RENDER_SIDE, a mask or clip ~0.03 s, a gradient nothing.
_EFFECT_WEIGHT = {"filter": 20, "mask": 1, "clipPath": 1, "pattern": 1}
MAX_OCTAVES = 10  # feTurbulence: each octave halves; past 10 nothing visible changes

SVG_NS = "http://www.w3.org/2000/svg"
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_ANIMATIONS = {"set", "animate", "animateColor"}
_RASTER_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a")
_URL = re.compile(r"url\(\s*(['\"]?)\s*([^'\")]*?)\s*\1\s*\)", re.IGNORECASE)
_CSS_IMPORT = re.compile(r"@import[^;]*;?", re.IGNORECASE)
_NOT_PICTURES = ("font/", "application/font", "application/x-font", "application/vnd.ms-font")
_UNITS = {"": 1.0, "px": 1.0, "pt": 4 / 3, "pc": 16.0, "mm": 96 / 25.4, "cm": 96 / 2.54}
_UNITS |= {"in": 96.0, "em": 16.0, "ex": 8.0}
_LENGTH = re.compile(r"^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*([a-z%]*)\s*$")


def svg_members(source: Source, budget: Budget) -> Iterator[Member]:
    """Yield the rendered drawing, then each picture embedded in a data: URI."""
    root = _parse(_read(source, budget), budget)
    _refuse_huge_canvas(root)
    embedded = _data_uris(root)
    animated = _after_animation(root)
    for name, drawing in (("drawing", root), ("drawing, once animated", animated)):
        if drawing is None:
            continue
        _make_safe(drawing)
        _refuse_expensive(drawing)
        budget.admit(RENDER_SIDE * RENDER_SIDE * 4)
        yield Member(name=name, picture=_render(ET.tostring(drawing, encoding="unicode"), budget))
    for index, uri in enumerate(embedded, start=1):
        budget.check_time()
        budget.admit(len(uri) * 3 // 4, len(uri))
        data = _decode_data_uri(uri)
        if data:
            yield Member(name=f"embedded image {index}", data=data)


# -- reading --------------------------------------------------------------------------------


def _read(source: Source, budget: Budget) -> bytes:
    """The drawing's bytes, gunzipped (.svgz) within the limits."""
    if isinstance(source, str):
        try:
            with Path(source).open("rb") as file:
                data = file.read(MAX_SVG_BYTES + 1)
        except OSError as exc:
            raise _failed(Status.UNREADABLE, "This drawing could not be read.") from exc
    else:
        data = source
    if len(data) > MAX_SVG_BYTES:
        raise _too_big()
    if data[:2] == b"\x1f\x8b":
        data = _gunzip(data, budget)
    return data


def _gunzip(packed: bytes, budget: Budget) -> bytes:
    cap = min(MAX_SVG_BYTES, budget.read_limit())
    inflater = zlib.decompressobj(wbits=31)
    try:
        data = inflater.decompress(packed, cap + 1)
    except zlib.error as exc:
        raise _failed(Status.UNREADABLE, "This compressed drawing is damaged.") from exc
    if len(data) > cap:
        raise _too_big()
    budget.admit(len(data), len(packed))
    return data


# -- parsing --------------------------------------------------------------------------------


class _Refused(Exception):  # noqa: N818 - carries the CheckFailed out of expat's callbacks
    def __init__(self, failure: CheckFailed) -> None:
        super().__init__(failure.reason)
        self.failure = failure


@dataclass
class _TreeBuilder:
    """Expat callbacks that build an ElementTree and refuse what is unsafe, as it comes."""

    budget: Budget
    builder: ET.TreeBuilder = field(default_factory=ET.TreeBuilder)
    depth: int = 0
    elements: int = 0
    entities: int = 0

    def start(self, name: str, attributes: dict[str, str]) -> None:
        self.depth += 1
        self.elements += 1
        if self.depth > MAX_DEPTH:
            raise _Refused(_too_deep())
        if self.elements > MAX_ELEMENTS:
            raise _Refused(_too_complex())
        if self.elements % 1024 == 0:
            self.budget.check_time()
        self.builder.start(_qname(name), {_qname(k): v for k, v in attributes.items()})

    def end(self, name: str) -> None:
        self.depth -= 1
        self.builder.end(_qname(name))

    def entity(self, name: str, is_parameter: int, value: str | None, *_: object) -> None:
        """Internal entities are kept (expat bounds their expansion); others refused."""
        self.entities += 1
        if is_parameter or value is None or expat.version_info < (2, 4, 0):
            raise _Refused(_entities())

    def external(self, *_: object) -> int:
        raise _Refused(_entities())


def _qname(name: str) -> str:
    """expat's 'uri}local' (namespace_separator '}') as ElementTree's '{uri}local'."""
    return "{" + name if "}" in name else name


def _parse(data: bytes, budget: Budget) -> ET.Element:
    tree = _TreeBuilder(budget)
    parser = expat.ParserCreate(namespace_separator="}")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartElementHandler = tree.start
    parser.EndElementHandler = tree.end
    parser.CharacterDataHandler = tree.builder.data
    parser.EntityDeclHandler = tree.entity
    parser.ExternalEntityRefHandler = tree.external
    try:
        parser.Parse(data, True)
        root = tree.builder.close()
    except _Refused as refused:
        raise refused.failure from None
    except expat.ExpatError as exc:
        if exc.code == expat.errors.codes.get(expat.errors.XML_ERROR_AMPLIFICATION_LIMIT_BREACH):
            raise _entities() from exc
        raise _failed(
            Status.UNREADABLE, "This drawing is damaged, so it could not be read."
        ) from exc
    except (AssertionError, IndexError) as exc:  # TreeBuilder: nothing or half a document
        raise _failed(
            Status.UNREADABLE, "This drawing is damaged, so it could not be read."
        ) from exc
    if root.tag != f"{{{SVG_NS}}}svg":
        raise _failed(
            Status.UNREADABLE, "This file is not an SVG drawing, so it could not be read."
        )
    return root


# -- limits ---------------------------------------------------------------------------------


def _refuse_huge_canvas(root: ET.Element) -> None:
    """A viewer shows a huge canvas at full size; a small render would hide its details."""
    width, height = _length(root.get("width")), _length(root.get("height"))
    if width is None or height is None:
        return  # the drawing fits the window it is shown in, as it does here
    if width * height > MAX_PIXELS:
        raise _failed(
            Status.UNREADABLE,
            f"This drawing is too large to check safely ({width:,.0f}x{height:,.0f} pixels; "
            f"the limit is {MAX_PIXELS // 1_000_000} megapixels).",
        )


def _length(value: str | None) -> float | None:
    """An SVG length in pixels; None for percentages, a missing or a broken value."""
    match = _LENGTH.match(value or "")
    if not match or match.group(2) not in _UNITS:
        return None
    pixels = float(match.group(1)) * _UNITS[match.group(2)]
    return pixels if math.isfinite(pixels) and pixels > 0 else None


@dataclass
class _Cost:
    drawn: int = 0
    effects: int = 0
    depth: int = 0


def _refuse_expensive(root: ET.Element) -> None:
    """What resvg would draw once every link is followed: bounded before it starts."""
    by_id = {element.get("id"): element for element in root.iter() if element.get("id")}
    costs: dict[int, _Cost] = {}
    busy: set[int] = set()
    stack: list[tuple[ET.Element, bool]] = [(root, False)]
    while stack:
        element, done = stack.pop()
        key = id(element)
        if done:
            busy.discard(key)
            costs[key] = cost = _combine(element, costs, by_id)
            if cost.depth > MAX_DEPTH:
                raise _too_deep()
            if cost.drawn > MAX_DRAWN or cost.effects > MAX_EFFECTS:
                raise _too_complex()
            continue
        if key in busy:
            raise _failed(
                Status.UNREADABLE,
                "This drawing refers to itself in a loop, so it could not be drawn.",
            )
        if key in costs:
            continue
        busy.add(key)
        stack.append((element, True))
        stack.extend((child, False) for child in element)
        stack.extend((target, False) for target, _ in _links(element, by_id))


def _combine(
    element: ET.Element, costs: dict[int, _Cost], by_id: dict[str | None, ET.Element]
) -> _Cost:
    """An element's cost: itself, its children and what its links draw again."""
    total = _Cost(drawn=1)
    parts = [(child, False) for child in element] + list(_links(element, by_id))
    for part, effect in parts:
        cost = costs[id(part)]
        total.drawn += cost.drawn
        total.effects += cost.effects + (_EFFECT_WEIGHT.get(_local(part.tag), 0) if effect else 0)
        total.depth = max(total.depth, cost.depth)
    total.depth += 1
    return total


def _links(
    element: ET.Element, by_id: dict[str | None, ET.Element]
) -> Iterator[tuple[ET.Element, bool]]:
    """Elements this one draws again: href="#id" (plain) and url(#id) (paint or effect)."""
    for name, value in element.items():
        if name.endswith("}href") or name == "href":
            link = value.strip()
            if link.startswith("#") and (target := by_id.get(link[1:])) is not None:
                yield target, False
        elif "url(" in value:
            for match in _URL.finditer(value):
                target = by_id.get(match.group(2)[1:]) if match.group(2).startswith("#") else None
                if target is not None:
                    yield target, True
    if _local(element.tag) == "style" and element.text and "url(" in element.text:
        for match in _URL.finditer(element.text):
            target = by_id.get(match.group(2)[1:]) if match.group(2).startswith("#") else None
            if target is not None:
                yield target, True


# -- links: what is checked and what is never followed -------------------------------------


def _data_uris(root: ET.Element) -> list[str]:
    """Every data: URI that may hold a picture (hrefs, src, CSS url()), each once."""
    found: dict[str, None] = {}
    for element in root.iter():
        texts = list(element.attrib.values())
        if _local(element.tag) in _ANIMATIONS:
            texts += _animation_values(element.get("values", ""))
        if _local(element.tag) == "style" and element.text:
            texts.append(element.text)
        for text in texts:
            if text.lstrip()[:5].lower() == "data:":
                found[text.strip()] = None
            elif "url(" in text:
                for match in _URL.finditer(text):
                    if match.group(2)[:5].lower() == "data:":
                        found[match.group(2)] = None
    return [uri for uri in found if not _media_type(uri).startswith(_NOT_PICTURES)]


def _after_animation(root: ET.Element) -> ET.Element | None:
    """A copy showing what <set>/<animate> reveal (resvg draws the first moment only).

    Each animated attribute takes its last value ('to', or the last of 'values'), which
    shows what was hidden at first (visibility, display, opacity, another picture).
    None when the drawing animates no attribute.
    """
    if not any(_local(e.tag) in _ANIMATIONS and e.get("attributeName") for e in root.iter()):
        return None
    copy = deepcopy(root)
    by_id = {element.get("id"): element for element in copy.iter() if element.get("id")}
    parents = {child: parent for parent in copy.iter() for child in parent}
    changed = False
    for animation in (e for e in copy.iter() if _local(e.tag) in _ANIMATIONS):
        name, final = animation.get("attributeName"), _final_value(animation)
        link = _href(animation)
        target = by_id.get(link[1:]) if link.startswith("#") else parents.get(animation)
        if not name or final is None or target is None:
            continue
        attribute = _XLINK_HREF if name == "xlink:href" else name
        target.set(attribute, final)
        if "style" in target.attrib:  # a style declaration would win over the attribute
            declaration = rf"(?i)(^|;)\s*{re.escape(name)}\s*:[^;]*"
            target.set("style", re.sub(declaration, r"\1", target.get("style", "")))
        changed = True
    return copy if changed else None


def _final_value(animation: ET.Element) -> str | None:
    if animation.get("to") is not None:
        return animation.get("to")
    values = _animation_values(animation.get("values", ""))
    return values[-1] if values else None


def _animation_values(text: str) -> list[str]:
    """'a;b;c' as its values; a data: URI's own ';' (before its ',') does not split it."""
    values: list[str] = []
    for piece in text.split(";"):
        last = values[-1] if values else ""
        if last.lower().startswith("data:") and "," not in last:
            values[-1] = f"{last};{piece.strip()}"
        else:
            values.append(piece.strip())
    return [value for value in values if value]


def _href(element: ET.Element) -> str:
    return (element.get("href") or element.get(_XLINK_HREF) or "").strip()


def _make_safe(root: ET.Element) -> None:
    """Drop every link resvg could follow out of the drawing (files, URLs, nested SVGs)."""
    for element in root.iter():
        for name, value in list(element.items()):
            if name.endswith("}href") or name == "href":
                if not (value.strip().startswith("#") or _raster_for_render(value)):
                    del element.attrib[name]
            elif "url(" in value:
                element.set(name, _URL.sub(_local_url_only, value))
        if _local(element.tag) == "style" and element.text:
            element.text = _URL.sub(_local_url_only, _CSS_IMPORT.sub("", element.text))
        if _local(element.tag) == "feTurbulence":
            _cap_octaves(element)


def _cap_octaves(turbulence: ET.Element) -> None:
    """resvg's time grows with numOctaves (1,000 take a minute); the look stops at ~10."""
    try:
        octaves = float(turbulence.get("numOctaves", "1"))
    except ValueError:
        return  # resvg ignores a broken value
    if octaves > MAX_OCTAVES:
        turbulence.set("numOctaves", str(MAX_OCTAVES))


def _local_url_only(match: re.Match[str]) -> str:
    return match.group(0) if match.group(2).startswith("#") else "none"


def _raster_for_render(value: str) -> bool:
    """A data: URI resvg may draw: PNG, JPEG or GIF bytes of a size that is safe."""
    if value.lstrip()[:5].lower() != "data:":
        return False
    data = _decode_data_uri(value.strip())
    if not data.startswith(_RASTER_MAGIC):
        return False  # an SVG inside is checked as a member of its own, never rendered here
    try:
        with Image.open(io.BytesIO(data), formats=("PNG", "JPEG", "GIF")) as image:
            width, height = image.size
    except Exception:  # a picture Pillow cannot open is left out of the render
        return False
    return 0 < width * height <= MAX_PIXELS


def _media_type(uri: str) -> str:
    return uri[5:].split(",", 1)[0].split(";", 1)[0].strip().lower()


def _decode_data_uri(uri: str) -> bytes:
    """The bytes of a data: URI; empty when it is broken (a viewer shows nothing then)."""
    header, _, payload = uri[5:].partition(",")
    try:
        if header.lower().rstrip().endswith(";base64"):
            return base64.b64decode("".join(payload.split()) + "==", validate=False)
        return urllib.parse.unquote_to_bytes(payload)
    except (binascii.Error, ValueError):
        return b""


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


# -- rendering ------------------------------------------------------------------------------


def _render(svg: str, budget: Budget) -> np.ndarray:
    """resvg draws the safe copy to fit RENDER_SIDE, on white, in a thread with a big stack."""
    outcome: dict[str, object] = {}

    def draw() -> None:
        import resvg_py

        try:
            outcome["png"] = resvg_py.svg_to_bytes(
                svg_string=svg,
                width=RENDER_SIDE,
                height=RENDER_SIDE,
                background="#ffffff",
                skip_system_fonts=True,
            )
        except BaseException as exc:  # a Rust panic (pyo3) is a BaseException
            outcome["error"] = exc

    budget.check_time()
    previous = threading.stack_size(RENDER_STACK_BYTES)
    try:
        thread = threading.Thread(target=draw, name="svg-render", daemon=True)
        thread.start()
    finally:
        threading.stack_size(previous)
    thread.join()
    budget.check_time()
    png = outcome.get("png")
    if not isinstance(png, bytes):
        raise _failed(Status.UNREADABLE, "This drawing is damaged, so it could not be drawn.")
    with Image.open(io.BytesIO(png), formats=("PNG",)) as image:
        return pil_to_rgb(image, RENDER_SIDE)


# -- reasons --------------------------------------------------------------------------------


def _too_big() -> CheckFailed:
    return _failed(
        Status.UNREADABLE,
        f"This drawing is too large to check safely (over {MAX_SVG_BYTES // MIB} MB of text).",
    )


def _too_deep() -> CheckFailed:
    return _failed(
        Status.UNREADABLE,
        f"This drawing nests its parts more than {MAX_DEPTH} levels deep, too deep to "
        "check safely.",
    )


def _too_complex() -> CheckFailed:
    return _failed(
        Status.UNREADABLE,
        "This drawing repeats its parts too many times to check safely (it may be made "
        "to cause harm).",
    )


def _entities() -> CheckFailed:
    return _failed(
        Status.UNREADABLE,
        "This drawing uses XML entities that expand far beyond its size or name other "
        "files, so SafeLens did not open it.",
    )


def _failed(status: Status, reason: str) -> CheckFailed:
    return CheckFailed(status, reason, Kind.DOCUMENT)
