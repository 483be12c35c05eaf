"""What the first-run wizard saves, and the computer accounts it offers.

Runs on the wizard's worker thread (scrypt takes most of a second). Saving is safe
to repeat after a failure: a child whose account already has a profile is skipped,
and the PIN is set last, so a half-finished setup never leaves a PIN without settings.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

from desktop_app.policy.editor import GuardianSettings
from desktop_app.policy.guardian import GuardianPin

FIRST_USER_UID = 1000
NO_LOGIN_SHELLS = ("nologin", "false", "sync", "shutdown", "halt")


@dataclass(frozen=True)
class ChildEntry:
    name: str
    os_user: str
    birth_year: int


@dataclass(frozen=True)
class SetupPlan:
    """Everything the guardian entered. ``pin`` lives only in memory until it is hashed."""

    pin: str = field(repr=False)
    children: tuple[ChildEntry, ...] = ()
    trusted_adults: tuple[dict[str, str], ...] = ()


def apply_setup(plan: SetupPlan, editor: GuardianSettings, pin: GuardianPin) -> None:
    """Profiles, then trusted adults, then the PIN (raises the core's own errors)."""
    existing = {row.profile.os_user for row in editor.profiles()}
    for child in plan.children:
        if child.os_user not in existing:
            editor.add_profile(child.name, child.os_user, child.birth_year)
    if plan.trusted_adults:
        editor.set_value("trusted_adults", [dict(p) for p in plan.trusted_adults])
    if not editor.set_up:
        editor.complete_setup()
    pin.set_pin(plan.pin)


def machine_accounts() -> list[str]:
    """People's login accounts on this computer (POSIX); empty where they cannot be listed."""
    if sys.platform.startswith("win"):
        return []
    import pwd

    accounts = {
        entry.pw_name
        for entry in pwd.getpwall()
        if FIRST_USER_UID <= entry.pw_uid < 65534
        and entry.pw_shell
        and not entry.pw_shell.rstrip("/").endswith(NO_LOGIN_SHELLS)
    }
    return sorted(accounts)
