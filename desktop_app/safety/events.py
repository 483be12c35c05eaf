"""Privacy-preserving event counts: how often, where and when something happened — never what.

The store holds only an opaque profile id, a surface, a UTC day, a kind and a count, plus the
UTC times of "sensitive" encounters (kept as long as the counts) so the escalation window is
measured in real hours: day buckets would see 23:00 and 01:00 as a day apart, or as nothing.
No content, file name, path, hash or EXIF ever reaches it: the API has nowhere to put them.

One sqlite3 connection (WAL) is shared by every thread behind one lock: records are a few
microseconds, so a lock is simpler than a connection per thread and lets a damaged file be
swapped for a fresh one in one place. Other processes (the agent and the console) share the
file through WAL and SQLite's busy timeout.

Time comes from an injectable UTC clock that may not go backwards: an earlier reading counts
as the newest one seen. That memory lasts for the process only, on purpose: persisted, one
clock set years ahead would pin every later count to that future day for good. Across a
restart a clock set back cannot hide encounters, because the window has no upper bound.
Retention runs on open and on the first record of each new UTC day, with no timer thread.
"""

from __future__ import annotations

import contextlib
import errno
import sqlite3
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from types import MappingProxyType, TracebackType
from typing import Any

from desktop_app.core.sinks import OsLogSink
from desktop_app.core.storage import data_dir
from desktop_app.core.vocabulary import EventKind, Surface, is_opaque_id

DB_NAME = "events.sqlite3"
DEFAULT_RETENTION_DAYS = 90
SCHEMA_VERSION = 1
BUSY_TIMEOUT_S = 5.0

Clock = Callable[[], datetime]

_CORRUPT = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}
_READ_ONLY = {sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_CANTOPEN}
_BUSY = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
_READ_ONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}

_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS counts (
    profile_id TEXT NOT NULL,
    surface TEXT NOT NULL,
    day TEXT NOT NULL,
    kind TEXT NOT NULL,
    count INTEGER NOT NULL CHECK (count >= 0),
    PRIMARY KEY (profile_id, surface, day, kind)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS encounters (
    profile_id TEXT NOT NULL,
    at INTEGER NOT NULL,
    count INTEGER NOT NULL CHECK (count >= 0)
);
CREATE INDEX IF NOT EXISTS encounters_by_profile ON encounters (profile_id, at);
PRAGMA user_version = {SCHEMA_VERSION};
"""

_UPSERT = """
INSERT INTO counts (profile_id, surface, day, kind, count) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (profile_id, surface, day, kind) DO UPDATE SET count = count + excluded.count
"""

_MESSAGES = {
    "read_only": "SafeLens can't save activity counts: its data folder is read-only "
    "or not accessible.",
    "disk_full": "SafeLens can't save activity counts: the disk is full.",
    "busy": "SafeLens can't save activity counts right now: another SafeLens program "
    "is using them.",
    "unavailable": "SafeLens can't save activity counts: the counts file can't be written.",
    "damaged": "SafeLens can't save activity counts: the counts file is damaged and "
    "couldn't be set aside.",
    "closed": "The activity counts are closed.",
}
_KEPT = " The counts already saved are kept."


class EventStoreError(Exception):
    """Counts could not be saved; ``reason`` is a code, the message is for the guardian."""

    def __init__(self, reason: str) -> None:
        super().__init__(_MESSAGES.get(reason, _MESSAGES["unavailable"]) + _KEPT)
        self.reason = reason


@dataclass(frozen=True)
class EventCount:
    """One stored count: a profile, a surface, a UTC day, a kind — nothing else."""

    profile_id: str
    surface: Surface
    day: date
    kind: EventKind
    count: int


@dataclass(frozen=True)
class DaySummary:
    """One bar of the guardian's activity chart: a UTC day's count per surface."""

    day: date
    by_surface: Mapping[Surface, int]

    @property
    def total(self) -> int:
        """The whole bar, for the chart's scale."""
        return sum(self.by_surface.values())


class _CorruptError(Exception):
    """SQLite's own integrity check found damage."""


def _code(exc: sqlite3.Error) -> int:
    """The primary result code: extended codes (e.g. READONLY_DIRECTORY) share its low byte."""
    return getattr(exc, "sqlite_errorcode", 0) & 0xFF


def _is_corrupt(exc: BaseException) -> bool:
    """Only real damage moves the file aside; a locked or read-only file is left alone."""
    if isinstance(exc, _CorruptError):
        return True
    return isinstance(exc, sqlite3.DatabaseError) and _code(exc) in _CORRUPT


def _reason(exc: BaseException) -> str:
    """A short code for why a write failed, so the guardian gets a precise message."""
    if _is_corrupt(exc):
        return "damaged"
    if isinstance(exc, sqlite3.Error):
        code = _code(exc)
        if code in _READ_ONLY:
            return "read_only"
        if code == sqlite3.SQLITE_FULL:
            return "disk_full"
        if code in _BUSY:
            return "busy"
    if isinstance(exc, OSError):
        if exc.errno == errno.ENOSPC:
            return "disk_full"
        if exc.errno in _READ_ONLY_ERRNOS:
            return "read_only"
    return "unavailable"


def _connect(path: Path, *, read_only: str = "") -> sqlite3.Connection:
    """Autocommit (we BEGIN ourselves) and shareable across threads (we hold the lock)."""
    target = f"{path.absolute().as_uri()}?{read_only}" if read_only else str(path)
    return sqlite3.connect(
        target,
        uri=bool(read_only),
        timeout=BUSY_TIMEOUT_S,
        isolation_level=None,
        check_same_thread=False,
    )


def _prepare(conn: sqlite3.Connection) -> None:
    """WAL, a quick integrity check, then the schema (idempotent)."""
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    if conn.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
        raise _CorruptError
    conn.executescript(_SCHEMA)


def _in_transaction(conn: sqlite3.Connection, action: Callable[[sqlite3.Connection], Any]) -> Any:
    """All of a write or none of it: a full disk never leaves half a record."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        result = action(conn)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
        raise
    return result


def _aside_name(path: Path, moment: datetime) -> Path:
    """A name next to the damaged file that no earlier set-aside file already has."""
    base = f"{path.name}.corrupt-{moment:%Y%m%dT%H%M%SZ}"
    candidate, n = path.with_name(base), 1
    while any(Path(f"{candidate}{s}").exists() for s in ("", "-wal", "-shm")):
        candidate, n = path.with_name(f"{base}-{n}"), n + 1
    return candidate


def _utc(moment: datetime) -> datetime:
    """Days are UTC days everywhere, so a trip across time zones never splits or merges them."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("the clock must return timezone-aware UTC datetimes")
    return moment.astimezone(UTC)


def _parse_row(raw: tuple[Any, ...]) -> EventCount | None:
    """Rows a newer SafeLens wrote with kinds this one doesn't know are skipped, not fatal."""
    profile_id, surface, day, kind, count = raw
    try:
        day_ = date.fromisoformat(day)
        return EventCount(profile_id, Surface(surface), day_, EventKind(kind), count)
    except (TypeError, ValueError):
        return None


def _day_summary(day: date, table: Mapping[tuple[str, str], int]) -> DaySummary:
    """Every surface present, zero where nothing happened, so chart bars line up."""
    key = day.isoformat()
    return DaySummary(day, MappingProxyType({s: table.get((key, str(s)), 0) for s in Surface}))


class EventCounts:
    """The per-machine store of event counts, with retention and an optional OS-log sink."""

    def __init__(
        self,
        db_path: Path | None = None,
        clock: Clock | None = None,
        retention_days: int = DEFAULT_RETENTION_DAYS,
        sink: OsLogSink | None = None,
    ) -> None:
        if retention_days < 1:
            raise ValueError("retention_days must be at least 1")
        self.path = db_path if db_path is not None else data_dir() / DB_NAME
        self.retention_days = retention_days
        self._clock: Clock = clock if clock is not None else lambda: datetime.now(UTC)
        self._sink = sink
        self._lock = threading.RLock()
        self._newest: datetime | None = None
        self._conn: sqlite3.Connection | None = None
        self._writable = False
        self._closed = False
        self._pruned_on: date | None = None
        self._set_aside: str | None = None
        self._failure_code: str | None = None
        with self._lock:
            self._open()

    # -- public API -------------------------------------------------------------------------

    @property
    def problem(self) -> str | None:
        """What the guardian should know about the counts file (damage, read-only...), or None."""
        with self._lock:
            failure = EventStoreError(self._failure_code).args[0] if self._failure_code else None
            notes = [note for note in (self._set_aside, failure) if note]
            return " ".join(notes) if notes else None

    def record(self, profile_id: str, surface: Surface, kind: EventKind, count: int = 1) -> None:
        """Add ``count`` to today's tally (and tell the OS log); raises EventStoreError."""
        surface, kind = Surface(surface), EventKind(kind)
        if not is_opaque_id(profile_id):
            raise ValueError("profile_id must be an opaque id (letters, digits, '-', '_')")
        if isinstance(count, bool) or count < 1:
            raise ValueError("count must be a positive integer")
        if self._sink is not None:
            self._sink.event(kind, surface, count, profile_id)
        with self._lock:
            now = self._now()
            tally = EventCount(profile_id, surface, now.date(), kind, count)
            self._write(lambda conn: self._record_rows(conn, now, tally))
            self._pruned_on = now.date()

    def counts(self, profile_id: str | None = None, since: date | None = None) -> list[EventCount]:
        """Stored counts, oldest day first; never raises (see ``problem``)."""
        if isinstance(since, datetime):
            since = _utc(since).date()
        rows = self._read(
            "SELECT profile_id, surface, day, kind, count FROM counts"
            " WHERE (?1 IS NULL OR profile_id = ?1) AND (?2 IS NULL OR day >= ?2)"
            " ORDER BY day, profile_id, surface, kind",
            (profile_id, since.isoformat() if since else None),
        )
        return [parsed for parsed in map(_parse_row, rows) if parsed is not None]

    def summary_by_day(
        self, profile_id: str | None, days: int, kind: EventKind = EventKind.sensitive
    ) -> list[DaySummary]:
        """The last ``days`` UTC days (today included), oldest first, every surface filled in;
        ``profile_id`` None adds up everyone (lab logins without a profile included)."""
        if days < 1:
            raise ValueError("days must be at least 1")
        with self._lock:
            today = self._now().date()
        first = today - timedelta(days=days - 1)
        who = "" if profile_id is None else "profile_id = ? AND "
        rows = self._read(
            f"SELECT day, surface, SUM(count) FROM counts WHERE {who}kind = ?"
            " AND day BETWEEN ? AND ? GROUP BY day, surface",
            (
                *([] if profile_id is None else [profile_id]),
                str(kind),
                first.isoformat(),
                today.isoformat(),
            ),
        )
        table = {(day, surface): total for day, surface, total in rows}
        return [_day_summary(first + timedelta(days=n), table) for n in range(days)]

    def encounters_within(self, profile_id: str, hours: float) -> int:
        """Sensitive encounters in the last ``hours`` real hours, for escalation."""
        if hours <= 0:
            raise ValueError("hours must be positive")
        with self._lock:
            cutoff = self._now() - timedelta(hours=hours)
        # No upper bound: encounters stamped "later" than a clock set back still count.
        rows = self._read(
            "SELECT COALESCE(SUM(count), 0) FROM encounters WHERE profile_id = ? AND at >= ?",
            (profile_id, int(cutoff.timestamp())),
        )
        return int(rows[0][0]) if rows else 0

    def prune(self) -> int:
        """Forget days older than the retention period; returns the rows removed."""
        with self._lock:
            now = self._now()
            removed: int = self._write(lambda conn: self._prune_rows(conn, now))
            self._pruned_on = now.date()
            return removed

    def close(self) -> None:
        """Close the file; later records raise EventStoreError('closed')."""
        with self._lock:
            self._closed = True
            self._drop_connection(close=False)

    def __enter__(self) -> EventCounts:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- time -------------------------------------------------------------------------------

    def _now(self) -> datetime:
        """The clock, but never earlier than the newest time already seen (caller holds lock)."""
        now = _utc(self._clock())
        if self._newest is None or now > self._newest:
            self._newest = now
        return self._newest

    # -- rows -------------------------------------------------------------------------------

    def _record_rows(self, conn: sqlite3.Connection, now: datetime, tally: EventCount) -> None:
        """Prune once a day, then the upsert and (for sensitive) the encounter, in one go."""
        if self._pruned_on != now.date():
            self._prune_rows(conn, now)
        day = tally.day.isoformat()
        conn.execute(_UPSERT, (tally.profile_id, tally.surface, day, tally.kind, tally.count))
        if tally.kind is EventKind.sensitive:
            conn.execute(
                "INSERT INTO encounters (profile_id, at, count) VALUES (?, ?, ?)",
                (tally.profile_id, int(now.timestamp()), tally.count),
            )

    def _prune_rows(self, conn: sqlite3.Connection, now: datetime) -> int:
        """Keep today and the ``retention_days - 1`` days before it; encounters alike."""
        first_kept = now.date() - timedelta(days=self.retention_days - 1)
        start = datetime.combine(first_kept, time(), tzinfo=UTC)
        removed = conn.execute("DELETE FROM counts WHERE day < ?", (first_kept.isoformat(),))
        dropped = conn.execute("DELETE FROM encounters WHERE at < ?", (int(start.timestamp()),))
        return removed.rowcount + dropped.rowcount

    # -- the file ---------------------------------------------------------------------------

    def _open(self, *, may_move_aside: bool = True) -> None:
        """Open read-write; set damage aside; else fall back to reading (caller holds lock)."""
        self._drop_connection()
        try:
            self._conn, self._writable = self._open_writable(), True
            self._failure_code = None
        except (sqlite3.Error, OSError, _CorruptError) as exc:
            if _is_corrupt(exc) and may_move_aside and self._move_aside():
                self._open(may_move_aside=False)
                return
            self._failure_code = _reason(exc)
            self._conn, self._writable = self._open_read_only(), False

    def _open_writable(self) -> sqlite3.Connection:
        """Make the folder, check the file, create the schema and prune, or raise."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = _connect(self.path)
        try:
            _prepare(conn)
            now = self._now()
            _in_transaction(conn, lambda c: self._prune_rows(c, now))
            self._pruned_on = now.date()
        except BaseException:
            conn.close()
            raise
        return conn

    def _open_read_only(self) -> sqlite3.Connection | None:
        """Counts already saved stay visible to the guardian even when nothing can be written.

        Plain read-only first (it sees another process's new writes); "immutable" only when the
        folder is read-only too, where SQLite cannot open a WAL file any other way.
        """
        for mode in ("mode=ro", "mode=ro&immutable=1"):
            try:
                conn = _connect(self.path, read_only=mode)
            except sqlite3.Error:
                continue
            try:
                conn.execute("SELECT 1 FROM counts LIMIT 1").fetchall()
            except sqlite3.Error:
                conn.close()
                continue
            return conn
        return None

    def _move_aside(self) -> bool:
        """Keep the damaged file (and its WAL) under a new name; never delete it."""
        self._drop_connection()  # Windows cannot rename a file that is still open
        target = _aside_name(self.path, self._now())
        try:  # sidecars first: a stale WAL must never be replayed into the fresh file
            for suffix in ("-wal", "-shm", ""):
                source = Path(f"{self.path}{suffix}")
                if source.exists():
                    source.rename(Path(f"{target}{suffix}"))
        except OSError:
            return False
        self._set_aside = (
            f"The activity counts file was damaged. It was kept as {target.name} "
            "and a new one was started, so earlier counts are missing from the chart."
        )
        if self._sink is not None:
            self._sink.tamper("event_counts_damaged")  # fleet tools should hear of it too
        return True

    def _drop_connection(self, *, close: bool = True) -> None:
        """Close (or only let go of) the connection, so the file can be renamed or reopened.

        ``close=False`` is for shutting down while other threads may still be finishing
        a read: closing then could finalise statements that a cursor being freed on
        another thread still touches (seen as a rare crash). Every cursor holds a
        reference to its connection, so letting go closes the file right away when
        nothing else uses it, and safely after the last cursor if something does.
        """
        if close and self._conn is not None:
            self._conn.close()
        self._conn, self._writable = None, False

    def _write(self, action: Callable[[sqlite3.Connection], Any]) -> Any:
        """Run a write, recovering once from damage; other failures raise EventStoreError."""
        for attempt in range(2):
            conn = self._writable_connection()
            try:
                result = _in_transaction(conn, action)
            except sqlite3.Error as exc:
                if attempt == 0 and _is_corrupt(exc) and self._move_aside():
                    self._open(may_move_aside=False)
                    continue
                self._failure_code = _reason(exc)
                raise EventStoreError(self._failure_code) from exc
            self._failure_code = None
            return result
        raise EventStoreError("unavailable")  # pragma: no cover - the loop always returns or raises

    def _writable_connection(self) -> sqlite3.Connection:
        """The read-write connection, trying again if the folder became writable since."""
        if self._closed:
            raise EventStoreError("closed")
        if not self._writable:
            self._open()
        if self._conn is None or not self._writable:
            raise EventStoreError(self._failure_code or "unavailable")
        return self._conn

    def _read(self, query: str, params: tuple[Any, ...]) -> list[tuple[Any, ...]]:
        """Reads never raise: a damaged file is set aside, anything else shows in ``problem``."""
        with self._lock:
            if self._conn is None:
                return []
            try:
                return self._conn.execute(query, params).fetchall()
            except sqlite3.Error as exc:
                # Only a writer sets a file aside: a reader may be looking at a live file it
                # cannot write, which the agent is busy changing.
                if self._writable and _is_corrupt(exc) and self._move_aside():
                    self._open(may_move_aside=False)
                else:
                    self._failure_code = _reason(exc)
                return []
