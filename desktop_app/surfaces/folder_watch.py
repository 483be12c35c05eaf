"""Watch share folders: events from watchdog, plus a rescan that finds whatever they missed.

File-system events get lost (inotify overflow, network shares, the agent being off), so
events only make the watcher look sooner: a periodic rescan against the persisted index
finds every file. Each file is checked once its write has settled, through the worker
(bulk priority, a bounded number in flight), then handled per `share_folders`' rules.
One loop thread owns all state; watchdog's thread only queues paths.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from desktop_app.analysis.analyzer import SensitivityAnalyzer
from desktop_app.analysis.verdict import AnalyzerUnavailable
from desktop_app.core.background import enter_background
from desktop_app.core.sinks import CountRecorder
from desktop_app.policy.settings import AgeBand

from .arrivals import Arrivals, WatchTiming
from .folder_handling import Handling
from .folder_index import FolderIndex
from .folder_intake import Intake, start_observer
from .quarantine import Quarantine
from .share_folders import ApprovalBook, FolderEvent, ShareFolder

__all__ = ["EventCallback", "ShareFolderWatch", "WatchTiming"]
log = logging.getLogger(__name__)
EventCallback = Callable[[FolderEvent], None]
SAVE_EVERY_S = 2.0


class ShareFolderWatch:
    """Checks every file that arrives in the share folders, and acts for the age band."""

    def __init__(
        self,
        folders: Sequence[ShareFolder],
        analyzer: SensitivityAnalyzer,
        quarantine: Quarantine,
        *,
        band: AgeBand | None,
        profile_id: str | None = None,
        counts: CountRecorder | None = None,
        approvals: ApprovalBook | None = None,
        index: FolderIndex | None = None,
        index_path: Path | None = None,
        on_event: EventCallback | None = None,
        timing: WatchTiming | None = None,
        background: bool = False,
    ) -> None:
        """``index_path``: where this watch keeps its index (default: the account's own).

        ``background``: the watch thread (walking, hashing, moving) runs at background CPU
        and disk priority (`core.background`), as the per-machine service's first scans do.
        """
        self.background = background
        self.timing = timing or WatchTiming()
        options = analyzer.options
        checked_with = f"{options.strictness}|{options.test_pattern}|{band}"
        if index is None:
            index = FolderIndex(index_path, checked_with=checked_with)
        self.index = index
        self.handling = Handling(
            quarantine,
            self.index,
            band=band,
            profile_id=profile_id,
            counts=counts,
            approvals=approvals,
        )
        self._intake = Intake(self.timing.event_queue_limit)
        self._arrivals = Arrivals(
            folders, analyzer, self.handling, timing=self.timing, wake=self._intake.wake
        )
        self.folders = self._arrivals.folders
        self._on_event = on_event
        self._lock = threading.RLock()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._observer: object | None = None
        self._next_rescan = 0.0
        self._last_look = float("-inf")
        self._last_save = 0.0

    @property
    def failure(self) -> AnalyzerUnavailable | None:
        """Set when the checker became unavailable (models missing or altered)."""
        return self._arrivals.failure

    # -- public ---------------------------------------------------------------------
    def start(self, watch_events: bool = True) -> None:
        """Rescan now, then keep watching in the background until stop()."""
        self._intake.request_rescan()
        if watch_events:
            self._observer = start_observer([f.path for f in self.folders], self._intake)
        self._thread = threading.Thread(target=self._run, name="safelens-share-folders")
        self._thread.daemon = True
        self._thread.start()

    def stop(self) -> None:
        """Stop watching; checks already at the worker are finished and handled first."""
        self._stopping.set()
        self._intake.wake()
        if self._observer is not None:
            stop_observer = getattr(self._observer, "stop")  # noqa: B009
            stop_observer()
            getattr(self._observer, "join")(timeout=5)  # noqa: B009
            self._observer = None
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def rescan(self) -> None:
        """Ask for a full reconciliation on the next pass (thread-safe)."""
        self._intake.request_rescan()

    def run_once(self, max_wait_s: float = 60.0) -> list[FolderEvent]:
        """Handle what is in the folders now, waiting up to ``max_wait_s`` for writes to end."""
        events: list[FolderEvent] = []
        deadline = time.monotonic() + max_wait_s
        self._intake.request_rescan()
        while True:
            events += self._pass(time.monotonic())
            if self.failure is not None:
                raise self.failure
            if not self._arrivals.queued:
                if not self._arrivals.arriving:
                    break
                if time.monotonic() >= deadline:
                    with self._lock:
                        given_up = self._arrivals.give_up()
                    self._emit(given_up)
                    events += given_up
                    break
            self._intake.wait(self.timing.poll_s)
        with self._lock:
            self.index.save()
        return events

    def release(self, entry_id: str) -> FolderEvent:
        """The sending flow said send: put a held outgoing file back where it was."""
        with self._lock:
            event = self.handling.release(entry_id)
            self.index.save()
        self._emit([event])
        return event

    @property
    def pending(self) -> int:
        """Files still arriving or being checked (for status displays and tests)."""
        with self._lock:
            return self._arrivals.arriving + self._arrivals.queued

    # -- the loop -------------------------------------------------------------------
    def _run(self) -> None:
        if self.background:
            enter_background()
        while not self._stopping.is_set():
            self._pass(time.monotonic())
            busy = bool(self._arrivals.arriving or self._arrivals.queued)
            timeout = self.timing.poll_s if busy else self._next_rescan - time.monotonic()
            self._intake.wait(max(0.01, min(timeout, self.timing.rescan_s)))
        while self._arrivals.queued:
            self._pass(time.monotonic(), look=False)
            self._intake.wait(self.timing.poll_s)
        with self._lock:
            self.index.save()

    def _pass(self, now: float, look: bool = True) -> list[FolderEvent]:
        """One round: take events, rescan when due, settle, submit, handle finished checks."""
        done: list[FolderEvent] = []
        arrivals = self._arrivals
        with self._lock:
            changes, rescan = self._intake.take()
            arrivals.take(changes)
            if look and (rescan or now >= self._next_rescan):
                arrivals.rescan(done)
                self._next_rescan = now + self.timing.rescan_s
            arrivals.collect(done)
            if look and now - self._last_look >= self.timing.poll_s:
                arrivals.look(now, done)
                self._last_look = now
            if look:
                arrivals.feed(done)
            if now - self._last_save >= SAVE_EVERY_S:
                self.index.save()
                self._last_save = now
        self._emit(done)
        return done

    def _emit(self, events: list[FolderEvent]) -> None:
        if self._on_event is None:
            return
        for event in events:
            try:
                self._on_event(event)
            except Exception:
                log.exception("share folders: an event listener failed")
