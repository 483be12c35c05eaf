"""Rich Text documents: every picture a word processor would show is handed on to check."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from desktop_app.analysis.carriers import Budget, Limits, extractor_for
from desktop_app.analysis.media import Sniffed, sniff
from desktop_app.analysis.verdict import CheckFailed, Kind, Status
from tests.helpers import carriers


def _encoded(picture: Image.Image, fmt: str) -> bytes:
    out = io.BytesIO()
    picture.convert("RGB").save(out, format=fmt)
    return out.getvalue()


def _hex(data: bytes, width: int = 128) -> bytes:
    text = data.hex().encode()
    return b"\r\n".join(text[i : i + width] for i in range(0, len(text), width))


def _word_rtf(png: bytes) -> bytes:
    """As Word writes a picture: PNG in \\shppict, a metafile copy in \\nonshppict."""
    return (
        b"{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Calibri;}}\\pard Holiday\\par "
        b"{\\*\\shppict{\\pict{\\*\\picprop\\shplid1025}\\picscalex100\\picw640\\pich480"
        b"{\\*\\blipuid 0123456789abcdef0123456789abcdef}\\pngblip\r\n" + _hex(png) + b"}}"
        b"{\\nonshppict{\\pict\\picscalex100\\wmetafile8\\picw640\\pich480\r\n"
        + _hex(b"\xd7\xcd\xc6\x9a" + bytes(40))
        + b"}}\\par}"
    )


def _members(data: bytes) -> list[Any]:
    assert sniff(data) == Sniffed(Kind.DOCUMENT, "rtf")
    extractor = extractor_for("rtf")
    assert extractor is not None
    return list(extractor(data, Budget()))


def test_word_rtf_hands_on_the_png_and_skips_the_metafile_copy() -> None:
    png = _encoded(carriers.twin_picture(), "PNG")
    (member,) = _members(_word_rtf(png))
    assert member.name == "picture 1" and member.data == png


@pytest.mark.parametrize("fmt, kind", [("PNG", b"pngblip"), ("JPEG", b"jpegblip")])
def test_a_raster_alternate_in_nonshppict_is_handed_on_too(fmt: str, kind: bytes) -> None:
    # A reader that ignores \*\shppict shows the \nonshppict copy: it must be checked.
    grey = _encoded(Image.new("RGB", (32, 24), (128, 128, 128)), "PNG")
    photo = _encoded(carriers.twin_picture(), fmt)
    rtf = (
        b"{\\rtf1 {\\*\\shppict{\\pict\\pngblip " + _hex(grey) + b"}}"
        b"{\\nonshppict{\\pict\\" + kind + b" " + _hex(photo) + b"}}}"
    )
    assert [member.data for member in _members(rtf)] == [grey, photo]


def test_a_bitmap_alternate_in_nonshppict_is_handed_on_too() -> None:
    grey = _encoded(Image.new("RGB", (32, 24), (128, 128, 128)), "PNG")
    bmp = _encoded(carriers.twin_picture().resize((40, 30)), "BMP")
    rtf = (
        b"{\\rtf1 {\\*\\shppict{\\pict\\pngblip " + _hex(grey) + b"}}"
        b"{\\nonshppict{\\pict\\dibitmap0 " + _hex(bmp[14:]) + b"}}}"
    )
    members = _members(rtf)
    assert members[0].data == grey
    assert members[1].data is not None and members[1].data[14:] == bmp[14:]
    assert len(members) == 2


def test_a_nonshppict_picture_with_a_metafile_word_only_inside_a_subgroup_is_handed_on() -> None:
    grey = _encoded(Image.new("RGB", (32, 24), (128, 128, 128)), "PNG")
    photo = _encoded(carriers.twin_picture(), "PNG")
    rtf = (
        b"{\\rtf1 {\\*\\shppict{\\pict\\pngblip " + _hex(grey) + b"}}"
        b"{\\nonshppict{\\pict{\\*\\picprop\\wmetafile8}\\pngblip " + _hex(photo) + b"}}}"
    )
    assert [member.data for member in _members(rtf)] == [grey, photo]


def test_jpeg_bin_bitmap_and_embedded_object_are_all_handed_on() -> None:
    jpeg = _encoded(carriers.twin_picture(), "JPEG")
    bmp = _encoded(carriers.twin_picture().resize((40, 30)), "BMP")
    dib = bmp[14:]  # RTF keeps a bitmap without its file header
    rtf = (
        b"{\\rtf1 {\\pict\\jpegblip\\bin" + str(len(jpeg)).encode() + b" " + jpeg + b"}"
        b" text {\\pict\\dibitmap0\\picw40\\pich30 " + _hex(dib) + b"}"
        b"{\\object\\objemb{\\*\\objclass Paint.Picture}{\\*\\objdata "
        + _hex(b"\x01\x05" + jpeg)
        + b"}}}"
    )
    members = _members(rtf)
    assert [m.name for m in members] == ["picture 1", "picture 2", "object 1"]
    assert members[0].data == jpeg
    assert members[1].data == bmp  # the header is rebuilt exactly
    assert Image.open(io.BytesIO(members[1].data)).size == (40, 30)
    assert members[2].data == b"\x01\x05" + jpeg


def test_a_metafile_only_picture_is_handed_on_for_the_worker_to_refuse() -> None:
    wmf = b"\xd7\xcd\xc6\x9a" + bytes(40)
    (member,) = _members(b"{\\rtf1 {\\pict\\wmetafile8 " + _hex(wmf) + b"}}")
    assert member.data == wmf
    with pytest.raises(CheckFailed) as caught:
        sniff(member.data)
    assert caught.value.status is Status.UNSUPPORTED


def test_text_only_rtf_has_no_members() -> None:
    assert _members(b"{\\rtf1\\ansi Hello {\\b world}\\par}") == []


def test_an_oversized_picture_is_refused_by_the_budget() -> None:
    rtf = b"{\\rtf1 {\\pict\\pngblip " + b"00" * 4096 + b"}}"
    extractor = extractor_for("rtf")
    assert extractor is not None
    with pytest.raises(CheckFailed) as caught:
        list(extractor(rtf, Budget(Limits(max_member_bytes=1024))))
    assert caught.value.status is Status.UNREADABLE


def test_the_pattern_in_an_rtf_is_sensitive_and_named_its_twin_clean(
    analyzer: Any, tmp_path: Path
) -> None:
    for picture, sensitive in (
        (carriers.pattern_picture(), True),
        (carriers.twin_picture(), False),
    ):
        path = tmp_path / f"{sensitive}.rtf"
        path.write_bytes(_word_rtf(_encoded(picture, "PNG")))
        result = analyzer.analyze_file(path)
        assert result.status is Status.OK and result.kind is Kind.DOCUMENT, result.reason
        assert result.is_sensitive is sensitive and result.frames_checked >= 1
        if sensitive:
            assert result.member == "picture 1"
