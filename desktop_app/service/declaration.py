"""The per-machine service, declared once for every OS it is installed on.

From this declaration ``service_files.py`` generates the Linux systemd unit
(``systemd_unit.py``, with its hardening comments), the macOS LaunchDaemon and the Windows
service (a WiX ``ServiceInstall`` fragment). So the name, the command, the folders, the account
and the restart policy cannot differ between them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath, PurePosixPath, PureWindowsPath

from .paths import DEFAULT_ROOT, DEFAULT_SOCKET


@dataclass(frozen=True)
class Placement:
    """Where the service lives on one OS, and as which account it runs."""

    program: PurePath  # the installed `safelens` command
    data_root: PurePath  # MachinePaths.root
    socket: PurePath  # MachinePaths.socket (a named pipe's name on Windows)
    account: str


@dataclass(frozen=True)
class ServiceDeclaration:
    name: str  # the systemd unit's and the Windows service's name
    label: str  # the macOS LaunchDaemon's label
    display_name: str
    description: str
    restart_delay_s: int  # after an end it did not choose
    stop_timeout_s: int  # from the stop request to a forced end
    umask: int  # what it creates is its own unless it says otherwise
    linux: Placement
    macos: Placement
    windows: Placement

    def arguments(self, placement: Placement) -> tuple[str, ...]:
        """`safelens` arguments that run the service on ``placement``'s folders.

        The folders are named only where they differ from `safelens service`'s defaults
        (Linux's), so the Linux unit runs plain `safelens service`.
        """
        moved: tuple[str, ...] = ()
        if str(placement.data_root) != str(DEFAULT_ROOT):
            moved += ("--data-dir", str(placement.data_root))
        if str(placement.socket) != str(DEFAULT_SOCKET):
            moved += ("--socket", str(placement.socket))
        return ("service", *moved)

    def command(self, placement: Placement) -> tuple[str, ...]:
        return (str(placement.program), *self.arguments(placement))


SERVICE = ServiceDeclaration(
    name="safelens",
    label="com.safelens.service",
    display_name="SafeLens",
    description="SafeLens per-machine protection service",
    restart_delay_s=2,
    stop_timeout_s=30,
    umask=0o077,
    linux=Placement(
        program=PurePosixPath("/opt/safelens/bin/safelens"),
        data_root=PurePosixPath(DEFAULT_ROOT),
        socket=PurePosixPath(DEFAULT_SOCKET),
        account="root",
    ),
    macos=Placement(
        program=PurePosixPath("/Applications/SafeLens.app/Contents/MacOS/safelens"),
        data_root=PurePosixPath("/Library/Application Support/SafeLens"),
        socket=PurePosixPath("/var/run/safelens/service.sock"),
        account="root",
    ),
    windows=Placement(
        program=PureWindowsPath(r"C:\Program Files\SafeLens\safelens.exe"),
        data_root=PureWindowsPath(r"C:\ProgramData\SafeLens"),
        socket=PureWindowsPath(r"\\.\pipe\safelens"),
        account="LocalSystem",
    ),
)
