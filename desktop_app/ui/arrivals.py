"""What opens when the child clicks "Someone shared something that may be sensitive".

The file is in quarantine; the window shows the help screens for it (no picture: the
badge only). If the flow reaches the content — a teen's own choice after the screens, or
a guardian's PIN for a younger child — the bytes are read from quarantine (verified) into
a private temporary file that is shown and removed when the window closes. A guardian's
approval is remembered by content hash and the file goes back to where it arrived, so
the share folder lets it through from then on.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import platformdirs
from PySide6.QtGui import QCloseEvent

from desktop_app.analysis.formats import HEAD_BYTES, sniff
from desktop_app.analysis.verdict import Analysis, CheckFailed, Kind, Status
from desktop_app.core.vocabulary import Surface
from desktop_app.safety.flow import ViewingFlow
from desktop_app.safety.rules import Guard
from desktop_app.surfaces.quarantine import Quarantine, QuarantineEntry, QuarantineReason

from .intervention.window import FlowWindow


class ArrivalWindow(FlowWindow):
    """The help screens for one file the share folders put aside."""

    def __init__(
        self,
        entry: QuarantineEntry,
        quarantine: Quarantine,
        guard: Guard,
    ) -> None:
        super().__init__(guard, Surface.share_folders)
        self.entry, self.quarantine = entry, quarantine
        self.setWindowTitle(self.tr("SafeLens — something was shared with you"))
        self.shown_file: Path | None = None
        could_not_check = entry.reason is QuarantineReason.could_not_check
        self.result = Analysis(
            kind=Kind.OTHER,
            status=Status.UNREADABLE if could_not_check else Status.OK,
            is_sensitive=not could_not_check,
        )
        self.view.show_result(self.result, Path(entry.original_path))
        self.panel.approved.connect(self._approved)
        flow = ViewingFlow(guard.rules.viewing(self.result, approved=False))
        self.panel.start(flow, counted_elsewhere=True)  # the share folders counted it

    def show_content(self) -> None:
        """The bytes come from quarantine (verified) into a private copy, off the GUI thread."""
        self.work.run(self._private_copy, on_result=self._show, on_error=self._not_shown)

    def _private_copy(self) -> tuple[Path, Kind]:
        """The verified bytes in a file only this user can read, and what they hold by the
        same sniffing the checker uses (worker thread). The name keeps the original's
        suffix, so a document or archive opens in its own app."""
        data = self.quarantine.read_bytes(self.entry.id)
        folder = Path(platformdirs.user_cache_dir("SafeLens", appauthor=False))
        folder.mkdir(parents=True, exist_ok=True)
        suffix = Path(self.entry.original_path).suffix[:16]
        handle, name = tempfile.mkstemp(prefix="shown-", suffix=suffix, dir=folder)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        try:
            kind = sniff(data[:HEAD_BYTES]).kind
        except CheckFailed as failed:
            kind = failed.kind
        return Path(name), kind

    def _show(self, copy: tuple[Path, Kind]) -> None:
        path, kind = copy
        self.shown_file = path
        chosen = Analysis(kind=kind, status=Status.OK, is_sensitive=True)
        self.view.show_result(chosen, path)
        self.view.reveal()

    def _not_shown(self, error: BaseException) -> None:
        """The stored copy is gone or damaged: it stays hidden, and the child is told."""
        del error  # never logged: it may name the file
        self.panel.body.setText(
            self.tr("SafeLens couldn't open this. A guardian can look at it in the console.")
        )

    def _approved(self) -> None:
        """The guardian said yes: remember it for these bytes and put the file back."""
        if self.guard.remembers:
            self.work.run(self.guard.remember, self.entry.sha256)
        self.work.run(self.quarantine.restore, self.entry.id, on_error=lambda _e: None)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.shown_file is not None:
            self.shown_file.unlink(missing_ok=True)
            self.shown_file = None
        super().closeEvent(event)
