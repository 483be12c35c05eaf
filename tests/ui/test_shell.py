"""How the windows are wired: the main window invites setup, `safelens guardian` quits after."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop_app import SensitivityAnalyzer
from desktop_app.ui import shell
from desktop_app.ui.guardian.pin_dialog import PinDialog
from desktop_app.ui.guardian.wizard import SetupWizard
from desktop_app.ui.shell import child_guard, guardian_launcher, main_window
from tests.helpers.guardian import make_services
from tests.helpers.keyring import MemoryKeyring


def test_main_window_invites_setup_and_opens_the_wizard(
    qtbot: QtBot, analyzer: SensitivityAnalyzer
) -> None:
    services = make_services(MemoryKeyring())
    window = main_window(analyzer, services, child_guard(services))
    qtbot.addWidget(window)
    window.show()
    assert window.setup_note.isVisible()
    assert window.guardian_button.text() == "&Set up protection…"
    with qtbot.waitSignal(window.launcher.wizard_opened, timeout=10_000) as opened:  # type: ignore[attr-defined]
        window.guardian_button.click()
    wizard = opened.args[0]
    qtbot.addWidget(wizard)
    assert isinstance(wizard, SetupWizard) and wizard.isVisible()


def test_main_window_with_a_guardian_asks_for_the_pin(
    qtbot: QtBot, analyzer: SensitivityAnalyzer
) -> None:
    services = make_services(MemoryKeyring())
    services.pin.set_pin("246810")
    services.settings.add_profile("Maya", "maya", 2016)
    window = main_window(analyzer, services, child_guard(services))
    qtbot.addWidget(window)
    window.show()
    assert not window.setup_note.isVisible()
    assert window.guardian_button.text() == "&Guardian settings…"
    with qtbot.waitSignal(window.launcher.pin_requested, timeout=10_000) as asked:  # type: ignore[attr-defined]
        window.guardian_button.click()
    assert isinstance(asked.args[0], PinDialog)


def test_guardian_command_finishes_when_the_pin_dialog_is_cancelled(qtbot: QtBot) -> None:
    services = make_services(MemoryKeyring())
    services.pin.set_pin("246810")
    finished: list[object] = []
    launcher = guardian_launcher(services, lambda *_: finished.append(True))
    with qtbot.waitSignal(launcher.pin_requested, timeout=10_000) as asked:
        launcher.open()
    dialog = asked.args[0]
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.checking, timeout=5_000)  # it first reads the delay
    dialog.reject()
    qtbot.waitUntil(lambda: finished == [True], timeout=5_000)


def test_main_window_opens_the_contacts_view(qtbot: QtBot, analyzer: SensitivityAnalyzer) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui.contacts import ContactsView

    services = make_services(MemoryKeyring())
    window = main_window(analyzer, services, child_guard(services))
    qtbot.addWidget(window)
    window.show()
    qtbot.mouseClick(window.contacts_button, Qt.MouseButton.LeftButton)
    views = [w for w in QApplication.topLevelWidgets() if isinstance(w, ContactsView)]
    assert len(views) == 1 and views[0].isVisible()
    views[0].close()


def test_every_window_has_the_app_icon(qtbot: QtBot) -> None:
    app = shell.application()
    assert app.desktopFileName() == "safelens"
    icon = app.windowIcon()
    assert not icon.isNull()
    window = QWidget()
    qtbot.addWidget(window)
    assert window.windowIcon().cacheKey() == icon.cacheKey()
