"""Deployment templates generated from the settings declaration, so they cannot drift.

* ``admx()`` / ``adml()``: the Group Policy administrative template (Group Policy,
  Intune "Import ADMX") writing ``HKLM\\Software\\Policies\\SafeLens`` exactly as
  ``managed.read_windows`` reads it: one value per setting, named by its key.
  Booleans are REG_DWORD 1/0, choices REG_SZ (a nullable choice's "off" item writes
  an empty REG_SZ, which the reader takes as null, so "off" is locked too), whole
  numbers REG_DWORD, folder lists REG_MULTI_SZ, trusted adults a JSON REG_SZ.
* ``mobileconfig(values)``: a macOS configuration profile (Jamf, any MDM) that forces
  the values into the managed preferences domain ``com.safelens.SafeLens``.
* ``schema_json()``: the JSON Schema of a Linux policy file (``settings.policy_schema()``).

Regenerate the committed files with ``python -m desktop_app.policy.templates packaging/``.
"""

from __future__ import annotations

import argparse
import json
import plistlib
import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import settings
from .settings import Boolean, Choice, FolderList, Integer, Setting, TrustedAdults

ADMX_XMLNS = "http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions"
NAMESPACE = "SafeLens.Policies"
PREFIX = "safelens"
REGISTRY_KEY = r"Software\Policies\SafeLens"
ROOT_CATEGORY = "SafeLens"
SUPPORTED = "SUPPORTED_SafeLens_0_1"
REVISION = "1.0"
NULL_ITEM = "null"  # string-id suffix of a nullable choice's "off" item
TRUSTED_ADULTS_MAX_LENGTH = 4096
TRUSTED_ADULTS_EXAMPLE = '[{"name": "School counsellor", "email": "counsellor@school.example"}]'

MACOS_DOMAIN = "com.safelens.SafeLens"
PROFILE_IDENTIFIER = "com.safelens.SafeLens.policy"
_UUID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_DNS, "safelens.policy.templates")

ADMX_PATH = Path("windows/SafeLens.admx")
ADML_PATH = Path("windows/en-US/SafeLens.adml")
MOBILECONFIG_PATH = Path("macos/com.safelens.SafeLens.mobileconfig")
SCHEMA_PATH = Path("policy/schema.json")
EXAMPLE_POLICY = Path("policy/examples/school-lab.json")

_ID_CHARS = re.compile(r"[^A-Za-z0-9_]")


# -- names shared by the ADMX and the ADML --------------------------------------------------


def policy_id(setting: Setting) -> str:
    """ADMX names are letters, digits and '_': 'surfaces.file_picker' -> 'surfaces_file_picker'."""
    return _ID_CHARS.sub("_", setting.key)


def _item_id(setting: Setting, value: str | None) -> str:
    suffix = NULL_ITEM if value is None else _ID_CHARS.sub("_", value)
    return f"{policy_id(setting)}_item_{suffix}"


def _enum_values(kind: Choice) -> list[str | None]:
    """The enum items of a choice; None (written as an empty REG_SZ) when it is nullable."""
    return [*kind.choices, *([None] if kind.nullable else [])]


def _sections() -> list[str]:
    """Sections in the order they first appear in the declaration."""
    return list(dict.fromkeys(setting.section for setting in settings.SETTINGS))


def _section_title(section: str) -> str:
    return section.replace("_", " ").capitalize()


def _check_ids() -> None:
    ids = [policy_id(setting) for setting in settings.SETTINGS]
    if len(set(ids)) != len(ids):
        raise ValueError("two settings map to the same ADMX policy name")


# -- ADMX -----------------------------------------------------------------------------------


def admx() -> str:
    """The ADMX file: one Machine policy per setting, a category per section."""
    _check_ids()
    root = ET.Element(
        "policyDefinitions", {"revision": REVISION, "schemaVersion": "1.0", "xmlns": ADMX_XMLNS}
    )
    namespaces = ET.SubElement(root, "policyNamespaces")
    ET.SubElement(namespaces, "target", {"prefix": PREFIX, "namespace": NAMESPACE})
    ET.SubElement(root, "resources", {"minRequiredRevision": REVISION})
    supported = ET.SubElement(ET.SubElement(root, "supportedOn"), "definitions")
    ET.SubElement(
        supported, "definition", {"name": SUPPORTED, "displayName": f"$(string.{SUPPORTED})"}
    )
    categories = ET.SubElement(root, "categories")
    ET.SubElement(
        categories,
        "category",
        {"name": ROOT_CATEGORY, "displayName": f"$(string.{ROOT_CATEGORY})"},
    )
    for section in _sections():
        category = ET.SubElement(
            categories,
            "category",
            {"name": f"cat_{section}", "displayName": f"$(string.cat_{section})"},
        )
        ET.SubElement(category, "parentCategory", {"ref": ROOT_CATEGORY})
    policies = ET.SubElement(root, "policies")
    for setting in settings.SETTINGS:
        _policy(policies, setting)
    return _serialise(root)


def _policy(parent: ET.Element, setting: Setting) -> None:
    name = policy_id(setting)
    attributes = {
        "name": name,
        "class": "Machine",
        "displayName": f"$(string.{name})",
        "explainText": f"$(string.{name}_Explain)",
    }
    kind = setting.type
    if isinstance(kind, Boolean):
        attributes.update(key=REGISTRY_KEY, valueName=setting.key)
    else:
        attributes.update(presentation=f"$(presentation.{name})", key=REGISTRY_KEY)
    policy = ET.SubElement(parent, "policy", attributes)
    ET.SubElement(policy, "parentCategory", {"ref": f"cat_{setting.section}"})
    ET.SubElement(policy, "supportedOn", {"ref": SUPPORTED})
    if isinstance(kind, Boolean):
        ET.SubElement(ET.SubElement(policy, "enabledValue"), "decimal", {"value": "1"})
        ET.SubElement(ET.SubElement(policy, "disabledValue"), "decimal", {"value": "0"})
        return
    elements = ET.SubElement(policy, "elements")
    element = {"id": name, "valueName": setting.key}
    if isinstance(kind, Choice):
        enum = ET.SubElement(elements, "enum", {**element, "required": "true"})
        for value in _enum_values(kind):
            item = ET.SubElement(
                enum, "item", {"displayName": f"$(string.{_item_id(setting, value)})"}
            )
            # An empty REG_SZ is read back as null: the setting is locked "off".
            ET.SubElement(ET.SubElement(item, "value"), "string").text = value or ""
    elif isinstance(kind, Integer):
        ET.SubElement(
            elements,
            "decimal",
            {
                **element,
                "required": "true",
                "minValue": str(kind.minimum),
                "maxValue": str(kind.maximum),
            },
        )
    elif isinstance(kind, FolderList):
        ET.SubElement(elements, "multiText", element)
    elif isinstance(kind, TrustedAdults):
        ET.SubElement(
            elements,
            "text",
            {**element, "required": "true", "maxLength": str(TRUSTED_ADULTS_MAX_LENGTH)},
        )
    else:  # pragma: no cover - a new setting type needs an encoding here and in managed.py
        raise TypeError(f"no ADMX encoding for {type(kind).__name__} ({setting.key})")


# -- ADML -----------------------------------------------------------------------------------


def adml() -> str:
    """The en-US resources: names, explanations and the controls of every policy."""
    _check_ids()
    root = ET.Element(
        "policyDefinitionResources",
        {"revision": REVISION, "schemaVersion": "1.0", "xmlns": ADMX_XMLNS},
    )
    ET.SubElement(root, "displayName").text = "SafeLens"
    description = "SafeLens managed policy: every setting configured here is locked for all users."
    ET.SubElement(root, "description").text = description
    resources = ET.SubElement(root, "resources")
    strings = ET.SubElement(resources, "stringTable")
    presentations = ET.SubElement(resources, "presentationTable")

    def string(string_id: str, text: str) -> None:
        ET.SubElement(strings, "string", {"id": string_id}).text = text

    string(ROOT_CATEGORY, "SafeLens")
    string(SUPPORTED, "SafeLens 0.1 or later")
    for section in _sections():
        string(f"cat_{section}", _section_title(section))
    for setting in settings.SETTINGS:
        name = policy_id(setting)
        string(name, f"{setting.title} ({setting.key})")
        string(f"{name}_Explain", explain(setting))
        kind = setting.type
        if isinstance(kind, Choice):
            for value in kind.choices:
                string(_item_id(setting, value), value)
            if kind.nullable:
                string(_item_id(setting, None), "Off (null)")
        if isinstance(kind, Boolean):
            continue
        presentation = ET.SubElement(presentations, "presentation", {"id": name})
        label = f"{setting.title}:"
        if isinstance(kind, Choice):
            default_item = _enum_values(kind).index(setting.default)
            ET.SubElement(
                presentation,
                "dropdownList",
                {"refId": name, "noSort": "true", "defaultItem": str(default_item)},
            ).text = label
        elif isinstance(kind, Integer):
            ET.SubElement(
                presentation,
                "decimalTextBox",
                {"refId": name, "defaultValue": str(setting.default), "spinStep": "1"},
            ).text = label
        elif isinstance(kind, FolderList):
            lines = ET.SubElement(presentation, "multiTextBox", {"refId": name})
            lines.text = f"{setting.title} (one folder per line):"
        elif isinstance(kind, TrustedAdults):
            box = ET.SubElement(presentation, "textBox", {"refId": name})
            ET.SubElement(box, "label").text = f"{setting.title} (JSON, see the help text):"
    return _serialise(root)


def explain(setting: Setting) -> str:
    """The help text Group Policy shows next to a policy."""
    kind = setting.type
    if setting.default_factory is not None:
        doc = (setting.default_factory.__doc__ or "").strip().splitlines()
        default = doc[0].rstrip(".") if doc else "depends on the computer"
    else:
        default = json.dumps(setting.default)
    lines = [setting.description, ""]
    if isinstance(kind, Boolean):
        lines += [
            "Enabled: locked to true for every user. Disabled: locked to false.",
            f"Not configured: the guardian's choice applies (default: {default}).",
        ]
    else:
        lines += [
            "Enabled: the value chosen below is locked for every user.",
            f"Disabled or not configured: the guardian's choice applies (default: {default}).",
        ]
    if isinstance(kind, Choice):
        lines.append(f"Values: {', '.join(kind.choices)}.")
        if kind.nullable:
            lines.append('"Off (null)" locks the setting off.')
        registry = "REG_SZ"
    elif isinstance(kind, Integer):
        lines.append(f"A whole number from {kind.minimum} to {kind.maximum}.")
        registry = "REG_DWORD"
    elif isinstance(kind, FolderList):
        lines.append("One folder per line.")
        registry = "REG_MULTI_SZ"
    elif isinstance(kind, TrustedAdults):
        lines.append(
            "A JSON list of people, each with a name and an email or a phone number, "
            f"for example {TRUSTED_ADULTS_EXAMPLE}."
        )
        registry = "REG_SZ, JSON"
    else:
        registry = "REG_DWORD, 1 or 0"
    lines += [
        "",
        f"Registry: HKLM\\{REGISTRY_KEY}, value {setting.key} ({registry}). "
        f'The same key in a JSON policy file or the macOS domain {MACOS_DOMAIN}: "{setting.key}".',
    ]
    return "\n".join(lines)


def _serialise(root: ET.Element) -> str:
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode", short_empty_elements=True)
    return f'<?xml version="1.0" encoding="utf-8"?>\n{body}\n'


# -- macOS configuration profile -----------------------------------------------------------


def mobileconfig(values: dict[str, Any], *, identifier: str = PROFILE_IDENTIFIER) -> bytes:
    """A configuration profile forcing ``values`` into ``com.safelens.SafeLens``.

    Each value is checked against the declaration first (ValueError says which key
    and why). A plist cannot hold null, so a nullable setting cannot be locked to
    null here: leave the key out.
    """
    checked: dict[str, Any] = {}
    for key, raw in values.items():
        if raw is None:
            raise ValueError(
                f"'{key}': a macOS profile cannot hold null; leave the key out instead"
            )
        try:
            checked[key] = settings.check(key, raw)
        except settings.InvalidValue as exc:
            raise ValueError(f"'{key}': {exc}") from exc
    payload = {
        "PayloadType": "com.apple.ManagedClient.preferences",
        "PayloadVersion": 1,
        "PayloadIdentifier": f"{identifier}.preferences",
        "PayloadUUID": _uuid(f"{identifier}.preferences"),
        "PayloadEnabled": True,
        "PayloadDisplayName": "SafeLens settings",
        "PayloadContent": {MACOS_DOMAIN: {"Forced": [{"mcx_preference_settings": checked}]}},
    }
    profile = {
        "PayloadType": "Configuration",
        "PayloadVersion": 1,
        "PayloadIdentifier": identifier,
        "PayloadUUID": _uuid(identifier),
        "PayloadDisplayName": "SafeLens policy",
        "PayloadDescription": "Settings for SafeLens, locked for every user of this Mac.",
        "PayloadScope": "System",
        "PayloadContent": [payload],
    }
    return plistlib.dumps(profile, fmt=plistlib.FMT_XML, sort_keys=True)


def _uuid(name: str) -> str:
    return str(uuid.uuid5(_UUID_NAMESPACE, name)).upper()


# -- writing the committed files -----------------------------------------------------------


def schema_json() -> str:
    """The committed text of ``policy/schema.json`` (what `safelens policy schema` prints)."""
    return json.dumps(settings.policy_schema(), indent=2, ensure_ascii=False) + "\n"


def write_all(out: Path, example: Path | None = None) -> list[Path]:
    """Write the ADMX, the ADML, the JSON Schema and the example profile below ``out``."""
    example = example or out / EXAMPLE_POLICY
    values = json.loads(example.read_text(encoding="utf-8"))
    if not isinstance(values, dict):
        raise ValueError(f"{example} must hold one JSON object of settings")
    files = (
        (ADMX_PATH, admx().encode("utf-8")),
        (ADML_PATH, adml().encode("utf-8")),
        (SCHEMA_PATH, schema_json().encode("utf-8")),
        (MOBILECONFIG_PATH, mobileconfig(values)),
    )
    written = []
    for relative, data in files:
        path = out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m desktop_app.policy.templates",
        description="Write the ADMX/ADML templates, the JSON Schema and a macOS profile "
        "generated from the settings declaration.",
    )
    parser.add_argument("out", type=Path, help="folder to write into, e.g. packaging/")
    parser.add_argument(
        "--values",
        type=Path,
        default=None,
        metavar="POLICY.json",
        help=f"the settings for the .mobileconfig (default: OUT/{EXAMPLE_POLICY})",
    )
    args = parser.parse_args(argv)
    try:
        written = write_all(args.out, args.values)
    except (OSError, ValueError) as exc:
        parser.exit(1, f"templates: {exc}\n")
    for path in written:
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
