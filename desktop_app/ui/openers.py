"""The windows a person can open from the tray or the main window, kept alive while shown.

The safe picker and viewer, the contacts view, the help screens for something the share
folders put aside, the sending dialog for something held, and the guardian's console
(behind the PIN). Everything they need is handed in by the composition root (app.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from desktop_app.analysis.analyzer import SensitivityAnalyzer
from desktop_app.safety.rules import Guard
from desktop_app.service.actions import GuardianActions
from desktop_app.surfaces.contacts_store import ContactsStore
from desktop_app.surfaces.quarantine import Quarantine
from desktop_app.surfaces.quarantine_entry import EntryNotFound
from desktop_app.surfaces.share_folders import FolderEvent, FolderEventKind

from .arrivals import ArrivalWindow
from .contacts import ContactsView
from .guardian.launcher import GuardianLauncher
from .guardian.services import GuardianServices
from .intervention.copy import translate
from .intervention.send_dialog import SendDialog
from .picker.dialog import SafeFileDialog
from .tasks import BackgroundWork
from .viewer import ViewerWindow

Release = Callable[[str], object]  # lets a held outgoing file leave (by quarantine id)


class Openers:
    """Opens each window and keeps the open ones alive (no globals)."""

    def __init__(
        self,
        analyzer: SensitivityAnalyzer,
        services: GuardianServices,
        guard: Guard,
        quarantine: Quarantine | None,
        *,
        release: Release | None = None,
    ) -> None:
        self.analyzer, self.services, self.guard = analyzer, services, guard
        self.quarantine, self.release = quarantine, release
        # The arrival windows' actions: the services' own, unless this is another quarantine.
        self.actions = (
            services.actions
            if quarantine is services.quarantine
            else GuardianActions(
                services.pin, services.approvals, quarantine, services.settings, services.events
            )
        )
        self.windows: list[QWidget] = []
        self.work = BackgroundWork()
        self.launcher = GuardianLauncher(services)

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
            guard=self.guard,
        )
        if path:
            window = ViewerWindow(Path(path), self.analyzer, self.guard)
            window.resize(720, 640)
            self._keep(window)

    def open_contacts(self) -> None:
        """Who is protected and where counts go: the guard's (the service's in machine mode,
        where there is no quarantine here: a hidden photo is replaced and counted, not kept)."""
        rules = self.guard.rules
        view = ContactsView(
            self.analyzer,
            ContactsStore(),
            self.quarantine,
            fail_closed=rules.band.is_child,
            profile_id=rules.profile_id,
            events=self.guard.events,
        )
        view.resize(560, 640)
        self._keep(view)

    def open_guardian(self) -> None:
        self.launcher.open()

    def open_arrival(self, event: FolderEvent) -> None:
        if event.quarantine_id is None or self.quarantine is None:
            return
        entry_id = event.quarantine_id
        if event.event is FolderEventKind.HELD:
            dialog = SendDialog(self.guard)
            release = self.release
            if release is not None:
                dialog.accepted.connect(lambda: self.work.run(release, entry_id))
            self._keep(dialog)
            return
        try:
            entry = self.quarantine.get(entry_id)
        except EntryNotFound:
            return  # a guardian restored or deleted it meanwhile
        window = ArrivalWindow(entry, self.quarantine, self.guard, self.actions)
        window.resize(640, 560)
        self._keep(window)
