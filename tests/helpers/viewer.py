"""The safe viewer opened and clicked as a child would."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app import SensitivityAnalyzer
from desktop_app.policy.approvals import Approvals
from desktop_app.policy.guardian import GuardianPin
from desktop_app.safety.flow import Action
from desktop_app.safety.rules import Guard, ViewerRules
from desktop_app.ui.viewer import ViewerWindow
from desktop_app.ui.widgets.sensitive_view import ViewState


def open_viewer(
    qtbot: QtBot,
    path: Path,
    analyzer: SensitivityAnalyzer,
    rules: ViewerRules,
    *,
    pin: GuardianPin | None = None,
    approvals: Approvals | None = None,
) -> ViewerWindow:
    window = ViewerWindow(path, analyzer, Guard(rules, pin, approvals))
    qtbot.addWidget(window)
    window.resize(640, 640)
    window.show()
    qtbot.waitUntil(
        lambda: window.view.state is ViewState.SHOWN or window.flow is not None, timeout=30_000
    )
    return window


def click(qtbot: QtBot, window: ViewerWindow, action: Action) -> None:
    qtbot.mouseClick(window.action_buttons[action], Qt.MouseButton.LeftButton)
