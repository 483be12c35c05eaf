"""The session agent's line to the service: hello, "put aside for you" notices, goodbye.

A thread announces the agent (``session_start``), gathers what was put aside while no agent
ran (one summary), then long-polls ``notices`` (each poll waits up to 25 s on the service,
and is what tells the service that this agent lives). When the service stops answering it
tries again every few seconds and says so; when it answers again, queued counts are sent.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .client import ServiceClient, ServiceError, ServiceUnavailable
from .session_ops import MAX_WAIT_S

log = logging.getLogger(__name__)
POLL_WAIT_S = 20.0  # under MAX_WAIT_S; the client's timeout is this plus a margin
RETRY_S = 5.0


@dataclass(frozen=True)
class PutAsideNotice:
    """One file the service put aside for this account (the child's own file: its name is
    shown to them; never logged)."""

    id: str
    when: str
    surface: str
    reason: str
    kind: str  # "picture", "video" or "file"
    name: str
    held: bool = False  # an outgoing file held before it is sent

    @classmethod
    def from_reply(cls, item: dict[str, Any]) -> PutAsideNotice:
        return cls(
            id=str(item["id"]),
            when=str(item["when"]),
            surface=str(item["surface"]),
            reason=str(item["reason"]),
            kind=str(item.get("kind", "file")),
            name=str(item.get("name", "")),
            held=item.get("held") is True,
        )


@dataclass(frozen=True)
class NoticeHandlers:
    """What the agent does with what the stream hears (called on the stream's thread)."""

    notice: Callable[[PutAsideNotice], object]
    while_away: Callable[[int], object]  # how many were put aside while no agent ran
    reachable: Callable[[bool], object]  # the service answers (again) / stopped answering


class NoticeStream:
    """One thread per agent; ``stop()`` says goodbye and does not wait for the last poll."""

    def __init__(
        self,
        socket: Path | str,
        handlers: NoticeHandlers,
        *,
        poll_wait_s: float = POLL_WAIT_S,
        retry_s: float = RETRY_S,
    ) -> None:
        self._client = ServiceClient(socket)
        self._poll = ServiceClient(socket, timeout=min(poll_wait_s, MAX_WAIT_S) + 10.0)
        self._handlers = handlers
        self._wait, self._retry = min(poll_wait_s, MAX_WAIT_S), retry_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="service-notices", daemon=True)
        self._answered: bool | None = None

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """A clean goodbye: the service records "said goodbye", not "vanished"."""
        self._stop.set()
        with contextlib.suppress(ServiceUnavailable, ServiceError):
            self._client.call("session_end")

    def join(self, timeout: float) -> None:
        self._thread.join(timeout)

    # --- the thread -----------------------------------------------------------------------

    def _run(self) -> None:
        cursor: str | None = None
        started = False
        while not self._stop.is_set():
            try:
                if not started:
                    cursor = self._begin()
                    started = True
                cursor = self._next(cursor)
            except ServiceUnavailable:
                self._reachable(False)
                self._stop.wait(self._retry)
            except ServiceError as exc:
                log.warning("agent: the service refused a notice request (%s)", exc.code)
                self._stop.wait(self._retry)

    def _begin(self) -> str | None:
        """Hello; then everything not shown yet, as one "while you were away" summary."""
        self._client.call("session_start")
        self._reachable(True)
        cursor, away = None, 0
        while True:
            reply = self._client.call("notices", wait=0)
            found = reply.get("notices", [])
            away += len(found) if isinstance(found, list) else 0
            cursor = _text(reply.get("cursor")) or cursor
            if reply.get("more") is not True:
                break
            self._client.call("ack", cursor=cursor)
        if away:
            self._handlers.while_away(away)
        if cursor:
            self._client.call("ack", cursor=cursor)
        return cursor

    def _next(self, cursor: str | None) -> str | None:
        """One long-poll; each notice goes to the agent, then is marked shown."""
        reply = self._poll.call("notices", after=cursor or "", wait=self._wait)
        self._reachable(True)
        items = reply.get("notices", [])
        for item in items if isinstance(items, list) else []:
            if self._stop.is_set():
                return cursor
            try:
                self._handlers.notice(PutAsideNotice.from_reply(item))
            except (KeyError, TypeError):
                continue  # one unreadable notice; the others still arrive
        new = _text(reply.get("cursor")) or cursor
        if new and new != cursor:
            self._client.call("ack", cursor=new)
        return new

    def _reachable(self, answers: bool) -> None:
        if self._answered != answers:
            self._answered = answers
            self._handlers.reachable(answers)


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None
