"""Stand-in OS accounts for the service's tests: temp folders play the homes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop_app.policy.profiles import Profile, new_profile
from desktop_app.policy.store import StoreState, StoreStatus


@dataclass(frozen=True)
class Passwd:
    """What ``pwd.getpwnam`` gives, for an account that exists only in a test."""

    pw_uid: int
    pw_gid: int
    pw_dir: str


class Accounts:
    """A fake ``pwd.getpwnam``: accounts by name, each with a home in a temp folder."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self.entries: dict[str, Passwd] = {}

    def add(self, name: str) -> Path:
        home = self.base / name
        (home / "Downloads").mkdir(parents=True)
        self.entries[name] = Passwd(60_000 + len(self.entries), 60_000, str(home))
        return home

    def __call__(self, name: str) -> Passwd:
        return self.entries[name]  # KeyError: no such account, as pwd says


def child(name: str, os_user: str, birth_year: int, today: datetime) -> Profile:
    return new_profile(name, os_user, birth_year, today)


def state_with(*profiles: Profile, **values: object) -> StoreState:
    return StoreState(StoreStatus.OK, values=dict(values), profiles=list(profiles))
