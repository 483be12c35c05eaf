"""ADMX/ADML templates and the macOS profile: generated from settings.py, read by managed.py."""

from __future__ import annotations

import json
import plistlib
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from desktop_app.policy import settings, templates
from desktop_app.policy.managed import (
    REG_DWORD,
    REG_MULTI_SZ,
    REG_SZ,
    WINDOWS_KEY,
    ManagedPolicy,
    read_macos,
    read_windows,
)

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"
NS = {"pd": templates.ADMX_XMLNS}
SCHOOL_LAB = PACKAGING / templates.EXAMPLE_POLICY
COUNSELLOR = [{"name": "School counsellor", "email": "counsellor@school.example"}]
REGENERATE = "regenerate with: python -m desktop_app.policy.templates packaging/"


def _admx() -> ET.Element:
    return ET.fromstring(templates.admx())


def _adml() -> ET.Element:
    return ET.fromstring(templates.adml())


def _policies() -> list[ET.Element]:
    return _admx().findall("pd:policies/pd:policy", NS)


def _value_name(policy: ET.Element) -> str:
    """The registry value a policy writes: on the policy itself or on its one element."""
    elements = policy.findall("pd:elements/*", NS)
    names = [policy.get("valueName")] + [element.get("valueName") for element in elements]
    found = [name for name in names if name]
    assert len(found) == 1, f"{policy.get('name')} must write exactly one value: {found}"
    return found[0]


def _policy_for(key: str) -> ET.Element:
    matches = [policy for policy in _policies() if _value_name(policy) == key]
    assert len(matches) == 1
    return matches[0]


def _school_lab() -> dict[str, Any]:
    values: dict[str, Any] = json.loads(SCHOOL_LAB.read_text(encoding="utf-8"))
    return values


# -- the committed files cannot drift from settings.py -------------------------------------


def test_committed_templates_are_generated_from_the_declaration() -> None:
    admx = (PACKAGING / templates.ADMX_PATH).read_text(encoding="utf-8")
    adml = (PACKAGING / templates.ADML_PATH).read_text(encoding="utf-8")
    assert admx == templates.admx(), REGENERATE
    assert adml == templates.adml(), REGENERATE
    profile = (PACKAGING / templates.MOBILECONFIG_PATH).read_bytes()
    assert profile == templates.mobileconfig(_school_lab()), REGENERATE
    schema = (PACKAGING / templates.SCHEMA_PATH).read_text(encoding="utf-8")
    assert schema == templates.schema_json(), REGENERATE


def test_the_generator_writes_the_four_files(tmp_path: Path) -> None:
    example = tmp_path / templates.EXAMPLE_POLICY
    example.parent.mkdir(parents=True)
    example.write_text('{"test_pattern": true}', encoding="utf-8")
    assert templates.main([str(tmp_path)]) == 0
    assert (tmp_path / templates.ADMX_PATH).read_text(encoding="utf-8") == templates.admx()
    assert (tmp_path / templates.ADML_PATH).read_text(encoding="utf-8") == templates.adml()
    written = json.loads((tmp_path / templates.SCHEMA_PATH).read_text(encoding="utf-8"))
    assert written == settings.policy_schema()
    profile = plistlib.loads((tmp_path / templates.MOBILECONFIG_PATH).read_bytes())
    assert _inner_values(profile) == {"test_pattern": True}


# -- ADMX and ADML ---------------------------------------------------------------------------


def test_admx_follows_the_schema_structure() -> None:
    root = _admx()
    assert root.tag == f"{{{templates.ADMX_XMLNS}}}policyDefinitions"
    assert root.get("revision") and root.get("schemaVersion")
    order = [child.tag.split("}")[1] for child in root]
    assert order == ["policyNamespaces", "resources", "supportedOn", "categories", "policies"]
    target = root.find("pd:policyNamespaces/pd:target", NS)
    assert target is not None and target.get("namespace") == templates.NAMESPACE
    categories = {c.get("name") for c in root.findall("pd:categories/pd:category", NS)}
    sequence = ["parentCategory", "supportedOn", "enabledValue", "disabledValue", "elements"]
    item_name = re.compile(r"^\w+$")
    for policy in _policies():
        assert item_name.match(policy.get("name", "")), policy.get("name")
        assert policy.get("class") == "Machine"
        assert rf"HKLM\{policy.get('key')}" == WINDOWS_KEY
        children = [child.tag.split("}")[1] for child in policy]
        assert children == sorted(children, key=sequence.index), children
        parent = policy.find("pd:parentCategory", NS)
        assert parent is not None and parent.get("ref") in categories
        has_elements = policy.find("pd:elements", NS) is not None
        assert has_elements == ("presentation" in policy.attrib)
        if has_elements:  # a policy-level valueName would also write a DWORD 1 on "Enabled"
            assert "valueName" not in policy.attrib


def test_every_setting_is_one_policy_with_strings() -> None:
    policies = _policies()
    assert sorted(_value_name(p) for p in policies) == sorted(s.key for s in settings.SETTINGS)
    strings = {s.get("id"): s.text for s in _adml().findall(".//pd:stringTable/pd:string", NS)}
    for setting in settings.SETTINGS:
        policy = _policy_for(setting.key)
        display = policy.get("displayName", "")
        explain = policy.get("explainText", "")
        assert setting.key in (strings[display[len("$(string.") : -1]] or "")
        assert setting.description in (strings[explain[len("$(string.") : -1]] or "")
        parent = policy.find("pd:parentCategory", NS)
        assert parent is not None and parent.get("ref") == f"cat_{setting.section}"


def test_every_reference_in_the_admx_resolves_in_the_adml() -> None:
    admx = templates.admx()
    adml = _adml()
    strings = {s.get("id") for s in adml.findall(".//pd:stringTable/pd:string", NS)}
    presentations = {p.get("id"): p for p in adml.findall(".//pd:presentation", NS)}
    string_refs = re.findall(r"\$\(string\.(\w+)\)", admx)
    presentation_refs = re.findall(r"\$\(presentation\.(\w+)\)", admx)
    assert string_refs and presentation_refs
    assert set(string_refs) <= strings
    assert set(presentation_refs) <= set(presentations)
    # every control in a presentation is bound to an element of that policy, and vice versa
    for policy in _policies():
        ref = policy.get("presentation")
        ids = {e.get("id") for e in policy.findall("pd:elements/*", NS)}
        if ref is None:
            assert not ids
            continue
        presentation = presentations[ref[len("$(presentation.") : -1]]
        assert {control.get("refId") for control in presentation} == ids


def test_admx_encodes_each_type_as_managed_py_reads_it() -> None:
    for setting in settings.SETTINGS:
        policy = _policy_for(setting.key)
        kind = setting.type
        elements = policy.findall("pd:elements/*", NS)
        tags = [element.tag.split("}")[1] for element in elements]
        if isinstance(kind, settings.Boolean):
            on = policy.find("pd:enabledValue/pd:decimal", NS)
            off = policy.find("pd:disabledValue/pd:decimal", NS)
            assert on is not None and on.get("value") == "1"
            assert off is not None and off.get("value") == "0"
            assert tags == []
        elif isinstance(kind, settings.Integer):
            assert tags == ["decimal"]
            assert elements[0].get("minValue") == str(kind.minimum)
            assert elements[0].get("maxValue") == str(kind.maximum)
            assert elements[0].get("storeAsText") is None  # REG_DWORD, not REG_SZ
        elif isinstance(kind, settings.FolderList):
            assert tags == ["multiText"]  # REG_MULTI_SZ
        elif isinstance(kind, settings.TrustedAdults):
            assert tags == ["text"]
            assert elements[0].get("expandable") is None  # REG_SZ, not REG_EXPAND_SZ
        else:
            assert isinstance(kind, settings.Choice)
            assert tags == ["enum"]


@pytest.mark.parametrize(
    "setting",
    [s for s in settings.SETTINGS if isinstance(s.type, settings.Choice)],
    ids=lambda s: s.key,
)
def test_choice_enums_list_exactly_the_declared_choices(setting: settings.Setting) -> None:
    kind = setting.type
    assert isinstance(kind, settings.Choice)
    items = _policy_for(setting.key).findall("pd:elements/pd:enum/pd:item/pd:value/pd:string", NS)
    written = [item.text or "" for item in items]
    assert written == [*kind.choices, *([""] if kind.nullable else [])]
    default = _adml().find(f".//pd:presentation[@id='{templates.policy_id(setting)}']/*", NS)
    assert default is not None and default.tag.endswith("dropdownList")
    expected_default = setting.default if setting.default is not None else ""
    assert written[int(default.get("defaultItem", "-1"))] == expected_default


# -- what Group Policy writes, read back by managed.read_windows ------------------------------


def _group_policy_writes(key: str, value: Any) -> tuple[str, Any, int]:
    """What the Group Policy client puts in the registry for ``value``, from the ADMX alone.

    Enabled/Disabled for a policy with enabledValue/disabledValue; otherwise "Enabled"
    with the element's control set to ``value``.
    """
    policy = _policy_for(key)
    elements = policy.findall("pd:elements/*", NS)
    if not elements:
        state = "pd:enabledValue" if value else "pd:disabledValue"
        decimal = policy.find(f"{state}/pd:decimal", NS)
        assert decimal is not None
        return policy.get("valueName", ""), int(decimal.get("value", "")), REG_DWORD
    (element,) = elements
    name, tag = element.get("valueName", ""), element.tag.split("}")[1]
    if tag == "enum":
        written = {(s.text or "") for s in element.findall("pd:item/pd:value/pd:string", NS)}
        text = "" if value is None else value
        assert text in written, f"the drop-down offers no item for {value!r}"
        return name, text, REG_SZ
    if tag == "decimal":
        assert int(element.get("minValue", "0")) <= value <= int(element.get("maxValue", "9999"))
        return name, value, REG_DWORD
    if tag == "multiText":
        return name, list(value), REG_MULTI_SZ
    assert tag == "text"
    text = json.dumps(value)
    assert len(text) <= int(element.get("maxLength", "1023"))
    return name, text, REG_SZ


def _read_registry(entries: list[tuple[str, Any, int]]) -> ManagedPolicy:
    managed = ManagedPolicy()
    read_windows(lambda: entries, managed)
    return managed


def _samples(setting: settings.Setting) -> list[Any]:
    kind = setting.type
    if isinstance(kind, settings.Boolean):
        return [True, False]
    if isinstance(kind, settings.Choice):
        return [*kind.choices, *([None] if kind.nullable else [])]
    if isinstance(kind, settings.Integer):
        return [kind.minimum, kind.maximum]
    if isinstance(kind, settings.FolderList):
        return [["C:\\Lab\\Inbox", "\\\\server\\share\\Pupils"], []]
    return [COUNSELLOR, [{"name": "Head of year", "phone": "+44 20 7946 0000"}, *COUNSELLOR]]


@pytest.mark.parametrize("setting", settings.SETTINGS, ids=lambda s: s.key)
def test_group_policy_round_trip_through_the_registry_reader(setting: settings.Setting) -> None:
    for value in _samples(setting):
        entry = _group_policy_writes(setting.key, value)
        managed = _read_registry([entry])
        assert managed.issues == [], (value, entry)
        assert managed.values[setting.key].value == value


def test_a_nullable_choice_locked_off_is_null_not_absent() -> None:
    entry = _group_policy_writes("lab_default_age_band", None)
    assert entry == ("lab_default_age_band", "", REG_SZ)
    managed = _read_registry([entry])
    assert "lab_default_age_band" in managed.values  # locked ...
    assert managed.values["lab_default_age_band"].value is None  # ... to off


def test_the_school_lab_policy_through_group_policy_equals_the_json_file() -> None:
    values = _school_lab()
    entries = [_group_policy_writes(key, value) for key, value in values.items()]
    from_registry, from_json = _read_registry(entries), ManagedPolicy()
    from_json.merge(values, "school-lab.json")
    assert from_registry.issues == [] and from_json.issues == []
    assert {k: v.value for k, v in from_registry.values.items()} == {
        k: v.value for k, v in from_json.values.items()
    }


# -- macOS -------------------------------------------------------------------------------------


def _inner_values(profile: dict[str, Any]) -> dict[str, Any]:
    (payload,) = profile["PayloadContent"]
    assert payload["PayloadType"] == "com.apple.ManagedClient.preferences"
    forced = payload["PayloadContent"][templates.MACOS_DOMAIN]["Forced"]
    (entry,) = forced
    values: dict[str, Any] = entry["mcx_preference_settings"]
    return values


def test_committed_profile_parses_and_its_values_have_no_issues(tmp_path: Path) -> None:
    profile = plistlib.loads((PACKAGING / templates.MOBILECONFIG_PATH).read_bytes())
    assert profile["PayloadType"] == "Configuration"
    assert profile["PayloadScope"] == "System"
    assert profile["PayloadIdentifier"] == templates.PROFILE_IDENTIFIER
    values = _inner_values(profile)
    assert values == _school_lab()
    managed = ManagedPolicy()
    managed.merge(values, "x")
    assert managed.issues == []
    assert {k: v.value for k, v in managed.values.items()} == values
    # what macOS writes to /Library/Managed Preferences/com.safelens.SafeLens.plist
    installed = tmp_path / "com.safelens.SafeLens.plist"
    installed.write_bytes(plistlib.dumps(values))
    from_disk = ManagedPolicy()
    read_macos(installed, from_disk)
    assert from_disk.issues == [] and from_disk.values.keys() == values.keys()


def test_profile_ids_are_stable_and_distinct() -> None:
    first = plistlib.loads(templates.mobileconfig({"test_pattern": True}))
    again = plistlib.loads(templates.mobileconfig({"strictness": "strict"}))
    assert first["PayloadUUID"] == again["PayloadUUID"]
    assert first["PayloadContent"][0]["PayloadUUID"] != first["PayloadUUID"]
    other = plistlib.loads(templates.mobileconfig({}, identifier="org.school.safelens"))
    assert other["PayloadUUID"] != first["PayloadUUID"]
    assert re.fullmatch(r"[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}", first["PayloadUUID"])


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"bogus": 1}, "'bogus'"),
        ({"strictness": "lax"}, "must be one of"),
        ({"lab_default_age_band": None}, "cannot hold null"),
    ],
)
def test_profile_refuses_values_managed_py_would_reject(
    values: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        templates.mobileconfig(values)
