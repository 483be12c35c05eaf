"""The agent at rest: CPU used by a share-folder watcher with nothing arriving.

A watcher (watchdog events + the 60-s reconciliation rescan) guards a folder of N
already-checked files; after it settles, the whole process tree's CPU time is read over
a quiet window, and the same is read for the same process sleeping (the reference, in
the same run). Prints CPU % of one core for both, and the per-rescan cost.
Usage: .venv/bin/python bench/agent_idle.py [--files 2000] [--seconds 130]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import psutil
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop_app import SensitivityAnalyzer
from desktop_app.policy.settings import AgeBand
from desktop_app.surfaces.folder_index import FolderIndex
from desktop_app.surfaces.folder_watch import ShareFolderWatch, WatchTiming
from desktop_app.surfaces.quarantine import Quarantine
from desktop_app.surfaces.share_folders import ShareFolder


def cpu_seconds(process: psutil.Process) -> float:
    total = sum(process.cpu_times()[:2])
    for child in process.children(recursive=True):
        try:
            total += sum(child.cpu_times()[:2])
        except psutil.NoSuchProcess:
            continue
    return total


def measure(seconds: float) -> float:
    me = psutil.Process()
    start, began = cpu_seconds(me), time.monotonic()
    time.sleep(seconds)
    return (cpu_seconds(me) - start) / (time.monotonic() - began) * 100


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--seconds", type=float, default=130.0)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="safelens-idle-"))
    inbox = work / "Inbox"
    inbox.mkdir()
    for index in range(args.files):
        Image.new("RGB", (64, 48), (index % 256, 90, 160)).save(inbox / f"{index:05}.png")
    with SensitivityAnalyzer(workers=1) as analyzer:
        timing = WatchTiming(settle_s=0.5)
        watch = ShareFolderWatch(
            [ShareFolder(inbox)],
            analyzer,
            Quarantine(work / "quarantine"),
            band=AgeBand.TEEN,
            index=FolderIndex(work / "index.json"),
            timing=timing,
        )
        watch.start()
        time.sleep(2.0)
        while watch.pending:  # every file checked once
            time.sleep(1.0)
        time.sleep(3.0)
        watching = measure(args.seconds)
        watch.stop()
        reference = measure(min(args.seconds, 30.0))
    rescans = max(1, int(args.seconds // timing.rescan_s))
    print(f"files watched: {args.files}, quiet window: {args.seconds:.0f} s ({rescans} rescans)")
    print(f"CPU, watcher at rest:   {watching:.2f} % of one core")
    print(f"CPU, reference (sleep): {reference:.2f} % of one core")
    print(f"difference: {watching - reference:.2f} percentage points")


if __name__ == "__main__":
    main()
