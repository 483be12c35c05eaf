"""What a child would see: the pixels a widget really paints."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from desktop_app.analysis import testpattern
from desktop_app.ui.picker import SafeFileDialog
from desktop_app.ui.widgets.sensitive_view import SensitiveImageView


def grab(view: SensitiveImageView) -> np.ndarray:
    image = view.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    raw = np.frombuffer(image.constBits(), dtype=np.uint8, count=stride * height)
    return raw.reshape(height, stride)[:, : width * 3].reshape(height, width, 3).copy()


def shown(window: QWidget) -> np.ndarray:
    """The widget's pixels without the plain margins around a picture of another shape."""
    pixels = grab(window.view)  # type: ignore[attr-defined]
    background = pixels[0, 0]
    rows = np.flatnonzero((pixels != background).any(axis=(1, 2)))
    cols = np.flatnonzero((pixels != background).any(axis=(0, 2)))
    if rows.size == 0 or cols.size == 0:
        return pixels
    return pixels[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]


def no_tile_shows_the_pattern(dialog: SafeFileDialog) -> bool:
    pixels = grab(dialog.grid.viewport())  # type: ignore[arg-type]
    for index in range(dialog.model.rowCount()):
        rect = dialog.grid.visualRect(dialog.model.index(index))
        crop = pixels[max(0, rect.top()) : rect.bottom(), max(0, rect.left()) : rect.right()]
        if crop.size and testpattern.matches(crop):
            return False
    return not testpattern.matches(pixels)
