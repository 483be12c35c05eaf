"""What archives and documents hand the worker: their members, within limits that hold.

An extractor (one per carrier format, see ``__init__.py``) turns a file or byte string
into ``Member`` values, lazily, and asks the shared ``Budget`` before it expands each
one, so a zip bomb, a recursive archive or a PDF with 10,000 images is answered
quickly with a specific reason instead of exhausting memory or time. Nothing is ever
extracted to disk here: members are bytes in the worker's memory.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import numpy as np

from ..verdict import CheckFailed, Kind, Status

MIB = 1024 * 1024


class LimitReached(CheckFailed):
    """A limit of the whole check (time, depth, count, bytes): stop looking at anything more.

    Unlike a single damaged member (could not check that one, go on with the others).
    """


@dataclass(frozen=True)
class Member:
    """One thing inside a carrier that may show a picture.

    ``data``: encoded bytes (a JPEG in a ZIP, an attachment of an e-mail): sniffed and
    checked like a file of its own, so it may nest. ``picture``: pixels the carrier
    drew itself (a rendered PDF page, an SVG drawing), RGB uint8 HxWx3.
    ``name`` is reported to the user (never logged): a path inside the archive,
    "page 3", "image 2 on page 3", "attachment 1 (photo.jpg)".
    """

    name: str
    data: bytes | None = None
    picture: np.ndarray | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Limits:
    """What one check may expand, all nesting levels together."""

    max_members: int = 10_000  # members looked at (pictures or not)
    max_member_bytes: int = 256 * MIB  # one member, expanded
    max_total_bytes: int = 1024 * MIB  # every member together, expanded
    max_ratio: float = 100.0  # expanded / compressed, for members over RATIO_FLOOR_BYTES
    ratio_floor_bytes: int = 4 * MIB
    max_depth: int = 4  # an archive in an archive in ... (the file itself is depth 0)
    time_s: float = 15.0  # the whole check; below every supervisor limit (20 s and more)


class Budget:
    """Counts what one check has expanded; raises CheckFailed when a limit is passed."""

    def __init__(
        self, limits: Limits | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limits = limits or Limits()
        self._clock = clock
        self.deadline = clock() + self.limits.time_s
        self.extended = 0.0  # seconds the supervisor was asked to add (long videos)
        self.depth = 0
        self.members = 0
        self.expanded = 0

    def remaining_s(self) -> float:
        return max(0.0, self.deadline - self._clock())

    def check_time(self) -> None:
        if self._clock() > self.deadline:
            raise LimitReached(
                Status.TIMEOUT,
                f"Checking everything inside took too long (over {self.limits.time_s:g} s), "
                "so it was stopped.",
                Kind.ARCHIVE,
            )

    @contextlib.contextmanager
    def nested(self) -> Iterator[None]:
        """One level deeper (a carrier inside a carrier)."""
        if self.depth >= self.limits.max_depth:
            raise LimitReached(
                Status.UNSUPPORTED,
                f"There are archives or documents inside each other more than "
                f"{self.limits.max_depth} levels deep, so SafeLens stopped looking.",
                Kind.ARCHIVE,
            )
        self.depth += 1
        try:
            yield
        finally:
            self.depth -= 1

    def admit(self, size: int, compressed: int | None = None) -> None:
        """Before expanding a member: its declared size and, if known, its packed size.

        Declared sizes can lie; extractors also read at most ``read_limit()`` bytes.
        """
        self.check_time()
        limits = self.limits
        self.members += 1
        if self.members > limits.max_members:
            raise LimitReached(
                Status.UNREADABLE,
                f"There are more than {limits.max_members:,} files inside, too many to check.",
                Kind.ARCHIVE,
            )
        if size > limits.max_member_bytes:
            raise LimitReached(
                Status.UNREADABLE,
                f"A file inside is too large to check safely ({size // MIB:,} MB; "
                f"the limit is {limits.max_member_bytes // MIB} MB).",
                Kind.ARCHIVE,
            )
        if (
            compressed is not None
            and size > limits.ratio_floor_bytes
            and size > limits.max_ratio * max(compressed, 1)
        ):
            raise LimitReached(
                Status.UNREADABLE,
                "A file inside is packed far more tightly than real files are "
                "(a 'zip bomb'), so SafeLens did not unpack it.",
                Kind.ARCHIVE,
            )
        self.take(size)

    def take(self, size: int) -> None:
        """Count expanded bytes (declared, or found while reading)."""
        self.expanded += max(0, size)
        if self.expanded > self.limits.max_total_bytes:
            raise LimitReached(
                Status.UNREADABLE,
                f"Everything inside adds up to more than {self.limits.max_total_bytes // MIB:,} "
                "MB, too much to check safely.",
                Kind.ARCHIVE,
            )

    def read_limit(self) -> int:
        """The most bytes the next member may really expand to."""
        left = self.limits.max_total_bytes - self.expanded
        return max(0, min(self.limits.max_member_bytes, left))


def bounded_read(read: Callable[[int], bytes], budget: Budget, declared: int) -> bytes:
    """Read a member through ``read(n)`` without trusting its declared size.

    Reads in chunks up to ``budget.read_limit()`` and fails when the stream goes on
    past it (a header that lied about its size) or past the deadline.
    """
    limit = budget.read_limit()
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = read(min(MIB, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise LimitReached(
                Status.UNREADABLE,
                "A file inside grew larger than it said while unpacking, so SafeLens "
                "stopped (it may be made to cause harm).",
                Kind.ARCHIVE,
            )
        budget.check_time()
    if total > declared:
        budget.take(total - declared)
    return b"".join(chunks)


Extractor = Callable[["Source", Budget], Iterator[Member]]
Source = bytes | str  # a byte string (a nested member) or a local path (the file itself)


def read_whole(source: Source, budget: Budget, most: int, what: str) -> bytes:
    """All of a carrier read at once (a path or bytes), refused when over ``most`` bytes.

    For formats that cannot be streamed (a vCard, a web page, one e-mail); ``what`` names
    the file in the reason, e.g. "contacts file".
    """
    if isinstance(source, bytes):
        data = source
    else:
        with open(source, "rb") as handle:
            data = handle.read(most + 1)
    if len(data) > most:
        raise LimitReached(
            Status.UNREADABLE,
            f"This {what} is too large to check safely (over {most // MIB:,} MB).",
            Kind.DOCUMENT,
        )
    budget.check_time()
    return data
