"""The service's composition: its folders, its stores, its socket, and a clean stop.

Logs say that it started and stopped, with counts only: never a path, a name or a PIN.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from desktop_app.policy.managed import LINUX_POLICY_DIR

from .handlers import ServiceHandlers
from .health import WatchStatus
from .paths import MachinePaths
from .server import ServiceServer
from .session_ops import with_session_ops
from .stores import ServiceStores, open_stores

log = logging.getLogger(__name__)

WAKE_S = 0.5


@dataclass(frozen=True)
class AnalyzerOptions:
    """How the machine-wide watch checks files (its SensitivityAnalyzer's options)."""

    test_pattern: bool | None = None  # None: the guardian's setting
    workers: int = 1


# Tells the session agents' long-polls that something was put aside for this profile key.
PutAsideNotice = Callable[[str | None], None]
# Plugs the machine-wide watch in: given the stores, the analyzer options and whom to tell
# when something is put aside, a context that watches every protected account while the
# service runs, and yields what `status` reports.
WatchFactory = Callable[
    [ServiceStores, AnalyzerOptions, PutAsideNotice], AbstractContextManager[WatchStatus | None]
]


@contextlib.contextmanager
def _no_watch(
    stores: ServiceStores, options: AnalyzerOptions, on_put_aside: PutAsideNotice
) -> Iterator[None]:
    yield None


def run_service(
    paths: MachinePaths,
    *,
    analyzer_options: AnalyzerOptions | None = None,
    watch: WatchFactory | None = None,
    stop_event: threading.Event | None = None,
    handle_signals: bool = True,
    policy_dir: Path = LINUX_POLICY_DIR,
) -> int:
    """Serve until SIGTERM/SIGINT (or ``stop_event``); 0 after a clean stop.

    ``watch`` watches every protected account while the service runs
    (``service/protection.py``; ``safelens service`` passes it). Without it the service
    only answers sessions (its own tests).
    """
    stop = stop_event or threading.Event()
    options = analyzer_options or AnalyzerOptions()
    paths.prepare()
    stores = open_stores(paths, policy_dir=policy_dir)
    handlers = ServiceHandlers(stores)
    session = with_session_ops(handlers, stores)
    server = ServiceServer(paths.socket, handlers)
    restore_signals = _stop_on_signals(stop) if handle_signals else None
    try:
        server.start()
        with (watch or _no_watch)(stores, options, session.board.put_aside) as watching:
            handlers.show_watch(watching)  # the guardian's `status` reports it from now on
            log.info("service: started (protocol on a local socket only)")
            while not stop.wait(WAKE_S):  # wakes now and then, so signals are seen promptly
                pass
    finally:
        server.stop()
        stores.close()
        if restore_signals is not None:
            restore_signals()
    log.info(
        "service: stopped after %d requests (%d connections refused)",
        server.requests_answered,
        server.connections_refused,
    )
    return 0


def _stop_on_signals(stop: threading.Event) -> Callable[[], None]:
    """SIGTERM and SIGINT set ``stop``; returns what puts the earlier handlers back."""

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    earlier = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGTERM, signal.SIGINT)}

    def restore() -> None:
        for sig, handler in earlier.items():
            signal.signal(sig, handler)

    return restore
