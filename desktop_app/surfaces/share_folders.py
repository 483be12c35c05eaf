"""Share folders: where files from other devices arrive, and what happens to them.

The values and decisions live here; the watcher that applies them is `folder_watch`.
Incoming sensitive content, and pictures or videos that could not be checked, go to
quarantine for a child; outgoing ones are held until the sending flow releases them;
adults are only told. Files that cannot show a picture are never moved.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from desktop_app.analysis.verdict import Analysis, Status
from desktop_app.core.vocabulary import Surface
from desktop_app.policy.effective import EffectivePolicy, Source
from desktop_app.policy.settings import AgeBand, default_incoming_folders

from .folder_index import Verdict

# Quarantine entries of outgoing folders carry this surface: they are held, not hidden.
OUTGOING_SURFACE = f"{Surface.share_folders}.outgoing"
# FolderEvent statuses beyond the checker's own (ok, unreadable, unsupported, timeout):
INCOMPLETE = "incomplete"  # still being written when `--once` stopped waiting


class Direction(enum.StrEnum):
    INCOMING = "incoming"
    OUTGOING = "outgoing"


class FolderEventKind(enum.StrEnum):
    CHECKED = "checked"
    QUARANTINED = "quarantined"
    HELD = "held"
    RELEASED = "released"
    ERROR = "error"


@dataclass(frozen=True)
class ShareFolder:
    """A folder that receives files from other devices (incoming) or sends them (outgoing)."""

    path: Path
    direction: Direction = Direction.INCOMING


@dataclass(frozen=True)
class FolderEvent:
    """What happened to one file; the tray agent turns these into notifications."""

    event: FolderEventKind
    path: str
    status: str
    sensitive: bool
    quarantine_id: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The `safelens watch --json` contract: exactly these keys, in this order."""
        return {
            "event": self.event.value,
            "path": self.path,
            "status": self.status,
            "sensitive": self.sensitive,
            "quarantine_id": self.quarantine_id,
        }


class ApprovalBook(Protocol):
    """Remembered guardian approvals by content hash (policy.approvals.Approvals)."""

    def is_approved(self, sha256: str, profile_id: str) -> bool: ...


def verdict_of(analysis: Analysis) -> Verdict:
    """Sensitive, clean, could not be checked, or nothing to check at all.

    The worker decides what can show a picture (``Analysis.nothing_to_check``: text,
    sound, an archive or document with no picture inside); everything else was
    either checked or could not be (damaged, too large, timed out, encrypted, unknown,
    or it made the checker crash) — and that is hidden from children (fail closed).
    """
    if analysis.is_sensitive:
        return Verdict.SENSITIVE
    if analysis.status is Status.SKIPPED:
        return Verdict.CLEAN
    if analysis.nothing_to_check:
        return Verdict.NOT_MEDIA
    if analysis.status is Status.OK:
        return Verdict.CLEAN
    return Verdict.UNCHECKED


def hides_for(band: AgeBand | None, verdict: Verdict) -> bool:
    """Children's files are moved when sensitive or unchecked; adults' never (report only)."""
    return band is not None and band.is_child and verdict in (Verdict.SENSITIVE, Verdict.UNCHECKED)


def folders_from_policy(policy: Any, home: Path | None = None) -> list[ShareFolder]:
    """The share folders the effective policy names; none when the surface is turned off.

    ``home``: the watched account's home folder, when it is not this process's (the
    per-machine service): ``~`` and the default incoming folders are that account's.
    """
    if not policy["surfaces.share_folders"]:
        return []
    incoming = policy["share_folders.incoming"] or []
    if home is not None and _is_default(policy, "share_folders.incoming"):
        incoming = default_incoming_folders(home)
    outgoing = policy["share_folders.outgoing"] or []
    return folders_from_paths(incoming, outgoing, home=home)


def _is_default(policy: Any, key: str) -> bool:
    """Whether nobody set ``key`` (an EffectivePolicy knows; a plain mapping does not)."""
    return isinstance(policy, EffectivePolicy) and policy.values[key].source is Source.DEFAULT


def folders_from_paths(
    incoming: Iterable[str | Path],
    outgoing: Iterable[str | Path] = (),
    *,
    home: Path | None = None,
) -> list[ShareFolder]:
    """Absolute, de-duplicated folders; a folder named as outgoing is outgoing.

    With ``home``, ``~`` and relative paths are taken in that home, not this process's.
    """
    found: dict[Path, Direction] = {}
    for direction, paths in ((Direction.INCOMING, incoming), (Direction.OUTGOING, outgoing)):
        for raw in paths:
            found[_absolute(Path(raw), home)] = direction
    return [ShareFolder(path, direction) for path, direction in found.items()]


def _absolute(path: Path, home: Path | None) -> Path:
    if home is None:
        return path.expanduser().absolute()
    if path.parts and path.parts[0] == "~":
        path = home.joinpath(*path.parts[1:])
    elif not path.is_absolute() and not str(path).startswith("~"):
        path = home / path
    return path.expanduser().absolute()
