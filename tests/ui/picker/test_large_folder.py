"""A folder of 2,000 pictures: the picker never stalls, checks what is on screen first.

The one place the issue asks for a bound on time: no frame stall over 50 ms while the
grid fills and is scrolled with checks running. The gap recorder (tests/helpers/
event_loop.py) measures it; the first show and paint of the window is left out.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from desktop_app import SensitivityAnalyzer
from desktop_app.analysis import testpattern
from desktop_app.ui.picker import SafeFileDialog
from desktop_app.ui.picker.model import Tile
from tests.helpers.event_loop import EventLoopGaps
from tests.helpers.pixels import no_tile_shows_the_pattern

# A folder of 2,000 pictures.
pytestmark = pytest.mark.slow

COUNT = 2000
STALL_MS = 50.0


@pytest.fixture(scope="module")
def big_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """2,000 small benign PNGs (noise in different colours) and two test patterns."""
    folder = tmp_path_factory.mktemp("two-thousand")
    rng = np.random.default_rng(5)
    for index in range(COUNT):
        base = rng.integers(0, 256, 3)
        noise = rng.integers(-40, 40, (48, 64, 3))
        pixels = np.clip(base + noise, 0, 255).astype(np.uint8)
        Image.fromarray(pixels).save(folder / f"img{index:04d}.png", compress_level=1)
    testpattern.write_image(folder / "img1000b.png", 160, 120)  # in the middle
    testpattern.write_image(folder / "img1999b.png", 160, 120)  # on the last page
    return folder


def visible_settled(dialog: SafeFileDialog) -> bool:
    rows = dialog.grid.visible_rows()
    return bool(rows) and all(dialog.model.tile(r) is not Tile.WAITING for r in rows)


def test_two_thousand_pictures_never_stall_and_visible_tiles_come_first(
    qtbot: QtBot, analyzer: SensitivityAnalyzer, big_folder: Path
) -> None:
    dialog = SafeFileDialog(None, "Choose", str(big_folder), "Pictures (*.png)", analyzer=analyzer)
    qtbot.addWidget(dialog)
    dialog.resize(900, 640)
    with qtbot.waitSignal(dialog.folder_loaded, timeout=30_000):
        dialog.show()
    qtbot.waitExposed(dialog)
    gaps = EventLoopGaps()
    gaps.start()  # measured from here: the window's first show and paint are left out
    with qtbot.waitSignal(dialog.folder_loaded, timeout=30_000):
        dialog.set_folder(str(big_folder))  # opened again, now measured: listed and filled
    assert dialog.model.rowCount() == COUNT + 2
    qtbot.waitUntil(lambda: visible_settled(dialog), timeout=60_000)
    opening = gaps.max_stall_ms

    bar = dialog.grid.verticalScrollBar()
    step = max(1, bar.maximum() // 60)  # a person dragging the scroll bar down over ~3 s
    scroller = QTimer(dialog, interval=50)
    scroller.timeout.connect(lambda: bar.setValue(min(bar.maximum(), bar.value() + step)))
    scroller.start()
    qtbot.waitUntil(lambda: bar.value() == bar.maximum(), timeout=60_000)
    scroller.stop()
    qtbot.waitUntil(lambda: visible_settled(dialog), timeout=60_000)
    gaps.stop()

    print(
        f"\nevent loop, {COUNT} tiles: longest stall {gaps.max_stall_ms:.1f} ms "
        f"(opening {opening:.1f} ms); longest gap incl. OS pauses {gaps.max_gap_ms:.1f} ms, "
        f"p99 {gaps.percentile(0.99):.1f} ms; {len(gaps.gaps)} ticks; waited "
        f"{gaps.queued_ms:.0f} ms in all for a CPU; {dialog.scheduler.submitted} checks submitted"
    )
    worst = sorted(gaps.gaps, key=lambda g: -g.stall_ms)[:3]
    print(
        "longest (wall, GUI-thread CPU, queued) ms:",
        [(round(g.wall_ms), round(g.cpu_ms), round(g.queued_ms)) for g in worst],
    )
    assert gaps.max_stall_ms < STALL_MS
    # Only what was on screen (and a little lookahead) was checked, not the whole folder.
    waiting = sum(dialog.model.tile(r) is Tile.WAITING for r in range(dialog.model.rowCount()))
    assert dialog.scheduler.submitted < COUNT // 2 and waiting > COUNT // 2
    last = dialog.model.row_of(str(big_folder / "img1999b.png"))
    assert last is not None and last in dialog.grid.visible_rows()
    assert dialog.model.tile(last) is Tile.SENSITIVE
    assert no_tile_shows_the_pattern(dialog)

    middle = dialog.model.row_of(str(big_folder / "img1000b.png"))
    assert middle is not None
    dialog.grid.scrollTo(dialog.model.index(middle))
    assert no_tile_shows_the_pattern(dialog)  # before its check
    qtbot.waitUntil(lambda: visible_settled(dialog), timeout=60_000)
    assert dialog.model.tile(middle) is Tile.SENSITIVE and no_tile_shows_the_pattern(dialog)
