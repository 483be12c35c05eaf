"""How the app opens the guardian's windows: setup on first run, else the PIN, then the console.

In machine mode (the per-machine service answers) the PIN is checked by the service, the
console works on the service's data through the session the PIN opened, and the setup is
saved by the service; in single-account mode all of it is this account's own stores.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop_app.service.client import ServiceClient
from desktop_app.service.mode import Mode

from ..tasks import BackgroundWork
from .console import GuardianConsole
from .pin_dialog import PinDialog
from .service_session import ServiceGate, ServiceSession
from .services import GuardianServices
from .sessions import GuardianSession, LocalSession
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

    def __init__(
        self,
        services: GuardianServices,
        parent: QWidget | None = None,
        gate: ServiceGate | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.window_parent = parent
        mode = services.mode
        if gate is None and mode is not None and mode.mode is Mode.MACHINE:
            gate = ServiceGate(ServiceClient(mode.socket), mode)
        self.gate = gate  # machine mode: the service checks the PIN and keeps the data
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
        gate = self.gate
        status: Callable[[], object] = (
            self.services.pin.status if gate is None else lambda: gate.state()[0]
        )
        self.work.run(status, on_result=self._route, on_error=self._ask_pin)

    def _route(self, status: object) -> None:
        if status == "not_set":
            setup = self.gate.set_up if self.gate is not None else None
            self.wizard = SetupWizard(self.services, self.window_parent, setup=setup)
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
            gate=self.gate,
        )
        dialog.accepted.connect(self._open_console)
        self.pin_dialog = dialog
        dialog.open()
        self.pin_requested.emit(dialog)

    def _open_console(self) -> None:
        dialog = self.pin_dialog
        assert dialog is not None
        session: GuardianSession
        if isinstance(dialog.opened, ServiceSession):
            session = dialog.opened
        else:
            assert dialog.proof is not None
            session = LocalSession(self.services, dialog.proof)
        self.console = GuardianConsole(session, self.window_parent)
        self.console.show()
        self.console_opened.emit(self.console)
