"""SensitiveImageView: no pixel of a sensitive picture is painted before it is chosen."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from pytestqt.qtbot import QtBot

from desktop_app import SensitivityAnalyzer
from desktop_app.analysis import testpattern
from desktop_app.ui.widgets.sensitive_view import SensitiveImageView, ViewState
from tests.helpers import media
from tests.helpers.pixels import grab


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
    view.reveal()  # the original is read on a worker thread; until then, still the blur
    assert view.state is ViewState.BLURRED and not testpattern.matches(grab(view))
    qtbot.waitUntil(lambda: view.state is ViewState.SHOWN)
    assert testpattern.matches(grab(view))
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
    qtbot.waitUntil(lambda: view.state is ViewState.SHOWN)
    shown = grab(view)
    assert shown.std() > 20  # the photo itself, with its detail


def test_hiding_while_the_original_is_read_keeps_it_hidden(
    qtbot: QtBot, analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    path = testpattern.write_image(tmp_path / "pattern.png")
    view = _view(qtbot)
    result = analyzer.analyze_image(path)
    view.show_result(result, path)
    view.reveal()
    view.show_result(result, path)  # the flow went back to the blur before the read finished
    qtbot.waitUntil(lambda: view.work.pending == 0)
    assert view.state is ViewState.BLURRED and not testpattern.matches(grab(view))


def _animated_gif(path: Path) -> Path:
    frames = [Image.new("RGB", (96, 72), colour) for colour in ("red", "blue", "green")]
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=40, loop=0)
    return path


def test_an_animated_gif_plays_only_after_it_is_cleared(
    qtbot: QtBot, analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    path = _animated_gif(tmp_path / "wave.gif")
    view = _view(qtbot)
    assert view.movie is None  # nothing is decoded before the verdict
    view.show_result(analyzer.analyze_image(path), path)
    qtbot.waitUntil(lambda: view.movie is not None and view.state is ViewState.SHOWN)
    seen = set()

    def colours() -> bool:
        pixel = grab(view)[192, 256]
        seen.add(int(np.argmax(pixel)))
        return len(seen) == 3

    qtbot.waitUntil(colours, timeout=10_000)  # red, green and blue frames were painted


@pytest.mark.slow  # video encoded, decoded and played
def test_a_cleared_video_plays_and_a_sensitive_one_only_after_reveal(
    qtbot: QtBot, analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    still = media.people_photos()["astronaut"][:256, :256]
    photo = media.write_video(tmp_path / "walk.mp4", [still] * 20)
    view = _view(qtbot)
    view.show_result(analyzer.analyze_video(photo), photo)
    assert view.video is not None
    qtbot.waitUntil(lambda: view.video is not None and view.video.frames_shown > 3)
    assert grab(view).std() > 20

    pattern = testpattern.write_video(tmp_path / "pattern.mp4", seconds=2.0)
    result = analyzer.analyze_video(pattern)
    assert result.is_sensitive
    view.show_result(result, pattern)
    assert view.state is ViewState.BLURRED and view.video is None
    assert not testpattern.matches(grab(view))
    view.reveal()
    qtbot.waitUntil(lambda: view.video is not None and view.video.frames_shown > 0)
    qtbot.waitUntil(lambda: testpattern.matches(grab(view)))
    view.hide_again()
    assert view.video is None and not testpattern.matches(grab(view))


def test_an_archive_is_never_drawn_and_opens_in_its_own_app_only_when_allowed(
    qtbot: QtBot, analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    """A ZIP with the pattern inside: blurred, then handed to its app only after reveal."""
    import zipfile

    pattern = testpattern.write_image(tmp_path / "pattern.png")
    archive = tmp_path / "photos.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.write(pattern, "holiday/pattern.png")
    result = analyzer.analyze_file(archive)
    assert result.is_sensitive and result.member == "holiday/pattern.png"
    view = _view(qtbot)
    opened: list[str] = []
    view.open_elsewhere.connect(opened.append)
    view.show_result(result, archive)
    assert view.state is ViewState.BLURRED and not opened
    assert not testpattern.matches(grab(view))
    with qtbot.waitSignal(view.open_elsewhere):
        view.reveal()
    assert view.state is ViewState.ELSEWHERE and opened == [str(archive)]
    assert not testpattern.matches(grab(view))
    assert "its own app" in view.accessibleDescription()


def test_a_cleared_document_goes_straight_to_its_own_app(
    qtbot: QtBot, analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    import zipfile

    photo = media.save(media.people_photos()["astronaut"], tmp_path / "astronaut.png")
    archive = tmp_path / "album.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.write(photo, "astronaut.png")
    result = analyzer.analyze_file(archive)
    assert result.cleared and result.frames_checked == 1
    view = _view(qtbot)
    with qtbot.waitSignal(view.open_elsewhere) as opened:
        view.show_result(result, archive)
    assert opened.args == [str(archive)] and view.state is ViewState.ELSEWHERE
