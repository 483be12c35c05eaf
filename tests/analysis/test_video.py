"""Videos: every container, sampling across the duration, early stop, and broken files."""

from __future__ import annotations

import itertools
from pathlib import Path

import av
import numpy as np
import pytest
from PIL import Image

from desktop_app import Kind, SensitivityAnalyzer, Status
from desktop_app.analysis import testpattern
from tests.helpers import media


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


def _times(path: Path, max_frames: int = 24) -> list[float]:
    from desktop_app.analysis.video import VideoSampler

    with VideoSampler(str(path), max_frames, 10.0) as sampler:
        keyframes = [sampler._seconds(pts) for pts in sampler._keyframes()]
        return sampler.targets(keyframes)


def test_sampling_plan_is_even_with_frequent_keyframes(tmp_path: Path) -> None:
    path = media.write_video(tmp_path / "dense.mp4", _photo_frames(300), fps=10, gop=10)  # 30 s
    times = _times(path)
    assert times[0] == 0.0 and times[-1] > 29
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert max(gaps) <= 2.6 and len(times) == 13


def test_sampling_plan_with_sparse_keyframes_covers_every_gap(tmp_path: Path) -> None:
    path = media.write_video(tmp_path / "sparse.mp4", _photo_frames(300), fps=10, gop=100)
    times = _times(path)
    assert {0.0, 10.0, 20.0} <= set(times)  # every keyframe
    assert times[-1] > 29
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert max(gaps) <= 4.5


def test_sampling_plan_respects_the_frame_cap_and_keeps_the_spread(tmp_path: Path) -> None:
    path = media.write_video(tmp_path / "long.mp4", _photo_frames(300), fps=10, gop=10)
    times = _times(path, max_frames=5)
    assert len(times) == 5 and times[0] == 0.0 and times[-1] > 29


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


def test_video_bytes_are_refused_with_a_reason(
    analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    data = media.write_video(tmp_path / "v.mp4", _photo_frames(10)).read_bytes()
    result = analyzer.analyze_image(data)
    assert result.status is Status.UNSUPPORTED and "from a file" in (result.reason or "")


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
