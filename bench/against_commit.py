"""Image throughput of this checkout against an earlier commit, interleaved round by round.

    .venv/bin/python bench/against_commit.py --base c0407bb [--rounds 4] [--count 120]

On a busy machine two benchmark runs minutes apart are not comparable (the load moves
under them). This one takes turns: each round runs NudeNet's loop (the reference), the SDK
of the earlier commit and the SDK of this checkout, each in a fresh process on the same
12-MP JPEGs as ``bench/images.py``, and prints the medians and the ratios. "No regression"
means ours/base stays near 1.0; ours/reference is the figure ``bench/images.py`` targets.
The earlier commit is checked out into ``bench/.work/base-REV`` (a git worktree) and run
with this checkout's virtual environment.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchlib import REPO_DIR, WORK_DIR, emit, heading, machine_line, row

HERE = Path(__file__).resolve()


def _images(count: int) -> list[Path]:
    sys.path.insert(0, str(HERE.parent))
    import images  # the same inputs as bench/images.py

    return images.list_images(images.make_inputs(count))


def phase_sdk(paths: list[Path]) -> dict[str, float]:
    from desktop_app.analysis.analyzer import SensitivityAnalyzer

    with SensitivityAnalyzer() as analyzer:
        for future in [analyzer.submit_image(p) for p in paths[:4]]:
            future.result()
        started = time.perf_counter()
        results = [f.result() for f in [analyzer.submit_image(p) for p in paths]]
        seconds = time.perf_counter() - started
    if any(r.status.value != "ok" for r in results):
        raise SystemExit("a benchmark image was not checked")
    return {"img_per_s": len(paths) / seconds}


def phase_reference(paths: list[Path]) -> dict[str, float]:
    from nudenet import NudeDetector

    detector = NudeDetector()
    detector.detect(str(paths[0]))
    started = time.perf_counter()
    for path in paths:
        detector.detect(str(path))
    return {"img_per_s": len(paths) / (time.perf_counter() - started)}


def _base_tree(rev: str) -> Path:
    tree = WORK_DIR / f"base-{rev}"
    if not tree.exists():
        subprocess.run(
            ["git", "-C", str(REPO_DIR), "worktree", "add", "--detach", str(tree), rev],
            check=True,
            capture_output=True,
        )
    return tree


def _run(phase: str, count: int, source: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(source)}
    command = [sys.executable, str(HERE), "--phase", phase, "--count", str(count)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    return float(json.loads(done.stdout.strip().splitlines()[-1])["img_per_s"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", help="the earlier commit (any git revision)")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--count", type=int, default=120)
    parser.add_argument("--phase", choices=("sdk", "reference"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        paths = _images(args.count)
        emit(phase_sdk(paths) if args.phase == "sdk" else phase_reference(paths))
        return
    if not args.base:
        parser.error("--base is required")
    _images(args.count)  # make the inputs once, outside the timing
    base = _base_tree(args.base)
    heading(f"{args.count} JPEGs of 12 MP, {args.rounds} rounds, base {args.base}")
    print(machine_line())
    seen: dict[str, list[float]] = {"reference": [], "base": [], "ours": []}
    for number in range(1, args.rounds + 1):
        seen["reference"].append(_run("reference", args.count, REPO_DIR))
        seen["base"].append(_run("sdk", args.count, base))
        seen["ours"].append(_run("sdk", args.count, REPO_DIR))
        print(f"  round {number}: " + "  ".join(f"{k} {v[-1]:.2f}" for k, v in seen.items()))
    median = {name: statistics.median(values) for name, values in seen.items()}
    heading("Medians (img/s) and ratios")
    for name, value in median.items():
        row(f"{name} throughput", f"{value:.2f} img/s")
    row("ours / base", f"{median['ours'] / median['base']:.2f}x")
    row("ours / reference", f"{median['ours'] / median['reference']:.2f}x")
    row("base / reference", f"{median['base'] / median['reference']:.2f}x")
    per_round = [o / b for o, b in zip(seen["ours"], seen["base"], strict=True)]
    row("ours / base per round", " ".join(f"{r:.2f}" for r in per_round))


if __name__ == "__main__":
    main()
