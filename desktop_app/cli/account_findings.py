"""`safelens doctor` in single-account mode: this account's own PIN, policy, settings,
share folders, quarantine and agent (all in folders this account can change)."""

from __future__ import annotations

import os
from pathlib import Path

from desktop_app.policy.effective import EffectivePolicy, load_effective
from desktop_app.policy.managed import ManagedPolicy, load_managed
from desktop_app.policy.store import StoreStatus

from .agent_findings import agent_findings, quarantine_findings
from .findings import Finding

PIN_STORE_FIX = (
    "start this account's password store (GNOME Keyring or KWallet) and set the PIN again in "
    "the guardian console (`safelens guardian`) — or switch to machine mode, where the "
    "service keeps the PIN where no child's account can read it"
)
PIN_RESET_FIX = (
    "an administrator resets the PIN (docs/guardian-pin.md, 'Resetting a forgotten PIN'), "
    "then sets a new one in `safelens guardian`"
)
POLICY_FIX = "correct the managed policy file; check it with `safelens policy validate FILE`"
SETTINGS_FIX = (
    "open the guardian console (`safelens guardian`) and review the settings; children get "
    "the strictest protection until then"
)
FOLDER_FIX = (
    "give this account read access to the folder, or remove it from the share folders in "
    "the guardian console"
)


def single_account_findings() -> list[Finding]:
    managed = load_managed()
    policy, state = load_effective(managed=managed)
    damaged = state.status is StoreStatus.DAMAGED
    return [
        *_pin_findings(),
        *_policy_findings(managed),
        Finding(
            "settings",
            not damaged,
            f"settings store: {state.status.value}"
            + (f" — {'; '.join(state.problems)}" if state.problems else ""),
            SETTINGS_FIX if damaged else "",
        ),
        *_folder_findings(policy),
        *quarantine_findings(),
        *agent_findings(policy),
        Finding("profile", True, _profile_line(policy)),
    ]


def _pin_findings() -> list[Finding]:
    """Where the guardian PIN lives, and whether it is still there."""
    from desktop_app.policy.guardian import GuardianPin  # keyring: only when asked

    try:
        pin = GuardianPin()
        status, kind, message = pin.status(), pin.store_kind, pin.store_message
    except Exception as exc:  # a broken keyring install must not stop the doctor
        return [Finding("guardian pin", False, f"the password store failed: {exc}", PIN_STORE_FIX)]
    in_keyring = kind == "keyring"
    found = [Finding("guardian pin", in_keyring, message, "" if in_keyring else PIN_STORE_FIX)]
    if status == "missing":
        found.append(
            Finding(
                "guardian pin",
                False,
                "a guardian PIN was set but is gone "
                "(deleted or unreadable); children stay fully protected until "
                "an administrator resets it",
                PIN_RESET_FIX,
            )
        )
    elif status == "not_set":
        found.append(
            Finding(
                "guardian pin", True, "no guardian PIN yet", "run the setup: `safelens guardian`"
            )
        )
    return found


def _policy_findings(managed: ManagedPolicy) -> list[Finding]:
    if not managed.sources and not managed.issues:
        return [Finding("policy", True, "no managed policy found (family mode)")]
    found = [
        Finding("policy", True, f"managed policy source: {source}") for source in managed.sources
    ]
    found += [Finding("policy", False, str(issue), POLICY_FIX) for issue in managed.issues]
    return found


def _folder_findings(policy: EffectivePolicy) -> list[Finding]:
    found = []
    for key in ("share_folders.incoming", "share_folders.outgoing"):
        for folder in policy[key]:
            path = Path(folder)
            if not path.exists():
                found.append(
                    Finding(
                        "share folder",
                        True,
                        f"{folder} does not exist yet (it will be watched once it is created)",
                    )
                )
            else:
                readable = os.access(path, os.R_OK | os.X_OK)
                found.append(
                    Finding(
                        "share folder",
                        readable,
                        f"{folder} " + ("is readable" if readable else "cannot be read"),
                        "" if readable else FOLDER_FIX,
                    )
                )
    return found


def _profile_line(policy: EffectivePolicy) -> str:
    profile = policy.profile
    band = profile.band.value if profile.band else "not set up"
    return f"current user {profile.os_user}: {band} ({profile.source.value})"
