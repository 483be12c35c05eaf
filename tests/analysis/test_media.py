"""Format recognition by content (no worker needed): names never decide."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from desktop_app.analysis.media import Sniffed, misnamed_reason, sniff
from desktop_app.analysis.verdict import CheckFailed, Kind, Status


def _encoded(fmt: str, **params: object) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (32, 24), (10, 120, 200)).save(buffer, format=fmt, **params)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("JPEG", "jpeg"),
        ("PNG", "png"),
        ("GIF", "gif"),
        ("WEBP", "webp"),
        ("BMP", "bmp"),
        ("TIFF", "tiff"),
        ("AVIF", "avif"),
    ],
)
def test_images_are_recognised_by_their_bytes_whatever_the_name(fmt: str, expected: str) -> None:
    sniffed = sniff(_encoded(fmt)[:4096], "holiday.txt")
    assert sniffed.kind is Kind.IMAGE
    assert sniffed.media_format == expected


def test_heic_is_recognised() -> None:
    import pillow_heif

    pillow_heif.register_heif_opener()
    sniffed = sniff(_encoded("HEIF")[:4096], "IMG_0001.HEIC")
    assert (sniffed.kind, sniffed.media_format) == (Kind.IMAGE, "heif")


@pytest.mark.parametrize(
    ("head", "fmt"),
    [
        (b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00isomiso2avc1mp41", "mp4"),
        (b"\x00\x00\x00\x14ftypqt  \x00\x00\x00\x00qt  ", "mov"),
        (b"\x00\x00\x00\x18ftyp3gp4\x00\x00\x00\x00isom3gp4", "3gp"),
        (b"\x1a\x45\xdf\xa3\x01\x00\x00\x00\x00\x00\x00\x1f\x42\x86\x81\x01webm", "webm"),
        (b"\x1a\x45\xdf\xa3\x01\x00\x00\x00\x00\x00\x00\x23\x42\x86\x81\x01matroska", "mkv"),
        (b"RIFF\x00\x10\x00\x00AVI LIST", "avi"),
    ],
)
def test_video_containers_are_recognised(head: bytes, fmt: str) -> None:
    sniffed = sniff(head, "")
    assert (sniffed.kind, sniffed.media_format) == (Kind.VIDEO, fmt)


def test_empty_file_is_unreadable_with_its_own_reason() -> None:
    with pytest.raises(CheckFailed) as caught:
        sniff(b"", "photo.jpg")
    assert caught.value.status is Status.UNREADABLE
    assert "empty" in caught.value.reason


def test_text_named_like_a_picture_is_text_and_says_so() -> None:
    sniffed = sniff(b"just some words\n", "photo.jpg")
    assert sniffed == Sniffed(Kind.OTHER, "text")
    reason = misnamed_reason("photo.jpg", sniffed)
    assert reason is not None and ".jpg" in reason and "text" in reason


def test_a_pdf_with_a_picture_inside_is_a_document_never_an_image() -> None:
    polyglot = b"%PDF-1.7\n1 0 obj\n<< /Length 100 >>\nstream\n" + _encoded("PNG")
    assert sniff(polyglot, "picture.png") == Sniffed(Kind.DOCUMENT, "pdf")


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"PK\x03\x04" + bytes(26), Sniffed(Kind.ARCHIVE, "zip")),
        (b"MZ\x90\x00", Sniffed(Kind.OTHER, "program")),
        (b"<html><body>", Sniffed(Kind.DOCUMENT, "html")),
    ],
)
def test_documents_and_programs_are_never_treated_as_pictures(
    head: bytes, expected: Sniffed
) -> None:
    assert sniff(head, "x.jpg") == expected


def test_postscript_is_could_not_check() -> None:
    with pytest.raises(CheckFailed) as caught:
        sniff(b"%!PS-Adobe-3.0 EPSF-3.0", "x.jpg")
    assert caught.value.status is Status.UNSUPPORTED
    assert "PostScript" in caught.value.reason


def test_unknown_binary_is_other_unknown_for_the_worker_to_probe_and_carve() -> None:
    assert sniff(bytes(range(256)) * 4, "data.bin") == Sniffed(Kind.OTHER, "unknown")
