"""FlowWindow: a picture (or its blur) above the help card, for one piece of content.

The safe viewer and the window for something put aside share it: the flow's screens
decide what the picture view shows, the picture steps aside while the child reads help,
Esc and closing are the safe side, and closing stops any animation or video.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop_app.core.vocabulary import Surface
from desktop_app.safety.flow import Screen, ViewingFlow
from desktop_app.safety.rules import Guard

from ..tasks import BackgroundWork
from ..widgets.sensitive_view import SensitiveImageView, ViewState
from .screen import InterventionPanel


class FlowWindow(QWidget):
    """Signals:
    flow_changed(object): the flow's new Screen (also when it starts).
    """

    flow_changed = Signal(object)

    def __init__(self, guard: Guard, surface: Surface) -> None:
        super().__init__()
        self.guard = guard
        self.work = BackgroundWork(self)
        self.view = SensitiveImageView(self)
        self.view.open_elsewhere.connect(_open_in_its_app)
        self.panel = InterventionPanel(guard, surface, self)
        self.panel.screen_changed.connect(self._screen_changed)
        self.body_layout = QVBoxLayout(self)
        self.body_layout.addWidget(self.view, 1)
        self.body_layout.addWidget(self.panel)
        self.escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self.escape.activated.connect(self._escape)

    @property
    def flow(self) -> ViewingFlow | None:
        flow = self.panel.flow
        return flow if isinstance(flow, ViewingFlow) else None

    def show_content(self) -> None:
        """The flow reached CONTENT: show the real thing (the viewer reveals its file)."""
        self.view.reveal()

    def _screen_changed(self, screen: Screen) -> None:
        # While the child reads the help or the message, the card gets the whole window.
        self.view.setVisible(screen not in (Screen.HELP, Screen.TRUSTED_ADULT))
        if screen is Screen.CONTENT:
            self.show_content()
        elif self.view.state is ViewState.SHOWN:
            self.view.hide_again()
        self.flow_changed.emit(screen)
        if screen is Screen.CLOSED:
            self.close()

    def _escape(self) -> None:
        if not self.panel.escape():
            self.close()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.panel.focus_safe_choice()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.view.show_checking()  # stops a playing video or animation
        super().closeEvent(event)


def _open_in_its_app(path: str) -> None:
    """A checked PDF, archive or picture Qt cannot draw: the desktop's own app for it."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(path))
