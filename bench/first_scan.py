"""First scan of a child's folder by the service: files/s, the foreground's slowdown, idle CPU.

Protection starts on an account that already holds N small benign photos (issue 11,
Build 7). A `MachineWatch` for one protected account (a stand-in: the current user, a temp
home) scans them with the service's settings: two background workers (nice 19, disk
best-effort 7) and a background watch thread. Meanwhile a foreground process runs a fixed
pure-Python loop again and again; its median loop time during the scan is compared with
the same loop alone, in the same run, before and after. For contrast, the same scan of
the first `--contrast` files at normal priority (what a scan without Build 7 costs).
Then the service sits idle, still watching, for `--idle` seconds: its CPU time (process
and workers) over that window.

Usage: .venv/bin/python bench/first_scan.py [--count 10000] [--contrast 2000] [--idle 30]
Nothing is asserted: numbers and ratios are printed.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import psutil
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchlib import emit, heading, machine_line, photo, row

from desktop_app import SensitivityAnalyzer
from desktop_app.policy.settings import AgeBand
from desktop_app.service.accounts import ProtectedAccount
from desktop_app.service.watching import MachineWatch
from desktop_app.surfaces.quarantine import Quarantine
from desktop_app.surfaces.share_folders import ShareFolder

WORK = Path(__file__).resolve().parent / ".work"
LOOP_N = 300_000  # the foreground task: one pass is ~50-100 ms of pure Python


def inputs(count: int) -> list[Path]:
    """``count`` different small benign JPEGs (320x240 crops of bundled photos), cached."""
    folder = WORK / f"first_scan_{count}"
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"IMG_{i:05d}.jpg" for i in range(count)]
    if all(path.exists() for path in paths):
        return paths
    sources = [photo(name) for name in ("astronaut", "coffee", "chelsea", "rocket")]
    rng = np.random.default_rng(11)
    for i, path in enumerate(paths):
        source = sources[i % len(sources)]
        height, width = source.shape[:2]
        y, x = int(rng.integers(0, height - 240)), int(rng.integers(0, width - 320))
        crop = source[y : y + 240, x : x + 320].astype(np.int16) + int(rng.integers(-20, 20))
        Image.fromarray(np.clip(crop, 0, 255).astype(np.uint8)).save(path, quality=85)
    return paths


# -- the foreground task (its own process) ---------------------------------------------
def foreground() -> None:
    """Run the fixed loop until stdin closes; print (start, seconds) of every pass."""
    import select

    passes: list[tuple[float, float]] = []
    while not select.select([sys.stdin], [], [], 0)[0]:
        started = time.time()
        begin = time.perf_counter()
        total = 0
        for i in range(LOOP_N):
            total += i * i % 7
        passes.append((started, time.perf_counter() - begin))
    emit({"passes": passes})


class Foreground:
    """The foreground process, started before and stopped after a phase."""

    def __enter__(self) -> Foreground:
        self.child = subprocess.Popen(
            [sys.executable, __file__, "--phase", "foreground"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        return self

    def __exit__(self, *_exc: object) -> None:
        stdout, _ = self.child.communicate("stop\n")
        self.passes = [tuple(p) for p in json.loads(stdout.strip().splitlines()[-1])["passes"]]

    def median_between(self, start: float, end: float) -> float:
        times = [seconds for begin, seconds in self.passes if start <= begin <= end - seconds]
        return statistics.median(times) if times else float("nan")


def alone(seconds: float) -> float:
    with Foreground() as task:
        start = time.time()
        time.sleep(seconds)
        end = time.time()
    return task.median_between(start, end)


# -- the service's scan (its own process) ----------------------------------------------
def scan(folder: Path, background: bool, idle_s: float) -> None:
    """A MachineWatch over one account whose Downloads is ``folder``; timed to the end."""
    base = Path(tempfile.mkdtemp(prefix="safelens-first-scan-"))
    os.environ["SAFELENS_HOME"] = str(base / "data")
    account = ProtectedAccount(
        user=getpass.getuser(),
        uid=os.getuid(),
        gid=os.getgid(),
        home=folder.parent,
        profile_id="p-bench",
        band=AgeBand.UNDER13,
        folders=(ShareFolder(folder),),
    )
    (base / "watching").mkdir(mode=0o700)
    with SensitivityAnalyzer(workers=2, background=background) as analyzer:
        warm = base / "warm.jpg"
        shutil.copyfile(next(folder.iterdir()), warm)
        analyzer.submit_file(warm).result()  # models loaded before the clock starts
        analyzer.submit_file(warm).result()
        watch = MachineWatch(
            analyzer,
            Quarantine(base / "quarantine"),
            accounts=lambda: [account],
            index_folder=base / "watching",
            background=background,
        )
        files = sum(1 for _ in folder.iterdir())
        start = time.time()
        watch.start()
        while watch.pending == 0 and time.time() - start < 60:
            time.sleep(0.05)  # the first pass finds the files
        while watch.pending:
            time.sleep(0.2)
        end = time.time()
        put_aside = len(Quarantine(base / "quarantine").entries())
        idle = _idle_cpu(idle_s) if idle_s else None
        watch.stop()
    shutil.rmtree(base, ignore_errors=True)
    emit({"files": files, "start": start, "end": end, "put_aside": put_aside, "idle_cpu_s": idle})


def _idle_cpu(seconds: float) -> float:
    """CPU seconds of this process and its workers while watching, nothing arriving."""
    me = psutil.Process()

    def used() -> float:
        total = sum(me.cpu_times()[:2])
        for child in me.children(recursive=True):
            with contextlib.suppress(psutil.Error):
                total += sum(child.cpu_times()[:2])
        return total

    before = used()
    time.sleep(seconds)
    return used() - before


def scan_with_foreground(files: list[Path], background: bool, idle_s: float) -> dict[str, float]:
    home = Path(tempfile.mkdtemp(prefix="safelens-child-home-"))
    downloads = home / "Downloads"
    downloads.mkdir()
    for path in files:
        try:  # existing files, as on the day protection starts
            os.link(path, downloads / path.name)
        except OSError:  # another file system
            shutil.copyfile(path, downloads / path.name)
    options = ["--background", str(int(background)), "--idle", str(idle_s)]
    with Foreground() as task:
        done = subprocess.run(
            [sys.executable, __file__, "--phase", "scan", str(downloads), *options],
            stdout=subprocess.PIPE,
            text=True,
            check=True,
        )
    shutil.rmtree(home, ignore_errors=True)
    data: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    data["foreground_s"] = task.median_between(data["start"], data["end"])
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--contrast", type=int, default=2_000)
    parser.add_argument("--idle", type=float, default=30.0)
    parser.add_argument("--phase", choices=("foreground", "scan"), help=argparse.SUPPRESS)
    parser.add_argument("folder", nargs="?", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--background", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase == "foreground":
        return foreground()
    if args.phase == "scan":
        return scan(args.folder, bool(args.background), args.idle)

    files = inputs(args.count)
    load_before = os.getloadavg()[0]
    before = alone(10)
    polite = scan_with_foreground(files, background=True, idle_s=args.idle)
    between = alone(10)
    rude = scan_with_foreground(files[: args.contrast], background=False, idle_s=0)
    after = alone(10)
    reference = statistics.median([before, between, after])
    load_after = os.getloadavg()[0]

    heading(f"first scan, {len(files)} small JPEGs (320x240), one child account")
    print(f"  {machine_line()}")
    print(f"  load average (1 min) before / after: {load_before:.1f} / {load_after:.1f}")
    polite_s = polite["end"] - polite["start"]
    rude_s = rude["end"] - rude["start"]
    row(
        "background scan (nice 19, disk BE/7)",
        f"{polite['files'] / polite_s:.1f} files/s",
        f"{polite['files']:.0f} files in {polite_s:.0f} s, {polite['put_aside']:.0f} put aside",
    )
    row(
        "normal-priority scan (contrast)",
        f"{rude['files'] / rude_s:.1f} files/s",
        f"first {rude['files']:.0f} files in {rude_s:.0f} s, {rude['put_aside']:.0f} put aside",
    )
    row(
        "foreground loop alone (median)",
        f"{reference * 1000:.0f} ms",
        f"before/between/after: {before * 1000:.0f} / {between * 1000:.0f} / {after * 1000:.0f}",
    )
    row(
        "foreground during background scan",
        f"{polite['foreground_s'] * 1000:.0f} ms",
        f"ratio {polite['foreground_s'] / reference:.2f}x alone",
    )
    row(
        "foreground during normal-priority scan",
        f"{rude['foreground_s'] * 1000:.0f} ms",
        f"ratio {rude['foreground_s'] / reference:.2f}x alone",
    )
    idle = polite["idle_cpu_s"]
    row(f"service idle CPU over {args.idle:.0f} s (watching)", f"{idle:.2f} s",
        f"= {idle / args.idle * 100:.2f} % of one core (process + workers)")  # fmt: skip
    return None


if __name__ == "__main__":
    main()
