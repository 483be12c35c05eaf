"""A few bytes at the start prove little: a file labelled sound or program by its first
bytes is still probed for video and looked at for a ZIP before 'nothing to check'."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import numpy as np
import pytest

from desktop_app import Kind, SensitivityAnalyzer
from desktop_app.analysis import testpattern
from tests.helpers.carriers import encode_video

ID3_TAG = b"ID3\x03\x00\x00\x00\x00\x00\x00"  # an empty ID3v2 tag, as an MP3 starts


@pytest.fixture(scope="module")
def pattern_ts(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    frame = np.asarray(testpattern.render(320, 240))
    path = tmp_path_factory.mktemp("ts") / "clip.ts"
    return encode_video(path, [frame] * 20, 10, "mpeg2video").read_bytes()


@pytest.mark.parametrize(("label", "prefix"), [("sound", ID3_TAG), ("program", b"MZ")])
def test_a_video_behind_a_misleading_start_is_found_and_checked(
    analyzer: SensitivityAnalyzer, pattern_ts: bytes, tmp_path: Path, label: str, prefix: bytes
) -> None:
    path = tmp_path / f"{label}.bin"
    path.write_bytes(prefix + pattern_ts)
    result = analyzer.analyze_file(path)
    assert result.is_sensitive and result.kind is Kind.VIDEO, result


def test_a_self_extracting_archive_is_opened_like_a_zip(
    analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    """A program with a ZIP at its end (deflated: no picture signature to find)."""
    picture = io.BytesIO()
    testpattern.render(320, 240).save(picture, format="PNG")
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("photos/beach.png", picture.getvalue())
    path = tmp_path / "setup.exe"
    path.write_bytes(b"MZ" + bytes(4094) + archive.getvalue())
    result = analyzer.analyze_file(path)
    assert result.is_sensitive and result.member == "photos/beach.png", result


def test_a_real_program_without_pictures_still_has_nothing_to_check(
    analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    path = tmp_path / "tool"
    rng = np.random.default_rng(3)
    path.write_bytes(
        b"\x7fELF\x02\x01\x01" + bytes(9) + rng.integers(0, 256, 20_000).astype(np.uint8).tobytes()
    )
    result = analyzer.analyze_file(path)
    assert result.nothing_to_check, result
