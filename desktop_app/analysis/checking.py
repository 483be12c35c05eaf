"""How one file is checked, whatever it holds: the one rule of what must be looked at.

A file either cannot show a picture (plain text, sound only, a font, an archive or a
document with no picture inside): nothing to check, ``ok``. Or it can: then every picture
it shows is checked — images and videos directly, archives and documents member by
member (nested ones one level deeper each, within one ``Budget``), programs and unknown
files by the pictures found inside them — or the answer is "could not check" with the
reason. "Unsupported" never means "let through". Runs only inside the worker process.
"""

from __future__ import annotations

import contextlib
import io
import os
import queue
import tempfile
import threading
import zipfile
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any, assert_never

import numpy as np

from . import testpattern
from .animation import ANIMATION_BUDGET_S
from .carriers import Budget, LimitReached, Limits, Member, extractor_for
from .formats import HEAD_BYTES
from .media import (
    Sniffed,
    blur_preview,
    image_frames,
    misnamed_reason,
    sniff,
    thumbnail_of,
)
from .models import Ensemble
from .probe import probe
from .sources import BytesSource, CheckSource, PathSource, PixelsSource
from .verdict import Analysis, AnalysisOptions, AnalysisPolicy, CheckFailed, Kind, Status
from .video import AudioOnly, VideoSampler

CARRIERS = (Kind.ARCHIVE, Kind.DOCUMENT)
MEMBER_SEPARATOR = " / "
# Unknown members smaller than this are not worth writing out for FFmpeg to probe.
PROBE_MIN_BYTES = 1024

_NOTHING_TO_CHECK = {
    "text": "This file is text: there is no picture in it to check.",
    "audio": "This file has sound only; there are no pictures to check.",
    "font": "This file is a font, with no picture inside to check.",
    "program": "This file is a program, with no picture inside to check.",
    "database": "This file is a database, with no picture inside to check.",
}
_NO_PICTURE_INSIDE = "There is no picture inside to check."
UNEXPECTED = (
    "SafeLens could not read this file (it changed or vanished while being checked, or "
    "it is damaged in an unexpected way), so it could not check it."
)
_UNKNOWN = (
    "SafeLens doesn't know this kind of file and found no picture it could check inside, "
    "so it could not check it."
)

HeadHook = Callable[[bytes], None]
# The most one check may ask the supervisor to add (long videos), all together; the
# supervisor enforces the same bound, so a check past it ends in a clean TIMEOUT here.
MAX_EXTENSION_S = 660.0
# Told to the supervisor when a check needs more time than it was given (seconds more).
ExtendHook = Callable[[float], None]


def check(
    source: CheckSource,
    options: AnalysisOptions,
    ensemble: Ensemble,
    *,
    scratch: Path | None = None,
    on_head: HeadHook | None = None,
    on_extend: ExtendHook | None = None,
) -> Analysis:
    """Check one path, byte string or decoded frame; never raises for bad input.

    ``scratch`` is the worker's private folder for a video found inside an archive
    (FFmpeg reads files); ``on_head`` lets the worker's tests inject faults;
    ``on_extend`` tells the supervisor that a long video needs more time.
    """
    try:
        content: bytes | str
        match source:
            case PixelsSource(rgb):
                return check_frames(Kind.IMAGE, "array", [rgb], options, ensemble)
            case PathSource(path):
                head, content, name = _file_head(path), path, path
            case BytesSource(data):
                head, content, name = data[:HEAD_BYTES], data, ""
            case _:
                assert_never(source)
        if on_head is not None:
            on_head(head)
        inspector = _Inspector(options, ensemble, Budget(Limits()), scratch, on_extend)
        return inspector.content(content, head, name)
    except CheckFailed as failed:
        return Analysis(kind=failed.kind, status=failed.status, reason=failed.reason)
    except MemoryError:
        return Analysis(
            kind=Kind.OTHER,
            status=Status.UNREADABLE,
            reason="The file needs more memory to read than SafeLens allows, so it was stopped.",
        )
    except Exception:  # never a crash, never a traceback (it would name the file)
        return Analysis(kind=Kind.OTHER, status=Status.UNREADABLE, reason=UNEXPECTED)


def _file_head(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
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


class _Inspector:
    """Checks one file and everything inside it, sharing one budget of time and bytes."""

    def __init__(
        self,
        options: AnalysisOptions,
        ensemble: Ensemble,
        budget: Budget,
        scratch: Path | None,
        on_extend: ExtendHook | None = None,
    ) -> None:
        self.options, self.ensemble, self.budget, self.scratch = options, ensemble, budget, scratch
        self.on_extend = on_extend

    def content(self, source: bytes | str, head: bytes, name: str) -> Analysis:
        """Whatever ``source`` (a path or bytes) holds, by its bytes; ``name`` only for words."""
        sniffed = sniff(head, name)
        if sniffed.kind is Kind.IMAGE:
            time_s = max(0.5, min(ANIMATION_BUDGET_S, self.budget.remaining_s()))
            frames = image_frames(source, sniffed.media_format, time_s)
            return check_frames(
                Kind.IMAGE, sniffed.media_format, frames, self.options, self.ensemble
            )
        if sniffed.kind is Kind.VIDEO:
            return self._video(source, sniffed.media_format)
        if sniffed.kind in CARRIERS:
            return self._carrier(source, sniffed, sniffed.media_format)
        return self._other(source, sniffed, name)

    def _other(self, source: bytes | str, sniffed: Sniffed, name: str) -> Analysis:
        """Text, sound, fonts, programs, unknown files: the pictures hidden inside, if any.

        A few bytes at the start prove little: FFmpeg skips an ID3 tag or junk before a
        video, and archivers find a ZIP at the end of a program (self-extracting). So
        every binary file is also probed and looked at for a ZIP before it is called
        "nothing to check".
        """
        if sniffed.media_format == "text":
            return self._nothing(sniffed, misnamed_reason(name, sniffed))
        probed = self._probe(source)
        if probed is not None and probed.kind is Kind.VIDEO:
            return self._video(source, probed.media_format)
        if probed is not None and sniffed.media_format == "unknown":
            sniffed = probed
        if _ends_like_zip(source):
            return self._carrier(source, Sniffed(Kind.ARCHIVE, "zip"), "zip")
        carved = self._carrier(source, sniffed, "carve")
        if carved.frames_checked or carved.could_not_check or carved.is_sensitive:
            return carved
        if sniffed.media_format == "unknown":
            raise CheckFailed(Status.UNSUPPORTED, misnamed_reason(name, sniffed) or _UNKNOWN)
        return self._nothing(sniffed, misnamed_reason(name, sniffed))

    def _nothing(self, sniffed: Sniffed, misnamed: str | None) -> Analysis:
        words = _NOTHING_TO_CHECK.get(sniffed.media_format, _NO_PICTURE_INSIDE)
        return Analysis(
            kind=Kind.OTHER,
            status=Status.OK,
            media_format=sniffed.media_format,
            reason=f"{misnamed} {words}" if misnamed else words,
        )

    def _probe(self, source: bytes | str) -> Sniffed | None:
        if isinstance(source, str):
            return probe(source)
        if len(source) < PROBE_MIN_BYTES:
            return None
        with self._written(source) as path:
            return probe(path)

    def _video(self, source: bytes | str, media_format: str) -> Analysis:
        if isinstance(source, str):
            return self._check_video(source, media_format)
        with self._written(source) as path:
            return self._check_video(path, media_format)

    def _check_video(self, path: str, media_format: str) -> Analysis:
        return check_video(
            path,
            media_format,
            self.options,
            self.ensemble,
            budget=self.budget,
            on_extend=self.on_extend,
        )

    @contextlib.contextmanager
    def _written(self, data: bytes) -> Iterator[str]:
        """A member FFmpeg must read as a file: in the worker's private folder, then gone."""
        if self.scratch is None:
            raise CheckFailed(
                Status.UNSUPPORTED,
                "A video inside could not be checked here (no private folder to read it from).",
                Kind.VIDEO,
            )
        handle, path = tempfile.mkstemp(dir=self.scratch, prefix="member-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            yield path
        finally:
            with contextlib.suppress(OSError):
                os.unlink(path)

    def _carrier(self, source: bytes | str, sniffed: Sniffed, extractor_name: str) -> Analysis:
        """Each member in turn; the first sensitive one decides, else any unchecked one.

        A carrier that turns out damaged (a document/picture polyglot, a PDF cut short)
        is also searched for pictures by their signatures: one of them that is sensitive
        is reported as such; otherwise the damage is the answer (could not check).
        """
        try:
            extractor = extractor_for(extractor_name)
        except ImportError:  # a broken installation: never a crash, never let through
            extractor = None
        if extractor is None:
            raise CheckFailed(
                Status.UNSUPPORTED,
                "SafeLens can't look inside this kind of file, so it could not check it.",
                sniffed.kind,
            )
        kind, fmt = sniffed.kind, sniffed.media_format
        frames, best = 0, 0.0
        unchecked: tuple[str, Analysis] | None = None
        try:
            for member in extractor(source, self.budget):
                result = self._member(member)
                if result is None:
                    continue
                frames += result.frames_checked
                if result.is_sensitive:
                    named = _joined(member.name, result.member)
                    return replace(
                        result, kind=kind, media_format=fmt, member=named, frames_checked=frames
                    )
                best = max(best, result.score)
                if result.could_not_check and unchecked is None:
                    unchecked = (member.name, result)
        except LimitReached as limit:
            limit.kind = kind
            raise
        except CheckFailed as failed:
            failed.kind = kind
            if extractor_name != "carve":
                carved = self._carrier(source, sniffed, "carve")
                if carved.is_sensitive:
                    return carved
            raise
        if unchecked is not None:
            name, result = unchecked
            return Analysis(
                kind=kind,
                status=result.status,
                score=best,
                frames_checked=frames,
                media_format=fmt,
                member=_joined(name, result.member),
                reason=f"Something inside could not be checked: {result.reason}",
            )
        words = None if frames else _NO_PICTURE_INSIDE
        return Analysis(
            kind=kind,
            status=Status.OK,
            score=best,
            frames_checked=frames,
            media_format=fmt,
            reason=words,
        )

    def _member(self, member: Member) -> Analysis | None:
        """A member's own verdict; None when there is nothing in it at all."""
        self.budget.check_time()
        if member.picture is not None:
            return check_frames(
                Kind.IMAGE, "drawing", [member.picture], self.options, self.ensemble
            )
        if not member.data:
            return None
        head = member.data[:HEAD_BYTES]
        try:
            with self.budget.nested():
                return self.content(member.data, head, member.name)
        except LimitReached:
            raise
        except CheckFailed as failed:
            return Analysis(kind=failed.kind, status=failed.status, reason=failed.reason)
        except MemoryError:
            raise
        except Exception:  # one member a library chokes on: that member could not be checked
            return Analysis(kind=Kind.OTHER, status=Status.UNREADABLE, reason=UNEXPECTED)


def _ends_like_zip(source: bytes | str) -> bool:
    """A ZIP's directory at the end of the file (a self-extracting program, a polyglot)."""
    try:
        return zipfile.is_zipfile(source if isinstance(source, str) else io.BytesIO(source))
    except OSError:
        return False


def _joined(outer: str, inner: str | None) -> str:
    return f"{outer}{MEMBER_SEPARATOR}{inner}" if inner else outer


def check_frames(
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


def check_video(
    path: str,
    media_format: str,
    options: AnalysisOptions,
    ensemble: Ensemble,
    *,
    budget: Budget | None = None,
    on_extend: ExtendHook | None = None,
) -> Analysis:
    """Every frame of a local video looked at, in the time its length and size need.

    A long video gets more than the check's own budget: the budget (and, through
    ``on_extend``, the supervisor's limit) grows by what it needs, up to a cap; without
    ``on_extend`` it gets only what is left.
    """
    try:
        sampler = VideoSampler(path, options.max_video_frames, options.video_budget_s)
    except AudioOnly:
        return Analysis(
            kind=Kind.OTHER,
            status=Status.OK,
            media_format=media_format,
            reason=_NOTHING_TO_CHECK["audio"],
        )
    with sampler:
        sampler.budget_s = _video_time(sampler, options, budget, on_extend)
        frames = prefetched(sampler.frames())
        try:
            result = check_frames(Kind.VIDEO, media_format, frames, options, ensemble)
        finally:
            frames.close()
    return result


def _video_time(
    sampler: VideoSampler,
    options: AnalysisOptions,
    budget: Budget | None,
    on_extend: ExtendHook | None,
) -> float:
    """Seconds this video may take; asks for more than is left when it needs it."""
    needed = sampler.needed_s(options.video_budget_s)
    if budget is None:
        return needed
    left = budget.remaining_s()
    more = min(needed - left, MAX_EXTENSION_S - budget.extended)
    if more > 0 and on_extend is not None:
        on_extend(more)
        budget.deadline += more
        budget.extended += more
        return left + more
    return max(0.5, min(needed, left))


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
