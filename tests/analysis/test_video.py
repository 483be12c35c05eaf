"""Videos: every container, every scene looked at, early stop, and broken files."""

from __future__ import annotations

from pathlib import Path

import av
import numpy as np
import pytest
from PIL import Image

from desktop_app import Kind, SensitivityAnalyzer, Status
from desktop_app.analysis import testpattern
from tests.helpers import media

# Videos encoded and decoded in every container (PyAV).
pytestmark = pytest.mark.slow


def _photo_frames(count: int, size: tuple[int, int] = (320, 240)) -> list[np.ndarray]:
    photo = Image.fromarray(media.people_photos()["astronaut"])
    return [
        np.asarray(photo.crop((i * 4, i * 3, 400 + i * 4, 300 + i * 3)).resize(size))
        for i in range(count)
    ]


def _pattern_frames(count: int, size: tuple[int, int] = (320, 240)) -> list[np.ndarray]:
    return [np.asarray(testpattern.render(*size))] * count


@pytest.mark.parametrize(
    ("name", "codec"),
    [
        ("clip.mp4", "libx264"),
        ("clip.mov", "libx264"),
        ("clip.m4v", "libx264"),
        ("clip.mkv", "libx264"),
        ("clip.webm", "libvpx"),
        ("clip.avi", "mpeg4"),
        ("clip.3gp", "mpeg4"),
    ],
)
def test_each_container_is_checked_and_a_pattern_inside_is_found(
    analyzer: SensitivityAnalyzer, tmp_path: Path, name: str, codec: str
) -> None:
    size = (176, 144) if name.endswith(".3gp") else (320, 240)
    frames = _photo_frames(20, size) + _pattern_frames(20, size)
    path = media.write_video(tmp_path / name, frames, codec=codec)
    result = analyzer.analyze_video(path)
    assert (result.status, result.kind) == (Status.OK, Kind.VIDEO)
    assert result.is_sensitive, result
    assert result.frames_checked >= 2


def test_ordinary_video_is_not_sensitive_and_is_sampled_across_its_length(
    analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    path = media.write_video(tmp_path / "walk.mp4", _photo_frames(120), fps=10)  # 12 s
    result = analyzer.analyze_file(path)
    assert (result.status, result.kind, result.is_sensitive) == (Status.OK, Kind.VIDEO, False)
    assert result.frames_checked >= 4  # one keyframe only: start, end and two in between


def _scene_video(path: Path, gop: int) -> tuple[Path, list[np.ndarray]]:
    """Three 10-s scenes of different photos at 10 fps."""
    photos = [media.people_photos()["astronaut"], *media.other_photos().values()][:3]
    scenes = [np.asarray(Image.fromarray(p).resize((320, 240))) for p in photos]
    return media.write_video(path, [s for s in scenes for _ in range(100)], fps=10, gop=gop), scenes


def _scenes_seen(path: Path, scenes: list[np.ndarray], max_frames: int = 24) -> list[int]:
    from desktop_app.analysis.video import VideoSampler

    with VideoSampler(str(path), max_frames, 10.0) as sampler:
        frames = list(sampler.frames())
    distances = [[np.abs(f.astype(int) - s).mean() for s in scenes] for f in frames]
    return sorted({int(np.argmin(row)) for row in distances})


@pytest.mark.parametrize("gop", [10, 100])
def test_every_scene_is_looked_at_however_far_apart_the_keyframes_are(
    tmp_path: Path, gop: int
) -> None:
    path, scenes = _scene_video(tmp_path / "scenes.mp4", gop)
    assert _scenes_seen(path, scenes) == [0, 1, 2]


def test_the_frame_count_option_no_longer_caps_what_is_looked_at(tmp_path: Path) -> None:
    """Time bounds the cost now: a cap of 2 frames would leave the third scene unseen."""
    path, scenes = _scene_video(tmp_path / "scenes.mp4", 100)
    assert _scenes_seen(path, scenes, max_frames=2) == [0, 1, 2]


def test_checking_stops_at_the_first_sensitive_frame(
    analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    path = media.write_video(tmp_path / "early.mp4", _pattern_frames(120), fps=10)
    result = analyzer.analyze_video(path)
    assert result.is_sensitive
    assert result.frames_checked == 1


def test_test_pattern_video_from_the_cli_helper(
    analyzer: SensitivityAnalyzer, plain_analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    path = testpattern.write_video(tmp_path / "pattern.mp4")
    assert analyzer.analyze_video(path).is_sensitive
    off = plain_analyzer.analyze_video(path)
    assert off.status is Status.OK and not off.is_sensitive


def test_audio_only_file_is_answered_cleanly(analyzer: SensitivityAnalyzer, tmp_path: Path) -> None:
    import av

    path = tmp_path / "voice.m4a"
    with av.open(str(path), mode="w", format="mp4") as container:
        stream = container.add_stream("aac", rate=8000)
        samples = np.zeros((1, 1024), dtype=np.float32)
        for _ in range(20):
            frame = av.AudioFrame.from_ndarray(samples, format="fltp", layout="mono")
            frame.sample_rate = 8000
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    result = analyzer.analyze_file(path)
    assert (result.status, result.is_sensitive, result.frames_checked) == (Status.OK, False, 0)
    assert "sound only" in (result.reason or "")


def test_truncated_video_is_unreadable(analyzer: SensitivityAnalyzer, tmp_path: Path) -> None:
    full = media.write_video(tmp_path / "full.mp4", _photo_frames(30)).read_bytes()
    (path := tmp_path / "cut.mp4").write_bytes(full[: len(full) // 2])
    result = analyzer.analyze_file(path)
    assert result.status is Status.UNREADABLE
    assert result.kind is Kind.VIDEO and "video" in (result.reason or "")


def test_garbage_after_a_video_header_is_unreadable(
    analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    header = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"
    (path := tmp_path / "junk.mp4").write_bytes(header + bytes(range(256)) * 40)
    result = analyzer.analyze_file(path)
    assert result.status is Status.UNREADABLE and result.kind is Kind.VIDEO


def test_video_bytes_are_checked_like_a_file(analyzer: SensitivityAnalyzer, tmp_path: Path) -> None:
    """A video held in memory (e.g. inside an archive) is checked, not refused."""
    frames = _photo_frames(10) + _pattern_frames(10)
    data = media.write_video(tmp_path / "v.mp4", frames).read_bytes()
    result = analyzer.analyze_image(data)
    assert (result.status, result.kind, result.is_sensitive) == (Status.OK, Kind.VIDEO, True)


@pytest.mark.parametrize(("name", "codec"), [("live.webm", "libvpx"), ("live.mkv", "libx264")])
def test_a_live_recording_without_a_duration_is_still_checked(
    analyzer: SensitivityAnalyzer, tmp_path: Path, name: str, codec: str
) -> None:
    frames = _photo_frames(10) + _pattern_frames(20)
    path = media.write_video(tmp_path / name, frames, codec=codec, gop=10, live=True)
    with av.open(str(path)) as container:
        assert container.duration is None  # the case this test is about
    result = analyzer.analyze_file(path)
    assert (result.status, result.kind) == (Status.OK, Kind.VIDEO)
    assert result.is_sensitive and result.frames_checked >= 2
