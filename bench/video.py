"""Video benchmark: SafeLens against a naive OpenCV + NudeNet loop on a 60-s 1080p clip.

    .venv/bin/python bench/video.py [--runs 3] [--sdk-runs 5] [--gop N] [--video-budget S]

Reference: OpenCV reads the clip sequentially and runs ``NudeDetector().detect(frame)``
on one frame per second (every fps-th frame). Ours: ``safelens check --json clip.mp4``
(wall time including startup) and the SDK's ``analyze_video`` on a warm analyzer.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import statistics
import time
from pathlib import Path
from typing import Any

import numpy as np
from benchlib import (
    VENV_BIN,
    WORK_DIR,
    Run,
    emit,
    heading,
    jittered_photo,
    machine_line,
    peak_run,
    photo,
    report_memory,
    row,
    run_measured,
    run_phase,
    verdict,
)
from PIL import Image

WIDTH, HEIGHT, FPS, SECONDS = 1920, 1080, 30, 60
WARM_IMAGE = WORK_DIR / "warm_1024x768.jpg"
TILES = ("coffee", "rocket", "chelsea", "astronaut")  # a 2x2 canvas the camera pans over
# Each frame carries its index as a 12-bit strip of black/white cells (bottom left), so the
# moments SafeLens's sampler really looks at can be read back from the frames it yields.
CODE_BITS, CODE_CELL, CODE_X, CODE_Y = 12, 40, 40, HEIGHT - 80
TARGET_SECONDS = 2.0
TARGET_SPEEDUP = 3.0


# -- inputs ----------------------------------------------------------------------------
def make_canvas() -> np.ndarray:
    """Four benign photos, each upscaled to one frame, in a 2x2 grid (3840x2160)."""
    rng = np.random.default_rng(7)
    tiles = [jittered_photo(photo(name), (WIDTH, HEIGHT), rng) for name in TILES]
    return np.vstack([np.hstack(tiles[:2]), np.hstack(tiles[2:])])


def pan_offset(index: int, canvas: np.ndarray) -> tuple[int, int]:
    """A smooth Lissajous pan so every frame differs and the view crosses all four photos."""
    t = index / FPS
    span_x, span_y = canvas.shape[1] - WIDTH, canvas.shape[0] - HEIGHT
    x = span_x * (0.5 - 0.5 * math.cos(2 * math.pi * t / 24))
    y = span_y * (0.5 - 0.5 * math.cos(2 * math.pi * t / 17))
    return int(x), int(y)


def render_frame(index: int, canvas: np.ndarray) -> np.ndarray:
    import cv2

    x, y = pan_offset(index, canvas)
    frame = canvas[y : y + HEIGHT, x : x + WIDTH].copy()
    label = f"frame {index:05d}  t={index / FPS:06.2f}s"
    cv2.rectangle(frame, (30, 30), (760, 110), (0, 0, 0), thickness=-1)
    cv2.putText(frame, label, (45, 90), cv2.FONT_HERSHEY_SIMPLEX, 1.6, (255, 255, 255), 3)
    for bit in range(CODE_BITS):
        x = CODE_X + bit * CODE_CELL
        frame[CODE_Y : CODE_Y + CODE_CELL, x : x + CODE_CELL] = 255 * ((index >> bit) & 1)
    return frame


def read_frame_index(rgb: np.ndarray) -> int:
    """The index written by render_frame, read from a (downscaled) RGB frame."""
    scale_x, scale_y = rgb.shape[1] / WIDTH, rgb.shape[0] / HEIGHT
    y = int((CODE_Y + CODE_CELL / 2) * scale_y)
    index = 0
    for bit in range(CODE_BITS):
        x = int((CODE_X + (bit + 0.5) * CODE_CELL) * scale_x)
        if rgb[y - 1 : y + 2, x - 1 : x + 2].mean() > 128:
            index |= 1 << bit
    return index


def clip_path(gop: int | None) -> Path:
    suffix = f"_gop{gop}" if gop else ""
    return WORK_DIR / f"clip_{WIDTH}x{HEIGHT}_{FPS}fps_{SECONDS}s_coded{suffix}.mp4"


def make_clip(path: Path, gop: int | None) -> None:
    """Encode the benign panning clip with PyAV/libx264 (x264's default GOP unless given)."""
    import av

    canvas = make_canvas()
    partial = path.with_suffix(".part.mp4")
    with av.open(str(partial), mode="w") as container:
        stream = container.add_stream("libx264", rate=FPS)
        stream.width, stream.height, stream.pix_fmt = WIDTH, HEIGHT, "yuv420p"
        stream.options = {"preset": "veryfast", "crf": "23"}
        if gop:
            stream.options |= {"g": str(gop)}
        for index in range(FPS * SECONDS):
            frame = av.VideoFrame.from_ndarray(render_frame(index, canvas), format="rgb24")
            container.mux(stream.encode(frame))
        container.mux(stream.encode(None))
    partial.replace(path)


def make_inputs(path: Path, gop: int | None) -> None:
    WORK_DIR.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        print(f"Generating {path.name} (benign panning clip) ...", flush=True)
        started = time.perf_counter()
        make_clip(path, gop)
        print(f"  done in {time.perf_counter() - started:.1f} s")
    if not WARM_IMAGE.exists():
        rng = np.random.default_rng(3)
        Image.fromarray(jittered_photo(photo("coffee"), (1024, 768), rng)).save(
            WARM_IMAGE, quality=90
        )


def clip_facts(path: Path) -> dict[str, Any]:
    """Frames, duration and keyframe times, read from the container's packets."""
    import av

    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        keyframes = [
            float(packet.pts * packet.time_base)
            for packet in container.demux(stream)
            if packet.is_keyframe and packet.pts is not None
        ]
        return {
            "frames": stream.frames,
            "duration_s": _seconds(stream.duration, stream.time_base),
            "keyframes_s": keyframes,
            "codec": stream.codec_context.name,
            "size": f"{stream.width}x{stream.height}",
            "fps": float(stream.average_rate or 0),
        }


def _seconds(pts: int | None, time_base: Any) -> float:
    return float(pts * time_base) if pts is not None and time_base else 0.0


def sampled_times(path: Path) -> list[float] | str:
    """Diagnostic: the moments (s) in the frames SafeLens's video sampler yields.

    Runs the worker's sampler in this process with the default options and reads the
    index each yielded frame carries; a sampler that runs out of time says so after
    the moments it reached. Returns a message if the sampler's API changed.
    """
    try:
        from desktop_app.analysis.verdict import AnalysisOptions, CheckFailed
        from desktop_app.analysis.video import VideoSampler

        options = AnalysisOptions()
        times: list[float] = []
        with VideoSampler(str(path), options.max_video_frames, options.video_budget_s) as sampler:
            try:
                times.extend(read_frame_index(rgb) / FPS for rgb in sampler.frames())
            except CheckFailed as failed:
                print(f"  SafeLens sampler stopped: {failed.status.value}: {failed.reason}")
        return times
    except (ImportError, AttributeError, TypeError) as exc:
        return f"unavailable ({type(exc).__name__}: {exc})"


# -- phases (each runs in its own child process) ---------------------------------------
def phase_reference(path: Path, runs: int) -> dict[str, Any]:
    from nudenet import NudeDetector

    detector = NudeDetector()
    detector.detect(np.zeros((HEIGHT, WIDTH, 3), dtype=np.uint8))  # warm-up, not timed
    return {"runs": [_reference_once(detector, path) for _ in range(runs)]}


def _reference_once(detector: Any, path: Path) -> dict[str, Any]:
    import cv2

    started = time.perf_counter()
    capture = cv2.VideoCapture(str(path))
    step = max(1, round(capture.get(cv2.CAP_PROP_FPS) or FPS))
    index = checked = with_detections = 0
    detect_s = 0.0
    while capture.grab():  # every frame is decoded; only every fps-th one is converted
        if index % step == 0:
            ok, frame = capture.retrieve()
            if ok:
                detect_started = time.perf_counter()
                with_detections += bool(detector.detect(frame))
                detect_s += time.perf_counter() - detect_started
                checked += 1
        index += 1
    capture.release()
    return {
        "total_s": time.perf_counter() - started,
        "detect_s": detect_s,
        "frames_read": index,
        "frames_checked": checked,
        "with_detections": with_detections,
    }


def phase_sdk(path: Path, runs: int, video_budget_s: float | None) -> dict[str, Any]:
    from desktop_app.analysis.analyzer import SensitivityAnalyzer

    started = time.perf_counter()
    budget = {"video_budget_s": video_budget_s} if video_budget_s else {}
    with SensitivityAnalyzer(**budget) as analyzer:
        analyzer.analyze_image(WARM_IMAGE)
        cold_s = time.perf_counter() - started
        times: list[float] = []
        results = []
        for _ in range(runs):
            call_started = time.perf_counter()
            results.append(analyzer.analyze_video(path))
            times.append(time.perf_counter() - call_started)
    last = results[-1]
    return {
        "cold_s": cold_s,
        "times_s": times,
        "status": last.status.value,
        "sensitive": last.is_sensitive,
        "frames_checked": last.frames_checked,
        "reason": last.reason,
        "video_budget_s": analyzer.options.video_budget_s,
    }


def run_cli(path: Path, runs: int) -> list[Run]:
    command = [str(VENV_BIN / "safelens"), "check", "--json", str(path)]
    results = []
    for _ in range(runs):
        run = run_measured(command)
        lines = [line for line in run.stdout.splitlines() if line.strip()]
        run.data = json.loads(lines[-1]) if lines else {}
        results.append(run)
    return results


# -- report ----------------------------------------------------------------------------
def report_inputs(path: Path, facts: dict[str, Any], sampled: list[float] | str) -> None:
    keys = facts["keyframes_s"]
    gaps = np.diff(keys) if len(keys) > 1 else np.array([facts["duration_s"]])
    print("SafeLens video benchmark")
    print(f"  machine: {machine_line()}")
    print(
        f"  input:   {path} ({path.stat().st_size / 1e6:.1f} MB): {facts['codec']} "
        f"{facts['size']} {facts['fps']:g} fps, {facts['frames']} frames, "
        f"{facts['duration_s']:.1f} s"
    )
    print(f"           {len(keys)} keyframes, median gap {np.median(gaps):.2f} s")
    _report_sampled(sampled, facts["duration_s"])
    print("  absolute times are informational; compare the RATIOS (same run, same file).")


def _report_sampled(sampled: list[float] | str, duration: float) -> None:
    if isinstance(sampled, str):
        print(f"  SafeLens sampler diagnostic {sampled}")
        return
    start, end = _longest_unseen(sampled, duration)
    print(f"  SafeLens sampler (default options) yields {len(sampled)} frames, at (s):")
    print("           " + " ".join(f"{t:.1f}" for t in sampled))
    print(
        f"           longest stretch never looked at: {end - start:.1f} s "
        f"({start:.1f}-{end:.1f} s); the reference looks once every second"
    )


def _longest_unseen(times: list[float], duration: float) -> tuple[float, float]:
    edges = [0.0, *sorted(times), duration]
    return max(itertools.pairwise(edges), key=lambda pair: pair[1] - pair[0])


def report_reference(ref: Run) -> float:
    runs = ref.data["runs"]
    total = statistics.median(r["total_s"] for r in runs)
    first = runs[0]
    heading("Reference: cv2 sequential read, NudeDetector().detect(frame) at 1 frame/s")
    row(f"time (open + decode all + detect), median x{len(runs)}", f"{total:.2f} s")
    row("  each run", " ".join(f"{r['total_s']:.2f}" for r in runs) + " s")
    row("  of which detect (median)", f"{statistics.median(r['detect_s'] for r in runs):.2f} s")
    row("frames decoded / checked", f"{first['frames_read']} / {first['frames_checked']}")
    row("checked frames with any detection", f"{first['with_detections']}", "(info only)")
    row("process wall incl. imports + model load", f"{ref.wall_s:.2f} s", "(info only)")
    report_memory(ref)
    return float(total)


def report_sdk(sdk: Run) -> float:
    data = sdk.data
    warm = statistics.median(data["times_s"])
    heading("Ours (a): SDK analyze_video on a warm analyzer")
    row("construct + first image result (cold)", f"{data['cold_s']:.2f} s")
    row(f"analyze_video, median x{len(data['times_s'])}", f"{warm:.2f} s")
    row("  each call", " ".join(f"{t:.2f}" for t in data["times_s"]) + " s")
    row("status / sensitive", f"{data['status']} / {data['sensitive']}")
    row("frames_checked", f"{data['frames_checked']}")
    row("video budget", f"{data.get('video_budget_s', 8.0):g} s")
    if data["reason"]:
        row("reason", "", data["reason"])
    report_memory(sdk)
    return float(warm)


def report_cli(runs: list[Run]) -> float:
    wall = statistics.median(run.wall_s for run in runs)
    data = runs[-1].data
    heading("Ours (b): safelens check --json clip.mp4 (subprocess, wall incl. startup)")
    row(
        f"wall time, median x{len(runs)}",
        f"{wall:.2f} s",
        f"exit codes {sorted({run.returncode for run in runs})}",
    )
    row("  each run", " ".join(f"{run.wall_s:.2f}" for run in runs) + " s")
    row("status / sensitive", f"{data.get('status')} / {data.get('sensitive')}")
    row("frames_checked (from JSON)", f"{data.get('frames_checked')}")
    row("elapsed_ms (from JSON)", f"{data.get('elapsed_ms')}")
    report_memory(peak_run(runs))
    return float(wall)


def report_ratios(ref_s: float, sdk_s: float, cli_s: float) -> None:
    heading("RATIOS (targets are informational; nothing asserts)")
    for label, ours in (("CLI wall (incl. startup)", cli_s), ("SDK warm analyze_video", sdk_s)):
        row(
            f"reference / ours, {label}",
            f"{ref_s / ours:.2f}x",
            f"target >= {TARGET_SPEEDUP:g}x: {verdict(ref_s >= TARGET_SPEEDUP * ours)}",
        )
        row(
            f"ours, {label}",
            f"{ours:.2f} s",
            f"target <= {TARGET_SECONDS:g} s: {verdict(ours <= TARGET_SECONDS)}",
        )


# -- main ------------------------------------------------------------------------------
def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="reference loops and CLI runs")
    parser.add_argument("--sdk-runs", type=int, default=5, help="analyze_video calls to time")
    parser.add_argument(
        "--gop",
        type=int,
        default=None,
        help="keyframe interval in frames (default: x264's own, 250)",
    )
    parser.add_argument(
        "--video-budget",
        type=float,
        default=None,
        help="the SDK's video_budget_s (default: the analyzer's own, 8 s); the CLI keeps its own",
    )
    parser.add_argument("--phase", choices=["reference", "sdk"], help=argparse.SUPPRESS)
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    clip = clip_path(args.gop)
    if args.phase == "reference":
        emit(phase_reference(clip, args.runs))
        return
    if args.phase == "sdk":
        emit(phase_sdk(clip, args.sdk_runs, args.video_budget))
        return
    make_inputs(clip, args.gop)
    clip.read_bytes()  # into the page cache, for both sides
    report_inputs(clip, clip_facts(clip), sampled_times(clip))
    script = Path(__file__).resolve()
    common = ["--runs", str(args.runs), *(["--gop", str(args.gop)] if args.gop else [])]
    print("\nRunning the reference ...", flush=True)
    ref = run_phase(script, "reference", *common)
    print("Running ours: SDK ...", flush=True)
    budget = ["--video-budget", str(args.video_budget)] if args.video_budget else []
    sdk = run_phase(script, "sdk", "--sdk-runs", str(args.sdk_runs), *budget, *common)
    print("Running ours: CLI ...", flush=True)
    cli = run_cli(clip, args.runs)
    report_ratios(report_reference(ref), report_sdk(sdk), report_cli(cli))


if __name__ == "__main__":
    main()
