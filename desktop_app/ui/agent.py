"""`safelens agent`: the background agent for the logged-in user, wired to its services.

Watches the share folders of the effective policy (for a protected child), shows the
tray icon and notifications, and opens the viewer, the safe picker, the contacts view,
the arrivals' help screens, the sending dialog and (with the PIN) the guardian console.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.analysis.analyzer import SensitivityAnalyzer
from desktop_app.surfaces.agent import Heartbeat, autostart_entry, install_autostart
from desktop_app.surfaces.contacts_store import ContactsStore
from desktop_app.surfaces.folder_watch import ShareFolderWatch, WatchTiming
from desktop_app.surfaces.quarantine import Quarantine
from desktop_app.surfaces.quarantine_entry import EntryNotFound
from desktop_app.surfaces.share_folders import FolderEvent, FolderEventKind, folders_from_policy

from .arrivals import ArrivalWindow
from .contacts import ContactsView
from .guardian.launcher import GuardianLauncher
from .guardian.services import GuardianServices
from .i18n import choose_region
from .intervention.copy import translate
from .intervention.send_dialog import SendDialog
from .picker.dialog import SafeFileDialog
from .tasks import BackgroundWork
from .tray import AgentActions, TrayAgent, tamper_recorder
from .viewer import ViewerRules, ViewerWindow


class Openers:
    """The windows a person can open from the tray or the main window (kept alive here)."""

    def __init__(
        self,
        analyzer: SensitivityAnalyzer,
        services: GuardianServices,
        rules: ViewerRules,
        quarantine: Quarantine,
    ) -> None:
        self.analyzer, self.services, self.rules = analyzer, services, rules
        self.quarantine = quarantine
        self.windows: list[QWidget] = []
        self.work = BackgroundWork()
        self.launcher = GuardianLauncher(services)
        self.release: Callable[[str], object] | None = None  # set by the agent's watcher

    def _keep(self, window: QWidget) -> QWidget:
        self.windows = [w for w in self.windows if w.isVisible()] + [window]
        window.show()
        return window

    def open_file(self) -> None:
        path, _chosen = SafeFileDialog.getOpenFileName(
            None,
            translate("Agent", "Open a picture or video"),
            str(Path.home()),
            "",
            analyzer=self.analyzer,
            rules=self.rules,
            pin=self.services.pin,
            approvals=self.services.approvals,
            events=self.services.events,
        )
        if path:
            window = ViewerWindow(
                Path(path),
                self.analyzer,
                self.rules,
                self.services.pin,
                self.services.approvals,
                events=self.services.events,
            )
            window.resize(720, 640)
            self._keep(window)

    def open_contacts(self) -> None:
        profile = self.services.settings.policy.profile
        view = ContactsView(
            self.analyzer,
            ContactsStore(),
            self.quarantine,
            fail_closed=profile.protected,
            profile_id=profile.profile_id,
            events=self.services.events,
        )
        view.resize(560, 640)
        self._keep(view)

    def open_guardian(self) -> None:
        self.launcher.open()

    def open_arrival(self, event: FolderEvent) -> None:
        if event.quarantine_id is None:
            return
        entry_id = event.quarantine_id
        if event.event is FolderEventKind.HELD:
            dialog = SendDialog(self.rules, pin=self.services.pin, events=self.services.events)
            release = self.release
            if release is not None:
                dialog.accepted.connect(lambda: self.work.run(release, entry_id))
            self._keep(dialog)
            return
        try:
            entry = self.quarantine.get(entry_id)
        except EntryNotFound:
            return  # a guardian restored or deleted it meanwhile
        window = ArrivalWindow(
            entry,
            self.quarantine,
            self.rules,
            pin=self.services.pin,
            approvals=self.services.approvals,
            events=self.services.events,
        )
        window.resize(640, 560)
        self._keep(window)


class Agent:
    """Everything the agent keeps alive, built from the services (no globals)."""

    def __init__(
        self,
        app: QApplication,
        analyzer: SensitivityAnalyzer,
        services: GuardianServices,
        rules: ViewerRules,
        *,
        quarantine: Quarantine | None = None,
        heartbeat_folder: Path | None = None,
        timing: WatchTiming | None = None,
    ) -> None:
        self.app, self.services = app, services
        self.quarantine = quarantine if quarantine is not None else Quarantine()
        self.open = Openers(analyzer, services, rules, self.quarantine)
        self.work = BackgroundWork()
        policy = services.settings.policy
        profile = policy.profile
        events = services.events
        self.heartbeat: Heartbeat | None = None
        if events is not None and profile.protected:
            record = tamper_recorder(events.record, profile.profile_id)
            owner = profile.profile_id or profile.os_user
            self.heartbeat = Heartbeat(owner, record, folder=heartbeat_folder)
        actions = AgentActions(
            open_file=self.open.open_file,
            contacts=self.open.open_contacts,
            guardian=self.open.open_guardian,
            open_arrival=self.open.open_arrival,
            quit=None if profile.protected else app.quit,
        )
        self.tray = TrayAgent(policy, actions, heartbeat=self.heartbeat)
        folders = folders_from_policy(policy) if profile.protected else []
        self.watch = ShareFolderWatch(
            folders,
            analyzer,
            self.quarantine,
            band=profile.band,
            profile_id=profile.profile_id,
            counts=events,
            approvals=services.approvals,
            on_event=self.tray.deliver,
            timing=timing,
        )
        self.open.release = self.watch.release

    @property
    def windows(self) -> list[QWidget]:
        return self.open.windows

    def start(self) -> None:
        self.tray.start()
        self.watch.start()
        self.health = QTimer()
        self.health.setInterval(30_000)  # twice a minute: the agent stays idle otherwise
        self.health.timeout.connect(self.check_health)
        self.health.start()
        if self.services.settings.policy.profile.protected:
            self.work.run(install_autostart, autostart_entry(), on_error=lambda _e: None)

    def check_health(self) -> None:
        """The checker cannot run (models missing or altered): say so in the tray."""
        if self.watch.failure is not None:
            self.tray.set_problem(translate("Agent", "SafeLens can't check files right now"))

    def stop(self) -> None:
        self.health.stop()
        self.watch.stop()
        self.tray.stop()


def run_agent(analyzer: SensitivityAnalyzer, services: GuardianServices, rules: ViewerRules) -> int:
    from .shell import application

    app = application(services)
    app.setQuitOnLastWindowClosed(False)  # the agent lives in the tray
    agent = Agent(app, analyzer, services, rules)
    app.aboutToQuit.connect(agent.stop)
    agent.start()
    return int(app.exec())


def agent_rules(services: GuardianServices) -> ViewerRules:
    from .shell import viewer_rules

    return viewer_rules(services, choose_region(services.settings.policy["region"]))
