"""File-system events from watchdog, reduced to "look at this path soon".

Events are hints, never the record: the queue is bounded, and when a burst overflows it
(or a folder is created or moved, whose contents produce no events of their own) the
events are dropped and a full rescan is asked for instead.

watchdog walks a watched tree recursively (``os.walk``) when it starts and when a folder
arrives, so a tree deep enough to raise ``RecursionError`` ends its thread: the watch asks
`events_alive` on every pass, and starts a new observer — watching only the share folders'
top level when the whole tree cannot be — while rescans, more often then, cover the rest.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Sequence
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler

from .folder_events import is_incomplete, new_observer, threads_of

log = logging.getLogger(__name__)
Change = tuple[str, Path, Path | None]  # kind (created|modified|moved|deleted), path, dest
_FILE_EVENTS = {"created", "modified", "moved", "closed", "deleted"}


class Intake:
    """A bounded, thread-safe queue of changed paths plus a 'rescan everything' flag."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._changes: deque[Change] = deque()
        self._rescan = False
        self._lock = threading.Lock()
        self._wake = threading.Event()

    def put(self, change: Change) -> None:
        with self._lock:
            if self._rescan:
                pass  # a rescan is coming anyway: single events add nothing
            elif len(self._changes) >= self.limit:
                self._changes.clear()
                self._rescan = True
            else:
                self._changes.append(change)
        self._wake.set()

    def request_rescan(self) -> None:
        with self._lock:
            self._rescan = True
        self._wake.set()

    def take(self) -> tuple[list[Change], bool]:
        """Everything queued since the last take, and whether a rescan is due."""
        with self._lock:
            changes, rescan = list(self._changes), self._rescan
            self._changes.clear()
            self._rescan = False
            self._wake.clear()
        return changes, rescan

    def wake(self) -> None:
        self._wake.set()

    def wait(self, timeout: float) -> None:
        self._wake.wait(timeout)


class _Handler(FileSystemEventHandler):
    """Runs on watchdog's thread: only queues, never touches the files."""

    def __init__(self, intake: Intake) -> None:
        self._intake = intake

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type not in _FILE_EVENTS:
            return  # opened, closed without writing, attributes
        if event.is_directory:
            if event.event_type in ("created", "moved"):
                self._intake.request_rescan()  # files inside it make no events of their own
            return
        kind = "modified" if event.event_type == "closed" else event.event_type
        dest = Path(_text(event.dest_path)) if event.dest_path else None
        self._intake.put((kind, Path(_text(event.src_path)), dest))


def _text(path: str | bytes) -> str:
    return path.decode(errors="surrogateescape") if isinstance(path, bytes) else path


def start_observer(
    folders: Sequence[Path], intake: Intake, recursive: bool = True
) -> tuple[object | None, bool]:
    """A running watchdog Observer on every folder that exists (missing ones: rescans), and
    whether it watches the whole trees.

    A tree watchdog cannot walk (too deep, too many folders for inotify) is watched at its
    top level only; when even that fails, there is no observer and rescans find every file.
    """
    if recursive:
        try:
            return _observer(folders, intake, recursive=True), True
        except Exception as exc:  # RecursionError from watchdog's own walk, among others
            log.warning("share folders: events cannot watch whole trees (%s)", type(exc).__name__)
    try:
        return _observer(folders, intake, recursive=False), False
    except Exception as exc:
        log.warning("share folders: no events, rescans only (%s)", type(exc).__name__)
    return None, False


def _observer(folders: Sequence[Path], intake: Intake, recursive: bool) -> object:
    observer = new_observer()
    handler = _Handler(intake)
    scheduled = 0
    for folder in folders:
        if not folder.is_dir():
            continue
        try:
            getattr(observer, "schedule")(handler, str(folder), recursive=recursive)  # noqa: B009
            scheduled += 1
        except OSError:
            log.warning("share folders: a folder could not be watched; rescans cover it")
    for thread in threads_of(observer):
        _quiet_death(thread)
    try:
        getattr(observer, "start")()  # noqa: B009 - an emitter that fails to start is dropped
        if recursive and len(getattr(observer, "emitters", ())) < scheduled:
            raise RuntimeError("an event emitter did not start")
    except BaseException:
        stop_observer(observer)
        raise
    return observer


def _quiet_death(thread: threading.Thread) -> None:
    """A watchdog thread that fails ends logged by the error's type only: its traceback
    (which names files) never reaches stderr; `events_alive` notices the death."""
    body = thread.run

    def guarded() -> None:
        try:
            body()
        except Exception as exc:
            log.warning("share folders: the event watcher failed (%s)", type(exc).__name__)

    setattr(thread, "run", guarded)  # noqa: B010


def events_alive(observer: object) -> bool:
    """Each of the observer's threads still runs, and no event had to be given up."""
    return not is_incomplete(observer) and all(t.is_alive() for t in threads_of(observer))


def stop_observer(observer: object) -> None:
    """Stop and join watchdog's threads; a thread that already died is no error."""
    try:
        getattr(observer, "stop")()  # noqa: B009
        getattr(observer, "join")(timeout=5)  # noqa: B009
    except Exception as exc:
        log.warning(
            "share folders: the event watcher did not stop cleanly (%s)", type(exc).__name__
        )
