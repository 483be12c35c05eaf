"""The guardian console's pages. They show snapshots and ask for changes with signals.

No page reads or writes a store: the console runs every change on its worker thread
and hands each page the saved state back (see ``snapshot.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QDateTime, QLocale, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.policy.approvals import Approval
from desktop_app.policy.editor import Field
from desktop_app.policy.settings import ALL_BANDS, CHILD_BANDS, AgeBand

from . import text
from .fields import FieldEditor
from .snapshot import ConsoleSnapshot
from .widgets import button_row, error_label, fit_rows, read_only_table

SHORT_HASH = 12


def heading(title: str) -> QLabel:
    label = QLabel(title)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 1.35)
    font.setBold(True)
    label.setFont(font)
    label.setAccessibleName(title)
    return label


class ConsolePage(QScrollArea):
    """A titled, scrollable page (long pages and large text never get clipped)."""

    def __init__(self, title: str, intro: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName(title)
        body = QWidget()
        self.body = QVBoxLayout(body)
        self.body.addWidget(heading(title))
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.body.addWidget(self.intro)
        self.error = error_label()
        self.error.setAccessibleName(self.tr("Problem on this page"))
        self.setWidget(body)

    def finish(self) -> None:
        """Call after adding the page's own widgets: errors last, then room to grow."""
        self.body.addWidget(self.error)
        self.body.addStretch(1)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))


def bands_title(bands: frozenset[AgeBand]) -> str:
    if bands == ALL_BANDS:
        return text.translate("GuardianText", "Everyone")
    if bands == CHILD_BANDS:
        return text.translate("GuardianText", "Children (under 18)")
    return ", ".join(text.band_name(b) for b in sorted(bands, key=list(AgeBand).index))


class SettingsPage(ConsolePage):
    """The fields of one settings section, grouped by the age bands they apply to.

    Signals:
        edited(str, object): (key, value) to be saved.
        reset_requested(str): (key) to go back to the default.
    """

    edited = Signal(str, object)
    reset_requested = Signal(str)

    def __init__(
        self,
        title: str,
        intro: str,
        fields: Sequence[Field],
        group_by_band: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, intro, parent)
        self.editors: dict[str, FieldEditor] = {}
        groups: dict[frozenset[AgeBand], QVBoxLayout] = {}
        for field in fields:
            editor = FieldEditor(field)
            if editor.title is not None and text.setting_title(field.setting) == title:
                editor.title.hide()  # the page's own heading already says it
            editor.edited.connect(self.edited)
            editor.reset_requested.connect(self.reset_requested)
            self.editors[field.setting.key] = editor
            if not group_by_band:
                self.body.addWidget(editor)
                self.body.addSpacing(self.fontMetrics().height() // 2)
                continue
            bands = field.setting.bands
            if bands not in groups:
                box = QGroupBox(bands_title(bands))
                groups[bands] = QVBoxLayout(box)
                self.body.addWidget(box)
            groups[bands].addWidget(editor)
        self.finish()

    def show_fields(self, fields: Sequence[Field]) -> None:
        for field in fields:
            editor = self.editors.get(field.setting.key)
            if editor is None:
                continue
            # also when the stored value is unchanged but the control shows a refused edit
            if editor.field != field or editor.control.value() != field.effective.value:
                editor.set_field(field)

    def show_field_error(self, key: str, message: str) -> None:
        editor = self.editors.get(key)
        if editor is None:
            self.show_error(message)
        else:
            editor.show_error(message)


class ApprovalsPage(ConsolePage):
    """Files a guardian said a child may open, by content hash; each can be revoked.

    Signals:
        revoke_requested(str, str): (sha256, profile_id).
    """

    revoke_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Remembered approvals"),
            self.tr(
                "When you approve a file for a child and ask SafeLens to remember it, the "
                "child can open that exact file again without asking. Files are known only "
                "by a fingerprint of their content — never by name or picture."
            ),
            parent,
        )
        self.entries: list[Approval] = []
        self.table = read_only_table(
            [self.tr("File fingerprint"), self.tr("Child"), self.tr("Approved on")],
            self.tr("Remembered approvals"),
        )
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.empty = QLabel(self.tr("No approvals are remembered."))
        self.revoke_button = QPushButton(self.tr("Re&voke approval"))
        self.revoke_button.setAccessibleName(self.tr("Revoke the selected approval"))
        self.revoke_button.setEnabled(False)
        self.revoke_button.clicked.connect(self._revoke)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.body.addWidget(self.problem)
        self.body.addWidget(self.table)
        self.body.addWidget(self.empty)
        self.body.addLayout(button_row(self.revoke_button))
        self.finish()

    def show_snapshot(self, snapshot: ConsoleSnapshot) -> None:
        self.entries = list(snapshot.approvals)
        self.table.setRowCount(len(self.entries))
        for index, entry in enumerate(self.entries):
            name = snapshot.profile_name(entry.profile_id) or self.tr("Removed profile")
            short = QTableWidgetItem(entry.sha256[:SHORT_HASH] + "…")
            short.setToolTip(entry.sha256)
            short.setData(Qt.ItemDataRole.AccessibleTextRole, entry.sha256[:SHORT_HASH])
            self.table.setItem(index, 0, short)
            self.table.setItem(index, 1, QTableWidgetItem(name))
            self.table.setItem(index, 2, QTableWidgetItem(local_time(entry.approved_at)))
        fit_rows(self.table, len(self.entries), 2, 10)
        self.empty.setVisible(not self.entries)
        self.table.setVisible(bool(self.entries))
        self.problem.setText(snapshot.approvals_problem or "")
        self.problem.setVisible(bool(snapshot.approvals_problem))
        self._update_buttons()

    def _selected(self) -> Approval | None:
        rows = self.table.selectionModel().selectedRows()
        return self.entries[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        self.revoke_button.setEnabled(self._selected() is not None)

    def _revoke(self) -> None:
        entry = self._selected()
        if entry is not None:
            self.revoke_requested.emit(entry.sha256, entry.profile_id)


def local_time(stamp: str) -> str:
    """An ISO UTC time as the guardian's own date and time."""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    when = QDateTime.fromSecsSinceEpoch(int(moment.timestamp())).toLocalTime()
    locale = QLocale()
    if locale.language() == QLocale.Language.C:  # no language set: an unambiguous format
        return when.toString("yyyy-MM-dd HH:mm")
    return locale.toString(when, QLocale.FormatType.ShortFormat)
