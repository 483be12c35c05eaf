"""The safe file picker, driven as a child would: tiles, Enter, Open, the help screens, the PIN."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop_app import SensitivityAnalyzer
from desktop_app.analysis import testpattern
from desktop_app.policy.approvals import Approvals
from desktop_app.policy.guardian import GuardianPin
from desktop_app.policy.settings import AgeBand
from desktop_app.safety.flow import Action, Screen
from desktop_app.safety.rules import Guard, ViewerRules
from desktop_app.ui.picker import SafeFileDialog
from desktop_app.ui.picker.delegate import IMAGE_SIZE
from desktop_app.ui.picker.filters import parse_filters
from desktop_app.ui.picker.intervention import PickIntervention
from desktop_app.ui.picker.model import Tile
from tests.helpers import media
from tests.helpers.guardian import FAST, PIN, enter
from tests.helpers.keyring import MemoryKeyring
from tests.helpers.pixels import grab, no_tile_shows_the_pattern

UNDER13 = ViewerRules(AgeBand.UNDER13, "guardian_approval", profile_id="p-maya", region="GB")
PICTURES = "Pictures (*.png *.jpg);;All files (*)"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A test pattern among ordinary photos, a damaged picture, a document and a sub-folder."""
    photos = media.other_photos()
    for name in ("coffee", "chelsea", "rocket"):
        media.save(photos[name], tmp_path / f"{name}.jpg")
    media.save(media.people_photos()["astronaut"], tmp_path / "astronaut.png")
    testpattern.write_image(tmp_path / "holiday.png", 512, 384)
    (tmp_path / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(300))
    (tmp_path / "homework.txt").write_text("My homework")
    (tmp_path / "Trips").mkdir()
    return tmp_path


def open_picker(
    qtbot: QtBot,
    analyzer: SensitivityAnalyzer,
    folder: Path,
    filter: str = "",
    **services: Any,
) -> SafeFileDialog:
    guard = Guard(**services) if services else None  # rules, pin, approvals, events
    dialog = SafeFileDialog(None, "Choose", str(folder), filter, analyzer=analyzer, guard=guard)
    qtbot.addWidget(dialog)
    dialog.resize(900, 640)
    with qtbot.waitSignal(dialog.folder_loaded, timeout=10_000):
        dialog.show()
    return dialog


def settled(dialog: SafeFileDialog) -> bool:
    """Every picture or video tile has its answer."""
    tiles = [dialog.model.tile(r) for r in range(dialog.model.rowCount())]
    return Tile.WAITING not in tiles and not dialog.scheduler.in_flight


def row(dialog: SafeFileDialog, name: str) -> int:
    found = dialog.model.row_of(str(dialog.folder_path / name))
    assert found is not None, name
    return found


def tile_pixels(dialog: SafeFileDialog, name: str) -> np.ndarray:
    """The picture area of one tile, as painted in the grid."""
    pixels = grab(dialog.grid.viewport())  # type: ignore[arg-type]
    rect = dialog.grid.visualRect(dialog.model.index(row(dialog, name)))
    x = rect.x() + (rect.width() - IMAGE_SIZE.width()) // 2
    y = rect.y() + 6
    return pixels[y : y + IMAGE_SIZE.height(), x : x + IMAGE_SIZE.width()]


def choose_with_enter(qtbot: QtBot, dialog: SafeFileDialog, name: str) -> None:
    dialog.grid.setCurrentIndex(dialog.model.index(row(dialog, name)))
    qtbot.keyClick(dialog.grid, Qt.Key.Key_Return)


def click(qtbot: QtBot, screen: PickIntervention, action: Action) -> None:
    qtbot.mouseClick(screen.panel.action_buttons[action], Qt.MouseButton.LeftButton)


def test_tiles_stay_hidden_until_cleared_and_the_pattern_is_never_painted(
    qtbot: QtBot, analyzer: SensitivityAnalyzer, folder: Path
) -> None:
    dialog = open_picker(qtbot, analyzer, folder)
    moments = [no_tile_shows_the_pattern(dialog)]  # before any answer
    dialog.scheduler.checked.connect(lambda *_: moments.append(no_tile_shows_the_pattern(dialog)))
    qtbot.waitUntil(lambda: settled(dialog), timeout=60_000)
    moments.append(no_tile_shows_the_pattern(dialog))
    assert len(moments) >= 6 and all(moments)
    tiles = {e.name: dialog.model.tile(i) for i, e in enumerate(dialog.model.entries)}
    assert tiles == {
        "Trips": Tile.FOLDER,
        "astronaut.png": Tile.CLEARED,
        "broken.jpg": Tile.COULD_NOT_CHECK,
        "chelsea.jpg": Tile.CLEARED,
        "coffee.jpg": Tile.CLEARED,
        "holiday.png": Tile.SENSITIVE,
        "homework.txt": Tile.DOCUMENT,
        "rocket.jpg": Tile.CLEARED,
    }
    assert tile_pixels(dialog, "coffee.jpg").std() > 20  # the worker's thumbnail, with detail
    blurred = tile_pixels(dialog, "holiday.png")
    assert not testpattern.matches(blurred) and blurred.std() > 5  # a soft blur, not a blank
    assert dialog.model.result(row(dialog, "holiday.png")).thumbnail is None  # type: ignore[union-attr]
    failed = tile_pixels(dialog, "broken.jpg")
    assert "couldn't check" in dialog.model.data(
        dialog.model.index(row(dialog, "broken.jpg")), Qt.ItemDataRole.AccessibleTextRole
    )
    colour = failed.astype(int).max(axis=2) - failed.astype(int).min(axis=2)
    assert colour.max() <= 2  # a grey tile and a grey badge: no colour of any picture


def test_under_13_choosing_the_pattern_runs_the_flow_and_needs_the_guardian(
    qtbot: QtBot, analyzer: SensitivityAnalyzer, folder: Path
) -> None:
    pin = GuardianPin(backend=MemoryKeyring(), cost=FAST)
    pin.set_pin(PIN)
    dialog = open_picker(qtbot, analyzer, folder, rules=UNDER13, pin=pin, approvals=Approvals())
    with qtbot.waitSignal(dialog.intervention_opened, timeout=60_000) as opened:
        choose_with_enter(qtbot, dialog, "holiday.png")  # checked first if not yet answered
    screen: PickIntervention = opened.args[0]
    assert screen.flow.screen is Screen.BLURRED
    assert screen.panel.title.text() == "This may be sensitive"
    assert not testpattern.matches(grab(screen.view))
    click(qtbot, screen, Action.NOT_NOW)
    qtbot.waitUntil(lambda: not dialog.choice.busy)
    assert dialog.isVisible() and dialog.selected_paths == []  # nothing handed back
    assert "stays hidden" in dialog.status.text()

    with qtbot.waitSignal(dialog.intervention_opened) as opened:
        choose_with_enter(qtbot, dialog, "holiday.png")
    screen = opened.args[0]
    for action in (Action.VIEW, Action.CONTINUE, Action.VIEW):
        click(qtbot, screen, action)
    assert screen.flow.screen is Screen.GUARDIAN_APPROVAL and dialog.selected_paths == []
    click(qtbot, screen, Action.APPROVED)
    assert screen.panel.pin_dialog is not None
    with qtbot.waitSignal(dialog.chosen, timeout=30_000) as chosen:
        enter(qtbot, screen.panel.pin_dialog, PIN)
    assert chosen.args[0] == [str(folder / "holiday.png")]
    assert not dialog.isVisible()


def test_esc_on_the_help_screens_keeps_the_file_back(
    qtbot: QtBot, analyzer: SensitivityAnalyzer, folder: Path
) -> None:
    dialog = open_picker(qtbot, analyzer, folder, rules=UNDER13)
    with qtbot.waitSignal(dialog.intervention_opened, timeout=60_000) as opened:
        choose_with_enter(qtbot, dialog, "broken.jpg")
    screen: PickIntervention = opened.args[0]
    assert screen.flow.screen is Screen.COULD_NOT_CHECK
    qtbot.keyClick(screen, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.choice.busy)
    assert screen.flow.screen is Screen.CLOSED and dialog.selected_paths == []


def test_a_photo_and_a_document_are_returned_at_once(
    qtbot: QtBot, analyzer: SensitivityAnalyzer, folder: Path
) -> None:
    dialog = open_picker(qtbot, analyzer, folder, rules=UNDER13)
    with qtbot.waitSignal(dialog.chosen, timeout=60_000) as chosen:
        choose_with_enter(qtbot, dialog, "coffee.jpg")
    assert chosen.args[0] == [str(folder / "coffee.jpg")]

    again = open_picker(qtbot, analyzer, folder, rules=UNDER13)
    with qtbot.waitSignal(again.chosen, timeout=60_000) as chosen:
        choose_with_enter(qtbot, again, "homework.txt")
    assert chosen.args[0] == [str(folder / "homework.txt")]


def drive_when_open(qtbot: QtBot, steps: object) -> None:
    """Run ``steps(dialog)`` once the static call's dialog is showing its folder."""

    def find_and_drive() -> None:
        dialogs = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, SafeFileDialog) and w.isVisible()
        ]
        if not dialogs:
            QTimer.singleShot(20, find_and_drive)
            return
        dialog = dialogs[0]
        qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=10_000)
        steps(dialog)  # type: ignore[operator]

    QTimer.singleShot(0, find_and_drive)


def test_get_open_file_name_is_a_drop_in(
    qtbot: QtBot, analyzer: SensitivityAnalyzer, folder: Path
) -> None:
    def pick_rocket(dialog: SafeFileDialog) -> None:
        dialog.grid.setCurrentIndex(dialog.model.index(row(dialog, "rocket.jpg")))
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Open), Qt.MouseButton.LeftButton
        )

    drive_when_open(qtbot, pick_rocket)
    path, chosen_filter = SafeFileDialog.getOpenFileName(
        None, "Choose", str(folder), PICTURES, "Pictures (*.png *.jpg)", analyzer=analyzer
    )
    assert (path, chosen_filter) == (str(folder / "rocket.jpg"), "Pictures (*.png *.jpg)")

    drive_when_open(qtbot, lambda dialog: dialog.reject())
    assert SafeFileDialog.getOpenFileName(None, "", str(folder), analyzer=analyzer) == ("", "")


def test_get_open_file_names_returns_what_may_be_handed_back(
    qtbot: QtBot, analyzer: SensitivityAnalyzer, folder: Path
) -> None:
    def pick_three(dialog: SafeFileDialog) -> None:
        selection = dialog.grid.selectionModel()
        for name in ("astronaut.png", "holiday.png", "chelsea.jpg"):
            selection.select(dialog.model.index(row(dialog, name)), selection.SelectionFlag.Select)
        dialog.intervention_opened.connect(lambda screen: screen.reject())  # "Not now"
        dialog.accept()

    drive_when_open(qtbot, pick_three)
    paths, chosen_filter = SafeFileDialog.getOpenFileNames(
        None, "Choose", str(folder), PICTURES, analyzer=analyzer, guard=Guard(UNDER13)
    )
    assert paths == [str(folder / "astronaut.png"), str(folder / "chelsea.jpg")]
    assert chosen_filter == "Pictures (*.png *.jpg)"
    drive_when_open(qtbot, lambda dialog: dialog.reject())
    assert SafeFileDialog.getOpenFileNames(None, "", str(folder), analyzer=analyzer) == ([], "")


def test_the_filter_limits_the_files_shown(
    qtbot: QtBot, analyzer: SensitivityAnalyzer, folder: Path
) -> None:
    dialog = open_picker(qtbot, analyzer, folder, filter="PNG pictures (*.png);;All files (*)")
    names = [e.name for e in dialog.model.entries]
    assert names == ["Trips", "astronaut.png", "holiday.png"]  # folders always shown
    with qtbot.waitSignal(dialog.folder_loaded):
        dialog.filter_box.setCurrentIndex(1)
    assert len(dialog.model.entries) == 8 and dialog.selected_filter() == "All files (*)"


def test_filter_strings_are_read_as_qt_writes_them() -> None:
    first, everything = parse_filters("Images (*.PNG *.jpg);;All files (*)")
    assert (
        first.patterns == ("*.PNG", "*.jpg") and first.accepts("a.png") and first.accepts("B.JPG")
    )
    assert not first.accepts("notes.txt") and everything.accepts("anything")
    (bare,) = parse_filters("*.gif")
    assert bare.accepts("x.gif") and not bare.accepts("x.png")
    (default,) = parse_filters("")
    assert default.accepts("whatever") and default.text == ""


def test_folders_are_entered_and_left(
    qtbot: QtBot, analyzer: SensitivityAnalyzer, folder: Path
) -> None:
    media.save(media.other_photos()["coins"], folder / "Trips" / "coins.png")
    dialog = open_picker(qtbot, analyzer, folder)
    with qtbot.waitSignal(dialog.folder_loaded):
        choose_with_enter(qtbot, dialog, "Trips")
    assert [e.name for e in dialog.model.entries] == ["coins.png"]
    with qtbot.waitSignal(dialog.folder_loaded):
        qtbot.mouseClick(dialog.up_button, Qt.MouseButton.LeftButton)
    assert dialog.folder_path == folder
    dialog.path_bar.setText(str(folder / "missing"))
    qtbot.keyClick(dialog.path_bar, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "can't be opened" in dialog.status.text())


def test_choosing_a_flagged_file_is_counted_never_named(
    qtbot: QtBot, analyzer: SensitivityAnalyzer, folder: Path
) -> None:
    from desktop_app.core.vocabulary import EventKind, Surface
    from desktop_app.safety.events import EventCounts

    rules = ViewerRules(AgeBand.TEEN, "two_screens", profile_id="p-leo")
    with EventCounts() as events:
        dialog = open_picker(qtbot, analyzer, folder, rules=rules, events=events)
        with qtbot.waitSignal(dialog.intervention_opened, timeout=60_000) as opened:
            choose_with_enter(qtbot, dialog, "holiday.png")
        screen: PickIntervention = opened.args[0]
        click(qtbot, screen, Action.WHY)
        click(qtbot, screen, Action.GET_HELP)
        qtbot.waitUntil(lambda: screen.panel.work.pending == 0)
        counts = {(c.surface, c.kind): c.count for c in events.counts("p-leo")}
        assert counts == {
            (Surface.file_picker, EventKind.sensitive): 1,
            (Surface.file_picker, EventKind.help_opened): 1,
        }
