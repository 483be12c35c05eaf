"""Render the contacts view offscreen into docs/screenshots/contacts-*.png.

Run: .venv/bin/python docs/make_contacts_screenshots.py
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


def wait_until(condition: object, limit_s: float = 120.0) -> None:
    """Let the event loop run (in 20 ms slices) until the condition holds."""
    waited = 0.0
    while not condition():  # type: ignore[operator]
        QTest.qWait(20)
        waited += 0.02
        if waited > limit_s:
            raise TimeoutError("the contacts view did not settle")


def address_book() -> str:
    """A family's contacts: ordinary faces, one test-pattern photo, a link, no photo."""
    from PIL import Image

    from tests.helpers import media, vcards

    faces = [vcards.png(Image.fromarray(face)) for face in media.faces()]
    return (
        vcards.card30("Alex Morgan", vcards.photo_png())
        + vcards.card40("Jordan Lee", vcards.pattern_png())
        + vcards.card21("Grandma")
        + vcards.card30("Coach Daniels", extra="PHOTO;VALUE=uri:https://example.org/coach.jpg")
        + vcards.card40("Priya Shah", faces[3])
        + vcards.card30("Mia Chen", faces[6])
    )


def main() -> None:
    from desktop_app import SensitivityAnalyzer
    from desktop_app.surfaces.contacts_store import ContactsStore
    from desktop_app.surfaces.quarantine import Quarantine
    from desktop_app.ui.contacts import ContactsView

    app = QApplication.instance() or QApplication([])
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as home, SensitivityAnalyzer(test_pattern=True) as analyzer:
        root = Path(home)
        source = root / "family.vcf"
        source.write_text(address_book())
        store = ContactsStore(root / "contacts")
        view = ContactsView(analyzer, store, Quarantine(root / "quarantine"))
        view.resize(460, 640)
        view.show()
        wait_until(lambda: not view.checking)
        imported: list[object] = []
        view.imported.connect(imported.append)
        view.import_file(source)
        wait_until(lambda: bool(imported) and not view.checking)
        QTest.qWait(150)
        view.grab().save(str(OUT / "contacts-view.png"))
        view.close()

        again = ContactsView(analyzer, store, None)
        again.resize(460, 640)
        again.listed.connect(lambda _n: again.grab().save(str(OUT / "contacts-view-checking.png")))
        again.show()
        wait_until(lambda: not again.checking)
        again.close()
    del app


if __name__ == "__main__":
    main()
