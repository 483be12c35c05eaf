"""The worker process: the only place where untrusted files are decoded and checked.

A hostile or broken file can crash or hang only this process. The supervisor in
``supervisor.py`` sends requests over a pipe and gets plain dicts back.
"""

from __future__ import annotations

import faulthandler
import os
import signal
import sys
import time
from functools import partial
from multiprocessing.connection import Connection
from pathlib import Path

from desktop_app.core.background import enter_background

from .checking import check, prefetched
from .decode import prepare_decoders
from .formats import HEAD_BYTES
from .models import Ensemble, ModelError, load_manifest

__all__ = ["HEAD_BYTES", "check", "prefetched", "worker_main"]
# Tests set this to make the worker crash or hang on a marker file, to prove recovery.
FAULT_INJECTION_ENV = "SAFELENS_WORKER_FAULT_INJECTION"
MEMORY_LIMIT_BYTES = 6 * 1024**3


def worker_main(
    conn: Connection,
    manifest: str | None,
    threads: int,
    scratch: str | None = None,
    background: bool = False,
) -> None:
    """Entry point of the worker process (multiprocessing 'spawn' target).

    ``scratch``: a private folder the supervisor made (and removes) for videos found
    inside archives, which FFmpeg must read as files. ``background``: this worker serves
    bulk scans only, at background CPU and disk priority — lowered once the models are
    loaded (a one-time cost that must not starve past the start time limit on a busy
    machine), for every thread the imports and onnxruntime started.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the supervisor's to handle
    faulthandler.enable()  # a native crash leaves a stack trace on stderr (no file content)
    _limit_resources()
    faults = os.environ.get(FAULT_INJECTION_ENV) == "1"
    if faults:
        _maybe_die_on_start()
    prepare_decoders()
    try:
        ensemble = Ensemble(load_manifest(Path(manifest) if manifest else None), threads)
    except ModelError as exc:
        conn.send(("fatal", str(exc)))
        return
    if background:
        enter_background(whole_process=True)
    conn.send(("ready", None))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        request_id, source, options = message
        result = check(
            source,
            options,
            ensemble,
            scratch=Path(scratch) if scratch else None,
            on_head=_inject_fault if faults else None,
            on_extend=partial(_ask_for_time, conn, request_id),
        )
        try:
            conn.send(("result", request_id, result.to_wire()))
        except (BrokenPipeError, OSError):
            return


def _ask_for_time(conn: Connection, request_id: int, seconds: float) -> None:
    """A long video needs longer than the supervisor's limit: ask it to wait so much more."""
    conn.send(("extend", request_id, seconds))


def _limit_resources() -> None:
    """Cap address space where the OS allows it, so a bomb fails here, not the machine."""
    try:
        import resource
    except ImportError:  # Windows: the supervisor's time limit still applies
        return
    limit = int(os.environ.get("SAFELENS_WORKER_MEMORY_LIMIT", MEMORY_LIMIT_BYTES))
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ValueError, OSError):
        pass


def _maybe_die_on_start() -> None:
    """Tests: die at start while the counter file says so, to prove start-up retries."""
    counter = os.environ.get("SAFELENS_WORKER_START_FAILURES_FILE")
    if not counter:
        return
    remaining = int(Path(counter).read_text() or 0)
    if remaining > 0:
        Path(counter).write_text(str(remaining - 1))
        os._exit(7)


def _inject_fault(head: bytes) -> None:
    if head.startswith(b"SAFELENS-FAULT:crash"):
        os.kill(os.getpid(), signal.SIGKILL)
    if head.startswith(b"SAFELENS-FAULT:hang"):
        time.sleep(3600)
    if head.startswith(b"SAFELENS-FAULT:exit"):
        sys.exit(3)
