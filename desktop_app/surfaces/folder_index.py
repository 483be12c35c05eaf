"""What the share folders have already checked, kept across restarts so nothing is checked twice.

One JSON file per account (data_dir()/share-index-<hash>.json, atomic, private to the user). Per
share folder it maps each file to its identity (`file_identity`: device, inode, size and both
times, which the owner cannot forge), SHA-256 and verdict; a file whose identity is unchanged
is not checked again. File and folder names (any bytes the file system allows) are stored
only as salted hashes, so the index cannot be read back as a list of what a child received. A
damaged or unreadable index is set aside in memory and everything is rescanned; an index of an
older format keeps its releases and held files and every file is checked again: never a crash.
"""

from __future__ import annotations

import enum
import getpass
import hashlib
import hmac
import logging
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app.core.storage import StorageError, atomic_write_json, data_dir, read_json

from .file_identity import FileIdentity

INDEX_FILE = "share-index.json"


def index_file_name(user: str | None = None) -> str:
    """One index per account (the data folder may be shared by the machine's users); the
    account is named only by a short hash."""
    account = user if user is not None else getpass.getuser()
    digest = hashlib.sha256(account.encode("utf-8")).hexdigest()[:12]
    return INDEX_FILE.replace(".json", f"-{digest}.json")


VERSION = 2  # 2: files known by their full identity (1 knew size and mtime only)
UPGRADABLE = (1,)  # older versions whose releases and held files are kept
MAX_KNOWN_CONTENT = 50_000

log = logging.getLogger(__name__)
UNSAVED = "The share-folder index could not be saved; it is kept in memory and saved again later."


class Verdict(enum.StrEnum):
    """What was decided about a file's content (the handling follows from it and the band)."""

    CLEAN = "clean"
    SENSITIVE = "sensitive"
    UNCHECKED = "unchecked"  # a picture or video that could not be checked
    NOT_MEDIA = "not_media"  # not a picture or video: nothing to hide
    SYMLINK = "symlink"  # never followed; reported once


@dataclass(frozen=True)
class IndexEntry:
    """One file as it was when it was handled."""

    identity: FileIdentity
    sha256: str | None
    verdict: Verdict
    status: str

    def to_json(self) -> dict[str, Any]:
        return self.identity.to_json() | {
            "sha256": self.sha256,
            "verdict": self.verdict.value,
            "status": self.status,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> IndexEntry:
        sha = data.get("sha256")
        return cls(
            identity=FileIdentity.from_json(data),
            sha256=str(sha) if sha is not None else None,
            verdict=Verdict(data["verdict"]),
            status=str(data["status"]),
        )


class FolderIndex:
    """The persisted index; one owner thread (the share-folder loop) uses it."""

    def __init__(self, path: Path | None = None, checked_with: str = "") -> None:
        self.path = path if path is not None else data_dir() / index_file_name()
        self.checked_with = checked_with
        self.problem: str | None = None
        self._salt = secrets.token_hex(16)
        self._folders: dict[str, dict[str, IndexEntry]] = {}
        self._known: dict[str, tuple[Verdict, str]] = {}
        self.released: set[str] = set()
        self.held: dict[str, dict[str, Any]] = {}
        self._dirty = False
        self._load()

    # -- files ----------------------------------------------------------------------
    def get(self, folder: Path, path: Path) -> IndexEntry | None:
        return self._folder(folder).get(self._key(path))

    def put(self, folder: Path, path: Path, entry: IndexEntry) -> None:
        self._folder(folder)[self._key(path)] = entry
        if entry.sha256 and entry.verdict is not Verdict.SYMLINK:
            self.remember(entry.sha256, entry.verdict, entry.status)
        self._dirty = True

    def remove(self, folder: Path, path: Path) -> IndexEntry | None:
        entry = self._folder(folder).pop(self._key(path), None)
        self._dirty = self._dirty or entry is not None
        return entry

    def keep_only(self, folder: Path, present: list[Path]) -> list[IndexEntry]:
        """Forget files no longer in ``folder`` (after a full rescan); returns their entries."""
        entries = self._folder(folder)
        wanted = {self._key(path) for path in present}
        gone = [key for key in entries if key not in wanted]
        self._dirty = self._dirty or bool(gone)
        return [entries.pop(key) for key in gone]

    def count(self, folder: Path) -> int:
        return len(self._folder(folder))

    # -- content -------------------------------------------------------------------
    def known(self, sha256: str) -> tuple[Verdict, str] | None:
        """The verdict for these exact bytes, if they were checked before (any name)."""
        return self._known.get(sha256)

    def remember(self, sha256: str, verdict: Verdict, status: str) -> None:
        self._known.pop(sha256, None)
        self._known[sha256] = (verdict, status)
        while len(self._known) > MAX_KNOWN_CONTENT:
            del self._known[next(iter(self._known))]
        self._dirty = True

    def release(self, sha256: str) -> None:
        """These bytes were let through by the sending flow or a guardian: do not hold again."""
        self.released.add(sha256)
        self._dirty = True

    def mark_held(self, entry_id: str, status: str, sensitive: bool) -> None:
        self.held[entry_id] = {"status": status, "sensitive": sensitive}
        self._dirty = True

    def unmark_held(self, entry_id: str) -> dict[str, Any] | None:
        held = self.held.pop(entry_id, None)
        self._dirty = self._dirty or held is not None
        return held

    # -- storage -------------------------------------------------------------------
    def save(self, force: bool = False) -> None:
        """Write the index if anything changed; a failed write keeps it in memory (logged)."""
        if not (self._dirty or force):
            return
        data = {
            "version": VERSION,
            "salt": self._salt,
            "checked_with": self.checked_with,
            "folders": {
                folder: {key: entry.to_json() for key, entry in entries.items()}
                for folder, entries in self._folders.items()
            },
            "known": {sha: [v.value, status] for sha, (v, status) in self._known.items()},
            "released": sorted(self.released),
            "held": self.held,
        }
        try:
            atomic_write_json(self.path, data, mode=0o600)
        except (StorageError, OSError) as exc:  # OSError: its folder could not be made
            log.warning(
                "share folders: the index could not be saved (%s); kept in memory",
                type(exc).__name__,
            )
            self.problem = UNSAVED
            return
        self._dirty = False
        if self.problem == UNSAVED:
            self.problem = None

    def _load(self) -> None:
        try:
            data = read_json(self.path)
            if data is None:
                return
            self._parse(data)
        except (ValueError, KeyError, TypeError, AttributeError):
            log.warning("share folders: the index is damaged; every file will be checked again")
            self.problem = "The share-folder index was damaged, so every file is checked again."
            self._salt = secrets.token_hex(16)
            self._folders, self._known = {}, {}
            self.released, self.held = set(), {}
            self._dirty = True

    def _parse(self, data: Any) -> None:
        version = data.get("version") if isinstance(data, dict) else None
        if version != VERSION and version not in UPGRADABLE:
            raise ValueError("unknown index version")
        self._salt = str(data["salt"])
        self.released = {str(sha) for sha in data.get("released", [])}
        self.held = {str(k): dict(v) for k, v in data.get("held", {}).items()}
        if data.get("checked_with") != self.checked_with or version != VERSION:
            self._dirty = True  # other strictness, test mode, age band or format: check again
            return
        self._folders = {
            str(folder): {str(k): IndexEntry.from_json(v) for k, v in entries.items()}
            for folder, entries in data.get("folders", {}).items()
        }
        self._known = {
            str(sha): (Verdict(pair[0]), str(pair[1])) for sha, pair in data["known"].items()
        }

    def _folder(self, folder: Path) -> dict[str, IndexEntry]:
        return self._folders.setdefault(self._key(folder), {})

    def _key(self, path: Path) -> str:
        """Any name the file system allows, as its bytes (``str.encode`` fails on some)."""
        return hmac.new(self._salt.encode(), os.fsencode(path), hashlib.sha256).hexdigest()[:32]
