"""What the first-run setup saves: in a session's own folder, or by the service for the machine.

Saving is safe to repeat after a failure: a child whose account already has a profile is
skipped, and the PIN is set last, so a half-finished setup never leaves a PIN without
settings. Runs off the GUI thread (scrypt takes most of a second).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_app.policy.editor import GuardianSettings
from desktop_app.policy.guardian import GuardianPin


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
