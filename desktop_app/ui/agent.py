"""`safelens agent`: the background agent for the logged-in user, wired to its services.

Watches the share folders of the effective policy (for a protected child), shows the
tray icon and notifications, and opens the viewer, the safe picker, the contacts view,
the arrivals' help screens, the sending dialog and (with the PIN) the guardian console
through ``Openers``. The composition root (app.py) hands in every service.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.analysis.analyzer import SensitivityAnalyzer
from desktop_app.safety.rules import Guard
from desktop_app.surfaces.agent import Heartbeat, autostart_entry, install_autostart
from desktop_app.surfaces.folder_watch import ShareFolderWatch, WatchTiming
from desktop_app.surfaces.quarantine import Quarantine
from desktop_app.surfaces.share_folders import FolderEvent, folders_from_policy

from .guardian.services import GuardianServices
from .intervention.copy import translate
from .openers import Openers
from .tasks import BackgroundWork
from .tray import AgentActions, TrayAgent, tamper_recorder


class Agent:
    """Everything the agent keeps alive, built from the services (no globals)."""

    def __init__(
        self,
        app: QApplication,
        analyzer: SensitivityAnalyzer,
        services: GuardianServices,
        guard: Guard,
        *,
        quarantine: Quarantine,
        heartbeat_folder: Path | None = None,
        timing: WatchTiming | None = None,
    ) -> None:
        self.app, self.services = app, services
        self.quarantine = quarantine
        self.open = Openers(analyzer, services, guard, quarantine, release=self.release)
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
            timing=(timing or WatchTiming()).with_policy(policy),
        )

    @property
    def windows(self) -> list[QWidget]:
        return self.open.windows

    def release(self, entry_id: str) -> FolderEvent:
        """A held outgoing file may leave (the sending flow ended on SENT): worker thread."""
        return self.watch.release(entry_id)

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
