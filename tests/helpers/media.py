"""Benign test media made on the fly: photos that ship with scikit-image, generated video."""

from __future__ import annotations

from pathlib import Path

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
) -> Path:
    """Encode RGB frames with PyAV (the container follows the file name)."""
    import av

    height, width = frames[0].shape[:2]
    with av.open(str(path), mode="w") as container:
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
    return path
