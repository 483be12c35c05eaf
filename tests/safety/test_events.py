"""Event counts: they add up, they expire, they survive bad clocks, damaged files and full
disks, and they never hold anything but counts."""

from __future__ import annotations

import ctypes
import gc
import os
import re
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.sinks import OsLogSink
from desktop_app.core.vocabulary import EventKind, Surface
from desktop_app.safety import events
from desktop_app.safety.events import DB_NAME, EventCount, EventCounts, EventStoreError
from desktop_app.safety.oslog import MacLoggerSink, SyslogSink, WindowsEventLogSink
from tests.helpers.clock import FakeClock

START = datetime(2025, 3, 10, 9, 30, tzinfo=UTC)
REPO = Path(__file__).resolve().parents[2]


class RecordingSink:
    """Keeps every message the store forwards."""

    def __init__(self) -> None:
        self.events: list[tuple[EventKind, Surface, int, str]] = []
        self.tampers: list[str] = []
        self.last_error: str | None = None

    def event(self, kind: EventKind, surface: Surface, count: int, profile_id: str) -> None:
        self.events.append((kind, surface, count, profile_id))

    def policy_error(self, reason: str) -> None:
        raise AssertionError("not used")

    def tamper(self, reason: str) -> None:
        self.tampers.append(reason)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


@pytest.fixture
def store(tmp_path: Path, clock: FakeClock) -> Iterator[EventCounts]:
    with EventCounts(tmp_path / DB_NAME, clock=clock) as opened:
        yield opened


def _totals(store: EventCounts) -> dict[tuple[str, str, str, str], int]:
    return {(c.profile_id, c.surface, c.day.isoformat(), c.kind): c.count for c in store.counts()}


def _set_aside(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"{DB_NAME}.corrupt-*"))


# -- counting -----------------------------------------------------------------------------


def test_counts_add_up_per_profile_surface_day_and_kind(
    store: EventCounts, clock: FakeClock
) -> None:
    store.record("p1", Surface.viewer, EventKind.sensitive)
    store.record("p1", Surface.viewer, EventKind.sensitive, count=2)
    store.record("p1", Surface.file_picker, EventKind.sensitive)
    store.record("p1", Surface.viewer, EventKind.help_opened)
    store.record("p2", Surface.viewer, EventKind.sensitive)
    clock.advance(days=1)
    store.record("p1", Surface.viewer, EventKind.sensitive)

    assert _totals(store) == {
        ("p1", "viewer", "2025-03-10", "sensitive"): 3,
        ("p1", "file_picker", "2025-03-10", "sensitive"): 1,
        ("p1", "viewer", "2025-03-10", "help_opened"): 1,
        ("p2", "viewer", "2025-03-10", "sensitive"): 1,
        ("p1", "viewer", "2025-03-11", "sensitive"): 1,
    }
    first = store.counts()[0]
    assert isinstance(first, EventCount)
    assert isinstance(first.surface, Surface)
    assert isinstance(first.kind, EventKind)
    with pytest.raises(AttributeError):
        first.count = 99  # type: ignore[misc]


def test_counts_filter_by_profile_and_day(store: EventCounts, clock: FakeClock) -> None:
    store.record("p1", Surface.contacts, EventKind.could_not_check)
    clock.advance(days=2)
    store.record("p1", Surface.contacts, EventKind.could_not_check)
    store.record("p2", Surface.share_folders, EventKind.sensitive)

    assert [c.profile_id for c in store.counts(profile_id="p2")] == ["p2"]
    recent = store.counts(profile_id="p1", since=date(2025, 3, 11))
    assert [(c.day, c.count) for c in recent] == [(date(2025, 3, 12), 1)]
    since_datetime = store.counts(since=datetime(2025, 3, 12, 23, 0, tzinfo=UTC))
    assert len(since_datetime) == 2


def test_the_day_is_the_utc_day(tmp_path: Path) -> None:
    evening_in_new_york = datetime(2025, 3, 10, 21, 30, tzinfo=timezone(timedelta(hours=-5)))
    with EventCounts(tmp_path / DB_NAME, clock=lambda: evening_in_new_york) as store:
        store.record("p1", Surface.viewer, EventKind.sensitive)
        assert store.counts()[0].day == date(2025, 3, 11)


def test_default_file_is_in_the_data_folder() -> None:
    home = Path(os.environ["SAFELENS_HOME"])
    with EventCounts() as store:
        store.record("p1", Surface.viewer, EventKind.sensitive)
        assert store.path == home / "events.sqlite3"
    assert (home / "events.sqlite3").is_file()
    with sqlite3.connect(home / "events.sqlite3") as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    conn.close()


def test_summary_by_day_fills_every_day_and_surface(store: EventCounts, clock: FakeClock) -> None:
    store.record("p1", Surface.viewer, EventKind.sensitive, count=2)
    store.record("p1", Surface.viewer, EventKind.help_opened)
    clock.advance(days=2)
    store.record("p1", Surface.share_folders, EventKind.sensitive)
    store.record("p1", Surface.contacts, EventKind.sensitive)
    store.record("p2", Surface.contacts, EventKind.sensitive)

    chart = store.summary_by_day("p1", days=4)
    assert [bar.day for bar in chart] == [date(2025, 3, d) for d in (9, 10, 11, 12)]
    assert [bar.total for bar in chart] == [0, 2, 0, 2]
    assert all(set(bar.by_surface) == set(Surface) for bar in chart)
    assert chart[1].by_surface[Surface.viewer] == 2
    assert chart[3].by_surface[Surface.share_folders] == 1
    assert chart[3].by_surface[Surface.contacts] == 1
    help_chart = store.summary_by_day("p1", days=4, kind=EventKind.help_opened)
    assert [bar.total for bar in help_chart] == [0, 1, 0, 0]
    everyone = store.summary_by_day(None, days=4)  # every profile added up by the store
    assert [bar.total for bar in everyone] == [0, 2, 0, 3]
    assert everyone[3].by_surface[Surface.contacts] == 2


def test_encounters_are_counted_in_real_hours(store: EventCounts, clock: FakeClock) -> None:
    clock.now = datetime(2025, 3, 10, 23, 0, tzinfo=UTC)
    store.record("p1", Surface.share_folders, EventKind.sensitive)
    clock.now = datetime(2025, 3, 11, 1, 0, tzinfo=UTC)
    store.record("p1", Surface.viewer, EventKind.sensitive, count=2)
    assert store.encounters_within("p1", hours=24) == 3
    assert store.encounters_within("p1", hours=1.5) == 2

    clock.now = datetime(2025, 3, 11, 23, 30, tzinfo=UTC)  # 24.5 h after the first one
    assert store.encounters_within("p1", hours=24) == 2
    clock.advance(days=1)
    assert store.encounters_within("p1", hours=24) == 0


def test_only_sensitive_encounters_of_that_profile_count(store: EventCounts) -> None:
    store.record("p1", Surface.viewer, EventKind.sensitive)
    for kind in EventKind:
        if kind is not EventKind.sensitive:
            store.record("p1", Surface.viewer, kind)
    store.record("p2", Surface.viewer, EventKind.sensitive, count=5)
    assert store.encounters_within("p1", hours=24) == 1
    assert store.encounters_within("nobody-yet", hours=24) == 0


def test_bad_arguments_are_refused(store: EventCounts) -> None:
    for count in (0, -1, True):
        with pytest.raises(ValueError, match="count"):
            store.record("p1", Surface.viewer, EventKind.sensitive, count=count)
    with pytest.raises(ValueError):
        store.record("p1", "desktop", EventKind.sensitive)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="days"):
        store.summary_by_day("p1", days=0)
    with pytest.raises(ValueError, match="hours"):
        store.encounters_within("p1", hours=0)
    with pytest.raises(ValueError, match="retention"):
        EventCounts(store.path, retention_days=0)
    assert store.counts() == []


def test_rows_a_newer_version_wrote_are_skipped(store: EventCounts) -> None:
    store.record("p1", Surface.viewer, EventKind.sensitive)
    with sqlite3.connect(store.path) as conn:
        conn.execute("INSERT INTO counts VALUES ('p1', 'hologram', '2025-03-10', 'sensitive', 1)")
    conn.close()
    assert [c.surface for c in store.counts()] == [Surface.viewer]


def test_record_forwards_each_event_to_the_sink(tmp_path: Path, clock: FakeClock) -> None:
    sink = RecordingSink()
    with EventCounts(tmp_path / DB_NAME, clock=clock, sink=sink) as store:
        store.record("p1", Surface.contacts, EventKind.could_not_check, count=2)
        store.record("p1", Surface.agent, EventKind.tamper)
    assert sink.events == [
        (EventKind.could_not_check, Surface.contacts, 2, "p1"),
        (EventKind.tamper, Surface.agent, 1, "p1"),
    ]


def test_a_closed_store_refuses_records_and_reads_nothing(store: EventCounts) -> None:
    store.record("p1", Surface.viewer, EventKind.sensitive)
    store.close()
    with pytest.raises(EventStoreError) as caught:
        store.record("p1", Surface.viewer, EventKind.sensitive)
    assert caught.value.reason == "closed"
    assert store.counts() == []


# -- retention ----------------------------------------------------------------------------


def test_retention_forgets_days_older_than_the_period(tmp_path: Path, clock: FakeClock) -> None:
    with EventCounts(tmp_path / DB_NAME, clock=clock, retention_days=3) as store:
        store.record("p1", Surface.viewer, EventKind.sensitive)  # 10 March
        clock.advance(days=1)
        store.record("p1", Surface.viewer, EventKind.help_opened)  # 11 March
        clock.advance(days=1)  # 12 March: the 10th is still within three days
        assert store.prune() == 0
        clock.advance(days=1)  # 13 March: the 10th (count and encounter) goes
        assert store.prune() == 2
        assert [c.day for c in store.counts()] == [date(2025, 3, 11)]
        assert store.encounters_within("p1", hours=24 * 365) == 0


def test_prune_runs_on_open(tmp_path: Path, clock: FakeClock) -> None:
    with EventCounts(tmp_path / DB_NAME, clock=clock) as store:
        store.record("p1", Surface.viewer, EventKind.sensitive)
    clock.advance(days=90)
    with EventCounts(tmp_path / DB_NAME, clock=clock) as store:
        assert store.counts() == []


def test_prune_runs_once_a_day_while_recording(tmp_path: Path, clock: FakeClock) -> None:
    with EventCounts(tmp_path / DB_NAME, clock=clock, retention_days=2) as store:
        store.record("p1", Surface.viewer, EventKind.sensitive)
        clock.advance(days=2)
        assert len(store.counts()) == 1  # reading never prunes
        store.record("p1", Surface.viewer, EventKind.help_opened)
        assert [c.kind for c in store.counts()] == [EventKind.help_opened]


# -- the clock ----------------------------------------------------------------------------


def test_a_clock_moving_back_counts_as_the_newest_time_seen(
    store: EventCounts, clock: FakeClock
) -> None:
    clock.advance(days=3)
    store.record("p1", Surface.viewer, EventKind.sensitive)  # 13 March
    clock.now = START - timedelta(days=30)  # battery died, clock reset
    store.record("p1", Surface.viewer, EventKind.sensitive)
    assert _totals(store) == {("p1", "viewer", "2025-03-13", "sensitive"): 2}
    assert store.encounters_within("p1", hours=1) == 2
    assert [bar.day for bar in store.summary_by_day("p1", days=1)] == [date(2025, 3, 13)]
    store.prune()  # nothing "expires" because the clock went back
    assert len(store.counts()) == 1


def test_a_naive_clock_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="UTC"):
        EventCounts(tmp_path / DB_NAME, clock=lambda: datetime(2025, 3, 10))


# -- damaged files ------------------------------------------------------------------------


def test_a_garbage_file_is_set_aside_and_a_fresh_store_works(
    tmp_path: Path, clock: FakeClock
) -> None:
    garbage = b"this is not a database, it is garbage \x00\xff" * 200
    (tmp_path / DB_NAME).write_bytes(garbage)
    sink = RecordingSink()

    with EventCounts(tmp_path / DB_NAME, clock=clock, sink=sink) as store:
        assert sink.tampers == ["event_counts_damaged"]  # the OS log hears of it too
        assert store.problem is not None
        assert "damaged" in store.problem
        [aside] = _set_aside(tmp_path)
        assert aside.name == f"{DB_NAME}.corrupt-20250310T093000Z"
        assert aside.name in store.problem
        assert aside.read_bytes() == garbage  # kept, never deleted
        assert store.counts() == []
        store.record("p1", Surface.viewer, EventKind.sensitive)
        assert len(store.counts()) == 1


def _released() -> None:
    """close() lets go of the connection (see EventCounts.close); collecting frees the file."""
    gc.collect()


def test_damaged_pages_are_set_aside_too(tmp_path: Path, clock: FakeClock) -> None:
    with EventCounts(tmp_path / DB_NAME, clock=clock) as store:
        for n in range(400):
            store.record(f"profile-{n}", Surface.viewer, EventKind.sensitive)
    _released()
    data = bytearray((tmp_path / DB_NAME).read_bytes())
    data[4096:8192] = b"\xab" * 4096  # the first page after the header page
    (tmp_path / DB_NAME).write_bytes(data)

    with EventCounts(tmp_path / DB_NAME, clock=clock) as store:
        assert store.problem is not None
        assert len(_set_aside(tmp_path)) == 1
        store.record("p1", Surface.viewer, EventKind.sensitive)
        assert [c.profile_id for c in store.counts()] == ["p1"]


def test_a_second_damaged_file_never_overwrites_the_first(tmp_path: Path, clock: FakeClock) -> None:
    for garbage in (b"first garbage" * 100, b"second garbage" * 100):
        (tmp_path / DB_NAME).write_bytes(garbage)
        with EventCounts(tmp_path / DB_NAME, clock=clock):
            pass
        _released()
    kept = {path.read_bytes()[:6] for path in _set_aside(tmp_path)}
    assert kept == {b"first ", b"second"}


def _malformed() -> sqlite3.DatabaseError:
    error = sqlite3.DatabaseError("database disk image is malformed")
    error.sqlite_errorcode = sqlite3.SQLITE_CORRUPT
    return error


def test_damage_found_while_running_is_set_aside_and_the_record_kept(
    store: EventCounts, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.record("p1", Surface.viewer, EventKind.sensitive)
    real = events._in_transaction
    calls = 0

    def damaged_once(conn: sqlite3.Connection, action: Callable[[sqlite3.Connection], Any]) -> Any:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise _malformed()
        return real(conn, action)

    monkeypatch.setattr(events, "_in_transaction", damaged_once)
    store.record("p2", Surface.contacts, EventKind.sensitive)
    assert store.problem is not None
    assert len(_set_aside(store.path.parent)) == 1
    assert [c.profile_id for c in store.counts()] == ["p2"]
    assert store.encounters_within("p2", hours=1) == 1


def test_damage_found_while_reading_never_raises(store: EventCounts) -> None:
    store.record("p1", Surface.viewer, EventKind.sensitive)

    class DamagedConnection:
        def execute(self, *_: object) -> None:
            raise _malformed()

        def close(self) -> None:
            pass

    assert store._conn is not None
    store._conn.close()
    store._conn = DamagedConnection()  # type: ignore[assignment]  # what SQLite would raise
    assert store.counts() == []
    assert store.problem is not None
    assert len(_set_aside(store.path.parent)) == 1
    store.record("p1", Surface.viewer, EventKind.help_opened)
    assert [c.kind for c in store.counts()] == [EventKind.help_opened]


def test_a_healthy_store_reports_no_problem(store: EventCounts) -> None:
    store.record("p1", Surface.viewer, EventKind.sensitive)
    assert store.problem is None
    assert _set_aside(store.path.parent) == []


# -- read-only folders and full disks -----------------------------------------------------


def _read_only_scenario(folder: str, what: str) -> None:
    """Counts saved, then the folder or the file made read-only: records fail precisely, the
    saved counts stay readable and unchanged, and writing works again once it is allowed."""
    db = Path(folder) / DB_NAME
    locked = Path(folder) if what == "folder" else db
    clock = FakeClock(START)
    with EventCounts(db, clock=clock) as store:
        store.record("p1", Surface.viewer, EventKind.sensitive, count=3)
    gc.collect()  # close() lets go of the connection; collecting frees the file
    before = db.read_bytes()
    locked.chmod(0o555)
    try:
        with EventCounts(db, clock=clock) as store:
            assert store.problem is not None
            assert "read-only" in store.problem
            with pytest.raises(EventStoreError) as caught:
                store.record("p1", Surface.viewer, EventKind.sensitive)
            assert caught.value.reason == "read_only"
            assert "already saved are kept" in str(caught.value)
            assert [c.count for c in store.counts()] == [3]  # the guardian still sees them
            assert db.read_bytes() == before
            # The admin makes it writable again (SQLite gave its sidecar files the read-only
            # file's mode, so they are fixed too), and the same store heals.
            for path in [Path(folder), *Path(folder).glob(f"{DB_NAME}*")]:
                path.chmod(0o755)
            store.record("p1", Surface.viewer, EventKind.sensitive)
            assert store.problem is None
            assert [c.count for c in store.counts()] == [4]
    finally:
        locked.chmod(0o755)
    assert _set_aside(Path(folder)) == []


# Linux capabilities that let root ignore file permissions (linux/capability.h, prctl.h).
PR_CAPBSET_DROP = 24
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER = 1, 2, 3


def _as_root_without_permission_override() -> Callable[[], None]:
    """A preexec_fn: the child runs as root but, like any user, must obey permissions."""
    prctl = ctypes.CDLL(None, use_errno=True).prctl  # resolved before the fork

    def drop() -> None:
        for cap in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER):
            if prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
                os._exit(97)

    return drop


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
@pytest.mark.parametrize("what", ["folder", "file"])
def test_read_only_raises_a_precise_error_and_loses_nothing(tmp_path: Path, what: str) -> None:
    if os.geteuid() != 0:
        _read_only_scenario(str(tmp_path), what)
        return
    if sys.platform != "linux":
        pytest.skip("root ignores permissions; dropping that power is shown on Linux only")
    script = (
        "import sys; from tests.safety.test_events import _read_only_scenario as run;"
        " run(sys.argv[1], sys.argv[2])"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path), what],
        cwd=REPO,
        preexec_fn=_as_root_without_permission_override(),
        env={"PATH": os.environ.get("PATH", ""), "PYTHONDONTWRITEBYTECODE": "1"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_a_full_disk_raises_a_precise_error_and_loses_nothing(
    tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    with EventCounts(tmp_path / DB_NAME, clock=clock) as store:
        store.record("p1", Surface.viewer, EventKind.sensitive, count=3)

    real_connect = events._connect

    def full_disk(path: Path, *, read_only: str = "") -> sqlite3.Connection:
        conn = real_connect(path, read_only=read_only)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {max(pages, 1)}")  # SQLite's own SQLITE_FULL
        return conn

    monkeypatch.setattr(events, "_connect", full_disk)
    with EventCounts(tmp_path / DB_NAME, clock=clock) as store:
        saved = 0
        with pytest.raises(EventStoreError) as caught:
            for n in range(10_000):
                store.record(f"profile-{n}", Surface.viewer, EventKind.sensitive)
                saved += 1
        assert caught.value.reason == "disk_full"
        assert "disk is full" in str(caught.value)
        assert store.problem is not None
        assert "disk is full" in store.problem
        failed = f"profile-{saved}"
        assert [c.profile_id for c in store.counts(profile_id=failed)] == []
        assert store.encounters_within(failed, hours=1) == 0  # all of a record or none of it
        assert store.counts(profile_id="p1")[0].count == 3

    monkeypatch.undo()
    with EventCounts(tmp_path / DB_NAME, clock=clock) as store:
        assert len(store.counts()) == saved + 1
        assert store.encounters_within("p1", hours=1) == 3
        store.record("p1", Surface.viewer, EventKind.sensitive)
        assert store.problem is None


# -- threads ------------------------------------------------------------------------------


def test_records_from_many_threads_all_add_up(store: EventCounts) -> None:
    threads_n, each = 8, 150
    errors: list[BaseException] = []
    start = threading.Barrier(threads_n)

    def worker(n: int) -> None:
        try:
            start.wait()
            for i in range(each):
                surface = list(Surface)[i % len(Surface)]
                store.record(f"p{n % 3}", surface, EventKind.sensitive)
                store.counts(profile_id=f"p{n % 3}")
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(threads_n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sum(c.count for c in store.counts()) == threads_n * each
    assert sum(store.encounters_within(f"p{k}", hours=1) for k in range(3)) == threads_n * each


# -- privacy ------------------------------------------------------------------------------

FILE_NAME = "Mia_Jones_beach_2024.jpg"
PERSON = "Mia Jones"


class _FakeAdvapi32:
    def __init__(self) -> None:
        self.strings: list[str] = []

    def RegisterEventSourceW(self, server: str | None, source: str) -> int:  # noqa: N802
        return 7

    def ReportEventW(self, *args: Any) -> int:  # noqa: N802
        strings, n = args[7], args[5]
        self.strings += [strings[i] for i in range(n)]
        return 1

    def DeregisterEventSource(self, handle: int) -> int:  # noqa: N802
        return 1


class _FanOut:
    """Sends every event to all three platform sinks, each delivering into a fake."""

    def __init__(self, sinks: list[OsLogSink]) -> None:
        self.sinks = sinks
        self.last_error: str | None = None

    def event(self, kind: EventKind, surface: Surface, count: int, profile_id: str) -> None:
        for sink in self.sinks:
            sink.event(kind, surface, count, profile_id)

    def policy_error(self, reason: str) -> None:
        for sink in self.sinks:
            sink.policy_error(reason)

    def tamper(self, reason: str) -> None:
        for sink in self.sinks:
            sink.tamper(reason)


def test_nothing_but_counts_reaches_the_file_or_the_os_log(
    tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    photos = tmp_path / PERSON / "Pictures"
    photos.mkdir(parents=True)
    photo = photos / FILE_NAME
    photo.write_bytes(b"\xff\xd8\xff\xe0 pretend jpeg")
    secrets = [FILE_NAME, str(photo), str(photos), PERSON, "Mia", "Jones", "beach", "Pictures"]

    syslog_lines: list[str] = []
    monkeypatch.setattr("syslog.openlog", lambda **_: None)
    monkeypatch.setattr("syslog.syslog", lambda _priority, message: syslog_lines.append(message))
    socket = tmp_path / "dev-log"
    socket.touch()
    logger_calls: list[list[str]] = []
    advapi = _FakeAdvapi32()
    platforms: list[OsLogSink] = [
        SyslogSink(socket),
        MacLoggerSink(runner=lambda args: logger_calls.append(list(args))),
        WindowsEventLogSink(advapi),
    ]
    fan_out = _FanOut(platforms)

    db = tmp_path / "store" / DB_NAME
    with EventCounts(db, clock=clock, sink=fan_out) as store:
        for kind in EventKind:
            for surface in Surface:
                store.record("c9f1e2a4", surface, kind, count=2)
        for smuggled in (PERSON, str(photo), FILE_NAME):  # refused: not an opaque id
            with pytest.raises(ValueError):
                store.record(smuggled, Surface.viewer, EventKind.sensitive)
        fan_out.tamper(str(photo))
        fan_out.policy_error(f"{FILE_NAME} is bad")
        fan_out.tamper("settings_deleted")
        fan_out.policy_error("unknown_key")
        wal_bytes = b"".join(p.read_bytes() for p in db.parent.iterdir())
    stored = b"".join(p.read_bytes() for p in db.parent.iterdir()) + wal_bytes

    messages = syslog_lines + [call[-1] for call in logger_calls] + advapi.strings
    assert (
        len(syslog_lines)
        == len(logger_calls)
        == len(advapi.strings)
        == len(EventKind) * len(Surface) + 4
    )
    assert all(sink.last_error is None for sink in platforms)
    for secret in secrets:
        for encoded in (secret.encode(), secret.encode("utf-16-le")):
            assert encoded not in stored, secret
        assert not any(secret in message for message in messages), secret

    count_line = re.compile(
        rf"event=({'|'.join(EventKind)}) surface=({'|'.join(Surface)}) count=2 profile=c9f1e2a4"
    )
    reason_line = re.compile(r"event=(tamper|policy_error) reason=[a-z][a-z0-9_]*")
    for message in messages:
        assert count_line.fullmatch(message) or reason_line.fullmatch(message), message
    assert "event=tamper reason=unspecified" in syslog_lines
    assert "event=policy_error reason=unspecified" in syslog_lines
    assert "event=tamper reason=settings_deleted" in syslog_lines
    assert "event=policy_error reason=unknown_key" in syslog_lines

    with sqlite3.connect(db) as conn:
        tables = {
            name: [row[1] for row in conn.execute(f"PRAGMA table_info({name})")]
            for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
    conn.close()
    assert tables == {
        "counts": ["profile_id", "surface", "day", "kind", "count"],
        "encounters": ["profile_id", "at", "count"],
    }
