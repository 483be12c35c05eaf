"""`safelens doctor` tells an admin whether the agent is in place and the quarantine sound."""

from __future__ import annotations

from pathlib import Path

from desktop_app.cli.agent_findings import agent_findings, quarantine_findings
from desktop_app.cli.findings import Finding
from desktop_app.policy.editor import GuardianSettings
from desktop_app.policy.effective import EffectivePolicy
from desktop_app.policy.managed import ManagedPolicy
from desktop_app.policy.profiles import OsUser
from desktop_app.policy.store import SettingsStore
from desktop_app.surfaces.agent import Heartbeat, autostart_entry, install_autostart
from desktop_app.surfaces.quarantine import Quarantine, QuarantineReason


def child_policy() -> EffectivePolicy:
    parent = GuardianSettings(SettingsStore(), ManagedPolicy(), OsUser("parent", True))
    parent.add_profile("Maya", "maya", 2015)
    return GuardianSettings(SettingsStore(), ManagedPolicy(), OsUser("maya", False)).policy


def details(findings: list[Finding]) -> list[tuple[bool, str]]:
    return [(f.ok, f.detail) for f in findings]


def test_an_adults_account_needs_no_agent() -> None:
    parent = GuardianSettings(SettingsStore(), ManagedPolicy(), OsUser("parent", True))
    assert details(agent_findings(parent.policy)) == [
        (True, "not needed: this account is not a protected child")
    ]


def test_a_childs_agent_must_start_at_login_and_be_alive() -> None:
    policy = child_policy()
    first = details(agent_findings(policy))
    assert first[0][0] is False and "does not start at login" in first[0][1]
    assert first[1] == (False, "has never run for this account")

    install_autostart(autostart_entry())
    owner = policy.profile.profile_id or policy.profile.os_user
    clock = [1_000_000.0]
    beat = Heartbeat(owner, lambda _r: None, clock=lambda: clock[0])
    beat.start()
    running = details(agent_findings(policy, now=clock[0] + 30))
    assert running[0][0] is True and running[1] == (
        True,
        "running (heartbeat within the last few minutes)",
    )
    assert details(agent_findings(policy, now=clock[0] + 600))[1] == (
        False,
        "not running: last sign of life 10 min ago",
    )
    beat.stop()
    assert details(agent_findings(policy, now=clock[0] + 120))[1] == (
        False,
        "was quit 2 min ago and is not running",
    )


def test_the_quarantine_is_counted_and_must_be_private(tmp_path: Path) -> None:
    root = tmp_path / "quarantine"
    assert details(quarantine_findings(root)) == [(True, "empty (nothing has been put aside yet)")]
    photo = tmp_path / "a.jpg"
    photo.write_bytes(b"abc")
    Quarantine(root).add(photo, reason=QuarantineReason.sensitive, surface="share_folders")
    assert details(quarantine_findings(root)) == [
        (True, "folder is private (0o700)"),
        (True, "1 file(s) waiting for a guardian"),
    ]
    root.chmod(0o755)
    assert quarantine_findings(root)[0].ok is False


def test_a_damaged_heartbeat_file_is_named_as_such() -> None:
    policy = child_policy()
    owner = policy.profile.profile_id or policy.profile.os_user
    beat = Heartbeat(owner, lambda _r: None)
    beat.path.parent.mkdir(parents=True, exist_ok=True)
    beat.path.write_text("{garbled")
    assert details(agent_findings(policy))[1] == (False, "its heartbeat file is damaged")
