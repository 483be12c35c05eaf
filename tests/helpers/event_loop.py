"""Measure how long the GUI event loop goes without running: the stalls a person would feel."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, QTimer


def _waiting_for_cpu_s() -> dict[int, float]:
    """Per thread of this process: seconds it was ready to run but the OS ran others.

    Linux schedstat; elsewhere nothing is known and every gap counts in full.
    """
    waited: dict[int, float] = {}
    try:
        tasks = os.listdir("/proc/self/task")
    except OSError:
        return waited
    for tid in tasks:
        try:
            with open(f"/proc/self/task/{tid}/schedstat") as stat:
                waited[int(tid)] = int(stat.read().split()[1]) / 1e9
        except (OSError, ValueError, IndexError):
            continue
    return waited


@dataclass(frozen=True)
class Gap:
    """The time between two ticks, and how long of it the OS kept the app waiting for a CPU."""

    wall_ms: float
    cpu_ms: float  # the GUI thread was running
    queued_ms: float  # the longest any thread of the app was ready but had no CPU

    @property
    def stall_ms(self) -> float:
        """The app's own share of the gap.

        The GUI thread's own running time always counts. Otherwise the gap minus the
        OS's queueing: the GUI thread may itself wait for a CPU, or for the GIL held by
        another thread of the app that waits for a CPU (other processes' load).
        """
        return max(self.cpu_ms, self.wall_ms - self.queued_ms)


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
        self._last: tuple[float, float, dict[int, float]] | None = None
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
        """How long, in all, the OS kept the app's busiest-waiting thread off the CPUs."""
        return sum(g.queued_ms for g in self.gaps)

    def percentile(self, fraction: float) -> float:
        ordered = sorted(g.wall_ms for g in self.gaps)
        return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else 0.0

    def _tick(self) -> None:
        now = (time.perf_counter(), time.thread_time(), _waiting_for_cpu_s())
        if self._last is not None:
            before = self._last[2]
            queued = max((now[2][t] - before[t] for t in now[2] if t in before), default=0.0)
            wall, cpu = now[0] - self._last[0], now[1] - self._last[1]
            self.gaps.append(Gap(wall * 1000, cpu * 1000, queued * 1000))
        self._last = now
