"""Editing controls generated from a setting's declared type.

Boolean → check box, Choice → combo box (nullable: an "Off" item), Integer → spin box,
FolderList → list with Add/Remove, TrustedAdults → a small table editor. Controls only
report what the guardian did (``edited``); the page decides how it is saved.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.policy.settings import (
    Boolean,
    Choice,
    FolderList,
    Integer,
    InvalidValue,
    Setting,
    TrustedAdults,
)

from . import text
from .widgets import button_row, fit_rows, plain_reason, read_only_table


class ValueControl(QWidget):
    """The editing part of a field.

    Signals:
        edited(object): the guardian changed the value (already checked where possible).
        refused(str): what the guardian entered cannot be used; the reason in plain words.
    """

    edited = Signal(object)
    refused = Signal(str)

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def focus_target(self) -> QWidget:
        """Where a label's mnemonic and error messages send the keyboard focus."""
        return self.focusProxy() or self

    def _hold(self, editor: QWidget, *, stretch: bool = True) -> None:
        """Lay out a single editor widget and give it this control's focus."""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(editor)
        if stretch:
            layout.addStretch(1)
        self.setFocusProxy(editor)


class BooleanControl(ValueControl):
    def __init__(self, setting: Setting, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QCheckBox(text.setting_title(setting))
        self.box.toggled.connect(self.edited.emit)
        self._hold(self.box, stretch=False)

    def value(self) -> bool:
        return self.box.isChecked()

    def set_value(self, value: Any) -> None:
        with QSignalBlocker(self.box):
            self.box.setChecked(bool(value))


class ChoiceControl(ValueControl):
    def __init__(self, setting: Setting, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        kind = setting.type
        assert isinstance(kind, Choice)
        self.combo = QComboBox()
        if kind.nullable:
            self.combo.addItem(self.tr("Off"), None)
        for choice in kind.choices:
            self.combo.addItem(text.choice_name(choice), choice)
        self.combo.currentIndexChanged.connect(lambda _: self.edited.emit(self.value()))
        self._hold(self.combo)

    def value(self) -> str | None:
        data = self.combo.currentData()
        return None if data is None else str(data)

    def set_value(self, value: Any) -> None:
        with QSignalBlocker(self.combo):
            self.combo.setCurrentIndex(max(0, self.combo.findData(value)))


class IntegerControl(ValueControl):
    def __init__(self, setting: Setting, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        kind = setting.type
        assert isinstance(kind, Integer)
        self.spin = QSpinBox()
        self.spin.setRange(kind.minimum, kind.maximum)
        self.spin.setKeyboardTracking(False)  # save on Enter / leaving the box, not per digit
        self.spin.valueChanged.connect(self.edited.emit)
        self._hold(self.spin)

    def value(self) -> int:
        return self.spin.value()

    def set_value(self, value: Any) -> None:
        with QSignalBlocker(self.spin):
            self.spin.setValue(int(value))


class FolderListControl(ValueControl):
    """A list of folders with Add…/Remove; folders are chosen with Qt's own dialog."""

    def __init__(self, setting: Setting, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = text.setting_title(setting)
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.add_button = QPushButton(self.tr("Add folder…"))
        self.add_button.setAccessibleName(self.tr("Add a folder to {0}").format(self.title))
        self.remove_button = QPushButton(self.tr("Remove folder"))
        self.remove_button.setAccessibleName(
            self.tr("Remove the selected folder from {0}").format(self.title)
        )
        self.remove_button.setEnabled(False)
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        self.list.currentRowChanged.connect(self._update_buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(button_row(self.add_button, self.remove_button))
        self.setFocusProxy(self.list)

    def value(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def set_value(self, value: Any) -> None:
        with QSignalBlocker(self.list):
            self.list.clear()
            self.list.addItems([str(v) for v in value or []])
            fit_rows(self.list, self.list.count(), 3, 6)
        self._update_buttons()

    def choose_folder(self) -> str:
        """Ask for a folder (Qt's dialog: it never previews pictures)."""
        return QFileDialog.getExistingDirectory(
            self,
            self.tr("Choose a folder"),
            str(Path.home()),
            QFileDialog.Option.ShowDirsOnly | QFileDialog.Option.DontUseNativeDialog,
        )

    def _add(self) -> None:
        folder = self.choose_folder()
        if not folder:
            return
        current = self.value()
        if folder in current:
            self.refused.emit(self.tr("{0} is already in the list.").format(folder))
            return
        self.edited.emit([*current, folder])

    def _remove(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        current = self.value()
        del current[row]
        self.edited.emit(current)

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.isEnabled() and self.list.currentRow() >= 0)


class TrustedAdultsControl(ValueControl):
    """People a child can message: a table, and a form to add one (name + email or phone)."""

    def __init__(self, setting: Setting, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setting = setting
        self.table = read_only_table(
            [self.tr("Name"), self.tr("Email"), self.tr("Phone")], self.tr("Trusted adults")
        )
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.name = QLineEdit()
        self.email = QLineEdit()
        self.phone = QLineEdit()
        self.name.setAccessibleName(self.tr("New trusted adult's name"))
        self.email.setAccessibleName(self.tr("New trusted adult's email"))
        self.phone.setAccessibleName(self.tr("New trusted adult's phone number"))
        self.email.setPlaceholderText(self.tr("name@example.org"))
        self.phone.setPlaceholderText(self.tr("+44 20 7946 0000"))
        self.add_button = QPushButton(self.tr("Add person"))
        self.add_button.setAccessibleName(self.tr("Add this trusted adult"))
        self.remove_button = QPushButton(self.tr("Remove person"))
        self.remove_button.setAccessibleName(self.tr("Remove the selected trusted adult"))
        self.remove_button.setEnabled(False)
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        for edit in (self.name, self.email, self.phone):
            edit.returnPressed.connect(self._add)

        form = QGridLayout()
        for column, (caption, edit) in enumerate(
            (
                (self.tr("&Name"), self.name),
                (self.tr("&Email"), self.email),
                (self.tr("&Phone"), self.phone),
            )
        ):
            label = QLabel(caption)
            label.setBuddy(edit)
            form.addWidget(label, 0, column)
            form.addWidget(edit, 1, column)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(form)
        layout.addLayout(button_row(self.add_button, self.remove_button))
        self._people: list[dict[str, str]] = []
        self.setFocusProxy(self.name)

    def value(self) -> list[dict[str, str]]:
        return [dict(p) for p in self._people]

    def set_value(self, value: Any) -> None:
        self._people = [dict(p) for p in value or []]
        self.table.setRowCount(len(self._people))
        for row, person in enumerate(self._people):
            for column, key in enumerate(("name", "email", "phone")):
                self.table.setItem(row, column, QTableWidgetItem(person.get(key, "")))
        fit_rows(self.table, len(self._people), 2, 5)
        self._update_buttons()

    def pending_entry(self) -> bool:
        """True when something is typed in the form but was not added yet."""
        return any(edit.text().strip() for edit in (self.name, self.email, self.phone))

    def _add(self) -> None:
        person = {
            "name": self.name.text().strip(),
            "email": self.email.text().strip(),
            "phone": self.phone.text().strip(),
        }
        person = {key: value for key, value in person.items() if value}
        who = person.get("name") or self.tr("this person")
        try:
            self.setting.type.check([person])
            people = self.setting.type.check([*self._people, person])
        except InvalidValue as error:
            self.refused.emit(self.tr("Can't add {0}: {1}.").format(who, plain_reason(error)))
            return
        for edit in (self.name, self.email, self.phone):
            edit.clear()
        self.name.setFocus()
        self.edited.emit(people)

    def _remove(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        people = self.value()
        del people[rows[0].row()]
        self.edited.emit(people)

    def _update_buttons(self) -> None:
        selected = bool(self.table.selectionModel().selectedRows())
        self.remove_button.setEnabled(self.isEnabled() and selected)


def make_control(setting: Setting) -> ValueControl:
    """The control for a setting's declared type."""
    kind = setting.type
    if isinstance(kind, Boolean):
        return BooleanControl(setting)
    if isinstance(kind, Choice):
        return ChoiceControl(setting)
    if isinstance(kind, Integer):
        return IntegerControl(setting)
    if isinstance(kind, FolderList):
        return FolderListControl(setting)
    if isinstance(kind, TrustedAdults):
        return TrustedAdultsControl(setting)
    raise TypeError(f"No control for {type(kind).__name__}")
