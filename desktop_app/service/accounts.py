"""Which accounts on this computer are protected children, and where their files arrive.

The service runs as root, so nothing here may use the process's own account: each child's
band, profile id and share folders come from the guardian's settings resolved for THAT
account, and ``~`` (and the default incoming folders) from THAT account's home.
"""

from __future__ import annotations

import grp
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

from desktop_app.policy.effective import resolve
from desktop_app.policy.managed import ManagedPolicy
from desktop_app.policy.profiles import OsUser
from desktop_app.policy.settings import AgeBand
from desktop_app.policy.store import StoreState
from desktop_app.surfaces.share_folders import ShareFolder, folders_from_policy

__all__ = [
    "AccountLookup",
    "AccountsFound",
    "PasswdEntry",
    "ProtectedAccount",
    "find_protected_accounts",
    "is_administrator",
    "protected_accounts",
]
log = logging.getLogger(__name__)
ADMIN_GROUPS = frozenset({"sudo", "wheel", "admin"})


def is_administrator(uid: int, name: str | None, gid: int) -> bool:
    """Root, or a member of an administrators' group, from the account database only."""
    if uid == 0:
        return True
    if name is None:
        return False
    try:
        names = {grp.getgrgid(group).gr_name for group in os.getgrouplist(name, gid)}
    except (KeyError, OSError):
        return False
    return bool(names & ADMIN_GROUPS)


class PasswdEntry(Protocol):
    """What the service needs of an OS account (``pwd.struct_passwd`` has it)."""

    @property
    def pw_uid(self) -> int: ...

    @property
    def pw_gid(self) -> int: ...

    @property
    def pw_dir(self) -> str: ...


# An OS account by name; raises KeyError when there is none (as ``pwd.getpwnam``).
AccountLookup = Callable[[str], PasswdEntry]


@dataclass(frozen=True)
class ProtectedAccount:
    """A child's OS account, how it is protected, and the folders watched for it."""

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
    """Every child profile whose OS account exists, resolved for that account."""
    return list(find_protected_accounts(state, managed, now, lookup=lookup).accounts)


def find_protected_accounts(
    state: StoreState,
    managed: ManagedPolicy,
    now: datetime,
    *,
    lookup: AccountLookup | None = None,
) -> AccountsFound:
    """As ``protected_accounts``, also naming (by profile id) the profiles left out."""
    lookup = lookup or _passwd_lookup
    accounts: list[ProtectedAccount] = []
    missing: list[str] = []
    seen: set[str] = set()
    for profile in state.profiles:
        if not profile.is_child or profile.os_user in seen:
            continue  # adults are not watched for hiding; one account is watched once
        try:
            entry = lookup(profile.os_user)
        except KeyError:
            missing.append(profile.id)
            continue
        seen.add(profile.os_user)
        policy = resolve(state, managed, OsUser(profile.os_user, is_admin=False), now)
        band = policy.profile.band
        if band is None or not band.is_child:
            continue  # a child who has grown up (and no clock jump holds the band back)
        home = Path(entry.pw_dir)
        accounts.append(
            ProtectedAccount(
                user=profile.os_user,
                uid=entry.pw_uid,
                gid=entry.pw_gid,
                home=home,
                profile_id=policy.profile.profile_id or profile.id,
                band=band,
                folders=tuple(folders_from_policy(policy, home=home)),
            )
        )
    if missing:
        log.warning("accounts: %d child profile(s) name a missing account", len(missing))
    return AccountsFound(tuple(accounts), tuple(missing))


def _passwd_lookup(name: str) -> PasswdEntry:
    import pwd  # POSIX only: the Windows and macOS services look accounts up their own way

    return pwd.getpwnam(name)
