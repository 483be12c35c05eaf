"""Measure how long the GUI event loop goes without running: the stalls a person would feel."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, QTimer


def _waiting_for_cpu_s() -> float:
    """Seconds this thread was ready to run but the OS ran others (Linux schedstat; else 0)."""
    try:
        with open(f"/proc/self/task/{threading.get_native_id()}/schedstat") as stat:
            return int(stat.read().split()[1]) / 1e9
    except (OSError, ValueError, IndexError):
        return 0.0


@dataclass(frozen=True)
class Gap:
    """The time between two ticks, and how long of it the OS kept the GUI thread waiting."""

    wall_ms: float
    cpu_ms: float  # the GUI thread was running
    queued_ms: float  # ready to run, but the CPUs were busy with other processes

    @property
    def stall_ms(self) -> float:
        """The app's own share of the gap: what is left after the OS's queueing."""
        return max(0.0, self.wall_ms - self.queued_ms)


class EventLoopGaps(QObject):
    """A precise 5 ms timer that records the time between its ticks.

    A tick can only run when the event loop is free, so the longest time between two
    ticks is the longest the GUI was blocked (plus at most one interval). On a machine
    busy with other processes the OS also keeps the thread waiting for a CPU;
    ``max_stall_ms`` leaves that queueing out (Linux), ``max_gap_ms`` includes it.
    """

    def __init__(self, interval_ms: int = 5, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.interval_ms = interval_ms
        self.gaps: list[Gap] = []
        self._last: tuple[float, float, float] | None = None
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.reset()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._last = None

    def reset(self) -> None:
        """Forget what was recorded so far (e.g. the first show and paint)."""
        self.gaps, self._last = [], None

    @property
    def max_gap_ms(self) -> float:
        return max((g.wall_ms for g in self.gaps), default=0.0)

    @property
    def max_stall_ms(self) -> float:
        return max((g.stall_ms for g in self.gaps), default=0.0)

    @property
    def queued_ms(self) -> float:
        return sum(g.queued_ms for g in self.gaps)

    def percentile(self, fraction: float) -> float:
        ordered = sorted(g.wall_ms for g in self.gaps)
        return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else 0.0

    def _tick(self) -> None:
        now = (time.perf_counter(), time.thread_time(), _waiting_for_cpu_s())
        if self._last is not None:
            wall, cpu, queued = (a - b for a, b in zip(now, self._last, strict=True))
            self.gaps.append(Gap(wall * 1000, cpu * 1000, queued * 1000))
        self._last = now
