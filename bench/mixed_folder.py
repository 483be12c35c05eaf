"""A mixed folder (photos, ZIPs, PDFs, videos, e-books, Word files, text): files/s and ms per kind.

What `safelens check --json --recursive` does, through the SDK: ``submit_file`` for every
file of a benign mixed folder, then wait for every result. As the reference in the same
run, on the same warm analyzer: as many plain JPEG photos (the mixed folder's own kind of
photo) checked the same way. Prints files/s for both, the ratio mixed/plain, and for each
kind the median time per file (the worker's send-to-reply time), the statuses and the
frames checked, so a kind that was not really checked shows. No timing is asserted.

Usage: .venv/bin/python bench/mixed_folder.py [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchlib import PHOTOS, WORK_DIR, jittered_photo, photo, warm_page_cache

from desktop_app import SensitivityAnalyzer
from desktop_app.analysis.verdict import Analysis
from tests.helpers import carriers

PHOTO_SIZE = (2000, 1500)  # 3 MP: a phone photo, downsized for sharing
VIDEO_SIZE, VIDEO_FPS, VIDEO_SECONDS = (1280, 720), 30, 10
VIDEO_SCENES = ("coffee", "chelsea", "astronaut")
MIX = {"jpeg": 20, "zip": 5, "pdf": 5, "video": 3, "epub": 3, "docx": 2, "text": 10}
FOLDER = WORK_DIR / "mixed"
PLAIN = WORK_DIR / "mixed_plain"


def benign(index: int, size: tuple[int, int] = PHOTO_SIZE, name: str = "") -> Image.Image:
    """A different benign photo for every index (seeded: reruns give the same files)."""
    rng = np.random.default_rng(9000 + index)
    source = photo(name or PHOTOS[index % len(PHOTOS)])
    return Image.fromarray(jittered_photo(source, size, rng))


def jpeg(path: Path, index: int) -> None:
    benign(index).save(path, quality=90)


def zip_of_photos(path: Path, index: int) -> None:
    with zipfile.ZipFile(path, "w") as archive:  # JPEGs are stored, like most photo ZIPs
        for page in range(5):
            archive.writestr(
                f"photos/IMG_{page:04d}.jpg",
                carriers.encoded(benign(index * 5 + page), "JPEG", quality=90),
            )


def pdf_of_pages(path: Path, index: int) -> None:
    pages = [benign(index * 3 + page) for page in range(3)]
    pages[0].save(path, format="PDF", save_all=True, append_images=pages[1:], resolution=150.0)


def video(path: Path, index: int) -> None:
    """10 s of a slow pan across a benign photo, H.264 like a phone clip."""
    # Everyday scenes (the pink microscopy slide, panned, is taken for skin by the detector).
    scene = VIDEO_SCENES[index % len(VIDEO_SCENES)]
    canvas = np.asarray(benign(index, (VIDEO_SIZE[0] * 2, VIDEO_SIZE[1]), scene))
    width, total = VIDEO_SIZE[0], VIDEO_FPS * VIDEO_SECONDS
    frames = [canvas[:, i * width // total : i * width // total + width] for i in range(total)]
    carriers.encode_video(path, frames, VIDEO_FPS, "libx264")  # views: no copies held


def via_carrier(build: Callable[[Image.Image, Path], Path]) -> Callable[[Path, int], None]:
    """A builder from tests.helpers.carriers, writing to ``path`` with a benign photo."""

    def write(path: Path, index: int) -> None:
        with tempfile.TemporaryDirectory() as scratch:
            shutil.move(build(benign(index, (1600, 1200)), Path(scratch)), path)

    return write


def text(path: Path, index: int) -> None:
    path.write_text("".join(f"line {n} of note {index}: nothing to see here\n" for n in range(200)))


WRITERS: dict[str, tuple[str, Callable[[Path, int], None]]] = {
    "jpeg": (".jpg", jpeg),
    "zip": (".zip", zip_of_photos),
    "pdf": (".pdf", pdf_of_pages),
    "video": (".mp4", video),
    "epub": (".epub", via_carrier(carriers.epub)),
    "docx": (".docx", via_carrier(carriers.docx)),
    "text": (".txt", text),
}


def inputs() -> tuple[dict[Path, str], list[Path]]:
    """The mixed folder (path -> kind) and as many plain JPEGs; made once, cached."""
    mixed: dict[Path, str] = {}
    for kind, count in MIX.items():
        suffix, write = WRITERS[kind]
        for index in range(count):
            path = FOLDER / f"{kind}-{index:02d}{suffix}"
            mixed[path] = kind
            if not path.exists():
                FOLDER.mkdir(parents=True, exist_ok=True)
                print(f"  making {path.name}", flush=True)
                part = path.with_name(f"part-{path.name}")  # same suffix: it sets the format
                write(part, 100 + index)
                part.rename(path)
    plain = [PLAIN / f"photo-{i:03d}.jpg" for i in range(len(mixed))]
    PLAIN.mkdir(parents=True, exist_ok=True)
    for i, path in enumerate(plain):
        if not path.exists():
            jpeg(path.with_name(f"part-{path.name}"), 500 + i)
            path.with_name(f"part-{path.name}").rename(path)
    return mixed, plain


def check_all(analyzer: SensitivityAnalyzer, paths: list[Path]) -> tuple[float, list[Analysis]]:
    """submit_file for every path, wait for all: wall seconds and the results."""
    started = time.perf_counter()
    futures = [analyzer.submit_file(path) for path in paths]
    results = [future.result() for future in futures]
    return time.perf_counter() - started, results


def outcome(result: Analysis) -> str:
    """status/frames, and 'SENSITIVE' if a benign input was flagged (a false positive)."""
    flagged = " SENSITIVE" if result.is_sensitive else ""
    return f"{result.status.value}/{result.frames_checked}f{flagged}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    mixed, plain = inputs()
    warm_page_cache([*mixed, *plain])
    home = Path(tempfile.mkdtemp(prefix="safelens-bench-"))
    os.environ["SAFELENS_HOME"] = str(home / "data")
    walls: dict[str, list[float]] = {"mixed": [], "plain": []}
    per_kind: dict[str, list[float]] = {kind: [] for kind in MIX}
    outcomes: dict[str, Counter[str]] = {kind: Counter() for kind in MIX}
    paths = list(mixed)
    pictures = 0  # frames the mixed folder really had checked (pages, members, moments)
    with SensitivityAnalyzer() as analyzer:
        check_all(analyzer, plain[:2])  # warm: models loaded in every worker
        for run in range(args.runs):
            wall, _results = check_all(analyzer, plain)
            walls["plain"].append(wall)
            wall, results = check_all(analyzer, paths)
            walls["mixed"].append(wall)
            for path, result in zip(paths, results, strict=True):
                kind = mixed[path]
                per_kind[kind].append(result.elapsed_ms)
                if run == 0:
                    outcomes[kind][outcome(result)] += 1
                    pictures += result.frames_checked
    shutil.rmtree(home, ignore_errors=True)
    report(len(paths), pictures, walls, per_kind, outcomes)


def report(
    count: int,
    pictures: int,
    walls: dict[str, list[float]],
    per_kind: dict[str, list[float]],
    outcomes: dict[str, Counter[str]],
) -> None:
    """files/s both ways and their ratio, pictures/s, then time and outcomes per kind."""
    mixed_rate = count / statistics.median(walls["mixed"])
    plain_rate = count / statistics.median(walls["plain"])
    size = f"{PHOTO_SIZE[0]}x{PHOTO_SIZE[1]}"
    runs = len(walls["mixed"])
    print(f"mixed folder: {count} files, {runs} runs (median), {os.cpu_count()} CPUs")
    print(f"  mixed folder:                        {mixed_rate:7.2f} files/s")
    print(f"  plain {size} JPEGs (same count): {plain_rate:7.2f} files/s")
    print(f"  ratio mixed/plain: {mixed_rate / plain_rate:.2f}")
    picture_rate = pictures / statistics.median(walls["mixed"])
    print(f"  pictures checked, mixed folder: {pictures} ({picture_rate:.2f}/s; plain: 1 a file)")
    runs_text = ", ".join(
        f"{m:.1f}/{p:.1f}" for m, p in zip(walls["mixed"], walls["plain"], strict=True)
    )
    print(f"  per run, mixed/plain s: {runs_text}")
    print("  per kind: files, median ms per file (worker), outcomes (status/frames checked)")
    for kind, times in per_kind.items():
        seen = ", ".join(f"{n}x {what}" for what, n in sorted(outcomes[kind].items()))
        print(f"    {kind:6s} {MIX[kind]:3d}  {statistics.median(times):8.0f} ms   {seen}")


if __name__ == "__main__":
    main()
