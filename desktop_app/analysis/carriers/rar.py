"""RAR archives through rarfile, which lists them in Python but unpacks only with a program.

SafeLens never runs an external program on a file from outside: rarfile is stopped
from finding or starting one (even for the packed comments it would unpack while
listing), stored files are read in-process, and a packed file makes the whole archive
could-not-check. A listing of only folders or empty files has nothing to check.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NoReturn

import rarfile

from ..verdict import CheckFailed, Kind, Status
from .base import Budget, Member, Source, bounded_read
from .unpacking import DAMAGED, PASSWORD, clean_name, opened, refuse_count, translated

NEEDS_PROGRAM = (
    "This is a RAR archive. SafeLens can't unpack RAR without an extra program, "
    "so it could not check what is inside."
)
SPLIT = (
    "This RAR archive is one part of several, so SafeLens could not check what is inside "
    "on its own."
)

_RULES = (
    (rarfile.PasswordRequired, Status.UNSUPPORTED, PASSWORD),
    (rarfile.NoCrypto, Status.UNSUPPORTED, PASSWORD),
    ((rarfile.NeedFirstVolume,), Status.UNSUPPORTED, SPLIT),
    (rarfile.RarCRCError, Status.UNREADABLE, DAMAGED),
    (rarfile.RarExecError, Status.UNSUPPORTED, NEEDS_PROGRAM),
    # A hostile header can make the parser fail in any way: each is a damaged archive.
    (Exception, Status.UNREADABLE, DAMAGED),
)


def _no_program(*_args: Any, **_kwargs: Any) -> NoReturn:
    """Stands in for rarfile's tool lookup and process start: nothing is ever run."""
    raise rarfile.RarCannotExec("SafeLens runs no external program")


rarfile.tool_setup = _no_program
rarfile.custom_popen = _no_program


def members(source: Source, budget: Budget) -> Iterator[Member]:
    """Stored files read in-process; any packed, encrypted or split file refuses the archive."""
    with (
        opened(source) as stream,
        translated(*_RULES),
        rarfile.RarFile(stream, errors="strict", part_only=True) as archive,
    ):
        if archive.needs_password():
            raise CheckFailed(Status.UNSUPPORTED, PASSWORD, Kind.ARCHIVE)
        files = [info for info in archive.infolist() if _regular(info)]
        refuse_count(len(files), budget)
        for info in files:
            _refuse(info)
        for info in files:
            budget.admit(info.file_size, info.compress_size)
            with archive.open(info) as member:
                data = bounded_read(member.read, budget, info.file_size)
            yield Member(clean_name(info.filename), data)


def _regular(info: Any) -> bool:
    """A file with content of its own: not a folder, link or copy of another member."""
    return bool(info.is_file() and info.file_redir is None and info.file_size > 0)


def _refuse(info: Any) -> None:
    """What rarfile could only hand to a program (or not at all) cannot be checked."""
    if info.needs_password():
        raise CheckFailed(Status.UNSUPPORTED, PASSWORD, Kind.ARCHIVE)
    if info.flags & (rarfile.RAR_FILE_SPLIT_BEFORE | rarfile.RAR_FILE_SPLIT_AFTER):
        raise CheckFailed(Status.UNSUPPORTED, SPLIT, Kind.ARCHIVE)
    if info.compress_type != rarfile.RAR_M0:
        raise CheckFailed(Status.UNSUPPORTED, NEEDS_PROGRAM, Kind.ARCHIVE)
