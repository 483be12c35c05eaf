"""FlowPanel: the help screens' words and buttons for one ViewingFlow, as a reusable widget.

The safe viewer lays the same pieces out inline; the picker (and later the tray's
notifications) embed this panel instead. Every button goes to ``safety.flow``; the
guardian's PIN is asked for with PinDialog, checked off the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.policy.guardian import GuardianPin
from desktop_app.safety.flow import Action, Screen, ViewingFlow
from desktop_app.safety.resources import help_for

from ..guardian.pin_dialog import PinDialog
from ..viewer import ViewerRules
from .copy import action_label, screen_text


class FlowPanel(QWidget):
    """Shows the flow's current screen and turns clicks into flow actions.

    Signals:
        screen_changed(str): the flow's new screen (also when a flow starts).
        guardian_approved(): the PIN was verified and the flow moved on.
    """

    screen_changed = Signal(str)
    guardian_approved = Signal()

    def __init__(
        self, rules: ViewerRules, pin: GuardianPin | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.rules, self.pin = rules, pin
        self.flow: ViewingFlow | None = None
        self.pin_dialog: PinDialog | None = None
        self.action_buttons: dict[Action, QPushButton] = {}
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.title.setWordWrap(True)
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        layout.addLayout(self.buttons)

    def start(self, flow: ViewingFlow) -> None:
        self.flow = flow
        self._render()

    def press(self, action: Action) -> None:
        """A button: the guardian's PIN is asked for here; everything else goes to the flow."""
        assert self.flow is not None
        if action is Action.APPROVED:
            self._ask_guardian()
            return
        self.flow.apply(action)
        self._render()

    def close_flow(self) -> None:
        """Esc or the window closing: always the safe side."""
        if self.flow is not None and Action.CLOSE in self.flow.actions():
            self.press(Action.CLOSE)

    def show_text(self, title: str, body: str) -> None:
        self.title.setText(title)
        self.title.setVisible(bool(title))
        self.body.setText(body)
        self.body.setVisible(bool(body))

    def _ask_guardian(self) -> None:
        if self.pin is None:
            self.show_text(*screen_text(Screen.GUARDIAN_APPROVAL, self.rules.band))
            return
        dialog = PinDialog(self.pin, self, prompt=self.tr("Guardian: type your PIN to allow this."))
        dialog.accepted.connect(self._approved)
        self.pin_dialog = dialog
        dialog.open()

    def _approved(self) -> None:
        assert self.flow is not None
        self.flow.apply(Action.APPROVED)
        self.guardian_approved.emit()
        self._render()

    def _render(self) -> None:
        assert self.flow is not None
        screen = self.flow.screen
        title, body = screen_text(screen, self.rules.band)
        if screen is Screen.HELP:
            body = self._help_text()
        elif screen is Screen.TRUSTED_ADULT:
            body = self._trusted_adult_text(body)
        self.show_text(title, body)
        self._set_buttons(self.flow.actions())
        self.screen_changed.emit(screen.value)

    def _set_buttons(self, actions: tuple[Action, ...]) -> None:
        while self.buttons.count():
            item = self.buttons.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # gone from the screen now, deleted when Qt is ready
                widget.deleteLater()
        self.action_buttons = {}
        for index, action in enumerate(a for a in actions if a is not Action.CLOSE):
            button = QPushButton(action_label(action))
            button.setAccessibleName(action_label(action))
            button.clicked.connect(lambda _=False, a=action: self.press(a))
            button.setDefault(index == 0)  # the first is always the safe choice
            self.buttons.addWidget(button)
            self.action_buttons[action] = button
        self.buttons.addStretch(1)
        if self.action_buttons:
            next(iter(self.action_buttons.values())).setFocus()

    def _help_text(self) -> str:
        found = help_for(self.rules.region, minor=self.rules.band.is_child)
        lines = []
        if found.emergency:
            lines.append(self.tr("In an emergency call {0}.").format(found.emergency))
        for item in found.resources:
            contact = " · ".join(v for v in (item.phone, item.url) if v)
            lines.append(
                f"{item.name}: {contact}\n    " + self.tr("Source: {0}").format(item.source)
            )
        return "\n".join(lines)

    def _trusted_adult_text(self, note: str) -> str:
        people = self.rules.trusted_adults
        if not people:
            return self.tr("No trusted adults were set up yet. You can tell a grown-up you trust.")
        message = self.tr("Hi, I got something that made me feel uncomfortable. Can we talk?")
        QGuiApplication.clipboard().setText(message)
        names = ", ".join(p["name"] for p in people)
        return self.tr('{0}\nA message is copied for you: "{1}"\nSend it to: {2}').format(
            note, message, names
        )
