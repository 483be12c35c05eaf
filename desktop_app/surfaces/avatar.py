"""The neutral avatar: the same plain silhouette for everyone, in place of a hidden photo."""

from __future__ import annotations

import functools
import io

from PIL import Image, ImageDraw

SIZE = 256
BACKGROUND = (222, 226, 232)
FIGURE = (164, 172, 186)


@functools.cache
def neutral_avatar_png() -> bytes:
    """A grey head-and-shoulders on a light ground, as PNG bytes (made here, never decoded)."""
    image = Image.new("RGB", (SIZE, SIZE), BACKGROUND)
    draw = ImageDraw.Draw(image)
    head = SIZE * 0.19
    centre = SIZE / 2
    draw.ellipse((centre - head, SIZE * 0.2, centre + head, SIZE * 0.2 + 2 * head), fill=FIGURE)
    draw.ellipse((SIZE * 0.16, SIZE * 0.64, SIZE * 0.84, SIZE * 1.2), fill=FIGURE)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
