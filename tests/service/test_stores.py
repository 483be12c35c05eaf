"""The service's settings and school policy: read once, read again the moment they change."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.policy.editor import SettingLocked
from desktop_app.policy.profiles import OsUser
from desktop_app.policy.store import SettingsStore, StoreState
from desktop_app.service import protocol as p
from desktop_app.service.handlers import ServiceHandlers
from desktop_app.service.paths import MachinePaths
from desktop_app.service.server import Peer
from desktop_app.service.stores import ServiceStores, open_stores
from tests.helpers.accounts import Accounts
from tests.helpers.clock import FakeClock
from tests.helpers.service import FAST, UNDER13_BIRTH_YEAR, add_profile

STUDENT = "sl-student"
SHA = "c" * 64


@pytest.fixture
def accounts(tmp_path: Path) -> Accounts:
    made = Accounts(tmp_path / "home")
    made.add(STUDENT, uid=1001)
    made.add("sl-teacher", uid=1002, groups=("sudo",))
    return made


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many times the settings file was really read."""
    counted: list[int] = []
    real = SettingsStore.load

    def load(self: SettingsStore) -> StoreState:
        counted.append(1)
        return real(self)

    monkeypatch.setattr(SettingsStore, "load", load)
    return counted


@pytest.fixture
def stores(paths: MachinePaths, accounts: Accounts, tmp_path: Path) -> Iterator[ServiceStores]:
    policy = tmp_path / "policies"
    policy.mkdir()
    opened = open_stores(
        paths, policy_dir=policy, pin_cost=FAST, clock=FakeClock(), accounts=accounts
    )
    yield opened
    opened.close()


def school_rule(stores: ServiceStores, name: str, values: dict[str, object]) -> None:
    (stores.policy_dir / name).write_text(json.dumps(values))


def whoami(handlers: ServiceHandlers, accounts: Accounts, name: str) -> dict[str, object]:
    entry = accounts(name)
    peer = Peer(pid=4242, uid=entry.pw_uid, gid=entry.pw_gid, name=name)
    return handlers(peer, p.request("whoami"))


def test_requests_read_the_settings_once_while_they_do_not_change(
    loads: list[int], paths: MachinePaths, accounts: Accounts, stores: ServiceStores
) -> None:
    handlers = ServiceHandlers(stores)
    loads.clear()
    for _ in range(20):
        assert whoami(handlers, accounts, STUDENT)["protected"] is False
        stores.protected_accounts()
    assert len(loads) == 1


def test_a_profile_the_guardian_adds_counts_at_the_next_request(
    paths: MachinePaths, accounts: Accounts, stores: ServiceStores
) -> None:
    handlers = ServiceHandlers(stores)
    assert whoami(handlers, accounts, STUDENT)["protected"] is False
    profile = add_profile(paths, STUDENT, UNDER13_BIRTH_YEAR)
    me = whoami(handlers, accounts, STUDENT)
    assert (me["protected"], me["profile_id"], me["source"]) == (True, profile.id, "profile")
    assert [a.profile_id for a in stores.protected_accounts().accounts] == [profile.id]


def test_a_school_lab_rule_counts_at_the_next_request(
    accounts: Accounts, stores: ServiceStores
) -> None:
    handlers = ServiceHandlers(stores)
    assert stores.protected_accounts().accounts == ()
    school_rule(stores, "50-lab.json", {"lab_default_age_band": "teen"})
    me = whoami(handlers, accounts, STUDENT)
    assert (me["protected"], me["age_band"], me["source"]) == (True, "teen", "lab_rule")
    found = stores.protected_accounts().accounts
    assert [(a.user, a.profile_id) for a in found] == [(STUDENT, "uid-1001")]
    (stores.policy_dir / "50-lab.json").unlink()
    assert whoami(handlers, accounts, STUDENT)["protected"] is False
    assert stores.protected_accounts().accounts == ()


def test_the_guardians_actions_follow_the_settings_and_the_school_policy(
    paths: MachinePaths, stores: ServiceStores
) -> None:
    actions = stores.actions()  # made once, when the service starts
    proof = actions.prove_administrator()
    profile = add_profile(paths, STUDENT, UNDER13_BIRTH_YEAR)  # a child added afterwards
    assert actions.approve(SHA, profile.id, proof).sha256 == SHA
    school_rule(stores, "10-strict.json", {"strictness": "strict"})
    with pytest.raises(SettingLocked):
        actions.change_setting("strictness", "standard", proof)
    assert stores.policy_for(OsUser("root", True))["strictness"] == "strict"
    actions.change_setting("retention_days", 7, proof)  # saved over the newest settings
    assert [row.profile.id for row in actions.settings.profiles()] == [profile.id]


def test_the_watch_is_told_when_who_is_protected_may_have_changed(
    paths: MachinePaths, stores: ServiceStores
) -> None:
    """The service's watch reloads when this stamp changes (service/protection.py)."""
    first = stores.protection_stamp()
    assert stores.protection_stamp() == first  # nothing changed
    add_profile(paths, STUDENT, UNDER13_BIRTH_YEAR)
    second = stores.protection_stamp()
    assert second != first
    school_rule(stores, "50-lab.json", {"lab_default_age_band": "teen"})
    assert stores.protection_stamp() != second
    stamped = {name for name, _stamp in stores.protection_stamp()}
    assert {"/etc/passwd", "/etc/group"} <= stamped  # a new account counts too
