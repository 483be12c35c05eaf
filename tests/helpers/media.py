"""Benign test media made on the fly: photos that ship with scikit-image, generated video."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np
from PIL import Image
from skimage import data


def people_photos() -> dict[str, np.ndarray]:
    """Ordinary photos of people shipped with scikit-image (RGB uint8)."""
    camera = np.stack([data.camera()] * 3, axis=-1)
    return {"astronaut": data.astronaut(), "cameraman": camera}


def other_photos() -> dict[str, np.ndarray]:
    gray = {"moon": data.moon(), "coins": data.coins(), "text": data.text()}
    photos = {"coffee": data.coffee(), "chelsea": data.chelsea(), "rocket": data.rocket()}
    photos |= {name: np.stack([img] * 3, axis=-1) for name, img in gray.items()}
    return photos


def faces() -> list[np.ndarray]:
    """Small face crops of real people (Labeled Faces in the Wild subset), upscaled to RGB."""
    subset = data.lfw_subset()[:100]  # the first 100 are faces, the rest are not
    return [
        np.asarray(Image.fromarray((face * 255).astype(np.uint8)).resize((200, 200)).convert("RGB"))
        for face in subset[::10]
    ]


def save(rgb: np.ndarray, path: Path, **params: object) -> Path:
    Image.fromarray(rgb).save(path, **params)
    return path


def write_video(
    path: Path,
    frames: list[np.ndarray],
    fps: int = 10,
    codec: str = "libx264",
    gop: int | None = None,
    *,
    live: bool = False,
) -> Path:
    """Encode RGB frames with PyAV (the container follows the file name).

    ``live``: written as a stream, like a browser or camera recording, so the file
    states no duration (Matroska / WebM names only).
    """
    import av

    height, width = frames[0].shape[:2]
    target: Any = _Stream(path.open("wb")) if live else str(path)
    live_format = {".mkv": "matroska", ".webm": "webm"}.get(path.suffix) if live else None
    with av.open(target, mode="w", format=live_format) as container:
        stream = container.add_stream(codec, rate=fps)
        stream.width, stream.height = width, height
        stream.pix_fmt = "yuv420p"
        if gop is not None:
            stream.codec_context.gop_size = gop
            stream.options = {"x264-params": f"keyint={gop}:min-keyint={gop}:scenecut=0"}
        for rgb in frames:
            for packet in stream.encode(av.VideoFrame.from_ndarray(rgb, format="rgb24")):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    if live:
        target.close()
    return path


class _Stream(io.RawIOBase):
    """A file that cannot seek back, so the muxer never writes the duration."""

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        return self._raw.write(data)

    def close(self) -> None:
        self._raw.close()
        super().close()


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_header_only(width: int, height: int) -> bytes:
    """A valid PNG that claims huge dimensions but holds almost no data."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", ihdr)
        + _chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + _chunk(b"IEND", b"")
    )
