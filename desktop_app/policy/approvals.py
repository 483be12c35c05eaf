"""Remembered guardian approvals, keyed by the content's SHA-256, never by name or path.

A guardian who approves one picture for one child approves those exact bytes: a
renamed or moved copy still matches, a different file never does. The list is
read fresh each time (the agent and the console share it); a damaged list means
no approvals (fail closed) and says so in ``problem``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop_app.core.storage import atomic_write_json, data_dir, read_json

APPROVALS_FILE = "approvals.json"
_SHA256 = re.compile(r"[0-9a-f]{64}")
Clock = Callable[[], datetime]


def _iso(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("The clock must return timezone-aware UTC times")
    return moment.astimezone(UTC).isoformat()


@dataclass(frozen=True)
class Approval:
    """A guardian's 'yes' for one exact content, for one child."""

    sha256: str
    profile_id: str
    approved_at: str


def _digest(sha256: str) -> str:
    value = sha256.lower()
    if not _SHA256.fullmatch(value):
        raise ValueError("Not a SHA-256 hex digest")
    return value


class Approvals:
    """Remembered approvals, by content hash so a renamed or moved copy still matches."""

    def __init__(self, store_dir: Path | None = None, clock: Clock | None = None) -> None:
        self._path = (store_dir if store_dir is not None else data_dir()) / APPROVALS_FILE
        self._clock = clock or (lambda: datetime.now(UTC))
        self.problem: str | None = None

    def entries(self) -> list[Approval]:
        """Every remembered approval, for the console's list."""
        return self._load()

    def is_approved(self, sha256: str, profile_id: str) -> bool:
        """Whether this child may open this exact content without asking again."""
        key = (_digest(sha256), profile_id)
        return any((a.sha256, a.profile_id) == key for a in self._load())

    def remember(self, sha256: str, profile_id: str) -> Approval:
        """Remember a guardian's approval (after the PIN was checked by the caller)."""
        if not profile_id:
            raise ValueError("An approval needs a profile id")
        key = (_digest(sha256), profile_id)
        kept = [a for a in self._load() if (a.sha256, a.profile_id) != key]
        approval = Approval(key[0], profile_id, _iso(self._clock()))
        self._save([*kept, approval])
        return approval

    def revoke(self, sha256: str, profile_id: str) -> bool:
        """Forget one approval; False when there was none."""
        key = (_digest(sha256), profile_id)
        current = self._load()
        kept = [a for a in current if (a.sha256, a.profile_id) != key]
        if len(kept) == len(current):
            return False
        self._save(kept)
        return True

    def _load(self) -> list[Approval]:
        """Read fresh each time (the agent and the console share the file); damaged = none."""
        try:
            value = read_json(self._path)
            approvals = [] if value is None else [_approval(item) for item in value["approvals"]]
        except (ValueError, TypeError, KeyError, AttributeError):
            self.problem = "The list of remembered approvals was damaged, so none are used."
            return []
        self.problem = None
        return approvals

    def _save(self, approvals: list[Approval]) -> None:
        items = [dataclasses.asdict(a) for a in approvals]
        atomic_write_json(self._path, {"version": 1, "approvals": items})
        self.problem = None


def _approval(item: Any) -> Approval:
    approval = Approval(item["sha256"], item["profile_id"], item["approved_at"])
    if not isinstance(approval.profile_id, str) or not approval.profile_id:
        raise ValueError("profile_id")
    _iso(datetime.fromisoformat(approval.approved_at))
    if _digest(approval.sha256) != approval.sha256:
        raise ValueError("sha256")
    return approval
