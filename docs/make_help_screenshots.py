"""Render every help screen (viewing and sending) in English and Spanish into docs/screenshots/.

Run: .venv/bin/python docs/make_help_screenshots.py [--scale 2] [--languages en es]
Files: help-<language>-<band>-<screen>.png (band: under13, teen).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
OUT = Path(__file__).with_name("screenshots")

from PySide6.QtTest import QTest  # noqa: E402 - after the platform is chosen
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

REGION = {"en": "GB", "es": "ES", "fr": "FR", "de": "DE"}
ADULTS = [{"name": "Mum", "email": "mum@example.org", "phone": "+44 7700 900123"}]


def wait_until(condition: object, timeout_ms: int = 60_000) -> None:
    waited = 0
    while not condition() and waited < timeout_ms:  # type: ignore[operator]
        QTest.qWait(20)
        waited += 20


def save(widget: QWidget, name: str) -> None:
    QTest.qWait(120)  # let the layout settle
    widget.grab().save(str(OUT / f"{name}.png"))


def viewing(analyzer: object, path: Path, language: str, band: str, prefix: str) -> None:
    from desktop_app.policy.settings import AgeBand
    from desktop_app.safety.flow import Action
    from desktop_app.safety.rules import Guard, ViewerRules
    from desktop_app.ui.viewer import ViewerWindow

    rules = ViewerRules(
        AgeBand(band),
        "guardian_approval" if band == "under13" else "two_screens",
        region=REGION[language],
        trusted_adults=ADULTS,
        recent_encounters=0,
    )
    window = ViewerWindow(path, analyzer, Guard(rules))  # type: ignore[arg-type]
    window.resize(720, 760)
    window.show()
    wait_until(lambda: window.flow is not None)
    steps = [
        ("1-blurred", []),
        ("2-why", [Action.WHY]),
        ("3-help", [Action.GET_HELP]),
        ("4-trusted-adult", [Action.MESSAGE_ADULT]),
        ("5-are-you-sure", [Action.BACK, Action.CONTINUE]),
    ]
    if band == "under13":
        steps.append(("6-guardian", [Action.VIEW]))
    for name, actions in steps:
        for action in actions:
            window.press(action)
        save(window, f"{prefix}-{name}")
    window.close()


def could_not_check(analyzer: object, path: Path, prefix: str) -> None:
    from desktop_app.safety.rules import STRICTEST
    from desktop_app.ui.viewer import ViewerWindow

    window = ViewerWindow(path, analyzer, STRICTEST)  # type: ignore[arg-type]
    window.resize(720, 560)
    window.show()
    wait_until(lambda: window.flow is not None)
    save(window, f"{prefix}-could-not-check")
    window.close()


def sending(language: str, band: str, prefix: str) -> None:
    from desktop_app.policy.settings import AgeBand
    from desktop_app.safety.rules import Guard, ViewerRules
    from desktop_app.ui.intervention.send_dialog import SendDialog

    rules = ViewerRules(AgeBand(band), "two_screens", region=REGION[language])
    dialog = SendDialog(Guard(rules))
    dialog.resize(640, 10)
    dialog.show()
    save(dialog, f"{prefix}-send")
    dialog.done(0)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--languages", nargs="+", default=["en", "es"])
    parser.add_argument("--scale", default=None, help="QT_SCALE_FACTOR, e.g. 2 for 200 %%")
    args = parser.parse_args()
    if args.scale:
        os.environ["QT_SCALE_FACTOR"] = args.scale
    from desktop_app import SensitivityAnalyzer
    from desktop_app.analysis import testpattern
    from desktop_app.ui.i18n import install_language, remove_language

    app = QApplication.instance() or QApplication([])
    work = Path(tempfile.mkdtemp())
    pattern = testpattern.write_image(work / "pattern.png", 640, 480)
    broken = work / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0" + bytes(64))
    OUT.mkdir(exist_ok=True)
    suffix = f"-{args.scale}x" if args.scale else ""
    with SensitivityAnalyzer(test_pattern=True, workers=1) as analyzer:
        for language in args.languages:
            translators = install_language(app, language)
            for band in ("under13", "teen"):
                prefix = f"help-{language}-{band}{suffix}"
                viewing(analyzer, pattern, language, band, prefix)
                sending(language, band, prefix)
            could_not_check(analyzer, broken, f"help-{language}{suffix}")
            remove_language(app, translators)
    print(f"wrote screenshots to {OUT}")


if __name__ == "__main__":
    main()
