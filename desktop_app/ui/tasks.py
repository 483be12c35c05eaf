"""Run work off the GUI thread and get the result back on it, as a Qt signal.

Checks already run in worker processes and return ``concurrent.futures.Future``;
``FutureWatcher`` turns a future's completion into a queued signal, so widgets
never block and never touch results from another thread.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, Slot


class _Relay(QObject):
    """Carries outcomes from worker threads to the GUI thread; lives as long as the app.

    Worker threads never emit on a window's own objects: a window may be deleted on
    the GUI thread at that very moment, and emitting on a half-deleted QObject
    crashes. They emit here instead, and the GUI thread checks the watcher still
    exists before handing the outcome over.
    """

    carry = Signal(object, object)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.carry.connect(self._arrive, Qt.ConnectionType.QueuedConnection)

    @Slot(object, object)
    def _arrive(self, parcel: list[Any], future: Future[Any]) -> None:
        if not parcel:
            return
        watcher, token = parcel
        parcel.clear()  # the worker thread's references now lead nowhere (see watch())
        if shiboken6.isValid(watcher):
            watcher.deliver(token, future)


def _relay() -> _Relay:
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("Background work needs a running Qt application.")
    relay = app.findChild(_Relay, "safelens-relay")
    if relay is None:
        relay = _Relay(app)
        relay.setObjectName("safelens-relay")
    return relay


class FutureWatcher(QObject):
    """Delivers futures' outcomes on the GUI thread, always later, never inside watch().

    Signals:
        finished(object, object): (token, result) when a future succeeds.
        failed(object, object): (token, exception) when a future raises.
    """

    finished = Signal(object, object)
    failed = Signal(object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._relay = _relay()
        self.pending = 0

    def watch(self, future: Future[Any], token: object = None) -> None:
        """Emit finished/failed for ``future`` later, on the GUI thread."""
        self.pending += 1
        relay = self._relay
        # The future (and this callback) may be dropped last on the worker's thread. If
        # the callback held the watcher or the token (callbacks capturing widgets), a
        # widget's wrapper could die there, which Qt does not survive. So both sit in a
        # parcel that the GUI thread empties when it takes them out.
        parcel: list[Any] = [self, token]

        def send(done: Future[Any]) -> None:  # on the future's thread
            with contextlib.suppress(RuntimeError):  # the app itself is gone (shutdown)
                relay.carry.emit(parcel, done)

        future.add_done_callback(send)

    def deliver(self, token: object, future: Future[Any]) -> None:
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
        # ``fn`` is often a widget's bound method: the worker thread must not hold the
        # last reference to it, so the job is emptied on the GUI thread after delivery.
        job: list[Any] = [fn, args]

        def call() -> Any:
            target, arguments = job
            return target(*arguments)

        future = self._executor.submit(call)
        if self._watcher.pending == 0:
            self.busy_changed.emit(True)
        self._watcher.watch(future, (on_result, on_error, job))
        return future

    def shutdown(self) -> None:
        """Refuse new work; calls already started or queued still finish on their own."""
        self._executor.shutdown(wait=False)

    def _on_finished(self, token: object, result: object) -> None:
        on_result: ResultHandler | None = token[0]  # type: ignore[index]
        token[2].clear()  # type: ignore[index]
        try:
            if on_result is not None:
                on_result(result)
        finally:
            self._settle()

    def _on_failed(self, token: object, error: BaseException) -> None:
        on_error: ErrorHandler | None = token[1]  # type: ignore[index]
        token[2].clear()  # type: ignore[index]
        try:
            if on_error is None:
                raise error
            on_error(error)
        finally:
            self._settle()

    def _settle(self) -> None:
        if self._watcher.pending == 0:
            self.busy_changed.emit(False)


class MainThreadGarbageCollector(QObject):
    """Run Python's cycle collector only on the GUI thread.

    Left automatic, the collector runs in whichever thread happens to allocate, and
    a cycle holding a widget is then destroyed on a worker thread, which Qt does not
    survive (seen as rare crashes under load). So automatic collection is switched
    off and this object collects from a timer on the GUI thread instead.
    """

    INTERVAL_MS = 500

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect_if_due)
        self._timer.start(self.INTERVAL_MS)

    @Slot()
    def collect_if_due(self) -> None:
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self._thresholds[generation]:
                gc.collect(generation)
                return


def collect_garbage_on_gui_thread(app: QCoreApplication) -> MainThreadGarbageCollector:
    """Install the collector once per application (idempotent)."""
    existing = app.findChild(MainThreadGarbageCollector)
    return existing if existing is not None else MainThreadGarbageCollector(app)
