"""The PIN-gated guardian console: a sidebar of pages over the guardian's stores.

Open it through ``GuardianLauncher`` (launcher.py), which asks for the PIN first and hands
the console a guardian's session (sessions.py): this account's own stores with the PIN's
proof (single-account mode), or the per-machine service with the token its PIN opened
(machine mode). Either way what turns protection down goes through ``GuardianActions``
(service/actions.py), as in the CLI and the arrival window. Every read and write runs on
the console's own worker thread; each change comes back with the saved state, so what the
pages show is always what is stored.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.storage import StorageError
from desktop_app.core.vocabulary import EventKind
from desktop_app.policy.editor import SettingLocked
from desktop_app.policy.guardian import GuardianError
from desktop_app.policy.profiles import ProfileError
from desktop_app.policy.settings import InvalidValue
from desktop_app.safety.events import EventStoreError
from desktop_app.service.action_errors import DiskFull
from desktop_app.service.client import ServiceUnavailable
from desktop_app.surfaces.quarantine import QuarantineError

from ..tasks import BackgroundWork
from .activity import ActivityPage
from .overview_page import OverviewPage
from .pages import ApprovalsPage, ConsolePage, SettingsPage, heading
from .pin_page import ChangePinPage, pin_words
from .profiles_page import ProfilesPage
from .quarantine_page import QuarantinePage, quarantine_words
from .sessions import Change, GuardianSession, apply_change
from .setup import machine_accounts
from .snapshot import Activity, ConsoleSnapshot
from .widgets import bold

BANNER_STYLE = (
    "QFrame#problemBanner { background: #fff4ce; border: 1px solid #d9a400; border-radius: 4px; }"
    " QFrame#problemBanner QLabel { color: #1f1f1f; }"
)


class ProblemBanner(QFrame):
    """Shown above every page while the settings need the guardian's attention.

    Signals:
        reviewed(): the guardian pressed "I've reviewed this".
    """

    reviewed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemBanner")
        self.setStyleSheet(BANNER_STYLE)
        self.setAccessibleName(self.tr("Settings need your attention"))
        self.title = bold(QLabel(self.tr("Please check these settings")))
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.button = QPushButton(self.tr("I've &reviewed this"))
        self.button.setAccessibleName(self.tr("I've reviewed these settings"))
        self.button.setAccessibleDescription(
            self.tr("Saves the settings as they are shown now and ends the strictest protection")
        )
        self.button.clicked.connect(self.reviewed)
        text_column = QVBoxLayout()
        text_column.addWidget(self.title)
        text_column.addWidget(self.details)
        layout = QHBoxLayout(self)
        layout.addLayout(text_column, 1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_problems(self, snapshot: ConsoleSnapshot) -> None:
        lines = [f"• {problem}" for problem in snapshot.reviewable]
        school = [p for p in snapshot.problems if p not in snapshot.reviewable]
        if school:
            lines.append(self.tr("Problems in your school's policy files (tell your IT team):"))
            lines += [f"• {problem}" for problem in school]
        self.details.setText("\n".join(lines))
        self.details.setAccessibleName("\n".join(lines))
        self.button.setVisible(bool(snapshot.reviewable))
        self.setVisible(bool(snapshot.problems))


class GuardianConsole(QMainWindow):
    """Overview (the mode, every account's health), profiles, protections, share folders,
    trusted adults, school, privacy, PIN, approvals, quarantine, activity.

    Signals:
        loaded(): the first snapshot is on screen (the pages exist from then on).
        changed(): a change finished (saved, or refused with an inline message).
    """

    loaded = Signal()
    changed = Signal()

    def __init__(
        self,
        session: GuardianSession,
        parent: QWidget | None = None,
        work: BackgroundWork | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session  # opened by the PIN: the console's changes go through it
        self.work = work or BackgroundWork(self)
        self.snapshot: ConsoleSnapshot | None = None
        self._activity_request = 0
        self.setWindowTitle(self.tr("SafeLens — Guardian console"))
        self.setAccessibleName(self.tr("Guardian console"))
        line = self.fontMetrics().height()
        self.resize(line * 68, line * 46)

        self.banner = ProblemBanner()
        self.banner.reviewed.connect(self._reviewed)
        self.sidebar = QListWidget()
        self.sidebar.setAccessibleName(self.tr("Console pages"))
        self.sidebar.setSpacing(max(2, line // 6))
        self.stack = QStackedWidget()
        self.loading = QLabel(self.tr("Loading…"))
        self.stack.addWidget(self.loading)
        self.sidebar.currentRowChanged.connect(self.stack.setCurrentIndex)
        panes = QHBoxLayout()
        panes.addWidget(self.sidebar)
        panes.addWidget(self.stack, 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.banner)
        layout.addLayout(panes, 1)
        self.setCentralWidget(central)
        self.statusBar().setAccessibleName(self.tr("Console status"))

        close = QAction(self.tr("Close"), self)
        close.setShortcut(QKeySequence(QKeySequence.StandardKey.Close))
        close.triggered.connect(self.close)
        self.addAction(close)

        self.pages: dict[str, ConsolePage] = {}
        self.settings_pages: dict[str, SettingsPage] = {}
        self.statusBar().showMessage(self.tr("Loading…"))
        self.work.run(session.snapshot, on_result=self._first, on_error=self._failed)

    # --- building ---------------------------------------------------------------------------

    def _first(self, snapshot: ConsoleSnapshot) -> None:
        self._build_pages(snapshot)
        self.stack.removeWidget(self.loading)
        for page in self.pages.values():
            self.stack.addWidget(page)
            item = QListWidgetItem(page.title)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, page.title)
            self.sidebar.addItem(item)
        width = max(self.sidebar.sizeHintForColumn(0), self.fontMetrics().height() * 8)
        frame = 4 * self.sidebar.frameWidth() + 2 * self.sidebar.spacing()
        self.sidebar.setFixedWidth(width + frame)
        self.sidebar.setCurrentRow(0)
        self._show(snapshot)
        self.statusBar().clearMessage()
        self.work.run(
            machine_accounts,
            on_result=self.profiles_page.form.set_accounts,
            on_error=lambda _error: None,
        )
        if self.session.has_activity:
            self._load_activity(None, EventKind.sensitive.value)
        self.sidebar.setFocus()
        self.loaded.emit()

    def _build_pages(self, snapshot: ConsoleSnapshot) -> None:
        fields = snapshot.fields
        self.overview_page = OverviewPage(self.session.mode)
        self.pages["overview"] = self.overview_page
        self.profiles_page = ProfilesPage()
        self.profiles_page.add_requested.connect(self._add_profile)
        self.profiles_page.remove_requested.connect(self._remove_profile)
        self.pages["profiles"] = self.profiles_page
        intros = {
            "protection": (
                self.tr("Protections"),
                self.tr(
                    "What SafeLens checks and what happens when something may be sensitive, "
                    "for each age band. Changes are saved at once."
                ),
            ),
            "share_folders": (
                self.tr("Share folders"),
                self.tr(
                    "Folders where files from other devices arrive (downloads, nearby share, "
                    "Bluetooth) are checked as files land; outgoing folders before files leave."
                ),
            ),
            "help": (
                self.tr("Trusted adults"),
                self.tr(
                    "People a child can message from the help screens. The message never "
                    "includes the picture or video."
                ),
            ),
            "school": (
                self.tr("School & test mode"),
                self.tr(
                    "Settings for school computer labs. A school usually sets these for every "
                    "computer through a managed policy; those are shown locked."
                ),
            ),
            "privacy": (
                self.tr("Privacy"),
                self.tr(
                    "What you are told and how long counts are kept. SafeLens never keeps or "
                    "sends pictures, file names or paths."
                ),
            ),
        }
        for section, (title, intro) in intros.items():
            page = SettingsPage(
                title, intro, fields[section], group_by_band=section == "protection"
            )
            page.edited.connect(self._set_value)
            page.reset_requested.connect(self._reset_value)
            self.settings_pages[section] = page
            self.pages[section] = page
        privacy = self.settings_pages["privacy"]
        self.pin_store = QLabel()
        self.pin_store.setWordWrap(True)
        self.pin_store.setAccessibleName(self.tr("Where the PIN is kept"))
        privacy.body.insertWidget(privacy.body.count() - 2, heading(self.tr("Your PIN")))
        privacy.body.insertWidget(privacy.body.count() - 2, self.pin_store)
        self.pin_page = ChangePinPage()
        self.pin_page.change_requested.connect(self._change_pin)
        self.pages["pin"] = self.pin_page
        self.approvals_page = ApprovalsPage()
        self.approvals_page.revoke_requested.connect(self._revoke)
        self.pages["approvals"] = self.approvals_page
        self.quarantine_page = QuarantinePage()
        self.quarantine_page.restore_to_button.setVisible(self.session.can_restore_to)
        self.quarantine_page.restore_requested.connect(self._restore_quarantined)
        self.quarantine_page.delete_requested.connect(self._delete_quarantined)
        self.pages["quarantine"] = self.quarantine_page
        self.activity_page = ActivityPage(available=self.session.has_activity)
        self.activity_page.wanted.connect(self._load_activity)
        self.pages["activity"] = self.activity_page

    def show_page(self, key: str) -> None:
        """Switch to a page by key ('overview', 'profiles', 'protection', ..., 'activity')."""
        self.sidebar.setCurrentRow(list(self.pages).index(key))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        line = self.fontMetrics().height()
        return QSize(line * 68, line * 46)

    # --- showing ----------------------------------------------------------------------------

    def _show(self, snapshot: ConsoleSnapshot) -> None:
        self.snapshot = snapshot
        self.banner.show_problems(snapshot)
        self.overview_page.show_snapshot(snapshot)
        for section, page in self.settings_pages.items():
            page.show_fields(snapshot.fields[section])
        self.profiles_page.show_snapshot(snapshot)
        self.approvals_page.show_snapshot(snapshot)
        self.quarantine_page.show_snapshot(snapshot)
        self.activity_page.set_profiles(snapshot.profiles)
        self.pin_store.setText(snapshot.pin_store)

    # --- changes (each runs on the worker, then the saved state is shown) -------------------

    def _change(
        self,
        change: Change,
        on_refused: Callable[[str], None],
        on_saved: Callable[[], None] | None = None,
        words: Callable[[Exception], str] | None = None,
    ) -> None:
        self.statusBar().showMessage(self.tr("Saving…"))
        plain = words or self.plain_words

        def done(outcome: tuple[Exception | None, ConsoleSnapshot]) -> None:
            error, snapshot = outcome
            self._show(snapshot)
            if error is None:
                self.statusBar().showMessage(self.tr("Saved."), 4000)
                if on_saved is not None:
                    on_saved()
            else:
                self.statusBar().showMessage(self.tr("Not saved."), 4000)
                on_refused(plain(error))
            self.changed.emit()

        self.work.run(apply_change, self.session, change, on_result=done, on_error=self._failed)

    def _set_value(self, key: str, value: object) -> None:
        page = self._page_for(key)
        self._change(
            lambda s: s.set_value(key, value),
            lambda message: page.show_field_error(key, message),
        )

    def _reset_value(self, key: str) -> None:
        page = self._page_for(key)
        self._change(
            lambda s: s.reset_value(key),
            lambda message: page.show_field_error(key, message),
        )

    def _add_profile(self, name: str, os_user: str, birth_year: object) -> None:
        year = birth_year if isinstance(birth_year, int) else None
        self._change(
            lambda s: s.add_profile(name, os_user, year),
            self.profiles_page.form.show_error,
            self.profiles_page.profile_added,
        )

    def _remove_profile(self, profile_id: str) -> None:
        self._change(lambda s: s.remove_profile(profile_id), self.profiles_page.show_error)

    def _revoke(self, sha256: str, profile_id: str) -> None:
        self._change(lambda s: s.revoke(sha256, profile_id), self.approvals_page.show_error)

    def _restore_quarantined(self, entry_id: str, folder: object) -> None:
        page = self.quarantine_page
        entry = next((e for e in page.entries if e.id == entry_id), None)
        to = folder if isinstance(folder, Path) else None
        placed: list[Path] = []  # filled on the worker, read here once the change is back

        def restore(session: GuardianSession) -> None:
            placed.append(session.restore(entry_id, to))

        def restored() -> None:
            if entry is not None and placed:
                page.show_restored(entry, placed[0])

        self._change(restore, page.show_error, restored)

    def _delete_quarantined(self, entry_id: str) -> None:
        page = self.quarantine_page
        self._change(lambda s: s.delete(entry_id), page.show_error, page.show_deleted)

    def _change_pin(self, current: str, new: str, again: str) -> None:
        page = self.pin_page
        self._change(
            lambda s: s.change_pin(current, new, again),
            page.show_refused,
            page.show_changed,
            words=pin_words,
        )

    def _reviewed(self) -> None:
        self._change(
            lambda s: s.confirm_reviewed(),
            lambda message: self.statusBar().showMessage(message),
        )

    def _page_for(self, key: str) -> SettingsPage:
        return next(page for page in self.settings_pages.values() if key in page.editors)

    def _load_activity(self, profile_id: object, kind: str) -> None:
        if not self.session.has_activity:
            return
        self._activity_request += 1
        request = self._activity_request

        def show(activity: Activity) -> None:
            if request == self._activity_request:  # an answer to an older choice is dropped
                self.activity_page.show_activity(activity)

        who = profile_id if isinstance(profile_id, str) else None
        self.work.run(
            self.session.activity, who, EventKind(kind), on_result=show, on_error=self._failed
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.work.run(self.session.close)  # a console opened again asks for the PIN
        super().closeEvent(event)

    def _failed(self, error: BaseException) -> None:
        """Not an expected refusal: say so in plain words, and show what is stored."""
        message = self.tr("Something went wrong: {0}").format(str(error) or type(error).__name__)
        self.statusBar().showMessage(message)
        page = self.stack.currentWidget()
        if isinstance(page, ConsolePage):
            page.show_error(message)
        if isinstance(page, ChangePinPage):
            page.set_busy(False)
        self.work.run(
            self.session.snapshot,
            on_result=self._after_failure,
            on_error=lambda _error: None,
        )

    def _after_failure(self, snapshot: ConsoleSnapshot) -> None:
        if self.pages:
            self._show(snapshot)
        else:
            self._first(snapshot)
        self.changed.emit()

    def plain_words(self, error: Exception) -> str:
        """A refusal as the guardian reads it (never a traceback)."""
        if isinstance(error, SettingLocked):
            return self.tr(
                "Your school sets this (policy {0}), so it can't be changed here."
            ).format(error.origin)
        if isinstance(error, InvalidValue):
            return self.tr("This can't be saved: it {0}.").format(error)
        if isinstance(error, DiskFull):
            return quarantine_words(error)
        if isinstance(error, StorageError):
            return self.tr("SafeLens couldn't save this change ({0}). Nothing was changed.").format(
                error
            )
        if isinstance(error, GuardianError):
            return pin_words(error)
        if isinstance(error, ProfileError | EventStoreError):
            return str(error)
        if isinstance(error, QuarantineError):
            return quarantine_words(error)
        if isinstance(error, ServiceUnavailable):
            return self.tr("The SafeLens service did not answer, so nothing was changed.")
        return self.tr("This can't be saved: {0}.").format(error)
