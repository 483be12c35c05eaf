"""Watch share folders: events from watchdog, plus a rescan that finds whatever they missed.

File-system events get lost (inotify overflow, network shares, the agent being off), so
events only make the watcher look sooner: a periodic rescan against the persisted index
finds every file. Each file is checked once its write has settled, through the worker
(bulk priority, a bounded number in flight), then handled per `share_folders`' rules.
One loop thread owns all state; watchdog's thread only queues paths.
"""

from __future__ import annotations

import contextlib
import logging
import os
import stat
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.analysis.analyzer import SensitivityAnalyzer
from desktop_app.analysis.verdict import Analysis, AnalyzerUnavailable
from desktop_app.policy.approvals import content_sha256
from desktop_app.policy.settings import AgeBand

from .folder_handling import Handling
from .folder_index import FolderIndex, IndexEntry, Verdict
from .folder_intake import Intake, start_observer
from .quarantine import Quarantine
from .settle import FileState, SettleWatch, can_open, held_for_writing, is_temporary_name
from .share_folders import (
    INCOMPLETE,
    ApprovalBook,
    CountRecorder,
    FolderEvent,
    FolderEventKind,
    ShareFolder,
    verdict_of,
)

log = logging.getLogger(__name__)
EventCallback = Callable[[FolderEvent], None]
MAX_VANISHED = 10_000


@dataclass(frozen=True)
class WatchTiming:
    """How patient the watcher is; tests use small values."""

    settle_s: float = 2.0  # size and time unchanged this long = the write has finished
    poll_s: float = 0.25  # how often arriving files are looked at
    rescan_s: float = 60.0  # full reconciliation against the index
    max_in_flight: int = 8  # checks queued at the worker at once (bulk priority)
    event_queue_limit: int = 10_000  # more events than this at once: drop them and rescan
    check_writers: bool = True  # Linux: wait while a process holds the file open for writing
    abandoned_after_s: float = 600.0  # a downloader's temp file unchanged this long is checked


@dataclass
class _InFlight:
    folder: ShareFolder
    state: FileState
    sha256: str
    future: Future[Analysis]


@dataclass
class _Round:
    """What one pass of the loop produced, dispatched after the lock is let go."""

    events: list[FolderEvent] = field(default_factory=list)


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
        on_event: EventCallback | None = None,
        timing: WatchTiming | None = None,
    ) -> None:
        self.folders = sorted(folders, key=lambda f: len(f.path.parts), reverse=True)
        self.analyzer = analyzer
        self.timing = timing or WatchTiming()
        options = analyzer.options
        checked_with = f"{options.strictness}|{options.test_pattern}|{band}"
        self.index = index if index is not None else FolderIndex(checked_with=checked_with)
        self.handling = Handling(
            quarantine,
            self.index,
            band=band,
            profile_id=profile_id,
            counts=counts,
            approvals=approvals,
        )
        self._on_event = on_event
        self._settle = SettleWatch(self.timing.settle_s, self.timing.abandoned_after_s)
        # Files that left the index this session, by (folder, inode, size, mtime): a file
        # found elsewhere in the same folder with the same identity was renamed, not new.
        self._vanished: dict[tuple[Path, int, int, int], IndexEntry] = {}
        self._in_flight: dict[Path, _InFlight] = {}
        self._ready: dict[Path, FileState] = {}  # settled, waiting for room at the worker
        self._last_look = float("-inf")
        self._intake = Intake(self.timing.event_queue_limit)
        self._lock = threading.RLock()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._observer: object | None = None
        self._next_rescan = 0.0
        self._last_save = 0.0
        self.failure: AnalyzerUnavailable | None = None

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
            if not self._ready and not self._in_flight:
                if not self._settle:
                    break
                if time.monotonic() >= deadline:
                    events += self._give_up()
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
            return len(self._settle) + len(self._ready) + len(self._in_flight)

    # -- the loop -------------------------------------------------------------------
    def _run(self) -> None:
        while not self._stopping.is_set():
            self._pass(time.monotonic())
            busy = bool(self._settle) or bool(self._ready) or bool(self._in_flight)
            timeout = self.timing.poll_s if busy else self._next_rescan - time.monotonic()
            self._intake.wait(max(0.01, min(timeout, self.timing.rescan_s)))
        while self._in_flight:
            self._pass(time.monotonic(), look=False)
            self._intake.wait(self.timing.poll_s)
        with self._lock:
            self.index.save()

    def _pass(self, now: float, look: bool = True) -> list[FolderEvent]:
        """One round: take events, rescan when due, settle, submit, handle finished checks."""
        done = _Round()
        with self._lock:
            rescan = self._take_intake()
            if look and (rescan or now >= self._next_rescan):
                self._rescan(done)
                self._next_rescan = now + self.timing.rescan_s
            self._collect(done)
            if look and now - self._last_look >= self.timing.poll_s:
                self._look(now, done)
                self._last_look = now
            if look:
                self._feed(done)
            if now - self._last_save >= 2.0:
                self.index.save()
                self._last_save = now
        self._emit(done.events)
        return done.events

    def _take_intake(self) -> bool:
        changes, overflowed = self._intake.take()
        for kind, path, dest in changes:
            folder = self._owner(path)
            if kind in ("moved", "deleted") and folder is not None:
                self._vanish(folder, self.index.remove(folder.path, path))
                self._settle.forget(path)
            target = dest if kind == "moved" else path
            if kind != "deleted" and target is not None and self._owner(target) is not None:
                self._settle.look(target, *self._first_look(target))
        return overflowed

    def _first_look(self, path: Path) -> tuple[FileState, float, float]:
        try:
            state = FileState.of(os.lstat(path))
        except OSError:
            state = FileState(-1, -1, -1, -1)  # gone already: forgotten on the next look
        return state, time.monotonic(), time.time()

    def _rescan(self, done: _Round) -> None:
        for folder in self.folders:
            present: list[Path] = []
            for path, info in self._walk(folder.path):
                present.append(path)
                known = self.index.get(folder.path, path)
                state = FileState.of(info)
                if known is not None and (known.size, known.mtime_ns) == (
                    state.size,
                    state.mtime_ns,
                ):
                    continue
                if stat.S_ISLNK(info.st_mode):
                    done.events.append(self.handling.symlink(folder, path, state))
                elif not any(
                    path in queue for queue in (self._settle, self._ready, self._in_flight)
                ):
                    self._settle.look(path, state, time.monotonic(), time.time())
            for entry in self.index.keep_only(folder.path, present):
                self._vanish(folder, entry)

    def _vanish(self, folder: ShareFolder, entry: IndexEntry | None) -> None:
        if entry is None or not entry.inode:
            return
        self._vanished[(folder.path, entry.inode, entry.size, entry.mtime_ns)] = entry
        while len(self._vanished) > MAX_VANISHED:
            del self._vanished[next(iter(self._vanished))]

    def _walk(self, root: Path) -> Iterator[tuple[Path, os.stat_result]]:
        """Every file and symlink below ``root``; symlinks are never followed."""
        try:
            entries = list(os.scandir(root))
        except OSError:
            return  # missing or unreadable folder: tried again at the next rescan
        for entry in entries:
            path = Path(entry.path)
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            if stat.S_ISDIR(info.st_mode):
                nested_folder = any(folder.path == path for folder in self.folders)
                if not nested_folder and not is_temporary_name(entry.name):
                    yield from self._walk(path)  # a nested share folder is scanned on its own
            elif stat.S_ISREG(info.st_mode) or stat.S_ISLNK(info.st_mode):
                yield path, info

    def _look(self, now: float, done: _Round) -> None:
        """Look at arriving files; check those whose write has settled."""
        ready: list[tuple[Path, FileState]] = []
        wall = time.time()
        for path in self._settle.paths():
            try:
                info = os.lstat(path)
            except OSError:
                self._settle.forget(path)
                continue
            if not stat.S_ISREG(info.st_mode):
                self._settle.forget(path)
                folder = self._owner(path)
                if stat.S_ISLNK(info.st_mode) and folder is not None:
                    done.events.append(self.handling.symlink(folder, path, FileState.of(info)))
                continue
            state = FileState.of(info)
            if self._settle.look(path, state, now, wall):
                ready.append((path, state))
        if ready and self.timing.check_writers:
            held = held_for_writing({(s.device, s.inode) for _, s in ready})
            ready = [(p, s) for p, s in ready if (s.device, s.inode) not in held]
        for path, state in ready:
            if can_open(path):
                self._settle.forget(path)
                self._ready[path] = state

    def _feed(self, done: _Round) -> None:
        """Start checks for settled files while the worker has room (bulk, bounded)."""
        while self._ready and len(self._in_flight) < self.timing.max_in_flight:
            path = next(iter(self._ready))
            state = self._ready.pop(path)
            try:
                now_state = FileState.of(os.lstat(path))
            except OSError:
                continue  # gone before its turn
            if now_state != state:
                self._settle.look(path, now_state, time.monotonic(), time.time())
                continue  # written again: settle again
            self._start_check(path, state, done)

    def _start_check(self, path: Path, state: FileState, done: _Round) -> None:
        folder = self._owner(path)
        if folder is None:
            return
        moved = self._vanished.pop((folder.path, state.inode, state.size, state.mtime_ns), None)
        if moved is not None:
            self.index.put(folder.path, path, moved)  # renamed within the folder: known
            return
        known_entry = self.index.get(folder.path, path)
        if known_entry is not None and (known_entry.size, known_entry.mtime_ns) == (
            state.size,
            state.mtime_ns,
        ):
            return  # an event for a file already handled as it is
        if self.handling.is_contact_card(folder, path):
            try:
                done.events += self.handling.contact_card(folder, path, self.analyzer)
            except AnalyzerUnavailable as exc:
                self.failure = exc
            return
        if state.size == 0:
            done.events += self.handling.act(
                folder, path, state, sha256=None, verdict=Verdict.NOT_MEDIA, status="unsupported"
            )
            return
        try:
            sha256 = content_sha256(path)
        except OSError:
            self._settle.look(path, state, time.monotonic(), time.time())
            return  # vanished or locked: looked at again (or forgotten) next round
        known = self.index.known(sha256)
        if known is not None:
            verdict, status = known
            done.events += self.handling.act(
                folder, path, state, sha256=sha256, verdict=verdict, status=status
            )
            return
        future = self.analyzer.submit_file(path, interactive=False)
        future.add_done_callback(lambda _f: self._intake.wake())
        self._in_flight[path] = _InFlight(folder, state, sha256, future)

    def _collect(self, done: _Round) -> None:
        for path, job in list(self._in_flight.items()):
            if not job.future.done():
                continue
            del self._in_flight[path]
            try:
                analysis = job.future.result()
            except AnalyzerUnavailable as exc:
                self.failure = exc
                log.error("share folders: the checker is unavailable; files wait")
                continue
            try:
                now_state = FileState.of(os.lstat(path))
            except OSError:
                continue  # gone while being checked: nothing left to hide
            if not now_state.same_content_as(job.state):
                self._settle.look(path, now_state, time.monotonic(), time.time())
                continue  # written again while checked: check the new content later
            done.events += self.handling.act(
                job.folder,
                path,
                job.state,
                sha256=job.sha256,
                verdict=verdict_of(analysis),
                status=analysis.status.value,
                fresh=True,
            )

    def _give_up(self) -> list[FolderEvent]:
        """`--once` ran out of time: files still being written are reported, not checked."""
        events = []
        for path in self._settle.paths():
            self._settle.forget(path)
            with contextlib.suppress(OSError):
                os.lstat(path)
                events.append(FolderEvent(FolderEventKind.ERROR, str(path), INCOMPLETE, False))
        self._emit(events)
        return events

    def _owner(self, path: Path) -> ShareFolder | None:
        """The deepest share folder holding ``path`` (a nested share folder wins)."""
        for folder in self.folders:
            if path != folder.path and path.is_relative_to(folder.path):
                return folder
        return None

    def _emit(self, events: list[FolderEvent]) -> None:
        if self._on_event is None:
            return
        for event in events:
            try:
                self._on_event(event)
            except Exception:
                log.exception("share folders: an event listener failed")
