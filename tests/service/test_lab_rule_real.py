"""A school's lab rule, or damaged settings, on a real computer: every student's account is
watched, no administrator's (issue 11: every protected account, not only child profiles).

Needs root (CI runs as root): real accounts are made with useradd (a student, and a
teacher in the administrators' group) and removed afterwards; the service's stores are
opened as root on a private data folder with a private school-policy folder, and read
the real account database (pwd, grp, /etc/login.defs).
"""

from __future__ import annotations

import grp
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.service import protocol as p
from desktop_app.service.handlers import ServiceHandlers
from desktop_app.service.paths import MachinePaths
from desktop_app.service.server import Peer
from desktop_app.service.stores import ServiceStores, open_stores
from desktop_app.surfaces.share_folders import Direction, ShareFolder
from tests.helpers.os_accounts import OsAccount, make_account, need_root, remove_account
from tests.helpers.service import FAST

ROOT = Peer(pid=1, uid=0, gid=0, name="root")


def _admin_group() -> str:
    for name in ("sudo", "wheel", "admin"):
        try:
            grp.getgrnam(name)
        except KeyError:
            continue
        return name
    pytest.skip("this computer has no administrators' group")


@pytest.fixture(scope="module")
def school() -> Iterator[dict[str, OsAccount]]:
    """A student's and a teacher's (administrator's) account, removed afterwards."""
    need_root()
    made: dict[str, OsAccount] = {}
    try:
        made["student"] = make_account("student")
        made["teacher"] = make_account("teacher", groups=(_admin_group(),))
        yield made
    finally:
        for account in made.values():
            remove_account(account)


@pytest.fixture
def stores(school: dict[str, OsAccount], tmp_path: Path) -> Iterator[ServiceStores]:
    """The service's stores with no profile at all, and the school's lab rule."""
    paths = MachinePaths(root=tmp_path / "data", socket=tmp_path / "run" / "s.sock")
    paths.prepare()
    policy = tmp_path / "policies"
    policy.mkdir()
    (policy / "10-lab.json").write_text(json.dumps({"lab_default_age_band": "under13"}))
    opened = open_stores(paths, policy_dir=policy, pin_cost=FAST)
    yield opened
    opened.close()


def test_the_lab_rule_protects_the_students_account_and_not_the_teachers(
    school: dict[str, OsAccount], stores: ServiceStores
) -> None:
    student, teacher = school["student"], school["teacher"]
    found = {account.user: account for account in stores.protected_accounts().accounts}
    assert student.name in found
    assert teacher.name not in found
    assert "root" not in found
    watched = found[student.name]
    assert (watched.uid, watched.profile_id) == (student.uid, f"uid-{student.uid}")
    assert watched.home == Path(student.home)
    downloads = ShareFolder(Path(student.home) / "Downloads", Direction.INCOMING)
    assert downloads in watched.folders


def test_the_services_status_lists_the_student_and_whoami_agrees(
    school: dict[str, OsAccount], stores: ServiceStores
) -> None:
    student = school["student"]
    handlers = ServiceHandlers(stores)
    status = handlers(ROOT, p.request("status"))
    listed = {entry["account"]: entry for entry in status["accounts"]}
    assert listed[student.name]["profile_id"] == f"uid-{student.uid}"
    assert listed[student.name]["age_band"] == "under13"
    assert school["teacher"].name not in listed
    peer = Peer(pid=4242, uid=student.uid, gid=student.gid, name=student.name)
    me = handlers(peer, p.request("whoami"))
    assert (me["protected"], me["source"], me["age_band"]) == (True, "lab_rule", "under13")
    teacher = school["teacher"]
    them = handlers(
        Peer(pid=4243, uid=teacher.uid, gid=teacher.gid, name=teacher.name), p.request("whoami")
    )
    assert them["protected"] is False


def test_damaged_settings_protect_the_student_without_any_rule(
    school: dict[str, OsAccount], tmp_path: Path
) -> None:
    """Fail closed: the settings file edited into garbage on a computer that was set up."""
    paths = MachinePaths(root=tmp_path / "data", socket=tmp_path / "run" / "s.sock")
    paths.prepare()
    (paths.settings / "setup-complete").write_text("2026-03-01\n")
    (paths.settings / "settings.json").write_text("{ this is not JSON")
    stores = open_stores(paths, policy_dir=tmp_path / "no-policy", pin_cost=FAST)
    try:
        found = {account.user: account for account in stores.protected_accounts().accounts}
    finally:
        stores.close()
    student = school["student"]
    assert found[student.name].profile_id == f"uid-{student.uid}"
    assert found[student.name].band.value == "under13"
    assert school["teacher"].name not in found
