"""SendDialog: "Are you sure you want to send this?" before a held file may leave.

Driven by the sending flow (safety.flow.SendingFlow): under 13 sending is blocked and help
is offered; 13-17 get the legal note in plain words and choose; Esc or closing = don't send.
The dialog is accepted only when the flow ends in SENT.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from desktop_app.core.vocabulary import Surface
from desktop_app.safety.flow import Screen, SendingFlow
from desktop_app.safety.rules import Guard

from .copy import translate
from .screen import InterventionPanel


class SendDialog(QDialog):
    def __init__(
        self,
        guard: Guard,
        *,
        surface: Surface = Surface.share_folders,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Intervention", "SafeLens — sending a file"))
        self.panel = InterventionPanel(guard, surface, self)
        self.panel.screen_changed.connect(self._screen_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        self.escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self.escape.activated.connect(self.panel.escape)
        self.flow = SendingFlow(guard.rules.context())
        self.panel.start(self.flow)

    def fit(self) -> None:
        """Tall enough for every wrapped line at the current width (long translations, big text)."""
        layout = self.layout()
        width = max(self.width(), self.fontMetrics().averageCharWidth() * 60)
        height = layout.totalHeightForWidth(width) if layout is not None else -1
        if height > 0:
            self.setMinimumHeight(height)
            self.resize(width, height)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.fit()

    def _screen_changed(self, screen: Screen) -> None:
        QTimer.singleShot(0, self.fit)
        if screen is Screen.SENT:
            self.accept()
        elif screen is Screen.HELD:
            self.reject()

    def reject(self) -> None:  # Esc from Qt itself, or the window's close button
        if self.flow.screen not in (Screen.HELD, Screen.SENT):
            self.panel.escape()  # the flow lands on HELD, which rejects
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.flow.screen not in (Screen.HELD, Screen.SENT):
            self.panel.escape()
        super().closeEvent(event)
