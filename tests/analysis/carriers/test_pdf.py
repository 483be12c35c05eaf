"""PDF extractor: page renders, embedded images and attachments, within limits that hold."""

from __future__ import annotations

import ctypes
import hashlib
import io
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from PIL import Image

from desktop_app import SensitivityAnalyzer
from desktop_app.analysis import testpattern
from desktop_app.analysis.carriers import Budget, Limits, Member
from desktop_app.analysis.carriers import pdf as pdf_carrier
from desktop_app.analysis.carriers.pdf import pdf_members
from desktop_app.analysis.verdict import CheckFailed, Kind, Status
from tests.helpers import media
from tests.helpers.carriers import assemble_pdf, pdf_of_many_images, text_only_pdf

PAGE_W, PAGE_H = 640, 480


def members(source: bytes | str, budget: Budget | None = None) -> list[Member]:
    return list(pdf_members(source, budget or Budget()))


def pattern_pdf_bytes() -> bytes:
    """The test pattern saved by Pillow: one page, the picture as a JPEG image object."""
    out = io.BytesIO()
    testpattern.render(640, 480).save(out, format="PDF", resolution=72.0)
    return out.getvalue()


def photo_pdf_bytes() -> bytes:
    out = io.BytesIO()
    Image.fromarray(media.other_photos()["coffee"]).save(out, format="PDF", resolution=72.0)
    return out.getvalue()


def vector_pattern_stream() -> bytes:
    """The pattern's grid as filled rectangles (PDF y grows upwards), no image at all."""
    grid_h = PAGE_H * testpattern.GRID_HEIGHT
    ops = []
    for row in range(testpattern.ROWS):
        for col in range(testpattern.COLUMNS):
            r, g, b = (c / 255 for c in testpattern.PALETTE[testpattern.CODE[row, col]])
            x0 = col * PAGE_W / testpattern.COLUMNS
            top = PAGE_H - row * grid_h / testpattern.ROWS
            w, h = PAGE_W / testpattern.COLUMNS, grid_h / testpattern.ROWS
            ops.append(f"{r:.3f} {g:.3f} {b:.3f} rg {x0:.2f} {top - h:.2f} {w:.2f} {h:.2f} re f")
    return "\n".join(ops).encode()


def one_page_pdf(
    stream: bytes, resources: bytes = b"<< >>", extra: list[bytes] | None = None
) -> bytes:
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources %s /Contents 4 0 R >>"
        % (PAGE_W, PAGE_H, resources),
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    return assemble_pdf(objects + (extra or []))


def type3_pdf() -> bytes:
    """Text whose only glyph is a filled square: a Type 3 font draws, it does not write."""
    glyph = b"100 0 0 0 100 100 d1 0 0 100 100 re f"
    font = (
        b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 100 100] "
        b"/FontMatrix [0.01 0 0 0.01 0 0] /CharProcs << /a 6 0 R >> "
        b"/Encoding << /Type /Encoding /Differences [97 /a] >> /FirstChar 97 /LastChar 97 "
        b"/Widths [100] >>"
    )
    return one_page_pdf(
        b"BT /T3 200 Tf 72 100 Td (a) Tj ET",
        b"<< /Font << /T3 5 0 R >> >>",
        [font, b"<< /Length %d >>\nstream\n%s\nendstream" % (len(glyph), glyph)],
    )


def multi_page_pdf(pages: list[Image.Image]) -> bytes:
    out = io.BytesIO()
    pages[0].save(out, format="PDF", save_all=True, append_images=pages[1:], resolution=72.0)
    return out.getvalue()


# -- a real RC4 (standard security handler, revision 2) encryption, written by hand ----------

_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def _rc4(key: bytes, data: bytes) -> bytes:
    box = list(range(256))
    j = 0
    for i in range(256):
        j = (j + box[i] + key[i % len(key)]) % 256
        box[i], box[j] = box[j], box[i]
    out, i, j = bytearray(), 0, 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + box[i]) % 256
        box[i], box[j] = box[j], box[i]
        out.append(byte ^ box[(box[i] + box[j]) % 256])
    return bytes(out)


def encrypted_pdf(user_password: bytes) -> bytes:
    """A one-page PDF drawing the vector pattern, encrypted with a user password (RC4-40)."""
    file_id = b"0123456789abcdef"
    padded = (user_password + _PAD)[:32]
    owner = _rc4(hashlib.md5(_PAD).digest()[:5], padded)  # owner password: empty
    permissions = (-4).to_bytes(4, "little", signed=True)
    key = hashlib.md5(padded + owner + permissions + file_id).digest()[:5]
    stream = _rc4(
        hashlib.md5(key + (4).to_bytes(3, "little") + b"\0\0").digest()[:10],
        vector_pattern_stream(),
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents 4 0 R >>" % (PAGE_W, PAGE_H),
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -4 >>"
        % (owner.hex().encode(), _rc4(key, _PAD).hex().encode()),
    ]
    plain = assemble_pdf(objects)
    return plain.replace(
        b"/Root 1 0 R",
        b"/Root 1 0 R /Encrypt 5 0 R /ID [<%s> <%s>]" % ((file_id.hex().encode(),) * 2),
    )


def decoded(member: Member) -> np.ndarray:
    if member.picture is not None:
        return member.picture
    assert member.data is not None
    return np.asarray(Image.open(io.BytesIO(member.data)).convert("RGB"))


# -- what is yielded ----------------------------------------------------------------------------


def test_a_picture_saved_as_pdf_gives_the_page_then_the_image() -> None:
    found = members(pattern_pdf_bytes())
    assert [m.name for m in found] == ["page 1", "image 1 on page 1"]
    page, image = found
    assert page.picture is not None and max(page.picture.shape[:2]) == pdf_carrier.PAGE_SIDE
    assert testpattern.matches(page.picture)
    # Pillow stores the picture as a JPEG stream: handed over as it is, at full detail.
    assert image.data is not None and image.data.startswith(b"\xff\xd8\xff")
    assert Image.open(io.BytesIO(image.data)).size == (640, 480)
    assert testpattern.matches(decoded(image))


def test_a_picture_drawn_with_vector_rectangles_is_seen_on_the_page_render() -> None:
    found = members(one_page_pdf(vector_pattern_stream()))
    assert [m.name for m in found] == ["page 1"]
    assert found[0].picture is not None and testpattern.matches(found[0].picture)


def test_an_image_pdfium_decodes_itself_comes_as_pixels(tmp_path: Path) -> None:
    picture = testpattern.render(320, 240)
    raw = picture.tobytes()
    image = (
        b"<< /Type /XObject /Subtype /Image /Width 320 /Height 240 /ColorSpace /DeviceRGB "
        b"/BitsPerComponent 8 /Length %d >>\nstream\n%s\nendstream" % (len(raw), raw)
    )
    data = one_page_pdf(
        b"q 320 0 0 240 0 0 cm /Im0 Do Q", b"<< /XObject << /Im0 5 0 R >> >>", [image]
    )
    found = members(data)
    assert [m.name for m in found] == ["page 1", "image 1 on page 1"]
    assert found[1].data is None and found[1].picture is not None
    assert found[1].picture.shape == (240, 320, 3)
    assert testpattern.matches(found[1].picture)


def test_a_cmyk_jpeg_is_decoded_by_pdfium_not_handed_over() -> None:
    cmyk = io.BytesIO()
    testpattern.render(320, 240).convert("CMYK").save(cmyk, format="JPEG", quality=95)
    jpeg = cmyk.getvalue()
    image = (
        b"<< /Type /XObject /Subtype /Image /Width 320 /Height 240 /ColorSpace /DeviceCMYK "
        b"/BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n%s\nendstream"
        % (len(jpeg), jpeg)
    )
    data = one_page_pdf(
        b"q 320 0 0 240 0 0 cm /Im0 Do Q", b"<< /XObject << /Im0 5 0 R >> >>", [image]
    )
    found = members(data)
    assert [m.name for m in found] == ["page 1", "image 1 on page 1"]
    assert found[1].data is None and found[1].picture is not None
    assert found[1].picture.shape == (240, 320, 3)


def test_every_page_is_looked_at_in_order(tmp_path: Path) -> None:
    photo = Image.fromarray(media.other_photos()["coffee"])
    path = tmp_path / "three.pdf"
    path.write_bytes(multi_page_pdf([photo, photo.rotate(90), testpattern.render(640, 480)]))
    found = members(str(path))
    names = [m.name for m in found]
    # The same photo drawn twice is checked once; every page is still rendered.
    assert names == [
        "page 1",
        "image 1 on page 1",
        "page 2",
        "image 1 on page 2",
        "page 3",
        "image 1 on page 3",
    ]
    assert [testpattern.matches(decoded(m)) for m in found] == [False] * 4 + [True] * 2


def test_an_image_inside_a_group_is_found() -> None:
    """Form XObjects (groups) may nest; their images count like the page's own."""
    raw = testpattern.render(160, 120).tobytes()
    image = (
        b"<< /Type /XObject /Subtype /Image /Width 160 /Height 120 /ColorSpace /DeviceRGB "
        b"/BitsPerComponent 8 /Length %d >>\nstream\n%s\nendstream" % (len(raw), raw)
    )
    inner = b"q 160 0 0 120 0 0 cm /Im0 Do Q"
    outer = b"/Inner Do"
    group = b"<< /Type /XObject /Subtype /Form /BBox [0 0 640 480] /Resources %s /Length %d >>"
    data = one_page_pdf(
        b"/Outer Do",
        b"<< /XObject << /Outer 6 0 R >> >>",
        [
            image,
            group % (b"<< /XObject << /Inner 7 0 R >> >>", len(outer))
            + b"\nstream\n%s\nendstream" % outer,
            group % (b"<< /XObject << /Im0 5 0 R >> >>", len(inner))
            + b"\nstream\n%s\nendstream" % inner,
        ],
    )
    found = members(data)
    assert [m.name for m in found] == ["page 1", "image 1 on page 1"]
    assert found[1].picture is not None and testpattern.matches(found[1].picture)


def test_a_page_of_too_many_shapes_could_not_be_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_carrier, "MAX_OBJECTS_PER_PAGE", 2_000)
    shapes = b"\n".join(b"%d 10 2 2 re f" % (i % 600) for i in range(5_000))
    with pytest.raises(CheckFailed, match="too many shapes"):
        members(one_page_pdf(shapes))


def test_the_same_image_drawn_twice_is_checked_once() -> None:
    raw = testpattern.render(160, 120).tobytes()
    image = (
        b"<< /Type /XObject /Subtype /Image /Width 160 /Height 120 /ColorSpace /DeviceRGB "
        b"/BitsPerComponent 8 /Length %d >>\nstream\n%s\nendstream" % (len(raw), raw)
    )
    draw = b"q 160 0 0 120 0 0 cm /Im0 Do Q q 160 0 0 120 200 200 cm /Im0 Do Q"
    found = members(one_page_pdf(draw, b"<< /XObject << /Im0 5 0 R >> >>", [image]))
    assert [m.name for m in found] == ["page 1", "image 1 on page 1"]


def test_a_page_of_plain_text_is_rendered_and_checked() -> None:
    # Text can be painted with a pattern that holds an image, so every page that draws
    # anything is rendered; only the render says what a viewer shows.
    found = members(text_only_pdf())
    assert [m.name for m in found] == ["page 1"]


def pattern_filled_text_pdf() -> bytes:
    """A letter in an ordinary font filled with a tiling pattern that paints an image.

    The image lives inside the pattern, not on the page, so only the render shows it.
    """
    raw = testpattern.render(100, 100).tobytes()
    tile = b"q 100 0 0 100 0 0 cm /Im Do Q"
    pattern = (
        b"<< /Type /Pattern /PatternType 1 /PaintType 1 /TilingType 1 /BBox [0 0 100 100] "
        b"/XStep 100 /YStep 100 /Resources << /XObject << /Im 7 0 R >> >> /Length %d >>\n"
        b"stream\n%s\nendstream" % (len(tile), tile)
    )
    image = (
        b"<< /Type /XObject /Subtype /Image /Width 100 /Height 100 /ColorSpace /DeviceRGB "
        b"/BitsPerComponent 8 /Length %d >>\nstream\n%s\nendstream" % (len(raw), raw)
    )
    return one_page_pdf(
        b"/Pattern cs /P1 scn BT /F1 700 Tf 0 0 Td (M) Tj ET",
        b"<< /Font << /F1 5 0 R >> /Pattern << /P1 6 0 R >> >>",
        [b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", pattern, image],
    )


def test_text_filled_with_an_image_pattern_is_rendered() -> None:
    found = members(pattern_filled_text_pdf())
    assert [m.name for m in found] == ["page 1"]
    picture = found[0].picture
    assert picture is not None
    # The pattern's colours show through the letter (a blank page would be all white).
    assert len(np.unique(picture.reshape(-1, 3), axis=0)) > 4


def test_type3_glyphs_are_drawings_so_the_page_is_rendered() -> None:
    found = members(type3_pdf())
    assert [m.name for m in found] == ["page 1"]
    assert found[0].picture is not None and found[0].picture.min() < 50  # the square is drawn


def test_tiny_images_are_left_to_the_page_render() -> None:
    raw = bytes([200, 30, 40]) * (16 * 16)
    icon = (
        b"<< /Type /XObject /Subtype /Image /Width 16 /Height 16 /ColorSpace /DeviceRGB "
        b"/BitsPerComponent 8 /Length %d >>\nstream\n%s\nendstream" % (len(raw), raw)
    )
    found = members(
        one_page_pdf(b"q 16 0 0 16 0 0 cm /I Do Q", b"<< /XObject << /I 5 0 R >> >>", [icon])
    )
    assert [m.name for m in found] == ["page 1"]


def test_an_image_stamp_annotation_is_looked_at_in_full_detail() -> None:
    document = pdfium.PdfDocument(text_only_pdf())
    page = document[0]
    stamp = pdfium_c.FPDFPage_CreateAnnot(page, pdfium_c.FPDF_ANNOT_STAMP)
    pdfium_c.FPDFAnnot_SetRect(stamp, pdfium_c.FS_RECTF(100, 100, 164, 148))
    image = pdfium.PdfImage.new(document)
    image.set_bitmap(pdfium.PdfBitmap.from_pil(testpattern.render(320, 240)))
    image.set_matrix(pdfium.PdfMatrix().scale(64, 48).translate(100, 100))
    assert pdfium_c.FPDFAnnot_AppendObject(stamp, image)
    image._detach_finalizer()  # the annotation owns it now
    pdfium_c.FPDFPage_CloseAnnot(stamp)
    out = io.BytesIO()
    document.save(out)
    page.close()
    document.close()
    found = members(out.getvalue())
    assert [m.name for m in found] == ["page 1", "image 1 on page 1"]
    # Drawn small on the page, but checked at its own 320x240.
    assert found[1].picture is not None and testpattern.matches(found[1].picture)
    assert found[0].picture is not None and not testpattern.matches(found[0].picture)


def test_an_attached_file_is_a_member() -> None:
    document = pdfium.PdfDocument(text_only_pdf())
    png = io.BytesIO()
    testpattern.render(200, 150).save(png, format="PNG")
    document.new_attachment("holiday.png").set_data(png.getvalue())
    out = io.BytesIO()
    document.save(out)
    document.close()
    found = members(out.getvalue())
    assert [m.name for m in found] == ["page 1", "attachment 1 (holiday.png)"]
    assert found[1].data == png.getvalue()


def test_a_file_attached_to_a_page_is_a_member() -> None:
    document = pdfium.PdfDocument(text_only_pdf())
    page = document[0]
    clip = pdfium_c.FPDFPage_CreateAnnot(page, pdfium_c.FPDF_ANNOT_FILEATTACHMENT)
    pdfium_c.FPDFAnnot_SetRect(clip, pdfium_c.FS_RECTF(10, 10, 30, 30))
    png = carriers_png()
    wide_name = ctypes.c_char_p("beach.png\0".encode("utf-16-le"))  # FPDF_WIDESTRING
    raw = pdfium_c.FPDFAnnot_AddFileAttachment(
        clip, ctypes.cast(wide_name, pdfium_c.FPDF_WIDESTRING)
    )
    assert raw
    assert pdfium_c.FPDFAttachment_SetFile(raw, document.raw, png, len(png))
    pdfium_c.FPDFPage_CloseAnnot(clip)
    out = io.BytesIO()
    document.save(out)
    page.close()
    document.close()
    found = members(out.getvalue())
    assert [(m.name, m.data) for m in found] == [
        ("page 1", None),  # the paper clip is drawn
        ("attachment on page 1 (beach.png)", png),
    ]


def carriers_png() -> bytes:
    out = io.BytesIO()
    testpattern.render(200, 150).save(out, format="PNG")
    return out.getvalue()


def test_a_path_and_its_bytes_give_the_same_members(tmp_path: Path) -> None:
    data = pattern_pdf_bytes()
    path = tmp_path / "scan.pdf"
    path.write_bytes(data)
    assert [m.name for m in members(str(path))] == [m.name for m in members(data)]


def test_stopping_early_closes_the_document_without_warnings() -> None:
    found = pdf_members(multi_page_pdf([testpattern.render(320, 240)] * 3), Budget())
    first = next(found)
    assert first.name == "page 1"
    found.close()  # the worker stops at the first sensitive member


# -- could not check ----------------------------------------------------------------------------


def test_a_password_protected_pdf_could_not_be_checked() -> None:
    data = encrypted_pdf(b"secret")
    # The fixture is a real encrypted PDF: the right password opens it.
    document = pdfium.PdfDocument(data, password="secret")
    assert len(document) == 1
    document.close()
    with pytest.raises(CheckFailed) as failed:
        members(data)
    assert failed.value.status is Status.UNSUPPORTED
    assert "password" in failed.value.reason


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.4\n" + b"\x00garbage" * 50, pattern_pdf_bytes()[:300], b"%PDF-"],
    ids=["garbage", "truncated", "header-only"],
)
def test_a_damaged_pdf_could_not_be_read(data: bytes) -> None:
    with pytest.raises(CheckFailed) as failed:
        members(data)
    assert failed.value.status is Status.UNREADABLE
    assert "damaged" in failed.value.reason


@pytest.mark.slow  # a big file
def test_a_pdf_of_10000_images_is_answered_quickly(tmp_path: Path) -> None:
    path = pdf_of_many_images(tmp_path / "many.pdf")
    started = time.monotonic()
    with pytest.raises(CheckFailed) as failed:
        members(str(path))
    assert time.monotonic() - started < 5.0
    assert failed.value.status is Status.UNREADABLE
    assert "too many pictures" in failed.value.reason


def test_too_many_pages_could_not_be_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_carrier, "MAX_PAGES", 2)
    with pytest.raises(CheckFailed, match="3 pages"):
        members(multi_page_pdf([testpattern.render(64, 48)] * 3))


def test_an_image_over_the_pixel_limit_could_not_be_checked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pdf_carrier, "MAX_PIXELS", 100 * 100)
    found = pdf_members(pattern_pdf_bytes(), Budget())
    assert next(found).name == "page 1"
    with pytest.raises(CheckFailed, match="too large"):
        next(found)


def test_the_time_budget_stops_a_long_pdf() -> None:
    ticks: Iterator[float] = iter(range(0, 10_000, 7))
    budget = Budget(Limits(time_s=20.0), clock=lambda: float(next(ticks)))
    with pytest.raises(CheckFailed) as failed:
        members(multi_page_pdf([testpattern.render(64, 48)] * 20), budget)
    assert failed.value.status is Status.TIMEOUT


# -- end to end, through the worker and the real models (test mode on) -------------------------


def test_a_pattern_drawn_as_vectors_in_a_pdf_is_sensitive_on_its_page(
    analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    path = tmp_path / "drawing.pdf"
    path.write_bytes(one_page_pdf(vector_pattern_stream()))
    result = analyzer.analyze_file(path)
    assert result.status is Status.OK and result.is_sensitive
    assert result.kind is Kind.DOCUMENT and result.member == "page 1"


def test_a_password_protected_pdf_is_could_not_check_with_the_reason(
    analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    path = tmp_path / "locked.pdf"
    path.write_bytes(encrypted_pdf(b"secret"))
    result = analyzer.analyze_file(path)
    assert result.could_not_check and not result.is_sensitive
    assert result.status is Status.UNSUPPORTED and "password" in (result.reason or "")
