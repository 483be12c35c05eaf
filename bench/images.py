"""Image benchmark: SafeLens (SDK and CLI) against a plain NudeNet loop on 12-MP JPEGs.

    .venv/bin/python bench/images.py [--count 120] [--latency-count 50]

Reference: ``nudenet.NudeDetector().detect(path)`` in a loop (detector only).
Ours: ``SensitivityAnalyzer`` (detector + Open-NSFW classifier on every image) via
the SDK in bulk, and ``safelens check --json DIR`` as a subprocess. Each side runs
in its own child process, so each peak-memory figure is that side's own.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
from benchlib import (
    PHOTOS,
    VENV_BIN,
    WORK_DIR,
    Run,
    emit,
    heading,
    jittered_photo,
    machine_line,
    p50_p95,
    peak_run,
    percentile,
    photo,
    report_memory,
    row,
    run_measured,
    run_phase,
    verdict,
    warm_page_cache,
)
from PIL import Image

SIZE = (4000, 3000)
JPEG_QUALITY = 90
POOL_DIR = WORK_DIR / "images_pool_4000x3000"
TARGET_SPEEDUP = 3.0
TARGET_P50_MS = 60.0
TARGET_RSS_MB = 400.0
WARM_BATCH = 4  # concurrent warm-up checks, so every worker has run the models once


# -- inputs ----------------------------------------------------------------------------
@cache
def _source(name: str) -> np.ndarray:
    return photo(name)


def _make_one(index: int) -> None:
    path = POOL_DIR / f"img_{index:04d}.jpg"
    if path.exists():
        return
    rng = np.random.default_rng(20_240_000 + index)
    pixels = jittered_photo(_source(PHOTOS[index % len(PHOTOS)]), SIZE, rng)
    partial = path.with_suffix(".part")
    Image.fromarray(pixels).save(partial, format="JPEG", quality=JPEG_QUALITY)
    os.replace(partial, path)


def make_inputs(count: int) -> Path:
    """A folder holding exactly ``count`` distinct 12-MP JPEGs (hard links into a pool)."""
    POOL_DIR.mkdir(parents=True, exist_ok=True)
    missing = [i for i in range(count) if not (POOL_DIR / f"img_{i:04d}.jpg").exists()]
    if missing:
        print(f"Generating {len(missing)} benign {SIZE[0]}x{SIZE[1]} JPEGs in {POOL_DIR} ...")
        started = time.perf_counter()
        with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            list(pool.map(_make_one, missing, chunksize=4))
        print(f"  done in {time.perf_counter() - started:.1f} s")
    folder = WORK_DIR / f"images_{count}"
    folder.mkdir(exist_ok=True)
    for i in range(count):
        link = folder / f"img_{i:04d}.jpg"
        if not link.exists():
            os.link(POOL_DIR / link.name, link)
    return folder


def list_images(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.jpg"))


# -- phases (each runs in its own child process) ---------------------------------------
def phase_reference(paths: list[Path]) -> dict[str, Any]:
    started = time.perf_counter()
    from nudenet import NudeDetector

    detector = NudeDetector()
    load_s = time.perf_counter() - started
    detector.detect(str(paths[0]))  # warm-up, not timed
    per_call_ms: list[float] = []
    with_detections = 0
    loop_started = time.perf_counter()
    for path in paths:
        call_started = time.perf_counter()
        found = detector.detect(str(path))
        per_call_ms.append((time.perf_counter() - call_started) * 1000)
        with_detections += bool(found)
    loop_s = time.perf_counter() - loop_started
    return {
        "load_s": load_s,
        "loop_s": loop_s,
        "per_call_ms": per_call_ms,
        "with_detections": with_detections,
    }


def phase_sdk(paths: list[Path], latency_count: int, runs: int) -> dict[str, Any]:
    from desktop_app.analysis.analyzer import SensitivityAnalyzer

    started = time.perf_counter()
    with SensitivityAnalyzer() as analyzer:
        analyzer.analyze_image(paths[0])
        cold_s = time.perf_counter() - started
        for future in [analyzer.submit_image(p) for p in paths[1 : 1 + WARM_BATCH]]:
            future.result()
        bulk_s: list[float] = []
        for _ in range(runs):
            bulk_started = time.perf_counter()
            futures = [analyzer.submit_image(path) for path in paths]
            results = [future.result() for future in futures]
            bulk_s.append(time.perf_counter() - bulk_started)
        latency_ms, roundtrip_ms = _latencies(analyzer, paths[:latency_count])
    return {
        "cold_s": cold_s,
        "bulk_s": bulk_s,
        "statuses": Counter(r.status.value for r in results),
        "sensitive": sum(r.is_sensitive for r in results),
        "bulk_elapsed_ms": [r.elapsed_ms for r in results],
        "latency_ms": latency_ms,
        "latency_pipe_ms": roundtrip_ms,
    }


def _latencies(analyzer: Any, paths: list[Path]) -> tuple[list[float], list[float]]:
    """Caller-side ms of sequential analyze_image calls, and the supervisor's ms for each."""
    caller_ms: list[float] = []
    supervisor_ms: list[float] = []
    for path in paths:
        started = time.perf_counter()
        result = analyzer.analyze_image(path)
        caller_ms.append((time.perf_counter() - started) * 1000)
        supervisor_ms.append(result.elapsed_ms)
    return caller_ms, supervisor_ms


def run_cli(folder: Path, runs: int) -> list[Run]:
    command = [str(VENV_BIN / "safelens"), "check", "--json", str(folder)]
    return [_parse_cli(run_measured(command)) for _ in range(runs)]


def _parse_cli(run: Run) -> Run:
    results = [json.loads(line) for line in run.stdout.splitlines() if line.strip()]
    run.data = {
        "lines": len(results),
        "sensitive": sum(bool(r["sensitive"]) for r in results),
        "statuses": Counter(r["status"] for r in results),
        "elapsed_ms": [float(r["elapsed_ms"]) for r in results],
    }
    return run


# -- report ----------------------------------------------------------------------------
def report_inputs(folder: Path, paths: list[Path]) -> None:
    sizes = [p.stat().st_size for p in paths]
    print("SafeLens image benchmark")
    print(f"  machine: {machine_line()}")
    print(
        f"  inputs:  {len(paths)} distinct benign {SIZE[0]}x{SIZE[1]} JPEGs (q{JPEG_QUALITY}, "
        f"{np.mean(sizes) / 1e6:.2f} MB avg) in {folder}"
    )
    print("  absolute times are informational; compare the RATIOS (same run, same files).")


def report_reference(ref: Run, n: int) -> float:
    data = ref.data
    throughput = n / float(data["loop_s"])
    heading("Reference: loop of nudenet.NudeDetector().detect(path) (detector only)")
    row("model load (import + session)", f"{data['load_s']:.2f} s")
    row(f"loop over {n} images (warm)", f"{data['loop_s']:.2f} s")
    row("throughput", f"{throughput:.2f} img/s")
    row("per-call p50 / p95", p50_p95(data["per_call_ms"]))
    row("images with any NudeNet detection", f"{data['with_detections']}/{n}", "(info only)")
    report_memory(ref)
    return throughput


def report_sdk(sdk: Run, n: int) -> float:
    data = sdk.data
    bulk_s = float(statistics.median(data["bulk_s"]))
    throughput = n / bulk_s
    heading("Ours (a): SDK SensitivityAnalyzer, bulk submit_image (detector + classifier)")
    row("construct + first result (cold start)", f"{data['cold_s']:.2f} s")
    row(f"bulk: submit {n} + wait all (warm), median", f"{bulk_s:.2f} s")
    row("  each pass", " ".join(f"{t:.2f}" for t in data["bulk_s"]) + " s")
    row("throughput", f"{throughput:.2f} img/s")
    row(
        "per-image elapsed in bulk p50 / p95",
        p50_p95(data["bulk_elapsed_ms"]),
        "(supervisor send->reply)",
    )
    row("results", _statuses(data["statuses"]), f"sensitive={data['sensitive']}")
    count = len(data["latency_ms"])
    row(f"warm analyze_image x{count}, p50 / p95", p50_p95(data["latency_ms"]), "(caller)")
    row("  of which worker round trip p50 / p95", p50_p95(data["latency_pipe_ms"]))
    report_memory(sdk)
    return throughput


def report_cli(runs: list[Run], n: int) -> float:
    data = runs[-1].data
    wall = statistics.median(run.wall_s for run in runs)
    throughput = n / wall
    heading("Ours (b): safelens check --json DIR (subprocess, wall time incl. startup)")
    row(
        f"wall time, median x{len(runs)}",
        f"{wall:.2f} s",
        f"exit codes {sorted({run.returncode for run in runs})}",
    )
    row("  each run", " ".join(f"{run.wall_s:.2f}" for run in runs) + " s")
    row("throughput (incl. startup)", f"{throughput:.2f} img/s")
    row("JSON lines", f"{data['lines']}/{n}", f"sensitive={data['sensitive']}")
    row("statuses", _statuses(data["statuses"]))
    row("per-file elapsed_ms p50 / p95", p50_p95(data["elapsed_ms"]))
    report_memory(peak_run(runs))
    return throughput


def report_ratios(ref: Run, sdk: Run, cli: list[Run], rates: tuple[float, float, float]) -> None:
    ref_rate, sdk_rate, cli_rate = rates
    latency = sdk.data["latency_ms"]
    ours_p50 = percentile(latency, 50)
    ref_p50 = percentile(ref.data["per_call_ms"][: len(latency)], 50)
    sdk_mb, cli_mb, ref_mb = sdk.memory.total_mb, peak_run(cli).memory.total_mb, ref.memory.total_mb
    heading("RATIOS (targets are informational; nothing asserts)")
    row(
        "SDK throughput / reference",
        f"{sdk_rate / ref_rate:.2f}x",
        f"target >= {TARGET_SPEEDUP:g}x: {verdict(sdk_rate >= TARGET_SPEEDUP * ref_rate)}",
    )
    row(
        "CLI throughput / reference",
        f"{cli_rate / ref_rate:.2f}x",
        f"target >= {TARGET_SPEEDUP:g}x: {verdict(cli_rate >= TARGET_SPEEDUP * ref_rate)}",
    )
    row(
        f"warm latency p50, ours (same {len(latency)} files)",
        f"{ours_p50:.1f} ms",
        f"target <= {TARGET_P50_MS:g} ms: {verdict(ours_p50 <= TARGET_P50_MS)}",
    )
    row(f"warm latency p50, reference (same {len(latency)})", f"{ref_p50:.1f} ms")
    row("latency p50 reference / ours", f"{ref_p50 / ours_p50:.2f}x")
    row(
        "peak RSS ours, SDK (process + workers)",
        f"{sdk_mb:.0f} MB",
        f"target <= {TARGET_RSS_MB:g} MB: {verdict(sdk_mb <= TARGET_RSS_MB)}",
    )
    row(
        "peak RSS ours, CLI (process + workers)",
        f"{cli_mb:.0f} MB",
        f"target <= {TARGET_RSS_MB:g} MB: {verdict(cli_mb <= TARGET_RSS_MB)}",
    )
    row("peak RSS reference", f"{ref_mb:.0f} MB")
    row("peak RSS ours (SDK) / reference", f"{sdk_mb / ref_mb:.2f}x")


def _statuses(statuses: dict[str, int]) -> str:
    return ", ".join(f"{name}={count}" for name, count in sorted(statuses.items()))


# -- main ------------------------------------------------------------------------------
def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=120, help="number of images (>= 100)")
    parser.add_argument("--latency-count", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3, help="SDK bulk passes and CLI runs")
    parser.add_argument("--phase", choices=["reference", "sdk"], help=argparse.SUPPRESS)
    parser.add_argument("--dir", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    if args.phase:
        paths = list_images(args.dir)
        if args.phase == "reference":
            emit(phase_reference(paths))
        else:
            emit(phase_sdk(paths, args.latency_count, args.runs))
        return
    folder = make_inputs(args.count)
    paths = list_images(folder)
    warm_page_cache(paths)
    report_inputs(folder, paths)
    script = Path(__file__).resolve()
    print("\nRunning the reference ...", flush=True)
    ref = run_phase(script, "reference", "--dir", str(folder))
    print("Running ours: SDK ...", flush=True)
    sdk_args = ["--latency-count", str(args.latency_count), "--runs", str(args.runs)]
    sdk = run_phase(script, "sdk", "--dir", str(folder), *sdk_args)
    print("Running ours: CLI ...", flush=True)
    cli = run_cli(folder, args.runs)
    n = len(paths)
    rates = (report_reference(ref, n), report_sdk(sdk, n), report_cli(cli, n))
    report_ratios(ref, sdk, cli, rates)


if __name__ == "__main__":
    main()
