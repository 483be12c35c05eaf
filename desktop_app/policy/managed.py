"""Managed (school/IT) policy from the OS-standard places; every value set there is locked.

Sources: Linux/BSD ``/etc/safelens/policies/*.json`` (``SAFELENS_POLICY_DIR`` overrides),
Windows ``HKLM\\Software\\Policies\\SafeLens``, macOS managed preferences
(``/Library/Managed Preferences/com.safelens.SafeLens.plist``). Each file is checked
key by key against the settings declaration: a broken file, an unknown key or a
wrong type is reported precisely (which file, which key, why) and skipped, and
every other key still applies.
"""

from __future__ import annotations

import json
import os
import plistlib
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import settings

POLICY_DIR_ENV = "SAFELENS_POLICY_DIR"
LINUX_POLICY_DIR = Path("/etc/safelens/policies")
MACOS_PLIST = Path("/Library/Managed Preferences/com.safelens.SafeLens.plist")
WINDOWS_KEY = r"HKLM\Software\Policies\SafeLens"


@dataclass(frozen=True)
class PolicyIssue:
    """One problem in one source; ``key`` is None when the whole source was unusable."""

    origin: str
    key: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.origin}, key '{self.key}'" if self.key else self.origin
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class ManagedValue:
    value: Any
    origin: str


@dataclass
class ManagedPolicy:
    values: dict[str, ManagedValue] = field(default_factory=dict)
    issues: list[PolicyIssue] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    def merge(self, mapping: Mapping[str, Any], origin: str) -> None:
        """Check each key; later sources override earlier ones (and that is reported)."""
        self.sources.append(origin)
        for key, raw in mapping.items():
            try:
                value = settings.check(str(key), raw)
            except settings.InvalidValue as exc:
                self.issues.append(PolicyIssue(origin, str(key), f"{exc}; ignored"))
                continue
            earlier = self.values.get(str(key))
            if earlier is not None and earlier.value != value:
                self.issues.append(
                    PolicyIssue(origin, str(key), f"overrides the value from {earlier.origin}")
                )
            self.values[str(key)] = ManagedValue(value, origin)


def read_json_file(path: Path, policy: ManagedPolicy) -> None:
    origin = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        policy.issues.append(PolicyIssue(origin, None, f"cannot be read ({exc}); ignored"))
        return
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        policy.issues.append(
            PolicyIssue(
                origin,
                None,
                f"is not valid JSON (line {exc.lineno}, column {exc.colno}: "
                f"{exc.msg}); the whole file was ignored",
            )
        )
        return
    if not isinstance(document, dict):
        policy.issues.append(
            PolicyIssue(
                origin, None, "must hold one JSON object of settings; the whole file was ignored"
            )
        )
        return
    policy.merge(document, origin)


def read_linux(folder: Path, policy: ManagedPolicy) -> None:
    """All *.json files in the folder, in name order (so 90-override.json wins over 10-base)."""
    if not folder.is_dir():
        return
    for path in sorted(folder.glob("*.json")):
        read_json_file(path, policy)


def read_macos(path: Path, policy: ManagedPolicy) -> None:
    if not path.exists():
        return
    try:
        with path.open("rb") as handle:
            document = plistlib.load(handle)
    except (OSError, plistlib.InvalidFileException, ValueError) as exc:
        policy.issues.append(PolicyIssue(str(path), None, f"is not a valid plist ({exc}); ignored"))
        return
    # Profiles add keys of their own (PayloadUUID...); only SafeLens' keys are read.
    ours = {k: v for k, v in document.items() if not k.startswith(("Payload", "PolicyVersion"))}
    policy.merge(ours, str(path))


RegistryReader = Callable[[], Iterable[tuple[str, Any, int]]]


def read_windows(reader: RegistryReader, policy: ManagedPolicy) -> None:
    """Values of the policy key: strings, DWORDs (booleans/ints), multi-strings (lists).

    Structured values (trusted_adults) are given as a JSON string.
    """
    try:
        entries = list(reader())
    except FileNotFoundError:
        return
    except OSError as exc:
        policy.issues.append(PolicyIssue(WINDOWS_KEY, None, f"cannot be read ({exc}); ignored"))
        return
    mapping: dict[str, Any] = {}
    known = {key.lower(): key for key in settings.BY_KEY}  # the registry ignores case
    for name, value, kind in entries:
        key = known.get(name.lower(), name)
        mapping[key] = _registry_value(key, value, kind)
    policy.merge(mapping, WINDOWS_KEY)


REG_SZ, REG_DWORD, REG_MULTI_SZ = 1, 4, 7


def _registry_value(name: str, value: Any, kind: int) -> Any:
    setting = settings.BY_KEY.get(name)
    if kind == REG_DWORD and setting is not None and isinstance(setting.type, settings.Boolean):
        return bool(value) if value in (0, 1) else value
    if kind == REG_SZ and setting is not None and isinstance(setting.type, settings.TrustedAdults):
        try:
            return json.loads(value)
        except (TypeError, json.JSONDecodeError):
            return value
    if kind == REG_SZ and value == "" and setting is not None:
        return None
    return value


def windows_registry_reader() -> Iterable[tuple[str, Any, int]]:
    import importlib

    winreg: Any = importlib.import_module("winreg")  # Windows only

    key = winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, r"Software\Policies\SafeLens")
    with key:
        index = 0
        while True:
            try:
                name, value, kind = winreg.EnumValue(key, index)
            except OSError:
                return
            yield name, value, kind
            index += 1


def load_managed(platform: str | None = None) -> ManagedPolicy:
    """The managed policy for this computer, from its OS's standard place."""
    platform = platform or sys.platform
    policy = ManagedPolicy()
    override = os.environ.get(POLICY_DIR_ENV)
    if override:
        read_linux(Path(override), policy)
    elif platform.startswith("win"):
        read_windows(windows_registry_reader, policy)
    elif platform == "darwin":
        read_macos(MACOS_PLIST, policy)
    else:
        read_linux(LINUX_POLICY_DIR, policy)
    return policy


def read_mobileconfig(path: Path, policy: ManagedPolicy) -> None:
    """The SafeLens settings inside a configuration profile (as Jamf or MDM deploys them)."""
    try:
        with path.open("rb") as handle:
            profile = plistlib.load(handle)
        payloads = profile.get("PayloadContent", [])
        found = [
            forced["mcx_preference_settings"]
            for payload in payloads
            for forced in payload.get("PayloadContent", {})
            .get("com.safelens.SafeLens", {})
            .get("Forced", [])
        ]
    except (OSError, plistlib.InvalidFileException, ValueError, AttributeError, KeyError) as exc:
        policy.issues.append(PolicyIssue(str(path), None, f"is not a valid profile ({exc})"))
        return
    if not found:
        policy.issues.append(
            PolicyIssue(str(path), None, "holds no com.safelens.SafeLens managed preferences")
        )
    for values in found:
        policy.merge(values, str(path))


def validate_file(path: Path) -> ManagedPolicy:
    """Check one policy file as `safelens policy validate` does."""
    policy = ManagedPolicy()
    if path.suffix.lower() == ".mobileconfig":
        read_mobileconfig(path, policy)
    elif path.suffix.lower() == ".plist":
        read_macos(path, policy)
    else:
        read_json_file(path, policy)
    return policy
