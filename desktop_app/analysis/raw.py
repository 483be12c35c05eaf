"""Camera RAW (DNG, CR2, CR3, NEF, ARW, ...) checked through the picture the camera made.

Every RAW file carries a JPEG (or bitmap) preview of the shot: LibRaw hands it over
without developing the sensor data. Only a file without one is developed, at half size
and within ``MAX_PIXELS``. A maker's plain TIFF that was taken for RAW falls back to
Pillow's TIFF reader.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from typing import Any

import numpy as np
from PIL import Image

from .decode import MAX_PIXELS, pil_to_rgb, pillow_frames
from .verdict import CheckFailed, Kind, Status

# LibRaw's flip code -> the turn (counter-clockwise degrees) that shows the shot upright.
_TURNS = {3: 180, 5: 90, 6: 270}


def raw_frames(source: bytes | str | os.PathLike[str]) -> Iterator[np.ndarray]:
    """The preview (or a half-size development) of a RAW file, as one RGB frame."""
    import rawpy

    opened = io.BytesIO(source) if isinstance(source, bytes) else os.fspath(source)
    try:
        with rawpy.imread(opened) as raw:
            preview = _preview(raw)
            frame = preview if preview is not None else _developed(raw)
    except rawpy.LibRawFileUnsupportedError:
        yield from _as_tiff(source)
        return
    except (rawpy.LibRawError, rawpy.NotSupportedError, OSError, ValueError) as exc:
        raise _damaged() from exc
    yield frame


def _preview(raw: Any) -> np.ndarray | None:
    """The embedded JPEG or bitmap, decoded small; None when the file has none."""
    import rawpy

    try:
        thumb = raw.extract_thumb()
    except (rawpy.LibRawNoThumbnailError, rawpy.LibRawUnsupportedThumbnailError):
        return None
    if thumb.format == rawpy.ThumbFormat.JPEG:
        # LibRaw writes the shot's orientation into the JPEG; decoding applies it.
        return next(pillow_frames(bytes(thumb.data), "jpeg"))
    bitmap = pil_to_rgb(Image.fromarray(np.asarray(thumb.data, dtype=np.uint8)).convert("RGB"))
    turn = _TURNS.get(int(raw.sizes.flip), 0)
    return np.ascontiguousarray(np.rot90(bitmap, turn // 90)) if turn else bitmap


def _developed(raw: Any) -> np.ndarray:
    """No preview: develop the sensor data at half size, if it is not too large."""
    sizes = raw.sizes
    if int(sizes.raw_width) * int(sizes.raw_height) > MAX_PIXELS:
        raise CheckFailed(
            Status.UNREADABLE,
            f"The picture is too large to check safely ({sizes.raw_width}x{sizes.raw_height}; "
            f"the limit is {MAX_PIXELS // 1_000_000} megapixels).",
            Kind.IMAGE,
        )
    rgb = raw.postprocess(half_size=True, use_camera_wb=True, output_bps=8)  # turned upright
    return pil_to_rgb(Image.fromarray(np.asarray(rgb, dtype=np.uint8)))


def _as_tiff(source: bytes | str | os.PathLike[str]) -> Iterator[np.ndarray]:
    """LibRaw does not know it: if it is TIFF-shaped, Pillow reads it as a TIFF."""
    head = source[:4] if isinstance(source, bytes) else _first_bytes(source)
    if head not in (b"II*\x00", b"MM\x00*"):
        raise _damaged()
    yield from pillow_frames(source, "tiff")


def _first_bytes(path: str | os.PathLike[str]) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(4)


def _damaged() -> CheckFailed:
    return CheckFailed(
        Status.UNREADABLE,
        "The camera RAW picture is damaged or of a kind SafeLens can't read, so it could "
        "not be checked.",
        Kind.IMAGE,
    )
