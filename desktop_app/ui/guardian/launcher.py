"""How the app opens the guardian's windows: setup on first run, else the PIN, then the console."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ..tasks import BackgroundWork
from .console import GuardianConsole
from .pin_dialog import PinDialog
from .services import GuardianServices
from .wizard import SetupWizard


class GuardianLauncher(QObject):
    """Decides which window the guardian gets; the console only ever after a right PIN.

    Signals:
        wizard_opened(object): the SetupWizard, when no PIN has been set on this computer.
        pin_requested(object): the PinDialog now on screen.
        console_opened(object): the GuardianConsole, shown after the PIN was verified.
    """

    wizard_opened = Signal(object)
    pin_requested = Signal(object)
    console_opened = Signal(object)

    def __init__(self, services: GuardianServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.window_parent = parent
        self.work = BackgroundWork(self)
        self.wizard: SetupWizard | None = None
        self.pin_dialog: PinDialog | None = None
        self.console: GuardianConsole | None = None

    def open(self) -> None:
        """Find out (off the GUI thread) whether a PIN exists, then show the right window."""
        if self.console is not None and self.console.isVisible():
            self.console.raise_()
            self.console.activateWindow()
            return
        self.work.run(self.services.pin.status, on_result=self._route, on_error=self._ask_pin)

    def _route(self, status: object) -> None:
        if status == "not_set":
            self.wizard = SetupWizard(self.services, self.window_parent)
            self.wizard.show()
            self.wizard_opened.emit(self.wizard)
            return
        self._ask_pin()

    def _ask_pin(self, _error: object = None) -> None:
        """A PIN that is missing or unreadable is explained by the dialog itself."""
        dialog = PinDialog(
            self.services.pin,
            self.window_parent,
            prompt=self.tr("Enter the guardian PIN to open the guardian console."),
            actions=self.services.actions,
        )
        dialog.accepted.connect(self._open_console)
        self.pin_dialog = dialog
        dialog.open()
        self.pin_requested.emit(dialog)

    def _open_console(self) -> None:
        assert self.pin_dialog is not None and self.pin_dialog.proof is not None
        self.console = GuardianConsole(
            self.services, self.window_parent, proof=self.pin_dialog.proof
        )
        self.console.show()
        self.console_opened.emit(self.console)
