"""The background agent: share folders watched, a tray icon, notifications that open the flow.

It runs for the logged-in user (started at login by the autostart entry). Folder events
arrive on the watcher's thread and reach the GUI thread through a future (ui/tasks.py).
Where the desktop has no tray (GNOME without an extension, the offscreen tests), the
same notification appears as a small SafeLens window instead. The worker processes are
supervised by the analyzer: a crashed worker is restarted and the agent carries on.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass

from PySide6.QtCore import QObject, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPainterPath, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.vocabulary import EventKind, Surface
from desktop_app.policy.effective import EffectivePolicy
from desktop_app.service.notice_stream import PutAsideNotice
from desktop_app.surfaces.agent import Heartbeat
from desktop_app.surfaces.share_folders import FolderEvent, FolderEventKind

from .intervention.copy import translate
from .tasks import BackgroundWork, FutureWatcher


@dataclass(frozen=True)
class AgentActions:
    """What the menu opens; app.py builds these from the services."""

    open_file: Callable[[], object]
    contacts: Callable[[], object]
    guardian: Callable[[], object]
    open_arrival: Callable[[FolderEvent], object]
    quit: Callable[[], object] | None = None  # None for a protected child: no Quit
    open_notice: Callable[[PutAsideNotice], object] | None = None  # machine mode's arrivals


@dataclass(frozen=True)
class _WhileAway:
    count: int


@dataclass(frozen=True)
class _ServiceAnswers:
    answers: bool


def status_text(policy: EffectivePolicy, problem: str | None = None) -> str:
    """One line for the tray: is protection on, and who decided."""
    if problem:
        return translate("Agent", "Protection needs a guardian: {0}").format(problem)
    if not policy.profile.protected:
        return translate("Agent", "Protection off on this account")
    if any(value.locked for value in policy.values.values()):
        return translate("Agent", "Protection on — set by your school")
    return translate("Agent", "Protection on")


def shield_icon(on: bool = True) -> QIcon:
    """A drawn shield (no image files to ship), teal when on, grey when off."""
    pixmap = QPixmap(64, 64)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    path = QPainterPath(QPointF(32, 4))
    path.cubicTo(QPointF(44, 10), QPointF(54, 10), QPointF(58, 10))
    path.cubicTo(QPointF(58, 36), QPointF(48, 52), QPointF(32, 60))
    path.cubicTo(QPointF(16, 52), QPointF(6, 36), QPointF(6, 10))
    path.cubicTo(QPointF(10, 10), QPointF(20, 10), QPointF(32, 4))
    painter.fillPath(path, QColor("#1f8a8a" if on else "#8a8a8a"))
    painter.setPen(QColor("white"))
    font = painter.font()
    font.setPixelSize(30)
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, "✓" if on else "!")
    painter.end()
    return QIcon(pixmap)


class Notice(QWidget):
    """The notification as a small window, for desktops without a tray."""

    def __init__(self, title: str, message: str, on_open: Callable[[], object] | None) -> None:
        super().__init__(None, Qt.WindowType.Tool | Qt.WindowType.WindowStaysOnTopHint)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setAccessibleDescription(message)
        words = QLabel(f"<b>{title}</b><br>{message}")
        words.setWordWrap(True)
        icon = QLabel()
        icon.setPixmap(shield_icon().pixmap(40, 40))
        self.open_button = QPushButton(translate("Agent", "See your choices"))
        self.open_button.setDefault(True)
        self.later_button = later = QPushButton(translate("Agent", "Later"))
        if on_open is None:  # a summary: nothing to open
            self.open_button.hide()
            later.setText(translate("Agent", "OK"))
            later.setDefault(True)
        else:
            opener = on_open
            self.open_button.clicked.connect(lambda: (self.close(), opener()))
        later.clicked.connect(self.close)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(words, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(later)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)


class TrayAgent(QObject):
    """Signals:
    notified(str, str): (title, message) of a notification just shown.
    """

    notified = Signal(str, str)

    def __init__(
        self,
        policy: EffectivePolicy,
        actions: AgentActions,
        *,
        heartbeat: Heartbeat | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.policy, self.actions, self.heartbeat = policy, actions, heartbeat
        self.latest: FolderEvent | None = None
        self._open_latest: Callable[[], object] | None = None
        self.notices: list[Notice] = []
        self.events = FutureWatcher(self)
        self.events.finished.connect(lambda _token, event: self._arrived(event))
        self.menu = QMenu()
        self.status_action = QAction(status_text(policy), self.menu)
        self.status_action.setEnabled(False)
        self.menu.addAction(self.status_action)
        self.menu.addSeparator()
        self._add(translate("Agent", "Open a picture or video safely…"), actions.open_file)
        self._add(translate("Agent", "Contacts…"), actions.contacts)
        self._add(translate("Agent", "Guardian settings…"), actions.guardian)
        if actions.quit is not None:
            self.menu.addSeparator()
            self._add(translate("Agent", "Quit SafeLens"), actions.quit)
        self.tray = QSystemTrayIcon(shield_icon(policy.profile.protected), self)
        self.tray.setToolTip(f"SafeLens — {self.status_action.text()}")
        self.tray.setContextMenu(self.menu)
        self.tray.messageClicked.connect(self.open_latest)
        self.beat_timer = QTimer(self)
        self.work = BackgroundWork(self)
        if heartbeat is not None:
            self.beat_timer.setInterval(int(heartbeat.interval_s * 1000))
            beat = heartbeat.beat
            self.beat_timer.timeout.connect(lambda: self.work.run(beat))  # a small file write

    def _add(self, text: str, action: Callable[[], object]) -> QAction:
        item = QAction(text, self.menu)
        item.triggered.connect(lambda _checked=False: action())
        self.menu.addAction(item)
        return item

    def start(self) -> None:
        if self.heartbeat is not None:
            # It may record a tamper count (an SQLite write): off the GUI thread, like beats.
            self.work.run(self.heartbeat.start)
            self.beat_timer.start()
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray.show()

    def stop(self) -> None:
        self.beat_timer.stop()
        if self.heartbeat is not None:
            self.heartbeat.stop()
        self.tray.hide()

    def set_problem(self, problem: str | None) -> None:
        """Say what needs a guardian (None: all is well again); the shield shows "!" meanwhile."""
        self.tray.setIcon(shield_icon(self.policy.profile.protected and problem is None))
        self.status_action.setText(status_text(self.policy, problem))
        self.tray.setToolTip(f"SafeLens — {self.status_action.text()}")

    # --- folder events (any thread) -> the GUI thread --------------------------------------

    def deliver(self, event: FolderEvent) -> None:
        """Called on the watcher's thread: hands the event to the GUI thread."""
        self._hand_over(event)

    def deliver_notice(self, notice: PutAsideNotice) -> None:
        """Machine mode, the notice stream's thread: the service put something aside."""
        self._hand_over(notice)

    def while_away(self, count: int) -> None:
        """Machine mode, any thread: what was put aside while no agent ran, in one notice."""
        self._hand_over(_WhileAway(count))

    def service_answers(self, answers: bool) -> None:
        """Machine mode, any thread: the service stopped (or went back to) answering."""
        self._hand_over(_ServiceAnswers(answers))

    def _hand_over(self, item: object) -> None:
        carried: Future[object] = Future()
        self.events.watch(carried)
        carried.set_result(item)

    def _arrived(self, item: object) -> None:
        if isinstance(item, FolderEvent):
            self._folder_event(item)
        elif isinstance(item, PutAsideNotice):
            self._service_notice(item)
        elif isinstance(item, _WhileAway):
            self.notify(translate("Agent", "While you were away"), while_away_text(item.count))
        elif isinstance(item, _ServiceAnswers):
            self.set_problem(None if item.answers else service_silent_text())

    def _service_notice(self, notice: PutAsideNotice) -> None:
        open_notice = self.actions.open_notice
        on_open = None if open_notice is None else (lambda: open_notice(notice))
        if notice.held:
            self.notify(
                translate("Agent", "A file is waiting before it is sent"),
                translate("Agent", "It may be sensitive. You can choose what happens."),
                on_open=on_open,
            )
        else:
            self.notify(
                translate("Agent", "Someone shared something that may be sensitive"),
                translate("Agent", "SafeLens put it aside. You can see your choices."),
                on_open=on_open,
            )

    def _folder_event(self, event: FolderEvent) -> None:
        if event.event is FolderEventKind.QUARANTINED:
            self.latest = event
            self.notify(
                translate("Agent", "Someone shared something that may be sensitive"),
                translate("Agent", "SafeLens put it aside. You can see your choices."),
                event,
            )
        elif event.event is FolderEventKind.HELD:
            self.latest = event
            self.notify(
                translate("Agent", "A file is waiting before it is sent"),
                translate("Agent", "It may be sensitive. You can choose what happens."),
                event,
            )

    def notify(
        self,
        title: str,
        message: str,
        event: FolderEvent | None = None,
        *,
        on_open: Callable[[], object] | None = None,
    ) -> None:
        """A tray message (its click opens the latest), or a small window for this event."""
        if on_open is None and event is not None:
            target = event
            on_open = lambda: self.actions.open_arrival(target)  # noqa: E731 - one line
        if on_open is not None:
            self._open_latest = on_open
        if self.tray.isVisible() and QSystemTrayIcon.supportsMessages():
            self.tray.showMessage(title, message, shield_icon(), 15_000)
        else:
            notice = Notice(title, message, on_open)
            self.notices = [n for n in self.notices if n.isVisible()] + [notice]
            notice.show()
        self.notified.emit(title, message)

    def open_latest(self) -> None:
        if self._open_latest is not None:
            self._open_latest()


def while_away_text(count: int) -> str:
    """The calm summary when the agent starts (one file, or more: es/fr/de need no more forms)."""
    if count == 1:
        return translate("Agent", "While you were away, SafeLens put aside 1 file.")
    return translate("Agent", "While you were away, SafeLens put aside {0} files.").format(count)


def service_silent_text() -> str:
    """The tray's line when the service should protect this account and does not answer."""
    return translate("Agent", "the SafeLens service is not running")


def tamper_recorder(
    record: Callable[[str, Surface, EventKind], object], profile_id: str | None
) -> Callable[[str], None]:
    """The heartbeat's tamper reports as counts for the child's profile (nothing else)."""

    def on_tamper(_reason: str) -> None:
        if profile_id is not None:
            record(profile_id, Surface.agent, EventKind.tamper)

    return on_tamper
