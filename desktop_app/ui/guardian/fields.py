"""One setting on a console page: title, control, description, lock and inline error.

A field set by a managed policy is disabled and says who set it ("Set by your school
(policy …)"), also as its tooltip and accessible description.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.policy.editor import Field
from desktop_app.policy.settings import Boolean, TrustedAdults

from . import text
from .controls import make_control
from .widgets import LockNote, bold, button_row, error_label


class FieldEditor(QWidget):
    """One setting on a page.

    Signals:
        edited(str, object): (key, value) the guardian changed it; not emitted for locked
            fields or for values the control itself refused.
        reset_requested(str): (key) the guardian asked for the default back.
    """

    edited = Signal(str, object)
    reset_requested = Signal(str)

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        setting = field.setting
        self.key = setting.key
        self.field = field
        self.control = make_control(setting)
        target = self.control.focus_target()
        target.setAccessibleName(text.setting_title(setting))

        self.title: QLabel | None = None
        if not isinstance(setting.type, Boolean):
            self.title = bold(QLabel(text.setting_title(setting)))
            self.title.setBuddy(target)
        self.description = QLabel(text.setting_description(setting))
        self.description.setWordWrap(True)
        self.lock = LockNote()
        self.lock.hide()
        self.error = error_label()
        title = text.setting_title(setting)
        self.error.setAccessibleName(self.tr("Problem with {0}").format(title))
        self.reset_button = QPushButton(self.tr("Use the default"))
        self.reset_button.setAccessibleName(
            self.tr("Use the default for {0}").format(text.setting_title(setting))
        )
        self.reset_button.clicked.connect(lambda: self.reset_requested.emit(self.key))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(max(2, self.fontMetrics().height() // 5))
        if self.title is not None:
            layout.addWidget(self.title)
        layout.addWidget(self.control)
        layout.addWidget(self.description)
        layout.addWidget(self.lock)
        layout.addWidget(self.error)
        layout.addLayout(button_row(self.reset_button))

        self.control.edited.connect(self._on_edited)
        self.control.refused.connect(self.show_error)
        self.set_field(field)

    def set_field(self, field: Field) -> None:
        """Show what is in effect now (does not emit ``edited``)."""
        self.field = field
        effective = field.effective
        self.control.set_value(effective.value)
        locked = effective.locked
        self.control.setEnabled(not locked)
        target = self.control.focus_target()
        description = text.setting_description(field.setting)
        if locked:
            note = self.tr("Set by your school (policy {0})").format(effective.origin)
            self.lock.set_note(note)
            target.setToolTip(note)
            target.setAccessibleDescription(f"{note}. {description}")
        else:
            target.setToolTip("")
            target.setAccessibleDescription(description)
        self.lock.setVisible(locked)
        # "the default" of a people list is nobody: removing people one by one is clearer
        resettable = not isinstance(field.setting.type, TrustedAdults)
        self.reset_button.setVisible(
            resettable and not locked and effective.source.value == "guardian"
        )

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def clear_error(self) -> None:
        self.error.clear()
        self.error.hide()

    def _on_edited(self, value: Any) -> None:
        if self.field.effective.locked:
            return
        self.clear_error()
        self.edited.emit(self.key, value)
