"""Every string a person reads is translated into Spanish, French and German, and fits.

The sources are found the way Qt finds them (pyside6-lupdate over desktop_app/ui), so a
new string without a translation fails here; the compiled .qm files must match the .ts
sources; and every help screen, rendered in each language, shows no English left over and
no clipped word.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop_app import SensitivityAnalyzer
from desktop_app.analysis import testpattern
from desktop_app.policy.settings import LANGUAGES, SETTINGS, AgeBand
from desktop_app.safety.flow import Action
from desktop_app.safety.rules import Guard, ViewerRules
from desktop_app.ui.i18n import choose_language, choose_region, install_language, remove_language
from desktop_app.ui.intervention.send_dialog import SendDialog
from desktop_app.ui.viewer import ViewerWindow
from tests.helpers.viewer import click, open_viewer

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "desktop_app" / "ui" / "translations"
BIN = Path(sys.executable).parent
TRANSLATED = [language for language in LANGUAGES if language != "en"]
PLACEHOLDER = re.compile(r"\{\d*\}|%n|%\d")
Messages = dict[tuple[str, str], tuple[str, bool]]


def read_ts(path: Path) -> Messages:
    """(context, source) -> (translation, finished)."""
    found: Messages = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None
            finished = translation.get("type") not in ("unfinished", "vanished", "obsolete")
            found[(name, source)] = (translation.text or "", finished)
    return found


@pytest.fixture(scope="module")
def current_sources(tmp_path_factory: pytest.TempPathFactory) -> set[tuple[str, str]]:
    """What lupdate finds in the code today."""
    target = tmp_path_factory.mktemp("lupdate") / "current_xx.ts"
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "desktop_app/ui").rglob("*.py"))
    command = [str(BIN / "pyside6-lupdate"), *sources, "-no-obsolete", "-locations", "none"]
    subprocess.run([*command, "-ts", str(target)], cwd=ROOT, check=True, capture_output=True)
    return set(read_ts(target))


def test_every_setting_title_and_description_is_marked_for_translation() -> None:
    tree = ast.parse((ROOT / "desktop_app/ui/guardian/setting_strings.py").read_text("utf-8"))
    marked = {
        node.args[1].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.args[1], ast.Constant)
    }
    wanted = {text for s in SETTINGS for text in (s.title, s.description)}
    assert wanted <= marked, "run tools/update_translations.py"


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_string_has_a_finished_translation_with_its_placeholders(
    language: str, current_sources: set[tuple[str, str]]
) -> None:
    messages = read_ts(TRANSLATIONS / f"safelens_{language}.ts")
    missing = current_sources - set(messages)
    assert not missing, f"run tools/update_translations.py, then translate: {sorted(missing)[:5]}"
    unfinished = [key for key in current_sources if not messages[key][1]]
    assert not unfinished, f"untranslated in {language}: {unfinished[:5]}"
    for (context, source), (translation, _finished) in messages.items():
        assert translation.strip(), (context, source)
        wanted = sorted(PLACEHOLDER.findall(source))
        assert sorted(PLACEHOLDER.findall(translation)) == wanted, (context, source)


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_compiled_translation_matches_its_source(language: str, tmp_path: Path) -> None:
    compiled = tmp_path / f"safelens_{language}.qm"
    ts = TRANSLATIONS / f"safelens_{language}.ts"
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), "-silent", str(ts), "-qm", str(compiled)],
        check=True,
        capture_output=True,
    )
    assert compiled.read_bytes() == (TRANSLATIONS / f"safelens_{language}.qm").read_bytes()


def test_the_language_comes_from_the_setting_then_the_system() -> None:
    assert choose_language("fr", QLocale("de_DE")) == "fr"
    assert choose_language(None, QLocale("de_AT")) == "de"
    assert choose_language(None, QLocale("es_MX")) == "es"
    assert choose_language(None, QLocale("ja_JP")) == "en"  # no translation yet: English
    assert choose_region("IE", QLocale("de_DE")) == "IE"
    assert choose_region(None, QLocale("fr_CA")) == "CA"


# --- every screen, in every language --------------------------------------------------


@pytest.fixture(scope="module")
def pattern(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield testpattern.write_image(tmp_path_factory.mktemp("i18n") / "pattern.png", 480, 360)


@pytest.fixture(params=TRANSLATED)
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    translators = install_language(qapp, request.param)
    assert translators, f"no .qm for {request.param}"
    yield request.param
    remove_language(qapp, translators)


def visible_texts(root: QWidget) -> list[tuple[QWidget, str]]:
    widgets: list[QWidget] = [*root.findChildren(QLabel), *root.findChildren(QPushButton)]
    return [(w, w.text()) for w in widgets if w.isVisibleTo(root) and w.text()]


def english_only(language: str) -> set[str]:
    """English sources whose translation differs (their presence means 'not translated')."""
    messages = read_ts(TRANSLATIONS / f"safelens_{language}.ts")
    return {source for (_c, source), (text, _f) in messages.items() if text != source}


def check_screen(window: QWidget, language: str, where: str) -> None:
    english = english_only(language)
    for widget, text in visible_texts(window):
        assert text not in english, f"{where}: English left in {language}: {text!r}"
        if isinstance(widget, QPushButton):
            assert widget.width() >= widget.minimumSizeHint().width(), (where, text)
        elif widget.wordWrap():
            assert widget.height() >= widget.heightForWidth(widget.width()) - 1, (where, text)
        else:
            assert widget.width() >= widget.minimumSizeHint().width(), (where, text)


VIEW_STEPS = [
    ("blurred", []),
    ("why", [Action.WHY]),
    ("help", [Action.GET_HELP]),
    ("trusted adult", [Action.MESSAGE_ADULT]),
    ("are you sure", [Action.BACK, Action.CONTINUE]),
]


@pytest.mark.parametrize("band", [AgeBand.UNDER13, AgeBand.TEEN])
def test_every_help_screen_is_translated_and_nothing_is_clipped(
    qtbot: QtBot, analyzer: SensitivityAnalyzer, pattern: Path, language: str, band: AgeBand
) -> None:
    region = {"es": "ES", "fr": "FR", "de": "DE"}[language]
    adults = [{"name": "Ana", "email": "ana@example.org"}]
    policy = "guardian_approval" if band is AgeBand.UNDER13 else "two_screens"
    rules = ViewerRules(band, policy, region=region, trusted_adults=adults)
    window: ViewerWindow = open_viewer(qtbot, pattern, analyzer, rules)
    steps = [*VIEW_STEPS, ("guardian", [Action.VIEW])] if band is AgeBand.UNDER13 else VIEW_STEPS
    for name, actions in steps:
        for action in actions:
            click(qtbot, window, action)
        qtbot.wait(20)  # layouts settle on Qt's next turn
        check_screen(window, language, f"{band.value} {name}")
    dialog = SendDialog(Guard(rules))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.wait(20)
    check_screen(dialog, language, f"{band.value} send")


def test_every_guardian_console_page_is_translated_and_nothing_is_clipped(
    qtbot: QtBot, language: str
) -> None:
    from desktop_app.ui.guardian.console import GuardianConsole
    from desktop_app.ui.guardian.sessions import LocalSession
    from tests.helpers.guardian import make_services
    from tests.helpers.keyring import MemoryKeyring

    services = make_services(MemoryKeyring())
    console = GuardianConsole(LocalSession(services, services.actions.prove_administrator()))
    qtbot.addWidget(console)
    console.resize(960, 680)
    with qtbot.waitSignal(console.loaded, timeout=10_000):
        console.show()
    qtbot.waitUntil(lambda: console.work.pending == 0)
    for index in range(console.sidebar.count()):
        console.sidebar.setCurrentRow(index)
        qtbot.wait(20)
        page = console.stack.currentWidget()
        assert visible_texts(page)
        check_screen(page, language, f"console page {console.sidebar.item(index).text()}")


def test_the_setup_wizard_is_translated_and_nothing_is_clipped(qtbot: QtBot, language: str) -> None:
    from desktop_app.ui.guardian.wizard import SetupWizard
    from tests.helpers.guardian import PIN, make_services
    from tests.helpers.keyring import MemoryKeyring

    wizard = SetupWizard(make_services(MemoryKeyring()))
    qtbot.addWidget(wizard)
    wizard.show()
    check_screen(wizard, language, "wizard welcome")
    wizard.next()
    check_screen(wizard, language, "wizard PIN")
    wizard.pin_page.first.setText(PIN)
    wizard.pin_page.second.setText(PIN)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.children_page, timeout=20_000)
    check_screen(wizard, language, "wizard children")
