"""A background analyzer's workers run at background priority, onnxruntime's threads too."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app import SensitivityAnalyzer
from desktop_app.analysis import testpattern
from desktop_app.analysis.verdict import Status
from desktop_app.core.background import BACKGROUND_IO, BACKGROUND_NICE, io_priority

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="per-thread nice and ioprio are Linux's"
)


@pytest.fixture(scope="module")
def background() -> Iterator[SensitivityAnalyzer]:
    """Default time limits: a niced worker on a busy machine may start slowly."""
    with SensitivityAnalyzer(test_pattern=True, workers=1, background=True) as analyzer:
        yield analyzer


@pytest.fixture
def impatient_background() -> Iterator[SensitivityAnalyzer]:
    with SensitivityAnalyzer(
        test_pattern=True, workers=1, background=True, image_timeout_s=1.0
    ) as analyzer:
        yield analyzer


def thread_nices(pid: int) -> set[int]:
    """The niceness of every thread of a process (/proc/PID/task/TID/stat, field 19)."""
    nices = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
        nices.add(int(fields[16]))
    return nices


def test_background_workers_check_at_background_priority(
    background: SensitivityAnalyzer, tmp_path: Path
) -> None:
    pattern = testpattern.write_image(tmp_path / "pattern.png")
    assert background.analyze_file(pattern).is_sensitive  # the worker is up and checking
    (pid,) = background.worker_pids
    assert os.getpriority(os.PRIO_PROCESS, pid) == BACKGROUND_NICE
    assert thread_nices(pid) == {BACKGROUND_NICE}  # the model's threads inherited it
    assert io_priority(pid) == BACKGROUND_IO


def test_ordinary_workers_keep_normal_priority(
    analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    pattern = testpattern.write_image(tmp_path / "pattern.png")
    assert analyzer.analyze_file(pattern).is_sensitive
    (pid,) = analyzer.worker_pids
    assert os.getpriority(os.PRIO_PROCESS, pid) == os.getpriority(os.PRIO_PROCESS, 0)
    assert io_priority(pid) != BACKGROUND_IO


def test_background_checks_get_longer_time_limits(
    impatient_background: SensitivityAnalyzer, tmp_path: Path
) -> None:
    """A niced worker that only waited for the CPU must not make a child's file 'timeout'."""
    background = impatient_background
    (path := tmp_path / "slow.jpg").write_bytes(b"SAFELENS-FAULT:hang")
    result = background.analyze_image(path)
    assert result.status is Status.TIMEOUT
    assert background.image_timeout_s == 1.0
    assert "over 3 s" in (result.reason or "")  # 1 s, three times as patient
