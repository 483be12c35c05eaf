"""SVG extractor: the drawing and its data: URI pictures, no other file ever read."""

from __future__ import annotations

import base64
import gzip
import io
import time
from pathlib import Path

import numpy as np
import pytest
import resvg_py
from PIL import Image

from desktop_app import SensitivityAnalyzer
from desktop_app.analysis import testpattern
from desktop_app.analysis.carriers import Budget, Member
from desktop_app.analysis.carriers import svg as svg_carrier
from desktop_app.analysis.carriers.svg import svg_members
from desktop_app.analysis.verdict import CheckFailed, Kind, Status
from tests.helpers import carriers

SVG_OPEN = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
    'width="640" height="480">'
)


def members(source: bytes | str) -> list[Member]:
    return list(svg_members(source, Budget()))


def drawing(source: bytes | str) -> np.ndarray:
    found = members(source)
    assert found[0].name == "drawing" and found[0].picture is not None
    return found[0].picture


def png_of_pattern(width: int = 320, height: int = 240) -> bytes:
    return carriers.encoded(testpattern.render(width, height))


def data_uri(data: bytes, media_type: str = "image/png") -> str:
    return f"data:{media_type};base64,{base64.b64encode(data).decode('ascii')}"


def is_blank(rgb: np.ndarray) -> bool:
    return bool((rgb >= 250).all())


# -- what is yielded ----------------------------------------------------------------------------


def test_the_pattern_drawn_with_rects_is_recognised_in_the_drawing(tmp_path: Path) -> None:
    path = carriers.svg_drawing(carriers.pattern_picture(), tmp_path)
    found = members(str(path))
    assert [m.name for m in found] == ["drawing"]
    picture = found[0].picture
    assert picture is not None and picture.shape == (336, 448, 3)  # fits RENDER_SIDE
    assert testpattern.matches(picture)


def test_a_photo_drawn_with_rects_is_not_the_pattern(tmp_path: Path) -> None:
    path = carriers.svg_drawing(carriers.twin_picture(), tmp_path)
    assert not testpattern.matches(drawing(str(path)))


def test_a_data_uri_picture_is_a_member_with_its_exact_bytes(tmp_path: Path) -> None:
    path = carriers.svg_data_uri(carriers.pattern_picture(), tmp_path)
    found = members(str(path))
    assert [m.name for m in found] == ["drawing", "embedded image 1"]
    assert found[1].data == carriers.encoded(carriers.pattern_picture())
    # The drawing shows the embedded picture too, as a viewer does.
    assert found[0].picture is not None and testpattern.matches(found[0].picture)


def test_every_way_of_embedding_a_picture_is_found_and_each_picture_once() -> None:
    first, second, third = png_of_pattern(), png_of_pattern(200, 150), png_of_pattern(100, 75)
    svg = (
        f'{SVG_OPEN}<style>rect.a {{ fill: url("{data_uri(third)}") }}</style>'
        f'<image href="{data_uri(first)}" width="10" height="10"/>'
        f'<image xlink:href="{data_uri(second)}" width="10" height="10"/>'
        f'<image href="{data_uri(first)}" x="20" width="10" height="10"/>'
        f'<rect width="5" height="5" style="fill: url({data_uri(third, "image/jpeg")})"/>'
        f'<foreignObject width="9" height="9"><img xmlns="http://www.w3.org/1999/xhtml" '
        f'src="{data_uri(second, "image/gif")}"/></foreignObject>'
        f"<style>@font-face {{ src: url({data_uri(b'font', 'font/woff2')}) }}</style></svg>"
    )
    found = members(svg.encode())
    embedded = {m.data for m in found[1:]}
    assert [m.name for m in found[1:]] == [f"embedded image {i}" for i in range(1, len(found))]
    assert embedded == {first, second, third}  # the font is not a picture


def pattern_rects(width: int = 640, height: int = 480) -> str:
    """The pattern's grid as <rect>s, in the top 75 % as testpattern draws it."""
    grid_h = height * testpattern.GRID_HEIGHT
    cell_w, cell_h = width / testpattern.COLUMNS, grid_h / testpattern.ROWS
    return "".join(
        f'<rect x="{col * cell_w:.1f}" y="{row * cell_h:.1f}" width="{cell_w:.1f}" '
        f'height="{cell_h:.1f}" fill="rgb{tuple(int(c) for c in testpattern.PALETTE[code])}"/>'
        for (row, col), code in np.ndenumerate(testpattern.CODE)
    )


@pytest.mark.parametrize(
    ("hidden", "reveal"),
    [
        ('visibility="hidden"', '<set attributeName="visibility" to="visible" begin="2s"/>'),
        (
            'style="display:none"',
            '<animate attributeName="display" values="none;inline" dur="3s"/>',
        ),
        ('opacity="0"', '<animate attributeName="opacity" from="0" to="1" dur="3s"/>'),
    ],
    ids=["set-visibility", "animate-display", "fade-in"],
)
def test_a_picture_an_animation_reveals_is_seen(hidden: str, reveal: str) -> None:
    svg = f"{SVG_OPEN}<g {hidden}>{reveal}{pattern_rects()}</g></svg>"
    found = members(svg.encode())
    assert [m.name for m in found] == ["drawing", "drawing, once animated"]
    assert found[0].picture is not None and is_blank(found[0].picture)
    assert found[1].picture is not None and testpattern.matches(found[1].picture)


def test_a_picture_an_animation_swaps_in_is_a_member() -> None:
    blank = carriers.encoded(Image.new("RGB", (64, 48), "white"))
    swap = f'<set attributeName="href" to="{data_uri(png_of_pattern())}" begin="1s"/>'
    image = f'<image href="{data_uri(blank)}" width="640" height="480">{swap}</image>'
    found = members(f"{SVG_OPEN}{image}</svg>".encode())
    assert [m.name for m in found] == [
        "drawing",
        "drawing, once animated",
        "embedded image 1",
        "embedded image 2",
    ]
    assert found[1].picture is not None and testpattern.matches(found[1].picture)
    assert {m.data for m in found[2:]} == {blank, png_of_pattern()}


def test_the_values_of_an_animation_are_split_around_data_uris() -> None:
    split = svg_carrier._animation_values
    assert split("0; 0.5;1") == ["0", "0.5", "1"]
    assert split("data:image/png;base64,AAA=;data:image/gif;base64,BBB;none") == [
        "data:image/png;base64,AAA=",
        "data:image/gif;base64,BBB",
        "none",
    ]


def test_a_compressed_drawing_svgz_is_read() -> None:
    svg = f'{SVG_OPEN}<image href="{data_uri(png_of_pattern())}" width="640" height="480"/></svg>'
    found = members(gzip.compress(svg.encode()))
    assert [m.name for m in found] == ["drawing", "embedded image 1"]
    assert found[0].picture is not None and testpattern.matches(found[0].picture)


def test_a_path_and_its_bytes_give_the_same_members(tmp_path: Path) -> None:
    path = carriers.svg_data_uri(carriers.pattern_picture(), tmp_path)
    by_path, by_bytes = members(str(path)), members(path.read_bytes())
    assert [(m.name, m.data) for m in by_path] == [(m.name, m.data) for m in by_bytes]


def test_entities_declared_inside_the_file_are_fine() -> None:
    """Illustrator writes its namespaces as entities: such drawings must still be checked."""
    svg = (
        '<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
        '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [\n'
        '<!ENTITY ns_svg "http://www.w3.org/2000/svg">\n]>\n'
        '<svg xmlns="&ns_svg;" width="100" height="100">'
        '<rect width="100" height="100" fill="rgb(30,70,220)"/></svg>'
    )
    picture = drawing(svg.encode())
    assert tuple(picture[50, 50]) == (30, 70, 220)


# -- no other file is ever read -----------------------------------------------------------------


@pytest.fixture
def secret(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A picture the drawing names but must never show; the working folder holds it too."""
    path = tmp_path / "secret.png"
    path.write_bytes(png_of_pattern(640, 480))
    monkeypatch.chdir(tmp_path)
    return path


def linking(href: str, element: str = "image") -> str:
    if element == "feImage":
        return (
            f'{SVG_OPEN}<filter id="f" x="0" y="0" width="1" height="1">'
            f'<feImage href="{href}" width="640" height="480"/></filter>'
            '<rect width="640" height="480" filter="url(#f)"/></svg>'
        )
    return f'{SVG_OPEN}<image {element}="{href}" width="640" height="480"/></svg>'


@pytest.mark.parametrize(
    ("how", "element"),
    [
        ("absolute", "href"),
        ("absolute", "xlink:href"),
        ("relative", "href"),
        ("absolute", "feImage"),
        ("file-uri", "href"),
    ],
)
def test_a_file_named_by_the_drawing_is_never_read(secret: Path, how: str, element: str) -> None:
    href = {"absolute": str(secret), "relative": secret.name, "file-uri": secret.as_uri()}[how]
    svg = linking(href, element)
    if how != "file-uri":
        # resvg on its own WOULD show the file: what the extractor must prevent.
        unsafe = resvg_py.svg_to_bytes(svg_string=svg, width=640, skip_system_fonts=True)
        assert testpattern.matches(np.asarray(Image.open(io.BytesIO(unsafe)).convert("RGB")))
    found = members(svg.encode())
    assert [m.name for m in found] == ["drawing"]
    assert found[0].picture is not None and is_blank(found[0].picture)


def test_a_drawing_inside_a_data_uri_is_a_member_never_rendered_with_its_links(
    secret: Path,
) -> None:
    inner = linking(str(secret)).encode()
    uri = data_uri(inner, "image/svg+xml")
    svg = f'{SVG_OPEN}<image href="{uri}" width="640" height="480"/></svg>'
    found = members(svg.encode())
    assert [m.name for m in found] == ["drawing", "embedded image 1"]
    assert found[0].picture is not None and is_blank(found[0].picture)
    assert found[1].data == inner  # checked on its own, through this same extractor
    assert is_blank(drawing(inner))


def test_a_picture_posing_as_png_is_only_rendered_when_it_is_one() -> None:
    fake = data_uri(linking("/etc/hostname").encode(), "image/png")
    found = members(f'{SVG_OPEN}<image href="{fake}" width="640" height="480"/></svg>'.encode())
    assert found[0].picture is not None and is_blank(found[0].picture)


# -- could not check ----------------------------------------------------------------------------


def refused(source: bytes | str) -> CheckFailed:
    started = time.monotonic()
    with pytest.raises(CheckFailed) as failed:
        members(source)
    assert time.monotonic() - started < 5.0
    assert failed.value.status is Status.UNREADABLE
    return failed.value


def test_billion_laughs_is_refused_quickly(tmp_path: Path) -> None:
    failure = refused(str(carriers.svg_billion_laughs(tmp_path / "laughs.svg")))
    assert "entities" in failure.reason


@pytest.mark.parametrize(
    "declaration",
    [
        '<!ENTITY x SYSTEM "file:///etc/passwd">',
        '<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;',
    ],
    ids=["external", "parameter"],
)
def test_entities_naming_other_files_are_refused(declaration: str) -> None:
    svg = (
        f'<?xml version="1.0"?><!DOCTYPE svg [{declaration}]>'
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>&x;</text></svg>'
    )
    assert "entities" in refused(svg.encode()).reason


def test_a_huge_declared_canvas_could_not_be_checked(tmp_path: Path) -> None:
    failure = refused(str(carriers.svg_huge(tmp_path / "huge.svg")))
    assert "too large" in failure.reason and "1,000,000,000x1,000,000,000" in failure.reason


def test_a_huge_view_box_in_a_normal_canvas_is_drawn_small() -> None:
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1000000000 1000000000">'
        '<rect width="1000000000" height="1000000000" fill="rgb(220,30,40)"/></svg>'
    )
    picture = drawing(svg.encode())
    assert picture.shape == (448, 448, 3) and tuple(picture[200, 200]) == (220, 30, 40)


def test_deep_nesting_is_refused_before_resvg_sees_it() -> None:
    """resvg overflows its stack (and crashes the process) a few hundred levels down."""
    svg = SVG_OPEN + "<g>" * 100_000 + "<rect/>" + "</g>" * 100_000 + "</svg>"
    assert "levels deep" in refused(svg.encode()).reason


def test_a_long_chain_of_links_is_refused() -> None:
    chain = "".join(
        f'<mask id="m{i}"><rect width="5" height="5" fill="white" mask="url(#m{i - 1})"/></mask>'
        for i in range(1, 1000)
    )
    last = '<rect width="9" height="9" mask="url(#m999)"/>'
    svg = f'{SVG_OPEN}<defs><mask id="m0"/>{chain}</defs>{last}</svg>'
    assert "levels deep" in refused(svg.encode()).reason


@pytest.mark.parametrize("link", ["use", "mask"])
def test_a_drawing_that_multiplies_its_parts_is_refused_quickly(link: str) -> None:
    """Ten of the level below, eight levels: 10^8 shapes or masks from 2 KB of text."""
    if link == "use":
        levels = "".join(
            f'<g id="l{i}">' + f'<use href="#l{i - 1}"/>' * 10 + "</g>" for i in range(1, 9)
        )
        body = f'<defs><rect id="l0" width="1" height="1"/>{levels}</defs><use href="#l8"/>'
    else:
        levels = "".join(
            f'<mask id="l{i}">'
            + f'<rect width="5" height="5" mask="url(#l{i - 1})"/>' * 10
            + "</mask>"
            for i in range(1, 9)
        )
        body = f'<defs><mask id="l0"/>{levels}</defs><rect width="9" height="9" mask="url(#l8)"/>'
    assert "repeats its parts" in refused(f"{SVG_OPEN}{body}</svg>".encode()).reason


def test_many_filters_over_the_canvas_are_refused_quickly() -> None:
    """Each costs resvg ~0.1 s: 1,900 of them would keep the worker busy for minutes."""
    shapes = '<rect width="640" height="480" filter="url(#f)"/>' * 1900
    blur = '<filter id="f"><feGaussianBlur stdDeviation="50"/></filter>'
    assert "repeats its parts" in refused(f"{SVG_OPEN}{shapes}{blur}</svg>".encode()).reason


def test_turbulence_with_a_million_octaves_is_drawn_quickly() -> None:
    noise = (
        '<filter id="f" x="0" y="0" width="1" height="1">'
        '<feTurbulence baseFrequency="0.05" numOctaves="1000000"/></filter>'
    )
    started = time.monotonic()
    picture = drawing(
        f'{SVG_OPEN}{noise}<rect width="640" height="480" filter="url(#f)"/></svg>'.encode()
    )
    assert time.monotonic() - started < 5.0
    assert picture.std() > 5  # the noise is drawn


@pytest.mark.parametrize(
    "body",
    [
        '<g id="a"><use href="#b"/></g><g id="b"><use href="#a"/></g>',
        '<mask id="a"><rect width="9" height="9" mask="url(#a)"/></mask>'
        '<rect width="9" height="9" mask="url(#a)"/>',
    ],
    ids=["use", "mask"],
)
def test_a_drawing_that_links_to_itself_in_a_loop_is_refused(body: str) -> None:
    """resvg itself expands a <use> loop until its node limit: refused before it starts."""
    assert "loop" in refused(f"{SVG_OPEN}{body}</svg>".encode()).reason


def test_a_gzip_bomb_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(svg_carrier, "MAX_SVG_BYTES", 1024 * 1024)
    bomb = gzip.compress(SVG_OPEN.encode() + b" " * (4 * 1024 * 1024) + b"</svg>")
    assert "too large" in refused(bomb).reason


@pytest.mark.parametrize(
    "data",
    [
        f"{SVG_OPEN}<rect width='5'".encode(),
        b"<html><body>not a drawing</body></html>",
        b"\x1f\x8b\x08\x00garbage",
        b"",
    ],
    ids=["truncated", "not-svg", "broken-gzip", "empty"],
)
def test_a_damaged_drawing_could_not_be_read(data: bytes) -> None:
    refused(data)


# -- end to end, through the worker and the real models (test mode on) -------------------------


def test_a_drawing_naming_the_pattern_file_is_not_sensitive_through_the_worker(
    analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    """The link is dropped in the worker too: the drawing shows nothing, so it is clean."""
    secret = tmp_path / "secret.png"
    secret.write_bytes(png_of_pattern(640, 480))
    path = tmp_path / "links.svg"
    path.write_text(linking(str(secret)))
    result = analyzer.analyze_file(path)
    assert result.status is Status.OK and not result.is_sensitive
    assert result.kind is Kind.DOCUMENT and result.frames_checked == 1


def test_a_compressed_drawing_of_the_pattern_is_sensitive(
    analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    svg = carriers.svg_drawing(carriers.pattern_picture(), tmp_path).read_bytes()
    path = tmp_path / "drawing.svgz"
    path.write_bytes(gzip.compress(svg))
    result = analyzer.analyze_file(path)
    assert result.status is Status.OK and result.is_sensitive
    assert result.member is not None and "drawing" in result.member


def test_an_illustrator_drawing_with_entities_is_checked_as_a_drawing(
    analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    """Its DOCTYPE holds entities: it is still sniffed as SVG, and its entities still work."""
    path = tmp_path / "poster.svg"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
        '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [\n'
        '\t<!ENTITY ns_svg "http://www.w3.org/2000/svg">\n]>\n'
        f'<svg xmlns="&ns_svg;" width="640" height="480">{pattern_rects()}</svg>\n'
    )
    result = analyzer.analyze_file(path)
    assert result.status is Status.OK and result.is_sensitive
    assert result.media_format == "svg" and result.member == "drawing"
