"""Recognise media by its bytes and decode it small, safely, inside the worker.

Never trust a file's name: the first bytes decide (``formats.sniff``, re-exported here).
Each format opens with its own Pillow plugin from an explicit list (camera RAW through
LibRaw's embedded preview), PostScript and metafiles are never opened, and pictures larger
than ``MAX_PIXELS`` are refused before they are decoded.
"""

from __future__ import annotations

import io
import os
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import numpy as np
from PIL import Image, ImageOps

from .animation import ANIMATION_BUDGET_S, chosen_frames
from .formats import Sniffed, sniff
from .verdict import CheckFailed, Kind, Preview, Status, Thumbnail

# 130 megapixels: above the 108-MP phone cameras, far below what would exhaust memory.
MAX_PIXELS = 130_000_000
# The long side frames are decoded to; the models need 320 (detector) and 256 (classifier).
DECODE_SIDE = 448
MODEL_LONG_SIDE, MODEL_SHORT_SIDE = 320, 256

# Pillow plugins the worker may use (never EPS/PS/PDF: Ghostscript; never WMF/EMF).
# Each sniffed format opens with its own plugin only (see ``_PILLOW_FORMAT``).
_PILLOW_FORMAT: dict[str, tuple[str, ...]] = {
    "jpeg": ("JPEG",),
    "png": ("PNG",),
    "gif": ("GIF",),
    "webp": ("WEBP",),
    "bmp": ("BMP",),
    "tiff": ("TIFF",),
    "heif": ("HEIF",),
    "avif": ("AVIF", "HEIF"),
    "jpeg2000": ("JPEG2000",),
    "jxl": ("JXL",),
    "tga": ("TGA",),
    "ico": ("ICO",),
    "cur": ("CUR",),
    "icns": ("ICNS",),
    "pcx": ("PCX",),
    "dcx": ("DCX",),
    "pnm": ("PPM",),
    "dds": ("DDS",),
    "sgi": ("SGI",),
    "qoi": ("QOI",),
    "psd": ("PSD",),
    "sun": ("SUN",),
    "xbm": ("XBM",),
    "xpm": ("XPM",),
}
PILLOW_FORMATS = tuple(dict.fromkeys(f for fs in _PILLOW_FORMAT.values() for f in fs))
# Every IMAGE media_format sniff can return: the Pillow ones, and camera RAW (rawpy).
IMAGE_FORMATS = frozenset([*_PILLOW_FORMAT, "raw"])


def _suffixes(words: str) -> frozenset[str]:
    """File name endings, written as one string of words so the lists stay readable."""
    return frozenset(words.split())


IMAGE_SUFFIXES = _suffixes(
    ".jpg .jpeg .jpe .jfif .png .apng .gif .webp .bmp .dib .tif .tiff .heic .heif .avif "
    ".jp2 .j2k .jpf .jpx .jpm .j2c .jxl .tga .icb .vda .vst .ico .cur .icns .pcx .dcx "
    ".ppm .pgm .pbm .pnm .pam .dds .sgi .rgb .rgba .bw .qoi .psd .ras .sun .xbm .xpm "
    ".dng .cr2 .cr3 .crw .nef .nrw .arw .srf .sr2 .orf .rw2 .raf .pef .srw .3fr .erf "
    ".kdc .dcr .mos .iiq .mrw .x3f .rwl"
)
VIDEO_SUFFIXES = _suffixes(
    ".mp4 .mov .m4v .mkv .webm .avi .3gp .3g2 .ts .mts .m2ts .m2t .mpg .mpeg .mpe .m1v "
    ".m2v .vob .flv .f4v .wmv .asf .ogv .ogg .ogm .rm .rmvb .ivf .y4m .mxf .nut .dv "
    ".divx .xvid .wtv .gifv"
)
ARCHIVE_SUFFIXES = _suffixes(
    ".zip .cbz .tar .tgz .gz .tbz .tbz2 .bz2 .txz .xz .7z .cb7 .rar .cbr .cbt .jar .apk "
    ".zst .lz4 .lz .cab .iso .dmg .arj .lzh .lha .cpio .deb .rpm .z"
)
DOCUMENT_SUFFIXES = _suffixes(
    ".pdf .svg .svgz .html .htm .xhtml .mht .mhtml .eml .mbox .msg .vcf .vcard .epub "
    ".docx .docm .xlsx .xlsm .pptx .pptm .odt .ods .odp .odg .doc .xls .ppt .rtf .ps .eps "
    ".djvu .xps .oxps .pages .key .numbers"
)
# Names a picker treats as "may show a picture" (a tile that needs the worker's check).
# The worker still decides by the bytes: a file with any other name is checked as well.
PICTURE_SUFFIXES = IMAGE_SUFFIXES | VIDEO_SUFFIXES | ARCHIVE_SUFFIXES | DOCUMENT_SUFFIXES


_plugins_ready = False


def prepare_decoders() -> None:
    """Register HEIF/AVIF/JPEG XL openers and make decompression bombs an error (worker start)."""
    global _plugins_ready  # noqa: PLW0603 - one-time, process-wide Pillow configuration
    if _plugins_ready:
        return
    import pillow_heif
    import pillow_jxl  # noqa: F401 - importing it registers Pillow's "JXL" plugin

    pillow_heif.register_heif_opener()
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS // 2  # Pillow errors at twice this; warns above it
    warnings.simplefilter("error", Image.DecompressionBombWarning)
    _plugins_ready = True


def open_image(source: BinaryIO, media_format: str) -> Image.Image:
    """Open (not decode) with the allow-listed plugin; refuse huge pictures."""
    prepare_decoders()
    try:
        image = Image.open(source, formats=_PILLOW_FORMAT.get(media_format, PILLOW_FORMATS))
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


def image_frames(
    source: bytes | str | os.PathLike[str],
    media_format: str,
    budget_s: float = ANIMATION_BUDGET_S,
) -> Iterator[np.ndarray]:
    """Yield RGB frames (HxWx3 uint8, long side <= DECODE_SIDE): every look of an animation.

    Animations: see ``animation.chosen_frames`` (every frame decoded within ``budget_s``).
    """
    if media_format == "raw":
        from .raw import raw_frames  # LibRaw loads only when a camera RAW file arrives

        yield from raw_frames(source)
        return
    stream: BinaryIO = io.BytesIO(source) if isinstance(source, bytes) else open(source, "rb")  # noqa: SIM115
    with stream:
        image = open_image(stream, media_format)
        n_frames = int(getattr(image, "n_frames", 1) or 1)
        if n_frames <= 1:
            yield _decode_frame(image, media_format)
            return
        yield from chosen_frames(image, lambda frame: _decode_frame(frame, media_format), budget_s)


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


__all__ = [
    "IMAGE_FORMATS",
    "MAX_PIXELS",
    "PICTURE_SUFFIXES",
    "PILLOW_FORMATS",
    "Sniffed",
    "blur_preview",
    "image_frames",
    "misnamed_reason",
    "open_image",
    "pil_to_rgb",
    "prepare_decoders",
    "sniff",
    "thumbnail_of",
]
