"""The guardian's windows: first-run setup wizard, PIN dialog and the PIN-gated console."""

from .console import GuardianConsole
from .launcher import GuardianLauncher
from .pin_dialog import PinDialog
from .services import GuardianServices
from .wizard import SetupWizard

__all__ = ["GuardianConsole", "GuardianLauncher", "GuardianServices", "PinDialog", "SetupWizard"]
