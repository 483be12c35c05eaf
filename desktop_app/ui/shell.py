"""Start Qt and the app's windows; the composition root (app.py) hands in the services."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.analysis.analyzer import SensitivityAnalyzer
from desktop_app.policy.effective import EffectivePolicy
from desktop_app.safety.rules import Guard, rules_from_policy
from desktop_app.service.session_protection import MachineSession
from desktop_app.surfaces.quarantine import Quarantine

from .agent import Agent
from .guardian.launcher import GuardianLauncher
from .guardian.services import GuardianServices
from .i18n import choose_language, choose_region, install_language
from .machine_agent import MachineAgent
from .main_window import MainWindow
from .openers import Openers
from .tasks import collect_garbage_on_gui_thread
from .tray import shield_icon
from .viewer import ViewerWindow

APP_ICON = "safelens"  # the package installs it in the hicolor theme (resources/icons/)


def application(
    services: GuardianServices | None = None, *, policy: EffectivePolicy | None = None
) -> QApplication:
    """The QApplication, speaking the guardian's chosen language (or the system's).

    ``policy``: the service's policy in machine mode (else the services' own settings)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("SafeLens")
    app.setApplicationDisplayName("SafeLens")
    app.setDesktopFileName(APP_ICON)  # safelens.desktop: the menu entry's name and icon
    # Every window's icon: the installed app icon, or (from a checkout) the tray's shield.
    app.setWindowIcon(QIcon.fromTheme(APP_ICON, shield_icon()))
    collect_garbage_on_gui_thread(app)
    chosen = policy if policy is not None else services.settings.policy if services else None
    if chosen is not None and not _has_language(app):
        # The translators are the application's children: they live as long as it does.
        install_language(app, choose_language(chosen["language"]))
    return app


def _has_language(app: QCoreApplication) -> bool:
    """A language was installed into this application already (install_language parents
    its translators to the application)."""
    return bool(app.findChildren(QTranslator))


def child_guard(services: GuardianServices) -> Guard:
    """The child path's rules for the current user (from the effective policy and the
    region), with the guardian's PIN, the remembered approvals and the counts."""
    policy = services.settings.policy
    region = choose_region(policy["region"])
    rules = rules_from_policy(policy, services.events, region)
    return Guard(rules, services.pin, services.approvals, services.events)


def main_window(
    analyzer: SensitivityAnalyzer,
    services: GuardianServices,
    guard: Guard,
    *,
    machine: bool = False,
) -> MainWindow:
    """The first window, with its ways into the viewer, contacts and the guardian's console.

    ``machine``: the service keeps the quarantine; this session has none of its own."""
    openers = Openers(analyzer, services, guard, None if machine else services.quarantine)
    return MainWindow(analyzer, services, openers)


def run_app(
    analyzer: SensitivityAnalyzer,
    services: GuardianServices,
    guard: Guard,
    *,
    machine: bool = False,
) -> int:
    """Show the main window and run the event loop until the user quits."""
    app = application(services)
    window = main_window(analyzer, services, guard, machine=machine)
    window.show()
    return int(app.exec())


def run_guardian(services: GuardianServices) -> int:
    """`safelens guardian`: the setup wizard, or the PIN and then the console; quit after."""
    app = application(services)
    app.setQuitOnLastWindowClosed(False)  # the PIN dialog hides before the console shows
    launcher = guardian_launcher(services, app.quit)
    QTimer.singleShot(0, launcher.open)
    return int(app.exec())


def guardian_launcher(services: GuardianServices, done: Callable[..., object]) -> GuardianLauncher:
    """A launcher whose windows call ``done`` when the guardian is finished with them."""
    launcher = GuardianLauncher(services)
    finish = done

    def on_console(console: QWidget) -> None:
        console.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        console.destroyed.connect(finish)

    launcher.wizard_opened.connect(lambda wizard: wizard.finished.connect(finish))
    launcher.pin_requested.connect(lambda dialog: dialog.rejected.connect(finish))
    launcher.console_opened.connect(on_console)
    return launcher


def run_viewer(
    path: Path, analyzer: SensitivityAnalyzer, services: GuardianServices, guard: Guard
) -> int:
    """`safelens open PATH`: the safe viewer for one file."""
    app = application(services)
    window = ViewerWindow(path, analyzer, guard)
    window.resize(720, 640)
    window.show()
    return int(app.exec())


def run_agent(
    analyzer: SensitivityAnalyzer,
    services: GuardianServices,
    guard: Guard,
    quarantine: Quarantine,
) -> int:
    """`safelens agent`: the tray icon, the share folders and the windows they open."""
    app = application(services)
    app.setQuitOnLastWindowClosed(False)  # the agent lives in the tray
    agent = Agent(app, analyzer, services, guard, quarantine=quarantine)
    app.aboutToQuit.connect(agent.stop)
    agent.start()
    return int(app.exec())


def run_machine_agent(
    analyzer: SensitivityAnalyzer, services: GuardianServices, session: MachineSession
) -> int:
    """`safelens agent` in machine mode: the tray as the service's client (no folder watch)."""
    app = application(services, policy=session.policy.policy)
    app.setQuitOnLastWindowClosed(False)  # the agent lives in the tray
    agent = MachineAgent(app, analyzer, services, session)
    app.aboutToQuit.connect(agent.stop)  # the goodbye
    agent.start()
    return int(app.exec())
