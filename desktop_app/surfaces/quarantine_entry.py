"""What the quarantine records about a file, and the errors it reports (never with a path)."""

from __future__ import annotations

import dataclasses
import errno
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, NoReturn

from desktop_app.core.storage import StorageError

FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


class QuarantineReason(StrEnum):
    sensitive = "sensitive"
    could_not_check = "could_not_check"


@dataclass(frozen=True)
class QuarantineEntry:
    """One quarantined file; its original path stays in the private index, never in logs."""

    id: str
    original_path: str
    sha256: str
    size: int
    reason: QuarantineReason
    surface: str
    quarantined_at: str
    profile_id: str | None = None
    mode: int | None = None  # permission bits it had, given back on restore (None: 0644)

    def to_json(self) -> dict[str, Any]:
        return {**dataclasses.asdict(self), "reason": self.reason.value}

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> QuarantineEntry:
        fields = {f.name for f in dataclasses.fields(cls)}
        known = {k: v for k, v in value.items() if k in fields}
        return cls(**{**known, "reason": QuarantineReason(value["reason"])})


class QuarantineError(Exception):
    """Base of the quarantine's errors; messages never contain a path."""


class EntryNotFound(QuarantineError):  # noqa: N818 - says what the guardian hears
    """No quarantined file has this id."""


class IntegrityError(QuarantineError):
    """The quarantined copy is missing or its SHA-256 no longer matches."""


class QuarantineFull(QuarantineError):  # noqa: N818 - says what the guardian hears
    """The disk is full: the file was left where it was."""


class SourceVanished(QuarantineError):  # noqa: N818 - says what the guardian hears
    """The file disappeared before it could be quarantined; nothing was recorded."""


class SymlinkRefused(QuarantineError):  # noqa: N818 - says what the guardian hears
    """A symbolic link is never followed nor quarantined."""


class NotAFile(QuarantineError):  # noqa: N818 - says what the guardian hears
    """Only regular files can be quarantined (not folders or devices)."""


class FileChanged(QuarantineError):  # noqa: N818 - says what the guardian hears
    """The file changed while it was being moved: left where it was, to be checked again."""


def restored_name(name: str, attempt: int) -> str:
    """'photo.jpg', then 'photo (restored).jpg', 'photo (restored 2).jpg', ..."""
    if attempt == 0:
        return name
    path = Path(name)
    stem, suffix = (path.stem, path.suffix) if path.stem else (name, "")
    label = "restored" if attempt == 1 else f"restored {attempt}"
    return f"{stem} ({label}){suffix}"


def reraise(exc: BaseException, *, adding: bool = False) -> NoReturn:
    """Raise the specific QuarantineError for an OS failure; anything else as it was."""
    if isinstance(exc, QuarantineError) or not isinstance(exc, OSError | StorageError):
        raise exc
    if is_full(exc):
        raise QuarantineFull("The disk is full; nothing was moved.") from exc
    if adding and isinstance(exc, FileNotFoundError):
        raise SourceVanished("The file disappeared before it could be quarantined.") from exc
    reason = exc.strerror if isinstance(exc, OSError) else str(exc)
    raise QuarantineError(f"The quarantine could not finish ({reason}).") from exc


def is_full(exc: BaseException) -> bool:
    """Whether an error (or the OSError behind a StorageError) means the disk is full."""
    cause = exc.__cause__ if isinstance(exc, StorageError) else exc
    return isinstance(cause, OSError) and cause.errno in FULL_ERRNOS
