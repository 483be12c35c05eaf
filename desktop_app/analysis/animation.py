"""Which frames of an animation or a video the models look at: every look shown long enough.

A crafted file can hide a picture from any fixed sample (8 frames spread over a GIF,
a few dozen keyframes of a video). So every frame is decoded, in order, and reduced
to a tiny signature (a 32x32 colour thumbnail); a frame goes to the models when the
look it shows has been on screen for ``SEEN_S`` in total and nothing checked so far
looks like it. The rule, for GIF, APNG, animated WebP and video alike:

* the first frame is always checked;
* a *look* is a set of frames showing nothing new compared with the first of them
  (``same_look``: new content on less than a quarter of the frame, and on less than
  half of any sixteenth of it, so a picture inset in a corner counts);
  its display time adds up even when its frames are not consecutive (a picture that
  alternates with grey every 20 ms is on screen half the time, so it is checked);
* a frame showing nothing new compared with one of the last ``REMEMBERED`` checked
  frames (the latest one lined up first, so a pan is followed) is covered by it; when
  frames covered by nothing checked have followed each other for ``SEEN_S`` (a pan
  drifting away from its last check, a picture jittered to a new place in every
  frame), the frame at hand is checked;
* whatever the signatures say, one frame is checked after a random 0.5-1.5 x
  ``HEARTBEAT_S`` of display time since the last check, against frames crafted to
  fool a 32x32 thumbnail (detail finer than 1/32 of the frame, a picture made to
  average like the frame checked before it): random, so a crafter cannot know which
  frame it is.

``SEEN_S`` = 100 ms: below it a frame is a flicker (3 frames of a 30-fps video); a
browser shows a GIF frame of 0-10 ms for 100 ms, and each look that reaches it is
checked. Cost is bounded by the caller's deadline, not by a frame count.
"""

from __future__ import annotations

import functools
import random
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from PIL import Image

from .verdict import CheckFailed, Kind, Status

SEEN_S = 0.1
# A pixel of the 32x32 signature has changed when its colour moved this far (0-255, mean
# of R, G, B): compression noise stays near 2, a picture against grey is far above.
PIXEL_CHANGED = 24.0
# Two frames are the same look unless new content covers a quarter of the frame, or more
# than half of one 1/16 of it (a picture inset in a corner), after lining up a pan.
NEW_AREA = 0.25
NEW_IN_BLOCK = 0.5
BLOCKS = 4
MAX_SHIFT = 8  # a pan lined up by at most a quarter of the frame
HEARTBEAT_S = 2.5
REMEMBERED = 8
PENDING = 8
SIGNATURE_SIDE = 32
# Browsers show GIF frames with a delay of 0-10 ms for 100 ms; APNG/WebP the same here.
MIN_FRAME_S = 0.011
SHORT_FRAME_SHOWN_S = 0.1
# Every frame of an animation is decoded within this; the supervisor stops an image at 20 s.
ANIMATION_BUDGET_S = 8.0


class Signature:
    """A frame reduced to a SIGNATURE_SIDE-square colour thumbnail (float32).

    What another frame is compared with is made once, when first needed: the lowest
    and highest value around each pixel (3x3), and the spectrum of its brightness.
    """

    __slots__ = ("_bounds", "_spectrum", "pixels")

    def __init__(self, pixels: np.ndarray) -> None:
        self.pixels = pixels
        self._bounds: tuple[np.ndarray, np.ndarray] | None = None
        self._spectrum: np.ndarray | None = None

    def bounds(self) -> tuple[np.ndarray, np.ndarray]:
        """Per pixel and colour, the range its 3x3 neighbourhood spans."""
        if self._bounds is None:
            padded = np.pad(self.pixels, ((1, 1), (1, 1), (0, 0)), mode="edge")
            around = sliding_window_view(padded, (3, 3), axis=(0, 1))
            self._bounds = (around.min(axis=(3, 4)), around.max(axis=(3, 4)))
        return self._bounds

    def spectrum(self) -> np.ndarray:
        """The 2-D Fourier transform of its brightness, for lining up a pan."""
        if self._spectrum is None:
            grey = self.pixels.sum(axis=2)
            self._spectrum = np.fft.rfft2(grey - grey.mean())
        return self._spectrum


def signature(small_rgb: np.ndarray) -> Signature:
    """A frame's signature from its SIGNATURE_SIDE-square RGB thumbnail."""
    pixels = np.asarray(small_rgb, dtype=np.float32)
    return Signature(pixels.reshape(SIGNATURE_SIDE, SIGNATURE_SIDE, 3))


def same_look(a: Signature, b: Signature, shift: tuple[int, int] = (0, 0)) -> bool:
    """True when ``a`` shows nothing new compared with ``b`` moved by ``shift`` (dy, dx).

    New: the area ``b`` does not cover after the move, plus the pixels of ``a`` outside
    the range of the pixels around the same place in ``b`` (a move by a fraction of a
    pixel blends neighbours, so it stays inside); too much of it in all (NEW_AREA) or
    packed in one block (NEW_IN_BLOCK) is a new look.
    """
    low, high = b.bounds()
    if shift != (0, 0):
        low, high = np.roll(low, shift, axis=(0, 1)), np.roll(high, shift, axis=(0, 1))
    pixels = a.pixels
    outside = np.maximum(pixels - high, 0) + np.maximum(low - pixels, 0)
    # PIXEL_CHANGED is a mean over R, G and B; the excesses are summed over them.
    return _nothing_new(outside.sum(axis=2) > 3 * PIXEL_CHANGED, _revealed(shift))


def _nothing_new(changed: np.ndarray, revealed: np.ndarray) -> bool:
    changed &= ~revealed
    step = SIGNATURE_SIDE // BLOCKS
    if changed.reshape(BLOCKS, step, BLOCKS, step).mean(axis=(1, 3)).max() > NEW_IN_BLOCK:
        return False
    return float((changed | revealed).mean()) < NEW_AREA


@functools.cache
def _revealed(shift: tuple[int, int]) -> np.ndarray:
    """The pixels a picture moved by ``shift`` no longer covers."""
    side = SIGNATURE_SIDE
    revealed = np.zeros((side, side), dtype=bool)
    dy, dx = shift
    revealed[: max(dy, 0)] = revealed[side + min(dy, 0) :] = True
    revealed[:, : max(dx, 0)] = revealed[:, side + min(dx, 0) :] = True
    revealed.flags.writeable = False
    return revealed


def pan_shift(a: Signature, b: Signature) -> tuple[int, int]:
    """How far the picture moved from ``b`` to ``a`` (dy, dx), by phase correlation."""
    cross = a.spectrum() * np.conj(b.spectrum())
    side = SIGNATURE_SIDE
    surface = np.fft.irfft2(cross / (np.abs(cross) + 1e-6), s=(side, side))
    dy, dx = (int(i) for i in np.unravel_index(int(np.argmax(surface)), surface.shape))
    dy, dx = (dy - side if dy > side // 2 else dy), (dx - side if dx > side // 2 else dx)
    if abs(dy) > MAX_SHIFT or abs(dx) > MAX_SHIFT:
        return (0, 0)
    return (dy, dx)


def animation_frame_s(duration_ms: object) -> float:
    """How long a viewer shows an animation frame, from Pillow's ``info['duration']``."""
    try:
        seconds = float(duration_ms) / 1000  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return SHORT_FRAME_SHOWN_S
    if not seconds > MIN_FRAME_S:  # 0, tiny, negative or NaN: shown as a short frame
        return SHORT_FRAME_SHOWN_S
    return seconds


@dataclass(eq=False)
class _Look:
    """A look not yet checked: the signature that started it and its time on screen."""

    sig: Signature
    shown_s: float


@dataclass
class FrameChooser:
    """Decides, frame by frame in display order, which frames the models must see."""

    seen_s: float = SEEN_S
    heartbeat_s: float = HEARTBEAT_S
    checked: deque[Signature] = field(default_factory=lambda: deque(maxlen=REMEMBERED))
    pending: deque[_Look] = field(default_factory=lambda: deque(maxlen=PENDING))
    rng: random.Random = field(default_factory=random.Random)
    since_check_s: float = 0.0
    unchecked_run_s: float = 0.0
    next_heartbeat_s: float = 0.0
    frames_seen: int = 0
    chosen: int = 0

    def offer(self, sig: Signature, shown_s: float) -> bool:
        """True when this frame (shown for ``shown_s``) must be checked; remembers it."""
        self.frames_seen += 1
        self.since_check_s += max(shown_s, 0.0)
        if not self.checked or self.since_check_s >= self.next_heartbeat_s:
            return self._choose(sig)
        if self._covered(sig):
            self.unchecked_run_s = 0.0
            return False
        self.unchecked_run_s += shown_s
        if self.unchecked_run_s >= self.seen_s:  # new content on screen that long: a pan
            return self._choose(sig)
        for look in self.pending:
            if same_look(sig, look.sig):
                look.shown_s += shown_s
                if look.shown_s >= self.seen_s:
                    return self._choose(sig)
                return False
        self.pending.append(_Look(sig, shown_s))
        return False

    def _covered(self, sig: Signature) -> bool:
        """Like a frame checked recently: the last one even after a pan, the others as they are."""
        latest = self.checked[-1]
        shift = pan_shift(sig, latest)
        if same_look(sig, latest, shift) or (shift != (0, 0) and same_look(sig, latest)):
            return True
        return any(same_look(sig, seen) for seen in list(self.checked)[:-1])

    def _choose(self, sig: Signature) -> bool:
        self.checked.append(sig)
        self.pending = deque(
            (look for look in self.pending if not same_look(look.sig, sig)),
            maxlen=PENDING,
        )
        self.since_check_s = self.unchecked_run_s = 0.0
        self.next_heartbeat_s = self.heartbeat_s * self.rng.uniform(0.5, 1.5)
        self.chosen += 1
        return True


def chosen_frames(
    image: Image.Image,
    decode: Callable[[Image.Image], np.ndarray],
    budget_s: float = ANIMATION_BUDGET_S,
    clock: Callable[[], float] = time.monotonic,
) -> Iterator[np.ndarray]:
    """Decode every frame of an open animation in order; yield those the chooser picks.

    ``decode`` turns the frame Pillow is on into RGB (flattened as a viewer shows it).
    The last frame stays on screen when a non-looping animation ends, so it counts as
    seen. Raises CheckFailed(TIMEOUT) when the budget ends before the animation does;
    the frames handed over until then are still worth checking.
    """
    deadline = clock() + budget_s
    chooser = FrameChooser()
    total = int(getattr(image, "n_frames", 1) or 1)
    held: tuple[np.ndarray, float] | None = None
    for index in range(total):
        if not _seek(image, index):
            break
        rgb = decode(image)
        if held is not None:
            if chooser.offer(_rgb_signature(held[0]), held[1]):
                yield held[0]
            if clock() > deadline:
                raise CheckFailed(
                    Status.TIMEOUT,
                    f"Checking this animation took too long (over {budget_s:g} s; it got to "
                    f"frame {index} of {total}), so it was stopped before its end.",
                    Kind.IMAGE,
                )
        held = (rgb, animation_frame_s(image.info.get("duration")))
    if held is not None and chooser.offer(_rgb_signature(held[0]), float("inf")):
        yield held[0]


def _seek(image: Image.Image, index: int) -> bool:
    """Go to a frame; False past the last one, could-not-check when the file is damaged."""
    try:
        image.seek(index)
    except EOFError:
        return False
    except Exception as exc:
        raise CheckFailed(
            Status.UNREADABLE,
            "The animation is damaged part way through, so it could not be read.",
            Kind.IMAGE,
        ) from exc
    return True


def _rgb_signature(rgb: np.ndarray) -> Signature:
    small = Image.fromarray(rgb).resize((SIGNATURE_SIDE, SIGNATURE_SIDE), Image.Resampling.BOX)
    return signature(np.asarray(small.convert("RGB")))
