"""Quarantine: hides a file from a child without ever losing it, and gives it back to a guardian.

Files are kept under an opaque id (never their name), 0600 in a private 0700 folder. Every
add, restore and delete is journaled first (see quarantine_journal), and `recover()` — run on
every open — finishes or rolls back whatever a crash interrupted, so after a kill -9 at any
moment each file is either at its place with no entry or in quarantine with its entry, once.
See docs/quarantine.md.
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import hashlib
import logging
import os
import re
import secrets
import stat
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, NoReturn

from desktop_app.policy.storage import StorageError, atomic_write_json, data_dir, read_json

from . import quarantine_journal as jr
from .quarantine_journal import crash_point
from .quarantine_recovery import recover

log = logging.getLogger(__name__)

FILE_MODE = 0o600
RESTORED_MODE = 0o644
_ID = re.compile(r"[0-9a-f]{12,64}")

SameVolume = Callable[[Path, Path], bool]


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


def _same_device(a: Path, b: Path) -> bool:
    return os.stat(a).st_dev == os.stat(b).st_dev


def _make_private(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(folder, 0o700)


def restored_name(name: str, attempt: int) -> str:
    """'photo.jpg', then 'photo (restored).jpg', 'photo (restored 2).jpg', ..."""
    if attempt == 0:
        return name
    path = Path(name)
    stem, suffix = (path.stem, path.suffix) if path.stem else (name, "")
    label = "restored" if attempt == 1 else f"restored {attempt}"
    return f"{stem} ({label}){suffix}"


class Quarantine:
    """The private folder where hidden files wait for a guardian's decision."""

    def __init__(self, root: Path | None = None, *, same_volume: SameVolume | None = None) -> None:
        self.root = root if root is not None else data_dir() / "quarantine"
        self._files, self._entries = self.root / "files", self.root / "entries"
        self._journal = jr.Journal(self.root / "journal")
        for folder in (self.root, self._files, self._entries, self._journal.folder):
            _make_private(folder)
        self._same_volume = same_volume or _same_device
        self.recover()

    # --- reading ------------------------------------------------------------------------

    def entries(self) -> list[QuarantineEntry]:
        """Every file held, oldest first (one whose operation is under way elsewhere is skipped)."""
        found = []
        for path in self._entries.glob("*.json"):
            with contextlib.suppress(EntryNotFound):
                entry = self.get(path.stem)
                if (self._files / entry.id).exists():
                    found.append(entry)
        return sorted(found, key=lambda e: (e.quarantined_at, e.id))

    def get(self, entry_id: str) -> QuarantineEntry:
        if not _ID.fullmatch(entry_id):
            raise EntryNotFound("No quarantined file has this id.")
        try:
            value = read_json(self._entries / f"{entry_id}.json")
            if value is None:
                raise EntryNotFound("No quarantined file has this id.")
            return QuarantineEntry.from_json(value)
        except (ValueError, TypeError, KeyError) as exc:
            raise EntryNotFound("This quarantine entry is damaged.") from exc

    def read_bytes(self, entry_id: str) -> bytes:
        """The quarantined bytes, only when they still match their SHA-256."""
        entry = self.get(entry_id)
        try:
            data = (self._files / entry.id).read_bytes()
        except FileNotFoundError as exc:
            raise IntegrityError("The quarantined copy is missing.") from exc
        if hashlib.sha256(data).hexdigest() != entry.sha256:
            raise IntegrityError("The quarantined copy has been altered.")
        return data

    # --- adding -------------------------------------------------------------------------

    def add(
        self,
        path: Path,
        *,
        reason: QuarantineReason | str,
        surface: str,
        profile_id: str | None = None,
    ) -> QuarantineEntry:
        """Move a file into quarantine; on any error it stays where it was."""
        source = Path(os.path.abspath(path))
        with jr.locked(self.root / "lock"):
            before = self._source_stat(source)
            try:
                sha, size = jr.hash_file(source)
            except FileNotFoundError as exc:
                raise SourceVanished(
                    "The file disappeared before it could be quarantined."
                ) from exc
            except OSError as exc:
                raise QuarantineError(f"The file could not be read ({exc.strerror}).") from exc
            entry = self._new_entry(
                str(source), sha, size, reason=reason, surface=surface, profile_id=profile_id
            )
            self._begin_add(entry, str(source))
            try:
                moved = self._same_volume(source.parent, self._files) and self._move_in(
                    source, entry
                )
                if not moved:
                    self._copy_in(source, entry, before)
            except BaseException as exc:
                self._undo_add(entry)
                _reraise(exc, adding=True)
            self._journal.remove(entry.id)
        log.info("quarantine: 1 file added (%d bytes)", entry.size)
        return entry

    def add_bytes(
        self,
        data: bytes,
        *,
        original_path: str,
        reason: QuarantineReason | str,
        surface: str,
        profile_id: str | None = None,
    ) -> QuarantineEntry:
        """Keep bytes that never were a file of their own (a contact's original photo)."""
        sha = hashlib.sha256(data).hexdigest()
        with jr.locked(self.root / "lock"):
            entry = self._new_entry(
                original_path, sha, len(data), reason=reason, surface=surface, profile_id=profile_id
            )
            self._begin_add(entry, None)
            temp = self._files / f".{entry.id}.tmp"
            try:
                jr.write_new(temp, data, FILE_MODE)
                crash_point("add:copied")
                os.rename(temp, self._files / entry.id)
                jr.fsync_dir(self._files)
                crash_point("add:stored")
            except BaseException as exc:
                jr.remove_quietly(temp)
                self._undo_add(entry)
                _reraise(exc)
            self._journal.remove(entry.id)
        log.info("quarantine: 1 item added (%d bytes)", entry.size)
        return entry

    def _source_stat(self, source: Path) -> os.stat_result:
        try:
            before = os.lstat(source)
        except FileNotFoundError as exc:
            raise SourceVanished("The file disappeared before it could be quarantined.") from exc
        if stat.S_ISLNK(before.st_mode):
            raise SymlinkRefused("A symbolic link is never quarantined or followed.")
        if not stat.S_ISREG(before.st_mode):
            raise NotAFile("Only files can be quarantined, not folders or devices.")
        return before

    def _new_entry(
        self,
        original: str,
        sha: str,
        size: int,
        *,
        reason: QuarantineReason | str,
        surface: str,
        profile_id: str | None,
    ) -> QuarantineEntry:
        entry_id = secrets.token_hex(8)
        while (self._entries / f"{entry_id}.json").exists() or (self._files / entry_id).exists():
            entry_id = secrets.token_hex(8)
        now = datetime.now(UTC).isoformat()
        reason = QuarantineReason(reason)
        return QuarantineEntry(entry_id, original, sha, size, reason, surface, now, profile_id)

    def _begin_add(self, entry: QuarantineEntry, source: str | None) -> None:
        """Journal, then the entry, both on disk before anything moves."""
        try:
            self._journal.write(entry.id, {"op": "add", "entry": entry.to_json(), "source": source})
        except StorageError as exc:
            _reraise(exc)
        crash_point("add:journaled")
        try:
            self._write_entry(entry)
        except BaseException:
            self._journal.remove(entry.id)
            raise
        crash_point("add:recorded")

    def _move_in(self, source: Path, entry: QuarantineEntry) -> bool:
        """Rename within one volume; False when the OS says it is another volume after all."""
        stored = self._files / entry.id
        try:
            os.replace(source, stored)
        except OSError as exc:
            if exc.errno == errno.EXDEV:
                return False
            raise
        jr.fsync_dir(self._files)
        jr.fsync_dir(source.parent)
        os.chmod(stored, FILE_MODE)
        crash_point("add:stored")
        sha, size = jr.hash_file(stored)
        if (sha, size) != (entry.sha256, entry.size):  # written to while it was being moved
            self._write_entry(dataclasses.replace(entry, sha256=sha, size=size))
        return True

    def _copy_in(self, source: Path, entry: QuarantineEntry, before: os.stat_result) -> None:
        """Across volumes: copy, fsync, rename into place, then remove the unchanged original."""
        temp, stored = self._files / f".{entry.id}.tmp", self._files / entry.id
        sha, size = jr.copy_new(source, temp, FILE_MODE)
        if (sha, size) != (entry.sha256, entry.size) or jr.changed(source, before):
            jr.remove_quietly(temp)
            raise FileChanged(
                "The file changed while it was being quarantined; it was left in place."
            )
        crash_point("add:copied")
        os.rename(temp, stored)
        jr.fsync_dir(self._files)
        crash_point("add:stored")
        if jr.changed(source, before):  # a new file with the same name: not ours to remove
            return
        jr.remove_quietly(source)
        jr.fsync_dir(source.parent)
        crash_point("add:source_removed")

    def _undo_add(self, entry: QuarantineEntry) -> None:
        """Before the file moved: forget the entry, so nothing is recorded."""
        if not (self._files / entry.id).exists():
            self._remove_entry(entry.id)
            self._journal.remove(entry.id)

    # --- restoring and deleting ---------------------------------------------------------

    def restore(self, entry_id: str, *, to: Path | None = None) -> Path:
        """Put the file back (into folder ``to`` if given), never over an existing file."""
        with jr.locked(self.root / "lock"):
            entry = self.get(entry_id)
            stored = self._verified(entry)
            if to is None and not os.path.isabs(entry.original_path):
                raise QuarantineError("Its original place is unknown: choose a folder.")
            original = Path(entry.original_path or entry.id)
            folder = Path(os.path.abspath(to)) if to is not None else original.parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                _reraise(exc)
            same = self._same_volume(self._files, folder)
            attempt = 0
            while True:
                target = folder / restored_name(original.name, attempt)
                attempt += 1
                if os.path.lexists(target):
                    continue
                try:
                    self._place(entry, stored, target, same)
                    break
                except FileExistsError:
                    continue
                except OSError as exc:
                    if exc.errno == errno.EXDEV and same:
                        same = False
                        continue
                    _reraise(exc)
            jr.remove_quietly(stored)
            jr.fsync_dir(self._files)
            crash_point("restore:stored_removed")
            self._remove_entry(entry.id)
            crash_point("restore:unrecorded")
            self._journal.remove(entry.id)
        log.info("quarantine: 1 file restored")
        return target

    def _place(self, entry: QuarantineEntry, stored: Path, target: Path, same: bool) -> None:
        temp = None if same else target.parent / f".{entry.id}.restore.tmp"
        record = {"op": "restore", "id": entry.id, "sha256": entry.sha256, "target": str(target)}
        self._journal.write(entry.id, {**record, "temp": str(temp) if temp else None})
        crash_point("restore:journaled")
        try:
            if temp is None:
                os.chmod(stored, RESTORED_MODE)
                jr.place_new(stored, target, keep_source=True)
            else:
                jr.copy_new(stored, temp, RESTORED_MODE)
                crash_point("restore:copied")
                jr.place_new(temp, target)
        except BaseException:
            if temp is not None:
                jr.remove_quietly(temp)
            with contextlib.suppress(OSError):
                os.chmod(stored, FILE_MODE)
            self._journal.remove(entry.id)
            raise
        jr.fsync_dir(target.parent)
        crash_point("restore:placed")

    def delete(self, entry_id: str) -> None:
        """For good: the guardian decided."""
        with jr.locked(self.root / "lock"):
            entry = self.get(entry_id)
            try:
                self._journal.write(entry.id, {"op": "delete", "id": entry.id})
            except StorageError as exc:
                _reraise(exc)
            crash_point("delete:journaled")
            self._finish_delete(entry.id)
        log.info("quarantine: 1 file deleted")

    def _finish_delete(self, entry_id: str) -> None:
        jr.remove_quietly(self._files / entry_id)
        jr.fsync_dir(self._files)
        crash_point("delete:stored_removed")
        self._remove_entry(entry_id)
        self._journal.remove(entry_id)

    def _verified(self, entry: QuarantineEntry) -> Path:
        stored = self._files / entry.id
        try:
            sha, _size = jr.hash_file(stored)
        except FileNotFoundError as exc:
            raise IntegrityError("The quarantined copy is missing.") from exc
        if sha != entry.sha256:
            raise IntegrityError("The quarantined copy has been altered; it was not restored.")
        return stored

    # --- the index ----------------------------------------------------------------------

    def _write_entry(self, entry: QuarantineEntry) -> None:
        try:
            atomic_write_json(self._entries / f"{entry.id}.json", entry.to_json(), mode=FILE_MODE)
        except StorageError as exc:
            _reraise(exc)

    def _remove_entry(self, entry_id: str) -> None:
        if jr.remove_quietly(self._entries / f"{entry_id}.json"):
            jr.fsync_dir(self._entries)

    # --- recovery -----------------------------------------------------------------------

    def recover(self) -> int:
        """Finish or roll back what a crash interrupted; returns how many operations it repaired."""
        with jr.locked(self.root / "lock"):
            repaired = recover(self._files, self._entries, self._journal)
        if repaired:
            log.warning("quarantine: repaired %d interrupted operation(s)", repaired)
        return repaired


def _reraise(exc: BaseException, *, adding: bool = False) -> NoReturn:
    """Raise the specific QuarantineError for an OS failure; anything else as it was."""
    if isinstance(exc, QuarantineError) or not isinstance(exc, OSError | StorageError):
        raise exc
    if jr.is_full(exc):
        raise QuarantineFull("The disk is full; the file was left where it was.") from exc
    if adding and isinstance(exc, FileNotFoundError):
        raise SourceVanished("The file disappeared before it could be quarantined.") from exc
    reason = exc.strerror if isinstance(exc, OSError) else str(exc)
    raise QuarantineError(f"The quarantine could not finish ({reason}).") from exc
