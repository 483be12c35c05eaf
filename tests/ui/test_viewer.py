"""The safe viewer, clicked through as a child would: real buttons, keys and the PIN dialog."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop_app import SensitivityAnalyzer
from desktop_app.analysis import testpattern
from desktop_app.policy.approvals import Approvals
from desktop_app.policy.guardian import GuardianPin
from desktop_app.policy.settings import AgeBand
from desktop_app.safety.flow import Action, Screen
from desktop_app.safety.rules import ViewerRules
from desktop_app.ui.viewer import ViewerWindow
from desktop_app.ui.widgets.sensitive_view import ViewState
from tests.helpers import media
from tests.helpers.guardian import FAST, PIN, enter
from tests.helpers.keyring import MemoryKeyring
from tests.helpers.pixels import shown
from tests.helpers.viewer import click, open_viewer

UNDER13 = ViewerRules(
    AgeBand.UNDER13,
    "guardian_approval",
    profile_id="p-maya",
    region="GB",
    trusted_adults=[{"name": "Mum", "phone": "+44 7700 900123"}],
)
TEEN = ViewerRules(AgeBand.TEEN, "two_screens", profile_id="p-leo", region="ZZ")


@pytest.fixture
def pattern(tmp_path: Path) -> Path:
    return testpattern.write_image(tmp_path / "pattern.png", 512, 384)


def panel_text(window: ViewerWindow) -> str:
    """Every word the child can see on the help card (labels that are shown)."""
    labels = window.panel.findChildren(QLabel)
    return "\n".join(label.text() for label in labels if label.isVisibleTo(window.panel))


def test_esc_on_the_first_screen_keeps_it_hidden(
    qtbot: QtBot, analyzer: SensitivityAnalyzer, pattern: Path
) -> None:
    window = open_viewer(qtbot, pattern, analyzer, UNDER13)
    assert window.flow is not None and window.flow.screen is Screen.BLURRED
    assert window.title.text() == "This may be sensitive"
    assert list(window.action_buttons) == [Action.NOT_NOW, Action.WHY, Action.VIEW]
    assert window.action_buttons[Action.NOT_NOW].isDefault()
    assert not testpattern.matches(shown(window))
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.flow.screen is Screen.CLOSED and not window.isVisible()


def test_under_13_needs_the_guardian_and_the_approval_is_remembered_for_those_bytes(
    qtbot: QtBot, analyzer: SensitivityAnalyzer, pattern: Path, tmp_path: Path
) -> None:
    pin = GuardianPin(backend=MemoryKeyring(), cost=FAST)
    pin.set_pin(PIN)
    approvals = Approvals()
    window = open_viewer(qtbot, pattern, analyzer, UNDER13, pin=pin, approvals=approvals)
    for action in (Action.VIEW, Action.CONTINUE, Action.VIEW):
        assert not testpattern.matches(shown(window))
        click(qtbot, window, action)
    assert window.flow is not None and window.flow.screen is Screen.GUARDIAN_APPROVAL
    assert not testpattern.matches(shown(window))
    click(qtbot, window, Action.APPROVED)
    dialog = window.panel.pin_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: not dialog.checking)
    enter(qtbot, dialog, PIN)
    qtbot.waitUntil(lambda: window.view.state is ViewState.SHOWN)
    assert testpattern.matches(shown(window))
    qtbot.waitUntil(lambda: window.work.pending == 0)  # the approval is saved off-thread

    copy = tmp_path / "elsewhere" / "same.png"
    copy.parent.mkdir()
    shutil.copyfile(pattern, copy)
    again = open_viewer(qtbot, copy, analyzer, UNDER13, pin=pin, approvals=approvals)
    assert again.flow is not None and again.flow.screen is Screen.CONTENT
    qtbot.waitUntil(lambda: again.view.state is ViewState.SHOWN)  # a byte-identical copy opens

    other = testpattern.write_image(tmp_path / "other.png", 640, 480)
    different = open_viewer(qtbot, other, analyzer, UNDER13, pin=pin, approvals=approvals)
    assert different.view.state is ViewState.BLURRED


def test_teen_views_after_two_screens_without_a_pin(
    qtbot: QtBot, analyzer: SensitivityAnalyzer, pattern: Path
) -> None:
    window = open_viewer(qtbot, pattern, analyzer, TEEN)
    click(qtbot, window, Action.VIEW)
    assert window.title.text() == "Why is it hidden?"
    click(qtbot, window, Action.CONTINUE)
    assert window.title.text() == "Are you sure?"
    assert window.action_buttons[Action.DONT_VIEW].isDefault()
    click(qtbot, window, Action.VIEW)
    qtbot.waitUntil(lambda: window.view.state is ViewState.SHOWN)  # read off the GUI thread
    assert testpattern.matches(shown(window))
    click(qtbot, window, Action.HIDE_AGAIN)
    assert not testpattern.matches(shown(window))


def test_help_lists_the_regions_resources_with_sources_and_the_trusted_adult_message(
    qtbot: QtBot, analyzer: SensitivityAnalyzer, pattern: Path
) -> None:
    window = open_viewer(qtbot, pattern, analyzer, UNDER13)
    click(qtbot, window, Action.WHY)
    click(qtbot, window, Action.GET_HELP)
    text = panel_text(window)
    assert "Childline" in text and "Source: http" in text and "999" in text
    click(qtbot, window, Action.MESSAGE_ADULT)
    text = panel_text(window)
    assert "Mum" in text and "does not include the picture" in text
    click(qtbot, window, Action.BACK)
    assert window.title.text() == "Why is it hidden?"


def test_an_unknown_region_gets_the_international_list(
    qtbot: QtBot, analyzer: SensitivityAnalyzer, pattern: Path
) -> None:
    window = open_viewer(qtbot, pattern, analyzer, TEEN)
    click(qtbot, window, Action.WHY)
    click(qtbot, window, Action.GET_HELP)
    text = panel_text(window)
    assert "Take It Down" in text and "StopNCII" not in text


def test_an_ordinary_photo_is_shown_without_any_screen(
    qtbot: QtBot, analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    photo = media.save(media.people_photos()["astronaut"], tmp_path / "astronaut.png")
    window = open_viewer(qtbot, photo, analyzer, UNDER13)
    qtbot.waitUntil(lambda: window.view.state is ViewState.SHOWN)
    assert window.flow is None and not window.panel.isVisible()


def test_viewer_rules_come_from_the_effective_policy_of_the_current_user() -> None:
    from desktop_app.policy.editor import GuardianSettings
    from desktop_app.policy.managed import ManagedPolicy
    from desktop_app.policy.profiles import OsUser
    from desktop_app.policy.store import SettingsStore
    from desktop_app.safety.rules import rules_from_policy
    from desktop_app.ui.guardian.services import GuardianServices

    parent = GuardianSettings(SettingsStore(), ManagedPolicy(), OsUser("parent", True))
    maya = parent.add_profile("Maya", "maya", 2017)
    parent.set_value("trusted_adults", [{"name": "Mum", "email": "mum@example.org"}])
    child = GuardianSettings(SettingsStore(), ManagedPolicy(), OsUser("maya", False))
    services = GuardianServices(child, GuardianPin(backend=MemoryKeyring(), cost=FAST), Approvals())
    rules = rules_from_policy(services.settings.policy, services.events, "GB")
    assert (rules.band, rules.view_policy, rules.profile_id) == (
        AgeBand.UNDER13,
        "guardian_approval",
        maya.id,
    )
    assert rules.trusted_adults == [{"name": "Mum", "email": "mum@example.org"}]
