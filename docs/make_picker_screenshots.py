"""Render the safe file picker offscreen into docs/screenshots/picker-*.png.

Run: .venv/bin/python docs/make_picker_screenshots.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

OUT = Path(__file__).with_name("screenshots")

from PySide6.QtTest import QTest  # noqa: E402 - after the platform is chosen
from PySide6.QtWidgets import QApplication  # noqa: E402


def wait_until(condition: object, timeout_s: float = 60.0) -> None:
    """Let the event loop run (in 20 ms slices) until the condition holds."""
    waited = 0.0
    while not condition():  # type: ignore[operator]
        QTest.qWait(20)
        waited += 0.02
        if waited > timeout_s:
            raise TimeoutError("the picker did not settle")


def folder_of_pictures(work: Path) -> Path:
    """Ordinary photos, the admin test pattern, a damaged download, a document, a folder."""
    from desktop_app.analysis import testpattern
    from tests.helpers import media

    photos = media.other_photos() | media.people_photos()
    for name in ("astronaut", "chelsea", "coffee", "rocket", "coins", "moon", "cameraman"):
        media.save(photos[name], work / f"{name}.jpg", quality=90)
    testpattern.write_image(work / "from-a-friend.png", 512, 384)
    (work / "download.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(300))
    (work / "homework.txt").write_text("My homework")
    (work / "Holiday").mkdir()
    return work


def main() -> None:
    from desktop_app import SensitivityAnalyzer
    from desktop_app.policy.settings import AgeBand
    from desktop_app.safety.rules import Guard, ViewerRules
    from desktop_app.ui.picker import SafeFileDialog
    from desktop_app.ui.picker.model import Tile
    from desktop_app.ui.tasks import collect_garbage_on_gui_thread

    app = QApplication.instance() or QApplication([])
    collect_garbage_on_gui_thread(app)  # type: ignore[arg-type]
    folder = Path(tempfile.mkdtemp()) / "Pictures"
    folder.mkdir()
    folder = folder_of_pictures(folder)
    OUT.mkdir(exist_ok=True)
    rules = ViewerRules(AgeBand.UNDER13, "guardian_approval", region="GB")
    with SensitivityAnalyzer(test_pattern=True, workers=1) as analyzer:
        dialog = SafeFileDialog(
            None,
            "Choose a picture",
            str(folder),
            "Pictures (*.jpg *.png);;All files (*)",
            analyzer=analyzer,
            guard=Guard(rules),
        )
        dialog.select_filter("All files (*)")
        dialog.resize(860, 560)
        dialog.show()
        wait_until(lambda: dialog.model.rowCount() > 0)
        QTest.qWait(30)
        dialog.grab().save(str(OUT / "picker-1-checking.png"))
        rows = range(dialog.model.rowCount())
        wait_until(lambda: all(dialog.model.tile(r) is not Tile.WAITING for r in rows))
        QTest.qWait(100)
        dialog.grab().save(str(OUT / "picker-2-checked.png"))
        opened: list[object] = []
        dialog.intervention_opened.connect(opened.append)
        pattern = dialog.model.row_of(str(folder / "from-a-friend.png"))
        dialog.grid.setCurrentIndex(dialog.model.index(pattern or 0))
        dialog.accept()
        wait_until(lambda: bool(opened))
        screen = opened[0]
        screen.resize(560, 520)  # type: ignore[attr-defined]
        QTest.qWait(150)
        screen.grab().save(str(OUT / "picker-3-chosen-sensitive.png"))  # type: ignore[attr-defined]
        screen.reject()  # type: ignore[attr-defined]
        dialog.close()
    print(f"wrote picker screenshots to {OUT}")


if __name__ == "__main__":
    main()
