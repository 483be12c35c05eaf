"""Thumbnails come from the worker, and only for content it cleared."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from desktop_app import Kind, SensitivityAnalyzer, Status
from desktop_app.analysis import testpattern
from desktop_app.analysis.verdict import Analysis, Thumbnail
from tests.helpers import media


def test_a_cleared_photo_comes_back_with_a_small_thumbnail(
    analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    path = media.save(media.other_photos()["coffee"], tmp_path / "coffee.jpg")
    result = analyzer.submit_file(path, interactive=True, thumbnail_px=160).result()
    assert result.cleared and result.thumbnail is not None
    thumb = result.thumbnail
    assert max(thumb.width, thumb.height) == 160
    decoded = Image.open(io.BytesIO(thumb.jpeg))
    assert decoded.format == "JPEG" and decoded.size == (thumb.width, thumb.height)
    assert set(result.to_json()) == {
        "path",
        "kind",
        "status",
        "sensitive",
        "score",
        "reason",
        "frames_checked",
        "elapsed_ms",
        "member",
    }


def test_no_thumbnail_unless_asked(analyzer: SensitivityAnalyzer, tmp_path: Path) -> None:
    path = media.save(media.other_photos()["coffee"], tmp_path / "coffee.png")
    assert analyzer.analyze_file(path).thumbnail is None


def test_sensitive_and_unreadable_files_carry_only_the_tiny_preview(
    analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    pattern = testpattern.write_image(tmp_path / "pattern.png")
    flagged = analyzer.submit_file(pattern, thumbnail_px=160).result()
    assert flagged.is_sensitive and flagged.thumbnail is None
    assert flagged.preview is not None and max(flagged.preview.width, flagged.preview.height) <= 8
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0" + bytes(300))
    failed = analyzer.submit_file(broken, thumbnail_px=160).result()
    assert failed.status is not Status.OK and failed.thumbnail is None


@pytest.mark.slow  # video encoded and decoded
def test_a_sensitive_video_has_no_poster_but_a_plain_one_does(
    analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    pattern = testpattern.write_video(tmp_path / "pattern.mp4", seconds=2.0)
    flagged = analyzer.submit_file(pattern, thumbnail_px=96).result()
    assert flagged.is_sensitive and flagged.thumbnail is None
    frames = [media.other_photos()["chelsea"][:240, :320]] * 10
    plain = media.write_video(tmp_path / "cat.mp4", frames)
    cleared = analyzer.submit_file(plain, thumbnail_px=96).result()
    assert cleared.cleared and cleared.thumbnail is not None
    assert max(cleared.thumbnail.width, cleared.thumbnail.height) == 96


@pytest.mark.slow  # video encoded and decoded
def test_a_video_that_turns_sensitive_later_has_no_poster_of_its_plain_start(
    analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    plain = [media.other_photos()["chelsea"][:240, :320]] * 20
    pattern = [np.asarray(testpattern.render(320, 240))] * 20
    path = media.write_video(tmp_path / "turns.mp4", plain + pattern)
    result = analyzer.submit_file(path, thumbnail_px=96).result()
    assert result.is_sensitive and result.frames_checked >= 2
    assert result.thumbnail is None
    assert result.preview is not None


def test_only_a_cleared_verdict_can_hold_a_thumbnail_however_it_is_built() -> None:
    thumb = Thumbnail(2, 2, b"\xff\xd8\xff")
    cleared = Analysis(kind=Kind.IMAGE, status=Status.OK, thumbnail=thumb)
    assert cleared.thumbnail == thumb
    assert replace(cleared, is_sensitive=True).thumbnail is None
    assert replace(cleared, status=Status.TIMEOUT).thumbnail is None
    # What a (buggy or subverted) worker sends over the pipe is held to the same rule.
    sent = Analysis(kind=Kind.IMAGE, status=Status.OK, thumbnail=thumb).to_wire()
    assert Analysis.from_wire(sent | {"is_sensitive": True}).thumbnail is None
    assert Analysis.from_wire(sent | {"status": "unreadable"}).thumbnail is None
    assert Analysis.from_wire(sent).thumbnail == thumb
