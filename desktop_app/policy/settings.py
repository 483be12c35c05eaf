"""Every setting SafeLens has, declared once: type, default, description, who may change it.

The managed-policy JSON Schema (packaging/policy/schema.json), the example policy
files, the console's fields and `safelens policy show` all come from SETTINGS, so
they cannot drift apart (a test checks the committed schema against this file).
"""

from __future__ import annotations

import enum
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class AgeBand(enum.StrEnum):
    UNDER13 = "under13"
    TEEN = "teen"
    ADULT = "adult"

    @property
    def is_child(self) -> bool:
        return self is not AgeBand.ADULT


CHILD_BANDS = frozenset({AgeBand.UNDER13, AgeBand.TEEN})
ALL_BANDS = frozenset(AgeBand)


class InvalidValue(ValueError):  # noqa: N818 - reads as what it is
    """A value does not fit its setting; the message says why, in plain words."""


class SettingType:
    """How a setting's values look, how they are checked and how the schema says so."""

    label = "value"

    def check(self, value: Any) -> Any:
        raise NotImplementedError

    def schema(self) -> dict[str, Any]:
        raise NotImplementedError


class Boolean(SettingType):
    label = "true or false"

    def check(self, value: Any) -> bool:
        if isinstance(value, bool):
            return value
        raise InvalidValue(f"must be true or false, not {value!r}")

    def schema(self) -> dict[str, Any]:
        return {"type": "boolean"}


@dataclass(frozen=True)
class Choice(SettingType):
    choices: tuple[str, ...]
    nullable: bool = False

    @property
    def label(self) -> str:  # type: ignore[override]
        return " | ".join(self.choices) + (" | null" if self.nullable else "")

    def check(self, value: Any) -> str | None:
        if value is None and self.nullable:
            return None
        if isinstance(value, str) and value in self.choices:
            return value
        allowed = ", ".join(self.choices) + (" or null" if self.nullable else "")
        raise InvalidValue(f"must be one of {allowed}, not {value!r}")

    def schema(self) -> dict[str, Any]:
        values: list[str | None] = list(self.choices)
        if self.nullable:
            values.append(None)
        return {"enum": values}


@dataclass(frozen=True)
class Integer(SettingType):
    minimum: int
    maximum: int

    @property
    def label(self) -> str:  # type: ignore[override]
        return f"a whole number {self.minimum}-{self.maximum}"

    def check(self, value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidValue(f"must be a whole number, not {value!r}")
        if not self.minimum <= value <= self.maximum:
            raise InvalidValue(f"must be between {self.minimum} and {self.maximum}, not {value}")
        return value

    def schema(self) -> dict[str, Any]:
        return {"type": "integer", "minimum": self.minimum, "maximum": self.maximum}


class FolderList(SettingType):
    label = "a list of folders"

    def check(self, value: Any) -> list[str]:
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise InvalidValue("must be a list of folder paths")
        return [str(v) for v in value]

    def schema(self) -> dict[str, Any]:
        return {"type": "array", "items": {"type": "string", "minLength": 1}}


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9 ()-]{5,20}$")


class TrustedAdults(SettingType):
    label = "a list of {name, email or phone}"

    def check(self, value: Any) -> list[dict[str, str]]:
        if not isinstance(value, list):
            raise InvalidValue("must be a list of people with a name and an email or phone")
        people = []
        for index, person in enumerate(value, 1):
            if not isinstance(person, dict) or not str(person.get("name", "")).strip():
                raise InvalidValue(f"person {index} needs a name")
            email, phone = person.get("email"), person.get("phone")
            if not email and not phone:
                raise InvalidValue(f"person {index} needs an email or a phone number")
            if email and not _EMAIL.match(str(email)):
                raise InvalidValue(f"person {index}: {email!r} is not an email address")
            if phone and not _PHONE.match(str(phone)):
                raise InvalidValue(f"person {index}: {phone!r} is not a phone number")
            unknown = set(person) - {"name", "email", "phone"}
            if unknown:
                raise InvalidValue(f"person {index}: unknown field(s) {', '.join(sorted(unknown))}")
            people.append({k: str(v) for k, v in person.items() if v})
        return people

    def schema(self) -> dict[str, Any]:
        return {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["name"],
                "additionalProperties": False,
                "properties": {
                    "name": {"type": "string", "minLength": 1},
                    "email": {"type": "string", "pattern": _EMAIL.pattern},
                    "phone": {"type": "string", "pattern": _PHONE.pattern},
                },
                "anyOf": [{"required": ["email"]}, {"required": ["phone"]}],
            },
        }


@dataclass(frozen=True)
class Setting:
    """One setting. ``section`` groups it on a console page."""

    key: str
    type: SettingType
    default: Any
    description: str
    section: str
    bands: frozenset[AgeBand] = ALL_BANDS
    child_may_change: bool = False
    default_factory: Callable[[], Any] | None = field(default=None, compare=False)

    def default_value(self) -> Any:
        return self.default_factory() if self.default_factory else self.default

    @property
    def title(self) -> str:
        """A short label for the console ('surfaces.file_picker' -> 'File picker')."""
        return TITLES.get(self.key) or self.key.rsplit(".", 1)[-1].replace("_", " ").capitalize()


def default_incoming_folders(home: Path | None = None) -> list[str]:
    """Where files from other devices land on this OS (Downloads, nearby-share, SafeLens Inbox).

    ``home``: the account's home folder (the per-machine service resolves every protected
    account's folders, and its own home is not theirs); this process's home by default.
    """
    home = home if home is not None else Path.home()
    folders = [home / "Downloads", home / "SafeLens Inbox"]
    if sys.platform.startswith("win"):
        folders.append(home / "Downloads" / "Nearby Share")
        folders.append(home / "Documents" / "Bluetooth Exchange Folder")
    elif sys.platform == "darwin":
        folders.append(home / "Downloads" / "AirDrop")
    else:
        folders.append(home / "Downloads" / "Bluetooth")
    return [str(folder) for folder in folders]


TITLES = {
    "lab_default_age_band": "Age band for every other login (school labs)",
    "test_pattern": "Test mode (treat the SafeLens test pattern as sensitive)",
    "share_folders.incoming": "Incoming share folders",
    "share_folders.outgoing": "Outgoing share folders",
    "share_folders.settle_max_seconds": "Longest wait for a file still being written (seconds)",
    "view_policy.under13": "Viewing, under 13",
    "view_policy.teen": "Viewing, 13-17",
    "view_policy.adult": "Viewing, adults",
    "send_policy.under13": "Sending, under 13",
    "send_policy.teen": "Sending, 13-17",
    "send_policy.adult": "Sending, adults",
    "adult_sensitive_warning": "Warn adults about sensitive content",
    "escalation.window_hours": "Repeat window (hours)",
    "escalation.threshold": "Repeats before extra help",
    "guardian_notices": "Tell me how often (counts only)",
    "retention_days": "Keep activity counts for (days)",
    "language": "Language",
    "region": "Country for the help screens",
}

# The translations shipped in desktop_app/ui/translations (checked by the tests).
LANGUAGES = ("en", "es", "fr", "de")
# The countries in desktop_app/safety/help_resources.json (checked by the tests).
HELP_REGIONS = (
    "AU", "BE", "BR", "CA", "DE", "DK", "ES", "FR", "GB", "IE", "IN",
    "IT", "JP", "KR", "MX", "NL", "NO", "NZ", "PH", "SE", "US", "ZA",
)  # fmt: skip

VIEW = Choice(("guardian_approval", "two_screens", "one_screen"))
SEND = Choice(("blocked", "confirm", "allowed"))

SETTINGS: tuple[Setting, ...] = (
    Setting(
        "strictness",
        Choice(("standard", "strict")),
        "standard",
        "What counts as sensitive: standard = exposed nudity; strict also flags "
        "suggestive pictures and uses lower thresholds.",
        "protection",
    ),
    Setting(
        "test_pattern",
        Boolean(),
        False,
        "Test mode: the SafeLens test pattern is treated as sensitive, so a deployment "
        "can be checked end to end without real content.",
        "school",
    ),
    Setting(
        "lab_default_age_band",
        Choice(("under13", "teen", "adult"), nullable=True),
        None,
        "Every non-administrator login without its own profile is treated as this age "
        "band (for school labs). null = off.",
        "school",
    ),
    Setting(
        "surfaces.file_picker",
        Boolean(),
        True,
        "Check pictures and videos in SafeLens' file picker before they are shown.",
        "protection",
        CHILD_BANDS,
    ),
    Setting(
        "surfaces.share_folders",
        Boolean(),
        True,
        "Check files arriving in share folders (downloads, nearby share, Bluetooth).",
        "protection",
        CHILD_BANDS,
    ),
    Setting(
        "surfaces.contacts",
        Boolean(),
        True,
        "Check contact photos in vCards; sensitive ones are replaced by a neutral avatar.",
        "protection",
        CHILD_BANDS,
    ),
    Setting(
        "share_folders.incoming",
        FolderList(),
        None,
        "Folders that receive files from other devices; new files are checked there.",
        "share_folders",
        default_factory=default_incoming_folders,
    ),
    Setting(
        "share_folders.outgoing",
        FolderList(),
        [],
        "Folders whose files leave this computer; files are checked before they go.",
        "share_folders",
    ),
    Setting(
        "share_folders.settle_max_seconds",
        Integer(5, 600),
        30,
        "A file still being written after this many seconds is checked as it is (a picture "
        "that cannot be read yet is hidden from a child) and checked again when it changes.",
        "share_folders",
    ),
    Setting(
        "view_policy.under13",
        VIEW,
        "guardian_approval",
        "How a child under 13 may view something sensitive.",
        "protection",
        frozenset({AgeBand.UNDER13}),
    ),
    Setting(
        "view_policy.teen",
        VIEW,
        "two_screens",
        "How a 13-17 year old may view something sensitive.",
        "protection",
        frozenset({AgeBand.TEEN}),
    ),
    Setting(
        "view_policy.adult",
        VIEW,
        "one_screen",
        "How an adult who turned on warnings may view something sensitive.",
        "protection",
        frozenset({AgeBand.ADULT}),
        child_may_change=False,
    ),
    Setting(
        "send_policy.under13",
        SEND,
        "blocked",
        "Whether a child under 13 may send something sensitive.",
        "protection",
        frozenset({AgeBand.UNDER13}),
    ),
    Setting(
        "send_policy.teen",
        SEND,
        "confirm",
        "Whether a 13-17 year old may send something sensitive.",
        "protection",
        frozenset({AgeBand.TEEN}),
    ),
    Setting(
        "send_policy.adult",
        SEND,
        "allowed",
        "Whether an adult is asked before sending something sensitive.",
        "protection",
        frozenset({AgeBand.ADULT}),
    ),
    Setting(
        "adult_sensitive_warning",
        Boolean(),
        False,
        "Adults: blur sensitive content and show one warning screen (off by default).",
        "protection",
        frozenset({AgeBand.ADULT}),
    ),
    Setting(
        "escalation.window_hours",
        Integer(1, 24 * 14),
        24,
        "How far back repeated encounters are counted.",
        "protection",
        CHILD_BANDS,
    ),
    Setting(
        "escalation.threshold",
        Integer(1, 100),
        3,
        "After this many encounters in the window, the help screens step up.",
        "protection",
        CHILD_BANDS,
    ),
    Setting(
        "guardian_notices",
        Choice(("off", "counts")),
        "counts",
        "Tell the guardian how often sensitive content arrived (counts only, never the content).",
        "privacy",
        CHILD_BANDS,
    ),
    Setting(
        "trusted_adults",
        TrustedAdults(),
        [],
        "People a child can message for help (the message never includes the content).",
        "help",
    ),
    Setting(
        "language",
        Choice(LANGUAGES, nullable=True),
        None,
        "The language of SafeLens' screens. null = the system's language (English if "
        "SafeLens has no translation for it).",
        "help",
    ),
    Setting(
        "region",
        Choice(HELP_REGIONS, nullable=True),
        None,
        "The country whose helplines, reporting and take-down services the help screens "
        "list (ISO 3166 code). null = from the system's locale; unknown = the international "
        "list.",
        "help",
    ),
    Setting(
        "retention_days", Integer(1, 3650), 90, "How many days activity counts are kept.", "privacy"
    ),
)

BY_KEY: dict[str, Setting] = {setting.key: setting for setting in SETTINGS}


def defaults() -> dict[str, Any]:
    return {setting.key: setting.default_value() for setting in SETTINGS}


def check(key: str, value: Any) -> Any:
    """The normalised value, or InvalidValue (also for a key SafeLens does not know)."""
    setting = BY_KEY.get(key)
    if setting is None:
        raise InvalidValue(f"'{key}' is not a SafeLens setting")
    return setting.type.check(value)


def policy_schema() -> dict[str, Any]:
    """JSON Schema for a managed policy file: any subset of the settings, nothing else."""
    properties = {s.key: {"description": s.description, **s.type.schema()} for s in SETTINGS}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "SafeLens managed policy",
        "description": "Every key is optional; a key set here is locked for all users. "
        "Place files in /etc/safelens/policies/*.json (Linux), the registry key "
        "HKLM\\Software\\Policies\\SafeLens (Windows) or the managed preferences "
        "domain com.safelens.SafeLens (macOS).",
        "type": "object",
        "additionalProperties": False,
        "properties": properties,
    }
