"""What every archive extractor shares: the words for what went wrong, how a library's
error becomes them, the entry-count check, and names fit to show.

ZIP, TAR and the compressed streams (``archives``), 7z (``sevenzip``) and RAR (``rar``)
all stand on it, so the optional libraries load only when their archive arrives.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from typing import IO

from ..verdict import CheckFailed, Kind, Status
from .base import Budget, LimitReached, Source

PASSWORD = "This archive is protected with a password, so SafeLens could not look inside."
DAMAGED = "This archive is damaged or incomplete, so SafeLens could not look inside."
UNKNOWN_METHOD = (
    "This archive is packed in a way SafeLens cannot unpack, so it could not check what is inside."
)
NAME_CHARS = 255
Rule = tuple[type[BaseException] | tuple[type[BaseException], ...], Status, str]


def clean_name(name: str) -> str:
    """A member's name fit to show a parent: no control, bidi or unpaired characters."""
    shown = "".join(char if char.isprintable() else "?" for char in name).strip()
    if len(shown) > NAME_CHARS:
        shown = shown[: NAME_CHARS - 1] + "…"
    return shown or "(no name)"


@contextlib.contextmanager
def opened(source: Source) -> Iterator[IO[bytes]]:
    """The carrier as a seekable binary stream: the file itself, or a nested member's bytes."""
    if isinstance(source, bytes):
        yield io.BytesIO(source)
    else:
        with open(source, "rb") as stream:
            yield stream


@contextlib.contextmanager
def translated(*rules: Rule) -> Iterator[None]:
    """A library's exception becomes could-not-check with words; the budget's pass as they are."""
    try:
        yield
    except CheckFailed:
        raise
    except Exception as error:
        for types, status, words in rules:
            if isinstance(error, types):
                raise CheckFailed(status, words, Kind.ARCHIVE) from error
        raise


def refuse_count(count: int, budget: Budget) -> None:
    """Too many entries for what is left of the budget: refused before reading any."""
    if budget.members + count > budget.limits.max_members:
        raise LimitReached(
            Status.UNREADABLE,
            f"There are more than {budget.limits.max_members:,} files inside, too many to check.",
            Kind.ARCHIVE,
        )
