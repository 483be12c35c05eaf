"""InterventionPanel: the help screens, one calm card driven only by the flow.

The viewer, the safe file picker and the sending dialog embed the same panel: it shows
``flow.screen`` (an icon, a title, short words, the region's help or the trusted adults)
and turns each button into ``flow.apply(action)``. The guardian's PIN is asked for here.
What the rules allow comes from the ``Guard`` (safety.rules) it is given; what happened
(outcomes, never content) is counted through it, off-thread.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QUrl, QUrlQuery, Signal
from PySide6.QtGui import QColor, QDesktopServices, QFont, QGuiApplication, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.vocabulary import EventKind, Surface
from desktop_app.safety.flow import Action, Screen, SendingFlow, ViewingFlow
from desktop_app.safety.resources import HelpResource, help_for
from desktop_app.safety.rules import Guard, count_for, found_kind

from ..guardian.pin_dialog import PinDialog
from ..tasks import BackgroundWork
from .copy import (
    action_description,
    action_label,
    kind_label,
    screen_text,
    translate,
    trusted_adult_message,
)
from .flow_layout import FlowLayout

Flow = ViewingFlow | SendingFlow

_ICONS = {
    Screen.WHY: "?",
    Screen.HELP: "♥",
    Screen.TRUSTED_ADULT: "♥",
    Screen.EXTRA_HELP: "♥",
    Screen.GUARDIAN_APPROVAL: "i",  # plain letters and symbols every desktop font has
    Screen.SENT: "✓",
    Screen.HELD: "✓",
    Screen.CLOSED: "✓",
}


class ScreenIcon(QWidget):
    """A round, calm symbol at the top of the card (drawn, so it scales with the text)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.symbol = "!"
        side = self.fontMetrics().height() * 3
        self.setFixedSize(QSize(side, side))

    def set_symbol(self, symbol: str) -> None:
        self.symbol = symbol
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.setBrush(palette.color(palette.ColorRole.Highlight))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(self.rect().adjusted(1, 1, -1, -1))
        font = QFont(self.font())
        font.setPixelSize(int(self.height() * 0.5))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(palette.color(palette.ColorRole.HighlightedText))
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.symbol)
        painter.end()


class InterventionPanel(QFrame):
    """Signals:
    screen_changed(object): the flow's new Screen (also when a flow starts).
    approved(): the guardian's PIN was accepted for this content.
    """

    screen_changed = Signal(object)
    approved = Signal()

    def __init__(
        self, guard: Guard, surface: Surface = Surface.viewer, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.guard, self.surface = guard, surface
        self.flow: Flow | None = None
        self.pin_dialog: PinDialog | None = None
        self._counted = 0
        self.work = BackgroundWork(self)
        self.setObjectName("interventionCard")
        self.setStyleSheet(
            "#interventionCard { background: palette(base); border: 1px solid palette(mid);"
            " border-radius: 10px; }"
        )
        self.icon = ScreenIcon(self)
        self.title = QLabel(self)
        title_font = QFont(self.font())
        title_font.setPointSizeF(max(title_font.pointSizeF(), 9.0) * 1.45)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.title.setWordWrap(True)
        self.body = QLabel(self)
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Help lists can be long (big text, long translations): they scroll, the buttons stay.
        self.extra_area = QScrollArea(self)
        self.extra_area.setWidgetResizable(True)
        self.extra_area.setFrameShape(QFrame.Shape.NoFrame)
        self.extra_area.setSizeAdjustPolicy(QScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.extra_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        holder = QWidget()
        holder.setObjectName("extraHolder")
        holder.setStyleSheet("#extraHolder { background: transparent; }")
        self.extra = QVBoxLayout(holder)
        self.extra.setContentsMargins(0, 0, 0, 0)
        self.extra.setSpacing(6)
        self.extra_area.setWidget(holder)
        self.extra_area.viewport().setAutoFillBackground(False)
        self.extra_area.hide()
        self.buttons = FlowLayout()
        self.action_buttons: dict[Action, QPushButton] = {}
        heading = QHBoxLayout()
        heading.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        words.addWidget(self.title)
        words.addWidget(self.body)
        heading.addLayout(words, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.addLayout(heading)
        layout.addWidget(self.extra_area, 1)
        layout.addLayout(self.buttons)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.hide()

    # --- what the host tells the panel ----------------------------------------------------

    def start(self, flow: Flow, *, counted_elsewhere: bool = False) -> None:
        """Show a flow from its first screen, counting what was found (sensitive, or could
        not check) unless the surface that found it counted it already."""
        self.flow = flow
        self._counted = 0
        if not counted_elsewhere:
            self._count(found_kind(flow.context))
        self.show()
        self.show_screen()

    def press(self, action: Action) -> None:
        """A button: the guardian's PIN is asked for here; everything else goes to the flow."""
        assert self.flow is not None
        if action is Action.APPROVED:
            self._ask_guardian()
            return
        self.flow.apply(action)
        self.show_screen()

    def escape(self) -> bool:
        """Esc: the safe side, from any screen. False when there was nothing to close."""
        if self.flow is not None and Action.CLOSE in self.flow.actions():
            self.press(Action.CLOSE)
            return True
        return False

    # --- drawing the screen -----------------------------------------------------------------

    def show_screen(self) -> None:
        assert self.flow is not None
        screen = self.flow.screen
        self._count_outcomes()
        title, body = screen_text(screen, self.guard.rules.band)
        self.icon.set_symbol(_ICONS.get(screen, "!"))
        self.title.setText(title)
        self.body.setText(body)
        self.setVisible(bool(title))
        self.setAccessibleName(title)
        self.setAccessibleDescription(body)
        self._clear(self.extra)
        self.extra_area.setVisible(screen in (Screen.HELP, Screen.TRUSTED_ADULT))
        if screen is Screen.HELP:
            self._show_help()
        elif screen is Screen.TRUSTED_ADULT:
            self._show_trusted_adults()
        self.extra.addStretch(1)  # the list sits at the top of its area
        self._set_buttons(self.flow.actions())
        self.screen_changed.emit(screen)

    def _set_buttons(self, actions: tuple[Action, ...]) -> None:
        self._clear(self.buttons)
        self.action_buttons = {}
        previous: QWidget | None = None
        for index, action in enumerate(a for a in actions if a is not Action.CLOSE):
            button = QPushButton(action_label(action), self)
            button.setAccessibleName(action_label(action))
            button.setAccessibleDescription(action_description(action))
            button.clicked.connect(lambda _=False, a=action: self.press(a))
            button.setDefault(index == 0)  # the first is always the safe choice
            button.setAutoDefault(True)
            self.buttons.addWidget(button)
            button.show()  # now, not on Qt's next turn: it takes the focus below
            self.action_buttons[action] = button
            if previous is not None:
                QWidget.setTabOrder(previous, button)
            previous = button
        self.focus_safe_choice()

    def focus_safe_choice(self) -> None:
        """The keyboard starts on the safe choice (Enter or Space picks it)."""
        if self.action_buttons:
            next(iter(self.action_buttons.values())).setFocus()

    @staticmethod
    def _clear(layout: QVBoxLayout | FlowLayout) -> None:
        while layout.count():
            item = layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # gone from the screen now, deleted when Qt is ready
                widget.deleteLater()

    def _add_extra(self, widget: QWidget) -> None:
        self.extra.addWidget(widget)
        widget.show()  # at once (with the card), not on Qt's next turn

    def _show_help(self) -> None:
        rules = self.guard.rules
        found = help_for(rules.region, minor=rules.band.is_child)
        if found.emergency:
            line = _label(
                translate("Intervention", "In an emergency, call {0}.").format(found.emergency),
                bold=True,
            )
            self._add_extra(line)
        for item in found.resources:
            self._add_extra(ResourceCard(item, self))

    def _show_trusted_adults(self) -> None:
        people = self.guard.rules.trusted_adults
        if not people:
            self._add_extra(
                _label(
                    translate(
                        "Intervention",
                        "No trusted adults were set up yet. You can tell a grown-up you trust.",
                    )
                )
            )
            return
        message = trusted_adult_message()
        self._add_extra(_label(translate("Intervention", "Your message:"), bold=True))
        quote = _label(f"“{message}”")
        quote.setObjectName("preparedMessage")
        self._add_extra(quote)
        for person in people:
            self._add_extra(TrustedAdultRow(person, message, self))

    # --- the guardian --------------------------------------------------------------------

    def _ask_guardian(self) -> None:
        pin = self.guard.pin
        if pin is None:
            self.body.setText(
                translate("Intervention", "No guardian PIN is set up on this computer yet.")
            )
            return
        dialog = PinDialog(
            pin,
            self,
            prompt=translate("Intervention", "Guardian: type your PIN to allow this."),
        )
        dialog.accepted.connect(self._approved)
        self.pin_dialog = dialog
        dialog.open()

    def _approved(self) -> None:
        assert self.flow is not None
        self.flow.apply(Action.APPROVED)
        self.approved.emit()
        self.show_screen()

    # --- counts (never content) ------------------------------------------------------------

    def _count_outcomes(self) -> None:
        assert self.flow is not None
        for outcome in self.flow.outcomes[self._counted :]:
            kind = count_for(outcome)
            if kind is not None:
                self._count(kind)
        self._counted = len(self.flow.outcomes)

    def _count(self, kind: EventKind) -> None:
        guard = self.guard
        if not guard.counts:
            return
        # A small SQLite write: off the GUI thread; a failed count never stops the child.
        self.work.run(guard.count, self.surface, kind, on_error=lambda _e: None)


class ResourceCard(QFrame):
    """One help resource: what it is for, how to reach it, and where the facts came from."""

    def __init__(self, item: HelpResource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resourceCard")
        self.setStyleSheet(
            "#resourceCard { background: palette(alternate-base); border-radius: 6px; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(2)
        layout.addWidget(_label(f"{item.name} — {kind_label(item.kind)}", bold=True))
        ways = [
            translate("Intervention", "Call {0}").format(item.phone) if item.phone else "",
            translate("Intervention", "Text {0}").format(item.sms) if item.sms else "",
            translate("Intervention", "Chat: {0}").format(item.chat_url) if item.chat_url else "",
            item.url if item.url != item.chat_url else "",
        ]
        for way in filter(None, ways):
            layout.addWidget(_label(way, selectable=True))
        if item.hours:
            layout.addWidget(_label(item.hours))
        source = _label(translate("Intervention", "Source: {0}").format(item.source), small=True)
        layout.addWidget(source)
        self.setAccessibleName(item.name)


class TrustedAdultRow(QFrame):
    """A trusted adult with ways to send the prepared message (never the content)."""

    def __init__(self, person: dict[str, str], message: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.person, self.message = person, message
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        contact = " · ".join(v for v in (person.get("email"), person.get("phone")) if v)
        layout.addWidget(_label(f"{person['name']}  {contact}", selectable=True), 1)
        self.copy_button = QPushButton(translate("Intervention", "Copy message"), self)
        self.copy_button.setAccessibleDescription(
            translate("Intervention", "Copies the message so you can paste it.")
        )
        self.copy_button.clicked.connect(self.copy_message)
        layout.addWidget(self.copy_button)
        self.mail_button: QPushButton | None = None
        if person.get("email"):
            self.mail_button = QPushButton(translate("Intervention", "Write email"), self)
            self.mail_button.setAccessibleDescription(
                translate("Intervention", "Opens your email app with the message ready.")
            )
            self.mail_button.clicked.connect(self.write_email)
            layout.addWidget(self.mail_button)

    def copy_message(self) -> None:
        QGuiApplication.clipboard().setText(self.message)
        self.copy_button.setText(translate("Intervention", "Copied"))

    def mail_url(self) -> QUrl:
        url = QUrl(f"mailto:{self.person['email']}")
        query = QUrlQuery()
        query.addQueryItem("subject", translate("Intervention", "Can we talk?"))
        query.addQueryItem("body", self.message)
        url.setQuery(query)
        return url

    def write_email(self) -> None:
        QDesktopServices.openUrl(self.mail_url())  # the mail app; nothing is attached


def _label(
    text: str, *, bold: bool = False, small: bool = False, selectable: bool = False
) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if bold or small:
        font = QFont(label.font())
        font.setBold(bold)
        if small:
            font.setPointSizeF(max(font.pointSizeF(), 9.0) * 0.85)
        label.setFont(font)
    if small:
        palette = label.palette()
        palette.setColor(
            palette.ColorRole.WindowText, QColor(palette.color(palette.ColorRole.PlaceholderText))
        )
        label.setPalette(palette)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
