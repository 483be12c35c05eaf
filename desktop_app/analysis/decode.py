"""Open and decode a picture with Pillow, small and within limits, inside the worker.

Each format opens with its own Pillow plugin from an explicit list (PostScript and
metafiles never), pictures larger than ``MAX_PIXELS`` are refused before they are
decoded, and frames come out as small RGB arrays for the models.
"""

from __future__ import annotations

import io
import os
import warnings
from collections.abc import Iterator
from typing import BinaryIO

import numpy as np
from PIL import Image, ImageOps

from .animation import ANIMATION_BUDGET_S, chosen_frames
from .verdict import CheckFailed, Kind, Status

# 130 megapixels: above the 108-MP phone cameras, far below what would exhaust memory.
MAX_PIXELS = 130_000_000
# The long side frames are decoded to; the models need 320 (detector) and 256 (classifier).
DECODE_SIDE = 448
MODEL_LONG_SIDE, MODEL_SHORT_SIDE = 320, 256

# Pillow plugins the worker may use (never EPS/PS/PDF: Ghostscript; never WMF/EMF).
# Each sniffed format opens with its own plugin only.
PILLOW_PLUGINS: dict[str, tuple[str, ...]] = {
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
PILLOW_FORMATS = tuple(dict.fromkeys(f for fs in PILLOW_PLUGINS.values() for f in fs))

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
        image = Image.open(source, formats=PILLOW_PLUGINS.get(media_format, PILLOW_FORMATS))
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


def pillow_frames(
    source: bytes | str | os.PathLike[str],
    media_format: str,
    budget_s: float = ANIMATION_BUDGET_S,
) -> Iterator[np.ndarray]:
    """Yield RGB frames (HxWx3 uint8, long side <= DECODE_SIDE) of a picture Pillow opens.

    Animations: see ``animation.chosen_frames`` (every frame decoded within ``budget_s``).
    """
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
