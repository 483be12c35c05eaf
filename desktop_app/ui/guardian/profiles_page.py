"""The console's Profiles page and the profile form the setup wizard uses too."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.policy.editor import ProfileRow
from desktop_app.policy.profiles import band_for_birth_year

from . import text
from .pages import ConsolePage
from .snapshot import ConsoleSnapshot
from .widgets import button_row, error_label, fit_rows, read_only_table


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
        confirm_layout = QVBoxLayout(self.confirm)
        confirm_layout.addWidget(self.confirm_text)
        confirm_layout.addLayout(button_row(self.confirm_yes, self.confirm_no))
        self.confirm.hide()

        self.form = ProfileForm()
        self.form.submitted.connect(self.add_requested)
        self.form.setTitle(self.tr("Add a profile"))

        self.body.addWidget(self.table)
        self.body.addLayout(button_row(self.remove_button))
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
        fit_rows(self.table, len(self.rows), 3, 8)
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
        year_label = QLabel(self.tr("&Birth year:"))
        year_label.setBuddy(self.birth_year)
        form.addRow(year_label, year_row)
        form.addRow("", self.adult)
        form.addRow("", button_row(self.add_button))
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
