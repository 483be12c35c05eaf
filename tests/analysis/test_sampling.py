"""Frames a crafted file hides from a fixed sample: every look shown long enough is checked."""

from __future__ import annotations

import functools
import random
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from desktop_app import Kind, SensitivityAnalyzer, Status
from desktop_app.analysis import testpattern
from desktop_app.analysis.animation import (
    HEARTBEAT_S,
    SIGNATURE_SIDE,
    FrameChooser,
    animation_frame_s,
    signature,
)
from desktop_app.analysis.media import image_frames
from desktop_app.analysis.verdict import CheckFailed
from desktop_app.analysis.video import VideoSampler
from tests.helpers import media

SIZE = (96, 72)  # small, but the pattern's 12x8 grid still reads


def _pattern(size: tuple[int, int] = SIZE) -> Image.Image:
    return testpattern.render(*size)


def _grey(size: tuple[int, int] = SIZE) -> Image.Image:
    return Image.new("RGB", size, (128, 128, 128))


def _sig(image: Image.Image) -> np.ndarray:
    small = image.convert("RGB").resize((SIGNATURE_SIDE, SIGNATURE_SIDE), Image.Resampling.BOX)
    return signature(np.asarray(small))


@functools.cache
def _astronaut() -> Image.Image:
    return Image.fromarray(media.people_photos()["astronaut"])


def _photo(offset: int = 0, size: tuple[int, int] = SIZE) -> Image.Image:
    return _astronaut().crop((offset, offset, 300 + offset, 225 + offset)).resize(size)


# -- the rule, on signatures alone -------------------------------------------------------
def test_a_picture_alternating_with_grey_every_20_ms_is_checked() -> None:
    chooser, grey, picture = FrameChooser(), _sig(_grey()), _sig(_pattern())
    chosen = [chooser.offer(sig, 0.02) for sig in [grey, picture] * 10]
    assert chosen[0]  # the first frame, always
    assert chosen[1::2].count(True) == 1  # the picture, once: 5 x 20 ms on screen
    assert chosen[2::2].count(True) == 0  # grey was checked already


def test_one_long_frame_among_many_short_ones_is_checked() -> None:
    chooser, grey, picture = FrameChooser(), _sig(_grey()), _sig(_pattern())
    for _ in range(250):
        chooser.offer(grey, 0.02)  # checked first, then again at heartbeats
    assert chooser.offer(picture, 0.2)
    assert not chooser.offer(grey, 0.02)


def test_a_flicker_shorter_than_seen_is_not_worth_a_check() -> None:
    """The threshold is honest: one 20-ms frame is below what the rule promises."""
    chooser, grey, picture = FrameChooser(), _sig(_grey()), _sig(_pattern())
    chooser.offer(grey, 0.02)
    assert not chooser.offer(picture, 0.02)
    assert not any(chooser.offer(grey, 0.02) for _ in range(20))


def test_a_picture_jumping_to_a_new_place_every_frame_is_checked_within_100_ms() -> None:
    chooser, canvas = FrameChooser(heartbeat_s=1e9), _grey((320, 240))
    chooser.offer(_sig(canvas), 0.04)
    chosen = []
    for step in range(5):  # 25 fps: the third frame has been on screen for 120 ms
        frame = canvas.copy()
        frame.paste(_pattern(), ((step * 53) % 220, (step * 37) % 160))
        chosen.append(chooser.offer(_sig(frame), 0.04))
    assert chosen[:3] == [False, False, True]


def test_a_slow_pan_is_checked_again_once_it_has_drifted() -> None:
    chooser = FrameChooser(heartbeat_s=1e9)  # only the signatures decide here
    chosen = [chooser.offer(_sig(_photo(offset)), 0.04) for offset in range(0, 120, 2)]
    assert chosen[0] and 3 <= chosen.count(True) <= 30


def test_a_still_scene_is_checked_again_at_random_heartbeats() -> None:
    grey, frames = _sig(_grey()), int(20 * HEARTBEAT_S / 0.1)  # 20 heartbeats at 10 fps
    counts = set()
    for seed in range(2):
        chooser = FrameChooser(rng=random.Random(seed))
        counts.add(sum(chooser.offer(grey, 0.1) for _ in range(frames)))
    assert all(20 / 1.5 <= count <= 20 / 0.5 + 1 for count in counts)
    assert len(counts) > 1  # a crafter cannot know which frames they will be


def test_frame_durations_are_read_like_a_browser_does() -> None:
    assert animation_frame_s(200) == pytest.approx(0.2)
    assert animation_frame_s(0) == animation_frame_s(10) == pytest.approx(0.1)
    assert animation_frame_s(None) == pytest.approx(0.1)
    assert animation_frame_s(float("nan")) == pytest.approx(0.1)


# -- crafted animations ------------------------------------------------------------------
def _save_animation(path: Path, frames: list[Image.Image], durations: list[int]) -> Path:
    fmt = {".gif": "GIF", ".png": "PNG", ".webp": "WEBP"}[path.suffix]
    extra = {"lossless": True} if fmt == "WEBP" else {}
    frames[0].save(
        path,
        format=fmt,
        save_all=True,
        append_images=frames[1:],
        duration=durations,
        loop=0,
        optimize=False,
        **extra,
    )
    return path


def _old_sample(count: int) -> set[int]:
    """The frames the former sampler looked at (8 spread evenly): where the crafter puts grey."""
    return {round(float(i)) for i in np.linspace(0, count - 1, 8)}


def test_gif_of_10000_frames_showing_the_picture_in_all_but_8_is_sensitive(
    analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    count, grey, pattern = 10_000, _grey().quantize(), _pattern().quantize()
    frames = [grey if i in _old_sample(count) else pattern for i in range(count)]
    path = _save_animation(tmp_path / "many.gif", frames, [20] * count)
    result = analyzer.analyze_file(path)
    assert (result.status, result.kind, result.is_sensitive) == (Status.OK, Kind.IMAGE, True)


@pytest.mark.parametrize("suffix", [".gif", ".png", ".webp"])
def test_one_200_ms_picture_among_500_grey_20_ms_frames_is_sensitive(
    analyzer: SensitivityAnalyzer, tmp_path: Path, suffix: str
) -> None:
    frames = [_grey()] * 250 + [_pattern()] + [_grey()] * 250
    durations = [20] * 250 + [200] + [20] * 250
    path = _save_animation(tmp_path / f"blink{suffix}", frames, durations)
    result = analyzer.analyze_file(path)
    assert (result.status, result.is_sensitive) == (Status.OK, True), result


@pytest.mark.parametrize("suffix", [".png", ".webp"])
def test_picture_alternating_with_grey_in_apng_and_webp_is_sensitive(
    analyzer: SensitivityAnalyzer, tmp_path: Path, suffix: str
) -> None:
    path = _save_animation(tmp_path / f"alt{suffix}", [_grey(), _pattern()] * 40, [20] * 80)
    result = analyzer.analyze_file(path)
    assert (result.status, result.is_sensitive) == (Status.OK, True), result


@pytest.mark.slow  # a 100-frame animation through the worker
@pytest.mark.parametrize("suffix", [".gif", ".png", ".webp"])
def test_benign_animation_stays_clean_and_is_quick(
    analyzer: SensitivityAnalyzer, tmp_path: Path, suffix: str
) -> None:
    frames = [_photo(offset, (160, 120)) for offset in range(0, 200, 2)]  # a 100-frame pan
    path = _save_animation(tmp_path / f"pan{suffix}", frames, [40] * len(frames))
    started = time.monotonic()
    result = analyzer.analyze_file(path)
    assert (result.status, result.is_sensitive) == (Status.OK, False), result
    assert 2 <= result.frames_checked <= 40
    assert time.monotonic() - started < 10


def test_every_frame_of_an_animation_is_looked_at(tmp_path: Path) -> None:
    """Not only 8: the picture in frame 999 of 1000 (shown 200 ms) comes out."""
    frames = [_grey()] * 999 + [_pattern()]
    path = _save_animation(tmp_path / "late.gif", frames, [20] * 999 + [200])
    picked = list(image_frames(str(path), "gif"))
    assert any(testpattern.matches(rgb) for rgb in picked)
    assert all(rgb.dtype == np.uint8 and rgb.shape[2] == 3 for rgb in picked)


def test_an_animation_too_long_for_the_budget_is_not_cleared(tmp_path: Path) -> None:
    frames = [_photo(offset) for offset in range(0, 120, 4)]
    path = _save_animation(tmp_path / "long.gif", frames, [20] * len(frames))
    frames_out = image_frames(str(path), "gif", budget_s=0.0)
    first = next(frames_out)  # the first frame is always handed over (it may be sensitive)
    assert first.shape[2] == 3
    with pytest.raises(CheckFailed) as failed:
        list(frames_out)
    assert failed.value.status is Status.TIMEOUT and "too long" in failed.value.reason


# -- crafted videos ----------------------------------------------------------------------
def _video_frames(pattern_at: list[bool], size: tuple[int, int] = (320, 240)) -> list[np.ndarray]:
    pattern, grey = np.asarray(_pattern(size)), np.asarray(_grey(size))
    return [pattern if shows else grey for shows in pattern_at]


@pytest.mark.slow  # video encoded and decoded
def test_mp4_with_grey_keyframes_and_the_picture_between_them_is_sensitive(
    analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    """300 frames, a keyframe every 10: the 30 keyframes grey, the other 270 the picture."""
    frames = _video_frames([i % 10 != 0 for i in range(300)])
    path = media.write_video(tmp_path / "keys.mp4", frames, fps=30, gop=10)
    result = analyzer.analyze_file(path)
    assert (result.status, result.kind, result.is_sensitive) == (Status.OK, Kind.VIDEO, True)


@pytest.mark.slow  # video encoded and decoded
def test_benign_video_with_cuts_is_clean_and_each_scene_is_checked(
    analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    scenes = [media.people_photos()["astronaut"], *media.other_photos().values()][:5]
    frames = [np.asarray(Image.fromarray(p).resize((320, 240))) for p in scenes for _ in range(8)]
    path = media.write_video(tmp_path / "cuts.mp4", frames, fps=10)  # 5 scenes of 0.8 s
    started = time.monotonic()
    result = analyzer.analyze_file(path)
    assert (result.status, result.is_sensitive) == (Status.OK, False), result
    assert result.frames_checked >= 5
    assert time.monotonic() - started < 10


def _sampled(path: Path, budget_s: float = 10.0) -> list[np.ndarray]:
    with VideoSampler(str(path), 24, budget_s) as sampler:
        return list(sampler.frames())


@pytest.mark.slow  # video encoded and decoded
def test_a_video_frame_shown_long_enough_is_sampled_wherever_it_is(tmp_path: Path) -> None:
    frames = _video_frames([140 <= i < 144 for i in range(300)])  # 4 frames = 133 ms at 30 fps
    path = media.write_video(tmp_path / "blink.mp4", frames, fps=30, gop=300)
    picked = _sampled(path)
    assert any(testpattern.matches(rgb) for rgb in picked)
    assert all(rgb.shape == (240, 320, 3) and rgb.dtype == np.uint8 for rgb in picked)


@pytest.mark.slow  # video encoded and decoded
def test_a_video_too_long_for_the_budget_times_out_after_its_first_frame(
    tmp_path: Path,
) -> None:
    path = media.write_video(tmp_path / "long.mp4", _video_frames([False] * 100), fps=10)
    with VideoSampler(str(path), 24, 0.0) as sampler:
        frames = sampler.frames()
        assert next(frames).shape == (240, 320, 3)  # a sensitive opening is still found
        with pytest.raises(CheckFailed) as failed:
            list(frames)
        assert sampler.truncated_by_budget
    assert failed.value.status is Status.TIMEOUT and failed.value.kind is Kind.VIDEO
