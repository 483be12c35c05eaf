"""The help card's parts a child relies on: help with sources, the trusted-adult message,
the sending screens, keyboard and screen-reader names."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrlQuery
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from desktop_app import SensitivityAnalyzer
from desktop_app.analysis import testpattern
from desktop_app.core.vocabulary import EventKind, Surface
from desktop_app.policy.settings import AgeBand
from desktop_app.safety.events import EventCounts
from desktop_app.safety.flow import Action, Screen
from desktop_app.safety.rules import Guard, ViewerRules
from desktop_app.ui.intervention.screen import ResourceCard, TrustedAdultRow
from desktop_app.ui.intervention.send_dialog import SendDialog
from tests.helpers.pixels import grab
from tests.helpers.viewer import click, open_viewer

MUM = {"name": "Mum", "email": "mum@example.org", "phone": "+44 7700 900123"}


@pytest.fixture
def pattern(tmp_path: Path) -> Path:
    return testpattern.write_image(tmp_path / "pattern.png", 480, 360)


def test_help_shows_each_resource_as_a_card_with_its_source(
    qtbot: QtBot, analyzer: SensitivityAnalyzer, pattern: Path
) -> None:
    rules = ViewerRules(AgeBand.TEEN, "two_screens", region="DE")
    window = open_viewer(qtbot, pattern, analyzer, rules)
    click(qtbot, window, Action.WHY)
    click(qtbot, window, Action.GET_HELP)
    cards = [c for c in window.panel.findChildren(ResourceCard) if c.isVisibleTo(window)]
    assert cards
    for card in cards:
        texts = [label.text() for label in card.findChildren(QLabel)]
        assert any(text.startswith("Source: http") for text in texts), texts
    words = " ".join(label.text() for label in window.panel.findChildren(QLabel))
    assert "112" in words  # Germany's emergency number, from the verified data


def test_the_trusted_adult_message_is_copied_or_mailed_without_the_picture(
    qtbot: QtBot, analyzer: SensitivityAnalyzer, pattern: Path
) -> None:
    rules = ViewerRules(AgeBand.UNDER13, "guardian_approval", trusted_adults=[MUM])
    window = open_viewer(qtbot, pattern, analyzer, rules)
    QGuiApplication.clipboard().clear()
    click(qtbot, window, Action.WHY)
    click(qtbot, window, Action.MESSAGE_ADULT)
    assert QGuiApplication.clipboard().text() == ""  # nothing is copied until asked
    row = window.panel.findChildren(TrustedAdultRow)[0]
    qtbot.mouseClick(row.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert "uncomfortable" in copied and str(pattern) not in copied
    assert row.copy_button.text() == "Copied"
    url = row.mail_url()
    assert url.scheme() == "mailto" and url.path() == "mum@example.org"
    query = QUrlQuery(url)
    assert query.queryItemValue("body") == copied
    assert {key for key, _ in query.queryItems()} == {"subject", "body"}  # no attachment


def test_no_trusted_adult_yet_says_so_kindly(
    qtbot: QtBot, analyzer: SensitivityAnalyzer, pattern: Path
) -> None:
    window = open_viewer(qtbot, pattern, analyzer, ViewerRules(AgeBand.TEEN, "two_screens"))
    click(qtbot, window, Action.WHY)
    click(qtbot, window, Action.MESSAGE_ADULT)
    words = " ".join(label.text() for label in window.panel.findChildren(QLabel))
    assert "No trusted adults were set up yet" in words
    assert not window.panel.findChildren(TrustedAdultRow)


def test_every_button_has_a_screen_reader_name_and_description(
    qtbot: QtBot, analyzer: SensitivityAnalyzer, pattern: Path
) -> None:
    rules = ViewerRules(AgeBand.UNDER13, "guardian_approval", trusted_adults=[MUM])
    window = open_viewer(qtbot, pattern, analyzer, rules)
    for steps in ([], [Action.WHY], [Action.MESSAGE_ADULT], [Action.BACK, Action.CONTINUE]):
        for step in steps:
            click(qtbot, window, step)
        assert window.panel.accessibleName() == window.title.text()
        buttons = [b for b in window.panel.findChildren(QPushButton) if b.isVisibleTo(window)]
        assert buttons
        for button in buttons:
            assert button.accessibleName() or button.text()
            assert button.accessibleDescription(), button.text()


def test_what_happened_is_counted_never_what_it_was(
    qtbot: QtBot, analyzer: SensitivityAnalyzer, pattern: Path
) -> None:
    events = EventCounts()
    rules = ViewerRules(AgeBand.TEEN, "two_screens", profile_id="p-leo")
    window = open_viewer(qtbot, pattern, analyzer, rules)
    window.panel.guard = Guard(rules, events=events)
    window.start_over()
    click(qtbot, window, Action.WHY)
    click(qtbot, window, Action.GET_HELP)
    qtbot.waitUntil(lambda: window.panel.work.pending == 0)
    counts = {(c.surface, c.kind): c.count for c in events.counts("p-leo")}
    assert counts == {
        (Surface.viewer, EventKind.sensitive): 1,
        (Surface.viewer, EventKind.help_opened): 1,
    }
    events.close()


def _send_dialog(qtbot: QtBot, band: AgeBand, send_policy: str = "confirm") -> SendDialog:
    dialog = SendDialog(Guard(ViewerRules(band, "two_screens", send_policy=send_policy)))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_under_13_cannot_send_and_gets_help_instead(qtbot: QtBot) -> None:
    dialog = _send_dialog(qtbot, AgeBand.UNDER13, send_policy="allowed")
    assert dialog.flow.screen is Screen.SEND_BLOCKED
    assert Action.SEND_ANYWAY not in dialog.panel.action_buttons
    assert "against the law" in dialog.panel.body.text()
    qtbot.mouseClick(dialog.panel.action_buttons[Action.GET_HELP], Qt.MouseButton.LeftButton)
    assert dialog.flow.screen is Screen.HELP
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.flow.screen is Screen.HELD and dialog.result() == 0


def test_a_teen_may_send_after_the_legal_note_and_dont_send_is_the_default(
    qtbot: QtBot,
) -> None:
    dialog = _send_dialog(qtbot, AgeBand.TEEN)
    assert dialog.flow.screen is Screen.SEND_CONFIRM
    assert "under 18 is against the law" in dialog.panel.body.text()
    assert next(iter(dialog.panel.action_buttons)) is Action.DONT_SEND
    assert dialog.panel.action_buttons[Action.DONT_SEND].isDefault()
    with qtbot.waitSignal(dialog.accepted):
        send = dialog.panel.action_buttons[Action.SEND_ANYWAY]
        qtbot.mouseClick(send, Qt.MouseButton.LeftButton)
    assert dialog.flow.released


def test_closing_the_sending_dialog_holds_the_file(qtbot: QtBot) -> None:
    dialog = _send_dialog(qtbot, AgeBand.TEEN)
    dialog.close()
    assert dialog.flow.screen is Screen.HELD and not dialog.flow.released


def test_double_size_text_still_fits_every_label_and_button(
    qtbot: QtBot, analyzer: SensitivityAnalyzer, pattern: Path, qapp: QApplication
) -> None:
    """200 % text (a low-vision setting): words wrap and buttons wrap, nothing is cut."""
    original = qapp.font()
    big = QFont(original)
    big.setPointSizeF(original.pointSizeF() * 2)
    qapp.setFont(big)
    try:
        rules = ViewerRules(AgeBand.TEEN, "two_screens", region="GB", trusted_adults=[MUM])
        window = open_viewer(qtbot, pattern, analyzer, rules)
        for step in ([], [Action.WHY], [Action.GET_HELP], [Action.MESSAGE_ADULT]):
            for action in step:
                click(qtbot, window, action)
            qtbot.wait(20)
            for button in window.panel.action_buttons.values():
                assert button.width() >= button.minimumSizeHint().width()
                corner = button.mapTo(window, button.rect().bottomRight())
                assert window.rect().contains(corner)  # on the window, not cut off
            assert window.title.height() >= window.title.heightForWidth(window.title.width()) - 1
            assert window.body.height() >= window.body.heightForWidth(window.body.width()) - 1
    finally:
        qapp.setFont(original)


def test_the_card_follows_a_high_contrast_palette(
    qtbot: QtBot, analyzer: SensitivityAnalyzer, pattern: Path, qapp: QApplication
) -> None:
    """A high-contrast theme (white on black) is used as it is, not painted over."""
    original = qapp.palette()
    palette = QPalette(original)
    for role, colour in (
        (QPalette.ColorRole.Window, "black"),
        (QPalette.ColorRole.Base, "black"),
        (QPalette.ColorRole.WindowText, "white"),
        (QPalette.ColorRole.Text, "white"),
        (QPalette.ColorRole.ButtonText, "white"),
        (QPalette.ColorRole.Button, "black"),
    ):
        palette.setColor(role, QColor(colour))
    qapp.setPalette(palette)
    try:
        window = open_viewer(qtbot, pattern, analyzer, ViewerRules(AgeBand.TEEN, "two_screens"))
        qtbot.wait(20)
        card = grab(window.panel)
        inside = card[card.shape[0] // 2, card.shape[1] - 6]  # the card's own background
        assert inside.max() < 40  # black, from the palette, not a fixed light colour
        assert grab(window.title).max() > 220  # white words on it
    finally:
        qapp.setPalette(original)
