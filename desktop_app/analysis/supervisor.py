"""Run checks in worker processes; restart a worker that crashes or hangs.

Each slot owns one worker process and a thread that feeds it one request at a
time from a shared priority queue (interactive checks before bulk scans). A
request that outlives its time limit gets its worker killed and is answered
'timeout'; a worker that dies is answered 'unreadable'. Either way the slot
starts a fresh worker and the next request is checked normally.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import multiprocessing
import os
import queue
import shutil
import tempfile
import threading
import time
from concurrent.futures import Future
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from .checking import MAX_EXTENSION_S
from .sources import CheckSource, path_of
from .verdict import Analysis, AnalysisOptions, AnalyzerUnavailable, Kind, Status
from .worker import worker_main

log = logging.getLogger(__name__)

INTERACTIVE, BULK = 0, 1
WORKER_START_TIMEOUT_S = 120.0
START_ATTEMPTS = 3


class _WorkerDied(AnalyzerUnavailable):
    """The worker died or stalled while starting; unlike altered models, worth retrying."""

    def __init__(self, message: str, exit: str) -> None:
        super().__init__(message)
        self.exit = exit


@dataclass(order=True)
class _Job:
    priority: int
    sequence: int
    source: CheckSource = field(compare=False)
    options: AnalysisOptions = field(compare=False)
    timeout_s: float = field(compare=False)
    future: Future[Analysis] = field(compare=False)
    kind_hint: Kind = field(compare=False, default=Kind.OTHER)


class _Slot:
    """One worker process and the thread that talks to it."""

    def __init__(self, pool: WorkerPool, index: int) -> None:
        self._pool = pool
        self._process: BaseProcess | None = None
        self._conn: Connection | None = None
        self._scratch: str | None = None  # the worker's private folder; gone with the worker
        self._thread = threading.Thread(
            target=self._run, name=f"safelens-worker-{index}", daemon=True
        )
        self._thread.start()

    def _start(self) -> None:
        """Start a worker; a worker that dies while starting is tried again, twice."""
        for attempt in range(1, START_ATTEMPTS + 1):
            try:
                self._launch()
                return
            except _WorkerDied as died:
                log.warning("worker died while starting (attempt %d): %s", attempt, died.exit)
                if attempt == START_ATTEMPTS:
                    raise
                time.sleep(0.5 * attempt)

    def _launch(self) -> None:
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe(duplex=True)
        self._scratch = tempfile.mkdtemp(prefix="safelens-worker-")  # mode 0700
        process = context.Process(
            target=worker_main,
            args=(
                child,
                self._pool.manifest,
                self._pool.threads_per_worker,
                self._scratch,
                self._pool.background,
            ),
            name="safelens-worker",
            daemon=True,
        )
        try:
            process.start()
        except RuntimeError as exc:  # spawn from an unguarded __main__ script
            child.close()
            parent.close()
            shutil.rmtree(self._scratch, ignore_errors=True)
            raise AnalyzerUnavailable(
                "The checking process could not start. A script that uses SafeLens must "
                'create the analyzer under `if __name__ == "__main__":`.'
            ) from exc
        child.close()
        self._process, self._conn = process, parent
        self._pool.starts += 1
        if not parent.poll(WORKER_START_TIMEOUT_S):
            self._stop()
            raise _WorkerDied("The checking process did not start in time.", "timeout")
        try:
            kind, detail = parent.recv()
        except (EOFError, OSError) as exc:
            process.join(timeout=5)
            exit_code = process.exitcode
            self._stop()
            raise _WorkerDied(
                "The checking process stopped while starting. (A script that uses SafeLens "
                'must create the analyzer under `if __name__ == "__main__":`.)',
                f"exit code {exit_code}",
            ) from exc
        if kind == "fatal":
            self._stop()
            raise AnalyzerUnavailable(detail)

    def _stop(self) -> None:
        if self._process is not None and self._process.is_alive():
            self._process.kill()
        if self._process is not None:
            self._process.join(timeout=5)
        if self._conn is not None:
            self._conn.close()
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)
        self._process, self._conn, self._scratch = None, None, None

    def _run(self) -> None:
        try:  # start at once, so the first check does not wait for the models to load
            self._start()
        except _WorkerDied:
            pass  # the first check will try again
        except AnalyzerUnavailable as exc:
            self._pool.fatal = exc
        while True:
            job = self._pool.next_job()
            if job is None:
                self._shutdown()
                return
            if not job.future.set_running_or_notify_cancel():
                continue
            try:
                job.future.set_result(self._handle(job))
            except _WorkerDied as exc:  # this check fails; the next one starts afresh
                job.future.set_exception(exc)
            except AnalyzerUnavailable as exc:  # models missing or altered: nothing can run
                self._pool.fatal = exc
                job.future.set_exception(exc)
            except Exception as exc:  # never let a slot thread die silently
                log.exception("worker slot failed")
                job.future.set_exception(exc)

    def _handle(self, job: _Job) -> Analysis:
        if self._pool.fatal is not None:
            raise self._pool.fatal
        if self._process is None or not self._process.is_alive():
            self._stop()
            self._start()
        assert self._conn is not None
        started = time.perf_counter()
        limit_s = job.timeout_s
        try:
            self._conn.send((job.sequence, job.source, job.options))
            reply, ready, limit_s = self._answer(started, job.timeout_s)
        except (EOFError, OSError, BrokenPipeError):
            reply, ready = None, True
        elapsed = (time.perf_counter() - started) * 1000
        if reply is None:
            self._stop()
            if ready:
                self._pool.crashes += 1
                return _failure(
                    job,
                    Status.UNREADABLE,
                    elapsed,
                    (
                        "The checker stopped while reading this file. It may be damaged "
                        "or made to cause harm."
                    ),
                )
            self._pool.timeouts += 1
            return _failure(
                job,
                Status.TIMEOUT,
                elapsed,
                (f"Checking took too long (over {limit_s:.0f} s), so it was stopped."),
            )
        _tag, _request_id, wire = reply
        # elapsed_ms is the supervisor's wall clock, as for a timeout or a crash (which the
        # worker cannot time): the clock the limit runs on, the pipe's hand-over included.
        return Analysis.from_wire(wire | {"elapsed_ms": elapsed, "path": path_of(job.source)})

    def _answer(self, started: float, limit_s: float) -> tuple[Any, bool, float]:
        """Wait for the result; a long video may ask for more time, up to MAX_EXTENSION_S.

        Returns (reply or None, whether the pipe spoke, the limit that applied).
        """
        assert self._conn is not None
        extended = 0.0
        while True:
            left = started + limit_s + extended - time.perf_counter()
            if not self._conn.poll(max(0.0, left)):
                return None, False, limit_s + extended
            reply = self._conn.recv()
            if isinstance(reply, tuple) and reply and reply[0] == "extend":
                extended += max(0.0, min(float(reply[2]), MAX_EXTENSION_S - extended))
                continue
            return reply, True, limit_s + extended

    def _shutdown(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(OSError):
                self._conn.send(None)
        if self._process is not None:
            self._process.join(timeout=2)
        self._stop()

    def join(self, timeout: float) -> None:
        self._thread.join(timeout)

    @property
    def pid(self) -> int | None:
        process = self._process
        return process.pid if process is not None and process.is_alive() else None


def _failure(job: _Job, status: Status, elapsed: float, reason: str) -> Analysis:
    return Analysis(
        kind=job.kind_hint,
        status=status,
        reason=reason,
        elapsed_ms=elapsed,
        path=path_of(job.source),
    )


class WorkerPool:
    """A few worker processes behind a priority queue. Thread-safe; close() when done."""

    def __init__(
        self,
        manifest: Path | None = None,
        workers: int | None = None,
        threads_per_worker: int | None = None,
        background: bool = False,
    ) -> None:
        cpus = os.cpu_count() or 1
        self.background = background
        self.workers = max(1, workers or min(2, cpus))
        self.threads_per_worker = threads_per_worker or max(1, cpus // self.workers)
        self.manifest = str(manifest) if manifest else None
        self.fatal: AnalyzerUnavailable | None = None
        self.starts = self.crashes = self.timeouts = 0
        self._queue: queue.PriorityQueue[tuple[int, int, _Job | None]] = queue.PriorityQueue()
        self._sequence = itertools.count()
        self._closed = False
        self._slots = [_Slot(self, i) for i in range(self.workers)]

    def submit(
        self,
        source: CheckSource,
        options: AnalysisOptions,
        timeout_s: float,
        priority: int = BULK,
        kind_hint: Kind = Kind.OTHER,
    ) -> Future[Analysis]:
        if self._closed:
            raise RuntimeError("The analyzer has been closed.")
        future: Future[Analysis] = Future()
        sequence = next(self._sequence)
        job = _Job(priority, sequence, source, options, timeout_s, future, kind_hint)
        self._queue.put((priority, sequence, job))
        return future

    @property
    def pids(self) -> list[int]:
        """The worker processes running now (for health views, tests and benchmarks)."""
        return [pid for slot in self._slots if (pid := slot.pid) is not None]

    def next_job(self) -> _Job | None:
        return self._queue.get()[2]

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        for _ in self._slots:
            self._queue.put((99, next(self._sequence), None))
        for slot in self._slots:
            slot.join(timeout=10)
