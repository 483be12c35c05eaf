"""Watch share folders: events from watchdog, plus a rescan that finds whatever they missed.

File-system events get lost (inotify overflow, network shares, the agent being off), so
events only make the watcher look sooner: a periodic rescan against the persisted index
finds every file. Each file is checked once its write has settled, through the worker
(bulk priority, a bounded number in flight), then handled per `share_folders`' rules.
One loop thread owns all state; watchdog's thread only queues paths.

Nothing a file system can hold ends the loop: each file's trouble is that file's outcome
(`arrivals`), an unexpected error in a pass is logged by its type, counted in ``faults``
and the loop goes on (pausing a little longer after each one in a row), and a dead
watchdog thread is replaced. A loop that dies anyway shows as not ``alive``, and the
per-machine service starts a new watch (`service.watching`).
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

from .arrivals import Arrivals
from .folder_handling import Handling
from .folder_index import FolderIndex
from .folder_intake import Intake, events_alive, start_observer, stop_observer
from .quarantine import Quarantine
from .share_folders import ApprovalBook, FolderEvent, ShareFolder
from .watch_timing import WatchTiming

__all__ = ["EventCallback", "ShareFolderWatch", "WatchTiming"]
log = logging.getLogger(__name__)
EventCallback = Callable[[FolderEvent], None]
SAVE_EVERY_S = 2.0
FAULT_PAUSE_S = 0.25  # after an unexpected error: doubled for each one in a row ...
MAX_FAULT_PAUSE_S = 30.0  # ... up to this
DEGRADED_RESCAN_S = 10.0  # how often to rescan while events cannot cover whole trees


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
        self._loop_faults = 0
        self._whole_trees = True  # events cover the folders' whole trees

    @property
    def failure(self) -> AnalyzerUnavailable | None:
        """Set when the checker became unavailable (models missing or altered)."""
        return self._arrivals.failure

    @property
    def alive(self) -> bool:
        """The loop thread runs (the service's liveness check; False before start())."""
        return self._thread is not None and self._thread.is_alive()

    @property
    def faults(self) -> int:
        """Unexpected errors survived: in a whole pass, or with one file."""
        return self._loop_faults + self._arrivals.faults

    @property
    def problem(self) -> str | None:
        """Plain words (no names) for the health view, when something is not as it should be."""
        if self.index.problem is not None:
            return self.index.problem
        if self._arrivals.too_deep:
            return "Some folders are nested too deep to be checked."
        return None

    # -- public ---------------------------------------------------------------------
    def start(self, watch_events: bool = True) -> None:
        """Rescan now, then keep watching in the background until stop()."""
        self._intake.request_rescan()
        if watch_events:
            self._start_events()
        self._thread = threading.Thread(target=self._run, name="safelens-share-folders")
        self._thread.daemon = True
        self._thread.start()

    def stop(self) -> None:
        """Stop watching; checks already at the worker are finished and handled first."""
        self._stopping.set()
        self._intake.wake()
        if self._observer is not None:
            stop_observer(self._observer)
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
        in_a_row = 0
        while not self._stopping.is_set():
            try:
                self._keep_events()
                self._pass(time.monotonic())
            except Exception as exc:  # the last resort: never the end of the watch
                in_a_row += 1
                self._fault(exc, in_a_row)
                continue
            in_a_row = 0
            busy = bool(self._arrivals.arriving or self._arrivals.queued)
            timeout = self.timing.poll_s if busy else self._next_rescan - time.monotonic()
            self._intake.wait(max(0.01, min(timeout, self._rescan_every())))
        while self._arrivals.queued:
            try:
                self._pass(time.monotonic(), look=False)
            except Exception as exc:
                self._fault(exc, 1)
                break
            self._intake.wait(self.timing.poll_s)
        with self._lock:
            self.index.save()

    def _fault(self, exc: Exception, in_a_row: int) -> None:
        """Logged by its type only (its text may name a file); events may have been lost."""
        self._loop_faults += 1
        log.error("share folders: a watch pass failed (%s); watching goes on", type(exc).__name__)
        self._intake.request_rescan()
        pause = min(MAX_FAULT_PAUSE_S, FAULT_PAUSE_S * 2 ** (in_a_row - 1))
        self._stopping.wait(pause)

    def _start_events(self) -> None:
        self._observer, self._whole_trees = start_observer(
            [f.path for f in self.folders], self._intake
        )

    def _keep_events(self) -> None:
        """A watchdog thread that died (e.g. walking a tree too deep) is replaced."""
        if self._observer is None or events_alive(self._observer):
            return
        self._loop_faults += 1
        log.warning("share folders: the event watcher stopped; starting it again")
        stop_observer(self._observer)
        self._start_events()
        self._intake.request_rescan()

    def _rescan_every(self) -> float:
        if self._whole_trees:
            return self.timing.rescan_s
        return min(self.timing.rescan_s, DEGRADED_RESCAN_S)

    def _pass(self, now: float, look: bool = True) -> list[FolderEvent]:
        """One round: take events, rescan when due, settle, submit, handle finished checks."""
        done: list[FolderEvent] = []
        arrivals = self._arrivals
        with self._lock:
            changes, rescan = self._intake.take()
            arrivals.take(changes)
            if look and (rescan or now >= self._next_rescan):
                arrivals.rescan(done)
                self._next_rescan = now + self._rescan_every()
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
