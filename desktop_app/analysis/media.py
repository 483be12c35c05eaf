"""Recognise media by its bytes and decode it small, safely, inside the worker.

Never trust a file's name: the first bytes decide. Only an explicit list of
Pillow plugins is ever used, documents (PDF/EPS/PostScript) are never opened, and
pictures larger than ``MAX_PIXELS`` are refused before they are decoded.
"""

from __future__ import annotations

import io
import os
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import numpy as np
from PIL import Image, ImageOps

from .verdict import CheckFailed, Kind, Preview, Status, Thumbnail

# 130 megapixels: above the 108-MP phone cameras, far below what would exhaust memory.
MAX_PIXELS = 130_000_000
# The long side frames are decoded to; the models need 320 (detector) and 256 (classifier).
DECODE_SIDE = 448
MAX_ANIMATION_FRAMES = 8
MODEL_LONG_SIDE, MODEL_SHORT_SIDE = 320, 256

PILLOW_FORMATS = ("JPEG", "PNG", "GIF", "WEBP", "BMP", "TIFF", "HEIF", "AVIF")

IMAGE_SUFFIXES = frozenset(
    [
        ".jpg",
        ".jpeg",
        ".jpe",
        ".jfif",
        ".png",
        ".gif",
        ".webp",
        ".bmp",
        ".dib",
        ".tif",
        ".tiff",
        ".heic",
        ".heif",
        ".avif",
    ]
)
VIDEO_SUFFIXES = frozenset([".mp4", ".mov", ".m4v", ".mkv", ".webm", ".avi", ".3gp", ".3g2"])

_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"}
_AVIF_BRANDS = {b"avif", b"avis"}
_VIDEO_BRANDS = {
    b"isom",
    b"iso2",
    b"iso4",
    b"iso5",
    b"iso6",
    b"mp41",
    b"mp42",
    b"avc1",
    b"M4V ",
    b"M4VH",
    b"M4VP",
    b"qt  ",
    b"3gp4",
    b"3gp5",
    b"3gp6",
    b"3gp7",
    b"3g2a",
    b"3g2b",
    b"3g2c",
    b"mmp4",
    b"dash",
    b"MSNV",
    b"XAVC",
    b"f4v ",
    b"M4A ",
}
# Formats that are never opened, with the words a person would use for them.
_DOCUMENTS = (
    (b"%PDF", "a PDF document"),
    (b"%!PS", "a PostScript document"),
    (b"\xc5\xd0\xd3\xc6", "an EPS document"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"MZ", "a Windows program"),
    (b"\x7fELF", "a program"),
    (b"<!DOCTYPE html", "a web page"),
    (b"<html", "a web page"),
    (b"<svg", "an SVG drawing"),
    (b"<?xml", "an XML document"),
    (b"#!", "a script"),
)
_EMBEDDED_MEDIA = (
    b"\xff\xd8\xff",
    b"\x89PNG\r\n\x1a\n",
    b"GIF89a",
    b"GIF87a",
    b"ftypheic",
    b"WEBPVP8",
)


@dataclass(frozen=True)
class Sniffed:
    kind: Kind
    media_format: str  # e.g. "jpeg", "mp4"


def sniff(head: bytes, name: str = "") -> Sniffed:
    """Decide what the bytes are; raise CheckFailed with a specific reason if not media."""
    if not head:
        raise CheckFailed(Status.UNREADABLE, "The file is empty (0 bytes).")
    fmt = _media_format(head)
    if fmt is not None:
        return fmt
    stripped = head.lstrip()
    for magic, words in _DOCUMENTS:
        if stripped[: len(magic)].lower() == magic.lower():
            if any(sig in head for sig in _EMBEDDED_MEDIA):
                raise CheckFailed(
                    Status.UNSUPPORTED,
                    f"This file is {words} with a picture hidden inside. "
                    "SafeLens does not open documents, so it could not check it.",
                )
            raise CheckFailed(Status.UNSUPPORTED, f"This file is {words}, not a picture or video.")
    if head[:1024].lstrip().startswith(b"%PDF") or b"%PDF-" in head[:1024]:
        raise CheckFailed(
            Status.UNSUPPORTED, "This file is a PDF document, not a picture or video."
        )
    suffix = Path(name).suffix.lower()
    if suffix in IMAGE_SUFFIXES or suffix in VIDEO_SUFFIXES:
        what = "a picture" if suffix in IMAGE_SUFFIXES else "a video"
        looks = "text" if _looks_like_text(head) else "something else"
        raise CheckFailed(
            Status.UNSUPPORTED,
            f"This file is named like {what} ({suffix}) but it is not one: its content "
            f"looks like {looks}.",
        )
    raise CheckFailed(Status.UNSUPPORTED, "SafeLens can't check this kind of file.")


def _media_format(head: bytes) -> Sniffed | None:
    image, video = Kind.IMAGE, Kind.VIDEO
    if head.startswith(b"\xff\xd8\xff"):
        return Sniffed(image, "jpeg")
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return Sniffed(image, "png")
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return Sniffed(image, "gif")
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return Sniffed(image, "webp")
    if head[:4] == b"RIFF" and head[8:12] == b"AVI ":
        return Sniffed(video, "avi")
    if head[:2] == b"BM" and len(head) >= 18:
        return Sniffed(image, "bmp")
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return Sniffed(image, "tiff")
    if head[:4] == b"\x1a\x45\xdf\xa3":
        return Sniffed(video, "webm" if b"webm" in head[:64] else "mkv")
    if head[4:8] == b"ftyp":
        return _iso_bmff(head)
    return None


def _iso_bmff(head: bytes) -> Sniffed | None:
    box_size = int.from_bytes(head[0:4], "big")
    end = min(max(box_size, 16), len(head))
    brands = {head[8:12]} | {head[i : i + 4] for i in range(16, end - 3, 4)}
    if brands & _AVIF_BRANDS and head[8:12] in _AVIF_BRANDS:
        return Sniffed(Kind.IMAGE, "avif")
    if head[8:12] in _HEIF_BRANDS:
        return Sniffed(Kind.IMAGE, "heif")
    if head[8:12] == b"qt  ":
        return Sniffed(Kind.VIDEO, "mov")
    if head[8:11] in (b"3gp", b"3g2"):
        return Sniffed(Kind.VIDEO, "3gp")
    if head[8:12] in _VIDEO_BRANDS or brands & _VIDEO_BRANDS:
        return Sniffed(Kind.VIDEO, "mp4")
    if brands & _AVIF_BRANDS:
        return Sniffed(Kind.IMAGE, "avif")
    if brands & _HEIF_BRANDS:
        return Sniffed(Kind.IMAGE, "heif")
    return None


def _looks_like_text(head: bytes) -> bool:
    sample = head[:512]
    return bool(sample) and all(b in b"\t\n\r" or 32 <= b < 127 or b >= 128 for b in sample)


_plugins_ready = False


def prepare_decoders() -> None:
    """Register HEIF/AVIF openers and make decompression bombs an error (worker start)."""
    global _plugins_ready  # noqa: PLW0603 - one-time, process-wide Pillow configuration
    if _plugins_ready:
        return
    import pillow_heif

    pillow_heif.register_heif_opener()
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS // 2  # Pillow errors at twice this; warns above it
    warnings.simplefilter("error", Image.DecompressionBombWarning)
    _plugins_ready = True


def open_image(source: BinaryIO, media_format: str) -> Image.Image:
    """Open (not decode) with the allow-listed plugin; refuse huge pictures."""
    prepare_decoders()
    try:
        image = Image.open(source, formats=PILLOW_FORMATS)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _too_large(str(exc)) from exc
    except Exception as exc:
        raise CheckFailed(
            Status.UNREADABLE,
            f"The file starts like a {media_format.upper()} picture but is damaged, "
            "so it could not be read.",
            Kind.IMAGE,
        ) from exc
    width, height = image.size
    if width <= 0 or height <= 0 or width * height > MAX_PIXELS:
        raise _too_large(f"{width}x{height}")
    return image


def _too_large(detail: str) -> CheckFailed:
    return CheckFailed(
        Status.UNREADABLE,
        f"The picture is too large to check safely ({detail.split('(', maxsplit=1)[0].strip()}; "
        f"the limit is {MAX_PIXELS // 1_000_000} megapixels).",
        Kind.IMAGE,
    )


def image_frames(source: bytes | str | os.PathLike[str], media_format: str) -> Iterator[np.ndarray]:
    """Yield up to MAX_ANIMATION_FRAMES RGB frames (HxWx3 uint8), long side <= DECODE_SIDE."""
    stream: BinaryIO = io.BytesIO(source) if isinstance(source, bytes) else open(source, "rb")  # noqa: SIM115
    with stream:
        image = open_image(stream, media_format)
        n_frames = int(getattr(image, "n_frames", 1) or 1)
        if n_frames <= 1:
            yield _decode_frame(image, media_format)
            return
        # Spread the samples over the whole animation, first and last frame included.
        picks = np.linspace(0, n_frames - 1, min(n_frames, MAX_ANIMATION_FRAMES))
        for index in sorted({round(float(i)) for i in picks}):
            try:
                image.seek(index)
            except EOFError:
                return
            yield _decode_frame(image, media_format)


def _decode_frame(image: Image.Image, media_format: str) -> np.ndarray:
    try:
        if image.format == "JPEG":
            # The smallest DCT scale that still gives the models what they use (320 px on
            # the long side, 256 on the short): a 12-MP photo decodes at 1/8 size.
            wide = image.width >= image.height
            image.draft(
                "RGB",
                (MODEL_LONG_SIDE, MODEL_SHORT_SIDE)
                if wide
                else (MODEL_SHORT_SIDE, MODEL_LONG_SIDE),
            )
        image.load()
        oriented = ImageOps.exif_transpose(image) or image
        return pil_to_rgb(oriented)
    except CheckFailed:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _too_large(str(exc)) from exc
    except MemoryError as exc:
        raise _too_large("not enough memory") from exc
    except Exception as exc:
        truncated = "truncated" in str(exc).lower() or isinstance(exc, EOFError)
        reason = (
            "The picture is incomplete: the file ends too early. It may still be "
            "arriving, or it is damaged."
            if truncated
            else f"The {media_format.upper()} picture is damaged, so it could not be read."
        )
        raise CheckFailed(Status.UNREADABLE, reason, Kind.IMAGE) from exc


def pil_to_rgb(image: Image.Image, side: int = DECODE_SIDE) -> np.ndarray:
    """Flatten transparency onto white (what a viewer shows) and shrink to ``side``."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(background, rgba)
    rgb = image.convert("RGB")
    if max(rgb.size) > side:
        rgb.thumbnail((side, side), Image.Resampling.BILINEAR, reducing_gap=2.0)
    return np.asarray(rgb, dtype=np.uint8)


PREVIEW_SIDE = 8


def blur_preview(rgb: np.ndarray) -> Preview:
    """A few pixels of colour (long side 8): enough for a soft blur, nothing recognisable.

    Made in the worker, so the app can show something before (or instead of) the
    real content without ever decoding an unchecked file itself.
    """
    image = Image.fromarray(rgb)
    image.thumbnail((PREVIEW_SIDE, PREVIEW_SIDE), Image.Resampling.BOX)
    return Preview(image.width, image.height, image.tobytes())


MAX_THUMBNAIL_SIDE = 256  # frames are decoded at DECODE_SIDE; thumbnails stay small on the pipe


def thumbnail_of(rgb: np.ndarray, side: int) -> Thumbnail:
    """A small JPEG of a frame, for a picker's grid; the worker attaches it only when cleared."""
    image = Image.fromarray(rgb)
    side = max(8, min(side, MAX_THUMBNAIL_SIDE))
    image.thumbnail((side, side), Image.Resampling.BILINEAR, reducing_gap=2.0)
    encoded = io.BytesIO()
    image.save(encoded, format="JPEG", quality=85)
    return Thumbnail(image.width, image.height, encoded.getvalue())


def misnamed_reason(name: str, sniffed: Sniffed) -> str | None:
    """Words for a file named like a picture or video whose bytes say it is not one."""
    suffix = Path(name).suffix.lower()
    if sniffed.kind is not Kind.OTHER or not (suffix in IMAGE_SUFFIXES or suffix in VIDEO_SUFFIXES):
        return None
    what = "a picture" if suffix in IMAGE_SUFFIXES else "a video"
    looks = "text" if sniffed.media_format == "text" else "something else"
    return (
        f"This file is named like {what} ({suffix}) but it is not one: its content looks "
        f"like {looks}."
    )
