"""A folder someone else may change under us: root never follows that someone's symlink.

The service runs as root and moves files out of a child's folders and back in. A path is
only a name: between a check and a move the child can swap any folder on it for a symlink
(to /etc, to another child's home), and root would act there. So a folder is opened once,
and every check and move then names a file *inside that open folder*: on Linux through
/proc/self/fd/N/<name>, which the kernel resolves to the folder that was opened, so a swap
after the opening changes nothing and every existing path-taking call keeps working. As
root the opening itself walks from "/" one folder at a time with O_NOFOLLOW, following a
symlink only where nobody but root could have made it (in a root-owned folder no one else
may write: /home -> /var/home still works), so a swap before the opening is refused.

Why not act with the child's identity (setfsuid): a move into the service's private
quarantine needs write access to both folders, which the child alone does not have, and
root is the race; one open folder gives one rule for add, restore and release. A process
that is not root (single-account mode) opens its folder following links as before: it
can only do what its user could. Without /proc (macOS) or dir_fd calls (Windows) the
folder's own path is used, as before.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from .quarantine_entry import SymlinkRefused

NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
DIRECTORY = getattr(os, "O_DIRECTORY", 0)
BINARY = getattr(os, "O_BINARY", 0)
MAX_HOPS = 40  # symlinks followed in one walk, as the kernel's own limit
USES_FDS = os.name == "posix" and os.open in os.supports_dir_fd
PINS = os.path.isdir("/proc/self/fd")  # Linux: a path through an open folder

Owner = tuple[int, int]


def walks_strictly() -> bool:
    """Root: symlinks on the way are followed only where nobody but root could make them."""
    return USES_FDS and os.geteuid() == 0


class OpenFolder:
    """One folder, opened once; ``folder / name`` names a file inside *that* folder.

    On Linux the name goes through /proc/self/fd (the open folder itself), so every
    path-taking call (open, rename, link, unlink) acts in the folder that was opened,
    whatever happens to its path afterwards.
    """

    def __init__(self, path: Path, fd: int | None) -> None:
        self.path, self.fd = path, fd

    @property
    def pinned(self) -> Path:
        """The opened folder itself, as a path (its real path where nothing pins it)."""
        if self.fd is not None and PINS:
            return Path(f"/proc/self/fd/{self.fd}")
        return self.path

    def __truediv__(self, name: str) -> Path:
        if not name or "/" in name or name in (".", ".."):
            raise ValueError("Only a name inside the folder.")
        return self.pinned / name

    def owner(self) -> Owner:
        found = os.fstat(self.fd) if self.fd is not None else os.stat(self.path)
        return found.st_uid, found.st_gid

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None

    def __enter__(self) -> OpenFolder:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def open_folder(path: Path, *, create: bool = False) -> OpenFolder:
    """The folder at ``path`` (made if ``create``); close it (or use ``with``) when done.

    Raises SymlinkRefused (a symlink root may not follow), FileNotFoundError, OSError.
    """
    path = Path(os.path.abspath(path))
    if walks_strictly():
        return OpenFolder(path, _walk(path, create=create))
    if create:
        path.mkdir(parents=True, exist_ok=True)
    if not USES_FDS:
        return OpenFolder(path, None)
    return OpenFolder(path, os.open(path, os.O_RDONLY | DIRECTORY))


def owner_if_root(folder: OpenFolder) -> Owner | None:
    """Who new files in ``folder`` should belong to when root puts them there."""
    return folder.owner() if walks_strictly() else None


def _walk(path: Path, *, create: bool) -> int:
    """Open ``path`` from "/" one folder at a time, never through a symlink someone else made."""
    flags = os.O_RDONLY | DIRECTORY | NOFOLLOW
    fd, where, todo, hops = os.open("/", flags), "/", list(path.parts[1:]), 0
    try:
        while todo:
            name = todo.pop(0)
            if name in ("", "."):
                continue
            if name == "..":  # only from a trusted symlink's target: restart from the top
                todo = [*Path(os.path.normpath(os.path.join(where, ".."))).parts[1:], *todo]
                os.close(fd)
                fd, where = os.open("/", flags), "/"
                continue
            try:
                found = os.stat(name, dir_fd=fd, follow_symlinks=False)
            except FileNotFoundError:
                if not create:
                    raise
                _make(name, fd)
                found = os.stat(name, dir_fd=fd, follow_symlinks=False)
            if stat.S_ISLNK(found.st_mode):
                hops += 1
                if not _only_root_writes(os.fstat(fd)) or hops > MAX_HOPS:
                    raise SymlinkRefused("A folder on the way is a symbolic link; nothing moved.")
                target = os.path.normpath(os.path.join(where, os.readlink(name, dir_fd=fd)))
                todo = [*Path(target).parts[1:], *todo]
                os.close(fd)
                fd, where = os.open("/", flags), "/"
                continue
            try:
                inner = os.open(name, flags, dir_fd=fd)
            except OSError as exc:
                if exc.errno == errno.ELOOP:  # swapped for a symlink right after the check
                    raise SymlinkRefused("A folder on the way is a symbolic link.") from exc
                raise
            os.close(fd)
            fd, where = inner, os.path.join(where, name)
    except BaseException:
        os.close(fd)
        raise
    return fd


def _make(name: str, parent: int) -> None:
    """A missing folder, made as an ordinary mkdir would, then given to its parent's owner."""
    try:
        os.mkdir(name, dir_fd=parent)
    except FileExistsError:
        return  # made by someone meanwhile: the walk looks at what it is
    owner = os.fstat(parent)
    os.chown(name, owner.st_uid, owner.st_gid, dir_fd=parent, follow_symlinks=False)


def _only_root_writes(folder: os.stat_result) -> bool:
    return folder.st_uid == 0 and not folder.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
