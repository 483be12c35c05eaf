"""Render the main window and the picture widget offscreen into docs/screenshots/.

The help screens: docs/make_help_screenshots.py; the agent: make_agent_screenshots.py.

Run: .venv/bin/python docs/make_screenshots.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import zipfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

OUT = Path(__file__).with_name("screenshots")

from PySide6.QtTest import QTest  # noqa: E402 - after the platform is chosen
from PySide6.QtWidgets import QApplication  # noqa: E402


def wait_until(app: object, condition: object) -> None:
    """Let the event loop run (in 20 ms slices) until the condition holds."""

    while not condition():  # type: ignore[operator]
        QTest.qWait(20)


def view_states(analyzer: object, pattern: Path, out: Path) -> None:
    """The safe viewer's picture: checking, blurred with its badge, and shown after 'View'."""
    from desktop_app.ui.widgets.sensitive_view import SensitiveImageView

    view = SensitiveImageView()
    view.resize(384, 288)
    view.show()
    view.grab().save(str(out / "viewer-1-checking.png"))
    view.show_result(analyzer.analyze_image(pattern), pattern)  # type: ignore[attr-defined]
    view.grab().save(str(out / "viewer-2-blurred.png"))
    view.reveal()  # the original is read off the GUI thread
    wait_until(None, lambda: view.state.value == "shown")
    view.grab().save(str(out / "viewer-3-shown.png"))


def archive_states(analyzer: object, archive: Path, out: Path) -> None:
    """A ZIP with the pattern inside: blurred, then (after the screens) handed to its app."""
    from desktop_app.ui.widgets.sensitive_view import SensitiveImageView

    view = SensitiveImageView()
    view.resize(384, 288)
    view.show()
    view.show_result(analyzer.analyze_file(archive), archive)  # type: ignore[attr-defined]
    view.grab().save(str(out / "viewer-4-archive-blurred.png"))
    view.reveal()  # never drawn here: the file goes to its own app
    view.grab().save(str(out / "viewer-5-archive-elsewhere.png"))


def main() -> None:
    from desktop_app import SensitivityAnalyzer
    from desktop_app.analysis import testpattern
    from desktop_app.ui.main_window import MainWindow
    from tests.helpers import media

    app = QApplication.instance() or QApplication([])
    work = Path(tempfile.mkdtemp())
    files = [
        media.save(media.people_photos()["astronaut"], work / "astronaut.jpg"),
        media.save(media.other_photos()["coffee"], work / "coffee.png"),
        testpattern.write_image(work / "safelens-test-pattern.png"),
        work / "broken-download.jpg",
        work / "holiday-photos.zip",
        work / "notes.txt",
    ]
    files[3].write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 40)
    with zipfile.ZipFile(files[4], "w") as archive:
        archive.write(files[0], "beach/astronaut.jpg")
        archive.write(files[2], "beach/pattern.png")
    files[5].write_text("Shopping list: apples, bread.\n")
    with SensitivityAnalyzer(test_pattern=True, workers=1) as analyzer:
        window = MainWindow(analyzer)
        window.show()
        wait_until(app, lambda: "ready" in window.status.text())
        window.check_paths(files)
        wait_until(app, lambda: window.watcher.pending == 0)
        OUT.mkdir(exist_ok=True)
        window.grab().save(str(OUT / "main-window.png"))
        view_states(analyzer, files[2], OUT)
        archive_states(analyzer, files[4], OUT)
        testpattern.render(512, 384).save(OUT / "test-pattern.png")
    print(f"wrote screenshots to {OUT}")


if __name__ == "__main__":
    main()
