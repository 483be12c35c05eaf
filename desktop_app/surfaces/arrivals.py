"""Files arriving in share folders, from first sight to handled: settle, wait, check, act.

Single-threaded: `folder_watch.ShareFolderWatch` owns one of these and calls it from its
loop thread under its lock. A file is looked at until its write has settled, waits in
the ready queue until the worker has room (bulk priority, a bounded number in flight),
is hashed (a rename or known content needs no check), checked, and then kept,
quarantined or held by `folder_handling`.
"""

from __future__ import annotations

import contextlib
import logging
import os
import stat
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from desktop_app.analysis.analyzer import SensitivityAnalyzer
from desktop_app.analysis.verdict import Analysis, AnalyzerUnavailable
from desktop_app.core.hashing import content_sha256

from .folder_handling import Handling
from .folder_index import IndexEntry, Verdict
from .folder_intake import Change
from .settle import FileState, SettleWatch, can_open, held_for_writing, is_temporary_name
from .share_folders import INCOMPLETE, FolderEvent, FolderEventKind, ShareFolder, verdict_of

log = logging.getLogger(__name__)
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


class Arrivals:
    """Every file between first sight and its handling, for a set of share folders."""

    def __init__(
        self,
        folders: Sequence[ShareFolder],
        analyzer: SensitivityAnalyzer,
        handling: Handling,
        *,
        timing: WatchTiming,
        wake: Callable[[], None],
    ) -> None:
        self.folders = sorted(folders, key=lambda f: len(f.path.parts), reverse=True)
        self.analyzer, self.handling, self.timing = analyzer, handling, timing
        self.index = handling.index
        self._wake = wake
        self._settle = SettleWatch(timing.settle_s, timing.abandoned_after_s)
        self._ready: dict[Path, FileState] = {}  # settled, waiting for room at the worker
        self._in_flight: dict[Path, _InFlight] = {}
        # Files that left the index this session, by (folder, inode, size, mtime): a file
        # found elsewhere in the same folder with the same identity was renamed, not new.
        self._vanished: dict[tuple[Path, int, int, int], IndexEntry] = {}
        self.failure: AnalyzerUnavailable | None = None

    @property
    def arriving(self) -> int:
        """Files still being written (or waiting for a downloader's rename)."""
        return len(self._settle)

    @property
    def queued(self) -> int:
        """Files settled and waiting for, or at, the worker."""
        return len(self._ready) + len(self._in_flight)

    def take(self, changes: list[Change]) -> None:
        """File-system events: forget what moved away, look at what arrived."""
        for kind, path, dest in changes:
            folder = self.owner(path)
            if kind in ("moved", "deleted") and folder is not None:
                self._vanish(folder, self.index.remove(folder.path, path))
                self._settle.forget(path)
            target = dest if kind == "moved" else path
            if kind != "deleted" and target is not None and self.owner(target) is not None:
                self._settle.look(target, *self._first_look(target))

    def _first_look(self, path: Path) -> tuple[FileState, float, float]:
        try:
            state = FileState.of(os.lstat(path))
        except OSError:
            state = FileState(-1, -1, -1, -1)  # gone already: forgotten on the next look
        return state, time.monotonic(), time.time()

    def rescan(self, done: list[FolderEvent]) -> None:
        """Reconcile every folder with the index: new or changed files start settling."""
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
                    done.append(self.handling.symlink(folder, path, state))
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

    def look(self, now: float, done: list[FolderEvent]) -> None:
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
                folder = self.owner(path)
                if stat.S_ISLNK(info.st_mode) and folder is not None:
                    done.append(self.handling.symlink(folder, path, FileState.of(info)))
                continue
            state = FileState.of(info)
            if self._settle.look(path, state, now, wall):
                ready.append((path, state))
        if ready and self.timing.check_writers:
            held = held_for_writing({(s.device, s.inode) for _, s in ready})
            ready = [(p, s) for p, s in ready if (s.device, s.inode) not in held]
        for path, state in ready:
            if path not in self._in_flight and can_open(path):  # one check at a time per file
                self._settle.forget(path)
                self._ready[path] = state

    def feed(self, done: list[FolderEvent]) -> None:
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

    def _start_check(self, path: Path, state: FileState, done: list[FolderEvent]) -> None:
        folder = self.owner(path)
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
                done += self.handling.contact_card(folder, path, self.analyzer)
            except AnalyzerUnavailable as exc:
                self.failure = exc
            return
        if state.size == 0:
            done += self.handling.act(
                folder, path, state, sha256=None, verdict=Verdict.NOT_MEDIA, status="ok"
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
            done += self.handling.act(
                folder, path, state, sha256=sha256, verdict=verdict, status=status
            )
            return
        future = self.analyzer.submit_file(path, interactive=False)
        future.add_done_callback(lambda _f: self._wake())
        self._in_flight[path] = _InFlight(folder, state, sha256, future)

    def collect(self, done: list[FolderEvent]) -> None:
        """Handle the checks the worker has answered."""
        for path, job in list(self._in_flight.items()):
            if not job.future.done():
                continue
            del self._in_flight[path]
            try:
                analysis = job.future.result()
            except AnalyzerUnavailable as exc:
                self.failure = exc
                log.error("share folders: the checker is unavailable; files wait")
                self._settle.look(path, job.state, time.monotonic(), time.time())
                continue
            try:
                now_state = FileState.of(os.lstat(path))
            except OSError:
                continue  # gone while being checked: nothing left to hide
            if not now_state.same_content_as(job.state):
                self._settle.look(path, now_state, time.monotonic(), time.time())
                continue  # written again while checked: check the new content later
            done += self.handling.act(
                job.folder,
                path,
                job.state,
                sha256=job.sha256,
                verdict=verdict_of(analysis),
                status=analysis.status.value,
                fresh=True,
            )

    def give_up(self) -> list[FolderEvent]:
        """`--once` ran out of time: files still being written are reported, not checked."""
        events = []
        for path in self._settle.paths():
            self._settle.forget(path)
            with contextlib.suppress(OSError):
                os.lstat(path)
                events.append(FolderEvent(FolderEventKind.ERROR, str(path), INCOMPLETE, False))
        return events

    def owner(self, path: Path) -> ShareFolder | None:
        """The deepest share folder holding ``path`` (a nested share folder wins)."""
        for folder in self.folders:
            if path != folder.path and path.is_relative_to(folder.path):
                return folder
        return None
