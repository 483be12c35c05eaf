"""A session's client of the per-machine service: one call, one reply, plain exceptions.

Standard library only (with ``protocol``), so it also runs in a child's session without the
rest of SafeLens. Each call opens its own connection: the service closes idle ones.
"""

from __future__ import annotations

import contextlib
import socket
from pathlib import Path
from typing import Any

from . import protocol as p


class ServiceUnavailable(Exception):  # noqa: N818 - what the session tells its user
    """The service could not be reached, or stopped answering."""


class ServiceError(Exception):
    """The service refused: ``code`` is the protocol's error code, ``details`` the rest."""

    def __init__(self, code: str, message: str, details: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.details = details or {}


class ServiceClient:
    """Asks the SafeLens service on ``socket_path``; the service knows who asks from the kernel."""

    def __init__(self, socket_path: Path | str, timeout: float = p.READ_TIMEOUT_S) -> None:
        self.socket_path = Path(socket_path)
        self.timeout = timeout

    def call(self, op: str, **arguments: Any) -> dict[str, Any]:
        """The service's reply to ``op``; ServiceError when it refuses."""
        answer = self.send(p.request(op, **arguments))
        if answer.get("ok") is True:
            return answer
        code = answer.get("error")
        message = answer.get("message")
        details = {k: v for k, v in answer.items() if k not in ("v", "ok", "error", "message")}
        raise ServiceError(
            code if isinstance(code, str) else p.INTERNAL,
            message if isinstance(message, str) else "The service refused.",
            details,
        )

    def send(self, message: dict[str, Any]) -> dict[str, Any]:
        """Send one message as it is and return the reply object, whatever it says."""
        data = p.encode(message)
        conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            conn.settimeout(self.timeout)
            try:
                conn.connect(str(self.socket_path))
            except OSError as exc:  # absent, refused, no permission, timed out
                raise ServiceUnavailable("The SafeLens service is not running.") from exc
            with contextlib.suppress(OSError):
                # A service that refused at once (busy) has closed; its reply is still there.
                conn.sendall(data)
            try:
                return p.decode(p.read_frame(conn, self.timeout))
            except (p.ConnectionEnded, p.ProtocolError) as exc:
                raise ServiceUnavailable("The SafeLens service did not answer.") from exc
        finally:
            conn.close()
