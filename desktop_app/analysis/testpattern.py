"""The admin test pattern: a clearly artificial picture that stands in for sensitive content.

An admin writes it with ``safelens test-pattern`` and drops it where a child's
account would receive it; with test mode on, the analyzer reports it sensitive,
so a deployment can be verified end to end without any real content. The
pattern is a grid of coloured cells in a fixed order; recognition samples the
middle of each cell, so it survives JPEG re-encoding, resizing and video
compression, while an ordinary photo cannot match the order by chance.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

COLUMNS, ROWS = 12, 8
GRID_HEIGHT = 0.75  # the grid fills the top 75 %; the caption band is below it
PALETTE = np.array([(220, 30, 40), (20, 170, 70), (30, 70, 220), (250, 210, 20)], dtype=np.float32)
MATCH_FRACTION = 0.9
_MAX_COLOUR_DISTANCE = 90.0
CAPTION = "SafeLens test pattern - not a real photo"
CAPTION_2 = "Used by administrators to check that protection works."
TEST_PATTERN_REASON = "This is the SafeLens test pattern (test mode is on)."


def _code() -> np.ndarray:
    """The fixed colour order: a small linear congruential sequence, the same everywhere."""
    state, cells = 20240611, []
    for _ in range(COLUMNS * ROWS):
        state = (1103515245 * state + 12345) % 2**31
        cells.append((state >> 16) % len(PALETTE))
    return np.array(cells, dtype=np.int64).reshape(ROWS, COLUMNS)


CODE = _code()


def render(width: int = 1024, height: int = 768, label: str = "") -> Image.Image:
    """Draw the pattern at any size (the grid adapts; the caption stays readable)."""
    image = Image.new("RGB", (width, height), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    grid_h = int(height * GRID_HEIGHT)
    for row in range(ROWS):
        for col in range(COLUMNS):
            x0, x1 = col * width // COLUMNS, (col + 1) * width // COLUMNS
            y0, y1 = row * grid_h // ROWS, (row + 1) * grid_h // ROWS
            colour = tuple(int(c) for c in PALETTE[CODE[row, col]])
            draw.rectangle((x0, y0, x1 - 1, y1 - 1), fill=colour)
    band_h = height - grid_h
    font = ImageFont.load_default(size=max(10, band_h // 5))
    small = ImageFont.load_default(size=max(8, band_h // 8))
    draw.text((width // 40, grid_h + band_h // 8), CAPTION, fill=(0, 0, 0), font=font)
    second = f"{CAPTION_2} {label}".strip()
    draw.text((width // 40, grid_h + band_h // 2), second, fill=(60, 60, 60), font=small)
    return image


def matches(rgb: np.ndarray) -> bool:
    """True when an RGB frame (HxWx3) is the test pattern, resized or recompressed."""
    height, width = rgb.shape[:2]
    if height < ROWS * 4 or width < COLUMNS * 4:
        return False
    grid_h = height * GRID_HEIGHT
    hits = 0
    for row in range(ROWS):
        for col in range(COLUMNS):
            x0 = int((col + 0.3) * width / COLUMNS)
            x1 = max(x0 + 1, int((col + 0.7) * width / COLUMNS))
            y0 = int((row + 0.3) * grid_h / ROWS)
            y1 = max(y0 + 1, int((row + 0.7) * grid_h / ROWS))
            mean = rgb[y0:y1, x0:x1].reshape(-1, 3).astype(np.float32).mean(axis=0)
            distances = np.linalg.norm(PALETTE - mean, axis=1)
            nearest = int(np.argmin(distances))
            if nearest == CODE[row, col] and distances[nearest] <= _MAX_COLOUR_DISTANCE:
                hits += 1
    return hits >= MATCH_FRACTION * ROWS * COLUMNS


def write_image(path: Path, width: int = 1024, height: int = 768) -> Path:
    """Save the pattern; the format follows the file name (PNG, JPEG, WebP...)."""
    image = render(width, height)
    image.save(path, quality=92)  # used by JPEG and WebP, ignored by lossless formats
    return path


def write_video(path: Path, seconds: float = 6.0, width: int = 640, height: int = 480) -> Path:
    """An H.264 clip: a plain grey opening third, then the pattern for the rest."""
    import av

    fps = 24
    total = max(1, int(seconds * fps))
    intro = total // 3
    plain = Image.new("RGB", (width, height), (128, 128, 128))
    ImageDraw.Draw(plain).text(
        (20, height // 2),
        "SafeLens test video",
        fill=(255, 255, 255),
        font=ImageFont.load_default(size=max(12, height // 16)),
    )
    with av.open(str(path), mode="w") as container:
        stream = container.add_stream("libx264", rate=fps)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        stream.options = {"preset": "veryfast", "crf": "23"}
        for index in range(total):
            label = f"frame {index + 1}/{total}"
            picture = plain if index < intro else render(width, height, label)
            frame = av.VideoFrame.from_image(picture)  # type: ignore[no-untyped-call]
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return path
