"""The ops a session agent uses in machine mode: its policy, its notices, hello and goodbye.

Registered into ``ServiceHandlers``; each answers for the asking account only (the kernel's
uid), like every other op. ``notices`` is a long-poll: it waits on a condition that the
service's watch signals when it puts something aside, so an agent hears at once.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path, PurePath
from typing import Any

from desktop_app.core.storage import StorageError, atomic_write_json, read_json
from desktop_app.core.vocabulary import EventKind, Surface, is_opaque_id
from desktop_app.policy.profiles import OsUser
from desktop_app.surfaces.quarantine_entry import QuarantineEntry
from desktop_app.surfaces.share_folders import OUTGOING_SURFACE

from . import protocol as p
from .handlers import Account, BadArguments, ServiceHandlers
from .sessions import SessionBook, SessionRecord
from .stores import ServiceStores

Reply = dict[str, Any]
MAX_WAIT_S = 25.0
MAX_NOTICES = 50  # per reply: names are up to 255 bytes, a reply at most 64 KiB
MAX_CURSOR_CHARS = 200
_PICTURES = frozenset(
    [
        ".jpg",
        ".jpeg",
        ".png",
        ".gif",
        ".webp",
        ".heic",
        ".heif",
        ".avif",
        ".bmp",
        ".tif",
        ".tiff",
        ".jxl",
        ".jp2",
    ]
)
_VIDEOS = frozenset(
    [".mp4", ".m4v", ".mov", ".webm", ".mkv", ".avi", ".3gp", ".mpg", ".mpeg", ".wmv", ".ogv"]
)


class NoticeBoard:
    """Wakes the long-polls of one account when its watch put something aside."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._versions: dict[str, int] = {}

    def put_aside(self, key: str | None) -> None:
        """Called on a watch thread (``MachineWatch``'s put-aside callback)."""
        if key is None:
            return
        with self._changed:
            self._versions[key] = self._versions.get(key, 0) + 1
            self._changed.notify_all()

    def version(self, key: str) -> int:
        with self._changed:
            return self._versions.get(key, 0)

    def wait_change(self, key: str, seen: int, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        with self._changed:
            while self._versions.get(key, 0) == seen:
                left = deadline - time.monotonic()
                if left <= 0:
                    return
                self._changed.wait(left)


class SessionOps:
    """``policy``, ``notices``, ``ack``, ``session_start``, ``session_end``."""

    def __init__(self, stores: ServiceStores) -> None:
        self._stores = stores
        self.board = NoticeBoard()
        self.book = SessionBook(self._vanished)

    def ops(self) -> dict[str, Callable[[Account, dict[str, Any]], Reply]]:
        return {
            "policy": self.policy,
            "notices": self.notices,
            "ack": self.ack,
            "session_start": self.session_start,
            "session_end": self.session_end,
        }

    # --- the ops --------------------------------------------------------------------------

    def policy(self, account: Account, request: dict[str, Any]) -> Reply:
        """What applies to the asking account: its profile and every setting's value, and its
        recent encounters (for escalation). Never the PIN, another account or a path of the
        service's."""
        effective = self._stores.policy_for(OsUser(account.name, account.is_admin))
        recent = 0
        if account.key is not None:
            hours = effective["escalation.window_hours"]
            recent = self._stores.events.encounters_within(account.key, hours)
        return p.reply(
            profile={**effective.profile.to_json(), "key": account.key},
            settings={key: value.to_json() for key, value in effective.values.items()},
            problems=list(effective.problems),
            recent_encounters=recent,
        )

    def notices(self, account: Account, request: dict[str, Any]) -> Reply:
        """What was put aside for this account after ``after`` (or after what its agent last
        acknowledged), waiting up to ``wait`` seconds for something new."""
        after = _cursor(request.get("after"))
        wait = _wait(request.get("wait", 0))
        pid = account.pid
        self.book.sweep()
        key = account.key
        if key is None:
            return p.reply(notices=[], cursor=after or "", shown_until=None)
        self.book.seen(account.name, key, pid, polling=1)
        try:
            since = after if after is not None else self._shown_until(key)
            seen = self.board.version(key)
            found = self._after(key, since)
            if not found and wait > 0:
                self.board.wait_change(key, seen, wait)
                found = self._after(key, since)
        finally:
            self.book.seen(account.name, key, pid, polling=-1)
        shown = found[:MAX_NOTICES]
        cursor = _mark(shown[-1]) if shown else (since or "")
        return p.reply(
            notices=[_notice(entry) for entry in shown],
            cursor=cursor,
            more=len(found) > len(shown),
            shown_until=self._shown_until(key),
        )

    def ack(self, account: Account, request: dict[str, Any]) -> Reply:
        """The agent has shown everything up to ``cursor``: it will not be shown again as
        "while you were away". The mark only moves forwards, and never past the account's
        latest put-aside file (a mark "in the future" would hide what comes next)."""
        cursor = _cursor(request.get("cursor"))
        key = account.key
        if key is None or cursor is None:
            return p.reply(shown_until=None)
        marks = [_mark(entry) for entry in self._after(key, None)]
        cursor = min(cursor, marks[-1]) if marks else None
        current = self._shown_until(key)
        if cursor is None:
            return p.reply(shown_until=current)
        if current is None or cursor > current:
            atomic_write_json(self._mark_file(key), {"shown_until": cursor}, mode=0o600)
            current = cursor
        return p.reply(shown_until=current)

    def session_start(self, account: Account, request: dict[str, Any]) -> Reply:
        """An agent begins (the kernel's uid and pid; nothing the message says counts)."""
        self.book.sweep()
        self.book.start(account.name, account.key, account.pid)
        key = account.key
        away = 0 if key is None else len(self._after(key, self._shown_until(key)))
        return p.reply(protected=account.profile.protected, put_aside_while_away=away)

    def session_end(self, account: Account, request: dict[str, Any]) -> Reply:
        """A clean goodbye, accepted only from the process that announced itself."""
        return p.reply(said_goodbye=self.book.end(account.name, account.pid))

    # --- inside ---------------------------------------------------------------------------

    def _vanished(self, record: SessionRecord) -> None:
        """An agent ended without a goodbye: one tamper count for that child."""
        if record.key is not None:
            self._stores.events.record(record.key, Surface.agent, EventKind.tamper)

    def _after(self, key: str, since: str | None) -> list[QuarantineEntry]:
        own = [e for e in self._stores.quarantine.entries() if e.profile_id == key]
        return [e for e in own if since is None or _mark(e) > since]

    def _mark_file(self, key: str) -> Path:
        if not is_opaque_id(key):
            raise StorageError("An account's key is not an opaque id.")
        return self._stores.paths.sessions / f"shown-{key}.json"

    def _shown_until(self, key: str) -> str | None:
        try:
            value = read_json(self._mark_file(key))
        except (StorageError, ValueError):
            return None
        mark = value.get("shown_until") if isinstance(value, dict) else None
        return mark if isinstance(mark, str) else None


def _mark(entry: QuarantineEntry) -> str:
    """Where an entry stands in the account's order (the quarantine's own order)."""
    return f"{entry.quarantined_at}|{entry.id}"


def _notice(entry: QuarantineEntry) -> dict[str, Any]:
    """What the child's agent shows: the file is the child's own, so its name is fine."""
    name = PurePath(entry.original_path).name
    suffix = PurePath(name).suffix.lower()
    kind = "picture" if suffix in _PICTURES else "video" if suffix in _VIDEOS else "file"
    return {
        "id": entry.id,
        "when": entry.quarantined_at,
        "surface": entry.surface,
        "reason": str(entry.reason),
        "kind": kind,
        "name": name,
        "held": entry.surface == OUTGOING_SURFACE,
    }


def _cursor(value: object) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str) or len(value) > MAX_CURSOR_CHARS:
        raise BadArguments(f"A cursor must be text of at most {MAX_CURSOR_CHARS} characters.")
    return value


def _wait(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise BadArguments(f"'wait' must be a number of seconds from 0 to {MAX_WAIT_S:g}.")
    if not 0 <= value <= MAX_WAIT_S:
        raise BadArguments(f"'wait' must be a number of seconds from 0 to {MAX_WAIT_S:g}.")
    return float(value)


def with_session_ops(handlers: ServiceHandlers, stores: ServiceStores) -> SessionOps:
    """The session agents' ops, registered into ``handlers``; ``status`` shows the agents."""
    session = SessionOps(stores)
    handlers.add_ops(session.ops())
    handlers.show_sessions(session.book)
    return session
