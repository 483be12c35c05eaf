"""The `status` op: every protected account's health, for an administrator or the PIN only."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from desktop_app.analysis.verdict import AnalyzerUnavailable
from desktop_app.policy.guardian import FREE_ATTEMPTS
from desktop_app.service import protocol as p
from desktop_app.service.handlers import ServiceHandlers
from desktop_app.service.health import NOT_WATCHING, STARTING
from desktop_app.service.paths import MachinePaths
from desktop_app.service.server import Peer
from desktop_app.service.stores import ServiceStores, open_stores
from desktop_app.service.watching import WatchOutcome
from desktop_app.surfaces.quarantine import Quarantine
from tests.helpers.clock import FakeClock
from tests.helpers.service import (
    FAST,
    GUARDIAN_PIN,
    UNDER13_BIRTH_YEAR,
    add_profile,
    set_guardian_pin,
)

# Two accounts every Linux has, given child profiles (the service looks them up in pwd).
WATCHED, BROKEN = "nobody", "daemon"
ROOT = Peer(pid=1, uid=0, gid=0, name="root")
CHILD = Peer(pid=4242, uid=65534, gid=65534, name=WATCHED)
STARTED = datetime(2026, 3, 1, 11, 0, tzinfo=UTC)


class FakeWatch:
    """What MachineWatch tells the health view, chosen by the test."""

    def __init__(self, outcomes: list[WatchOutcome]) -> None:
        self._outcomes = outcomes
        self.failure: AnalyzerUnavailable | None = None
        self.pending = 3

    def outcomes(self) -> list[WatchOutcome]:
        return list(self._outcomes)


@pytest.fixture
def profiles(paths: MachinePaths) -> dict[str, str]:
    made = {name: add_profile(paths, name, UNDER13_BIRTH_YEAR).id for name in (WATCHED, BROKEN)}
    add_profile(paths, "sl-no-such-account-4711", UNDER13_BIRTH_YEAR)
    set_guardian_pin(paths)
    return made


@pytest.fixture
def stores(paths: MachinePaths, profiles: dict[str, str]) -> Iterator[ServiceStores]:
    opened = open_stores(
        paths, policy_dir=paths.root / "no-policy", pin_cost=FAST, clock=FakeClock()
    )
    yield opened
    opened.close()


@pytest.fixture
def handlers(stores: ServiceStores, profiles: dict[str, str]) -> ServiceHandlers:
    quarantine = Quarantine(stores.paths.quarantine)
    for n in range(2):
        quarantine.add_bytes(
            f"put aside {n}".encode(),
            original_path="/home/x/Downloads/a.jpg",
            reason="sensitive",
            surface="share_folders",
            profile_id=profiles[WATCHED],
        )
    made = ServiceHandlers(stores, started_at=STARTED)
    made.show_watch(
        FakeWatch(
            [
                WatchOutcome(profiles[WATCHED], watching=True, folders=2, restarts=2),
                WatchOutcome(
                    profiles[BROKEN],
                    False,
                    2,
                    problem="SafeLens may not read this account's folders.",
                ),
            ]
        )
    )
    return made


def ask(handlers: ServiceHandlers, peer: Peer, **args: Any) -> dict[str, Any]:
    return handlers(peer, p.request("status", **args))


def by_account(reply: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {entry["account"]: entry for entry in reply["accounts"]}


def test_an_administrator_sees_every_protected_account(
    handlers: ServiceHandlers, profiles: dict[str, str]
) -> None:
    reply = ask(handlers, ROOT)
    assert reply["ok"] is True
    assert reply["started_at"] == "2026-03-01T11:00:00+00:00"
    accounts = by_account(reply)
    assert set(accounts) == {WATCHED, BROKEN}
    watched = accounts[WATCHED]
    assert (watched["profile_id"], watched["age_band"], watched["watched"]) == (
        profiles[WATCHED],
        "under13",
        True,
    )
    assert (watched["put_aside"], watched["folders"], watched["problem"]) == (2, 2, None)
    assert (watched["watch_restarts"], reply["watch_restarts_total"]) == (2, 2)
    broken = accounts[BROKEN]
    assert (broken["watched"], broken["put_aside"], broken["watch_restarts"]) == (False, 0, 0)
    assert broken["problem"] == "SafeLens may not read this account's folders."
    assert len(reply["missing_accounts"]) == 1 and reply["put_aside_total"] == 2
    assert (reply["watching"], reply["pending"], reply["checker_problem"]) == (True, 3, None)


def test_a_child_is_forbidden_and_a_claim_to_be_root_changes_nothing(
    handlers: ServiceHandlers,
) -> None:
    for claim in ({}, {"uid": 0}, {"user": "root", "admin": True}):
        reply = ask(handlers, CHILD, **claim)
        assert reply["ok"] is False and reply["error"] == p.FORBIDDEN
        assert "accounts" not in reply


def test_the_guardians_pin_opens_it_from_a_childs_session(handlers: ServiceHandlers) -> None:
    reply = ask(handlers, CHILD, pin=GUARDIAN_PIN)
    assert reply["ok"] is True and set(by_account(reply)) == {WATCHED, BROKEN}


def test_wrong_pins_for_status_are_counted_like_any_other(handlers: ServiceHandlers) -> None:
    for left in range(FREE_ATTEMPTS - 1, -1, -1):
        reply = ask(handlers, CHILD, pin="000000")
        assert reply["error"] == p.WRONG_PIN and reply["tries_left"] == left
    assert ask(handlers, CHILD, pin=GUARDIAN_PIN)["error"] == p.WAIT
    assert ask(handlers, ROOT)["ok"] is True  # an administrator needs no PIN


def test_a_pin_of_the_wrong_type_is_a_bad_argument(handlers: ServiceHandlers) -> None:
    assert ask(handlers, CHILD, pin=482916)["error"] == p.BAD_ARGUMENTS


def test_an_unavailable_checker_is_reported(
    stores: ServiceStores, profiles: dict[str, str]
) -> None:
    watch = FakeWatch([WatchOutcome(profiles[WATCHED], watching=True, folders=1)])
    watch.failure = AnalyzerUnavailable("The detection models are missing or altered.")
    handlers = ServiceHandlers(stores)
    handlers.show_watch(watch)
    reply = ask(handlers, ROOT)
    assert reply["checker_problem"] == "The detection models are missing or altered."


def test_before_and_without_a_watch_no_account_counts_as_watched(stores: ServiceStores) -> None:
    handlers = ServiceHandlers(stores)
    starting = by_account(ask(handlers, ROOT))
    assert all(not a["watched"] and a["problem"] == STARTING for a in starting.values())
    handlers.show_watch(None)
    reply = ask(handlers, ROOT)
    assert reply["watching"] is False
    assert all(a["problem"] == NOT_WATCHING for a in by_account(reply).values())


def test_hello_lists_status(handlers: ServiceHandlers) -> None:
    assert "status" in handlers(CHILD, p.request("hello"))["ops"]
