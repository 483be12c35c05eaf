"""Which language and which country's help the screens use, and Qt's translators for it.

The guardian's settings (``language``, ``region``) win; otherwise the system locale
decides. A language SafeLens has no translation for falls back to English; a country
without verified help data gets the international list (safety.resources).
"""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop_app.policy.settings import LANGUAGES
from desktop_app.safety.resources import normalise_region, region_from_locale

TRANSLATIONS_PACKAGE = "desktop_app.ui.translations"


def choose_language(override: str | None, system: QLocale | None = None) -> str:
    """The setting if there is one, else the first system UI language we translate to."""
    if override in LANGUAGES:
        return str(override)
    locale = system if system is not None else QLocale.system()
    for name in locale.uiLanguages():
        code = name.replace("_", "-").split("-", 1)[0].lower()
        if code in LANGUAGES:
            return code
    return "en"


def choose_region(override: str | None, system: QLocale | None = None) -> str | None:
    """The setting if there is one, else the country of the system locale (None if unknown)."""
    if override:
        return normalise_region(override)
    locale = system if system is not None else QLocale.system()
    return region_from_locale(locale.name())


def translation_file(language: str) -> str | None:
    """The compiled .qm shipped for ``language`` (None for English, the source language)."""
    if language == "en":
        return None
    found = resources.files(TRANSLATIONS_PACKAGE) / f"safelens_{language}.qm"
    return str(found) if found.is_file() else None


def install_language(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load SafeLens' and Qt's own translations (standard buttons) into the application."""
    installed: list[QTranslator] = []
    qm = translation_file(language)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    candidates = [(qm, None), ("qtbase_" + language, qt_dir)] if qm else []
    for name, folder in candidates:
        translator = QTranslator(app)
        loaded = translator.load(name) if folder is None else translator.load(name, folder)
        if loaded and app.installTranslator(translator):
            installed.append(translator)
    QLocale.setDefault(QLocale(language))
    return installed


def remove_language(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.English))
