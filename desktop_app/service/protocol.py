"""The one definition of what travels on the service's socket (see docs/service-protocol.md).

A message is a 4-byte big-endian length, then that many bytes of UTF-8 JSON holding one
object. Requests are ``{"v": 1, "op": "...", ...arguments}``; replies are
``{"v": 1, "ok": true, ...}`` or ``{"v": 1, "ok": false, "error": code, "message": text}``.
Standard library only: a session's client needs nothing else of SafeLens.
"""

from __future__ import annotations

import json
import socket
import struct
import time
from typing import Any

PROTOCOL_VERSION = 1
MAX_MESSAGE_BYTES = 64 * 1024
READ_TIMEOUT_S = 10.0
HEADER = struct.Struct(">I")

# Error codes (the "error" field of a refusal).
BAD_MESSAGE = "bad_message"  # not JSON, not an object, not UTF-8
TOO_LARGE = "too_large"  # declared length above MAX_MESSAGE_BYTES (the connection is closed)
BAD_VERSION = "bad_version"
UNKNOWN_OP = "unknown_op"
BAD_ARGUMENTS = "bad_arguments"
BUSY = "busy"  # too many connections (the connection is closed)
FORBIDDEN = "forbidden"
NOT_PROTECTED = "not_protected"
WRONG_PIN = "wrong_pin"
WAIT = "wait"
NO_PIN = "no_pin"
UNAVAILABLE = "unavailable"  # the service could not read or write its own data
INTERNAL = "internal"


class ProtocolError(Exception):
    """A message that breaks the protocol; ``code`` is the error code to answer with."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


class ConnectionEnded(Exception):  # noqa: N818 - what happened, not a failure of ours
    """The other side closed, went silent past the deadline, or stopped mid-message."""


def encode(message: dict[str, Any]) -> bytes:
    """One framed message; ProtocolError(TOO_LARGE) rather than a frame the peer refuses."""
    body = json.dumps(message, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if len(body) > MAX_MESSAGE_BYTES:
        raise ProtocolError(TOO_LARGE, "The message is larger than the protocol allows.")
    return HEADER.pack(len(body)) + body


def decode(body: bytes) -> dict[str, Any]:
    """The JSON object in a frame's body; ProtocolError(BAD_MESSAGE) for anything else."""
    try:
        value = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise ProtocolError(BAD_MESSAGE, "The message is not UTF-8 JSON.") from exc
    if not isinstance(value, dict):
        raise ProtocolError(BAD_MESSAGE, "The message is not a JSON object.")
    return value


def read_frame(sock: socket.socket, timeout: float = READ_TIMEOUT_S) -> bytes:
    """One frame's body, all of it within ``timeout`` seconds (slow senders are cut off).

    ConnectionEnded when the peer closes or the deadline passes; ProtocolError(TOO_LARGE)
    when the declared length is too large, before anything of that size is read.
    """
    deadline = time.monotonic() + timeout
    header = _read_exactly(sock, HEADER.size, deadline)
    (length,) = HEADER.unpack(header)
    if length > MAX_MESSAGE_BYTES:
        raise ProtocolError(TOO_LARGE, f"Messages are at most {MAX_MESSAGE_BYTES} bytes.")
    return _read_exactly(sock, length, deadline)


def _read_exactly(sock: socket.socket, size: int, deadline: float) -> bytes:
    chunks: list[bytes] = []
    missing = size
    while missing:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise ConnectionEnded("The message did not arrive in time.")
        sock.settimeout(remaining)
        try:
            chunk = sock.recv(min(missing, MAX_MESSAGE_BYTES))
        except TimeoutError as exc:
            raise ConnectionEnded("The message did not arrive in time.") from exc
        except OSError as exc:
            raise ConnectionEnded("The connection failed.") from exc
        if not chunk:
            raise ConnectionEnded("The connection was closed.")
        chunks.append(chunk)
        missing -= len(chunk)
    return b"".join(chunks)


def write_frame(
    sock: socket.socket, message: dict[str, Any], timeout: float = READ_TIMEOUT_S
) -> None:
    """Send one message; ConnectionEnded when the peer does not take it in time."""
    data = encode(message)
    sock.settimeout(timeout)
    try:
        sock.sendall(data)
    except OSError as exc:  # TimeoutError, BrokenPipeError, ConnectionResetError
        raise ConnectionEnded("The message could not be sent.") from exc


def request(op: str, **arguments: Any) -> dict[str, Any]:
    return {**arguments, "v": PROTOCOL_VERSION, "op": op}


def reply(**fields: Any) -> dict[str, Any]:
    return {**fields, "v": PROTOCOL_VERSION, "ok": True}


def refusal(code: str, message: str, **details: Any) -> dict[str, Any]:
    return {**details, "v": PROTOCOL_VERSION, "ok": False, "error": code, "message": message}
