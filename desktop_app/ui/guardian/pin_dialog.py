"""The guardian PIN dialog: the PIN is checked on a worker thread, never on the GUI thread.

scrypt takes most of a second, and after too many wrong PINs GuardianPin refuses to
check anything until a delay has passed; the dialog counts that delay down.
"""

from __future__ import annotations

import math
import time
from typing import Protocol

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.storage import StorageError
from desktop_app.policy.guardian import (
    MISSING_MESSAGE,
    PinUnavailable,
    TryAgainLater,
    WrongPin,
)
from desktop_app.safety.rules import PinCheck
from desktop_app.service.actions import GuardianActions, GuardianProof

from ..tasks import BackgroundWork
from .widgets import ERROR_COLOR

TICK_MS = 250


class PinGate(Protocol):
    """Where the PIN is checked when it is not this account's own (machine mode: the service)."""

    def state(self) -> tuple[str, float]:
        """The PIN's status ('set', 'not_set', 'missing') and seconds until the next try."""
        ...

    def try_pin(self, entered: str) -> tuple[object | None, float]:
        """What a right PIN opens; (None, seconds to wait) for a wrong one."""
        ...


def _check(pin: PinCheck, entered: str) -> tuple[bool, float]:
    """Worker thread: verify, and if wrong, how long until the next try is allowed."""
    if pin.verify(entered):
        return True, 0.0
    return False, pin.delay_remaining()


def _prove(actions: GuardianActions, entered: str) -> tuple[GuardianProof | None, float]:
    """Worker thread: the guardian's proof for a right PIN; else how long until the next try."""
    try:
        return actions.prove(entered), 0.0
    except WrongPin:
        return None, actions.pin.delay_remaining()


def _state(pin: PinCheck) -> tuple[str, float]:
    """Worker thread: is there a PIN, and is a delay running (on opening the dialog)."""
    return pin.status(), pin.delay_remaining()


class PinDialog(QDialog):
    """Asks for the guardian PIN.

    ``accepted`` (QDialog's own signal) is emitted only after GuardianPin.verify said
    yes; Cancel and Esc reject. While the PIN is being checked every control is disabled.
    Given ``actions``, the PIN is checked by them and ``proof`` holds what they made of it;
    given a ``gate`` (machine mode), the gate checks it and ``opened`` holds what it opened.

    Signals:
        checking_changed(bool): True while a check runs on the worker thread.
    """

    checking_changed = Signal(bool)

    def __init__(
        self,
        pin: PinCheck,
        parent: QWidget | None = None,
        prompt: str | None = None,
        work: BackgroundWork | None = None,
        actions: GuardianActions | None = None,
        *,
        gate: PinGate | None = None,
    ) -> None:
        super().__init__(parent)
        self.pin = pin
        self.guardian_actions = actions
        self.gate = gate
        self.proof: GuardianProof | None = None
        self.opened: object | None = None
        self.work = work or BackgroundWork(self)
        self.checking = False
        self._deadline = 0.0
        self._prefix = ""
        self.setWindowTitle(self.tr("Guardian PIN"))
        self.setAccessibleName(self.tr("Guardian PIN"))
        self._build(prompt)
        self.countdown = QTimer(self)
        self.countdown.setInterval(TICK_MS)
        self.countdown.timeout.connect(self._tick)
        self.entry.setFocus()
        self._set_checking(True, self.tr("Getting ready…"))
        if gate is not None:
            self.work.run(gate.state, on_result=self._on_state, on_error=self._on_error)
        else:
            self.work.run(_state, pin, on_result=self._on_state, on_error=self._on_error)

    def _build(self, prompt: str | None) -> None:
        heading = QLabel(self.tr("Guardian PIN"))
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)
        self.prompt = QLabel(prompt or self.tr("Enter the guardian PIN to continue."))
        self.prompt.setWordWrap(True)
        self.entry = QLineEdit()
        self.entry.setEchoMode(QLineEdit.EchoMode.Password)
        self.entry.setAccessibleName(self.tr("Guardian PIN"))
        self.entry.setAccessibleDescription(self.tr("The PIN or passphrase is hidden as you type"))
        self.entry.setInputMethodHints(
            Qt.InputMethodHint.ImhSensitiveData | Qt.InputMethodHint.ImhNoPredictiveText
        )
        self.prompt.setBuddy(self.entry)
        self.entry.textEdited.connect(self._clear_message)
        # Enter in the PIN box always checks it (not only through the default button, which
        # Qt can lose track of after the buttons were disabled during a check).
        self.entry.returnPressed.connect(self.accept)

        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # an indeterminate "working" bar
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName(self.tr("Checking the PIN"))
        self.busy.setMaximumHeight(max(6, self.fontMetrics().height() // 2))
        self.busy.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("PIN status"))
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QDialogButtonBox()
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setAccessibleName(self.tr("Unlock"))
        self.unlock_button.setAccessibleDescription(self.tr("Check the PIN"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.buttons.addButton(self.unlock_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.unlock_button.setDefault(True)
        self.cancel_button.setAutoDefault(False)  # Enter always means Unlock, never Cancel
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.prompt)
        layout.addWidget(self.entry)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)

    # --- QDialog ---------------------------------------------------------------------------

    def accept(self) -> None:
        """Unlock / Enter: start a check. The dialog closes only when the PIN was right."""
        if self.checking or self.countdown.isActive():
            return
        entered = self.entry.text()
        if not entered:
            self._show(self.tr("Please enter the PIN."), error=True)
            return
        self._set_checking(True, self.tr("Checking…"))
        if self.gate is not None:
            self.work.run(
                self.gate.try_pin, entered, on_result=self._on_opened, on_error=self._on_error
            )
            return
        if self.guardian_actions is not None:
            self.work.run(
                _prove,
                self.guardian_actions,
                entered,
                on_result=self._on_proved,
                on_error=self._on_error,
            )
            return
        self.work.run(
            _check, self.pin, entered, on_result=self._on_checked, on_error=self._on_error
        )

    def reject(self) -> None:
        if self.checking:
            return  # Cancel is disabled while checking; Esc waits too
        self.countdown.stop()
        self.entry.clear()
        super().reject()

    # --- outcomes (GUI thread) -------------------------------------------------------------

    def _on_state(self, state: tuple[str, float]) -> None:
        status, delay = state
        self._set_checking(False)
        self._show("")
        if status == "missing":
            self._unavailable(MISSING_MESSAGE)
        elif status == "not_set":
            self._unavailable(
                self.tr("No guardian PIN has been set on this computer yet. Run the setup first.")
            )
        elif delay > 0:
            self._start_countdown(delay)

    def _on_proved(self, outcome: tuple[GuardianProof | None, float]) -> None:
        self.proof, delay = outcome
        self._on_checked((self.proof is not None, delay))

    def _on_opened(self, outcome: tuple[object | None, float]) -> None:
        self.opened, delay = outcome
        self._on_checked((self.opened is not None, delay))

    def _on_checked(self, outcome: tuple[bool, float]) -> None:
        right, delay = outcome
        self._set_checking(False)
        if right:
            self.entry.clear()
            self._show(self.tr("PIN accepted."))
            super().accept()
            return
        self.entry.clear()
        if delay > 0:
            self._start_countdown(delay, prefix=self.tr("Wrong PIN."))
        else:
            self._show(self.tr("Wrong PIN. Please try again."), error=True)
            self.entry.setFocus()

    def _on_error(self, error: BaseException) -> None:
        self._set_checking(False)
        if isinstance(error, TryAgainLater):
            self._start_countdown(error.seconds)
        elif isinstance(error, PinUnavailable):
            self._unavailable(str(error))
        elif isinstance(error, StorageError):
            self._show(
                self.tr("SafeLens couldn't record this try ({0}). Please try again.").format(error),
                error=True,
            )
        else:
            self._show(
                self.tr("The PIN couldn't be checked: {0}").format(
                    str(error) or type(error).__name__
                ),
                error=True,
            )

    # --- states ----------------------------------------------------------------------------

    def _set_checking(self, checking: bool, note: str = "") -> None:
        self.checking = checking
        for widget in (self.entry, self.unlock_button, self.cancel_button):
            widget.setEnabled(not checking)
        self.busy.setVisible(checking)
        if checking:
            self._show(note)
        elif not self.countdown.isActive():
            self.entry.setFocus()
        self.checking_changed.emit(checking)

    def _start_countdown(self, seconds: float, prefix: str = "") -> None:
        self._deadline = time.monotonic() + seconds
        self._prefix = prefix
        self.entry.setEnabled(False)
        self.unlock_button.setEnabled(False)
        self.cancel_button.setFocus()
        self.countdown.start()
        self._tick()

    def _tick(self) -> None:
        left = math.ceil(self._deadline - time.monotonic())
        if left <= 0:
            self.countdown.stop()
            self.entry.setEnabled(True)
            self.unlock_button.setEnabled(True)
            self.entry.setFocus()
            self._show(self.tr("You can try again now."))
            return
        wait = self.tr("Too many tries — wait {0} s").format(left)
        self._show(f"{self._prefix} {wait}".strip(), error=True)

    def seconds_left(self) -> int:
        """What the countdown shows (0 when no delay runs)."""
        if not self.countdown.isActive():
            return 0
        return max(0, math.ceil(self._deadline - time.monotonic()))

    def _unavailable(self, message: str) -> None:
        self.entry.setEnabled(False)
        self.unlock_button.setEnabled(False)
        self.cancel_button.setFocus()
        self._show(message, error=True)

    def _show(self, message: str, error: bool = False) -> None:
        self.message.setText(message)
        self.message.setStyleSheet(f"color: {ERROR_COLOR};" if error else "")

    def _clear_message(self) -> None:
        if not self.countdown.isActive():
            self._show("")
