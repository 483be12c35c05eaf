"""Pick the frames of a video worth checking, quickly, with PyAV (inside the worker).

Samples spread uniformly across the duration, each landing on the keyframe at or
before its time and decoding forward a bounded number of frames towards it, so a
60-second 1080p clip costs a few dozen decodes, not thousands. Only local files
are opened (FFmpeg's protocol whitelist is 'file').
"""

from __future__ import annotations

import bisect
import itertools
import math
import statistics
import time
from collections.abc import Iterator
from fractions import Fraction
from typing import Any

import numpy as np

from .media import DECODE_SIDE
from .verdict import CheckFailed, Kind, Status

SECONDS_PER_SAMPLE = 2.5
MIN_SAMPLES = 4
END_MARGIN_S = 0.25
SNAP_TO_KEYFRAME_S = 1.25
SPARSE_SPACING_S = 4.5


class AudioOnly(Exception):  # noqa: N818 - a fact about the file, not a failure
    """The container has sound but no pictures: nothing to look at."""


class VideoSampler:
    """Open a local video and yield sampled RGB frames until done or out of time."""

    def __init__(self, path: str, max_frames: int, budget_s: float) -> None:
        import av

        self.max_frames = max(1, max_frames)
        self.budget_s = budget_s
        self.planned = 0
        self.truncated_by_budget = False
        try:
            self._container: Any = av.open(
                path, options={"protocol_whitelist": "file"}, timeout=5.0
            )
        except (av.error.FFmpegError, OSError, ValueError) as exc:
            raise CheckFailed(
                Status.UNREADABLE,
                "The video is damaged or incomplete, so it could not be opened.",
                Kind.VIDEO,
            ) from exc
        streams = self._container.streams
        if not streams.video:
            has_sound = bool(streams.audio)
            self._container.close()  # PyAV crashes if streams are touched after close()
            if has_sound:
                raise AudioOnly
            raise CheckFailed(
                Status.UNSUPPORTED,
                "This file holds no pictures or sound SafeLens can read.",
                Kind.VIDEO,
            )
        self._stream = streams.video[0]
        # Slice threads restart instantly after a seek; frame threads refill a pipeline
        # each time (measured: a third slower on seek-heavy sampling).
        self._stream.thread_type = "SLICE"
        # Frames are shrunk to a few hundred pixels, so the deblocking filter's polish is
        # wasted work: skipping it makes decoding about a fifth faster.
        self._stream.codec_context.options = {"skip_loop_filter": "all"}

    def close(self) -> None:
        self._container.close()

    def __enter__(self) -> VideoSampler:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _duration_s(self) -> float:
        stream = self._stream
        if stream.duration and stream.time_base:
            return float(stream.duration * stream.time_base)
        if self._container.duration:
            return float(self._container.duration) / 1_000_000
        return 0.0

    def targets(self, keyframe_times: list[float]) -> list[float]:
        """Times (s) to look at, from the first frame to just before the end.

        Evenly every SECONDS_PER_SAMPLE; but when keyframes are far apart (a decoder
        must start at a keyframe and decode every frame up to a target), every
        keyframe plus even splits of each gap no longer than SPARSE_SPACING_S, which
        halves the decoding for a long video at the cost of coarser coverage.
        """
        duration = self._duration_s()
        if duration <= 0:
            return []
        last = max(0.0, duration - END_MARGIN_S)
        gaps = [b - a for a, b in itertools.pairwise([*keyframe_times, last])]
        if gaps and statistics.median(gaps) > 2 * SECONDS_PER_SAMPLE:
            edges = [*keyframe_times, last]
            times = sorted(
                {
                    a + (b - a) * i / parts
                    for a, b in itertools.pairwise(edges)
                    for parts in [max(1, math.ceil((b - a) / SPARSE_SPACING_S))]
                    for i in range(parts + 1)
                }
            )
        else:
            count = max(MIN_SAMPLES, math.ceil(duration / SECONDS_PER_SAMPLE) + 1)
            times = [i * last / (count - 1) for i in range(count)]
        if len(times) > self.max_frames:  # keep the spread, drop the density
            step = (len(times) - 1) / (self.max_frames - 1) if self.max_frames > 1 else 0
            times = [times[round(i * step)] for i in range(self.max_frames)]
        return [round(t, 3) for t in times if 0 <= t <= last]

    def frames(self) -> Iterator[np.ndarray]:
        """Sampled frames as RGB arrays, rotated upright, long side <= DECODE_SIDE."""
        import av

        deadline = time.monotonic() + self.budget_s
        # No duration (a live recording): nothing to plan, and demuxing would leave the
        # file read to its end before the sequential pass.
        keyframes = self._keyframes() if self._duration_s() > 0 else []
        targets = self.targets([self._seconds(pts) for pts in keyframes])
        self.planned = len(targets) or self.max_frames
        produced = 0
        try:
            source = self._at_times(targets, keyframes, deadline) if targets else self._sequential()
            for frame in source:
                yield _to_rgb(frame)
                produced += 1
                if produced >= self.max_frames:
                    return
        except (av.error.FFmpegError, ValueError, MemoryError) as exc:
            if produced == 0:
                raise CheckFailed(
                    Status.UNREADABLE,
                    "The video is damaged, so its pictures could not be read.",
                    Kind.VIDEO,
                ) from exc

    def _sequential(self) -> Iterator[Any]:
        """No known duration (a live-style file): keyframes from the start."""
        self._stream.codec_context.skip_frame = "NONKEY"
        yield from self._container.decode(self._stream)

    def _keyframes(self) -> list[int]:
        """Keyframe timestamps from the packets alone (demuxing is cheap; decoding is not)."""
        found = [
            packet.pts
            for packet in self._container.demux(self._stream)
            if packet.is_keyframe and packet.pts is not None
        ]
        return sorted(found)

    def _seconds(self, pts: int) -> float:
        base = self._stream.time_base or Fraction(1, 1_000_000)
        return float((pts - (self._stream.start_time or 0)) * base)

    def _at_times(
        self, targets: list[float], keyframes: list[int], deadline: float
    ) -> Iterator[Any]:
        """For each target in time order: the first frame at or after it.

        Decoding starts at the keyframe before the target, or simply goes on when the
        decoder is already between that keyframe and the target (sparse keyframes).
        Stops, leaving ``truncated_by_budget`` set, when the deadline passes.
        """
        import av

        stream = self._stream
        base = stream.time_base or Fraction(1, 1_000_000)
        start = stream.start_time or 0
        decoder: Iterator[Any] | None = None
        position: int | None = None
        last_pts: int | None = None
        snap = int(SNAP_TO_KEYFRAME_S / base)
        for target in targets:
            target_pts = start + int(target / base)
            index = bisect.bisect_right(keyframes, target_pts) - 1
            keyframe = keyframes[max(index, 0)] if keyframes else target_pts
            going_on = decoder is not None and position is not None
            if not (going_on and keyframe <= position <= target_pts):  # type: ignore[operator]
                try:
                    self._container.seek(keyframe, stream=stream, backward=True, any_frame=False)
                except av.error.FFmpegError:
                    continue
                decoder = self._container.decode(stream)
            # A keyframe close enough before the target stands in for it: one decode, not dozens.
            good_enough = target_pts if target_pts - keyframe > snap else keyframe
            chosen = None
            assert decoder is not None
            for frame in decoder:
                chosen, position = frame, frame.pts
                if frame.pts is None or frame.pts >= good_enough:
                    break
                if time.monotonic() > deadline:
                    self.truncated_by_budget = True
                    return
            if chosen is None:
                decoder = None
            elif chosen.pts != last_pts:
                last_pts = chosen.pts
                yield chosen


def _to_rgb(frame: Any) -> np.ndarray:
    scale = DECODE_SIDE / max(frame.width, frame.height, 1)
    width = max(2, int(frame.width * min(scale, 1.0)) // 2 * 2)
    height = max(2, int(frame.height * min(scale, 1.0)) // 2 * 2)
    rgb = frame.to_ndarray(format="rgb24", width=width, height=height)
    rotation = int(getattr(frame, "rotation", 0) or 0)
    if rotation % 360:
        rgb = np.ascontiguousarray(np.rot90(rgb, k=(rotation // 90) % 4))
    return np.asarray(rgb, dtype=np.uint8)
