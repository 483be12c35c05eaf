"""Share folders: 5,000 files dropped while events are lost, found by the rescan; files/s.

Three phases on one warm analyzer (two workers), same files, same run:

- rescan: a watcher runs, is stopped, N small benign JPEGs are copied into the folder
  (no events reach anyone), a new watcher starts; timed until every file is handled.
- burst: a running watcher with an event queue of N/10 gets all N files at once; the
  queue overflows and a rescan finds them; timed the same way.
- reference (first): ``analyzer.submit_file`` for every file and wait (what
  `safelens check` does), no settling, hashing or index.
- unchanged: a restart over the same, already indexed folder (`run_once`): nothing to check.

Prints files/s for each and the ratios rescan/reference and burst/reference.
Usage: .venv/bin/python bench/share_folders.py [--count 5000]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop_app import SensitivityAnalyzer
from desktop_app.policy.settings import AgeBand
from desktop_app.surfaces.folder_index import FolderIndex
from desktop_app.surfaces.folder_watch import ShareFolderWatch, WatchTiming
from desktop_app.surfaces.quarantine import Quarantine
from desktop_app.surfaces.share_folders import FolderEvent, ShareFolder

WORK = Path(__file__).resolve().parent / ".work"


def inputs(count: int) -> list[Path]:
    """``count`` different small benign JPEGs (crops of a bundled photo), cached."""
    import skimage.data

    folder = WORK / f"share_{count}"
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"photo-{i:05d}.jpg" for i in range(count)]
    if all(path.exists() for path in paths):
        return paths
    source = np.asarray(skimage.data.astronaut())
    rng = np.random.default_rng(5)
    for path in paths:
        y, x = rng.integers(0, 512 - 120), rng.integers(0, 512 - 160)
        crop = source[y : y + 120, x : x + 160].astype(np.int16) + rng.integers(-20, 20)
        Image.fromarray(np.clip(crop, 0, 255).astype(np.uint8)).save(path, quality=85)
    return paths


def drop(paths: list[Path], folder: Path) -> None:
    for path in paths:
        shutil.copyfile(path, folder / path.name)  # new files: new inode, new mtime


def watcher(
    folder: Path, analyzer: SensitivityAnalyzer, seen: list[FolderEvent], **kw: int
) -> ShareFolderWatch:
    """A child's watcher with its own index (no phase learns content from another)."""
    index = FolderIndex(folder.parent / f"{folder.name}-index.json", checked_with="bench")
    return ShareFolderWatch(
        [ShareFolder(folder)], analyzer, Quarantine(), band=AgeBand.UNDER13,
        on_event=seen.append, timing=WatchTiming(rescan_s=3600, **kw), index=index,
    )  # fmt: skip


def until(count: int, seen: list[FolderEvent], limit_s: float = 3600) -> None:
    deadline = time.monotonic() + limit_s
    while len(seen) < count:
        if time.monotonic() > deadline:
            raise SystemExit(f"only {len(seen)} of {count} files were handled")
        time.sleep(0.02)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=5000)
    args = parser.parse_args()
    files = inputs(args.count)
    home = Path(tempfile.mkdtemp(prefix="safelens-bench-"))
    os.environ["SAFELENS_HOME"] = str(home / "data")
    rates: dict[str, float] = {}
    with SensitivityAnalyzer(workers=2) as analyzer:
        analyzer.submit_file(files[0]).result()  # warm: models loaded in both workers
        analyzer.submit_file(files[1]).result()

        started = time.perf_counter()
        futures = [analyzer.submit_file(path) for path in files]
        for future in futures:
            future.result()
        rates["reference"] = len(files) / (time.perf_counter() - started)

        inbox = home / "rescan"
        inbox.mkdir()
        seen: list[FolderEvent] = []
        first = watcher(inbox, analyzer, seen)
        first.start()
        first.stop()  # events are lost from here on
        drop(files, inbox)
        started = time.perf_counter()
        second = watcher(inbox, analyzer, seen)
        second.start()
        until(len(files), seen)
        rates["rescan"] = len(files) / (time.perf_counter() - started)
        second.stop()

        burst = home / "burst"
        burst.mkdir()
        seen_burst: list[FolderEvent] = []
        running = watcher(burst, analyzer, seen_burst, event_queue_limit=max(1, len(files) // 10))
        running.start()
        started = time.perf_counter()
        drop(files, burst)
        until(len(files), seen_burst)
        rates["burst"] = len(files) / (time.perf_counter() - started)
        running.stop()

        started = time.perf_counter()
        unchanged = watcher(inbox, analyzer, []).run_once()
        rates["unchanged"] = len(files) / (time.perf_counter() - started)
        assert unchanged == [], "an unchanged folder was checked again"

    print(f"share folders, {len(files)} small JPEGs (160x120), 2 workers, {os.cpu_count()} CPUs")
    print(f"  rescan after events were lost (watcher off): {rates['rescan']:8.1f} files/s")
    print(
        f"  burst over a {len(files) // 10}-event queue, rescan:     {rates['burst']:8.1f} files/s"
    )
    print(f"  reference: submit_file for all and wait:    {rates['reference']:8.1f} files/s")
    print(f"  restart, nothing changed (index only):      {rates['unchanged']:8.1f} files/s")
    print(f"  ratio rescan/reference: {rates['rescan'] / rates['reference']:.2f}")
    print(f"  ratio burst/reference:  {rates['burst'] / rates['reference']:.2f}")
    shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
