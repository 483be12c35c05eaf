"""What happens to a checked file: kept, quarantined (incoming) or held (outgoing).

Counts go to the event store (a surface and a kind, never a path). A file is moved only
for a child, only when it is sensitive or a picture/video that could not be checked, and
never when a guardian approved those exact bytes or the sending flow released them.
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

from desktop_app.analysis.analyzer import SensitivityAnalyzer
from desktop_app.core.hashing import content_sha256
from desktop_app.core.sinks import CountRecorder
from desktop_app.core.vocabulary import EventKind, Surface
from desktop_app.policy.settings import AgeBand

from .contacts import ContactsError, sanitise_vcard_file
from .file_identity import FileIdentity
from .folder_index import FolderIndex, IndexEntry, Verdict
from .quarantine import Quarantine, QuarantineError, QuarantineReason
from .share_folders import (
    OUTGOING_SURFACE,
    ApprovalBook,
    Direction,
    FolderEvent,
    FolderEventKind,
    ShareFolder,
    hides_for,
)

log = logging.getLogger(__name__)
NO_PROFILE = "no-profile"  # counts for a login without a SafeLens profile (e.g. lab rule)
VCARD_SUFFIXES = (".vcf", ".vcard")


class ShareFolderError(Exception):
    """A share-folder request cannot be done (e.g. releasing something that is not held)."""


class Handling:
    """Applies the age band's rules to one checked file; used by the watch loop only."""

    def __init__(
        self,
        quarantine: Quarantine,
        index: FolderIndex,
        *,
        band: AgeBand | None,
        profile_id: str | None,
        counts: CountRecorder | None,
        approvals: ApprovalBook | None,
    ) -> None:
        self.quarantine = quarantine
        self.index = index
        self.band = band
        self.profile_id = profile_id
        self.counts = counts
        self.approvals = approvals
        self._failed_moves: set[Path] = set()  # retried at each rescan, counted once

    def act(
        self,
        folder: ShareFolder,
        path: Path,
        state: FileIdentity,
        *,
        sha256: str | None,
        verdict: Verdict,
        status: str,
        fresh: bool = False,
    ) -> list[FolderEvent]:
        """Keep, quarantine or hold one file; ``fresh`` = just checked (not from the index)."""
        sensitive = verdict is Verdict.SENSITIVE
        if verdict in (Verdict.SENSITIVE, Verdict.UNCHECKED) and path not in self._failed_moves:
            self._count(verdict)
        if sha256 is not None and hides_for(self.band, verdict) and not self._let_through(sha256):
            moved = self._move(folder, path, sha256, verdict, status)
            if moved is not None:
                self._failed_moves.discard(path)
                return [moved]
            if fresh:
                self.index.remember(sha256, verdict, status)
            self._failed_moves.add(path)  # left in place and not indexed: tried again later
            return [FolderEvent(FolderEventKind.ERROR, str(path), status, sensitive)]
        entry = IndexEntry(state, sha256, verdict, status)
        self.index.put(folder.path, path, entry)
        return [FolderEvent(FolderEventKind.CHECKED, str(path), status, sensitive)]

    def hide_unchecked(self, folder: ShareFolder, path: Path) -> list[FolderEvent]:
        """Handling this file failed unexpectedly: a child's is set aside as could-not-check.

        Best effort, never raising (the next rescan tries again); logged by type only.
        """
        try:
            info = os.lstat(path)
            if not stat.S_ISREG(info.st_mode):
                return []
            sha256 = content_sha256(path)
            return self.act(
                folder,
                path,
                FileIdentity.of(info),
                sha256=sha256,
                verdict=Verdict.UNCHECKED,
                status="unreadable",
            )
        except Exception as exc:
            log.warning("share folders: could not set one file aside (%s)", type(exc).__name__)
            return []

    def is_contact_card(self, folder: ShareFolder, path: Path) -> bool:
        """A child's incoming vCard: its pictures are checked by the contacts surface."""
        return (
            self.band is not None
            and self.band.is_child
            and folder.direction is Direction.INCOMING
            and _looks_like_vcard(path)
        )

    def contact_card(
        self, folder: ShareFolder, path: Path, analyzer: SensitivityAnalyzer
    ) -> list[FolderEvent]:
        """Sanitise a vCard in place (pictures replaced, the original in quarantine)."""
        try:
            outcome = sanitise_vcard_file(
                path,
                analyzer,
                self.quarantine,
                fail_closed=True,
                profile_id=self.profile_id,
                events=self.counts,
            )
        except (ContactsError, QuarantineError, OSError):
            log.warning("share folders: a contacts file could not be handled")
            return [FolderEvent(FolderEventKind.ERROR, str(path), "unreadable", False)]
        sensitive = outcome.sensitive > 0
        status = "ok" if not outcome.could_not_check and not outcome.skipped_cards else "unreadable"
        try:
            info = os.lstat(path)
            sha = content_sha256(path)
            entry = IndexEntry(FileIdentity.of(info), sha, Verdict.CLEAN, "ok")
            self.index.put(folder.path, path, entry)  # the sanitised copy is not checked again
        except OSError:
            pass  # moved to quarantine whole (no readable card)
        if outcome.original_quarantine_id is None:
            return [FolderEvent(FolderEventKind.CHECKED, str(path), status, sensitive)]
        return [
            FolderEvent(
                FolderEventKind.QUARANTINED,
                str(path),
                status,
                sensitive,
                outcome.original_quarantine_id,
            )
        ]

    def symlink(self, folder: ShareFolder, path: Path, state: FileIdentity) -> FolderEvent:
        """Symlinks are never followed (they could point out of the folder): reported once."""
        entry = IndexEntry(state, None, Verdict.SYMLINK, "unsupported")
        self.index.put(folder.path, path, entry)
        return FolderEvent(FolderEventKind.ERROR, str(path), "unsupported", False)

    def release(self, entry_id: str) -> FolderEvent:
        """Put a held outgoing file back at its place (a new name if that is taken)."""
        entry = self.quarantine.get(entry_id)
        if entry.surface != OUTGOING_SURFACE:
            raise ShareFolderError("This file was not held by an outgoing share folder.")
        held = self.index.held.get(entry_id) or {}
        self.index.release(entry.sha256)
        self.index.save(force=True)  # released before it reappears in the folder
        restored = self.quarantine.restore(entry_id)
        self.index.unmark_held(entry_id)
        sensitive = bool(held.get("sensitive", entry.reason is QuarantineReason.sensitive))
        status = str(held.get("status", "ok" if sensitive else "unreadable"))
        return FolderEvent(FolderEventKind.RELEASED, str(restored), status, sensitive, entry_id)

    def _let_through(self, sha256: str) -> bool:
        if sha256 in self.index.released:
            return True
        if self.approvals is None or self.profile_id is None:
            return False
        return self.approvals.is_approved(sha256, self.profile_id)

    def _move(
        self, folder: ShareFolder, path: Path, sha256: str, verdict: Verdict, status: str
    ) -> FolderEvent | None:
        reason = (
            QuarantineReason.sensitive
            if verdict is Verdict.SENSITIVE
            else QuarantineReason.could_not_check
        )
        outgoing = folder.direction is Direction.OUTGOING
        try:
            entry = self.quarantine.add(
                path,
                reason=reason,
                surface=OUTGOING_SURFACE if outgoing else Surface.share_folders,
                profile_id=self.profile_id,
            )
        except (QuarantineError, OSError) as exc:
            log.warning("share folders: a file could not be moved to quarantine (%s)", type(exc))
            return None
        self.index.remove(folder.path, path)
        self.index.remember(entry.sha256, verdict, status)
        sensitive = verdict is Verdict.SENSITIVE
        if outgoing:
            self.index.mark_held(entry.id, status, sensitive)
        kind = FolderEventKind.HELD if outgoing else FolderEventKind.QUARANTINED
        return FolderEvent(kind, str(path), status, sensitive, entry.id)

    def _count(self, verdict: Verdict) -> None:
        if self.counts is None:
            return
        kind = EventKind.sensitive if verdict is Verdict.SENSITIVE else EventKind.could_not_check
        try:
            self.counts.record(self.profile_id or NO_PROFILE, Surface.share_folders, kind)
        except Exception:  # the counts store has its own problem report; never stop checking
            log.warning("share folders: a count could not be saved")


def _looks_like_vcard(path: Path) -> bool:
    """By name, or by the text it starts with (vCards are text; nothing is decoded here)."""
    if path.name.lower().endswith(VCARD_SUFFIXES):
        return True
    try:
        with path.open("rb") as stream:
            head = stream.read(64)
    except OSError:
        return False
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").upper().startswith(b"BEGIN:VCARD")
