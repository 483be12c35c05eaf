"""Child and adult profiles, age bands from birth years, and who the current OS user is."""

from __future__ import annotations

import os
import secrets
import sys
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

from .settings import AgeBand

TEEN_FROM, ADULT_FROM = 13, 18
# Members of these groups administer a Linux or macOS computer (sudo: Debian, Ubuntu;
# wheel: Fedora, Arch; admin: macOS, older Ubuntu).
ADMIN_GROUPS = frozenset({"sudo", "wheel", "admin"})
OLDEST_BIRTH_YEAR = 1900


class ProfileError(ValueError):
    """A profile cannot be saved as given (the message says why)."""


@dataclass(frozen=True)
class Profile:
    """A person on this computer. ``id`` is opaque and is what logs and counts use."""

    id: str
    name: str
    os_user: str
    birth_year: int | None = None  # None: an adult profile
    created_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat())

    @property
    def is_child(self) -> bool:
        return self.birth_year is not None

    def band(self, today: datetime) -> AgeBand:
        return band_for_birth_year(self.birth_year, today)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Profile:
        birth_year = data.get("birth_year")
        return cls(
            id=str(data["id"]),
            name=str(data["name"]),
            os_user=str(data["os_user"]),
            birth_year=int(birth_year) if birth_year is not None else None,
            created_at=str(data.get("created_at", "")),
        )


def new_profile(name: str, os_user: str, birth_year: int | None, today: datetime) -> Profile:
    """Validate and create a profile with a fresh opaque id."""
    name, os_user = name.strip(), os_user.strip()
    if not name:
        raise ProfileError("Please give a name.")
    if not os_user:
        raise ProfileError("Please choose the computer account this person uses.")
    if birth_year is not None and not OLDEST_BIRTH_YEAR <= birth_year <= today.year:
        raise ProfileError(f"The birth year must be between {OLDEST_BIRTH_YEAR} and {today.year}.")
    return Profile(
        id=f"p-{secrets.token_hex(4)}", name=name, os_user=os_user, birth_year=birth_year
    )


def band_for_birth_year(birth_year: int | None, today: datetime) -> AgeBand:
    """The age band; when unsure (birthday unknown) the younger, more protected band."""
    if birth_year is None:
        return AgeBand.ADULT
    youngest_possible_age = today.year - birth_year - 1  # the birthday may not have come yet
    if youngest_possible_age < TEEN_FROM:
        return AgeBand.UNDER13
    if youngest_possible_age < ADULT_FROM:
        return AgeBand.TEEN
    return AgeBand.ADULT


@dataclass(frozen=True)
class OsUser:
    """The account SafeLens runs for, and whether it administers this computer."""

    name: str
    is_admin: bool


def current_os_user() -> OsUser:
    return OsUser(name=_account_name(), is_admin=_is_admin())


def _account_name() -> str:
    """The real account, not $USER/$LOGNAME, which anyone can set to another name."""
    if sys.platform.startswith("win"):
        return os.getlogin()  # GetUserNameW: the token's account
    import pwd

    return pwd.getpwuid(os.getuid()).pw_name


def _is_admin() -> bool:
    if sys.platform.startswith("win"):
        import ctypes

        try:
            return bool(ctypes.windll.shell32.IsUserAnAdmin())  # type: ignore[attr-defined]
        except (AttributeError, OSError):
            return False
    uid = os.geteuid()
    return is_administrator(uid, account_groups(_account_name(), os.getegid()))


def is_administrator(uid: int, groups: Iterable[str]) -> bool:
    """Root, or a member of an administrators' group: the one rule, for every caller."""
    return uid == 0 or not ADMIN_GROUPS.isdisjoint(groups)


def account_groups(name: str, gid: int) -> frozenset[str]:
    """The groups the account database puts ``name`` in (with its own group ``gid``).

    Empty when the database cannot say: nobody is taken for an administrator by mistake.
    POSIX only (the Windows service asks its own way).
    """
    import grp

    try:
        ids = os.getgrouplist(name, gid)
    except OSError:
        return frozenset()
    names = set()
    for group_id in ids:
        try:
            names.add(grp.getgrgid(group_id).gr_name)
        except KeyError:
            continue  # a group id without a name administers nothing
    return frozenset(names)
