"""How patient the share-folder watch is: settling, polling, rescans, and the settle bound."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from .settle import SETTLE_MAX_S

SETTLE_MAX_KEY = "share_folders.settle_max_seconds"

__all__ = ["SETTLE_MAX_KEY", "WatchTiming"]


@dataclass(frozen=True)
class WatchTiming:
    """How patient the watcher is; tests use small values."""

    settle_s: float = 2.0  # size and time unchanged this long = the write has finished
    poll_s: float = 0.25  # how often arriving files are looked at
    rescan_s: float = 60.0  # full reconciliation against the index
    max_in_flight: int = 8  # checks queued at the worker at once (bulk priority)
    event_queue_limit: int = 10_000  # more events than this at once: drop them and rescan
    check_writers: bool = True  # Linux: wait while a process holds the file open for writing
    abandoned_after_s: float = 600.0  # a downloader's temp file unchanged this long is checked
    settle_max_s: float = SETTLE_MAX_S  # nothing arriving waits longer (policy-set)

    def with_policy(self, policy: Any) -> WatchTiming:
        """These timings with the guardian's (or the managed policy's) settle bound."""
        return replace(self, settle_max_s=float(policy[SETTLE_MAX_KEY]))
