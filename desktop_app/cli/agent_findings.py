"""`safelens doctor`: is the agent in place for this account, and is the quarantine sound?"""

from __future__ import annotations

import stat
import time
from pathlib import Path

from desktop_app.policy.effective import EffectivePolicy
from desktop_app.surfaces.agent import (
    HEARTBEAT_INTERVAL_S,
    LATE_FACTOR,
    Heartbeat,
    HeartbeatDamaged,
    autostart_entry,
)
from desktop_app.surfaces.quarantine import Quarantine, QuarantineError, default_root

from .findings import Finding

START_AGENT = "start `safelens agent` in this account (or log out and in again): it starts at login"


def agent_findings(policy: EffectivePolicy, now: float | None = None) -> list[Finding]:
    """For a protected account: does the agent start at login, and is it alive?"""
    profile = policy.profile
    if not profile.protected:
        return [Finding("agent", True, "not needed: this account is not a protected child")]
    found = []
    entry = autostart_entry()
    if entry.platform == "windows":
        found.append(Finding("agent", True, "autostart: the Run key is written by the agent"))
    else:
        present = Path(entry.location).exists()
        found.append(
            Finding(
                "agent",
                present,
                f"starts at login ({entry.location})" if present else "does not start at login yet",
                ""
                if present
                else "run `safelens agent` once in this account, or install the "
                "system-wide autostart entry",
            )
        )
    beat = Heartbeat(profile.profile_id or profile.os_user, lambda _reason: None)
    found.append(_alive(beat, time.time() if now is None else now))
    return found


def _alive(beat: Heartbeat, now: float) -> Finding:
    try:
        state = beat.read()
    except HeartbeatDamaged:
        return Finding("agent", False, "its heartbeat file is damaged", START_AGENT)
    if state is None:
        return Finding("agent", False, "has never run for this account", START_AGENT)
    last, clean = state.last_beat, state.clean_stop
    minutes = max(0, int((now - last) // 60))
    if clean:
        return Finding(
            "agent", False, f"was quit {minutes} min ago and is not running", START_AGENT
        )
    if now - last > HEARTBEAT_INTERVAL_S * LATE_FACTOR:
        return Finding(
            "agent", False, f"not running: last sign of life {minutes} min ago", START_AGENT
        )
    return Finding("agent", True, "running (heartbeat within the last few minutes)")


def quarantine_findings(root: Path | None = None) -> list[Finding]:
    """How many files wait there, whether the folder is private, and repairs made on open."""
    folder = root if root is not None else default_root()
    if not folder.exists():
        return [Finding("quarantine", True, "empty (nothing has been put aside yet)")]
    mode = stat.S_IMODE(folder.stat().st_mode)
    private = mode & 0o077 == 0
    found = [
        Finding(
            "quarantine",
            private,
            f"folder is private ({oct(mode)})"
            if private
            else f"folder can be read by others ({oct(mode)}): it should be 0o700",
            "" if private else f"chmod 700 '{folder}'  (as its owner or an administrator)",
        )
    ]
    try:
        quarantine = Quarantine(folder)
        repaired = quarantine.recover()
        entries = quarantine.entries()
    except (OSError, QuarantineError) as exc:
        return [
            *found,
            Finding(
                "quarantine",
                False,
                f"cannot be opened: {type(exc).__name__}",
                f"make '{folder}' readable and writable by this account only (owner this "
                "account, mode 0700), then run `safelens doctor` again",
            ),
        ]
    found.append(Finding("quarantine", True, f"{len(entries)} file(s) waiting for a guardian"))
    if repaired:
        found.append(Finding("quarantine", True, f"finished {repaired} interrupted move(s)"))
    return found
