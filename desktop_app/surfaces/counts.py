"""Where a surface's counts go, without importing safety (a sibling layer)."""

from __future__ import annotations

from typing import Any, Protocol


class CountRecorder(Protocol):
    """Where counts go (safety.events.EventCounts): a surface and a kind, never a name or path."""

    def record(self, profile_id: str, surface: Any, kind: Any, count: int = 1) -> None: ...
