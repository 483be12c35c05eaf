"""Protected accounts: every child profile with an OS account, and every person's account a
lab rule or the damaged-settings failsafe protects, each resolved for that account."""

from __future__ import annotations

import grp
import pwd
import secrets
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop_app.policy.managed import ManagedPolicy
from desktop_app.policy.profiles import Profile
from desktop_app.policy.settings import AgeBand
from desktop_app.policy.store import StoreState, StoreStatus
from desktop_app.service.accounts import (
    AccountsFound,
    OsAccounts,
    find_protected_accounts,
    people,
    protected_accounts,
    uid_min_from,
)
from desktop_app.surfaces.share_folders import Direction, ShareFolder
from tests.helpers.accounts import Accounts, child, state_with

NOW = datetime(2026, 6, 1, tzinfo=UTC)


def test_children_with_an_account_are_protected_adults_and_missing_accounts_are_not(
    tmp_path: Path,
) -> None:
    accounts = Accounts(tmp_path)
    accounts.add("ana")
    accounts.add("ben")
    accounts.add("mum")
    ana = child("Ana", "ana", 2017, NOW)
    ben = child("Ben", "ben", 2011, NOW)
    gone = child("Cleo", "cleo", 2015, NOW)  # her account was deleted
    accounts.add("dan")
    mum = Profile(id="p-mum", name="Mum", os_user="mum")  # an adult profile
    grown = child("Dan", "dan", 2004, NOW)  # a birth year, but 21 now
    state = state_with(ana, gone, ben, mum, grown)
    found = find_protected_accounts(state, ManagedPolicy(), NOW, lookup=accounts)
    assert [(a.user, a.profile_id, a.band) for a in found.accounts] == [
        ("ana", ana.id, AgeBand.UNDER13),
        ("ben", ben.id, AgeBand.TEEN),
    ]
    assert found.missing == (gone.id,)
    first = found.accounts[0]
    assert (first.uid, first.gid, first.home) == (1000, 1000, tmp_path / "ana")
    assert protected_accounts(state, ManagedPolicy(), NOW, lookup=accounts) == list(found.accounts)


def test_default_incoming_folders_are_each_accounts_own(tmp_path: Path) -> None:
    accounts = Accounts(tmp_path)
    ana_home, ben_home = accounts.add("ana"), accounts.add("ben")
    state = state_with(child("Ana", "ana", 2017, NOW), child("Ben", "ben", 2012, NOW))
    ana, ben = protected_accounts(state, ManagedPolicy(), NOW, lookup=accounts)
    assert ShareFolder(ana_home / "Downloads", Direction.INCOMING) in ana.folders
    assert ShareFolder(ben_home / "Downloads", Direction.INCOMING) in ben.folders
    for account, home in ((ana, ana_home), (ben, ben_home)):
        assert account.folders, "the default folders apply to every child"
        assert all(folder.path.is_relative_to(home) for folder in account.folders)
        assert not any(folder.path.is_relative_to(Path.home()) for folder in account.folders)


def test_tilde_and_relative_folders_are_taken_in_each_accounts_home(tmp_path: Path) -> None:
    accounts = Accounts(tmp_path)
    ana_home, ben_home = accounts.add("ana"), accounts.add("ben")
    state = state_with(
        child("Ana", "ana", 2017, NOW),
        child("Ben", "ben", 2012, NOW),
        **{
            "share_folders.incoming": ["~/Downloads", "~", "Phone Inbox", "/srv/shared"],
            "share_folders.outgoing": ["~/Outbox"],
        },
    )
    ana, ben = protected_accounts(state, ManagedPolicy(), NOW, lookup=accounts)
    for account, home in ((ana, ana_home), (ben, ben_home)):
        assert account.folders == (
            ShareFolder(home / "Downloads", Direction.INCOMING),
            ShareFolder(home, Direction.INCOMING),
            ShareFolder(home / "Phone Inbox", Direction.INCOMING),
            ShareFolder(Path("/srv/shared"), Direction.INCOMING),
            ShareFolder(home / "Outbox", Direction.OUTGOING),
        )


def test_share_folders_turned_off_leave_the_account_protected_without_folders(
    tmp_path: Path,
) -> None:
    accounts = Accounts(tmp_path)
    accounts.add("ana")
    state = state_with(child("Ana", "ana", 2017, NOW), **{"surfaces.share_folders": False})
    (ana,) = protected_accounts(state, ManagedPolicy(), NOW, lookup=accounts)
    assert ana.band is AgeBand.UNDER13
    assert ana.folders == ()


def test_real_accounts_come_from_the_os(tmp_path: Path) -> None:
    """pwd is asked by default: root exists on every POSIX system, a random name does not."""
    missing_name = f"sl-none-{secrets.token_hex(4)}"
    real = child("Root", "root", 2017, NOW)
    missing = child("Nobody", missing_name, 2017, NOW)
    found = find_protected_accounts(state_with(real, missing), ManagedPolicy(), NOW)
    (account,) = found.accounts
    entry = pwd.getpwnam("root")
    assert (account.uid, account.gid, account.home) == (0, entry.pw_gid, Path(entry.pw_dir))
    assert found.missing == (missing.id,)


def lab_rule(where: str, band: str = "under13") -> tuple[StoreState, ManagedPolicy]:
    """A lab rule in the school's policy or in the guardian's own settings."""
    managed = ManagedPolicy()
    if where == "school":
        managed.merge({"lab_default_age_band": band}, "/etc/safelens/policies/lab.json")
        return state_with(), managed
    return state_with(lab_default_age_band=band), managed


def a_school_computer(tmp_path: Path) -> Accounts:
    """People, an administrator, and the accounts that are not people's."""
    accounts = Accounts(tmp_path)
    accounts.add("student", uid=1001)
    accounts.add("pupil", uid=1002, shell="")  # an empty shell is /bin/sh: people log in
    accounts.add("teacher", uid=1003, groups=("sudo",))
    accounts.add("it", uid=1004, groups=("wheel",))
    accounts.add("daemon", uid=2, shell="/usr/sbin/nologin")
    accounts.add("root", uid=0, shell="/bin/bash")
    accounts.add("backup", uid=1005, shell="/usr/sbin/nologin")
    accounts.add("ftp", uid=1006, shell="/bin/false")
    accounts.add("gone", uid=1007, home=False)  # its home was removed
    accounts.add("nobody", uid=65534)
    accounts.add("container", uid=100_000)
    return accounts


@pytest.mark.parametrize("where", ["school", "guardian"])
def test_a_lab_rule_protects_every_persons_account_that_no_administrator_holds(
    tmp_path: Path, where: str
) -> None:
    accounts = a_school_computer(tmp_path)
    state, managed = lab_rule(where)
    found = find_protected_accounts(state, managed, NOW, lookup=accounts)
    assert [(a.user, a.profile_id, a.band) for a in found.accounts] == [
        ("student", "uid-1001", AgeBand.UNDER13),
        ("pupil", "uid-1002", AgeBand.UNDER13),
    ]
    student = found.accounts[0]
    assert student.home == tmp_path / "student"
    assert ShareFolder(tmp_path / "student" / "Downloads", Direction.INCOMING) in student.folders
    assert all(folder.path.is_relative_to(student.home) for folder in student.folders)


def test_a_profile_goes_before_the_lab_rule(tmp_path: Path) -> None:
    accounts = a_school_computer(tmp_path)
    accounts.add("ana")
    accounts.add("mum")
    ana = child("Ana", "ana", 2011, NOW)
    mum = Profile(id="p-mum", name="Mum", os_user="mum")  # an adult's own profile
    state = state_with(ana, mum, lab_default_age_band="under13")
    found = find_protected_accounts(state, ManagedPolicy(), NOW, lookup=accounts)
    assert [(a.user, a.profile_id, a.band) for a in found.accounts] == [
        ("ana", ana.id, AgeBand.TEEN),  # once, with her profile's band and id
        ("student", "uid-1001", AgeBand.UNDER13),
        ("pupil", "uid-1002", AgeBand.UNDER13),
    ]


def test_damaged_settings_protect_every_account_but_the_administrators(tmp_path: Path) -> None:
    """Fail closed: the profiles cannot be read, so nobody is known to be an adult."""
    accounts = a_school_computer(tmp_path)
    damaged = StoreState(StoreStatus.DAMAGED, problems=["The settings file is damaged."])
    found = find_protected_accounts(damaged, ManagedPolicy(), NOW, lookup=accounts)
    assert [(a.user, a.profile_id, a.band) for a in found.accounts] == [
        ("student", "uid-1001", AgeBand.UNDER13),
        ("pupil", "uid-1002", AgeBand.UNDER13),
    ]


def test_without_a_lab_rule_or_damage_only_profiles_are_protected(tmp_path: Path) -> None:
    accounts = a_school_computer(tmp_path)
    assert find_protected_accounts(state_with(), ManagedPolicy(), NOW, lookup=accounts) == (
        AccountsFound(())
    )


def test_people_start_at_the_computers_uid_min(tmp_path: Path) -> None:
    accounts = a_school_computer(tmp_path)
    accounts.uid_min = 1002
    assert [entry.pw_name for entry in people(accounts)] == ["pupil", "teacher", "it"]


def test_uid_min_is_read_from_login_defs(tmp_path: Path) -> None:
    defs = tmp_path / "login.defs"
    defs.write_text("# UID_MIN 1\nMAIL_DIR /var/mail\nUID_MIN\t\t 500\nUID_MAX 60000\n")
    assert uid_min_from(defs) == 500
    assert OsAccounts(defs).uid_min == 500
    assert uid_min_from(tmp_path / "none") == 1000
    defs.write_text("UID_MIN lots\n")
    assert uid_min_from(defs) == 1000


def test_the_os_account_database_is_pwd_and_grp() -> None:
    database = OsAccounts()
    root = pwd.getpwnam("root")
    assert database("root").pw_uid == 0
    assert "root" in {entry.pw_name for entry in database.everyone()}
    assert grp.getgrgid(root.pw_gid).gr_name in set(database.groups_of("root", root.pw_gid))
    with pytest.raises(KeyError):
        database(f"sl-none-{secrets.token_hex(4)}")
