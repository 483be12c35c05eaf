"""MachineWatch: every protected account's folders, with the service's quarantine."""

from __future__ import annotations

import errno
import os
import stat
import sys
import threading
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from desktop_app import SensitivityAnalyzer
from desktop_app.analysis import testpattern
from desktop_app.core.background import BACKGROUND_IO, BACKGROUND_NICE, io_priority
from desktop_app.policy.approvals import Approvals
from desktop_app.policy.managed import ManagedPolicy
from desktop_app.policy.store import StoreState
from desktop_app.service import watching
from desktop_app.service.accounts import ProtectedAccount, protected_accounts
from desktop_app.service.watching import MachineWatch
from desktop_app.surfaces.folder_watch import ShareFolderWatch, WatchTiming
from desktop_app.surfaces.quarantine import Quarantine
from desktop_app.surfaces.quarantine_entry import QuarantineEntry
from desktop_app.surfaces.share_folders import FolderEventKind
from tests.helpers import media
from tests.helpers.accounts import Accounts, child, state_with
from tests.helpers.share_folders import sha256

NOW = datetime(2026, 6, 1, tzinfo=UTC)
FAST = WatchTiming(settle_s=0.3, poll_s=0.05, rescan_s=3600)
WAIT_S = 120.0  # a generous bound for a wait, never a timing assertion


class Counts:
    """Stands in for safety.events.EventCounts: keeps what record() was given."""

    def __init__(self) -> None:
        self.records: list[tuple[str, str, str]] = []

    def record(self, profile_id: str, surface: Any, kind: Any, count: int = 1) -> None:
        self.records.append((profile_id, str(surface), str(kind)))


class Family:
    """Two children's homes (temp folders), the guardian's settings and the service's folders."""

    def __init__(self, base: Path) -> None:
        self.os = Accounts(base / "home")
        self.ana_home = self.os.add("ana")
        self.ben_home = self.os.add("ben")
        self.ana = child("Ana", "ana", 2017, NOW)
        self.ben = child("Ben", "ben", 2012, NOW)
        self.state: StoreState = state_with(self.ana, self.ben)
        self.service = base / "service"
        self.quarantine = Quarantine(self.service / "quarantine")
        self.index_folder = self.service / "watching"
        self.index_folder.mkdir(parents=True, mode=0o700)
        self.counts = Counts()
        self.approvals = Approvals(self.service / "approvals")
        self.put_aside: list[tuple[ProtectedAccount, QuarantineEntry]] = []
        self.noticed = threading.Event()
        self.unreadable = False
        self.priority: tuple[int, tuple[int, int] | None] | None = None

    def accounts(self) -> Sequence[ProtectedAccount]:
        if self.unreadable:
            raise OSError(errno.EIO, "the settings cannot be read")
        return protected_accounts(self.state, ManagedPolicy(), NOW, lookup=self.os)

    def notice(self, account: ProtectedAccount, entry: QuarantineEntry) -> None:
        self.priority = (os.getpriority(os.PRIO_PROCESS, 0), io_priority())  # this thread's
        self.put_aside.append((account, entry))
        self.noticed.set()

    def watch(self, analyzer: SensitivityAnalyzer) -> MachineWatch:
        return MachineWatch(
            analyzer,
            self.quarantine,
            accounts=self.accounts,
            index_folder=self.index_folder,
            counts=self.counts,
            approvals=self.approvals,
            on_put_aside=self.notice,
            timing=FAST,
        )


@pytest.fixture
def family(tmp_path: Path) -> Family:
    return Family(tmp_path)


@pytest.fixture
def machine(family: Family, analyzer: SensitivityAnalyzer) -> Iterator[MachineWatch]:
    watch = family.watch(analyzer)
    yield watch
    watch.stop()


def photo(path: Path) -> Path:
    return media.save(media.people_photos()["astronaut"], path, quality=90)


def test_a_pattern_in_one_childs_folder_is_put_aside_for_that_child_only(
    family: Family, machine: MachineWatch
) -> None:
    pattern = testpattern.write_image(family.ana_home / "Downloads" / "pattern.png")
    ana_photo = photo(family.ana_home / "Downloads" / "trip.jpg")
    ben_photo = photo(family.ben_home / "Downloads" / "trip.jpg")

    events = machine.run_once()

    assert {a.profile_id for a in machine.accounts} == {family.ana.id, family.ben.id}
    assert not pattern.exists()
    assert ana_photo.exists() and ben_photo.exists()
    (entry,) = family.quarantine.entries()
    assert entry.profile_id == family.ana.id
    assert entry.original_path == str(pattern)
    kinds = {e.event for e in events[family.ana.id]}
    assert FolderEventKind.QUARANTINED in kinds
    assert {e.event for e in events[family.ben.id]} == {FolderEventKind.CHECKED}
    assert [(a.profile_id, e.id) for a, e in family.put_aside] == [(family.ana.id, entry.id)]
    assert family.counts.records == [(family.ana.id, "share_folders", "sensitive")]


def test_what_is_put_aside_and_the_indexes_stay_in_the_services_folders(
    family: Family, machine: MachineWatch
) -> None:
    testpattern.write_image(family.ana_home / "Downloads" / "pattern.png")
    photo(family.ben_home / "Downloads" / "trip.jpg")
    machine.run_once()

    root = family.quarantine.root
    assert stat.S_IMODE(root.stat().st_mode) == 0o700
    assert root.stat().st_uid == os.geteuid()
    assert not root.is_relative_to(family.ana_home)
    assert len(list(family.index_folder.glob("*.json"))) == 2  # one index per account
    for home in (family.ana_home, family.ben_home):
        left = sorted(p.name for p in home.rglob("*"))
        assert left in (["Downloads"], ["Downloads", "trip.jpg"])  # nothing of SafeLens'


def test_approvals_are_those_of_the_account_whose_folder_it_is(
    family: Family, machine: MachineWatch
) -> None:
    ana_copy = testpattern.write_image(family.ana_home / "Downloads" / "pattern.png")
    ben_copy = testpattern.write_image(family.ben_home / "Downloads" / "pattern.png")
    family.approvals.remember(sha256(ben_copy), family.ben.id)  # for Ben, not for Ana

    machine.run_once()

    assert ben_copy.exists()
    assert not ana_copy.exists()
    assert [e.profile_id for e in family.quarantine.entries()] == [family.ana.id]


def test_one_accounts_broken_folder_leaves_the_other_watched(
    family: Family, machine: MachineWatch
) -> None:
    broken = family.ana_home / "Downloads"
    broken.rmdir()
    broken.write_text("not a folder")  # Ana's share folder cannot be read at all
    pattern = testpattern.write_image(family.ben_home / "Downloads" / "pattern.png")

    machine.run_once()

    assert not pattern.exists()
    outcomes = {o.profile_id: o for o in machine.outcomes()}
    assert outcomes[family.ana.id].unavailable >= 1
    assert outcomes[family.ben.id].unavailable < outcomes[family.ben.id].folders
    assert outcomes[family.ben.id].ok


def test_a_watch_that_cannot_start_is_that_accounts_outcome_only(
    family: Family, analyzer: SensitivityAnalyzer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """E.g. the OS's limit of watched folders reached while starting Ana's watch."""

    class NoWatchesLeft(ShareFolderWatch):
        def start(self, watch_events: bool = True) -> None:
            if self.handling.profile_id == family.ana.id:
                raise OSError(errno.ENOSPC, "inotify watch limit reached")
            super().start(watch_events)

    monkeypatch.setattr(watching, "ShareFolderWatch", NoWatchesLeft)
    machine = family.watch(analyzer)
    pattern = testpattern.write_image(family.ben_home / "Downloads" / "pattern.png")
    machine.start()
    try:
        assert family.noticed.wait(WAIT_S), "Ben's folder was not watched"
    finally:
        machine.stop()
    assert not pattern.exists()
    assert [a.profile_id for a, _ in family.put_aside] == [family.ben.id]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread priority: Linux")
def test_the_watch_threads_walk_hash_and_move_at_background_priority(
    family: Family, machine: MachineWatch
) -> None:
    testpattern.write_image(family.ben_home / "Downloads" / "pattern.png")
    machine.start()
    assert family.noticed.wait(WAIT_S), "nothing was put aside"
    assert family.priority == (BACKGROUND_NICE, BACKGROUND_IO)
    assert os.getpriority(os.PRIO_PROCESS, 0) < BACKGROUND_NICE  # the caller's thread is not


def test_outcomes_say_which_account_could_not_be_watched(
    family: Family, analyzer: SensitivityAnalyzer, monkeypatch: pytest.MonkeyPatch
) -> None:
    class NoWatchesLeft(ShareFolderWatch):
        def start(self, watch_events: bool = True) -> None:
            if self.handling.profile_id == family.ana.id:
                raise OSError(errno.ENOSPC, "/home/ana/Downloads: inotify watch limit reached")
            super().start(watch_events)

    monkeypatch.setattr(watching, "ShareFolderWatch", NoWatchesLeft)
    machine = family.watch(analyzer)
    machine.start()
    try:
        outcomes = {o.profile_id: o for o in machine.outcomes()}
    finally:
        machine.stop()
    assert not outcomes[family.ana.id].watching
    assert outcomes[family.ana.id].problem is not None
    assert "ana" not in outcomes[family.ana.id].problem  # no paths or names in outcomes
    assert outcomes[family.ben.id].ok


def test_reload_picks_up_a_new_child_and_drops_a_removed_one(
    family: Family, machine: MachineWatch
) -> None:
    family.state = state_with(family.ana)
    machine.run_once()
    assert [a.profile_id for a in machine.accounts] == [family.ana.id]
    pattern = testpattern.write_image(family.ben_home / "Downloads" / "pattern.png")
    machine.run_once()
    assert pattern.exists(), "Ben has no profile yet: his folder is not watched"

    family.state = state_with(family.ana, family.ben)  # the guardian adds Ben
    machine.reload()
    machine.run_once()

    assert [a.profile_id for a in machine.accounts] == [family.ana.id, family.ben.id]
    assert machine.pending == 0  # run_once waited for every file of both accounts
    assert not pattern.exists()
    assert [e.profile_id for e in family.quarantine.entries()] == [family.ben.id]

    family.state = state_with(family.ben)  # Ana's profile removed
    machine.reload()
    assert [a.profile_id for a in machine.accounts] == [family.ben.id]


def test_accounts_that_cannot_be_read_keep_what_is_watched(
    family: Family, machine: MachineWatch
) -> None:
    machine.run_once()
    before = machine.accounts
    family.unreadable = True
    machine.reload()
    assert machine.accounts == before and len(before) == 2


class WatchKilled(SystemExit):
    """Ends a watch thread the way nothing inside it can catch (threading stays quiet)."""


# The test kills a watch thread on purpose; pytest reports any thread that ends by an exception.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
def test_a_watch_that_dies_is_restarted_counted_and_keeps_protecting(
    family: Family, analyzer: SensitivityAnalyzer
) -> None:
    machine = MachineWatch(
        analyzer,
        family.quarantine,
        accounts=family.accounts,
        index_folder=family.index_folder,
        on_put_aside=family.notice,
        timing=FAST,
        supervise_s=0.05,
    )
    machine.start()
    try:
        dying = next(w.watch for w in machine._watches.values() if w.account.user == "ana")
        assert dying is not None and dying.alive

        def killed(now: float, look: bool = True) -> list[Any]:
            raise WatchKilled()

        setattr(dying, "_pass", killed)  # noqa: B010 - the loop calls self._pass
        dying.rescan()  # wakes its loop, which dies at once
        wait_until(lambda: not dying.alive, "the watch thread to die")
        wait_until(lambda: outcome(machine, family.ana.id).restarts == 1, "the restart")
        ana = outcome(machine, family.ana.id)
        assert ana.watching and ana.ok
        assert outcome(machine, family.ben.id).restarts == 0
        pattern = testpattern.write_image(family.ana_home / "Downloads" / "after.png")
        assert family.noticed.wait(WAIT_S), "nothing was put aside after the restart"
        assert not pattern.exists()
    finally:
        machine.stop()


def test_a_dead_watch_is_not_reported_as_watching_and_restarts_back_off(
    family: Family, analyzer: SensitivityAnalyzer
) -> None:
    machine = MachineWatch(
        analyzer,
        family.quarantine,
        accounts=family.accounts,
        index_folder=family.index_folder,
        timing=FAST,
        supervise_s=3600,  # supervised by hand below
    )
    machine.start()
    try:
        for restarts in range(3):
            watched = machine._watches[family.ana.id]
            assert watched.watch is not None
            watched.watch.stop()  # as good as dead: its thread has ended
            ana = outcome(machine, family.ana.id)
            assert not ana.watching and ana.problem == watching.STOPPED
            now = 1000.0 * (restarts + 1)
            machine.supervise(now)  # noticed: the pause starts
            pause = watching.RESTART_AFTER_S * 2**restarts
            machine.supervise(now + pause * 0.9)
            assert outcome(machine, family.ana.id).restarts == restarts  # not yet
            machine.supervise(now + pause)
            assert outcome(machine, family.ana.id).restarts == restarts + 1
            assert outcome(machine, family.ana.id).watching
    finally:
        machine.stop()


def outcome(machine: MachineWatch, profile_id: str) -> watching.WatchOutcome:
    return next(o for o in machine.outcomes() if o.profile_id == profile_id)


def wait_until(condition: Any, what: str) -> None:
    import time

    deadline = time.monotonic() + WAIT_S
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.02)
