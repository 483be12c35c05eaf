"""Render the background agent's screens offscreen: the tray menu, a notification, and the
help screens it opens for a shared picture that was put aside.

Run: .venv/bin/python docs/make_agent_screenshots.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
OUT = Path(__file__).with_name("screenshots")

from PySide6.QtCore import QPoint  # noqa: E402 - after the platform is chosen
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def main() -> None:
    work = Path(tempfile.mkdtemp())
    os.environ["SAFELENS_HOME"] = str(work / "home")
    from desktop_app import SensitivityAnalyzer
    from desktop_app.analysis import testpattern
    from desktop_app.policy.settings import AgeBand
    from desktop_app.safety.rules import Guard, ViewerRules
    from desktop_app.surfaces.quarantine import Quarantine, QuarantineReason
    from desktop_app.ui.arrivals import ArrivalWindow
    from desktop_app.ui.tray import AgentActions, Notice, TrayAgent
    from tests.helpers.guardian import child_services

    app = QApplication.instance() or QApplication([])
    OUT.mkdir(exist_ok=True)
    inbox = work / "Inbox"
    inbox.mkdir()
    services = child_services(inbox, 2011)
    nothing = AgentActions(lambda: None, lambda: None, lambda: None, lambda _e: None)
    tray = TrayAgent(services.settings.policy, nothing)
    tray.menu.popup(QPoint(0, 0))
    QTest.qWait(100)
    tray.menu.grab().save(str(OUT / "agent-tray-menu.png"))
    tray.menu.hide()
    notice = Notice(
        "Someone shared something that may be sensitive",
        "SafeLens put it aside. You can see your choices.",
        lambda: None,
    )
    notice.show()
    QTest.qWait(100)
    notice.grab().save(str(OUT / "agent-notification.png"))
    notice.close()
    shared = testpattern.write_image(inbox / "shared.png", 480, 360)
    quarantine = Quarantine(work / "quarantine")
    entry = quarantine.add(shared, reason=QuarantineReason.sensitive, surface="share_folders")
    rules = ViewerRules(AgeBand.TEEN, "two_screens", region="GB")
    with SensitivityAnalyzer(workers=1):
        window = ArrivalWindow(entry, quarantine, Guard(rules))
        window.resize(640, 560)
        window.show()
        QTest.qWait(150)
        window.grab().save(str(OUT / "agent-arrival.png"))
        window.close()
    del app
    print(f"wrote screenshots to {OUT}")


if __name__ == "__main__":
    main()
