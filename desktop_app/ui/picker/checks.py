"""Which files the picker asks the worker about, in what order, and what it remembers.

Only what the person can see (plus a little lookahead) is asked for; visible tiles go in
as interactive checks, the lookahead as bulk; at most ``max_in_flight`` are queued at a
time, so scrolling away leaves no long queue of stale work behind. Answers are kept
by (path, size, mtime): a file changed on disk is checked again.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal

from desktop_app.analysis.analyzer import SensitivityAnalyzer
from desktop_app.analysis.verdict import Analysis, Kind, Status

from ..tasks import FutureWatcher
from .listing import FolderEntry

Key = tuple[str, int, int]


class CheckCache:
    """Answers by (path, size, mtime_ns), least recently used dropped first.

    Pass one to several dialogs to reuse answers between openings.
    """

    def __init__(self, capacity: int = 20_000) -> None:
        self.capacity = capacity
        self._answers: OrderedDict[Key, Analysis] = OrderedDict()

    def get(self, key: Key) -> Analysis | None:
        found = self._answers.get(key)
        if found is not None:
            self._answers.move_to_end(key)
        return found

    def put(self, key: Key, analysis: Analysis) -> None:
        self._answers[key] = analysis
        self._answers.move_to_end(key)
        while len(self._answers) > self.capacity:
            self._answers.popitem(last=False)

    def __len__(self) -> int:
        return len(self._answers)


class CheckScheduler(QObject):
    """Feeds the analyzer from what is on screen; answers arrive on the GUI thread.

    Signals:
        checked(object, object): (FolderEntry, Analysis) for every answer, failures
            included (as 'could not check': the picker fails closed).
    """

    checked = Signal(object, object)

    def __init__(
        self,
        analyzer: SensitivityAnalyzer,
        cache: CheckCache,
        thumbnail_px: int,
        max_in_flight: int = 4,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.analyzer, self.cache = analyzer, cache
        self.thumbnail_px, self.max_in_flight = thumbnail_px, max_in_flight
        self.in_flight: dict[Key, FolderEntry] = {}
        self.submitted = 0
        self._visible: list[FolderEntry] = []
        self._ahead: list[FolderEntry] = []
        self._watcher = FutureWatcher(self)
        self._watcher.finished.connect(self._answered)
        self._watcher.failed.connect(self._failed)

    def want(self, visible: Iterable[FolderEntry], ahead: Iterable[FolderEntry]) -> None:
        """What is on screen now and what comes next; replaces the previous wish."""
        self._visible = [e for e in visible if self._needs(e)]
        self._ahead = [e for e in ahead if self._needs(e)]
        self._pump()

    def check_now(self, entry: FolderEntry) -> None:
        """The person chose this file: check it ahead of everything (unless already asked)."""
        if entry.key not in self.in_flight:
            self._submit(entry, interactive=True)

    def forget_wishes(self) -> None:
        """Another folder: nothing more for the old one (checks already queued still finish)."""
        self._visible, self._ahead = [], []

    def _needs(self, entry: FolderEntry) -> bool:
        return entry.key not in self.in_flight and self.cache.get(entry.key) is None

    def _pump(self) -> None:
        for queue, interactive in ((self._visible, True), (self._ahead, False)):
            while queue and len(self.in_flight) < self.max_in_flight:
                entry = queue.pop(0)
                if self._needs(entry):
                    self._submit(entry, interactive)

    def _submit(self, entry: FolderEntry, interactive: bool) -> None:
        self.in_flight[entry.key] = entry
        self.submitted += 1
        try:
            future = self.analyzer.submit_file(
                entry.path, interactive=interactive, thumbnail_px=self.thumbnail_px
            )
        except RuntimeError as exc:  # the analyzer was closed
            self._failed(entry.key, exc)
            return
        self._watcher.watch(future, entry.key)

    def _answered(self, token: object, result: Analysis) -> None:
        key: Key = token  # type: ignore[assignment]
        entry = self.in_flight.pop(key, None)
        if entry is None:
            return
        self.cache.put(key, result)
        self.checked.emit(entry, result)
        self._pump()

    def _failed(self, token: object, error: BaseException) -> None:
        key: Key = token  # type: ignore[assignment]
        entry = self.in_flight.pop(key, None)
        if entry is None:
            return
        # Not cached: the engine may work again later. Until then the file stays hidden.
        reason = self.tr("SafeLens cannot check files right now: {0}").format(error)
        self.checked.emit(entry, Analysis(kind=Kind.OTHER, status=Status.UNREADABLE, reason=reason))
        self._pump()
