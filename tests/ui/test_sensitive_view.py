"""SensitiveImageView: no pixel of a sensitive picture is painted before it is chosen."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from desktop_app import SensitivityAnalyzer
from desktop_app.analysis import testpattern
from desktop_app.ui.widgets.sensitive_view import SensitiveImageView, ViewState
from tests.helpers import media


def grab(view: SensitiveImageView) -> np.ndarray:
    image = view.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    raw = np.frombuffer(image.constBits(), dtype=np.uint8, count=stride * height)
    return raw.reshape(height, stride)[:, : width * 3].reshape(height, width, 3).copy()


def _view(qtbot: QtBot) -> SensitiveImageView:
    view = SensitiveImageView()
    qtbot.addWidget(view)
    view.resize(512, 384)  # the pattern's 4:3, so a shown picture fills the widget
    view.show()
    return view


def test_the_pattern_is_never_painted_until_revealed(
    qtbot: QtBot, analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    path = testpattern.write_image(tmp_path / "pattern.png")
    view = _view(qtbot)
    checking = grab(view)
    assert view.state is ViewState.CHECKING and not testpattern.matches(checking)
    result = analyzer.analyze_image(path)
    assert result.is_sensitive and result.preview is not None
    assert max(result.preview.width, result.preview.height) <= 8
    view.show_result(result, path)
    blurred = grab(view)
    assert view.state is ViewState.BLURRED
    assert not testpattern.matches(blurred)
    assert blurred.std() > 5  # a soft blur of the picture's colours, not a blank
    view.reveal()
    assert view.state is ViewState.SHOWN and testpattern.matches(grab(view))
    view.hide_again()
    assert view.state is ViewState.BLURRED and not testpattern.matches(grab(view))


def test_could_not_check_shows_no_picture_at_all(
    qtbot: QtBot, analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0" + bytes(200))
    view = _view(qtbot)
    view.show_result(analyzer.analyze_file(broken), broken)
    assert view.state is ViewState.COULD_NOT_CHECK
    assert "couldn't check" in view.accessibleDescription()


def test_a_cleared_photo_is_shown_straight_away(
    qtbot: QtBot, analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    path = media.save(media.people_photos()["astronaut"], tmp_path / "astronaut.png")
    view = _view(qtbot)
    view.show_result(analyzer.analyze_image(path), path)
    assert view.state is ViewState.SHOWN
    shown = grab(view)
    assert shown.std() > 20  # the photo itself, with its detail
