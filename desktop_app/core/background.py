"""Background priority for bulk work, so a large first scan leaves the computer usable.

CPU: niceness 19, the lowest share the scheduler gives a normal thread (under Linux CFS a
nice-19 thread weighs 15 against 1024 for nice 0: about 1.5 % of a core a busy foreground
program wants, all of a core nobody wants). Disk, Linux: the lowest *best-effort* I/O
priority (class 2, level 7), not the idle class: idle-class I/O waits as long as anyone
else reads, so a child who keeps the disk busy could keep new arrivals unchecked forever,
whereas best-effort 7 still moves on. Both are per thread on Linux (``who`` = 0 is the
calling thread) and are inherited by threads and processes started afterwards, so call
this first in a worker process or a watch thread. Lowering priority needs no privilege;
nothing here raises it again.
"""

from __future__ import annotations

import ctypes
import logging
import os
import platform
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass

__all__ = [
    "BACKGROUND_IO",
    "BACKGROUND_NICE",
    "BackgroundPriority",
    "enter_background",
    "io_priority",
]
log = logging.getLogger(__name__)

BACKGROUND_NICE = 19
IOPRIO_CLASS_BE, IOPRIO_CLASS_IDLE = 2, 3
IOPRIO_CLASS_SHIFT = 13
IOPRIO_WHO_PROCESS = 1
BACKGROUND_IO = (IOPRIO_CLASS_BE, 7)  # (class, level): best effort, lowest level
# ioprio_set / ioprio_get system call numbers (not wrapped by Python or glibc).
_IOPRIO_SYSCALLS = {
    "x86_64": (251, 252),
    "amd64": (251, 252),
    "aarch64": (30, 31),
    "arm64": (30, 31),
    "i386": (289, 290),
    "i686": (289, 290),
}


@dataclass(frozen=True)
class BackgroundPriority:
    """What the calling thread got: its niceness, and its I/O (class, level) if the OS has one."""

    nice: int | None
    io: tuple[int, int] | None


def enter_background(*, whole_process: bool = False) -> BackgroundPriority:
    """Lower the calling thread's CPU and disk priority; a refusal is logged, never fatal.

    ``whole_process``: every thread already running in this process too (a worker process
    whose imports started thread pools, e.g. OpenBLAS's, before it could lower itself).
    """
    for tid in _other_threads() if whole_process else ():
        _lower_cpu(tid)
        _lower_io(tid)
    return BackgroundPriority(_lower_cpu(), _lower_io())


def io_priority(who: int = 0) -> tuple[int, int] | None:
    """A Linux thread's or process's I/O (class, level); None where it cannot be read."""
    call = _ioprio_calls()
    if call is None:
        return None
    value = call[1](IOPRIO_WHO_PROCESS, who)
    if value < 0:
        return None
    return value >> IOPRIO_CLASS_SHIFT, value & ((1 << IOPRIO_CLASS_SHIFT) - 1)


def _other_threads() -> list[int]:
    """This process's other threads (Linux: /proc/self/task); none where unknown."""
    me = threading.get_native_id()
    try:
        return [int(tid) for tid in os.listdir("/proc/self/task") if int(tid) != me]
    except OSError:
        return []


def _lower_cpu(who: int = 0) -> int | None:
    if not hasattr(os, "setpriority"):
        return _lower_windows()
    try:
        if os.getpriority(os.PRIO_PROCESS, who) < BACKGROUND_NICE:
            os.setpriority(os.PRIO_PROCESS, who, BACKGROUND_NICE)
        return os.getpriority(os.PRIO_PROCESS, who)
    except OSError:  # e.g. a thread that ended meanwhile
        log.warning("background: the CPU priority could not be lowered")
        return None


def _lower_io(who: int = 0) -> tuple[int, int] | None:
    call = _ioprio_calls()
    if call is None:
        return None
    io_class, level = BACKGROUND_IO
    if call[0](IOPRIO_WHO_PROCESS, who, (io_class << IOPRIO_CLASS_SHIFT) | level) != 0:
        log.warning("background: the disk priority could not be lowered")
    return io_priority(who)


def _ioprio_calls() -> tuple[Callable[..., int], Callable[..., int]] | None:
    if not sys.platform.startswith("linux"):
        return None
    numbers = _IOPRIO_SYSCALLS.get(platform.machine().lower())
    if numbers is None:
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None
    syscall = libc.syscall
    syscall.restype = ctypes.c_long
    set_number, get_number = numbers
    return (
        lambda which, who, value: int(syscall(set_number, which, who, value)),
        lambda which, who: int(syscall(get_number, which, who)),
    )


def _lower_windows() -> int | None:
    """Windows: the process's background mode lowers CPU, disk and memory priority at once.

    Not exercised here (only Linux runs in CI); PROCESS_MODE_BACKGROUND_BEGIN applies to the
    whole calling process, so it is meant for worker processes only.
    """
    if not sys.platform.startswith("win"):
        return None
    process_mode_background_begin = 0x00100000
    windll = getattr(ctypes, "windll", None)
    if windll is None:
        return None
    kernel32 = windll.kernel32
    if not kernel32.SetPriorityClass(kernel32.GetCurrentProcess(), process_mode_background_begin):
        log.warning("background: the process priority could not be lowered")
    return None
