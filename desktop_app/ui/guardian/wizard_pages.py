"""The setup wizard's pages: welcome, PIN, children, trusted adults, review, done."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from desktop_app.policy.editor import Field
from desktop_app.policy.guardian import (
    MIN_PASSPHRASE_CHARS,
    MIN_PIN_DIGITS,
    PinRejected,
    check_pin_rules,
)
from desktop_app.policy.profiles import ProfileError, band_for_birth_year, new_profile
from desktop_app.policy.settings import AgeBand

from . import text
from .controls import TrustedAdultsControl
from .fields import FieldEditor
from .profiles_page import ProfileForm
from .setup import ChildEntry
from .widgets import button_row, error_label, lock_pixmap, read_only_table

BANDS = (AgeBand.UNDER13, AgeBand.TEEN, AgeBand.ADULT)


def _paragraph(words: str) -> QLabel:
    label = QLabel(words)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class WelcomePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Welcome to SafeLens"))
        self.setSubTitle(self.tr("Protection from nudity for the children who use this computer."))
        layout = QVBoxLayout(self)
        for words in (
            self.tr(
                "SafeLens hides nude pictures and videos before a child sees them — in the "
                "file picker, in folders that receive files from other devices, and in "
                "contact photos. It explains gently why, and offers ways to get help."
            ),
            self.tr(
                "Everything is checked on this computer. Nothing is ever sent anywhere: "
                "no account, no cloud, no tracking."
            ),
            self.tr(
                "This takes a few minutes:\n"
                "  1. Create a guardian PIN\n"
                "  2. Add your children\n"
                "  3. Add trusted adults a child can ask for help\n"
                "  4. Review the protections"
            ),
        ):
            layout.addWidget(_paragraph(words))
        layout.addStretch(1)


class PinPage(QWizardPage):
    """Create the PIN: typed twice, the rules shown, the core's reason if it is too weak."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Create a guardian PIN"))
        self.setSubTitle(self.tr("Children can't change SafeLens' protections without it."))
        self.error = error_label()
        self.error.setAccessibleName(self.tr("Problem with the PIN"))
        self.first = QLineEdit()
        self.second = QLineEdit()
        for edit, name in (
            (self.first, self.tr("New PIN or passphrase")),
            (self.second, self.tr("Type the PIN again")),
        ):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setAccessibleName(name)
            edit.setInputMethodHints(
                Qt.InputMethodHint.ImhSensitiveData | Qt.InputMethodHint.ImhNoPredictiveText
            )
            edit.textChanged.connect(self.error.hide)
        self.show_pin = QCheckBox(self.tr("&Show what I type"))
        self.show_pin.setAccessibleName(self.tr("Show the PIN as I type"))
        self.show_pin.toggled.connect(self._toggle_visible)
        rules = _paragraph(
            self.tr(
                "Use at least {0} digits, or a passphrase of at least {1} characters. "
                "Avoid birthdays and numbers a child could guess. If you forget it, an "
                "administrator of this computer can reset it."
            ).format(MIN_PIN_DIGITS, MIN_PASSPHRASE_CHARS)
        )
        rules.setAccessibleName(self.tr("PIN rules"))
        # Mandatory fields: QWizard keeps Next disabled until both are filled in. (Overriding
        # isComplete() instead corrupts Python's refcount of True in PySide6 6.12.)
        self.registerField("pin*", self.first)
        self.registerField("pin_again*", self.second)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&PIN or passphrase:"), self.first)
        form.addRow(self.tr("&Type it again:"), self.second)
        form.addRow("", self.show_pin)
        layout = QVBoxLayout(self)
        layout.addWidget(rules)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def pin(self) -> str:
        return self.first.text()

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        if self.first.text() != self.second.text():
            self._refuse(self.tr("The two PINs are not the same. Please type them again."))
            self.second.clear()
            self.second.setFocus()
            return False
        try:
            check_pin_rules(self.first.text())
        except PinRejected as rejected:
            self._refuse(rejected.reason)
            self.first.setFocus()
            return False
        self.error.hide()
        return True

    def _refuse(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _toggle_visible(self, visible: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if visible else QLineEdit.EchoMode.Password
        self.first.setEchoMode(mode)
        self.second.setEchoMode(mode)


class ChildrenPage(QWizardPage):
    """Add each child: name, birth year (→ age band) and the computer account they use."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Add your children"))
        self.setSubTitle(
            self.tr(
                "Each child is linked to the computer account they log in with. Their "
                "birth year sets the age band; protection is on from the start."
            )
        )
        self.entries: list[ChildEntry] = []
        self.form = ProfileForm(allow_adult=False)
        self.form.setTitle(self.tr("A child"))
        self.form.submitted.connect(self._add)
        self.table = read_only_table(
            [self.tr("Name"), self.tr("Account"), self.tr("Birth year"), self.tr("Age band")],
            self.tr("Children added"),
        )
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.remove_button = QPushButton(self.tr("&Remove child"))
        self.remove_button.setAccessibleName(self.tr("Remove the selected child"))
        self.remove_button.setEnabled(False)
        self.remove_button.clicked.connect(self._remove)
        self.error = error_label()
        self.note = _paragraph(self.tr("You can add or change children later in the console."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.table, 1)
        layout.addLayout(button_row(self.remove_button))
        layout.addWidget(self.error)
        layout.addWidget(self.note)
        self._show()

    def set_accounts(self, accounts: list[str]) -> None:
        self.form.set_accounts(accounts)

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        if self.form.pending():
            self.form.show_error(
                self.tr(
                    "You typed a name but did not press Add. Add {0}, or clear the name."
                ).format(self.form.name.text().strip())
            )
            self.form.add_button.setFocus()
            return False
        return True

    def _add(self, name: str, os_user: str, birth_year: object) -> None:
        year = birth_year if isinstance(birth_year, int) else None
        try:
            profile = new_profile(name, os_user, year, datetime.now(UTC))
        except ProfileError as error:
            self.form.show_error(str(error))
            return
        if any(entry.os_user == profile.os_user for entry in self.entries):
            self.form.show_error(
                self.tr("The account “{0}” already belongs to a child in this list.").format(
                    profile.os_user
                )
            )
            return
        assert profile.birth_year is not None
        self.entries.append(ChildEntry(profile.name, profile.os_user, profile.birth_year))
        self.form.clear()
        self._show()

    def _remove(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            del self.entries[rows[0].row()]
            self._show()

    def _show(self) -> None:
        now = datetime.now(UTC)
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            band = text.band_name(band_for_birth_year(entry.birth_year, now))
            for column, value in enumerate(
                (entry.name, entry.os_user, str(entry.birth_year), band)
            ):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(bool(self.table.selectionModel().selectedRows()))


class TrustedAdultsPage(QWizardPage):
    """People a child can message for help, checked by the setting's own type."""

    def __init__(self, field: Field) -> None:
        super().__init__()
        self.setTitle(self.tr("Trusted adults"))
        self.setSubTitle(
            self.tr(
                "A child can message these people from the help screens. The message never "
                "includes the picture. You can skip this and add people later."
            )
        )
        self.current = field
        self.editor = FieldEditor(field)
        if self.editor.title is not None:
            self.editor.title.hide()  # the page's title already says "Trusted adults"
        self.editor.edited.connect(self._edited)
        self.editor.reset_button.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor)
        layout.addStretch(1)

    def people(self) -> list[dict[str, str]]:
        if self.current.effective.locked:
            return []  # the school's list stays; nothing to save
        return [dict(p) for p in self.current.effective.value or []]

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        control = self.editor.control
        pending = isinstance(control, TrustedAdultsControl) and control.pending_entry()
        if pending and not self.current.effective.locked:
            self.editor.show_error(
                self.tr("You typed someone's details but did not press “Add person”.")
            )
            return False
        return True

    def _edited(self, _key: str, value: Any) -> None:
        effective = dataclasses.replace(self.current.effective, value=value)
        self.current = dataclasses.replace(self.current, effective=effective)
        self.editor.set_field(self.current)


class ReviewPage(QWizardPage):
    """What is on by default for each age band (effective values, school locks included).

    The commit page: its button saves everything, off the GUI thread.
    """

    def __init__(
        self,
        fields: list[Field],
        children: Callable[[], Sequence[ChildEntry]],
        commit: Callable[[], None],
    ) -> None:
        super().__init__()
        self._children = children
        self._commit = commit
        self.setTitle(self.tr("Review the protections"))
        self.setSubTitle(
            self.tr(
                "This is what SafeLens does for each age band from the start. You can change "
                "it later in the guardian console."
            )
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Set up SafeLens"))
        self.saving = False
        self.saved = False
        self.children_label = _paragraph("")
        self.children_label.setAccessibleName(self.tr("Children"))
        self.table = self._protections_table(fields)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName(self.tr("Saving"))
        self.busy.hide()
        self.status = _paragraph("")
        self.status.setAccessibleName(self.tr("Setup status"))
        self.error = error_label()
        self.error.setAccessibleName(self.tr("Problem saving the setup"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.children_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.busy)
        layout.addWidget(self.status)
        layout.addWidget(self.error)

    def _protections_table(self, fields: list[Field]) -> QTableWidget:
        """Rows: protections; columns: age bands; school-locked values carry a padlock."""
        table = QTableWidget(len(fields), 1 + len(BANDS))
        table.setAccessibleName(self.tr("Protections for each age band"))
        table.setHorizontalHeaderLabels(
            [self.tr("Protection")] + [text.band_name(b) for b in BANDS]
        )
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setTabKeyNavigation(False)
        table.setWordWrap(True)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        locked_icon = lock_pixmap(self)
        for row, field in enumerate(fields):
            table.setItem(row, 0, QTableWidgetItem(text.setting_title(field.setting)))
            for column, band in enumerate(BANDS, 1):
                if band in field.setting.bands:
                    item = QTableWidgetItem(text.value_text(field.setting, field.effective.value))
                    if field.effective.locked:
                        note = self.tr("Set by your school (policy {0})").format(
                            field.effective.origin
                        )
                        item.setIcon(locked_icon)
                        item.setToolTip(note)
                        item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, note)
                else:
                    item = QTableWidgetItem(self.tr("—"))
                    item.setData(Qt.ItemDataRole.AccessibleTextRole, self.tr("Does not apply"))
                table.setItem(row, column, item)
        table.setCurrentCell(-1, -1)
        return table

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        entries = self._children()
        now = datetime.now(UTC)
        if entries:
            names = ", ".join(
                f"{e.name} ({text.band_name(band_for_birth_year(e.birth_year, now))})"
                for e in entries
            )
            self.children_label.setText(self.tr("Protection will be on for: {0}.").format(names))
        else:
            self.children_label.setText(
                self.tr("No children added yet. Add them later in the guardian console.")
            )

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        if self.saved:
            return True
        if not self.saving:
            self._commit()  # saving starts; the wizard moves on when it is done
        return False


class DonePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("SafeLens is set up"))
        self.setSubTitle(self.tr("Protection is on."))
        self.summary = _paragraph("")
        self.summary.setAccessibleName(self.tr("Summary"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addStretch(1)

    def show_summary(self, children: list[ChildEntry], pin_store: str) -> None:
        lines = []
        if children:
            names = ", ".join(child.name for child in children)
            lines.append(self.tr("{0} protected from now on.").format(names))
        lines.append(
            self.tr(
                "To change anything, open the guardian console from SafeLens' menu. It asks "
                "for your PIN."
            )
        )
        lines.append(pin_store)
        lines.append(self.tr("Everything stays on this computer."))
        self.summary.setText("\n\n".join(lines))
