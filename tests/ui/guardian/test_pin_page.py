"""The console's Change PIN page, driven with qtbot: the old PIN, the new one twice, the rules."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.ui.guardian import GuardianConsole
from desktop_app.ui.guardian.pin_page import ChangePinPage
from desktop_app.ui.guardian.services import GuardianServices
from tests.helpers.guardian import PIN, make_services, open_console
from tests.helpers.keyring import MemoryKeyring

NEW = "24681357"


@pytest.fixture
def services() -> GuardianServices:
    built = make_services(MemoryKeyring())
    built.pin.set_pin(PIN)
    return built


def pin_page(qtbot: QtBot, services: GuardianServices) -> tuple[GuardianConsole, ChangePinPage]:
    console = open_console(qtbot, services)
    console.show_page("pin")
    assert console.stack.currentWidget() is console.pin_page
    return console, console.pin_page


def submit(
    qtbot: QtBot, console: GuardianConsole, page: ChangePinPage, *typed: str, wait: bool = True
) -> None:
    for box, text in zip((page.current, page.new, page.again), typed, strict=True):
        box.clear()
        qtbot.keyClicks(box, text)
    if not wait:
        qtbot.mouseClick(page.change_button, Qt.MouseButton.LeftButton)
        return
    with qtbot.waitSignal(console.changed, timeout=20_000):
        qtbot.mouseClick(page.change_button, Qt.MouseButton.LeftButton)


def test_the_rules_are_shown_and_every_box_hides_what_is_typed(
    qtbot: QtBot, services: GuardianServices
) -> None:
    _console, page = pin_page(qtbot, services)
    assert "at least 6 digits" in page.rules.text() and "8" in page.rules.text()
    assert page.rules.isVisible()
    for box in (page.current, page.new, page.again):
        assert box.echoMode() == box.EchoMode.Password and box.isEnabled()


def test_the_right_pin_changes_it_and_nothing_stays_on_screen(
    qtbot: QtBot, services: GuardianServices
) -> None:
    console, page = pin_page(qtbot, services)
    submit(qtbot, console, page, PIN, NEW, NEW)
    assert page.done.isVisible() and "PIN was changed" in page.done.text()
    assert not page.error.isVisible()
    assert [b.text() for b in (page.current, page.new, page.again)] == ["", "", ""]
    assert services.pin.verify(NEW) and not services.pin.verify(PIN)


def test_a_wrong_current_pin_is_said_plainly_and_changes_nothing(
    qtbot: QtBot, services: GuardianServices
) -> None:
    console, page = pin_page(qtbot, services)
    submit(qtbot, console, page, "000000", NEW, NEW)
    assert page.error.text() == "The current PIN is not right. Nothing was changed."
    assert page.current.text() == "" and page.change_button.isEnabled()
    assert not page.done.isVisible()
    assert services.pin.verify(PIN)


def test_two_different_new_pins_are_refused_before_any_try(
    qtbot: QtBot, services: GuardianServices
) -> None:
    console, page = pin_page(qtbot, services)
    submit(qtbot, console, page, "000000", NEW, NEW + "9")
    assert page.error.text() == "The two new PINs are not the same. Nothing was changed."
    assert services.pin.delay_remaining() == 0 and services.pin.verify(PIN)


def test_a_too_easy_new_pin_is_explained_with_the_rules(
    qtbot: QtBot, services: GuardianServices
) -> None:
    console, page = pin_page(qtbot, services)
    submit(qtbot, console, page, PIN, "1234", "1234")
    assert "too easy to guess" in page.error.text() and "6 digits" in page.error.text()
    assert services.pin.verify(PIN)


def test_empty_boxes_are_asked_for(qtbot: QtBot, services: GuardianServices) -> None:
    console, page = pin_page(qtbot, services)
    submit(qtbot, console, page, PIN, NEW, "", wait=False)
    assert page.error.text() == "Please fill in all three boxes."
    assert page.change_button.isEnabled() and services.pin.verify(PIN)


def test_wrong_tries_are_throttled_like_the_pin_dialog(
    qtbot: QtBot, services: GuardianServices
) -> None:
    console, page = pin_page(qtbot, services)
    for _ in range(5):
        submit(qtbot, console, page, "000000", NEW, NEW)
    assert page.error.text() == "The current PIN is not right. Nothing was changed."
    submit(qtbot, console, page, PIN, NEW, NEW)  # even the right PIN waits now
    assert page.error.text().startswith("Too many wrong tries. Try again in ")
    assert services.pin.delay_remaining() > 0
