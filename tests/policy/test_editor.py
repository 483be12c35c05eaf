"""What the console and the wizard may change: locked managed values, validation, profiles."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop_app.policy.editor import GuardianSettings, SettingLocked
from desktop_app.policy.managed import ManagedPolicy
from desktop_app.policy.profiles import OsUser, ProfileError
from desktop_app.policy.settings import AgeBand, InvalidValue
from desktop_app.policy.store import SettingsStore

NOW = datetime(2026, 11, 24, tzinfo=UTC)


def _editor(tmp_path: Path, managed: ManagedPolicy | None = None) -> GuardianSettings:
    return GuardianSettings(
        SettingsStore(tmp_path),
        managed or ManagedPolicy(),
        OsUser("parent", is_admin=True),
        clock=lambda: NOW,
    )


def test_setting_a_value_saves_it_with_its_source(tmp_path: Path) -> None:
    editor = _editor(tmp_path)
    assert not editor.set_up
    editor.set_value("strictness", "strict")
    assert editor.set_up
    again = _editor(tmp_path)
    assert again.policy.values["strictness"].value == "strict"
    assert again.policy.values["strictness"].source.value == "guardian"
    again.reset_value("strictness")
    assert _editor(tmp_path).policy["strictness"] == "standard"


def test_invalid_values_are_refused_and_nothing_is_saved(tmp_path: Path) -> None:
    editor = _editor(tmp_path)
    with pytest.raises(InvalidValue):
        editor.set_value("retention_days", 0)
    with pytest.raises(InvalidValue, match="person 1 needs an email or a phone"):
        editor.set_value("trusted_adults", [{"name": "Gran"}])
    assert not (tmp_path / "settings.json").exists()


def test_managed_values_are_locked_in_the_console(tmp_path: Path) -> None:
    managed = ManagedPolicy()
    managed.merge({"strictness": "strict"}, "/etc/safelens/policies/lab.json")
    editor = _editor(tmp_path, managed)
    with pytest.raises(SettingLocked, match="school"):
        editor.set_value("strictness", "standard")
    (field,) = [f for f in editor.fields("protection") if f.setting.key == "strictness"]
    assert field.effective.locked
    assert field.locked_note == "Set by your school (policy /etc/safelens/policies/lab.json)"
    sections = {s.section for s in [f.setting for f in editor.fields("school")]}
    assert sections == {"school"}


def test_profiles_are_added_with_bands_and_removed(tmp_path: Path) -> None:
    editor = _editor(tmp_path)
    maya = editor.add_profile("Maya", "maya", 2016)
    editor.add_profile("Leo", "leo", 2011)
    with pytest.raises(ProfileError, match="already has a profile"):
        editor.add_profile("Maya again", "maya", 2015)
    bands = {row.profile.name: row.band for row in _editor(tmp_path).profiles()}
    assert bands == {"Maya": AgeBand.UNDER13, "Leo": AgeBand.TEEN}
    editor.remove_profile(maya.id)
    assert [row.profile.name for row in _editor(tmp_path).profiles()] == ["Leo"]


def test_reviewing_damaged_settings_clears_the_failsafe(tmp_path: Path) -> None:
    editor = _editor(tmp_path)
    editor.add_profile("Maya", "maya", 2016)
    (tmp_path / "settings.json").write_text("{broken")
    damaged = _editor(tmp_path)
    assert damaged.problems and damaged.policy.values["strictness"].source.value == "failsafe"
    damaged.confirm_reviewed()
    reviewed = _editor(tmp_path)
    assert reviewed.problems == [] and reviewed.policy["strictness"] == "standard"


def test_confirming_accepts_a_band_held_back_by_a_clock_jump(tmp_path: Path) -> None:
    from desktop_app.policy.effective import record_seen

    store_ = SettingsStore(tmp_path)
    editor = GuardianSettings(
        store_, ManagedPolicy(), OsUser("sam", is_admin=False), clock=lambda: NOW
    )
    editor.add_profile("Sam", "sam", 2013)
    record_seen(editor.state, editor.policy, NOW)
    store_.save(editor.state)
    later = datetime(2031, 6, 1, tzinfo=UTC)  # five years on at once: looks like a clock jump
    jumped = GuardianSettings(
        store_, ManagedPolicy(), OsUser("sam", is_admin=False), clock=lambda: later
    )
    assert jumped.policy.profile.band is AgeBand.UNDER13
    assert any("clock moved ahead" in p for p in jumped.reviewable_problems)
    jumped.confirm_reviewed()
    assert jumped.policy.profile.band is AgeBand.TEEN and jumped.reviewable_problems == []


def test_school_policy_errors_are_not_the_guardians_to_clear(tmp_path: Path) -> None:
    managed = ManagedPolicy()
    managed.merge({"strictnes": "strict"}, "/etc/safelens/policies/lab.json")
    editor = _editor(tmp_path, managed)
    assert len(editor.problems) == 1 and editor.reviewable_problems == []


def test_each_start_is_remembered_but_a_clock_jump_is_not_trusted_by_the_next_start(
    tmp_path: Path,
) -> None:
    """SafeLens notes when it ran; a jumped clock is not noted, so starting again at the
    jumped time still keeps the younger band until a guardian confirms."""
    store = SettingsStore(tmp_path)
    now = [datetime(2026, 11, 24, tzinfo=UTC)]
    parent = GuardianSettings(store, ManagedPolicy(), OsUser("parent", True), clock=lambda: now[0])
    parent.add_profile("Sam", "sam", 2013)
    parent.complete_setup()

    def child() -> GuardianSettings:
        return GuardianSettings(store, ManagedPolicy(), OsUser("sam", False), clock=lambda: now[0])

    assert child().note_seen() is True  # the first start records today and Sam's band
    now[0] = datetime(2026, 12, 20, tzinfo=UTC)
    assert child().note_seen() is True  # used again within the month
    now[0] = datetime(2027, 1, 2, tzinfo=UTC)  # 13 for sure by now
    sam = child()
    assert sam.policy.profile.band is AgeBand.TEEN and sam.note_seen() is True
    now[0] += timedelta(days=5 * 365)  # the clock jumps five years ahead
    for _start in range(2):  # starting twice at the jumped time changes nothing
        jumped = child()
        assert jumped.policy.band_held and jumped.note_seen() is False
    assert child().policy.profile.band is AgeBand.TEEN  # held, not relaxed to adult


def test_an_editor_left_open_never_saves_over_anothers_change(tmp_path: Path) -> None:
    """The console open for an hour, the CLI adds a child meanwhile: both changes stay."""
    console, cli = _editor(tmp_path), _editor(tmp_path)
    added = cli.add_profile("Ana", "ana", 2017)
    console.set_value("strictness", "strict")
    cli.set_value("retention_days", 7)
    again = _editor(tmp_path)
    assert [row.profile.id for row in again.profiles()] == [added.id]
    assert (again.policy["strictness"], again.policy["retention_days"]) == ("strict", 7)
    assert [row.profile.id for row in console.profiles()] == [added.id]


def test_an_editor_follows_the_school_policy_it_is_given_as_a_source(tmp_path: Path) -> None:
    school = ManagedPolicy()
    current = [ManagedPolicy()]
    editor = GuardianSettings(
        SettingsStore(tmp_path), lambda: current[0], OsUser("root", True), clock=lambda: NOW
    )
    editor.set_value("strictness", "standard")
    school.merge({"strictness": "strict"}, "/etc/safelens/policies/10.json")
    current[0] = school
    with pytest.raises(SettingLocked):
        editor.set_value("strictness", "standard")
    assert editor.policy["strictness"] == "strict"
