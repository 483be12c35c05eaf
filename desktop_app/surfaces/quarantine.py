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
import hashlib
import itertools
import logging
import os
import secrets
import stat
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from desktop_app.core.hashing import hash_file
from desktop_app.core.storage import StorageError, atomic_write_json, data_dir, read_json

from . import folder_access as fa
from . import quarantine_files as fs
from . import quarantine_journal as jr
from .quarantine_entry import (
    EntryNotFound,
    FileChanged,
    IntegrityError,
    NotAFile,
    QuarantineEntry,
    QuarantineError,
    QuarantineFull,
    QuarantineReason,
    SourceVanished,
    SymlinkRefused,
    reraise,
    restored_name,
)
from .quarantine_files import FILE_MODE, crash_point
from .quarantine_recovery import recover

__all__ = [
    "EntryNotFound",
    "FileChanged",
    "IntegrityError",
    "NotAFile",
    "Quarantine",
    "QuarantineEntry",
    "QuarantineError",
    "QuarantineFull",
    "QuarantineReason",
    "SourceVanished",
    "SymlinkRefused",
]

log = logging.getLogger(__name__)


SameVolume = Callable[[Path, Path], bool]


def _same_device(a: Path, b: Path) -> bool:
    return os.stat(a).st_dev == os.stat(b).st_dev


def _make_private(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(folder, 0o700)


@contextlib.contextmanager
def _opened(folder: Path, *, create: bool = False, adding: bool = False) -> Iterator[fa.OpenFolder]:
    """A folder opened once (never through a symlink a non-root account made), as a
    quarantine error when it cannot be."""
    try:
        opened = fa.open_folder(folder, create=create)
    except (OSError, StorageError) as exc:
        reraise(exc, adding=adding)
    with opened:
        yield opened


def default_root() -> Path:
    """Where quarantined files are kept: a private folder in SafeLens' data folder."""
    return data_dir() / "quarantine"


class Quarantine:
    """The private folder where hidden files wait for a guardian's decision."""

    def __init__(self, root: Path | None = None, *, same_volume: SameVolume | None = None) -> None:
        self.root = root if root is not None else default_root()
        self._files, self._entries = self.root / "files", self.root / "entries"
        _make_private(self.root)
        # Root working in someone else's quarantine (sudo safelens quarantine ...) gives what
        # it creates to the folder's owner, so that owner's agent can still use it.
        self._owner = fs.owner_for(self.root)
        self._journal = jr.Journal(self.root / "journal", self._owner)
        for folder in (self._files, self._entries, self._journal.folder):
            _make_private(folder)
            fs.give(folder, self._owner)
        self._lock = self.root / "lock"
        fs.give(jr.make_lock_file(self._lock), self._owner)
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
        if not fs.ID.fullmatch(entry_id):
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
        """Move a file into quarantine; on any error it stays where it was.

        Its folder is opened once and the file is named inside it from then on (see
        folder_access): a folder swapped for a symlink is never walked through.
        """
        source = Path(os.path.abspath(path))
        with jr.locked(self._lock), _opened(source.parent, adding=True) as where:
            pinned = where / source.name
            before = self._source_stat(pinned)
            try:
                sha, size = hash_file(pinned)
            except FileNotFoundError as exc:
                raise SourceVanished(
                    "The file disappeared before it could be quarantined."
                ) from exc
            except OSError as exc:
                raise QuarantineError(f"The file could not be read ({exc.strerror}).") from exc
            entry = self._new_entry(
                str(source), sha, size, reason=reason, surface=surface, profile_id=profile_id
            )
            entry = dataclasses.replace(entry, mode=stat.S_IMODE(before.st_mode) & 0o777)
            self._begin_add(entry, str(source))
            stored, expected = self._files / entry.id, (entry.sha256, entry.size)
            try:
                # a file with other names (hard links) is copied: its inode is never ours
                if (
                    before.st_nlink == 1
                    and self._same_volume(where.pinned, self._files)
                    and fs.move_within(pinned, stored)
                ):
                    found = hash_file(stored)
                    if found != expected:  # written to while it was being moved
                        sha, size = found
                        self._write_entry(dataclasses.replace(entry, sha256=sha, size=size))
                else:
                    fs.copy_across(pinned, stored, expected, before, self._owner)
            except BaseException as exc:
                self._undo_add(entry)
                reraise(exc, adding=True)
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
        with jr.locked(self._lock):
            entry = self._new_entry(
                original_path, sha, len(data), reason=reason, surface=surface, profile_id=profile_id
            )
            self._begin_add(entry, None)
            temp = self._files / f".{entry.id}.tmp"
            try:
                fs.write_new(temp, data, FILE_MODE)
                fs.give(temp, self._owner)
                crash_point("add:copied")
                os.rename(temp, self._files / entry.id)
                fs.fsync_dir(self._files)
                crash_point("add:stored")
            except BaseException as exc:
                fs.remove_quietly(temp)
                self._undo_add(entry)
                reraise(exc)
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
        except (StorageError, OSError) as exc:
            reraise(exc)
        crash_point("add:journaled")
        try:
            self._write_entry(entry)
        except BaseException:
            self._journal.remove(entry.id)
            raise
        crash_point("add:recorded")

    def _undo_add(self, entry: QuarantineEntry) -> None:
        """Before the file moved: forget the entry, so nothing is recorded."""
        if not (self._files / entry.id).exists():
            self._remove_entry(entry.id)
            self._journal.remove(entry.id)

    # --- restoring and deleting ---------------------------------------------------------

    def restore(self, entry_id: str, *, to: Path | None = None) -> Path:
        """Put the file back (into folder ``to`` if given), never over an existing file."""
        with jr.locked(self._lock):
            entry = self.get(entry_id)
            stored = self._verified(entry)
            if to is None and not os.path.isabs(entry.original_path):
                raise QuarantineError("Its original place is unknown: choose a folder.")
            original = Path(entry.original_path or entry.id)
            folder = Path(os.path.abspath(to)) if to is not None else original.parent
            try:
                with _opened(folder, create=True) as where:
                    same = self._same_volume(self._files, where.pinned)
                    for attempt in itertools.count():
                        name = restored_name(original.name, attempt)
                        with contextlib.suppress(FileExistsError):
                            if not os.path.lexists(where / name):
                                self._place(entry, stored, where, name, same)
                                break
            except (OSError, StorageError) as exc:
                reraise(exc)
            target = folder / name
            fs.remove_quietly(stored)
            fs.fsync_dir(self._files)
            crash_point("restore:stored_removed")
            self._remove_entry(entry.id)
            crash_point("restore:unrecorded")
            self._journal.remove(entry.id)
        log.info("quarantine: 1 file restored")
        return target

    def _place(
        self, entry: QuarantineEntry, stored: Path, where: fa.OpenFolder, name: str, same: bool
    ) -> None:
        """Journal, then link (same volume) or copy and link the file to its new name.

        Root gives it to the folder's owner; it gets back the mode it had when it was added.
        """
        temp_name = f".{entry.id}.restore.tmp"
        record = {"op": "restore", "id": entry.id, "sha256": entry.sha256}
        real = {"target": str(where.path / name), "temp": str(where.path / temp_name)}
        self._journal.write(entry.id, {**record, **real})
        crash_point("restore:journaled")
        owner = fa.owner_if_root(where)
        mode = entry.mode if entry.mode is not None else fs.RESTORED_MODE
        try:
            fs.copy_out(stored, where / temp_name, where / name, same, (mode, owner))
        except BaseException:
            fs.remove_quietly(where / temp_name)
            with contextlib.suppress(OSError):
                os.chmod(stored, FILE_MODE)
                if owner is not None:
                    fs.give(stored, self._owner or (os.geteuid(), os.getegid()))
            self._journal.remove(entry.id)
            raise
        fs.fsync_dir(where.pinned)
        crash_point("restore:placed")

    def delete(self, entry_id: str) -> None:
        """For good: the guardian decided."""
        with jr.locked(self._lock):
            entry = self.get(entry_id)
            try:
                self._journal.write(entry.id, {"op": "delete", "id": entry.id})
            except (StorageError, OSError) as exc:
                reraise(exc)
            crash_point("delete:journaled")
            fs.remove_quietly(self._files / entry.id)
            fs.fsync_dir(self._files)
            crash_point("delete:stored_removed")
            self._remove_entry(entry.id)
            self._journal.remove(entry.id)
        log.info("quarantine: 1 file deleted")

    def _verified(self, entry: QuarantineEntry) -> Path:
        stored = self._files / entry.id
        try:
            sha, _size = hash_file(stored)
        except FileNotFoundError as exc:
            raise IntegrityError("The quarantined copy is missing.") from exc
        if sha != entry.sha256:
            raise IntegrityError("The quarantined copy has been altered; it was not restored.")
        return stored

    # --- the index ----------------------------------------------------------------------

    def _write_entry(self, entry: QuarantineEntry) -> None:
        try:
            path = self._entries / f"{entry.id}.json"
            atomic_write_json(path, entry.to_json(), mode=FILE_MODE)
            fs.give(path, self._owner)
        except (StorageError, OSError) as exc:
            reraise(exc)

    def _remove_entry(self, entry_id: str) -> None:
        if fs.remove_quietly(self._entries / f"{entry_id}.json"):
            fs.fsync_dir(self._entries)

    # --- recovery -----------------------------------------------------------------------

    def recover(self) -> int:
        """Finish or roll back what a crash interrupted; returns how many operations it repaired."""
        with jr.locked(self._lock):
            repaired = recover(self._files, self._entries, self._journal, self._owner)
        if repaired:
            log.warning("quarantine: repaired %d interrupted operation(s)", repaired)
        return repaired
