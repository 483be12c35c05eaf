"""The contacts view: a contact's photo is painted only after the worker cleared it."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from desktop_app import SensitivityAnalyzer
from desktop_app.analysis import testpattern
from desktop_app.surfaces.contacts import ContactsOutcome
from desktop_app.surfaces.contacts_store import ContactsStore
from desktop_app.surfaces.quarantine import Quarantine
from desktop_app.ui.contacts import AVATAR, AvatarState, ContactsView
from tests.helpers import vcards

WAIT_MS = 60_000


def grab(view: ContactsView) -> np.ndarray:
    image = view.list.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    raw = np.frombuffer(image.constBits(), dtype=np.uint8, count=stride * height)
    return raw.reshape(height, stride)[:, : width * 3].reshape(height, width, 3).copy()


def avatar_pixels(view: ContactsView, row: int) -> np.ndarray:
    """The avatar as painted in a row (the delegate draws it 14 px from the left)."""
    rect: QRect = view.list.visualItemRect(view.list.item(row))
    top = rect.top() + (rect.height() - AVATAR) // 2
    return grab(view)[top : top + AVATAR, rect.left() + 14 : rect.left() + 14 + AVATAR]


def pattern_colour_share(pixels: np.ndarray) -> float:
    """How much of an area is painted in the test pattern's own saturated colours."""
    flat = pixels.reshape(-1, 3).astype(np.float32)
    distances = np.linalg.norm(flat[:, None, :] - testpattern.PALETTE[None, :, :], axis=2)
    return float((distances.min(axis=1) < 40).mean())


@pytest.fixture
def view(qtbot: QtBot, analyzer: SensitivityAnalyzer, tmp_path: Path) -> ContactsView:
    store = ContactsStore(tmp_path / "contacts")
    shown = ContactsView(analyzer, store, Quarantine(tmp_path / "quarantine"), profile_id="kid")
    qtbot.addWidget(shown)
    shown.resize(480, 420)
    shown.show()
    return shown


def import_and_settle(qtbot: QtBot, view: ContactsView, path: Path) -> ContactsOutcome:
    with qtbot.waitSignal(view.imported, timeout=WAIT_MS) as imported:
        view.import_file(path)
    qtbot.waitUntil(lambda: not view.checking, timeout=WAIT_MS)
    outcome: ContactsOutcome = imported.args[0]
    return outcome


def test_the_pattern_is_shown_as_the_neutral_avatar_and_a_photo_is_shown(
    qtbot: QtBot, view: ContactsView, tmp_path: Path
) -> None:
    source = tmp_path / "friends.vcf"
    source.write_text(
        vcards.card30("Ann Photo", vcards.photo_png())
        + vcards.card40("Sam Pattern", vcards.pattern_png())
    )
    outcome = import_and_settle(qtbot, view, source)
    assert outcome.replaced == 1 and "1 photo was hidden" in view.status.text()
    assert view.rows() == [("Ann Photo", AvatarState.SHOWN), ("Sam Pattern", AvatarState.HIDDEN)]
    photo, hidden = avatar_pixels(view, 0), avatar_pixels(view, 1)
    assert photo.std() > 20  # the astronaut's own detail
    assert pattern_colour_share(hidden) == 0.0 and hidden.std() < 40
    assert pattern_colour_share(grab(view)) == 0.0
    spoken = view.list.item(1).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == "Sam Pattern, photo hidden"


def test_a_changed_store_copy_is_checked_again_and_never_painted(
    qtbot: QtBot, analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    """Someone wrote the pattern into the store by hand: the view still checks first."""
    store = ContactsStore(tmp_path / "contacts")
    store.root.mkdir(parents=True)
    (store.root / "planted.vcf").write_text(vcards.card30("Planted", vcards.pattern_png()))
    view = ContactsView(analyzer, store, None)
    qtbot.addWidget(view)
    view.resize(480, 420)
    grabs: list[np.ndarray] = []
    view.listed.connect(lambda _n: grabs.append(grab(view)))  # before the verdict is in
    view.show()
    qtbot.waitUntil(lambda: view.list.count() == 1 and not view.checking, timeout=WAIT_MS)
    assert view.rows() == [("Planted", AvatarState.HIDDEN)]
    grabs.append(grab(view))
    assert len(grabs) == 2 and all(pattern_colour_share(g) == 0.0 for g in grabs)


def test_a_photo_waits_with_a_placeholder_until_it_is_cleared(
    qtbot: QtBot, analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    store = ContactsStore(tmp_path / "contacts")
    store.root.mkdir(parents=True)
    (store.root / "ann.vcf").write_text(vcards.card21("Ann", vcards.photo_png()))
    view = ContactsView(analyzer, store, None)
    qtbot.addWidget(view)
    states: list[list[tuple[str, AvatarState]]] = []
    view.listed.connect(lambda _n: states.append(view.rows()))
    with qtbot.waitSignal(view.avatars_settled, timeout=WAIT_MS):
        view.show()
    assert states == [[("Ann", AvatarState.CHECKING)]]
    assert view.rows() == [("Ann", AvatarState.SHOWN)]


def test_a_file_without_cards_says_so_and_imports_nothing(
    qtbot: QtBot, view: ContactsView, tmp_path: Path
) -> None:
    bad = tmp_path / "photo.vcf"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(40))
    with qtbot.waitSignal(view.import_failed, timeout=WAIT_MS) as failed:
        view.import_file(bad)
    assert "no contact cards" in failed.args[0]
    assert view.import_button.isEnabled() and view.store.files() == []
    assert view.empty.isVisibleTo(view)


def test_remote_photos_are_removed_and_said_so(
    qtbot: QtBot, view: ContactsView, tmp_path: Path
) -> None:
    source = tmp_path / "remote.vcf"
    source.write_text(vcards.card30("Rae", extra="PHOTO;VALUE=uri:https://example.org/rae.jpg"))
    outcome = import_and_settle(qtbot, view, source)
    assert outcome.remote_removed == 1 and "never downloads" in view.status.text()
    assert view.rows() == [("Rae", AvatarState.NONE)]
    assert b"example.org" not in view.store.files()[0].read_bytes()
