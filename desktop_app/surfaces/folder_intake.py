"""File-system events from watchdog, reduced to "look at this path soon".

Events are hints, never the record: the queue is bounded, and when a burst overflows it
(or a folder is created or moved, whose contents produce no events of their own) the
events are dropped and a full rescan is asked for instead.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Sequence
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

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


def start_observer(folders: Sequence[Path], intake: Intake) -> object:
    """A running watchdog Observer on every folder that exists (missing ones: rescans)."""
    observer = Observer()
    handler = _Handler(intake)
    for folder in folders:
        if not folder.is_dir():
            continue
        try:
            observer.schedule(handler, str(folder), recursive=True)
        except OSError:
            log.warning("share folders: a folder could not be watched; rescans cover it")
    observer.start()
    return observer
