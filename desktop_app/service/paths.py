"""Where the per-machine service keeps its data and its socket, made with owners and modes.

Machine mode never reads environment variables for these: the service's folders are
given on its command line (for tests and packagers) or are the defaults below.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

DEFAULT_ROOT = Path("/var/lib/safelens")
DEFAULT_SOCKET = Path("/run/safelens/service.sock")
OPEN_FOLDER_MODE = 0o755
PRIVATE_FOLDER_MODE = 0o700
_OTHERS_WRITE = stat.S_IWGRP | stat.S_IWOTH


class UnsafeFolder(Exception):  # noqa: N818 - what the administrator is told
    """A folder the service would trust is not its own or can be written by others."""


@dataclass(frozen=True)
class MachinePaths:
    """The service's data root (settings, PIN, approvals, counts, quarantine) and socket."""

    root: Path = DEFAULT_ROOT
    socket: Path = DEFAULT_SOCKET

    @classmethod
    def default(cls) -> MachinePaths:
        return cls(DEFAULT_ROOT, DEFAULT_SOCKET)

    @property
    def settings(self) -> Path:
        return self.root / "settings"

    @property
    def guardian(self) -> Path:
        """The PIN's hash file and the wrong-attempt state."""
        return self.root / "guardian"

    @property
    def approvals(self) -> Path:
        return self.root / "approvals"

    @property
    def events(self) -> Path:
        return self.root / "events"

    @property
    def quarantine(self) -> Path:
        return self.root / "quarantine"

    @property
    def watching(self) -> Path:
        """Each watched account's folder index (never in the child's own home)."""
        return self.root / "watching"

    @property
    def sessions(self) -> Path:
        """Each account's "shown until" mark: what its session agent has already shown."""
        return self.root / "sessions"

    @property
    def private_folders(self) -> tuple[Path, ...]:
        return (
            self.settings,
            self.guardian,
            self.approvals,
            self.events,
            self.quarantine,
            self.watching,
            self.sessions,
        )

    def prepare(self) -> None:
        """Make the folders (root 0755, the private ones 0700, the socket's 0755), all ours.

        Refuses (UnsafeFolder) a folder that is a symbolic link, is owned by another
        account, or that others may write: whoever could write there could plant settings,
        a PIN or a socket. Raises OSError when a folder cannot be made.
        """
        _own_folder(self.root, OPEN_FOLDER_MODE)
        for folder in self.private_folders:
            _own_folder(folder, PRIVATE_FOLDER_MODE)
        _own_folder(self.socket.parent, OPEN_FOLDER_MODE)


def _own_folder(folder: Path, mode: int) -> None:
    """Create ``folder`` with ``mode`` or check an existing one, then set exactly ``mode``."""
    try:
        folder.mkdir(mode=mode, parents=False)
    except FileNotFoundError:
        folder.parent.mkdir(mode=OPEN_FOLDER_MODE, parents=True, exist_ok=True)
        folder.mkdir(mode=mode, exist_ok=True)
    except FileExistsError:
        pass
    check_own_folder(folder)
    os.chmod(folder, mode, follow_symlinks=False)


def check_own_folder(folder: Path) -> None:
    """UnsafeFolder unless ``folder`` is a real folder of this process's account, not
    writable by group or others."""
    info = os.lstat(folder)
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode):
        raise UnsafeFolder("A folder of the SafeLens service is not a plain folder.")
    if info.st_uid != os.geteuid():
        raise UnsafeFolder("A folder of the SafeLens service belongs to another account.")
    if info.st_mode & _OTHERS_WRITE:
        raise UnsafeFolder("A folder of the SafeLens service can be written by other accounts.")
