"""The console's Change PIN page: the current PIN, the new one twice, the rules in view.

The page only asks (``change_requested``); the console changes the PIN on its worker
thread through ``GuardianActions.change_pin``, where the current PIN is checked and
throttled like any other try, and hands back the outcome in plain words.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QWidget

from desktop_app.core.storage import StorageError
from desktop_app.policy.guardian import (
    MAX_SECRET_CHARS,
    MIN_PASSPHRASE_CHARS,
    MIN_PIN_DIGITS,
    GuardianError,
    PinRejected,
    TryAgainLater,
    WrongPin,
)
from desktop_app.service.action_errors import DiskFull, PinsDiffer

from .pages import ConsolePage
from .widgets import button_row


class ChangePinPage(ConsolePage):
    """Signals:
    change_requested(str, str, str): (current PIN, new PIN, new PIN again).
    """

    change_requested = Signal(str, str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Change PIN"),
            self.tr(
                "The guardian PIN protects every setting and lets a child past the help "
                "screens. Changing it needs the current PIN; a forgotten PIN can only be "
                "reset by an administrator of this computer."
            ),
            parent,
        )
        self.rules = QLabel(
            self.tr(
                "A new PIN needs at least {0} digits, or use a passphrase of at least {1} "
                "characters. Avoid birthdays and numbers a child could guess."
            ).format(MIN_PIN_DIGITS, MIN_PASSPHRASE_CHARS)
        )
        self.rules.setWordWrap(True)
        self.rules.setAccessibleName(self.tr("Rules for a new PIN"))
        self.current = self._secret(self.tr("Current PIN"))
        self.new = self._secret(self.tr("New PIN"))
        self.again = self._secret(self.tr("New PIN again"))
        form = QFormLayout()
        form.addRow(self.tr("&Current PIN:"), self.current)
        form.addRow(self.tr("&New PIN:"), self.new)
        form.addRow(self.tr("New PIN &again:"), self.again)
        self.change_button = QPushButton(self.tr("C&hange PIN"))
        self.change_button.setAccessibleName(self.tr("Change the guardian PIN"))
        self.change_button.clicked.connect(self._submit)
        self.again.returnPressed.connect(self._submit)
        self.done = QLabel()
        self.done.setWordWrap(True)
        self.done.setAccessibleName(self.tr("PIN changed"))
        self.done.hide()
        self.body.addSpacing(self.fontMetrics().height() // 2)
        self.body.addWidget(self.rules)
        self.body.addSpacing(self.fontMetrics().height() // 2)
        self.body.addLayout(form)
        self.body.addLayout(button_row(self.change_button))
        self.body.addWidget(self.done)
        self.finish()

    def _secret(self, name: str) -> QLineEdit:
        entry = QLineEdit()
        entry.setEchoMode(QLineEdit.EchoMode.Password)
        entry.setMaxLength(MAX_SECRET_CHARS)
        entry.setMaximumWidth(self.fontMetrics().averageCharWidth() * 36)  # a PIN, not a page
        entry.setAccessibleName(name)
        entry.setInputMethodHints(
            Qt.InputMethodHint.ImhSensitiveData | Qt.InputMethodHint.ImhNoPredictiveText
        )
        entry.textEdited.connect(self._clear_messages)
        return entry

    def _submit(self) -> None:
        if not self.change_button.isEnabled():
            return
        if not (self.current.text() and self.new.text() and self.again.text()):
            self.show_error(self.tr("Please fill in all three boxes."))
            return
        self._clear_messages()
        self.set_busy(True)
        self.change_requested.emit(self.current.text(), self.new.text(), self.again.text())

    def set_busy(self, busy: bool) -> None:
        """Nothing can be typed or pressed while the PIN is being changed."""
        for widget in (self.current, self.new, self.again, self.change_button):
            widget.setEnabled(not busy)

    def show_changed(self) -> None:
        """The new PIN is saved: every box is emptied (no PIN stays on screen)."""
        self.set_busy(False)
        for entry in (self.current, self.new, self.again):
            entry.clear()
        self.done.setText(self.tr("The PIN was changed. Use the new PIN from now on."))
        self.done.show()
        self.current.setFocus()

    def show_refused(self, message: str) -> None:
        """Not changed: the current PIN box is emptied, and the message says why."""
        self.set_busy(False)
        self.current.clear()
        self.show_error(message)
        self.current.setFocus()

    def _clear_messages(self) -> None:
        self.show_error("")
        self.done.hide()


def pin_words(error: Exception) -> str:
    """Why the PIN was not changed, as the guardian reads it (never a traceback)."""
    if isinstance(error, PinsDiffer):
        return QCoreApplication.translate(
            "ChangePinPage", "The two new PINs are not the same. Nothing was changed."
        )
    if isinstance(error, WrongPin):
        return QCoreApplication.translate(
            "ChangePinPage", "The current PIN is not right. Nothing was changed."
        )
    if isinstance(error, TryAgainLater):
        return QCoreApplication.translate(
            "ChangePinPage", "Too many wrong tries. Try again in {0} seconds."
        ).format(math.ceil(error.seconds))
    if isinstance(error, PinRejected):
        return QCoreApplication.translate(
            "ChangePinPage",
            "This new PIN is too easy to guess: use at least {0} digits, or a passphrase of "
            "at least {1} characters (not only spaces).",
        ).format(MIN_PIN_DIGITS, MIN_PASSPHRASE_CHARS)
    if isinstance(error, DiskFull):
        return QCoreApplication.translate(
            "ChangePinPage",
            "The disk is full, so the PIN was not changed. Free some space and try again.",
        )
    if isinstance(error, StorageError):
        return QCoreApplication.translate(
            "ChangePinPage", "SafeLens couldn't save the new PIN ({0}). The old PIN still works."
        ).format(error)
    if isinstance(error, GuardianError):
        return str(error)  # the PIN has vanished: an administrator's sentence, as elsewhere
    return QCoreApplication.translate("ChangePinPage", "The PIN couldn't be changed: {0}").format(
        error
    )
