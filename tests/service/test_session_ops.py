"""The session agents' ops: policy, notices (long-poll), ack, hello/goodbye, and `status`."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.vocabulary import EventKind, Surface
from desktop_app.service import protocol as p
from desktop_app.service.handlers import ServiceHandlers
from desktop_app.service.paths import MachinePaths
from desktop_app.service.server import Peer
from desktop_app.service.session_ops import MAX_WAIT_S, SessionOps, with_session_ops
from desktop_app.service.sessions import ALIVE_S, SessionBook
from desktop_app.service.stores import ServiceStores, open_stores
from desktop_app.surfaces.quarantine import QuarantineReason
from tests.helpers.service import (
    FAST,
    UNDER13_BIRTH_YEAR,
    add_profile,
    machine_paths,
    set_guardian_pin,
)

# Two accounts every Linux has, given child profiles (`status` looks them up in pwd).
CHILD = Peer(pid=4242, uid=65534, gid=65534, name="nobody")
SIBLING = Peer(pid=4243, uid=1, gid=1, name="daemon")
ADULT = Peer(pid=4244, uid=61003, gid=61003, name="sl-test-adult")


@pytest.fixture
def paths(tmp_path: Path) -> MachinePaths:
    return machine_paths(tmp_path)


@pytest.fixture
def keys(paths: MachinePaths) -> dict[str, str]:
    return {
        peer.name or "": add_profile(paths, peer.name or "", UNDER13_BIRTH_YEAR).id
        for peer in (CHILD, SIBLING)
    }


@pytest.fixture
def stores(paths: MachinePaths, keys: dict[str, str]) -> Iterator[ServiceStores]:
    add_profile(paths, ADULT.name or "", None)
    set_guardian_pin(paths)
    opened = open_stores(paths, policy_dir=paths.root / "no-policy", pin_cost=FAST)
    yield opened
    opened.close()


class Alive:
    """Which pids the fake process table says are running."""

    def __init__(self) -> None:
        self.pids: set[int] = {CHILD.pid, SIBLING.pid, ADULT.pid}

    def __call__(self, pid: int, start: str | None) -> bool:
        return pid in self.pids


@pytest.fixture
def alive() -> Alive:
    return Alive()


@pytest.fixture
def session(stores: ServiceStores, alive: Alive) -> SessionOps:
    made = SessionOps(stores)
    made.book = SessionBook(made._vanished, alive=alive, started=lambda _pid: "1")
    return made


@pytest.fixture
def handlers(stores: ServiceStores, session: SessionOps) -> ServiceHandlers:
    made = ServiceHandlers(stores)
    made.add_ops(session.ops())
    made.show_sessions(session.book)
    return made


@pytest.fixture
def ask(handlers: ServiceHandlers) -> Any:
    return lambda peer, op, **args: handlers(peer, p.request(op, **args))


def put_aside(stores: ServiceStores, key: str, name: str = "beach.jpg") -> str:
    entry = stores.quarantine.add_bytes(
        b"the child's own bytes " + name.encode(),
        original_path=f"/home/child/Downloads/{name}",
        reason=QuarantineReason.sensitive,
        surface=Surface.share_folders,
        profile_id=key,
    )
    return entry.id


def tampers(stores: ServiceStores, key: str) -> int:
    return sum(c.count for c in stores.events.counts(key) if c.kind is EventKind.tamper)


# --- policy -------------------------------------------------------------------------------


def test_policy_is_the_asking_childs_own(ask: Any, keys: dict[str, str]) -> None:
    reply = ask(CHILD, "policy", user="sl-test-adult", uid=ADULT.uid)
    profile = reply["profile"]
    assert (profile["age_band"], profile["protected"], profile["key"]) == (
        "under13",
        True,
        keys[CHILD.name or ""],
    )
    assert reply["settings"]["view_policy.under13"]["value"] == "guardian_approval"
    assert reply["recent_encounters"] == 0
    assert "scrypt" not in str(reply)  # never the PIN's hash


def test_policy_for_an_adult_is_unprotected(ask: Any) -> None:
    profile = ask(ADULT, "policy")["profile"]
    assert (profile["protected"], profile["age_band"]) == (False, "adult")


def test_policy_counts_the_childs_recent_encounters(
    ask: Any, stores: ServiceStores, keys: dict[str, str]
) -> None:
    stores.events.record(keys[CHILD.name or ""], Surface.share_folders, EventKind.sensitive, 2)
    assert ask(CHILD, "policy")["recent_encounters"] == 2
    assert ask(SIBLING, "policy")["recent_encounters"] == 0


# --- notices ------------------------------------------------------------------------------


def test_notices_are_the_askers_own_with_kind_and_name(
    ask: Any, stores: ServiceStores, keys: dict[str, str]
) -> None:
    entry_id = put_aside(stores, keys[CHILD.name or ""], "beach.jpg")
    put_aside(stores, keys[SIBLING.name or ""], "other.mp4")
    reply = ask(CHILD, "notices", wait=0)
    assert [(n["id"], n["kind"], n["name"], n["held"]) for n in reply["notices"]] == [
        (entry_id, "picture", "beach.jpg", False)
    ]
    assert "/home" not in str(reply)
    sibling = ask(SIBLING, "notices", wait=0)["notices"]
    assert [n["kind"] for n in sibling] == ["video"]
    assert ask(ADULT, "notices", wait=0)["notices"] == []


def test_notices_after_a_cursor_are_only_the_new_ones(
    ask: Any, stores: ServiceStores, keys: dict[str, str]
) -> None:
    key = keys[CHILD.name or ""]
    put_aside(stores, key, "one.jpg")
    cursor = ask(CHILD, "notices", wait=0)["cursor"]
    assert ask(CHILD, "notices", after=cursor, wait=0)["notices"] == []
    put_aside(stores, key, "two.png")
    assert [n["name"] for n in ask(CHILD, "notices", after=cursor, wait=0)["notices"]] == [
        "two.png"
    ]


def test_a_long_poll_wakes_when_the_watch_puts_something_aside(
    ask: Any, stores: ServiceStores, keys: dict[str, str], session: SessionOps
) -> None:
    key = keys[CHILD.name or ""]
    cursor = ask(CHILD, "notices", wait=0)["cursor"]
    replies: list[dict[str, Any]] = []
    poll = threading.Thread(
        target=lambda: replies.append(ask(CHILD, "notices", after=cursor, wait=MAX_WAIT_S))
    )
    poll.start()
    put_aside(stores, key, "arrived.jpg")
    session.board.put_aside(key)
    poll.join(timeout=60)
    assert [n["name"] for n in replies[0]["notices"]] == ["arrived.jpg"]


def test_ack_is_the_shown_until_mark_and_only_moves_forwards(
    ask: Any, stores: ServiceStores, keys: dict[str, str], paths: MachinePaths
) -> None:
    key = keys[CHILD.name or ""]
    put_aside(stores, key, "one.jpg")
    first = ask(CHILD, "notices", wait=0)["cursor"]
    put_aside(stores, key, "two.jpg")
    second = ask(CHILD, "notices", after=first, wait=0)["cursor"]
    assert ask(CHILD, "ack", cursor=second)["shown_until"] == second
    assert ask(CHILD, "ack", cursor=first)["shown_until"] == second  # never back
    assert ask(CHILD, "notices", wait=0)["notices"] == []  # nothing new since the mark
    mark = paths.sessions / f"shown-{key}.json"
    assert mark.stat().st_mode & 0o077 == 0
    assert ask(SIBLING, "notices", wait=0)["shown_until"] is None
    assert ask(CHILD, "ack", cursor="9999|zzz")["shown_until"] == second  # not past the latest
    put_aside(stores, key, "three.jpg")
    assert [n["name"] for n in ask(CHILD, "notices", wait=0)["notices"]] == ["three.jpg"]


def test_session_start_says_how_many_were_put_aside_while_away(
    ask: Any, stores: ServiceStores, keys: dict[str, str]
) -> None:
    key = keys[CHILD.name or ""]
    put_aside(stores, key, "one.jpg")
    put_aside(stores, key, "two.jpg")
    assert ask(CHILD, "session_start")["put_aside_while_away"] == 2
    ask(CHILD, "ack", cursor=ask(CHILD, "notices", wait=0)["cursor"])
    assert ask(CHILD, "session_start")["put_aside_while_away"] == 0


@pytest.mark.parametrize(
    "args",
    [
        {"wait": MAX_WAIT_S + 1},
        {"wait": -1},
        {"wait": "5"},
        {"wait": True},
        {"after": 5},
        {"after": "x" * 201},
    ],
)
def test_notices_refuse_bad_arguments(ask: Any, args: dict[str, Any]) -> None:
    reply = ask(CHILD, "notices", **args)
    assert (reply["ok"], reply["error"]) == (False, p.BAD_ARGUMENTS)


# --- sessions -----------------------------------------------------------------------------


def _client(reply: dict[str, Any], account: str) -> dict[str, Any]:
    return next(a for a in reply["accounts"] if a["account"] == account)


def test_status_shows_a_running_agent_and_a_goodbye(ask: Any) -> None:
    ask(CHILD, "session_start")
    running = _client(ask(ADULT, "status", pin="482916"), CHILD.name or "")
    assert (running["client_running"], running["client_ended"]) == (True, None)
    assert ask(CHILD, "session_end")["said_goodbye"] is True
    stopped = _client(ask(ADULT, "status", pin="482916"), CHILD.name or "")
    assert (stopped["client_running"], stopped["client_ended"]) == (False, "said_goodbye")
    assert stopped["client_stopped"] is not None
    never = _client(ask(ADULT, "status", pin="482916"), SIBLING.name or "")
    assert (never["client_running"], never["client_started"]) == (False, None)


def test_only_the_process_that_said_hello_may_say_goodbye(
    ask: Any, stores: ServiceStores, keys: dict[str, str], alive: Alive
) -> None:
    ask(CHILD, "session_start")
    forger = replace(CHILD, pid=9999)
    alive.pids.add(forger.pid)
    assert ask(forger, "session_end")["said_goodbye"] is False
    alive.pids.discard(CHILD.pid)  # the agent is killed
    reply = _client(ask(ADULT, "status", pin="482916"), CHILD.name or "")
    assert (reply["client_running"], reply["client_ended"]) == (False, "vanished")
    assert tampers(stores, keys[CHILD.name or ""]) == 1
    assert reply["tamper_events"] == 1


def test_a_vanished_agent_is_counted_once(
    ask: Any, stores: ServiceStores, keys: dict[str, str], alive: Alive, session: SessionOps
) -> None:
    ask(CHILD, "session_start")
    alive.pids.discard(CHILD.pid)
    session.book.sweep()
    session.book.sweep()
    ask(ADULT, "status", pin="482916")
    assert tampers(stores, keys[CHILD.name or ""]) == 1
    assert tampers(stores, keys[SIBLING.name or ""]) == 0
    alive.pids.add(CHILD.pid)  # a new agent (same pid number, for the fake)
    ask(CHILD, "session_start")
    assert _client(ask(ADULT, "status", pin="482916"), CHILD.name or "")["client_running"]


def test_a_new_agent_finds_the_old_one_vanished(
    ask: Any, stores: ServiceStores, keys: dict[str, str], alive: Alive
) -> None:
    ask(CHILD, "session_start")
    alive.pids.discard(CHILD.pid)
    restarted = replace(CHILD, pid=5555)
    alive.pids.add(restarted.pid)
    ask(restarted, "session_start")
    assert tampers(stores, keys[CHILD.name or ""]) == 1
    assert _client(ask(ADULT, "status", pin="482916"), CHILD.name or "")["client_running"]


def test_a_silent_agent_vanishes_after_the_alive_window(stores: ServiceStores) -> None:
    vanished: list[str] = []
    now = [0.0]
    book = SessionBook(
        lambda record: vanished.append(record.account),
        monotonic=lambda: now[0],
        alive=lambda _pid, _start: True,
        started=lambda _pid: None,
    )
    book.start("kid", "k1", 1)
    now[0] = ALIVE_S - 1
    book.sweep()
    assert vanished == []
    book.seen("kid", "k1", 1, polling=1)  # a poll in flight keeps it alive however long
    now[0] += 10 * ALIVE_S
    book.sweep()
    assert vanished == []
    book.seen("kid", "k1", 1, polling=-1)
    now[0] += ALIVE_S + 1
    book.sweep()
    assert vanished == ["kid"]


def test_a_poll_ending_after_a_goodbye_does_not_start_it_again() -> None:
    book = SessionBook(lambda _r: None, alive=lambda _p, _s: True, started=lambda _p: None)
    book.start("kid", "k1", 1)
    book.seen("kid", "k1", 1, polling=1)
    assert book.end("kid", 1)
    book.seen("kid", "k1", 1, polling=-1)
    assert book.describe("kid")["client_running"] is False


def test_the_daemon_registers_the_session_ops(stores: ServiceStores) -> None:
    handlers = ServiceHandlers(stores)
    with_session_ops(handlers, stores)
    assert {"policy", "notices", "ack", "session_start", "session_end"} <= set(
        handlers(CHILD, p.request("hello"))["ops"]
    )


def test_a_last_poll_after_the_goodbye_does_not_start_it_again() -> None:
    book = SessionBook(lambda _r: None, alive=lambda _p, _s: True, started=lambda _p: None)
    book.start("kid", "k1", 1)
    assert book.end("kid", 1)
    book.seen("kid", "k1", 1, polling=1)  # the agent's thread was between two polls
    assert book.describe("kid")["client_running"] is False
    book.start("kid", "k1", 1)  # an explicit hello starts it again
    assert book.describe("kid")["client_running"] is True


def test_a_poll_read_after_its_agent_was_killed_does_not_count_it_twice() -> None:
    """The kill lands while a request of the agent is still in the socket: the service reads
    it after the agent was already counted as vanished, and must not start it again (seen in
    the real-account test on a busy machine: two tamper counts for one kill)."""
    vanished: list[str] = []
    living = {1}
    book = SessionBook(
        lambda record: vanished.append(record.account),
        alive=lambda pid, _start: pid in living,
        started=lambda _pid: "1",
    )
    book.start("kid", "k1", 1)
    living.clear()  # SIGKILL
    book.sweep()
    assert vanished == ["kid"]
    book.seen("kid", "k1", 1, polling=1)  # its last poll, read late
    book.start("kid", "k1", 1)  # or a hello, read late
    book.sweep()
    assert vanished == ["kid"]
    assert book.describe("kid")["client_running"] is False
