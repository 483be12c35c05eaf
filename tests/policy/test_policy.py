"""Settings declared once, the guardian's store, managed policy and what takes effect."""

from __future__ import annotations

import json
import plistlib
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from desktop_app.policy import settings, store
from desktop_app.policy.effective import ProfileSource, Source, record_seen, resolve
from desktop_app.policy.managed import (
    REG_DWORD,
    REG_MULTI_SZ,
    REG_SZ,
    ManagedPolicy,
    load_managed,
    read_linux,
    read_macos,
    read_windows,
)
from desktop_app.policy.profiles import OsUser, ProfileError, band_for_birth_year, new_profile
from desktop_app.policy.settings import AgeBand
from desktop_app.policy.store import SettingsStore, StoreState, StoreStatus

REPO = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
CHILD = OsUser("maya", is_admin=False)
ADMIN = OsUser("parent", is_admin=True)


# -- the declaration and what is generated from it -----------------------------------------


def test_committed_schema_is_generated_from_the_declaration() -> None:
    committed = json.loads((REPO / "packaging/policy/schema.json").read_text(encoding="utf-8"))
    assert committed == settings.policy_schema()


def test_schema_is_valid_and_every_example_policy_passes_it() -> None:
    schema = settings.policy_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    examples = sorted((REPO / "packaging/policy/examples").glob("*.json"))
    assert examples
    for example in examples:
        document = json.loads(example.read_text(encoding="utf-8"))
        jsonschema.validate(document, schema)
        policy = ManagedPolicy()
        policy.merge(document, example.name)
        assert policy.issues == [], example.name


def test_schema_and_checker_agree_on_bad_values() -> None:
    validator = jsonschema.Draft202012Validator(settings.policy_schema())
    bad = {
        "strictness": "extreme",
        "retention_days": 0,
        "test_pattern": "yes",
        "trusted_adults": [{"name": "Gran"}],
        "nonsense": 1,
    }
    for key, value in bad.items():
        assert list(validator.iter_errors({key: value})), key
        with pytest.raises(settings.InvalidValue):
            settings.check(key, value)


def test_every_setting_is_described_and_its_default_fits() -> None:
    for setting in settings.SETTINGS:
        assert len(setting.description) > 20, setting.key
        if setting.default_value() is not None or not isinstance(setting.type, settings.FolderList):
            assert setting.type.check(setting.default_value()) == setting.default_value()
    assert settings.BY_KEY["surfaces.file_picker"].default is True  # on for children


# -- profiles ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("birth_year", "band"),
    [
        (2016, AgeBand.UNDER13),
        (2013, AgeBand.UNDER13),
        (2012, AgeBand.TEEN),
        (2008, AgeBand.TEEN),
        (2007, AgeBand.ADULT),
        (None, AgeBand.ADULT),
    ],
)
def test_birth_year_to_band_takes_the_younger_band_when_unsure(
    birth_year: int | None, band: AgeBand
) -> None:
    # Born in 2013: 12 or 13 on 24 Nov 2026 depending on the birthday -> under 13.
    assert band_for_birth_year(birth_year, NOW) is band


def test_profile_validation() -> None:
    with pytest.raises(ProfileError, match="name"):
        new_profile(" ", "maya", 2016, NOW)
    with pytest.raises(ProfileError, match="birth year"):
        new_profile("Maya", "maya", 2030, NOW)
    profile = new_profile("Maya", "maya", 2016, NOW)
    assert profile.id.startswith("p-") and "Maya" not in profile.id


# -- the store -----------------------------------------------------------------------------


def _saved_store(tmp_path: Path, **values: Any) -> SettingsStore:
    target = SettingsStore(tmp_path)
    state = StoreState(
        StoreStatus.OK, values=dict(values), profiles=[new_profile("Maya", "maya", 2016, NOW)]
    )
    target.save(state)
    return target


def test_fresh_computer_is_not_set_up(tmp_path: Path) -> None:
    assert SettingsStore(tmp_path).load().status is StoreStatus.NOT_SET_UP


def test_store_round_trip(tmp_path: Path) -> None:
    target = _saved_store(tmp_path, strictness="strict")
    state = target.load()
    assert state.status is StoreStatus.OK
    assert state.values == {"strictness": "strict"}
    assert [p.name for p in state.profiles] == ["Maya"]
    saved = StoreState(StoreStatus.OK, profiles=[new_profile("Sam", "sam", 2012, NOW)])
    target.save(saved)
    assert target.load().profiles == saved.profiles  # every field comes back as it was saved
    assert not list(tmp_path.glob("*.tmp"))  # atomic write left nothing behind


def test_deleting_the_settings_makes_a_child_stricter(tmp_path: Path) -> None:
    target = _saved_store(tmp_path, strictness="standard")
    before = resolve(target.load(), ManagedPolicy(), CHILD, NOW)
    assert before["strictness"] == "standard" and before.profile.band is AgeBand.UNDER13
    target.path.unlink()  # what a child might try
    state = target.load()
    after = resolve(state, ManagedPolicy(), CHILD, NOW)
    assert state.status is StoreStatus.DAMAGED and "missing" in state.problems[0]
    assert after.profile.band is AgeBand.UNDER13
    assert after.profile.source is ProfileSource.FAILSAFE
    assert after["strictness"] == "strict"
    assert after["view_policy.teen"] == "guardian_approval"
    assert after.values["strictness"].source is Source.FAILSAFE


@pytest.mark.parametrize("garbage", [b"{not json", b"[]", b"\x00\xff" * 10, b""])
def test_corrupting_the_settings_makes_a_child_stricter(tmp_path: Path, garbage: bytes) -> None:
    target = _saved_store(tmp_path, strictness="standard", **{"surfaces.contacts": False})
    target.path.write_bytes(garbage)
    state = target.load()
    assert state.status is StoreStatus.DAMAGED and "damaged" in state.problems[0]
    after = resolve(state, ManagedPolicy(), CHILD, NOW)
    assert after["strictness"] == "strict" and after["surfaces.contacts"] is True
    assert after.profile.band is AgeBand.UNDER13


@pytest.mark.parametrize(
    "edit",
    [
        {"schema_version": "x"},
        {"schema_version": 0},
        {"settings": [1]},
        {"profiles": 5},
        {"profile_bands": [1]},
        {"profile_bands": {"p-1": "grown-up"}},
        {"last_seen_utc": 5},
    ],
)
def test_settings_in_the_wrong_shape_make_a_child_stricter(
    tmp_path: Path, edit: dict[str, Any]
) -> None:
    """Valid JSON edited by hand is damage too: never a crash that leaves nothing running."""
    target = _saved_store(tmp_path, strictness="standard")
    document = json.loads(target.path.read_text(encoding="utf-8"))
    target.path.write_text(json.dumps(document | edit), encoding="utf-8")
    state = target.load()
    assert state.status is StoreStatus.DAMAGED and "damaged" in state.problems[0]
    after = resolve(state, ManagedPolicy(), CHILD, NOW)
    assert after["strictness"] == "strict" and after.profile.band is AgeBand.UNDER13


def test_a_teen_profile_edited_to_adult_still_fails_closed(tmp_path: Path) -> None:
    target = _saved_store(tmp_path)
    document = json.loads(target.path.read_text(encoding="utf-8"))
    document["profiles"][0]["birth_year"] = "not a year"
    target.path.write_text(json.dumps(document), encoding="utf-8")
    state = target.load()
    assert state.status is StoreStatus.DAMAGED
    assert resolve(state, ManagedPolicy(), CHILD, NOW).profile.band is AgeBand.UNDER13


def test_an_invalid_value_in_the_store_is_dropped_and_reported(tmp_path: Path) -> None:
    target = _saved_store(tmp_path)
    document = json.loads(target.path.read_text(encoding="utf-8"))
    document["settings"]["retention_days"] = -5
    target.path.write_text(json.dumps(document), encoding="utf-8")
    state = target.load()
    assert "retention_days" not in state.values
    assert any("retention_days" in p for p in state.problems)


def test_migrations_back_up_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = _saved_store(tmp_path, strictness="strict")
    document = json.loads(target.path.read_text(encoding="utf-8"))
    document["schema_version"] = 1
    document["settings"] = {"old_strictness_name": "strict"}
    target.path.write_text(json.dumps(document), encoding="utf-8")
    original = target.path.read_bytes()

    def rename_key(doc: dict[str, Any]) -> dict[str, Any]:
        doc["settings"] = {"strictness": doc["settings"].pop("old_strictness_name")}
        return doc

    monkeypatch.setattr(store, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(store.MIGRATIONS, 1, rename_key)
    state = target.load()
    assert state.values == {"strictness": "strict"}
    assert (tmp_path / "settings.json.v1.bak").read_bytes() == original
    assert json.loads(target.path.read_text(encoding="utf-8"))["schema_version"] == 2


def test_a_failed_save_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = _saved_store(tmp_path, strictness="strict")
    before = target.path.read_bytes()

    def disk_full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", disk_full)
    with pytest.raises(store.StorageError, match="No space left"):
        target.save(StoreState(StoreStatus.OK, values={"strictness": "standard"}))
    assert target.path.read_bytes() == before
    assert not list(tmp_path.glob(".settings.json.*"))


# -- managed policy ------------------------------------------------------------------------


def _policy_dir(tmp_path: Path, files: dict[str, str]) -> Path:
    folder = tmp_path / "policies"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_managed_values_are_locked_and_win(tmp_path: Path) -> None:
    folder = _policy_dir(
        tmp_path,
        {"10-lab.json": json.dumps({"strictness": "strict", "lab_default_age_band": "teen"})},
    )
    managed = ManagedPolicy()
    read_linux(folder, managed)
    target = _saved_store(tmp_path, strictness="standard")
    policy = resolve(target.load(), managed, OsUser("student7", is_admin=False), NOW)
    item = policy.values["strictness"]
    assert (item.value, item.source, item.locked) == ("strict", Source.MANAGED, True)
    assert item.origin == str(folder / "10-lab.json")
    assert policy.profile.band is AgeBand.TEEN
    assert policy.profile.source is ProfileSource.LAB_RULE
    # The lab rule is for non-administrator logins only; profiles still come first.
    assert resolve(target.load(), managed, ADMIN, NOW).profile.band is None
    assert resolve(target.load(), managed, CHILD, NOW).profile.band is AgeBand.UNDER13


def test_broken_unknown_and_mistyped_policies_are_reported_precisely(tmp_path: Path) -> None:
    folder = _policy_dir(
        tmp_path,
        {
            "10-broken.json": '{"strictness": "strict",,}',
            "20-mixed.json": json.dumps(
                {"strictnes": "strict", "retention_days": "ninety", "test_pattern": True}
            ),
            "30-list.json": "[1, 2]",
        },
    )
    managed = ManagedPolicy()
    read_linux(folder, managed)
    messages = [str(issue) for issue in managed.issues]
    assert any(
        "10-broken.json" in m and "not valid JSON (line 1, column 25" in m for m in messages
    ), messages
    assert any(
        "20-mixed.json, key 'strictnes'" in m and "not a SafeLens setting" in m for m in messages
    )
    assert any("key 'retention_days'" in m and "whole number" in m for m in messages)
    assert any("30-list.json" in m and "one JSON object" in m for m in messages)
    assert {k: v.value for k, v in managed.values.items()} == {"test_pattern": True}
    policy = resolve(StoreState(StoreStatus.NOT_SET_UP), managed, CHILD, NOW)
    assert policy["test_pattern"] is True and policy["retention_days"] == 90
    assert len(policy.problems) == 4


def test_later_policy_files_override_earlier_ones_and_say_so(tmp_path: Path) -> None:
    folder = _policy_dir(
        tmp_path,
        {"10-a.json": '{"strictness": "standard"}', "90-b.json": '{"strictness": "strict"}'},
    )
    managed = ManagedPolicy()
    read_linux(folder, managed)
    assert managed.values["strictness"].value == "strict"
    assert "overrides the value from" in str(managed.issues[0])


def test_policy_dir_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _policy_dir(tmp_path, {"lab.json": '{"test_pattern": true}'})
    monkeypatch.setenv("SAFELENS_POLICY_DIR", str(folder))
    assert load_managed("linux").values["test_pattern"].value is True


def test_windows_registry_policy_with_a_fake_reader() -> None:
    entries = [
        ("strictness", "strict", REG_SZ),
        ("test_pattern", 1, REG_DWORD),
        ("share_folders.incoming", ["C:\\Users\\Public\\Inbox"], REG_MULTI_SZ),
        ("trusted_adults", '[{"name": "Ms Lee", "email": "lee@school.example"}]', REG_SZ),
        ("escalation.threshold", 5, REG_DWORD),
        ("bogus", "x", REG_SZ),
    ]
    managed = ManagedPolicy()
    read_windows(lambda: entries, managed)
    assert managed.values["test_pattern"].value is True
    assert managed.values["trusted_adults"].value == [
        {"name": "Ms Lee", "email": "lee@school.example"}
    ]
    assert managed.values["escalation.threshold"].value == 5
    assert managed.values["strictness"].origin == r"HKLM\Software\Policies\SafeLens"
    assert [issue.key for issue in managed.issues] == ["bogus"]


def test_windows_without_the_policy_key_is_no_policy() -> None:
    def missing() -> list[tuple[str, Any, int]]:
        raise FileNotFoundError

    managed = ManagedPolicy()
    read_windows(missing, managed)
    assert managed.values == {} and managed.issues == []


def test_macos_managed_preferences(tmp_path: Path) -> None:
    path = tmp_path / "com.safelens.SafeLens.plist"
    path.write_bytes(
        plistlib.dumps({"strictness": "strict", "PayloadUUID": "x", "surfaces.contacts": "yes"})
    )
    managed = ManagedPolicy()
    read_macos(path, managed)
    assert managed.values["strictness"].value == "strict"
    assert [issue.key for issue in managed.issues] == ["surfaces.contacts"]
    (tmp_path / "bad.plist").write_bytes(b"not a plist")
    broken = ManagedPolicy()
    read_macos(tmp_path / "bad.plist", broken)
    assert "not a valid plist" in str(broken.issues[0])


# -- time ----------------------------------------------------------------------------------


def test_band_changes_with_time_but_not_after_a_suspicious_clock_jump(tmp_path: Path) -> None:
    target = SettingsStore(tmp_path)
    state = StoreState(StoreStatus.OK, profiles=[new_profile("Sam", "sam", 2013, NOW)])
    sam = OsUser("sam", is_admin=False)
    policy = resolve(state, ManagedPolicy(), sam, NOW)
    assert policy.profile.band is AgeBand.UNDER13
    record_seen(state, policy, NOW)
    target.save(state)
    # SafeLens ran on 28 December; by 2 January 2027 Sam is 13 for sure -> teen.
    late_december = datetime(2026, 12, 28, tzinfo=UTC)
    state = target.load()
    record_seen(state, resolve(state, ManagedPolicy(), sam, late_december), late_december)
    target.save(state)
    soon = datetime(2027, 1, 2, tzinfo=UTC)
    assert resolve(target.load(), ManagedPolicy(), sam, soon).profile.band is AgeBand.TEEN
    # The clock jumps five years ahead at once: the band stays until a guardian confirms.
    jump = NOW + timedelta(days=5 * 365)
    jumped = resolve(target.load(), ManagedPolicy(), sam, jump)
    assert jumped.profile.band is AgeBand.UNDER13
    assert any("clock moved ahead" in p for p in jumped.problems)


def test_last_seen_never_moves_backwards() -> None:
    state = StoreState(StoreStatus.OK)
    policy = resolve(state, ManagedPolicy(), CHILD, NOW)
    record_seen(state, policy, NOW)
    record_seen(state, policy, NOW - timedelta(days=30))
    assert state.last_seen_utc == NOW.isoformat()


def test_unreadable_settings_fail_closed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = _saved_store(tmp_path)

    def denied(*_args: object, **_kwargs: object) -> bool:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "exists", denied)
    state = target.load()
    assert state.status is StoreStatus.DAMAGED and "Permission denied" in state.problems[0]
    monkeypatch.undo()
    assert resolve(state, ManagedPolicy(), CHILD, NOW).profile.band is AgeBand.UNDER13


def test_registry_value_names_ignore_case_like_the_registry() -> None:
    managed = ManagedPolicy()
    read_windows(lambda: [("Strictness", "strict", REG_SZ)], managed)
    assert managed.values["strictness"].value == "strict" and managed.issues == []


def test_the_shipped_mobileconfig_validates() -> None:
    from desktop_app.policy.managed import validate_file

    result = validate_file(REPO / "packaging/macos/com.safelens.SafeLens.mobileconfig")
    assert result.issues == []
    assert result.values["lab_default_age_band"].value == "teen"
