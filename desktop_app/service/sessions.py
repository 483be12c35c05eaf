"""Which accounts' session agents run, as the service sees them (never as a session says).

An agent announces itself (``session_start``), asks for notices (its long-poll is the
liveness signal) and says goodbye on a clean quit (``session_end``). Only the process that
announced itself may say goodbye for it. An agent that ends without one — killed, frozen,
crashed — has *vanished*: the service counts it once as a tamper event for that child, in
its own counts. On Linux a vanished agent is seen at once (its process is gone from /proc);
elsewhere, after ``ALIVE_S`` without a poll.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

ALIVE_S = 60.0  # a running agent polls at least this often (each poll waits at most 25 s)
PROC = Path("/proc")


class Ending(StrEnum):
    SAID_GOODBYE = "said_goodbye"
    VANISHED = "vanished"


@dataclass
class SessionRecord:
    """One account's agent: the process that announced itself, and how the last one ended."""

    account: str
    key: str | None  # whose counts (the profile key); None: an unprotected account
    pid: int | None = None
    pid_start: str | None = None  # the process's start time: a reused pid is another process
    running: bool = False
    last_seen: float = 0.0  # monotonic
    polls: int = 0  # long-polls in flight right now
    started_at: datetime | None = None
    stopped_at: datetime | None = None
    ended: Ending | None = None


Clock = Callable[[], datetime]
ProcessCheck = Callable[[int, str | None], bool]
OnVanished = Callable[[SessionRecord], None]


def process_start(pid: int, proc: Path = PROC) -> str | None:
    """The process's start time in clock ticks (Linux ``/proc``); None where unknown."""
    try:
        stat = (proc / str(pid) / "stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    fields = stat.rpartition(")")[2].split()
    return fields[19] if len(fields) > 19 else None


def process_alive(pid: int, start: str | None, proc: Path = PROC) -> bool:
    """Whether the process that announced itself still runs (not a zombie, not a reused pid).

    Without /proc (not Linux) this says True, and liveness rests on the polls alone."""
    if not sys.platform.startswith("linux"):
        return True
    try:
        stat = (proc / str(pid) / "stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return False
    fields = stat.rpartition(")")[2].split()
    if not fields or fields[0] in ("Z", "X", "x"):
        return False
    return start is None or (len(fields) > 19 and fields[19] == start)


class SessionBook:
    """Every account's agent as the service has seen it (in memory: a restarted service
    learns again from the agents' next polls)."""

    def __init__(
        self,
        on_vanished: OnVanished,
        *,
        clock: Clock | None = None,
        monotonic: Callable[[], float] = time.monotonic,
        alive: ProcessCheck = process_alive,
        started: Callable[[int], str | None] = process_start,
    ) -> None:
        self._on_vanished = on_vanished
        self._clock = clock or (lambda: datetime.now(UTC))
        self._monotonic, self._alive, self._started = monotonic, alive, started
        self._records: dict[str, SessionRecord] = {}
        self._lock = threading.Lock()

    def start(self, account: str, key: str | None, pid: int) -> None:
        """An agent announced itself; an earlier one of this account that ended without a
        goodbye has vanished (counted now, once)."""
        with self._lock:
            record = self._record(account, key)
            if record.running and record.pid != pid:
                self._vanish_if_gone(record)
            if record.running and record.pid == pid:
                record.last_seen = self._monotonic()
                return
            start = self._started(pid)
            if not self._alive(pid, start):
                return  # a request read after its process ended (killed): it starts nothing
            record.pid, record.pid_start = pid, start
            record.running, record.last_seen = True, self._monotonic()
            record.started_at = self._clock()

    def seen(self, account: str, key: str | None, pid: int, *, polling: int = 0) -> None:
        """A poll began (``polling`` 1) or ended (-1): the agent is alive. An agent the
        service did not know (the service restarted) counts as started when its poll begins."""
        with self._lock:
            record = self._record(account, key)
            if polling < 0:  # a poll ends: after a goodbye, nothing starts again
                if record.running and record.pid == pid:
                    record.polls = max(0, record.polls - 1)
                    record.last_seen = self._monotonic()
                return
            if record.running and record.pid != pid:
                self._vanish_if_gone(record)
            if not record.running and record.pid == pid and record.ended is Ending.SAID_GOODBYE:
                return  # a last poll of an agent that already said goodbye
            if not record.running:
                start = self._started(pid)
                if not self._alive(pid, start):
                    return  # a poll read after its agent was killed: not counted again
                record.pid, record.pid_start = pid, start
                record.running, record.started_at = True, self._clock()
            if record.pid == pid:
                record.polls += polling
                record.last_seen = self._monotonic()

    def end(self, account: str, pid: int) -> bool:
        """A clean goodbye, from the process that announced itself only (else False)."""
        with self._lock:
            record = self._records.get(account)
            if record is None or not record.running or record.pid != pid:
                return False
            record.running, record.polls = False, 0
            record.stopped_at, record.ended = self._clock(), Ending.SAID_GOODBYE
            return True

    def sweep(self) -> None:
        """Mark every agent that is gone (its process ended, or silent too long) vanished."""
        with self._lock:
            for record in self._records.values():
                if record.running:
                    self._vanish_if_gone(record)

    def describe(self, account: str) -> dict[str, Any]:
        """The ``status`` fields for one account's agent."""
        with self._lock:
            record = self._records.get(account)
            if record is None:
                return {
                    "client_running": False,
                    "client_started": None,
                    "client_stopped": None,
                    "client_ended": None,
                }
            return {
                "client_running": record.running,
                "client_started": _iso(record.started_at),
                "client_stopped": _iso(record.stopped_at),
                "client_ended": record.ended.value if record.ended else None,
            }

    # --- inside the lock ------------------------------------------------------------------

    def _record(self, account: str, key: str | None) -> SessionRecord:
        record = self._records.get(account)
        if record is None:
            record = self._records[account] = SessionRecord(account, key)
        record.key = key
        return record

    def _vanish_if_gone(self, record: SessionRecord) -> None:
        gone = record.pid is not None and not self._alive(record.pid, record.pid_start)
        silent = record.polls == 0 and self._monotonic() - record.last_seen > ALIVE_S
        if not (gone or silent):
            return
        record.running, record.polls = False, 0
        record.stopped_at, record.ended = self._clock(), Ending.VANISHED
        self._on_vanished(record)


def _iso(moment: datetime | None) -> str | None:
    return moment.astimezone(UTC).isoformat(timespec="seconds") if moment else None
