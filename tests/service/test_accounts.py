"""Protected accounts: every child profile with an OS account, resolved for that account."""

from __future__ import annotations

import pwd
import secrets
from datetime import UTC, datetime
from pathlib import Path

from desktop_app.policy.managed import ManagedPolicy
from desktop_app.policy.profiles import Profile
from desktop_app.policy.settings import AgeBand
from desktop_app.service.accounts import find_protected_accounts, protected_accounts
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
    assert (first.uid, first.gid, first.home) == (60_000, 60_000, tmp_path / "ana")
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
