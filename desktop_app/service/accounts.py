"""Which accounts on this computer are protected, and where their files arrive.

A child's profile protects its account; a school's lab rule (``lab_default_age_band``)
protects every account that is not an administrator's, and so does the failsafe when the
settings are damaged. So the service asks the account database for every person's account
and resolves each with the effective policy, as the account's own session would.

The service runs as root, so nothing here may use the process's own account: each
account's band, key (its profile id, or ``uid-<uid>`` without a profile) and share folders
come from the policy resolved for THAT account, and ``~`` (and the default incoming
folders) from THAT account's home.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePath
from typing import Protocol

from desktop_app.policy.effective import resolve
from desktop_app.policy.managed import ManagedPolicy
from desktop_app.policy.profiles import OsUser, account_groups, is_administrator
from desktop_app.policy.settings import AgeBand
from desktop_app.policy.store import StoreState
from desktop_app.surfaces.share_folders import ShareFolder, folders_from_policy

__all__ = [
    "ACCOUNT_DATABASE_FILES",
    "AccountLookup",
    "AccountsFound",
    "OsAccounts",
    "PasswdEntry",
    "ProtectedAccount",
    "find_protected_accounts",
    "is_account_administrator",
    "people",
    "protected_accounts",
]
log = logging.getLogger(__name__)
LOGIN_DEFS = Path("/etc/login.defs")
# What a new account, a removed one or a change of groups changes (the files pwd and grp read).
ACCOUNT_DATABASE_FILES = (Path("/etc/passwd"), Path("/etc/group"), LOGIN_DEFS)
# Without UID_MIN in login.defs: Linux's default, or macOS's first person's uid (501).
DEFAULT_UID_MIN = 501 if sys.platform == "darwin" else 1000
PEOPLE_UID_END = 60000  # from here: nobody (65534) and ranges for containers and systemd
NO_LOGIN_SHELLS = frozenset({"nologin", "false", "true", "sync", "halt", "shutdown"})


def is_account_administrator(uid: int, name: str | None, gid: int) -> bool:
    """Root, or a member of an administrators' group, from the account database only."""
    if uid == 0:
        return True
    return name is not None and is_administrator(uid, account_groups(name, gid))


class PasswdEntry(Protocol):
    """What the service needs of an OS account (``pwd.struct_passwd`` has it)."""

    @property
    def pw_name(self) -> str: ...

    @property
    def pw_uid(self) -> int: ...

    @property
    def pw_gid(self) -> int: ...

    @property
    def pw_dir(self) -> str: ...

    @property
    def pw_shell(self) -> str: ...


class AccountLookup(Protocol):
    """The account database: ``pwd`` and ``grp`` by default, a fake one in tests."""

    def __call__(self, name: str) -> PasswdEntry:
        """The account called ``name``; KeyError when there is none (as ``pwd.getpwnam``)."""

    def everyone(self) -> Iterable[PasswdEntry]:
        """Every account, people and system accounts alike (as ``pwd.getpwall``)."""

    def groups_of(self, name: str, gid: int) -> Iterable[str]:
        """The names of the groups the account is in (its own group ``gid`` included)."""

    @property
    def uid_min(self) -> int:
        """The first uid given to a person's account (UID_MIN in /etc/login.defs)."""


@dataclass(frozen=True)
class ProtectedAccount:
    """A protected OS account, how it is protected, and the folders watched for it.

    ``profile_id``: whose counts, approvals and quarantined files these are — the child's
    profile id, or ``uid-<uid>`` for an account a lab rule or the failsafe protects.
    """

    user: str
    uid: int
    gid: int
    home: Path
    profile_id: str
    band: AgeBand
    folders: tuple[ShareFolder, ...] = ()


@dataclass(frozen=True)
class AccountsFound:
    """The protected accounts, and the child profiles whose OS account does not exist."""

    accounts: tuple[ProtectedAccount, ...]
    missing: tuple[str, ...] = ()  # profile ids (never names: this may be logged or shown)


def protected_accounts(
    state: StoreState,
    managed: ManagedPolicy,
    now: datetime,
    *,
    lookup: AccountLookup | None = None,
) -> list[ProtectedAccount]:
    """Every protected account that exists, resolved for that account."""
    return list(find_protected_accounts(state, managed, now, lookup=lookup).accounts)


def find_protected_accounts(
    state: StoreState,
    managed: ManagedPolicy,
    now: datetime,
    *,
    lookup: AccountLookup | None = None,
) -> AccountsFound:
    """Each child profile's account, then every person's account a lab rule or the
    damaged-settings failsafe protects (fail closed: every account that is not an
    administrator's); also naming (by profile id) the profiles whose account is missing."""
    database = lookup or OsAccounts()
    accounts: list[ProtectedAccount] = []
    missing: list[str] = []
    seen: set[str] = set()
    for profile in state.profiles:
        if not profile.is_child or profile.os_user in seen:
            continue  # adults are not watched for hiding; one account is watched once
        try:
            entry = database(profile.os_user)
        except KeyError:
            missing.append(profile.id)
            continue
        seen.add(profile.os_user)
        found = _protected(state, managed, now, entry, OsUser(profile.os_user, is_admin=False))
        if found is not None:
            accounts.append(found)
    for entry in people(database):
        if entry.pw_name in seen:
            continue
        seen.add(entry.pw_name)
        admin = is_administrator(entry.pw_uid, database.groups_of(entry.pw_name, entry.pw_gid))
        found = _protected(state, managed, now, entry, OsUser(entry.pw_name, is_admin=admin))
        if found is not None:
            accounts.append(found)
    if missing:
        log.warning("accounts: %d child profile(s) name a missing account", len(missing))
    return AccountsFound(tuple(accounts), tuple(missing))


def people(database: AccountLookup) -> list[PasswdEntry]:
    """The accounts of people: a uid from UID_MIN below 60000, a shell one can log in with,
    and a home that exists (system and service accounts have none of these)."""
    return [
        entry
        for entry in database.everyone()
        if database.uid_min <= entry.pw_uid < PEOPLE_UID_END
        and PurePath(entry.pw_shell).name not in NO_LOGIN_SHELLS
        and _is_folder(entry.pw_dir)
    ]


def _protected(
    state: StoreState, managed: ManagedPolicy, now: datetime, entry: PasswdEntry, user: OsUser
) -> ProtectedAccount | None:
    """The account as the service watches it, or None when its policy protects nobody."""
    policy = resolve(state, managed, user, now)
    profile = policy.profile
    if not profile.protected or profile.band is None:
        return None  # an adult, a child who has grown up, an administrator, nobody's rule
    home = Path(entry.pw_dir)
    return ProtectedAccount(
        user=user.name,
        uid=entry.pw_uid,
        gid=entry.pw_gid,
        home=home,
        profile_id=profile.profile_id or f"uid-{entry.pw_uid}",  # as the service's own key
        band=profile.band,
        folders=tuple(folders_from_policy(policy, home=home)),
    )


def _is_folder(path: str) -> bool:
    try:
        return bool(path) and os.path.isdir(path)
    except OSError:
        return False


class OsAccounts:
    """This computer's account database (POSIX: the Windows and macOS services look
    accounts up their own way)."""

    def __init__(self, login_defs: Path = LOGIN_DEFS) -> None:
        self._login_defs = login_defs

    def __call__(self, name: str) -> PasswdEntry:
        import pwd

        return pwd.getpwnam(name)

    def everyone(self) -> Iterable[PasswdEntry]:
        import pwd

        return pwd.getpwall()

    def groups_of(self, name: str, gid: int) -> Iterable[str]:
        return account_groups(name, gid)

    @property
    def uid_min(self) -> int:
        return uid_min_from(self._login_defs)


def uid_min_from(login_defs: Path) -> int:
    """UID_MIN as /etc/login.defs sets it (DEFAULT_UID_MIN when it does not)."""
    try:
        text = login_defs.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return DEFAULT_UID_MIN
    for line in text.splitlines():
        words = line.split()
        if len(words) >= 2 and words[0] == "UID_MIN" and words[1].isdigit():
            return int(words[1])
    return DEFAULT_UID_MIN
