"""What a check is asked about, as it crosses to the worker: a path, bytes or pixels."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np


@dataclass(frozen=True)
class PathSource:
    """A file the worker opens itself: the only source with a path to report."""

    path: str


@dataclass(frozen=True)
class BytesSource:
    """Encoded content handed over in memory (a caller's bytes, a contact's picture)."""

    data: bytes


@dataclass(frozen=True)
class PixelsSource:
    """RGB pixels the caller already decoded (a PIL image), checked as one frame."""

    rgb: np.ndarray


CheckSource = PathSource | BytesSource | PixelsSource


def path_of(source: CheckSource) -> str | None:
    """The path a result reports: a file's own, never one for bytes or pixels."""
    return source.path if isinstance(source, PathSource) else None
