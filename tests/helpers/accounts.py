"""Stand-in OS accounts for the service's tests: temp folders play the homes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop_app.policy.profiles import Profile, new_profile
from desktop_app.policy.store import StoreState, StoreStatus

FIRST_UID = 1000


@dataclass(frozen=True)
class Passwd:
    """What ``pwd`` gives, for an account that exists only in a test."""

    pw_uid: int
    pw_gid: int
    pw_dir: str
    pw_name: str = ""
    pw_shell: str = "/bin/bash"


class Accounts:
    """A fake account database (``pwd`` and ``grp``): accounts by name, each with a home
    in a temp folder and the groups it is in."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self.uid_min = FIRST_UID
        self.entries: dict[str, Passwd] = {}
        self.groups: dict[str, tuple[str, ...]] = {}

    def add(
        self,
        name: str,
        *,
        uid: int | None = None,
        shell: str = "/bin/bash",
        groups: tuple[str, ...] = (),
        home: bool = True,
    ) -> Path:
        """An account with a home (made unless ``home`` is False) holding Downloads."""
        folder = self.base / name
        if home:
            (folder / "Downloads").mkdir(parents=True)
        uid = FIRST_UID + len(self.entries) if uid is None else uid
        self.entries[name] = Passwd(uid, uid, str(folder), name, shell)
        self.groups[name] = (name, *groups)
        return folder

    def __call__(self, name: str) -> Passwd:
        return self.entries[name]  # KeyError: no such account, as pwd says

    def everyone(self) -> Iterable[Passwd]:
        return list(self.entries.values())

    def groups_of(self, name: str, gid: int) -> Iterable[str]:
        return self.groups.get(name, ())


def child(name: str, os_user: str, birth_year: int, today: datetime) -> Profile:
    return new_profile(name, os_user, birth_year, today)


def state_with(*profiles: Profile, **values: object) -> StoreState:
    return StoreState(StoreStatus.OK, values=dict(values), profiles=list(profiles))
