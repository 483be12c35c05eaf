"""Shared helpers for the SafeLens benchmarks: benign inputs, child phases, peak memory.

Every measured phase runs in its own child process so that its peak memory is its
own (the orchestrating process only generates inputs, samples memory and prints).
A phase prints exactly one JSON object as the last line of its stdout.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

import numpy as np
import psutil
from PIL import Image

BENCH_DIR = Path(__file__).resolve().parent
REPO_DIR = BENCH_DIR.parent
WORK_DIR = BENCH_DIR / ".work"
VENV_BIN = Path(sys.executable).parent
MB = 1024 * 1024

# Bundled scikit-image photos (no download needed): people-free or fully clothed, benign.
PHOTOS = (
    "astronaut",
    "camera",
    "coffee",
    "chelsea",
    "rocket",
    "hubble_deep_field",
    "immunohistochemistry",
    "coins",
)


# -- benign inputs ---------------------------------------------------------------------
def photo(name: str) -> np.ndarray:
    """A bundled scikit-image photo as HxWx3 uint8 RGB."""
    import skimage.data

    image = np.asarray(getattr(skimage.data, name)())
    if image.ndim == 2:
        image = np.stack([image] * 3, axis=-1)
    return np.ascontiguousarray(image[..., :3], dtype=np.uint8)


def jittered_photo(
    source: np.ndarray, size: tuple[int, int], rng: np.random.Generator
) -> np.ndarray:
    """Random crop of ``source`` upscaled to ``size`` (w, h), colour jitter and grain."""
    width, height = size
    crop = _random_crop(source, width / height, rng)
    gain = rng.uniform(0.85, 1.15, size=3) * rng.uniform(0.9, 1.1)
    shifted = np.clip(crop.astype(np.float32) * gain + rng.uniform(-12, 12), 0, 255)
    if rng.random() < 0.5:
        shifted = shifted[:, ::-1]
    big = Image.fromarray(shifted.astype(np.uint8)).resize(size, Image.Resampling.BICUBIC)
    pixels = np.asarray(big, dtype=np.int16)
    grain = rng.integers(-5, 6, size=(height, width, 1), dtype=np.int16)
    result: np.ndarray = np.clip(pixels + grain, 0, 255).astype(np.uint8)
    return result


def _random_crop(source: np.ndarray, aspect: float, rng: np.random.Generator) -> np.ndarray:
    src_h, src_w = source.shape[:2]
    crop_w = min(src_w, int(src_h * aspect))
    crop_w = int(crop_w * rng.uniform(0.75, 1.0))
    crop_h = max(1, int(crop_w / aspect))
    x0 = int(rng.integers(0, src_w - crop_w + 1))
    y0 = int(rng.integers(0, src_h - crop_h + 1))
    return source[y0 : y0 + crop_h, x0 : x0 + crop_w]


def warm_page_cache(paths: Sequence[Path]) -> None:
    """Read every input once so neither side pays for the first disk read."""
    for path in paths:
        with path.open("rb") as handle:
            while handle.read(1 << 20):
                pass


# -- peak memory -----------------------------------------------------------------------
@dataclass
class MemoryPeak:
    """Peak of (process RSS + sum of its descendants' RSS), sampled periodically."""

    total_mb: float = 0.0
    parent_mb: float = 0.0  # the process itself, at the moment of the peak total
    children_mb: float = 0.0  # its descendants, summed, at the moment of the peak total
    max_children: int = 0
    samples: int = 0
    pss_mb: float = 0.0  # peak summed PSS (shared pages split fairly); 0 where unavailable


class MemorySampler:
    """Samples a process tree's RSS in a background thread until the context exits."""

    PSS_EVERY = 5  # PSS needs /proc/PID/smaps: costlier, so only every 5th sample

    def __init__(self, pid: int, interval_s: float = 0.05) -> None:
        self.peak = MemoryPeak()
        self._process = psutil.Process(pid)
        self._interval_s = interval_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rss-sampler", daemon=True)

    def __enter__(self) -> MemorySampler:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self._interval_s)

    def sample(self) -> None:
        try:
            processes = [self._process, *self._process.children(recursive=True)]
        except psutil.Error:
            return
        rss = [_rss(process) for process in processes]
        self.peak.samples += 1
        self.peak.max_children = max(self.peak.max_children, len(processes) - 1)
        if sum(rss) > self.peak.total_mb * MB:
            self.peak.total_mb = sum(rss) / MB
            self.peak.parent_mb, self.peak.children_mb = rss[0] / MB, sum(rss[1:]) / MB
        if self.peak.samples % self.PSS_EVERY == 1:
            pss = sum(_pss(process) for process in processes)
            self.peak.pss_mb = max(self.peak.pss_mb, pss / MB)


def _rss(process: psutil.Process) -> int:
    try:
        return int(process.memory_info().rss)
    except psutil.Error:
        return 0


def _pss(process: psutil.Process) -> int:
    try:
        return int(getattr(process.memory_full_info(), "pss", 0))
    except psutil.Error:
        return 0


# -- child phases ----------------------------------------------------------------------
@dataclass
class Run:
    """One child process: its wall time, exit code, output and peak memory."""

    wall_s: float
    returncode: int
    stdout: str
    memory: MemoryPeak
    data: dict[str, Any] = field(default_factory=dict)


def run_measured(command: Sequence[str], env: dict[str, str] | None = None) -> Run:
    """Run a command to completion, timing it and sampling its process tree's memory."""
    started = time.perf_counter()
    child = subprocess.Popen(
        list(command),
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO_DIR,
        env={**os.environ, **(env or {})},
    )
    with MemorySampler(child.pid) as sampler:
        stdout, _ = child.communicate()
    wall = time.perf_counter() - started
    return Run(wall, child.returncode, stdout, sampler.peak)


def run_phase(script: Path, phase: str, *args: str) -> Run:
    """Run ``script --phase PHASE ARGS`` and parse the JSON object on its last line."""
    run = run_measured([sys.executable, str(script), "--phase", phase, *args])
    lines = run.stdout.strip().splitlines()
    if run.returncode != 0 or not lines:
        raise SystemExit(f"phase {phase!r} failed with exit code {run.returncode}")
    run.data = json.loads(lines[-1])
    return run


def peak_run(runs: Sequence[Run]) -> Run:
    """The run with the highest peak memory."""
    return max(runs, key=lambda run: run.memory.total_mb)


def emit(data: dict[str, Any]) -> None:
    """A phase's result: one JSON line on stdout."""
    print(json.dumps(data), flush=True)


# -- numbers ---------------------------------------------------------------------------
def percentile(values: Sequence[float], pct: float) -> float:
    """Linear-interpolated percentile (pct in 0-100); NaN for no values."""
    return float(np.percentile(values, pct)) if len(values) else float("nan")


def p50_p95(values: Sequence[float]) -> str:
    return f"{percentile(values, 50):.1f} / {percentile(values, 95):.1f} ms"


def verdict(ok: bool) -> str:
    return "meets target" if ok else "MISSES target"


def heading(title: str) -> None:
    print(f"\n== {title} " + "=" * max(0, 76 - len(title)))


def row(label: str, value: str, note: str = "") -> None:
    print(f"  {label:<44} {value:>14}  {note}".rstrip())


def machine_line() -> str:
    import platform

    cores = os.cpu_count()
    ram = psutil.virtual_memory().total / 1024**3
    return (
        f"{platform.system()} {platform.machine()}, {cores} cores, {ram:.1f} GiB RAM, "
        f"Python {platform.python_version()}"
    )


def report_memory(run: Run) -> None:
    memory = run.memory
    row(
        "peak RSS, process + children (summed)",
        f"{memory.total_mb:.0f} MB",
        f"= {memory.parent_mb:.0f} process + {memory.children_mb:.0f} in "
        f"{memory.max_children} child process(es)",
    )
    if memory.pss_mb:
        row("  peak PSS, summed (shared pages split)", f"{memory.pss_mb:.0f} MB", "(info only)")
