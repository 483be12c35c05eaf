"""Format recognition by content (no worker needed): names never decide."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from desktop_app.analysis.media import sniff
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


def _failure(head: bytes, name: str = "") -> CheckFailed:
    with pytest.raises(CheckFailed) as caught:
        sniff(head, name)
    return caught.value


def test_empty_file_is_unreadable_with_its_own_reason() -> None:
    failed = _failure(b"", "photo.jpg")
    assert failed.status is Status.UNREADABLE
    assert "empty" in failed.reason


def test_text_named_like_a_picture_says_so() -> None:
    failed = _failure(b"just some words\n", "photo.jpg")
    assert failed.status is Status.UNSUPPORTED
    assert ".jpg" in failed.reason and "text" in failed.reason


def test_document_with_a_picture_inside_is_a_polyglot_and_not_opened() -> None:
    polyglot = b"%PDF-1.7\n1 0 obj\n<< /Length 100 >>\nstream\n" + _encoded("PNG")
    failed = _failure(polyglot, "picture.png")
    assert failed.status is Status.UNSUPPORTED
    assert "PDF" in failed.reason and "hidden inside" in failed.reason


@pytest.mark.parametrize(
    ("head", "words"),
    [
        (b"%!PS-Adobe-3.0 EPSF-3.0", "PostScript"),
        (b"PK\x03\x04rest", "ZIP"),
        (b"MZ\x90\x00", "Windows program"),
        (b"<html><body>", "web page"),
    ],
)
def test_documents_and_programs_are_never_treated_as_pictures(head: bytes, words: str) -> None:
    failed = _failure(head, "x.jpg")
    assert failed.status is Status.UNSUPPORTED
    assert words in failed.reason


def test_unknown_binary_is_unsupported() -> None:
    failed = _failure(bytes(range(256)) * 4, "data.bin")
    assert failed.status is Status.UNSUPPORTED
    assert failed.reason == "SafeLens can't check this kind of file."
