"""The guardian console's pages. They show snapshots and ask for changes with signals.

No page reads or writes a store: the console runs every change on its worker thread
and hands each page the saved state back (see ``snapshot.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from PySide6.QtCore import QDateTime, QLocale, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.policy.editor import Field, ProfileRow
from desktop_app.policy.guardian import Approval
from desktop_app.policy.profiles import band_for_birth_year
from desktop_app.policy.settings import ALL_BANDS, CHILD_BANDS, AgeBand

from . import text
from .fields import FieldEditor, error_label
from .snapshot import ConsoleSnapshot

SHORT_HASH = 12


def heading(title: str) -> QLabel:
    label = QLabel(title)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 1.35)
    font.setBold(True)
    label.setFont(font)
    label.setAccessibleName(title)
    return label


def read_only_table(columns: Sequence[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(list(columns))
    table.setAccessibleName(name)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table


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
        return text.tr("Everyone")
    if bands == CHILD_BANDS:
        return text.tr("Children (under 18)")
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
            if editor is not None and editor.field != field:
                editor.set_field(field)

    def show_field_error(self, key: str, message: str) -> None:
        editor = self.editors.get(key)
        if editor is None:
            self.show_error(message)
        else:
            editor.show_error(message)


class ProfilesPage(ConsolePage):
    """Who is protected: the profiles, a form to add one, and removal with a confirmation.

    Signals:
        add_requested(str, str, object): (name, os_user, birth_year or None for an adult).
        remove_requested(str): (profile_id).
    """

    add_requested = Signal(str, str, object)
    remove_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Profiles"),
            self.tr(
                "Each person who uses this computer can have a profile, linked to their "
                "computer account. Children are protected the moment their profile exists."
            ),
            parent,
        )
        self.rows: list[ProfileRow] = []
        self.table = read_only_table(
            [self.tr("Name"), self.tr("Account"), self.tr("Birth year"), self.tr("Age band")],
            self.tr("Profiles"),
        )
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.remove_button = QPushButton(self.tr("&Remove profile…"))
        self.remove_button.setAccessibleName(self.tr("Remove the selected profile"))
        self.remove_button.setEnabled(False)
        self.remove_button.clicked.connect(self._ask_remove)

        self.confirm = QFrame()
        self.confirm.setFrameShape(QFrame.Shape.StyledPanel)
        self.confirm_text = QLabel()
        self.confirm_text.setWordWrap(True)
        self.confirm_yes = QPushButton(self.tr("Remove profile"))
        self.confirm_no = QPushButton(self.tr("Keep it"))
        self.confirm_yes.setAccessibleName(self.tr("Yes, remove the profile"))
        self.confirm_no.setAccessibleName(self.tr("No, keep the profile"))
        self.confirm_yes.clicked.connect(self._remove)
        self.confirm_no.clicked.connect(self._cancel_remove)
        confirm_buttons = QHBoxLayout()
        confirm_buttons.addWidget(self.confirm_yes)
        confirm_buttons.addWidget(self.confirm_no)
        confirm_buttons.addStretch(1)
        confirm_layout = QVBoxLayout(self.confirm)
        confirm_layout.addWidget(self.confirm_text)
        confirm_layout.addLayout(confirm_buttons)
        self.confirm.hide()

        self.form = ProfileForm()
        self.form.submitted.connect(self.add_requested)
        self.form.setTitle(self.tr("Add a profile"))

        remove_row = QHBoxLayout()
        remove_row.addWidget(self.remove_button)
        remove_row.addStretch(1)
        self.body.addWidget(self.table, 1)
        self.body.addLayout(remove_row)
        self.body.addWidget(self.confirm)
        self.body.addWidget(self.form)
        self.finish()

    def show_snapshot(self, snapshot: ConsoleSnapshot) -> None:
        self.rows = list(snapshot.profiles)
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            profile = row.profile
            year = str(profile.birth_year) if profile.birth_year is not None else self.tr("—")
            cells = (profile.name, profile.os_user, year, text.band_name(row.band))
            for column, value in enumerate(cells):
                self.table.setItem(index, column, QTableWidgetItem(value))
        self.table.setMinimumHeight(
            self.table.horizontalHeader().sizeHint().height()
            + max(3, len(self.rows)) * self.table.verticalHeader().defaultSectionSize()
            + 2 * self.table.frameWidth()
        )
        self._cancel_remove()
        self._update_buttons()

    def profile_added(self) -> None:
        self.form.clear()
        self.show_error("")

    def _selected(self) -> ProfileRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self._selected() is not None)

    def _ask_remove(self) -> None:
        row = self._selected()
        if row is None:
            return
        profile = row.profile
        if profile.is_child:
            what = self.tr(
                "Remove {0}'s profile? The account “{1}” will no longer be protected as a "
                "child unless a school policy covers it."
            )
        else:
            what = self.tr("Remove {0}'s profile (account “{1}”)?")
        self.confirm_text.setText(what.format(profile.name, profile.os_user))
        self.confirm.show()
        self.confirm_no.setFocus()

    def _remove(self) -> None:
        row = self._selected()
        self.confirm.hide()
        if row is not None:
            self.remove_requested.emit(row.profile.id)

    def _cancel_remove(self) -> None:
        self.confirm.hide()


class ProfileForm(QGroupBox):
    """Name, computer account and birth year (or "adult"); the wizard uses it too.

    Signals:
        submitted(str, str, object): (name, os_user, birth_year or None for an adult).
    """

    submitted = Signal(str, str, object)

    def __init__(self, allow_adult: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        this_year = datetime.now(UTC).year
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Name"))
        self.account = QComboBox()
        self.account.setEditable(True)
        self.account.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.account.setAccessibleName(self.tr("Computer account"))
        self.account.setAccessibleDescription(
            self.tr("The login this person uses on this computer")
        )
        self.account.setCurrentText("")
        self.birth_year = QSpinBox()
        self.birth_year.setRange(this_year - 25, this_year)
        self.birth_year.setValue(this_year - 9)
        self.birth_year.setAccessibleName(self.tr("Birth year"))
        self.adult = QCheckBox(self.tr("This is an &adult (no age band protections)"))
        self.adult.setAccessibleName(self.tr("This is an adult"))
        self.adult.setVisible(allow_adult)
        self.adult.toggled.connect(self._update_band)
        self.band = QLabel()
        self.band.setAccessibleName(self.tr("Age band"))
        self.birth_year.valueChanged.connect(self._update_band)
        self.add_button = QPushButton(self.tr("A&dd"))
        self.add_button.setAccessibleName(self.tr("Add this profile"))
        self.add_button.clicked.connect(self._submit)
        self.name.returnPressed.connect(self._submit)
        self.error = error_label()
        self.error.setAccessibleName(self.tr("Problem with this profile"))

        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("Computer a&ccount:"), self.account)
        year_row = QHBoxLayout()
        year_row.addWidget(self.birth_year)
        year_row.addWidget(self.band, 1)
        form.addRow(self.tr("&Birth year:"), year_row)
        form.addRow("", self.adult)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        form.addRow("", buttons)
        form.addRow("", self.error)
        self._update_band()

    def set_accounts(self, accounts: Sequence[str]) -> None:
        typed = self.account.currentText()
        self.account.clear()
        self.account.addItems(list(accounts))
        self.account.setCurrentText(typed)

    def pending(self) -> bool:
        """Something typed that was not added yet."""
        return bool(self.name.text().strip())

    def clear(self) -> None:
        self.name.clear()
        self.account.setCurrentText("")
        self.error.hide()
        self.name.setFocus()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def _update_band(self) -> None:
        adult = self.adult.isChecked()
        self.birth_year.setEnabled(not adult)
        if adult:
            self.band.setText(self.tr("Adult: protections are off unless turned on"))
            return
        band = band_for_birth_year(self.birth_year.value(), datetime.now(UTC))
        self.band.setText(self.tr("Age band: {0}").format(text.band_name(band)))

    def _submit(self) -> None:
        year = None if self.adult.isChecked() else self.birth_year.value()
        self.submitted.emit(self.name.text().strip(), self.account.currentText().strip(), year)


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
        row = QHBoxLayout()
        row.addWidget(self.revoke_button)
        row.addStretch(1)
        self.body.addWidget(self.problem)
        self.body.addWidget(self.table, 1)
        self.body.addWidget(self.empty)
        self.body.addLayout(row)
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
    return QLocale().toString(when, QLocale.FormatType.ShortFormat)
