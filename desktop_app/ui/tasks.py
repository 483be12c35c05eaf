"""Run work off the GUI thread and get the result back on it, as a Qt signal.

Checks already run in worker processes and return ``concurrent.futures.Future``;
``FutureWatcher`` turns a future's completion into a queued signal, so widgets
never block and never touch results from another thread.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot


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
        # Queued even when the future is already done and add_done_callback runs the callback
        # right here on the GUI thread: outcomes always arrive later, never inside watch().
        self._done.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self.pending = 0

    def watch(self, future: Future[Any], token: object = None) -> None:
        """Emit finished/failed for ``future`` later, on this object's thread."""
        self.pending += 1
        future.add_done_callback(lambda f: self._emit_done(token, f))

    def _emit_done(self, token: object, future: Future[Any]) -> None:
        # Runs on the future's thread. If the watcher's window is already gone there is
        # nobody left to tell, and Qt says so with a RuntimeError: that is not an error.
        with contextlib.suppress(RuntimeError):
            self._done.emit(token, future)

    @Slot(object, object)
    def _deliver(self, token: object, future: Future[Any]) -> None:
        self.pending -= 1
        error = future.exception()
        if error is not None:
            self.failed.emit(token, error)
        else:
            self.finished.emit(token, future.result())


ResultHandler = Callable[[Any], None]
ErrorHandler = Callable[[BaseException], None]


class BackgroundWork(QObject):
    """A window's own worker threads: run a function there, get its outcome back here.

    ``run(fn, ...)`` returns at once; ``on_result(value)`` or ``on_error(exception)`` is
    called later on the GUI thread. With one worker (the default) calls run in the order
    they were made, so a window's reads and writes of the same store never overlap.

    Signals:
        busy_changed(bool): True when the first call starts, False when none is left.
    """

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, workers: int = 1) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(workers, thread_name_prefix="safelens-ui")
        self._watcher = FutureWatcher(self)
        self._watcher.finished.connect(self._on_finished)
        self._watcher.failed.connect(self._on_failed)

    @property
    def pending(self) -> int:
        """Calls whose outcome has not been delivered yet."""
        return self._watcher.pending

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_result: ResultHandler | None = None,
        on_error: ErrorHandler | None = None,
    ) -> Future[Any]:
        """Start ``fn(*args)`` on a worker thread; never blocks."""
        future = self._executor.submit(fn, *args)
        if self._watcher.pending == 0:
            self.busy_changed.emit(True)
        self._watcher.watch(future, (on_result, on_error))
        return future

    def shutdown(self) -> None:
        """Refuse new work; calls already started or queued still finish on their own."""
        self._executor.shutdown(wait=False)

    def _on_finished(self, token: object, result: object) -> None:
        on_result: ResultHandler | None = token[0]  # type: ignore[index]
        try:
            if on_result is not None:
                on_result(result)
        finally:
            self._settle()

    def _on_failed(self, token: object, error: BaseException) -> None:
        on_error: ErrorHandler | None = token[1]  # type: ignore[index]
        try:
            if on_error is None:
                raise error
            on_error(error)
        finally:
            self._settle()

    def _settle(self) -> None:
        if self._watcher.pending == 0:
            self.busy_changed.emit(False)
