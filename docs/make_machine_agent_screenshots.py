"""Render the agent's machine-mode screens offscreen: the "while you were away" summary (in
English and Spanish), the tray when the service is silent, and the help screens for a file
the service put aside.

Run: .venv/bin/python docs/make_machine_agent_screenshots.py
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
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402


def save(widget: QWidget, name: str) -> None:
    widget.show()
    QTest.qWait(150)
    widget.grab().save(str(OUT / name))
    widget.close()


def main() -> None:
    work = Path(tempfile.mkdtemp())
    os.environ["SAFELENS_HOME"] = str(work / "home")
    from desktop_app.policy.settings import AgeBand
    from desktop_app.safety.rules import Guard, ViewerRules
    from desktop_app.service.client import ServiceClient
    from desktop_app.service.machine_session import ServicePin, strictest_policy
    from desktop_app.service.notice_stream import PutAsideNotice
    from desktop_app.ui.i18n import install_language
    from desktop_app.ui.service_arrival import ServiceArrivalWindow
    from desktop_app.ui.tray import (
        AgentActions,
        Notice,
        TrayAgent,
        service_silent_text,
        while_away_text,
    )

    app = QApplication.instance() or QApplication([])
    OUT.mkdir(exist_ok=True)
    summary = Notice("While you were away", while_away_text(3), None)
    save(summary, "agent-machine-while-away.png")

    nothing = AgentActions(lambda: None, lambda: None, lambda: None, lambda _e: None)
    tray = TrayAgent(strictest_policy("kid"), nothing)
    tray.set_problem(service_silent_text())
    tray.menu.popup(QPoint(0, 0))
    QTest.qWait(100)
    tray.menu.grab().save(str(OUT / "agent-machine-tray-silent.png"))
    tray.menu.hide()

    client = ServiceClient(work / "no-service.sock")
    notice = PutAsideNotice(
        "x1", "2026-12-03T10:00:00+00:00", "share_folders", "sensitive", "picture", "beach.jpg"
    )
    rules = ViewerRules(AgeBand.UNDER13, "guardian_approval", region="GB")
    window = ServiceArrivalWindow(notice, Guard(rules), client, ServicePin(client))
    window.resize(640, 560)
    save(window, "agent-machine-arrival.png")

    install_language(app, "es")
    from desktop_app.ui.intervention.copy import translate

    spanish = Notice(translate("Agent", "While you were away"), while_away_text(3), None)
    save(spanish, "agent-machine-while-away-es.png")
    print(f"wrote screenshots to {OUT}")


if __name__ == "__main__":
    main()
