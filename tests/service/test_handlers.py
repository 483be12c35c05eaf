"""The service's ops: each answers for the asking account only (as the kernel names it)."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.vocabulary import EventKind, Surface
from desktop_app.policy.guardian import FREE_ATTEMPTS
from desktop_app.service import protocol as p
from desktop_app.service.handlers import MAX_COUNT, ServiceHandlers
from desktop_app.service.paths import MachinePaths
from desktop_app.service.server import Peer
from desktop_app.service.stores import ServiceStores, open_stores
from tests.helpers.clock import FakeClock
from tests.helpers.service import (
    FAST,
    GUARDIAN_PIN,
    UNDER13_BIRTH_YEAR,
    add_profile,
    refused,
    set_guardian_pin,
)

CHILD = Peer(pid=4242, uid=61001, gid=61001, name="sl-test-child")
SIBLING = Peer(pid=4243, uid=61002, gid=61002, name="sl-test-sibling")
ADULT = Peer(pid=4244, uid=61003, gid=61003, name="sl-test-adult")
STRANGER = Peer(pid=4245, uid=61004, gid=61004, name=None)
PICTURE = hashlib.sha256(b"a picture the guardian approves").hexdigest()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def stores(paths: MachinePaths, clock: FakeClock) -> Iterator[ServiceStores]:
    add_profile(paths, CHILD.name or "", UNDER13_BIRTH_YEAR)
    add_profile(paths, SIBLING.name or "", UNDER13_BIRTH_YEAR)
    add_profile(paths, ADULT.name or "", None)
    set_guardian_pin(paths)
    opened = open_stores(paths, policy_dir=paths.root / "no-policy", pin_cost=FAST, clock=clock)
    yield opened
    opened.close()


def test_hello_says_machine_mode(ask: Any) -> None:
    reply = ask(CHILD, "hello")
    assert (reply["ok"], reply["protocol"], reply["mode"]) == (True, 1, "machine")


def test_whoami_for_a_child(ask: Any, stores: ServiceStores) -> None:
    reply = ask(CHILD, "whoami")
    assert (reply["account"], reply["protected"], reply["age_band"]) == (
        CHILD.name,
        True,
        "under13",
    )
    child_profile = next(p for p in stores.settings.load().profiles if p.os_user == CHILD.name)
    assert reply["profile_id"] == child_profile.id


def test_whoami_ignores_who_the_message_claims_to_be(ask: Any) -> None:
    honest = ask(CHILD, "whoami")
    for claim in ({"uid": 0}, {"uid": ADULT.uid, "user": ADULT.name}, {"account": ADULT.name}):
        assert ask(CHILD, "whoami", **claim) == honest


def test_whoami_for_an_adult_and_for_an_unknown_uid(ask: Any) -> None:
    adult = ask(ADULT, "whoami")
    assert (adult["protected"], adult["age_band"]) == (False, "adult")
    stranger = ask(STRANGER, "whoami")
    assert (stranger["protected"], stranger["account"]) == (False, f"uid-{STRANGER.uid}")


def test_wrong_pins_count_down_then_wait_and_a_restart_changes_nothing(
    ask: Any, stores: ServiceStores
) -> None:
    for left in range(FREE_ATTEMPTS - 1, -1, -1):
        reply = ask(CHILD, "verify_pin", pin="000000")
        assert refused(reply, p.WRONG_PIN) and reply["tries_left"] == left
    waiting = ask(CHILD, "verify_pin", pin=GUARDIAN_PIN)  # even the right PIN waits
    assert refused(waiting, p.WAIT) and waiting["seconds"] > 0
    restarted = ServiceHandlers(stores)  # a new connection, or the service started again
    again = restarted(CHILD, p.request("verify_pin", pin=GUARDIAN_PIN))
    assert refused(again, p.WAIT)


def test_the_right_pin_verifies_and_never_sends_the_hash(ask: Any, paths: MachinePaths) -> None:
    reply = ask(CHILD, "verify_pin", pin=GUARDIAN_PIN)
    assert reply == p.reply(verified=True)
    stored = (paths.guardian / "guardian-pin.json").read_text()
    assert "scrypt$" in stored and "scrypt" not in str(reply)


def test_no_pin_set_is_said_plainly(paths: MachinePaths, clock: FakeClock) -> None:
    add_profile(paths, CHILD.name or "", UNDER13_BIRTH_YEAR)  # set up, but no PIN yet
    stores = open_stores(paths, policy_dir=paths.root / "none", pin_cost=FAST, clock=clock)
    try:
        reply = ServiceHandlers(stores)(CHILD, p.request("verify_pin", pin=GUARDIAN_PIN))
    finally:
        stores.close()
    assert refused(reply, p.NO_PIN) and reply["status"] == "not_set"


def test_approve_file_remembers_those_bytes_for_the_asking_child_only(ask: Any) -> None:
    assert ask(CHILD, "is_approved", sha256=PICTURE)["approved"] is False
    assert ask(CHILD, "approve_file", pin=GUARDIAN_PIN, sha256=PICTURE) == p.reply(approved=True)
    assert ask(CHILD, "is_approved", sha256=PICTURE.upper())["approved"] is True
    assert ask(SIBLING, "is_approved", sha256=PICTURE)["approved"] is False
    other = hashlib.sha256(b"another picture").hexdigest()
    assert ask(CHILD, "is_approved", sha256=other)["approved"] is False


def test_approve_file_with_a_wrong_pin_approves_nothing(ask: Any) -> None:
    reply = ask(CHILD, "approve_file", pin="111111", sha256=PICTURE)
    assert refused(reply, p.WRONG_PIN) and reply["tries_left"] == FREE_ATTEMPTS - 1
    assert ask(CHILD, "is_approved", sha256=PICTURE)["approved"] is False


def test_approve_file_cannot_be_aimed_at_another_account(ask: Any) -> None:
    ask(CHILD, "approve_file", pin=GUARDIAN_PIN, sha256=PICTURE, uid=SIBLING.uid, user="x")
    assert ask(SIBLING, "is_approved", sha256=PICTURE)["approved"] is False
    assert ask(CHILD, "is_approved", sha256=PICTURE)["approved"] is True


def test_an_unprotected_account_has_nothing_to_approve(ask: Any) -> None:
    assert refused(ask(ADULT, "approve_file", pin=GUARDIAN_PIN, sha256=PICTURE), p.NOT_PROTECTED)
    assert refused(ask(STRANGER, "record", surface="viewer", kind="sensitive"), p.NOT_PROTECTED)


def test_record_counts_for_the_asking_child(ask: Any, stores: ServiceStores) -> None:
    assert ask(CHILD, "record", surface="viewer", kind="sensitive", count=3)["ok"] is True
    child_id = ask(CHILD, "whoami")["profile_id"]
    counts = stores.events.counts()
    assert [(c.profile_id, c.surface, c.kind, c.count) for c in counts] == [
        (child_id, Surface.viewer, EventKind.sensitive, 3)
    ]


@pytest.mark.parametrize(
    "args",
    [
        {"surface": "elsewhere", "kind": "sensitive"},
        {"surface": "viewer", "kind": "deleted_everything"},
        {"surface": 1, "kind": "sensitive"},
        {"surface": "viewer", "kind": "sensitive", "count": 0},
        {"surface": "viewer", "kind": "sensitive", "count": MAX_COUNT + 1},
        {"surface": "viewer", "kind": "sensitive", "count": True},
        {"surface": "viewer", "kind": "sensitive", "count": 1.5},
        {"surface": "viewer", "kind": "sensitive", "count": "2"},
    ],
)
def test_record_refuses_wrong_arguments(ask: Any, stores: ServiceStores, args: Any) -> None:
    assert refused(ask(CHILD, "record", **args), p.BAD_ARGUMENTS)
    assert stores.events.counts() == []


@pytest.mark.parametrize(
    ("op", "args"),
    [
        ("verify_pin", {}),
        ("verify_pin", {"pin": 123456}),
        ("verify_pin", {"pin": ""}),
        ("verify_pin", {"pin": "1" * 5000}),
        ("is_approved", {"sha256": "not-a-digest"}),
        ("is_approved", {"sha256": ["a" * 64]}),
        ("approve_file", {"pin": GUARDIAN_PIN}),
        ("approve_file", {"pin": GUARDIAN_PIN, "sha256": "g" * 64}),
    ],
)
def test_wrong_arguments_are_refused_without_counting_a_try(
    ask: Any, stores: ServiceStores, op: str, args: Any
) -> None:
    assert refused(ask(CHILD, op, **args), p.BAD_ARGUMENTS)
    assert stores.pin.tries_left() == FREE_ATTEMPTS


@pytest.mark.parametrize("op", ["", "restore_to", "__init__", "ask", None, 5, ["whoami"]])
def test_unknown_ops_are_refused(stores: ServiceStores, op: Any) -> None:
    reply = ServiceHandlers(stores)(CHILD, {"v": 1, "op": op})
    assert refused(reply, p.UNKNOWN_OP)


def test_put_aside_lists_only_the_childs_own_entries_without_paths(
    ask: Any, stores: ServiceStores
) -> None:
    child_id = ask(CHILD, "whoami")["profile_id"]
    sibling_id = ask(SIBLING, "whoami")["profile_id"]
    q = stores.quarantine
    own = q.add_bytes(
        b"one",
        original_path="/home/c/secret.jpg",
        reason="sensitive",
        surface="share_folders",
        profile_id=child_id,
    )
    q.add_bytes(
        b"two",
        original_path="/home/s/x.jpg",
        reason="sensitive",
        surface="viewer",
        profile_id=sibling_id,
    )
    q.add_bytes(b"three", original_path="/x.jpg", reason="could_not_check", surface="viewer")
    reply = ask(CHILD, "put_aside", profile_id=sibling_id)
    assert reply["entries"] == [
        {
            "id": own.id,
            "when": own.quarantined_at,
            "surface": "share_folders",
            "reason": "sensitive",
        }
    ]
    assert "secret" not in str(reply) and "/home" not in str(reply)
    assert ask(ADULT, "put_aside")["entries"] == []


def test_a_store_that_cannot_be_read_is_unavailable_not_a_crash(
    ask: Any, paths: MachinePaths
) -> None:
    (paths.approvals / "approvals.json").mkdir()  # a folder where the list should be
    reply = ask(CHILD, "approve_file", pin=GUARDIAN_PIN, sha256=PICTURE)
    assert refused(reply, p.UNAVAILABLE)
    assert os.path.isdir(paths.approvals / "approvals.json")


def _put_aside_in(folder: Path, stores: ServiceStores, profile_id: str) -> tuple[Path, str]:
    folder.mkdir(parents=True, exist_ok=True)
    photo = folder / "photo.jpg"
    photo.write_bytes(b"bytes the guardian looks at and lets through")
    entry = stores.quarantine.add(
        photo, reason="sensitive", surface="share_folders", profile_id=profile_id
    )
    assert not photo.exists()
    return photo, entry.id


def test_restore_with_the_guardians_pin_puts_the_file_back_approved_for_its_child(
    ask: Any, stores: ServiceStores, tmp_path: Path
) -> None:
    child_id = ask(CHILD, "whoami")["profile_id"]
    photo, entry_id = _put_aside_in(tmp_path / "Downloads", stores, child_id)
    reply = ask(CHILD, "restore", pin=GUARDIAN_PIN, id=entry_id)
    assert reply == {"v": 1, "ok": True, "done": True}
    assert photo.read_bytes() == b"bytes the guardian looks at and lets through"
    digest = hashlib.sha256(photo.read_bytes()).hexdigest()
    assert ask(CHILD, "is_approved", sha256=digest)["approved"] is True  # the next pass keeps it
    assert ask(SIBLING, "is_approved", sha256=digest)["approved"] is False
    assert stores.quarantine.entries() == []


def test_restore_and_delete_with_a_wrong_pin_change_nothing(
    ask: Any, stores: ServiceStores, tmp_path: Path
) -> None:
    child_id = ask(CHILD, "whoami")["profile_id"]
    photo, entry_id = _put_aside_in(tmp_path / "Downloads", stores, child_id)
    assert refused(ask(CHILD, "restore", pin="000000", id=entry_id), p.WRONG_PIN)
    assert refused(ask(CHILD, "delete", pin="000000", id=entry_id), p.WRONG_PIN)
    assert not photo.exists()
    assert [e.id for e in stores.quarantine.entries()] == [entry_id]


def test_restore_never_takes_a_folder_from_the_session(
    ask: Any, stores: ServiceStores, tmp_path: Path
) -> None:
    child_id = ask(CHILD, "whoami")["profile_id"]
    photo, entry_id = _put_aside_in(tmp_path / "Downloads", stores, child_id)
    elsewhere = tmp_path / "etc"
    elsewhere.mkdir()
    reply = ask(CHILD, "restore", pin=GUARDIAN_PIN, id=entry_id, to=str(elsewhere))
    assert reply["ok"] is True
    assert photo.exists() and list(elsewhere.iterdir()) == []


def test_delete_with_the_pin_removes_the_file_for_good(
    ask: Any, stores: ServiceStores, tmp_path: Path
) -> None:
    child_id = ask(CHILD, "whoami")["profile_id"]
    photo, entry_id = _put_aside_in(tmp_path / "Downloads", stores, child_id)
    assert ask(CHILD, "delete", pin=GUARDIAN_PIN, id=entry_id)["ok"] is True
    assert stores.quarantine.entries() == [] and not photo.exists()
    gone = ask(CHILD, "restore", pin=GUARDIAN_PIN, id=entry_id)
    assert refused(gone, "entry_gone")
