"""One line of `safelens doctor`: an area, whether it is fine, and what was found."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    area: str
    ok: bool
    detail: str
