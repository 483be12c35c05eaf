"""The admin test pattern is recognised after the changes a deployment puts it through,
and ordinary photos never match it."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from desktop_app.analysis import testpattern
from tests.helpers import media


def _reencoded(image: Image.Image, quality: int, scale: float = 1.0) -> np.ndarray:
    if scale != 1.0:
        image = image.resize((int(image.width * scale), int(image.height * scale)))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=quality)
    return np.asarray(Image.open(buffer).convert("RGB"))


def test_pattern_matches_itself() -> None:
    assert testpattern.matches(np.asarray(testpattern.render()))


@pytest.mark.parametrize(("quality", "scale"), [(90, 1.0), (50, 0.5), (30, 0.5), (75, 0.25)])
def test_pattern_survives_jpeg_and_resizing(quality: int, scale: float) -> None:
    assert testpattern.matches(_reencoded(testpattern.render(), quality, scale))


def test_pattern_at_other_aspect_ratios() -> None:
    assert testpattern.matches(np.asarray(testpattern.render(480, 800)))


def test_a_damaged_pattern_does_not_match() -> None:
    pixels = np.asarray(testpattern.render()).copy()
    pixels[: pixels.shape[0] // 3] = 128  # a third of the grid is gone
    assert not testpattern.matches(pixels)


def test_mirrored_pattern_does_not_match() -> None:
    assert not testpattern.matches(np.asarray(testpattern.render())[:, ::-1])


def test_photos_never_match() -> None:
    photos = media.people_photos() | media.other_photos()
    for name, rgb in photos.items():
        assert not testpattern.matches(rgb), name
    for face in media.faces():
        assert not testpattern.matches(face)


def test_random_colour_grids_do_not_match() -> None:
    rng = np.random.default_rng(7)
    for _ in range(200):
        cells = rng.integers(
            0, len(testpattern.PALETTE), size=(testpattern.ROWS, testpattern.COLUMNS)
        )
        grid = testpattern.PALETTE[cells].astype(np.uint8)
        image = np.asarray(Image.fromarray(grid).resize((1024, 576), Image.Resampling.NEAREST))
        frame = np.full((768, 1024, 3), 255, dtype=np.uint8)
        frame[:576] = image
        assert not testpattern.matches(frame)
