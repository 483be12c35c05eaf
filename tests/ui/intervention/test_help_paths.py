"""Every path through the help screens, per age band, clicked and keyed as a child would.

The paths are enumerated from the flow itself (each screen at most once per path, the
guardian's PIN left out), then walked in the real viewer on the admin test pattern: at
every step the title is the flow's screen and — unless the flow reached CONTENT — no
pixel of the pattern is on the screen. Under 13 never reaches CONTENT this way.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app import SensitivityAnalyzer
from desktop_app.analysis import testpattern
from desktop_app.policy.settings import AgeBand
from desktop_app.safety.flow import Action, FlowContext, Screen, SendingFlow, ViewingFlow
from desktop_app.safety.rules import Guard, ViewerRules
from desktop_app.ui.intervention.copy import screen_text
from desktop_app.ui.intervention.send_dialog import SendDialog
from desktop_app.ui.viewer import ViewerWindow
from desktop_app.ui.widgets.sensitive_view import ViewState
from tests.helpers.pixels import shown
from tests.helpers.viewer import click, open_viewer

ESC = "esc"
RULES = {
    "under13": ViewerRules(AgeBand.UNDER13, "guardian_approval", profile_id="p-a", region="GB"),
    "under13-escalated": ViewerRules(
        AgeBand.UNDER13, "guardian_approval", profile_id="p-b", recent_encounters=5
    ),
    "teen": ViewerRules(AgeBand.TEEN, "two_screens", profile_id="p-c", region="FR"),
    "teen-escalated": ViewerRules(AgeBand.TEEN, "two_screens", recent_encounters=5),
    "adult": ViewerRules(AgeBand.ADULT, "one_screen"),
}


def simple_paths(
    start: ViewingFlow | SendingFlow, stop_at: frozenset[Screen] = frozenset()
) -> list[list[Action | str]]:
    """Every path from the first screen to an end, each screen at most once per path, Esc
    tried on every screen; the guardian's PIN is left out."""
    found: list[list[Action | str]] = []

    def walk(flow: ViewingFlow | SendingFlow, steps: list[Action | str], seen: set[Screen]) -> None:
        actions = [a for a in flow.actions() if a not in (Action.APPROVED, Action.CLOSE)]
        if flow.screen in stop_at or not actions:
            found.append(steps)
            return
        found.append([*steps, ESC])
        for action in actions:
            following = copy.deepcopy(flow)
            following.apply(action)
            if following.screen not in seen:
                walk(following, [*steps, action], seen | {following.screen})

    walk(start, [], {start.screen})
    return found


def paths(rules: ViewerRules) -> list[list[Action | str]]:
    context = FlowContext(rules.band, rules.view_policy, recent_encounters=rules.recent_encounters)
    return simple_paths(ViewingFlow(context), stop_at=frozenset({Screen.CONTENT}))


def reopen(qtbot: QtBot, window: ViewerWindow) -> None:
    """The same file opened again: first screen, picture hidden, the window in front."""
    window.start_over()
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow() and window.view.state is ViewState.BLURRED)


@pytest.fixture(scope="module")
def pattern(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield testpattern.write_image(tmp_path_factory.mktemp("paths") / "pattern.png", 480, 360)


@pytest.mark.slow  # walks every path of every band (tests/safety/test_flow.py walks them quickly)
@pytest.mark.parametrize("name", list(RULES))
def test_every_path_of_the_viewing_flow(
    qtbot: QtBot, analyzer: SensitivityAnalyzer, pattern: Path, name: str
) -> None:
    rules = RULES[name]
    window = open_viewer(qtbot, pattern, analyzer, rules)
    every = paths(rules)
    assert len(every) >= 8
    for steps in every:
        reopen(qtbot, window)
        for step in steps:
            if step == ESC:
                qtbot.keyClick(window, Qt.Key.Key_Escape)
            else:
                assert isinstance(step, Action)
                click(qtbot, window, step)
            flow = window.flow
            assert flow is not None
            screen = flow.screen
            if screen is Screen.CONTENT:
                assert rules.band is not AgeBand.UNDER13, steps
                qtbot.waitUntil(lambda: window.view.state is ViewState.SHOWN)
                assert testpattern.matches(shown(window))
                continue
            assert not testpattern.matches(shown(window)), (name, steps)
            if screen is Screen.CLOSED:
                assert not window.isVisible()  # Esc, Not now, Don't view: the window goes
            else:
                assert window.title.text() == screen_text(screen, rules.band)[0]
        if steps and steps[-1] == ESC:
            assert window.flow is not None and window.flow.screen is Screen.CLOSED


@pytest.mark.parametrize("name", ["under13", "teen"])
def test_enter_always_takes_the_safe_choice(
    qtbot: QtBot, analyzer: SensitivityAnalyzer, pattern: Path, name: str
) -> None:
    """The first button has the focus on every screen; Enter never moves towards the picture."""
    rules = RULES[name]
    window = open_viewer(qtbot, pattern, analyzer, rules)
    safe_next = {
        Action.NOT_NOW: Screen.CLOSED,
        Action.DONT_VIEW: Screen.CLOSED,
        Action.BACK: None,
    }
    for steps in ([], [Action.WHY], [Action.WHY, Action.GET_HELP], [Action.VIEW, Action.CONTINUE]):
        reopen(qtbot, window)
        for step in steps:
            click(qtbot, window, step)
        flow = window.flow
        assert flow is not None
        first = next(iter(window.action_buttons))
        assert first in safe_next and window.panel.action_buttons[first].hasFocus()
        before = flow.screen
        qtbot.keyClick(window.panel.action_buttons[first], Qt.Key.Key_Return)
        assert flow.screen is not Screen.CONTENT and flow.screen is not before
        assert not testpattern.matches(shown(window))


def send_paths(band: AgeBand, policy: str) -> list[list[Action | str]]:
    return simple_paths(SendingFlow(FlowContext(band, "two_screens", send_policy=policy)))


@pytest.mark.parametrize(
    ("band", "policy"),
    [(AgeBand.UNDER13, "confirm"), (AgeBand.TEEN, "confirm"), (AgeBand.TEEN, "blocked")],
)
def test_every_path_of_the_sending_flow(qtbot: QtBot, band: AgeBand, policy: str) -> None:
    every = send_paths(band, policy)
    assert len(every) >= 4
    for steps in every:
        dialog = SendDialog(Guard(ViewerRules(band, "two_screens", send_policy=policy)))
        qtbot.addWidget(dialog)
        dialog.show()
        for step in steps:
            if step == ESC:
                qtbot.keyClick(dialog, Qt.Key.Key_Escape)
            else:
                assert isinstance(step, Action)
                button = dialog.panel.action_buttons[step]
                qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            screen = dialog.flow.screen
            if screen in (Screen.HELD, Screen.SENT):
                assert not dialog.isVisible()
            else:
                assert dialog.panel.title.text() == screen_text(screen, band)[0]
        end = dialog.flow.screen
        if band is AgeBand.UNDER13 or policy == "blocked":
            assert end is not Screen.SENT and Action.SEND_ANYWAY not in steps
        assert dialog.result() == (1 if end is Screen.SENT else 0), steps
        if steps and steps[-1] == ESC:
            assert end is Screen.HELD
