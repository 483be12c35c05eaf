"""Open guardian sessions: a random token per right PIN, bound to the asker's kernel uid.

A token ends when the console closes it, after ``IDLE_S`` unused, or when more than
``MAX_SESSIONS`` are open (the least recently used first).
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable

IDLE_S = 600.0  # a session unused this long ends
MAX_SESSIONS = 32


class GuardianSessions:
    """Open guardian sessions: token -> (kernel uid, last use)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic, idle: float = IDLE_S) -> None:
        self._clock, self._idle = clock, idle
        self._open: dict[str, tuple[int, float]] = {}
        self._lock = threading.Lock()

    def open(self, uid: int) -> str:
        token = secrets.token_hex(32)
        with self._lock:
            self._drop_idle()
            while len(self._open) >= MAX_SESSIONS:
                del self._open[min(self._open, key=lambda t: self._open[t][1])]
            self._open[token] = (uid, self._clock())
        return token

    def use(self, token: str, uid: int) -> bool:
        """True (and the idle time starts again) for an open session of this uid."""
        with self._lock:
            self._drop_idle()
            held = self._open.get(token)
            if held is None or held[0] != uid:
                return False
            self._open[token] = (uid, self._clock())
            return True

    def close(self, token: str, uid: int) -> bool:
        with self._lock:
            held = self._open.get(token)
            if held is None or held[0] != uid:
                return False
            del self._open[token]
            return True

    def _drop_idle(self) -> None:
        now = self._clock()
        for token in [t for t, (_, used) in self._open.items() if now - used > self._idle]:
            del self._open[token]
