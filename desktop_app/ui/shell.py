"""Start Qt and the app's windows; the composition root (app.py) hands in the services."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.analysis.analyzer import SensitivityAnalyzer
from desktop_app.policy.settings import AgeBand
from desktop_app.surfaces.quarantine import Quarantine

from .agent import Openers
from .guardian.launcher import GuardianLauncher
from .guardian.services import GuardianServices
from .i18n import choose_language, choose_region, install_language
from .main_window import MainWindow
from .tasks import collect_garbage_on_gui_thread
from .viewer import ViewerRules, ViewerWindow


def application(services: GuardianServices | None = None) -> QApplication:
    """The QApplication, speaking the guardian's chosen language (or the system's)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("SafeLens")
    app.setApplicationDisplayName("SafeLens")
    collect_garbage_on_gui_thread(app)
    if services is not None and not hasattr(app, "safelens_translators"):
        language = choose_language(services.settings.policy["language"])
        app.safelens_translators = install_language(app, language)  # type: ignore[attr-defined]
    return app


def main_window(
    analyzer: SensitivityAnalyzer, services: GuardianServices, openers: Openers | None = None
) -> MainWindow:
    """The first window, with its ways into the viewer, contacts and the guardian's console."""
    window = MainWindow(analyzer)
    made: list[Openers] = [openers] if openers is not None else []

    def opener() -> Openers:  # built on first use: the quarantine folder is made only then
        if not made:
            rules = viewer_rules(services, choose_region(services.settings.policy["region"]))
            made.append(Openers(analyzer, services, rules, Quarantine()))
        return made[0]

    window.open_button.clicked.connect(lambda: opener().open_file())
    window.contacts_button.clicked.connect(lambda: opener().open_contacts())
    launcher = GuardianLauncher(services, window)
    window.guardian_button.clicked.connect(launcher.open)
    window.show_setup_needed(not services.settings.set_up)
    launcher.wizard_opened.connect(
        lambda wizard: wizard.setup_saved.connect(lambda: window.show_setup_needed(False))
    )
    window.launcher = launcher
    return window


def run_app(analyzer: SensitivityAnalyzer, services: GuardianServices) -> int:
    """Show the main window and run the event loop until the user quits."""
    app = application(services)
    window = main_window(analyzer, services)
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


def viewer_rules(services: GuardianServices, region: str | None) -> ViewerRules:
    """The viewer's rules for the current user, from the effective policy."""
    policy = services.settings.policy
    profile = policy.profile
    band = profile.band or AgeBand.ADULT
    recent = 0
    if profile.profile_id and services.events is not None:
        recent = services.events.encounters_within(
            profile.profile_id, policy["escalation.window_hours"]
        )
    return ViewerRules(
        band=band,
        view_policy=policy[f"view_policy.{band.value}"],
        profile_id=profile.profile_id,
        recent_encounters=recent,
        escalation_threshold=policy["escalation.threshold"],
        guardian_notices=policy["guardian_notices"] == "counts",
        region=region,
        trusted_adults=list(policy["trusted_adults"]),
        send_policy=policy[f"send_policy.{band.value}"],
    )


def run_viewer(path: Path, analyzer: SensitivityAnalyzer, services: GuardianServices) -> int:
    """`safelens open PATH`: the safe viewer for one file."""
    app = application(services)
    region = choose_region(services.settings.policy["region"])
    window = ViewerWindow(
        path,
        analyzer,
        viewer_rules(services, region),
        services.pin,
        services.approvals,
        events=services.events,
    )
    window.resize(720, 640)
    window.show()
    return int(app.exec())
