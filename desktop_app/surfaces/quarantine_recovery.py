"""After a crash, finish or roll back each journaled quarantine operation (run on every open).

The rule: an add rolls forward once the file is stored under its id (and removes the original
only if it is still byte-for-byte the same), else back; a restore rolls forward once a file with
the right SHA-256 is at its target, else back; a delete always finishes. A stored file that no
entry describes is adopted with an unknown original place, so it can still be restored.

The original's and the target's folders may be a child's, and recovery runs as root: each is
opened through ``folder_access`` (never through a symlink the child made) and every check,
hash and unlink names the file inside that open folder. A folder that cannot be opened so
counts as "nothing there": the quarantined copy is kept (the file stays hidden) and nothing
outside the quarantine is removed.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop_app.core.hashing import hash_file
from desktop_app.core.storage import StorageError, atomic_write_json, read_json
from desktop_app.core.vocabulary import Surface

from . import folder_access as fa
from .quarantine_entry import QuarantineReason, SymlinkRefused
from .quarantine_files import (
    FILE_MODE,
    ID,
    Owner,
    fsync_dir,
    give,
    is_regular,
    remove_quietly,
    remove_temps,
)
from .quarantine_journal import Journal

log = logging.getLogger(__name__)


def recover(files: Path, entries: Path, journal: Journal, owner: Owner = None) -> int:
    """Repair every pending operation; the caller holds the quarantine's lock."""
    repaired, failed = 0, set()
    for entry_id, record in journal.pending():
        try:
            _repair(entry_id, record or {}, files, entries, owner)
        except (OSError, StorageError, ValueError, KeyError, TypeError):
            failed.add(entry_id)  # kept in the journal, tried again on the next open
            continue
        journal.remove(entry_id)
        repaired += 1
    for folder in (files, entries, journal.folder):
        repaired += remove_temps(folder)
    try:
        repaired += _adopt_orphans(files, entries, failed, owner)
    except (OSError, StorageError):
        failed.add("orphans")
    if failed:
        log.warning("quarantine: %d interrupted operation(s) not repaired yet", len(failed))
    return repaired


def _repair(
    entry_id: str, record: dict[str, Any], files: Path, entries: Path, owner: Owner
) -> None:
    op = record.get("op")
    entry_file = entries / f"{entry_id}.json"
    stored = files / entry_id
    if op == "add":
        _repair_add(record, stored, entry_file, owner)
    elif op == "restore":
        _repair_restore(record, stored, entry_file)
    elif op == "delete":
        _remove(stored)
        _remove(entry_file)
    # an unreadable record: whatever file it left is adopted by _adopt_orphans


def _repair_add(record: dict[str, Any], stored: Path, entry_file: Path, owner: Owner) -> None:
    remove_quietly(stored.parent / f".{stored.name}.tmp")
    if not is_regular(stored):  # never moved: the original is where it was
        _remove(entry_file)
        return
    os.chmod(stored, FILE_MODE)
    sha, size = hash_file(stored)
    entry = {**record["entry"], "sha256": sha, "size": size}
    if read_json(entry_file) != entry:
        atomic_write_json(entry_file, entry, mode=FILE_MODE)
        give(entry_file, owner)
    if not record.get("source"):
        return  # bytes that never were a file of their own
    source = Path(record["source"])
    with _opened_parent(source) as where:
        if where is None:
            return  # the original cannot be reached safely: it stays, the copy stays hidden
        original = where / source.name
        if not is_regular(original) or _same_inode(original, stored):
            return
        if hash_file(original)[0] == sha:  # an interrupted copy's original: one copy is enough
            _remove(original)


def _repair_restore(record: dict[str, Any], stored: Path, entry_file: Path) -> None:
    if record.get("temp"):
        temp = Path(record["temp"])
        with _opened_parent(temp) as where:
            if where is not None:
                remove_quietly(where / temp.name)
    target = Path(record["target"])
    with _opened_parent(target) as where:
        placed = where is not None and _holds(where / target.name, record["sha256"])
    if placed:
        _remove(stored)
        _remove(entry_file)
    elif is_regular(stored):
        os.chmod(stored, FILE_MODE)
    else:  # restored, then moved away by someone before this recovery: nothing left to list
        _remove(entry_file)


def _holds(path: Path, sha256: str) -> bool:
    return is_regular(path) and hash_file(path)[0] == sha256


@contextlib.contextmanager
def _opened_parent(path: Path) -> Iterator[fa.OpenFolder | None]:
    """The folder holding ``path``, opened safely; None when it is gone or a symlink root may
    not follow is on the way (then nothing in it is looked at or touched)."""
    try:
        folder = fa.open_folder(path.parent)
    except (SymlinkRefused, OSError):
        yield None
        return
    with folder:
        yield folder


def _adopt_orphans(files: Path, entries: Path, pending: set[str], owner: Owner) -> int:
    adopted = 0
    for stored in files.iterdir():
        if not ID.fullmatch(stored.name) or stored.name in pending or not is_regular(stored):
            continue
        entry_file = entries / f"{stored.name}.json"
        if entry_file.exists():
            continue
        sha, size = hash_file(stored)
        entry = {
            "id": stored.name,
            "original_path": "",
            "sha256": sha,
            "size": size,
            "reason": QuarantineReason.could_not_check.value,
            "surface": Surface.agent.value,
            "quarantined_at": datetime.now(UTC).isoformat(),
            "profile_id": None,
        }
        atomic_write_json(entry_file, entry, mode=FILE_MODE)
        give(entry_file, owner)
        adopted += 1
    return adopted


def _same_inode(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _remove(path: Path) -> None:
    if remove_quietly(path):
        fsync_dir(path.parent)
