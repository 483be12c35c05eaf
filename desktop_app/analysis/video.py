"""Pick the frames of a video worth checking, with PyAV (inside the worker).

Every frame is decoded in order (keyframes prove nothing: a crafted file can make
them grey and show a picture in every frame between), each is reduced to a tiny
signature, and ``animation.FrameChooser`` decides which go to the models: every
look shown long enough to be seen. The cost is bounded by time: a video that cannot
be decoded to its end within the budget is not cleared (TIMEOUT), unless a sensitive
frame was found first. Only local files are opened (FFmpeg's protocol whitelist is
'file').
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import numpy as np

from .animation import SIGNATURE_SIDE, FrameChooser, Signature, signature
from .decode import DECODE_SIDE
from .verdict import CheckFailed, Kind, Status

DEFAULT_FRAME_S = 1 / 30
# Damaged packets skipped before a video is no longer cleared (a few is a glitch).
MAX_DAMAGED_PACKETS, MAX_DAMAGED_SHARE = 5, 0.01
# Every frame is decoded, so the time a video may take grows with what it holds: half
# its playing time for 1080p at 30 frames/s (a 2-core PC decodes that at ~100 frames/s,
# and the models look at a few dozen frames), scaled by its pixels and frame rate.
CHECK_S_PER_PLAYING_S = 0.5
REFERENCE_PIXELS, REFERENCE_RATE = 1920 * 1080, 30.0
MAX_VIDEO_BUDGET_S = 600.0


class AudioOnly(Exception):  # noqa: N818 - a fact about the file, not a failure
    """The container has sound but no pictures: nothing to look at."""


class VideoSampler:
    """Open a local video and yield the frames worth checking until done or out of time."""

    def __init__(self, path: str, max_frames: int, budget_s: float) -> None:
        import av

        self.max_frames = max(1, max_frames)  # kept for callers; time bounds the cost now
        self.budget_s = budget_s
        self.planned = 0
        self.truncated_by_budget = False
        self.damaged_packets = 0
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
        # Decoding runs straight through, so frame threads keep both cores busy (measured
        # on the 1080p H.264 bench clip, 2 cores: ~125 frames/s against ~90 with slices).
        self._stream.thread_type = "FRAME"
        # Frames are shrunk to a few hundred pixels, so the deblocking filter's polish is
        # wasted work: skipping it makes decoding about a sixth faster (~125 against ~107).
        self._stream.codec_context.options = {"skip_loop_filter": "all"}
        rate = self._stream.average_rate or self._stream.guessed_rate
        self._frame_s = float(1 / rate) if rate else DEFAULT_FRAME_S
        # The frames the file declares (0 when unknown): every one is decoded.
        self.planned = int(self._stream.frames or 0)

    def close(self) -> None:
        self._container.close()

    def __enter__(self) -> VideoSampler:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def needed_s(self, least: float) -> float:
        """How long checking every frame of this video may take: at least ``least``, at
        most MAX_VIDEO_BUDGET_S; ``least`` alone when the file states no duration."""
        duration = self.duration_s()
        width, height = (
            self._stream.codec_context.width or 0,
            self._stream.codec_context.height or 0,
        )
        pixels = max(1.0, (width * height) / REFERENCE_PIXELS)
        rate = max(1.0, (1 / self._frame_s) / REFERENCE_RATE)
        wanted = duration * CHECK_S_PER_PLAYING_S * pixels * rate
        return max(least, min(MAX_VIDEO_BUDGET_S, wanted))

    def duration_s(self) -> float:
        """The playing time the file states (0 when it states none, like a live recording)."""
        stream = self._stream
        if stream.duration and stream.time_base:
            return float(stream.duration * stream.time_base)
        if self._container.duration:
            return float(self._container.duration) / 1_000_000
        return 0.0

    def frames(self) -> Iterator[np.ndarray]:
        """Chosen frames as RGB arrays, rotated upright, long side <= DECODE_SIDE.

        Raises CheckFailed(TIMEOUT) when the budget ends before the video does (the
        frames handed over until then are still worth checking: one may be sensitive).
        """
        import av

        deadline = time.monotonic() + self.budget_s
        chooser = FrameChooser()
        produced = 0
        try:
            for frame, shown_s in self._timed_frames():
                if chooser.offer(_signature(frame), shown_s):
                    produced += 1
                    yield _to_rgb(frame)
                if time.monotonic() > deadline:
                    self.truncated_by_budget = True
                    raise CheckFailed(Status.TIMEOUT, self._timeout_reason(frame), Kind.VIDEO)
        except (av.error.FFmpegError, ValueError, MemoryError) as exc:
            # Also after some frames: a player that resyncs would show the rest, unchecked.
            # (A sensitive frame before this point has already stopped the check.)
            raise CheckFailed(
                Status.UNREADABLE,
                "The video is damaged, so not all of its pictures could be read.",
                Kind.VIDEO,
            ) from exc
        if produced == 0:
            raise CheckFailed(
                Status.UNREADABLE, "No pictures could be read from this video.", Kind.VIDEO
            )

    def _timeout_reason(self, frame: Any) -> str:
        reached = self._seconds(frame.pts) if frame.pts is not None else 0.0
        total = self.duration_s()
        where = f"{reached:.0f} s of its {total:.0f} s" if total > 0 else f"{reached:.0f} s"
        return (
            f"Checking this video took too long (over {self.budget_s:.0f} s; it got {where}), "
            "so it was stopped before its end."
        )

    def _seconds(self, pts: int) -> float:
        base = self._stream.time_base
        return float((pts - (self._stream.start_time or 0)) * base) if base else 0.0

    def _timed_frames(self) -> Iterator[tuple[Any, float]]:
        """Every frame in display order with how long it stays on screen (s).

        A frame's time is the gap to the next one, so each is handed over one frame
        late; the last one stays on screen when the video ends, so it counts as seen.
        """
        previous: Any = None
        for frame in self._decoded():
            if previous is not None:
                yield previous, self._gap_s(previous, frame)
            previous = frame
        if previous is not None:
            yield previous, float("inf")

    def _gap_s(self, frame: Any, following: Any) -> float:
        base = self._stream.time_base
        if frame.pts is None or following.pts is None or not base or following.pts <= frame.pts:
            return self._frame_s
        return float((following.pts - frame.pts) * base)

    def _decoded(self) -> Iterator[Any]:
        """Decode packet by packet; a damaged packet is skipped, as a player does.

        Too many of them and what a player shows may differ from what was checked, so
        the video is not cleared.
        """
        import av

        packets = 0
        for packet in self._container.demux(self._stream):
            packets += 1
            try:
                yield from packet.decode()
            except av.error.InvalidDataError:
                self.damaged_packets += 1
        if self.damaged_packets > max(MAX_DAMAGED_PACKETS, packets * MAX_DAMAGED_SHARE):
            raise CheckFailed(
                Status.UNREADABLE,
                f"The video is damaged in {self.damaged_packets} places, so not all of its "
                "pictures could be read.",
                Kind.VIDEO,
            )


def _signature(frame: Any) -> Signature:
    """The chooser's signature: the whole frame averaged down to a small square."""
    side = SIGNATURE_SIDE
    return signature(
        frame.to_ndarray(width=side, height=side, format="rgb24", interpolation="AREA")
    )


def _to_rgb(frame: Any) -> np.ndarray:
    scale = DECODE_SIDE / max(frame.width, frame.height, 1)
    width = max(2, int(frame.width * min(scale, 1.0)) // 2 * 2)
    height = max(2, int(frame.height * min(scale, 1.0)) // 2 * 2)
    rgb = frame.to_ndarray(format="rgb24", width=width, height=height)
    rotation = int(getattr(frame, "rotation", 0) or 0)
    if rotation % 360:
        rgb = np.ascontiguousarray(np.rot90(rgb, k=(rotation // 90) % 4))
    return np.asarray(rgb, dtype=np.uint8)
