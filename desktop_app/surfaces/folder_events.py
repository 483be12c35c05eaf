"""watchdog's observer, made to survive the trees a child can make.

On Linux, watchdog reads inotify on its own thread and, when a folder arrives, walks it with
``os.walk`` — recursive on Python 3.11 — to watch what is inside. A tree a thousand folders
deep raises ``RecursionError`` there, which ended that thread (and every event after it),
printing a traceback to stderr. Here that thread handles each inotify event on its own: an
error is logged by its type only, and the observer says ``incomplete`` so the watch rescans
and falls back to watching the share folders' top level. Elsewhere (or if watchdog's inner
classes change) the plain observer is used and the watch's liveness check covers it.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from watchdog.observers import Observer

log = logging.getLogger(__name__)

__all__ = ["is_incomplete", "new_observer", "threads_of"]

try:  # Linux, watchdog 7
    from watchdog.observers.api import DEFAULT_OBSERVER_TIMEOUT, BaseObserver
    from watchdog.observers.inotify import InotifyEmitter, InotifyObserver
    from watchdog.observers.inotify_c import InotifyFD

    class _GuardedInotify(InotifyFD):
        """Each event handled on its own: one that fails is counted, the next one comes."""

        incomplete = False

        def handle_event(self, event: Any) -> None:
            try:
                super().handle_event(event)
            except Exception as exc:
                self.incomplete = True
                log.warning(
                    "share folders: an event could not be followed (%s)", type(exc).__name__
                )

    class _GuardedObserver(InotifyObserver):
        def __init__(self) -> None:  # InotifyObserver's, with the guarded reader
            self._inotify_fd = _GuardedInotify()
            self._inotify_fd.start()
            BaseObserver.__init__(
                self, InotifyEmitter, timeout=DEFAULT_OBSERVER_TIMEOUT, inotify_fd=self._inotify_fd
            )

    def new_observer() -> object:
        try:
            return _GuardedObserver()
        except OSError:  # no inotify: watchdog chooses another
            return Observer()

except ImportError:  # pragma: no cover - not Linux

    def new_observer() -> object:
        return Observer()


def threads_of(observer: object) -> list[threading.Thread]:
    """The observer's own threads: itself, its emitters and (Linux) its inotify reader."""
    threads: list[threading.Thread] = [observer] if isinstance(observer, threading.Thread) else []
    threads += list(getattr(observer, "emitters", ()))
    reader = getattr(observer, "_inotify_fd", None)
    if isinstance(reader, threading.Thread):
        threads.append(reader)
    return threads


def is_incomplete(observer: object) -> bool:
    """An event could not be followed: some folder may not be watched any more."""
    return bool(getattr(getattr(observer, "_inotify_fd", None), "incomplete", False))
