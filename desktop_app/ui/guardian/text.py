"""Words the guardian reads for setting values, age bands, surfaces and kinds of event.

The core keeps machine values ('two_screens', 'teen'); this is where they become
short, translatable phrases. Qt's translate() is used because these are not methods.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop_app.core.vocabulary import EventKind, Surface
from desktop_app.policy.settings import AgeBand, Boolean, Choice, Setting

_CONTEXT = "GuardianText"


def tr(text: str) -> str:
    """Translate a phrase held in a variable (its literal is marked where it is written)."""
    return QCoreApplication.translate(_CONTEXT, text)


translate = QCoreApplication.translate  # literal calls below, so pyside6-lupdate finds them


def band_name(band: AgeBand | str | None) -> str:
    names = {
        AgeBand.UNDER13: translate("GuardianText", "Under 13"),
        AgeBand.TEEN: translate("GuardianText", "13–17"),  # noqa: RUF001 - an en dash, as in print
        AgeBand.ADULT: translate("GuardianText", "Adult"),
    }
    return translate("GuardianText", "Off") if band is None else names[AgeBand(band)]


def _choices() -> dict[str, str]:
    return {
        "standard": translate("GuardianText", "Standard (exposed nudity)"),
        "strict": translate("GuardianText", "Strict (also suggestive pictures)"),
        "guardian_approval": translate("GuardianText", "Only with the guardian's PIN"),
        "two_screens": translate("GuardianText", "After two help screens"),
        "one_screen": translate("GuardianText", "After one warning screen"),
        "blocked": translate("GuardianText", "Blocked"),
        "confirm": translate("GuardianText", "Asked “Are you sure?” first"),
        "allowed": translate("GuardianText", "Allowed without a prompt"),
        "off": translate("GuardianText", "Off"),
        "counts": translate("GuardianText", "Counts only (never the content)"),
    }


def choice_name(value: str | None) -> str:
    """The phrase for one value of a Choice setting (age bands included)."""
    if value is None:
        return translate("GuardianText", "Off")
    if value in {b.value for b in AgeBand}:
        return band_name(value)
    return _choices().get(value, value)


def value_text(setting: Setting, value: Any) -> str:
    """A read-only rendering of a value, for the wizard's review."""
    if isinstance(setting.type, Boolean):
        return translate("GuardianText", "On") if value else translate("GuardianText", "Off")
    if isinstance(setting.type, Choice):
        return choice_name(value)
    if isinstance(value, list):
        return translate("GuardianText", "{0} entries").format(len(value))
    return str(value)


def surface_name(surface: Surface) -> str:
    names = {
        Surface.file_picker: translate("GuardianText", "File picker"),
        Surface.share_folders: translate("GuardianText", "Share folders"),
        Surface.contacts: translate("GuardianText", "Contact photos"),
        Surface.viewer: translate("GuardianText", "Viewer"),
        Surface.agent: translate("GuardianText", "SafeLens itself"),
    }
    return names[surface]


def kind_name(kind: EventKind) -> str:
    names = {
        EventKind.sensitive: translate("GuardianText", "Hidden as sensitive"),
        EventKind.could_not_check: translate("GuardianText", "Could not be checked"),
        EventKind.viewed_after_warning: translate("GuardianText", "Viewed after a warning"),
        EventKind.help_opened: translate("GuardianText", "Help screens opened"),
        EventKind.tamper: translate("GuardianText", "Attempts to switch SafeLens off"),
        EventKind.guardian_notice: translate("GuardianText", "Notices sent to you"),
    }
    return names[kind]


def setting_title(setting: Setting) -> str:
    """A setting's short title in the user's language (setting_strings.py marks them)."""
    return QCoreApplication.translate("Settings", setting.title)


def setting_description(setting: Setting) -> str:
    return QCoreApplication.translate("Settings", setting.description)
