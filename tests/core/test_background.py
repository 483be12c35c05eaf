"""Background priority: the calling thread's CPU and disk priority go down, no one else's."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest

from desktop_app.core.background import (
    BACKGROUND_IO,
    BACKGROUND_NICE,
    BackgroundPriority,
    enter_background,
    io_priority,
)

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="per-thread nice and ioprio are Linux's"
)


def in_a_thread() -> tuple[BackgroundPriority, int, tuple[int, int] | None]:
    seen: list[tuple[BackgroundPriority, int, tuple[int, int] | None]] = []

    def lower() -> None:
        got = enter_background()
        seen.append((got, os.getpriority(os.PRIO_PROCESS, 0), io_priority()))

    thread = threading.Thread(target=lower)
    thread.start()
    thread.join()
    return seen[0]


def test_a_thread_enters_background_cpu_and_disk_priority() -> None:
    got, nice, io = in_a_thread()
    assert got == BackgroundPriority(BACKGROUND_NICE, BACKGROUND_IO)
    assert nice == BACKGROUND_NICE == 19
    assert io == BACKGROUND_IO == (2, 7)  # best effort, lowest level: never starved


def test_the_rest_of_the_process_keeps_its_priority() -> None:
    nice_before, io_before = os.getpriority(os.PRIO_PROCESS, 0), io_priority()
    in_a_thread()
    assert os.getpriority(os.PRIO_PROCESS, 0) == nice_before
    assert io_priority() == io_before
    assert nice_before < BACKGROUND_NICE


def test_entering_twice_stays_in_the_background() -> None:
    def twice() -> None:
        enter_background()
        seen.append(enter_background())

    seen: list[BackgroundPriority] = []
    thread = threading.Thread(target=twice)
    thread.start()
    thread.join()
    assert seen == [BackgroundPriority(BACKGROUND_NICE, BACKGROUND_IO)]


def test_a_whole_process_goes_to_the_background_threads_started_before_included() -> None:
    """As a worker process does: its imports may have started thread pools already."""
    script = """
import os, threading
from pathlib import Path
from desktop_app.core.background import enter_background
started = threading.Event(); stop = threading.Event()
def idle():
    started.set(); stop.wait()
thread = threading.Thread(target=idle); thread.start(); started.wait()
enter_background(whole_process=True)
nices = {int((t / "stat").read_text().rsplit(")", 1)[1].split()[16])
         for t in Path("/proc/self/task").iterdir()}
stop.set(); thread.join()
print(sorted(nices))
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == f"[{BACKGROUND_NICE}]"
