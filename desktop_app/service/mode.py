"""Which mode runs on this computer: machine mode when the service answers, else single-account.

Decided from the service's socket only (and, when it is silent, from whether a service is
installed): never from environment variables, so ``SAFELENS_HOME``, ``HOME`` or ``XDG_*`` in
a child's session cannot make that session believe it is on its own.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .client import ServiceClient, ServiceError, ServiceUnavailable
from .paths import DEFAULT_ROOT, DEFAULT_SOCKET

# A service is installed when its unit file or its data root is there.
INSTALL_MARKS: tuple[Path, ...] = (
    Path("/etc/systemd/system/safelens.service"),
    Path("/usr/lib/systemd/system/safelens.service"),
    Path("/lib/systemd/system/safelens.service"),
    DEFAULT_ROOT,
)
ASK_TIMEOUT_S = 3.0
START_FIX = "sudo systemctl start safelens  (and `sudo systemctl enable safelens` to keep it on)"
SWITCH_FIX = (
    "to protect children on a shared computer, install the SafeLens package (it runs "
    "`safelens service` as root under systemd), or install packaging/linux/safelens.service "
    "as /etc/systemd/system/safelens.service and run `sudo systemctl enable --now safelens`"
)


class Mode(enum.StrEnum):
    MACHINE = "machine"  # the per-machine service answers: it owns settings, PIN, quarantine
    SINGLE_ACCOUNT = "single_account"  # everything in this account's own folder


class ServiceState(enum.StrEnum):
    ANSWERING = "answering"
    SILENT = "silent"  # installed (unit file, data root or socket file there) but no answer
    ABSENT = "absent"  # nothing of a service on this computer


@dataclass(frozen=True)
class RunningMode:
    """What this session found: the mode, the service's state, and its socket."""

    mode: Mode
    service: ServiceState
    socket: Path

    @property
    def tamper_resistant(self) -> bool:
        return self.mode is Mode.MACHINE

    def describe(self) -> str:
        """One plain sentence for `safelens doctor`, the tray and the console."""
        if self.mode is Mode.MACHINE:
            return (
                "machine mode: the SafeLens service (run as root) protects every account on "
                "this computer; a child's account cannot stop it or change its data"
            )
        if self.service is ServiceState.SILENT:
            return (
                "single-account mode, although the SafeLens service is installed: the service "
                "is not answering, so protection is NOT tamper-resistant and other accounts' "
                "folders are not watched"
            )
        return (
            "single-account mode: SafeLens runs inside this account only; it is NOT "
            "tamper-resistant on a shared computer (a child's account can stop it or "
            "change its data)"
        )

    @property
    def fix(self) -> str:
        """How to reach machine mode from here (empty in machine mode)."""
        if self.mode is Mode.MACHINE:
            return ""
        return START_FIX if self.service is ServiceState.SILENT else SWITCH_FIX


def detect_mode(
    socket: Path = DEFAULT_SOCKET,
    install_marks: Sequence[Path] | None = None,
    timeout: float = ASK_TIMEOUT_S,
) -> RunningMode:
    """Machine mode when the service on ``socket`` says so to ``hello``; else single-account
    mode, with the service SILENT when it is installed (``install_marks``, or a socket file
    nobody answers on) and ABSENT otherwise."""
    if _answers(socket, timeout):
        return RunningMode(Mode.MACHINE, ServiceState.ANSWERING, socket)
    marks = INSTALL_MARKS if install_marks is None else tuple(install_marks)
    installed = any(_exists(mark) for mark in (*marks, socket))
    state = ServiceState.SILENT if installed else ServiceState.ABSENT
    return RunningMode(Mode.SINGLE_ACCOUNT, state, socket)


def _answers(socket: Path, timeout: float) -> bool:
    try:
        reply = ServiceClient(socket, timeout=timeout).call("hello")
    except (ServiceUnavailable, ServiceError):
        return False
    return reply.get("mode") == Mode.MACHINE.value


def _exists(path: Path) -> bool:
    try:
        return path.exists() or path.is_symlink()
    except OSError:
        return True  # there, but not ours to look into: something is installed
