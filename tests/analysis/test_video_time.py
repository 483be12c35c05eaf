"""A long video gets the time checking every frame needs, told to the supervisor, up to a cap."""

from __future__ import annotations

import threading
import time
from multiprocessing import Pipe
from pathlib import Path

import numpy as np
import pytest

from desktop_app.analysis import checking, supervisor, video
from desktop_app.analysis.carriers import Budget, Limits
from desktop_app.analysis.checking import _video_time
from desktop_app.analysis.sources import PathSource
from desktop_app.analysis.verdict import AnalysisOptions
from desktop_app.analysis.video import VideoSampler
from tests.helpers import media


@pytest.fixture(scope="module")
def ten_seconds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """10 s at 30 frames/s, small: its length, not its size, sets its time."""
    frames = [np.full((120, 160, 3), i % 256, dtype=np.uint8) for i in range(300)]
    path = tmp_path_factory.mktemp("video") / "ten.mp4"
    return media.write_video(path, frames, fps=30)


def test_the_time_a_video_needs_grows_with_its_length(ten_seconds: Path) -> None:
    with VideoSampler(str(ten_seconds), 24, 8.0) as sampler:
        assert sampler.duration_s() == pytest.approx(10.0, abs=0.2)
        assert sampler.needed_s(1.0) == pytest.approx(10.0 * video.CHECK_S_PER_PLAYING_S, rel=0.05)
        assert sampler.needed_s(8.0) == 8.0  # never less than the check's own budget


def test_a_video_larger_or_faster_than_1080p30_needs_more_and_never_more_than_the_cap(
    ten_seconds: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with VideoSampler(str(ten_seconds), 24, 8.0) as sampler:
        monkeypatch.setattr(sampler, "duration_s", lambda: 60.0)
        base = sampler.needed_s(1.0)
        monkeypatch.setattr(sampler, "_frame_s", 1 / 60)
        assert sampler.needed_s(1.0) == pytest.approx(2 * base)
        monkeypatch.setattr(sampler, "duration_s", lambda: 3 * 3600.0)  # a film
        assert sampler.needed_s(1.0) == video.MAX_VIDEO_BUDGET_S


def test_a_video_that_needs_more_than_is_left_asks_the_supervisor(ten_seconds: Path) -> None:
    asked: list[float] = []
    budget = Budget(Limits(time_s=1.0))
    deadline = budget.deadline
    with VideoSampler(str(ten_seconds), 24, 0.5) as sampler:
        given = _video_time(sampler, AnalysisOptions(video_budget_s=0.5), budget, asked.append)
    assert given == pytest.approx(5.0, rel=0.05)
    assert len(asked) == 1 and asked[0] == pytest.approx(given - 1.0, abs=0.1)
    assert budget.deadline == pytest.approx(deadline + asked[0])


def test_without_a_supervisor_to_ask_a_video_gets_only_what_is_left(ten_seconds: Path) -> None:
    budget = Budget(Limits(time_s=1.0))
    with VideoSampler(str(ten_seconds), 24, 0.5) as sampler:
        given = _video_time(sampler, AnalysisOptions(video_budget_s=0.5), budget, None)
    assert given <= 1.0


def _slot_on(conn: object) -> supervisor._Slot:
    slot = object.__new__(supervisor._Slot)  # no worker process: the pipe is the worker
    slot._conn = conn  # type: ignore[assignment]
    return slot


@pytest.mark.slow  # waits out real time limits
def test_the_supervisor_waits_as_long_as_the_worker_asks_and_no_longer() -> None:
    ours, workers = Pipe(duplex=True)

    def worker() -> None:
        workers.send(("extend", 1, 1.5))
        time.sleep(1.2)  # past the 0.5-s limit, within the extension
        workers.send(("result", 1, {"done": True}))

    threading.Thread(target=worker, daemon=True).start()
    reply, spoke, limit_s = _slot_on(ours)._answer(time.perf_counter(), 0.5)
    assert spoke and reply == ("result", 1, {"done": True}) and limit_s == pytest.approx(2.0)


@pytest.mark.slow  # waits out real time limits
def test_a_worker_cannot_extend_without_end(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(supervisor, "MAX_EXTENSION_S", 0.3)
    ours, workers = Pipe(duplex=True)
    for _ in range(5):
        workers.send(("extend", 1, 100.0))
    started = time.perf_counter()
    reply, spoke, limit_s = _slot_on(ours)._answer(started, 0.2)
    assert reply is None and not spoke and limit_s == pytest.approx(0.5)
    assert time.perf_counter() - started < 5


def test_the_worker_never_asks_for_more_than_the_supervisor_grants(ten_seconds: Path) -> None:
    """Two long videos in one archive: the second gets what is left of the bound, no more."""
    asked: list[float] = []
    budget = Budget(Limits(time_s=1.0))
    budget.extended = checking.MAX_EXTENSION_S - 2.0  # the first video took nearly all
    with VideoSampler(str(ten_seconds), 24, 0.5) as sampler:
        given = _video_time(sampler, AnalysisOptions(video_budget_s=0.5), budget, asked.append)
    assert asked == [pytest.approx(2.0)] and budget.extended == pytest.approx(
        checking.MAX_EXTENSION_S
    )
    assert given == pytest.approx(3.0, abs=0.1)  # 1 s left + 2 s granted, not the 5 s it needs


def test_a_file_that_vanishes_mid_check_is_answered_without_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Renamed between the first bytes and the extractor (a download finishing)."""
    import zipfile

    path = tmp_path / "album.zip"
    with zipfile.ZipFile(path, "w") as out:
        out.writestr("a.txt", "hello")
    real = checking._Inspector._carrier

    def vanish(self: object, *args: object) -> object:
        path.unlink()
        return real(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(checking._Inspector, "_carrier", vanish)
    result = checking.check(PathSource(str(path)), AnalysisOptions(), None)  # type: ignore[arg-type]
    assert result.could_not_check and str(path) not in str(result.reason)
