"""The first window, driven with qtbot: engine status, checking files, never blocking."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop_app import SensitivityAnalyzer
from desktop_app.analysis import testpattern
from desktop_app.ui.main_window import MainWindow
from tests.helpers import media


def _ready(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: "ready" in window.status.text(), timeout=60_000)


def test_status_says_when_the_engine_is_ready(qtbot: QtBot, analyzer: SensitivityAnalyzer) -> None:
    window = MainWindow(analyzer)
    qtbot.addWidget(window)
    window.show()
    assert "Starting" in window.status.text()  # the window appears before the models load
    _ready(qtbot, window)
    assert window.status.text() == "Protection engine ready: both models verified and loaded."


def test_checked_files_show_their_verdicts(
    qtbot: QtBot, analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    window = MainWindow(analyzer)
    qtbot.addWidget(window)
    window.show()
    _ready(qtbot, window)
    photo = media.save(media.people_photos()["astronaut"], tmp_path / "astronaut.jpg")
    pattern = testpattern.write_image(tmp_path / "pattern.png")
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    window.check_paths([photo, pattern, empty])
    assert window.table.item(0, 1).text() == "Checking…"  # answered later, never blocking
    qtbot.waitUntil(lambda: window.watcher.pending == 0, timeout=60_000)
    results = [
        (window.table.item(r, 0).text(), window.table.item(r, 1).text())
        for r in range(window.table.rowCount())
    ]
    assert results == [
        ("astronaut.jpg", "OK"),
        ("pattern.png", "Hidden: may be sensitive"),
        ("empty.jpg", "Hidden: could not check"),
    ]
    assert window.table.item(2, 2).text() == "The file is empty (0 bytes)."


@pytest.mark.slow  # its own worker process
def test_engine_failure_is_explained_and_checking_disabled(qtbot: QtBot, tmp_path: Path) -> None:
    from tests.helpers.models import tampered_manifest

    with SensitivityAnalyzer(manifest=tampered_manifest(tmp_path), workers=1) as broken:
        window = MainWindow(broken)
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: not window.check_button.isEnabled(), timeout=60_000)
        assert "cannot check files right now" in window.status.text()
        assert "integrity check" in window.status.text()
