"""The worker process: the only place where untrusted files are decoded and checked.

A hostile or broken file can crash or hang only this process. The supervisor in
``supervisor.py`` sends requests over a pipe and gets plain dicts back.
"""

from __future__ import annotations

import faulthandler
import os
import queue
import signal
import sys
import threading
import time
from collections.abc import Generator, Iterable, Iterator
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import numpy as np

from . import testpattern
from .media import blur_preview, image_frames, prepare_decoders, sniff, thumbnail_of
from .models import Ensemble, ModelError, load_manifest
from .verdict import Analysis, AnalysisOptions, AnalysisPolicy, CheckFailed, Kind, Status
from .video import AudioOnly, VideoSampler

HEAD_BYTES = 4096
# Tests set this to make the worker crash or hang on a marker file, to prove recovery.
FAULT_INJECTION_ENV = "SAFELENS_WORKER_FAULT_INJECTION"
MEMORY_LIMIT_BYTES = 6 * 1024**3


def worker_main(conn: Connection, manifest: str | None, threads: int) -> None:
    """Entry point of the worker process (multiprocessing 'spawn' target)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the supervisor's to handle
    faulthandler.enable()  # a native crash leaves a stack trace on stderr (no file content)
    _limit_resources()
    faults = os.environ.get(FAULT_INJECTION_ENV) == "1"
    if faults:
        _maybe_die_on_start()
    prepare_decoders()
    try:
        ensemble = Ensemble(load_manifest(Path(manifest) if manifest else None), threads)
    except ModelError as exc:
        conn.send(("fatal", str(exc)))
        return
    conn.send(("ready", None))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        request_id, source, options = message
        started = time.perf_counter()
        result = check(source, options, ensemble, faults)
        elapsed = (time.perf_counter() - started) * 1000
        wire = result.to_wire() | {"elapsed_ms": elapsed}
        try:
            conn.send(("result", request_id, wire))
        except (BrokenPipeError, OSError):
            return


def _limit_resources() -> None:
    """Cap address space where the OS allows it, so a bomb fails here, not the machine."""
    try:
        import resource
    except ImportError:  # Windows: the supervisor's time limit still applies
        return
    limit = int(os.environ.get("SAFELENS_WORKER_MEMORY_LIMIT", MEMORY_LIMIT_BYTES))
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ValueError, OSError):
        pass


def check(
    source: tuple[Any, ...], options: AnalysisOptions, ensemble: Ensemble, faults: bool = False
) -> Analysis:
    """Check one path, byte string or decoded frame; never raises for bad input."""
    origin, payload = source[0], source[1]
    try:
        if origin == "array":
            return _check_frames(Kind.IMAGE, "array", [payload], options, ensemble)
        head = _head(origin, payload)
        if faults:
            _inject_fault(head)
        sniffed = sniff(head, str(payload) if origin == "path" else str(source[2] or ""))
        if sniffed.kind is Kind.IMAGE:
            return _check_frames(
                Kind.IMAGE,
                sniffed.media_format,
                image_frames(payload, sniffed.media_format),
                options,
                ensemble,
            )
        if origin != "path":
            raise CheckFailed(
                Status.UNSUPPORTED,
                "Videos can be checked from a file, not from memory.",
                Kind.VIDEO,
            )
        return _check_video(str(payload), sniffed.media_format, options, ensemble)
    except CheckFailed as failed:
        return Analysis(kind=failed.kind, status=failed.status, reason=failed.reason)
    except MemoryError:
        return Analysis(
            kind=Kind.OTHER,
            status=Status.UNREADABLE,
            reason="The file needs more memory to read than SafeLens allows, so it was stopped.",
        )


def _head(origin: str, payload: Any) -> bytes:
    if origin == "bytes":
        return bytes(payload[:HEAD_BYTES])
    try:
        with open(payload, "rb") as handle:
            return handle.read(HEAD_BYTES)
    except FileNotFoundError as exc:
        raise CheckFailed(
            Status.UNREADABLE, "The file is not there (it was moved or deleted)."
        ) from exc
    except PermissionError as exc:
        raise CheckFailed(Status.UNREADABLE, "SafeLens isn't allowed to read this file.") from exc
    except IsADirectoryError as exc:
        raise CheckFailed(Status.UNSUPPORTED, "This is a folder, not a file.") from exc
    except OSError as exc:
        raise CheckFailed(
            Status.UNREADABLE, f"The file could not be read ({exc.strerror or 'I/O error'})."
        ) from exc


def _maybe_die_on_start() -> None:
    """Tests: die at start while the counter file says so, to prove start-up retries."""
    counter = os.environ.get("SAFELENS_WORKER_START_FAILURES_FILE")
    if not counter:
        return
    remaining = int(Path(counter).read_text() or 0)
    if remaining > 0:
        Path(counter).write_text(str(remaining - 1))
        os._exit(7)


def _inject_fault(head: bytes) -> None:
    if head.startswith(b"SAFELENS-FAULT:crash"):
        os.kill(os.getpid(), signal.SIGKILL)
    if head.startswith(b"SAFELENS-FAULT:hang"):
        time.sleep(3600)
    if head.startswith(b"SAFELENS-FAULT:exit"):
        sys.exit(3)


def _check_frames(
    kind: Kind,
    media_format: str,
    frames: Iterable[np.ndarray],
    options: AnalysisOptions,
    ensemble: Ensemble,
) -> Analysis:
    """Check frames in order and stop at the first sensitive one.

    A requested thumbnail (the first frame: a video's poster) is encoded only once
    every frame was checked and none was sensitive.
    """
    best = 0.0
    checked = 0
    first: np.ndarray | None = None
    for rgb in frames:
        checked += 1
        if first is None:
            first = rgb
        if options.test_pattern and testpattern.matches(rgb):
            reason = testpattern.TEST_PATTERN_REASON
            return _sensitive(kind, media_format, checked, rgb, score=1.0, reason=reason)
        verdict = ensemble.evaluate(rgb, options.strictness)
        best = max(best, verdict.score)
        if verdict.sensitive:
            regions = verdict.regions if options.policy is AnalysisPolicy.DESCRIPTIVE else ()
            return _sensitive(
                kind,
                media_format,
                checked,
                rgb,
                score=verdict.score,
                reason=verdict.reason,
                regions=regions,
            )
    if first is None:
        raise CheckFailed(Status.UNREADABLE, "No pictures could be read from this file.", kind)
    return Analysis(
        kind=kind,
        status=Status.OK,
        score=best,
        frames_checked=checked,
        media_format=media_format,
        preview=blur_preview(first),
        thumbnail=thumbnail_of(first, options.thumbnail_px) if options.thumbnail_px > 0 else None,
    )


def _sensitive(
    kind: Kind,
    media_format: str,
    checked: int,
    rgb: np.ndarray,
    *,
    score: float,
    reason: str | None,
    regions: tuple[Any, ...] = (),
) -> Analysis:
    """The verdict for the frame that was flagged; its tiny preview, never a thumbnail."""
    return Analysis(
        kind=kind,
        status=Status.OK,
        is_sensitive=True,
        score=score,
        reason=reason,
        regions=regions,
        frames_checked=checked,
        media_format=media_format,
        preview=blur_preview(rgb),
    )


def _check_video(
    path: str, media_format: str, options: AnalysisOptions, ensemble: Ensemble
) -> Analysis:
    try:
        sampler = VideoSampler(path, options.max_video_frames, options.video_budget_s)
    except AudioOnly:
        return Analysis(
            kind=Kind.OTHER,
            status=Status.OK,
            media_format=media_format,
            reason="This file has sound only; there are no pictures to check.",
        )
    with sampler:
        frames = prefetched(sampler.frames())
        try:
            result = _check_frames(Kind.VIDEO, media_format, frames, options, ensemble)
        finally:
            frames.close()
    if not result.is_sensitive and sampler.truncated_by_budget:
        return Analysis(
            kind=Kind.VIDEO,
            status=Status.TIMEOUT,
            score=result.score,
            frames_checked=result.frames_checked,
            media_format=media_format,
            reason=(
                f"Only {result.frames_checked} of {sampler.planned} moments of the video could "
                f"be checked within {options.video_budget_s:g} s."
            ),
        )
    return result


_DONE = object()


def prefetched(source: Iterator[np.ndarray], depth: int = 2) -> Generator[np.ndarray, None, None]:
    """Decode the next frames on a thread while the models look at this one.

    FFmpeg and onnxruntime both release the GIL, so on two cores decoding and
    inference overlap. Closing the generator stops the decoder at its next frame.
    """
    frames: queue.Queue[Any] = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def hand_over(item: Any) -> bool:
        """Queue an item unless the consumer has stopped (then a full queue never drains)."""
        while not stop.is_set():
            try:
                frames.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for frame in source:
                if not hand_over(frame):
                    return
            hand_over(_DONE)
        except BaseException as exc:  # handed to the consumer, which re-raises it
            hand_over(exc)

    producer = threading.Thread(target=produce, name="safelens-decode", daemon=True)
    producer.start()
    try:
        while True:
            item = frames.get()
            if item is _DONE:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        producer.join()
