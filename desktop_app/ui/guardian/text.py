"""Words the guardian reads for setting values, age bands, surfaces and kinds of event.

The core keeps machine values ('two_screens', 'teen'); this is where they become
short, translatable phrases. Qt's translate() is used because these are not methods.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop_app.policy.settings import AgeBand, Boolean, Choice, Setting
from desktop_app.safety.events import EventKind, Surface

_CONTEXT = "GuardianText"


def tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def band_name(band: AgeBand | str | None) -> str:
    names = {
        AgeBand.UNDER13: tr("Under 13"),
        AgeBand.TEEN: tr("13–17"),  # noqa: RUF001 - an en dash, as in print
        AgeBand.ADULT: tr("Adult"),
    }
    return tr("Off") if band is None else names[AgeBand(band)]


def _choices() -> dict[str, str]:
    return {
        "standard": tr("Standard (exposed nudity)"),
        "strict": tr("Strict (also suggestive pictures)"),
        "guardian_approval": tr("Only with the guardian's PIN"),
        "two_screens": tr("After two help screens"),
        "one_screen": tr("After one warning screen"),
        "blocked": tr("Blocked"),
        "confirm": tr("Asked “Are you sure?” first"),
        "allowed": tr("Allowed without a prompt"),
        "off": tr("Off"),
        "counts": tr("Counts only (never the content)"),
    }


def choice_name(value: str | None) -> str:
    """The phrase for one value of a Choice setting (age bands included)."""
    if value is None:
        return tr("Off")
    if value in {b.value for b in AgeBand}:
        return band_name(value)
    return _choices().get(value, value)


def value_text(setting: Setting, value: Any) -> str:
    """A read-only rendering of a value, for the wizard's review."""
    if isinstance(setting.type, Boolean):
        return tr("On") if value else tr("Off")
    if isinstance(setting.type, Choice):
        return choice_name(value)
    if isinstance(value, list):
        return tr("{0} entries").format(len(value))
    return str(value)


def surface_name(surface: Surface) -> str:
    names = {
        Surface.file_picker: tr("File picker"),
        Surface.share_folders: tr("Share folders"),
        Surface.contacts: tr("Contact photos"),
        Surface.viewer: tr("Viewer"),
        Surface.agent: tr("SafeLens itself"),
    }
    return names[surface]


def kind_name(kind: EventKind) -> str:
    names = {
        EventKind.sensitive: tr("Hidden as sensitive"),
        EventKind.could_not_check: tr("Could not be checked"),
        EventKind.viewed_after_warning: tr("Viewed after a warning"),
        EventKind.help_opened: tr("Help screens opened"),
        EventKind.tamper: tr("Attempts to switch SafeLens off"),
        EventKind.guardian_notice: tr("Notices sent to you"),
    }
    return names[kind]
