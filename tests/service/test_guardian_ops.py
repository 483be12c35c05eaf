"""The guardian's session over the service: a PIN opens a token bound to the asking uid,
and the console's and the wizard's ops act on the service's own stores through it."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.vocabulary import Surface
from desktop_app.policy.guardian import FREE_ATTEMPTS
from desktop_app.service import guardian_ops
from desktop_app.service import guardian_wire as wire
from desktop_app.service import protocol as p
from desktop_app.service.client import ServiceClient, ServiceError
from desktop_app.service.guardian_sessions import GuardianSessions
from desktop_app.service.handlers import ServiceHandlers
from desktop_app.service.paths import MachinePaths
from desktop_app.service.server import Peer, ServiceServer
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
ROOT = Peer(pid=4250, uid=0, gid=0, name="root")
NEW_PIN = "736251"


@pytest.fixture
def paths(tmp_path: Path) -> MachinePaths:
    machine = MachinePaths(root=tmp_path / "data", socket=tmp_path / "run" / "s.sock")
    machine.prepare()
    return machine


def _open(paths: MachinePaths) -> ServiceStores:
    policy_dir = paths.root / "policy"
    return open_stores(paths, policy_dir=policy_dir, pin_cost=FAST, clock=FakeClock())


@pytest.fixture
def stores(paths: MachinePaths) -> Iterator[ServiceStores]:
    add_profile(paths, CHILD.name or "", UNDER13_BIRTH_YEAR)
    add_profile(paths, SIBLING.name or "", UNDER13_BIRTH_YEAR)
    set_guardian_pin(paths)
    opened = _open(paths)
    yield opened
    opened.close()


def token_for(ask: Any, peer: Peer = CHILD) -> str:
    reply = ask(peer, "guardian_open", pin=GUARDIAN_PIN)
    assert reply["ok"] is True, reply
    return str(reply["token"])


def put_aside(stores: ServiceStores, folder: Path, profile_id: str, name: str = "photo.jpg") -> str:
    folder.mkdir(parents=True, exist_ok=True)
    photo = folder / name
    photo.write_bytes(b"bytes the guardian looks at: " + name.encode())
    entry = stores.quarantine.add(
        photo, reason="sensitive", surface="share_folders", profile_id=profile_id
    )
    return entry.id


# --- opening, binding, ending ---------------------------------------------------------------


def test_anyone_may_ask_whether_a_pin_is_set_and_nothing_more(ask: Any) -> None:
    reply = ask(CHILD, "pin_state")
    assert (reply["status"], reply["wait_seconds"], reply["tries_left"]) == ("set", 0, 5)
    assert not {"hash", "pin", "salt"} & set(reply)


def test_the_right_pin_opens_a_random_token_and_wrong_ones_are_throttled(ask: Any) -> None:
    first, second = token_for(ask), token_for(ask)
    assert first != second and len(first) == 64
    for _ in range(FREE_ATTEMPTS):
        reply = ask(CHILD, "guardian_open", pin="000000")
        assert refused(reply, p.WRONG_PIN)
    assert reply["tries_left"] == 0 and reply["seconds"] > 0  # the dialog counts this down
    waiting = ask(CHILD, "guardian_open", pin=GUARDIAN_PIN)
    assert refused(waiting, p.WAIT) and waiting["seconds"] > 0


def test_a_token_works_only_for_the_account_that_opened_it(ask: Any) -> None:
    token = token_for(ask, CHILD)
    assert ask(CHILD, "guardian_snapshot", token=token)["ok"] is True
    assert refused(ask(SIBLING, "guardian_snapshot", token=token), wire.SESSION_ENDED)
    assert refused(ask(ROOT, "guardian_snapshot", token=token), wire.SESSION_ENDED)
    assert ask(SIBLING, "guardian_close", token=token)["closed"] is False  # not theirs to end
    assert ask(CHILD, "guardian_snapshot", token=token)["ok"] is True


@pytest.mark.parametrize("token", [None, "", "0" * 64, 5, ["x"]])
def test_no_token_or_a_made_up_one_opens_nothing(ask: Any, token: object) -> None:
    reply = ask(CHILD, "guardian_change_setting", token=token, key="strictness", value="strict")
    assert refused(reply, wire.SESSION_ENDED)


def test_a_closed_session_is_over(ask: Any) -> None:
    token = token_for(ask)
    assert ask(CHILD, "guardian_close", token=token)["closed"] is True
    assert refused(ask(CHILD, "guardian_snapshot", token=token), wire.SESSION_ENDED)


def test_a_session_ends_after_ten_idle_minutes_and_use_keeps_it_open() -> None:
    now = [1000.0]
    sessions = GuardianSessions(clock=lambda: now[0])
    token = sessions.open(61001)
    now[0] += guardian_ops.IDLE_S - 1
    assert sessions.use(token, 61001)  # used: the ten minutes start again
    now[0] += guardian_ops.IDLE_S - 1
    assert sessions.use(token, 61001)
    now[0] += guardian_ops.IDLE_S + 1
    assert not sessions.use(token, 61001)


def test_open_sessions_are_bounded_the_least_recently_used_ends_first() -> None:
    now = [0.0]
    sessions = GuardianSessions(clock=lambda: now[0])
    tokens = []
    for _ in range(40):
        now[0] += 1
        tokens.append(sessions.open(61001))
    assert not sessions.use(tokens[0], 61001)
    assert sessions.use(tokens[-1], 61001)


# --- what the console shows ----------------------------------------------------------------


def test_the_snapshot_is_the_services_settings_profiles_and_pin_status(ask: Any) -> None:
    reply = ask(CHILD, "guardian_snapshot", token=token_for(ask))
    assert reply["settings"]["strictness"]["source"] == "default"
    names = sorted(row["os_user"] for row in reply["profiles"])
    assert names == [CHILD.name, SIBLING.name]
    assert {row["band"] for row in reply["profiles"]} == {"under13"}
    assert (reply["pin_status"], reply["set_up"]) == ("set", True)
    assert "service" in reply["pin_store"]
    assert len(p.encode(reply)) < p.MAX_MESSAGE_BYTES


def test_a_school_policy_shows_as_locked_and_cannot_be_changed(
    ask: Any, paths: MachinePaths
) -> None:
    (paths.root / "policy").mkdir()
    (paths.root / "policy" / "lab.json").write_text(json.dumps({"strictness": "strict"}))
    token = token_for(ask)
    value = ask(CHILD, "guardian_snapshot", token=token)["settings"]["strictness"]
    assert (value["value"], value["locked"], value["source"]) == ("strict", True, "managed")
    reply = ask(CHILD, "guardian_change_setting", token=token, key="strictness", value="standard")
    assert refused(reply, "setting_locked") and reply["key"] == "strictness"


def test_long_lists_come_in_pages_that_each_fit_a_message(
    ask: Any, stores: ServiceStores, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    child_id = ask(CHILD, "whoami")["profile_id"]
    made = [put_aside(stores, tmp_path / "Downloads", child_id, f"{n}.jpg") for n in range(7)]
    monkeypatch.setattr(guardian_ops, "PAGE_BYTES", 600)  # a few entries a page
    token, seen, offset, pages = token_for(ask), [], 0, 0
    while offset is not None:
        reply = ask(CHILD, "guardian_list", token=token, what="quarantine", offset=offset)
        assert reply["total"] == 7 and reply["items"]
        seen += [item["id"] for item in reply["items"]]
        offset, pages = reply["next"], pages + 1
    assert seen == list(reversed(made)) and pages > 2  # newest first, nothing twice


@pytest.mark.parametrize(
    "args",
    [
        {"what": "secrets"},
        {"what": "quarantine", "offset": -1},
        {"what": "approvals", "offset": "1"},
    ],
)
def test_a_bad_list_request_is_a_bad_argument(ask: Any, args: dict[str, Any]) -> None:
    assert refused(ask(CHILD, "guardian_list", token=token_for(ask), **args), p.BAD_ARGUMENTS)


def test_activity_and_every_accounts_health_come_from_the_service(ask: Any) -> None:
    assert ask(CHILD, "record", surface=Surface.share_folders.value, kind="sensitive", count=3)[
        "ok"
    ]
    token = token_for(ask)
    child_id = ask(CHILD, "whoami")["profile_id"]
    reply = ask(CHILD, "guardian_activity", token=token, profile_id=child_id, kind="sensitive")
    assert sum(sum(day["by_surface"].values()) for day in reply["days"]) == 3
    assert len(reply["days"]) == guardian_ops.ACTIVITY_DAYS
    bad = ask(CHILD, "guardian_activity", token=token, kind="everything")
    assert refused(bad, p.BAD_ARGUMENTS)
    health = ask(CHILD, "guardian_status", token=token)
    # the two profiles name accounts this computer does not have: the service says so
    assert (health["accounts"], len(health["missing_accounts"])) == ([], 2)
    assert ask(CHILD, "status")["ok"] is False  # without the session, still forbidden


# --- what the console changes --------------------------------------------------------------


def test_settings_change_through_the_declaration(ask: Any, stores: ServiceStores) -> None:
    token = token_for(ask)
    ok = ask(CHILD, "guardian_change_setting", token=token, key="strictness", value="strict")
    assert ok["ok"] is True
    assert stores.settings.load().values["strictness"] == "strict"
    bad = ask(CHILD, "guardian_change_setting", token=token, key="strictness", value="off")
    assert refused(bad, "invalid_value")
    unknown = ask(CHILD, "guardian_change_setting", token=token, key="../pin", value=1)
    assert refused(unknown, p.BAD_ARGUMENTS)
    assert refused(
        ask(CHILD, "guardian_change_setting", token=token, key="strictness"), "bad_arguments"
    )
    assert ask(CHILD, "guardian_reset_setting", token=token, key="strictness")["ok"] is True
    assert "strictness" not in stores.settings.load().values


def test_profiles_and_reviews_change_in_the_services_settings(
    ask: Any, stores: ServiceStores
) -> None:
    token = token_for(ask)
    added = ask(
        CHILD, "guardian_add_profile", token=token, name="Noor", os_user="noor", birth_year=2015
    )
    assert added["ok"] is True
    assert "noor" in {p.os_user for p in stores.settings.load().profiles}
    twice = ask(
        CHILD, "guardian_add_profile", token=token, name="N", os_user="noor", birth_year=None
    )
    assert refused(twice, "invalid_profile")
    removed = ask(CHILD, "guardian_remove_profile", token=token, profile_id=added["profile_id"])
    assert removed["ok"] is True
    assert "noor" not in {p.os_user for p in stores.settings.load().profiles}
    assert ask(CHILD, "guardian_reviewed", token=token)["ok"] is True
    assert stores.settings.load().last_seen_utc is not None


def test_approve_and_revoke_for_a_known_child_only(ask: Any, stores: ServiceStores) -> None:
    token, child_id = token_for(ask), ask(CHILD, "whoami")["profile_id"]
    digest = hashlib.sha256(b"a picture").hexdigest()
    assert ask(CHILD, "guardian_approve", token=token, sha256=digest, profile_id=child_id)["ok"]
    assert stores.approvals.is_approved(digest, child_id)
    listed = ask(CHILD, "guardian_list", token=token, what="approvals")
    assert [(a["sha256"], a["profile_id"]) for a in listed["items"]] == [(digest, child_id)]
    unknown = ask(CHILD, "guardian_approve", token=token, sha256=digest, profile_id="nobody")
    assert refused(unknown, "unknown_profile")
    assert ask(CHILD, "guardian_revoke", token=token, sha256=digest, profile_id=child_id)["ok"]
    assert not stores.approvals.is_approved(digest, child_id)


def test_the_pin_changes_with_the_current_one_only(ask: Any) -> None:
    token = token_for(ask)
    wrong = ask(CHILD, "guardian_change_pin", token=token, current="000000", new=NEW_PIN)
    assert refused(wrong, p.WRONG_PIN) and wrong["tries_left"] == FREE_ATTEMPTS - 1
    easy = ask(CHILD, "guardian_change_pin", token=token, current=GUARDIAN_PIN, new="1111")
    assert refused(easy, "pin_rejected")
    differ = ask(
        CHILD,
        "guardian_change_pin",
        token=token,
        current=GUARDIAN_PIN,
        new=NEW_PIN,
        repeated=NEW_PIN + "0",
    )
    assert refused(differ, "pins_differ")
    right = ask(
        CHILD,
        "guardian_change_pin",
        token=token,
        current=GUARDIAN_PIN,
        new=NEW_PIN,
        repeated=NEW_PIN,
    )
    assert right["ok"] is True
    assert ask(CHILD, "verify_pin", pin=NEW_PIN)["ok"] is True


def test_restore_puts_the_file_back_approved_and_never_into_a_folder_the_session_names(
    ask: Any, stores: ServiceStores, tmp_path: Path
) -> None:
    token, child_id = token_for(ask), ask(CHILD, "whoami")["profile_id"]
    entry_id = put_aside(stores, tmp_path / "Downloads", child_id)
    elsewhere = tmp_path / "etc"
    elsewhere.mkdir()
    refusal = ask(CHILD, "guardian_restore", token=token, id=entry_id, to=str(elsewhere))
    assert refused(refusal, wire.RESTORE_TO_REFUSED)
    assert list(elsewhere.iterdir()) == [] and len(stores.quarantine.entries()) == 1
    reply = ask(CHILD, "guardian_restore", token=token, id=entry_id)
    photo = tmp_path / "Downloads" / "photo.jpg"
    assert reply["ok"] is True and reply["placed"] == str(photo)
    digest = hashlib.sha256(photo.read_bytes()).hexdigest()
    assert stores.approvals.is_approved(digest, child_id)  # the next pass keeps it
    assert refused(ask(CHILD, "guardian_restore", token=token, id=entry_id), "entry_gone")


def test_delete_for_good(ask: Any, stores: ServiceStores, tmp_path: Path) -> None:
    token, child_id = token_for(ask), ask(CHILD, "whoami")["profile_id"]
    entry_id = put_aside(stores, tmp_path / "Downloads", child_id)
    assert ask(CHILD, "guardian_delete", token=token, id=entry_id)["ok"] is True
    assert stores.quarantine.entries() == []
    assert not (tmp_path / "Downloads" / "photo.jpg").exists()


# --- the first setup -----------------------------------------------------------------------


@pytest.fixture
def fresh(paths: MachinePaths) -> Iterator[Any]:
    """A service on a computer nobody has set up yet."""
    opened = _open(paths)
    handlers = ServiceHandlers(opened)
    yield lambda peer, op, **args: handlers(peer, p.request(op, **args))
    opened.close()


PLAN = {
    "pin": GUARDIAN_PIN,
    "children": [{"name": "Maya", "os_user": "maya", "birth_year": UNDER13_BIRTH_YEAR}],
    "trusted_adults": [{"name": "Aunt Rosa", "email": "rosa@example.org"}],
}


def test_a_child_can_never_run_the_setup(fresh: Any, paths: MachinePaths) -> None:
    reply = fresh(CHILD, "setup", **PLAN)
    assert refused(reply, wire.NOT_ADMINISTRATOR)
    assert fresh(CHILD, "pin_state")["status"] == "not_set"
    assert not (paths.settings / "settings.json").exists()


def test_an_administrator_sets_up_pin_and_settings_in_one_go_once(
    fresh: Any, paths: MachinePaths
) -> None:
    assert fresh(ROOT, "setup", **PLAN) == {"v": 1, "ok": True, "done": True}
    assert fresh(CHILD, "pin_state")["status"] == "set"
    token = fresh(ROOT, "guardian_open", pin=GUARDIAN_PIN)["token"]
    snapshot = fresh(ROOT, "guardian_snapshot", token=token)
    assert [row["os_user"] for row in snapshot["profiles"]] == ["maya"]
    assert snapshot["settings"]["trusted_adults"]["value"][0]["name"] == "Aunt Rosa"
    again = fresh(ROOT, "setup", **{**PLAN, "pin": NEW_PIN})
    assert refused(again, wire.ALREADY_SET_UP)
    assert fresh(ROOT, "verify_pin", pin=GUARDIAN_PIN)["ok"] is True  # the PIN stayed


@pytest.mark.parametrize(
    "change",
    [
        {"pin": "1111"},  # too easy: nothing is saved
        {"children": [{"name": "Maya", "os_user": "maya"}]},
        {"children": "maya"},
        {"children": [PLAN["children"][0]] * 51},
        {"trusted_adults": [{"name": 5}]},
        {"trusted_adults": [{"name": "Rosa", "email": "not an address"}]},
        {"pin": None},
    ],
)
def test_a_bad_setup_is_refused_and_saves_nothing(
    fresh: Any, paths: MachinePaths, change: dict[str, Any]
) -> None:
    reply = fresh(ROOT, "setup", **{**PLAN, **change})
    assert reply["ok"] is False
    assert reply["error"] in (p.BAD_ARGUMENTS, "pin_rejected", "invalid_value")
    assert fresh(ROOT, "pin_state")["status"] == "not_set"
    assert not (paths.settings / "settings.json").exists()


# --- over a real socket ---------------------------------------------------------------------


def test_the_console_session_over_the_socket(
    stores: ServiceStores, paths: MachinePaths, tmp_path: Path
) -> None:
    paths.socket.parent.mkdir(mode=0o755, exist_ok=True)
    with ServiceServer(paths.socket, ServiceHandlers(stores)):
        client = ServiceClient(paths.socket)
        with pytest.raises(ServiceError) as wrong:
            client.call("guardian_open", pin="000000")
        assert wrong.value.code == p.WRONG_PIN
        token = client.call("guardian_open", pin=GUARDIAN_PIN)["token"]
        assert client.call("guardian_snapshot", token=token)["pin_status"] == "set"
        assert client.call("guardian_close", token=token)["closed"] is True
        with pytest.raises(ServiceError) as ended:
            client.call("guardian_snapshot", token=token)
        assert ended.value.code == wire.SESSION_ENDED
        assert {"guardian_open", "setup"} <= set(client.call("hello")["ops"])
