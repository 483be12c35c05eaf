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

from .file_identity import FileIdentity
from .folder_handling import Handling
from .folder_index import Verdict
from .folder_intake import Change
from .folder_renames import Renames
from .folder_walk import FolderWalk
from .settle import SettleWatch, can_open, held_for_writing, is_temporary_name
from .share_folders import INCOMPLETE, FolderEvent, FolderEventKind, ShareFolder, verdict_of
from .watch_timing import WatchTiming

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Ready:
    state: FileIdentity
    since: float  # monotonic: when it was first seen arriving (the bound counts from it)


@dataclass
class _InFlight:
    folder: ShareFolder
    state: FileIdentity
    sha256: str
    future: Future[Analysis]
    since: float


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
        self._settle = SettleWatch(timing.settle_s, timing.abandoned_after_s, timing.settle_max_s)
        self._ready: dict[Path, _Ready] = {}  # settled, waiting for room at the worker
        self._in_flight: dict[Path, _InFlight] = {}
        self._renames = Renames()  # files that left the index: a rename is not a new file
        self.failure: AnalyzerUnavailable | None = None
        self.faults = 0  # files whose handling failed unexpectedly (logged by type only)
        self.too_deep = 0  # folders below the walk's depth bound at the last rescan

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
                self._renames.vanished(folder.path, self.index.remove(folder.path, path))
                self._settle.forget(path)
            target = dest if kind == "moved" else path
            if kind != "deleted" and target is not None and self.owner(target) is not None:
                self._settle.look(target, *self._first_look(target))

    def _first_look(self, path: Path) -> tuple[FileIdentity, float, float]:
        try:
            state = FileIdentity.of(os.lstat(path))
        except (OSError, ValueError):
            state = FileIdentity.gone()  # forgotten on the next look
        return state, time.monotonic(), time.time()

    def rescan(self, done: list[FolderEvent]) -> None:
        """Reconcile every folder with the index: new or changed files start settling."""
        too_deep = 0
        for folder in self.folders:
            present: list[Path] = []
            walk = FolderWalk(folder.path, self._skip_folder)
            for path, info in walk.files():
                present.append(path)
                with self._per_file(folder, path, done):
                    self._reconcile(folder, path, info, done)
            too_deep += walk.too_deep
            if walk.cut_short:
                log.warning("share folders: a folder holds too many files; the rest waits")
                continue  # what was not reached is not gone: keep its index entries
            for entry in self.index.keep_only(folder.path, present):
                self._renames.vanished(folder.path, entry)
        if too_deep and too_deep != self.too_deep:
            log.warning("share folders: %d folder(s) too deep to walk", too_deep)
        self.too_deep = too_deep

    def _reconcile(
        self, folder: ShareFolder, path: Path, info: os.stat_result, done: list[FolderEvent]
    ) -> None:
        known = self.index.get(folder.path, path)
        state = FileIdentity.of(info)
        if known is not None and known.identity == state:
            return
        if stat.S_ISLNK(info.st_mode):
            done.append(self.handling.symlink(folder, path, state))
        elif not any(path in queue for queue in (self._settle, self._ready, self._in_flight)):
            self._settle.look(path, state, time.monotonic(), time.time())

    def _skip_folder(self, path: Path, name: str) -> bool:
        """A nested share folder is scanned on its own; a downloader's temp folder waits."""
        return is_temporary_name(name) or any(folder.path == path for folder in self.folders)

    @contextlib.contextmanager
    def _per_file(
        self, folder: ShareFolder | None, path: Path, done: list[FolderEvent]
    ) -> Iterator[None]:
        """An unexpected error is this file's outcome (could not check), never the watch's end.

        Logged by its type only (its text may name the file); the file is forgotten until the
        next rescan, and a child's is moved aside as could-not-check when that still works.
        """
        try:
            yield
        except AnalyzerUnavailable:
            raise
        except Exception as exc:
            self.faults += 1
            log.warning("share folders: one file could not be handled (%s)", type(exc).__name__)
            for queue in (self._ready, self._in_flight):
                queue.pop(path, None)
            self._settle.forget(path)
            if folder is not None:
                done += self.handling.hide_unchecked(folder, path)

    def look(self, now: float, done: list[FolderEvent]) -> None:
        """Look at arriving files; check those whose write has settled."""
        ready: list[tuple[Path, FileIdentity]] = []
        wall = time.time()
        for path in self._settle.paths():
            with self._per_file(self.owner(path), path, done):
                state = self._look_at(path, now, wall, done)
                if state is not None:
                    ready.append((path, state))
        overdue = {path for path, _ in ready if self._settle.overdue(path, now)}
        if ready and self.timing.check_writers:
            held = held_for_writing({s.file for p, s in ready if p not in overdue})
            ready = [(p, s) for p, s in ready if p in overdue or s.file not in held]
        for path, state in ready:
            if path in self._in_flight:
                continue  # one check at a time per file
            if path in overdue or can_open(path):
                self._ready[path] = _Ready(state, self._settle.since(path, now))
                self._settle.forget(path)

    def _look_at(
        self, path: Path, now: float, wall: float, done: list[FolderEvent]
    ) -> FileIdentity | None:
        """One arriving file's look: its identity once it is ready to be checked."""
        try:
            info = os.lstat(path)
        except (OSError, ValueError):
            self._settle.forget(path)
            return None
        if not stat.S_ISREG(info.st_mode):
            self._settle.forget(path)
            folder = self.owner(path)
            if stat.S_ISLNK(info.st_mode) and folder is not None:
                done.append(self.handling.symlink(folder, path, FileIdentity.of(info)))
            return None
        state = FileIdentity.of(info)
        return state if self._settle.look(path, state, now, wall) else None

    def feed(self, done: list[FolderEvent]) -> None:
        """Start checks for settled files while the worker has room (bulk, bounded)."""
        while self._ready and len(self._in_flight) < self.timing.max_in_flight:
            path = next(iter(self._ready))
            ready = self._ready.pop(path)
            with self._per_file(self.owner(path), path, done):
                self._feed_one(path, ready, done)

    def _feed_one(self, path: Path, ready: _Ready, done: list[FolderEvent]) -> None:
        try:
            now_state = FileIdentity.of(os.lstat(path))
        except (OSError, ValueError):
            return  # gone before its turn
        now = time.monotonic()
        if now_state != ready.state and now - ready.since < self.timing.settle_max_s:
            self._settle.look(path, now_state, now, time.time(), since=ready.since)
            return  # written again: settle again (within the bound)
        self._start_check(path, now_state, ready.since, done)

    def _start_check(
        self, path: Path, state: FileIdentity, since: float, done: list[FolderEvent]
    ) -> None:
        folder = self.owner(path)
        if folder is None:
            return
        renamed = self._renames.claim(folder.path, path, state)
        if renamed is not None:
            self.index.put(folder.path, path, renamed)  # renamed within the folder: known
            return
        known_entry = self.index.get(folder.path, path)
        if known_entry is not None and known_entry.identity == state:
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
            self._settle.look(path, state, time.monotonic(), time.time(), since=since)
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
        self._in_flight[path] = _InFlight(folder, state, sha256, future, since)

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
                self._settle.look(path, job.state, time.monotonic(), time.time(), since=job.since)
                continue
            with self._per_file(job.folder, path, done):
                self._answered(path, job, analysis, done)

    def _answered(
        self, path: Path, job: _InFlight, analysis: Analysis, done: list[FolderEvent]
    ) -> None:
        try:
            now_state = FileIdentity.of(os.lstat(path))
        except (OSError, ValueError):
            return  # gone while being checked: nothing left to hide
        checked, status = verdict_of(analysis), analysis.status.value
        verdict = checked
        if now_state != job.state:
            now = time.monotonic()
            if now - job.since < self.timing.settle_max_s:
                self._settle.look(path, now_state, now, time.time(), since=job.since)
                return  # written again while checked: check the new content later
            if checked is Verdict.CLEAN:  # past the bound and still changing: the bytes
                verdict, status = Verdict.UNCHECKED, INCOMPLETE  # now there were not checked
        done += self.handling.act(
            job.folder,
            path,
            job.state,
            sha256=job.sha256,
            verdict=verdict,
            status=status,
            fresh=True,
        )
        if verdict is not checked:  # the bytes that were checked keep their own verdict
            self.index.remember(job.sha256, checked, analysis.status.value)

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
