"""What happens after files are chosen: which may go back to the app, and which need the flow.

Cleared files and documents go back at once. A file not checked yet is checked first
(interactively). Sensitive or could-not-check files go through the help screens one at
a time, and only those whose flow ends on CONTENT (or that the guardian approved
before, by content hash) go back. Files are looked at again (size, mtime) when chosen,
so a file replaced after the grid was filled is checked again.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from desktop_app.analysis.verdict import Analysis
from desktop_app.safety.rules import Guard

from ..tasks import BackgroundWork
from .checks import CheckCache, CheckScheduler
from .intervention import PickIntervention
from .listing import FolderEntry


def restat(entries: list[FolderEntry]) -> list[FolderEntry]:
    """Worker thread: the chosen files as they are now; vanished ones left out."""
    fresh = []
    for entry in entries:
        try:
            info = os.stat(entry.path)
        except OSError:
            continue
        fresh.append(replace(entry, size=info.st_size, mtime_ns=info.st_mtime_ns))
    return fresh


@dataclass
class _Pending:
    entries: list[FolderEntry]
    index: int = 0
    handed_back: list[str] = field(default_factory=list)
    answers: dict[tuple[str, int, int], Analysis] = field(default_factory=dict)
    awaiting: tuple[str, int, int] | None = None


class Choice(QObject):
    """Decides, file by file, what may be handed back.

    Signals:
        finished(object): the list of paths that may be handed back (maybe empty).
        checking(str): a chosen file's name while it is being checked.
        intervention_opened(object): the PickIntervention shown for a chosen file.
    """

    finished = Signal(object)
    checking = Signal(str)
    intervention_opened = Signal(object)

    def __init__(
        self,
        scheduler: CheckScheduler,
        cache: CheckCache,
        guard: Guard,
        *,
        work: BackgroundWork,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.scheduler, self.cache, self.guard, self.work = scheduler, cache, guard, work
        self.window = window
        self.pending: _Pending | None = None
        self.intervention: PickIntervention | None = None
        scheduler.checked.connect(self._answered)

    @property
    def busy(self) -> bool:
        return self.pending is not None

    def start(self, entries: list[FolderEntry]) -> None:
        if self.pending is not None or not entries:
            return
        self.pending = _Pending([])
        self.work.run(restat, entries, on_result=self._restated, on_error=self._gone)

    def _restated(self, fresh: list[FolderEntry]) -> None:
        assert self.pending is not None
        self.pending.entries = fresh
        self._next()

    def _gone(self, _error: BaseException) -> None:
        self.pending = _Pending([])
        self._next()

    def _next(self) -> None:
        pending = self.pending
        assert pending is not None
        while pending.index < len(pending.entries):
            entry = pending.entries[pending.index]
            result = pending.answers.get(entry.key) or self.cache.get(entry.key)
            if result is None:
                pending.awaiting = entry.key
                self.checking.emit(entry.name)
                self.scheduler.check_now(entry)
                return
            if self.guard.rules.hands_back(result):
                pending.handed_back.append(entry.path)
                pending.index += 1
                continue
            self.work.run(
                self.guard.approval_state,
                Path(entry.path),
                on_result=partial(self._intervene, entry, result),
                on_error=partial(self._intervene, entry, result, None),
            )
            return
        self.pending = None
        self.finished.emit(pending.handed_back)

    def _answered(self, entry: FolderEntry, result: Analysis) -> None:
        pending = self.pending
        if pending is not None and pending.awaiting == entry.key:
            pending.awaiting = None
            pending.answers[entry.key] = result
            self._next()

    def _intervene(self, entry: FolderEntry, result: Analysis, state: object) -> None:
        """``state`` is (hash, approved) from the worker thread, or an error (no approval)."""
        digest, approved = state if isinstance(state, tuple) else (None, False)
        if approved and not result.could_not_check:
            self._settled(entry, QDialog.DialogCode.Accepted)
            return
        dialog = PickIntervention(Path(entry.path), result, self.guard, self.window)
        dialog.guardian_approved.connect(lambda: self._remember(digest))
        dialog.finished.connect(lambda code: self._settled(entry, code))
        self.intervention = dialog
        self.intervention_opened.emit(dialog)
        dialog.open()

    def _remember(self, digest: str | None) -> None:
        if self.guard.remembers and digest is not None:
            self.work.run(self.guard.remember, digest)

    def _settled(self, entry: FolderEntry, code: int) -> None:
        pending = self.pending
        assert pending is not None
        if code == QDialog.DialogCode.Accepted:
            pending.handed_back.append(entry.path)
        pending.index += 1
        if self.intervention is not None:
            self.intervention.deleteLater()
            self.intervention = None
        self._next()
