"""Run work off the GUI thread and get the result back on it, as a Qt signal.

Checks already run in worker processes and return ``concurrent.futures.Future``;
``FutureWatcher`` turns a future's completion into a queued signal, so widgets
never block and never touch results from another thread.
"""

from __future__ import annotations

from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot


class FutureWatcher(QObject):
    """Delivers futures' outcomes on the thread this object lives in (the GUI thread).

    Signals:
        finished(object, object): (token, result) when a future succeeds.
        failed(object, object): (token, exception) when a future raises.
    """

    finished = Signal(object, object)
    failed = Signal(object, object)
    _done = Signal(object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._done.connect(self._deliver)
        self.pending = 0

    def watch(self, future: Future[Any], token: object = None) -> None:
        """Emit finished/failed for ``future`` later, on this object's thread."""
        self.pending += 1
        future.add_done_callback(lambda f: self._done.emit(token, f))

    @Slot(object, object)
    def _deliver(self, token: object, future: Future[Any]) -> None:
        self.pending -= 1
        error = future.exception()
        if error is not None:
            self.failed.emit(token, error)
        else:
            self.finished.emit(token, future.result())
