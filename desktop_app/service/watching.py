"""Every protected account's share folders watched by the service, logged in or not.

One `ShareFolderWatch` per child account, all sharing the service's analyzer and
quarantine. Each keeps its index in the service's own folder (never in the child's
home, which the child could edit) and acts with that account's band and profile id, so
counts and approvals are that child's. One account's trouble (a folder missing, a
watch that cannot start) is that account's outcome; the others go on being watched.

A supervisor thread asks each watch whether its thread still runs (the service's own
liveness, never a file a session could write): a watch that died anyway is started again,
after a pause that doubles with each restart of that account (up to five minutes), and its
restarts are counted for the guardian's ``status``.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from desktop_app.analysis.analyzer import SensitivityAnalyzer
from desktop_app.analysis.verdict import AnalyzerUnavailable
from desktop_app.core.sinks import CountRecorder
from desktop_app.surfaces.folder_index import index_file_name
from desktop_app.surfaces.folder_watch import ShareFolderWatch, WatchTiming
from desktop_app.surfaces.quarantine import Quarantine, QuarantineError
from desktop_app.surfaces.quarantine_entry import QuarantineEntry
from desktop_app.surfaces.share_folders import ApprovalBook, FolderEvent, FolderEventKind

from .accounts import ProtectedAccount

__all__ = ["AccountSource", "MachineWatch", "PutAsideCallback", "WatchOutcome"]
log = logging.getLogger(__name__)
AccountSource = Callable[[], Sequence[ProtectedAccount]]
PutAsideCallback = Callable[[ProtectedAccount, QuarantineEntry], None]
PUT_ASIDE = (FolderEventKind.QUARANTINED, FolderEventKind.HELD)
SUPERVISE_S = 2.0  # how often the supervisor asks whether each watch still runs
RESTART_AFTER_S = 1.0  # the first restart's pause; doubled for each further one ...
MAX_RESTART_AFTER_S = 300.0  # ... up to this
STOPPED = "The watch of this account stopped; SafeLens is starting it again."


@dataclass(frozen=True)
class WatchOutcome:
    """How watching goes for one account (for the guardian's health view)."""

    profile_id: str
    watching: bool
    folders: int
    unavailable: int = 0  # folders missing or unreadable now (rescans look again)
    problem: str | None = None  # plain words, no paths or names
    restarts: int = 0  # times the service started this account's watch again after it died
    faults: int = 0  # unexpected errors the running watch survived (one file's, or a pass's)

    @property
    def ok(self) -> bool:
        return self.watching and self.problem is None


@dataclass
class _AccountWatch:
    account: ProtectedAccount
    watch: ShareFolderWatch | None
    problem: str | None = None
    restarts: int = 0
    restart_at: float | None = None  # monotonic: when a dead watch is started again


class MachineWatch:
    """The share folders of every protected account, with the service's quarantine."""

    def __init__(
        self,
        analyzer: SensitivityAnalyzer,
        quarantine: Quarantine,
        *,
        accounts: AccountSource,
        index_folder: Path,
        counts: CountRecorder | None = None,
        approvals: ApprovalBook | None = None,
        on_put_aside: PutAsideCallback | None = None,
        timing: WatchTiming | None = None,
        background: bool = True,
        supervise_s: float = SUPERVISE_S,
    ) -> None:
        """``accounts`` is asked again at each ``reload()`` (the settings may have changed).

        ``index_folder``: the service's private folder for the accounts' folder indexes.
        ``background``: the watch threads (walking and hashing) run at background priority.
        ``supervise_s``: how often dead watches are looked for (tests use less).
        """
        self.analyzer, self.quarantine = analyzer, quarantine
        self._read_accounts = accounts
        self._index_folder = index_folder
        self._counts, self._approvals = counts, approvals
        self._on_put_aside = on_put_aside
        self._timing = timing
        self._background = background
        self._watches: dict[str, _AccountWatch] = {}
        self._lock = threading.RLock()
        self._running = False
        self._supervise_s = supervise_s
        self._stopping = threading.Event()
        self._supervisor: threading.Thread | None = None

    # -- public ---------------------------------------------------------------------
    def start(self) -> None:
        """Start watching every protected account (each rescans its folders first)."""
        with self._lock:
            self._running = True
        self.reload()
        self._stopping.clear()
        self._supervisor = threading.Thread(
            target=self._supervise, name="safelens-watch-supervisor", daemon=True
        )
        self._supervisor.start()

    def reload(self) -> None:
        """Read the accounts again: start new ones, restart changed ones, stop gone ones.

        When the accounts cannot be read, what is watched stays watched (fail closed).
        """
        try:
            wanted = {account.profile_id: account for account in self._read_accounts()}
        except Exception:
            log.exception("machine watch: the protected accounts could not be read; unchanged")
            return
        with self._lock:
            for profile_id, current in list(self._watches.items()):
                if wanted.get(profile_id) != current.account or current.watch is None:
                    self._end(self._watches.pop(profile_id))
            for profile_id, account in wanted.items():
                if profile_id not in self._watches:
                    self._watches[profile_id] = self._begin(account)
        log.info("machine watch: %d protected account(s)", len(wanted))

    def stop(self) -> None:
        """Stop every account's watch (checks under way finish and indexes are saved)."""
        self._stopping.set()
        if self._supervisor is not None:
            self._supervisor.join()
            self._supervisor = None
        with self._lock:
            self._running = False
            watches, self._watches = list(self._watches.values()), {}
        for watched in watches:
            self._end(watched)

    def run_once(self, max_wait_s: float = 60.0) -> dict[str, list[FolderEvent]]:
        """Handle what is in every account's folders now (tests, benchmarks), by profile id."""
        if not self._watches:
            self.reload()
        with self._lock:
            watches = list(self._watches.values())
        events: dict[str, list[FolderEvent]] = {}
        for watched in watches:
            if watched.watch is None:
                continue
            try:
                events[watched.account.profile_id] = watched.watch.run_once(max_wait_s)
            except AnalyzerUnavailable:
                raise  # nothing can be checked for anyone: the service reports it
            except Exception as exc:
                watched.problem = _problem(exc)
                log.warning("machine watch: one account's folders failed (%s)", type(exc).__name__)
        return events

    @property
    def accounts(self) -> tuple[ProtectedAccount, ...]:
        with self._lock:
            return tuple(watched.account for watched in self._watches.values())

    def outcomes(self) -> list[WatchOutcome]:
        """One outcome per protected account, in the order they were found."""
        with self._lock:
            watches, running = list(self._watches.values()), self._running
        return [_outcome(watched, running) for watched in watches]

    @property
    def pending(self) -> int:
        """Files still arriving or being checked, all accounts together (health, benchmarks)."""
        with self._lock:
            watches = [w.watch for w in self._watches.values() if w.watch is not None]
        return sum(watch.pending for watch in watches)

    @property
    def failure(self) -> AnalyzerUnavailable | None:
        """Set when the checker became unavailable (models missing or altered)."""
        with self._lock:
            watches = [w.watch for w in self._watches.values() if w.watch is not None]
        return next((w.failure for w in watches if w.failure is not None), None)

    def release(self, entry_id: str) -> FolderEvent:
        """A held outgoing file may leave: put it back in its account's folder.

        The caller has made sure the entry belongs to the account that asked.
        """
        entry = self.quarantine.get(entry_id)
        with self._lock:
            watched = self._watches.get(entry.profile_id or "")
        if watched is None or watched.watch is None:
            raise QuarantineError("This file was not held for a watched account.")
        return watched.watch.release(entry_id)

    def supervise(self, now: float | None = None) -> None:
        """Start again each account's watch whose thread died (after its pause)."""
        moment = time.monotonic() if now is None else now
        with self._lock:
            if not self._running:
                return
            for profile_id, watched in list(self._watches.items()):
                if watched.watch is None or watched.watch.alive:
                    continue
                if watched.restart_at is None:
                    pause = min(MAX_RESTART_AFTER_S, RESTART_AFTER_S * 2**watched.restarts)
                    watched.restart_at = moment + pause
                    log.error("machine watch: one account's watch stopped; restarting it")
                if moment >= watched.restart_at:
                    self._watches[profile_id] = self._restart(watched)

    # -- each account ---------------------------------------------------------------
    def _supervise(self) -> None:
        while not self._stopping.wait(self._supervise_s):
            try:
                self.supervise()
            except Exception as exc:  # the supervisor itself never ends before the service
                log.error("machine watch: supervising failed (%s)", type(exc).__name__)

    def _restart(self, dead: _AccountWatch) -> _AccountWatch:
        self._end(dead)
        fresh = self._begin(dead.account)
        fresh.restarts = dead.restarts + 1
        log.warning("machine watch: one account's watch restarted (%d time(s))", fresh.restarts)
        return fresh

    def _begin(self, account: ProtectedAccount) -> _AccountWatch:
        try:
            watch = ShareFolderWatch(
                account.folders,
                self.analyzer,
                self.quarantine,
                band=account.band,
                profile_id=account.profile_id,
                counts=self._counts,
                approvals=self._approvals,
                index_path=self._index_folder / index_file_name(account.profile_id),
                on_event=partial(self._event, account),
                timing=self._timing,
                background=self._background,
            )
            if self._running:
                watch.start()
        except Exception as exc:  # this account's trouble, never the end of the others
            log.warning("machine watch: one account could not be watched (%s)", type(exc).__name__)
            return _AccountWatch(account, None, _problem(exc))
        return _AccountWatch(account, watch)

    def _end(self, watched: _AccountWatch) -> None:
        if watched.watch is None:
            return
        try:
            watched.watch.stop()
        except Exception:
            log.exception("machine watch: one account's watch did not stop cleanly")

    def _event(self, account: ProtectedAccount, event: FolderEvent) -> None:
        """Runs on that account's watch thread: tell the service what was put aside."""
        if self._on_put_aside is None or event.event not in PUT_ASIDE:
            return
        if event.quarantine_id is None:
            return
        try:
            entry = self.quarantine.get(event.quarantine_id)
        except QuarantineError:
            return  # already restored or deleted by a guardian
        self._on_put_aside(account, entry)


def _outcome(watched: _AccountWatch, running: bool) -> WatchOutcome:
    """From the watch itself: a started watch whose thread is not alive is not watching."""
    folders = watched.account.folders
    unavailable = sum(1 for folder in folders if not _readable(folder.path))
    watch = watched.watch
    dead = watch is not None and running and not watch.alive
    problem = watched.problem or (STOPPED if dead else None)
    return WatchOutcome(
        profile_id=watched.account.profile_id,
        watching=watch is not None and not dead,
        folders=len(folders),
        unavailable=unavailable,
        problem=problem,
        restarts=watched.restarts,
        faults=watch.faults if watch is not None else 0,
    )


def _readable(folder: Path) -> bool:
    try:
        with os.scandir(folder):
            return True
    except OSError:
        return False


def _problem(exc: Exception) -> str:
    """Plain words without the exception's text (which may name a path)."""
    if isinstance(exc, PermissionError):
        return "SafeLens may not read this account's folders."
    if isinstance(exc, OSError):
        return "This account's folders could not be watched."
    return "Watching this account's folders failed."
