"""The service's Unix socket: who asks comes from the kernel, every message is bounded.

A thread per connection reads one framed request at a time (each within the read timeout),
hands it with the peer's kernel identity to the handler and writes the reply. Whatever a
session sends — garbage, too much, too slowly, half a message — it gets an error reply or
its connection is closed, and the server goes on serving everyone else. Logs hold counts
and error codes only.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pwd
import socket
import stat
import struct
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import protocol as p
from .paths import check_own_folder

log = logging.getLogger(__name__)

MAX_CONNECTIONS = 64
MAX_CONNECTIONS_PER_ACCOUNT = 16
SOCKET_MODE = 0o666  # any account may ask; the service decides from the kernel who asks
ACCEPT_POLL_S = 0.25
_PEERCRED = struct.Struct("3i")


@dataclass(frozen=True)
class Peer:
    """The account on the other end, as the kernel reports it (never as the message says)."""

    pid: int
    uid: int
    gid: int
    name: str | None  # None: a uid without an entry in the account database


Handler = Callable[[Peer, dict[str, Any]], dict[str, Any]]


class ServiceAlreadyRunning(Exception):  # noqa: N818 - the state, said plainly
    """Something already answers on the socket path."""


def peer_of(conn: socket.socket) -> Peer:
    """SO_PEERCRED: the pid, uid and gid of the process that connected."""
    raw = conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, _PEERCRED.size)
    pid, uid, gid = _PEERCRED.unpack(raw)
    try:
        name: str | None = pwd.getpwuid(uid).pw_name
    except KeyError:
        name = None
    return Peer(pid, uid, gid, name)


class ServiceServer:
    """Listens on ``socket_path`` and answers each request with ``handle(peer, request)``."""

    def __init__(
        self,
        socket_path: Path,
        handle: Handler,
        *,
        read_timeout: float = p.READ_TIMEOUT_S,
        max_connections: int = MAX_CONNECTIONS,
        max_per_account: int = MAX_CONNECTIONS_PER_ACCOUNT,
    ) -> None:
        self.socket_path = socket_path
        self._handle = handle
        self._read_timeout = read_timeout
        self._max_connections = max_connections
        self._max_per_account = max_per_account
        self._lock = threading.Lock()
        self._open: dict[socket.socket, int] = {}  # connection -> peer uid
        self._per_uid: Counter[int] = Counter()
        self._stopping = threading.Event()
        self._listener: socket.socket | None = None
        self._acceptor: threading.Thread | None = None
        self.requests_answered = 0
        self.connections_refused = 0

    # --- start and stop -------------------------------------------------------------------

    def start(self) -> None:
        """Bind (replacing a dead socket file only), listen and accept in a thread."""
        check_own_folder(self.socket_path.parent)
        self._remove_stale_socket()
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        old_umask = os.umask(0o177)  # the file is born 0600, then opened up on purpose
        try:
            listener.bind(str(self.socket_path))
        except OSError:
            listener.close()
            raise
        finally:
            os.umask(old_umask)
        os.chmod(self.socket_path, SOCKET_MODE)
        listener.listen(self._max_connections)
        listener.settimeout(ACCEPT_POLL_S)
        self._listener = listener
        self._acceptor = threading.Thread(target=self._accept_loop, name="service-accept")
        self._acceptor.start()

    def stop(self) -> None:
        """Stop accepting, close every connection, remove the socket file."""
        self._stopping.set()
        if self._acceptor is not None:
            self._acceptor.join()
        if self._listener is not None:
            self._listener.close()
            with contextlib.suppress(FileNotFoundError):
                self.socket_path.unlink()
        with self._lock:
            for conn in list(self._open):
                with contextlib.suppress(OSError):
                    conn.shutdown(socket.SHUT_RDWR)

    def __enter__(self) -> ServiceServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _remove_stale_socket(self) -> None:
        try:
            info = os.lstat(self.socket_path)
        except FileNotFoundError:
            return
        if not stat.S_ISSOCK(info.st_mode):
            raise ServiceAlreadyRunning("The socket path is taken by something that is no socket.")
        probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            probe.settimeout(1.0)
            probe.connect(str(self.socket_path))
        except (ConnectionRefusedError, FileNotFoundError):
            self.socket_path.unlink(missing_ok=True)  # a socket nobody answers on any more
            return
        except OSError as exc:
            raise ServiceAlreadyRunning("The socket path could not be checked.") from exc
        finally:
            probe.close()
        raise ServiceAlreadyRunning("Another SafeLens service answers on this socket.")

    # --- connections ----------------------------------------------------------------------

    def _accept_loop(self) -> None:
        assert self._listener is not None
        while not self._stopping.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                if self._stopping.is_set():
                    return
                log.warning("service: accepting a connection failed")
                continue
            self._admit(conn)

    def _admit(self, conn: socket.socket) -> None:
        try:
            peer = peer_of(conn)
        except OSError:
            conn.close()
            return
        with self._lock:
            full = len(self._open) >= self._max_connections
            too_many = self._per_uid[peer.uid] >= self._max_per_account
            if not (full or too_many):
                self._open[conn] = peer.uid
                self._per_uid[peer.uid] += 1
        if full or too_many:
            with self._lock:
                self.connections_refused += 1
            self._refuse_busy(conn)
            return
        thread = threading.Thread(target=self._serve, args=(conn, peer), daemon=True)
        thread.start()

    def _refuse_busy(self, conn: socket.socket) -> None:
        with contextlib.suppress(p.ConnectionEnded, OSError):
            busy = p.refusal(p.BUSY, "The service is busy. Try again in a moment.")
            p.write_frame(conn, busy, timeout=1.0)
        conn.close()

    def _serve(self, conn: socket.socket, peer: Peer) -> None:
        try:
            while not self._stopping.is_set():
                answer, keep_open = self._answer_one(conn, peer)
                if answer is not None:
                    p.write_frame(conn, answer, self._read_timeout)
                    with self._lock:
                        self.requests_answered += 1
                if not keep_open:
                    return
        except p.ConnectionEnded:
            return
        finally:
            with self._lock:
                self._open.pop(conn, None)
                self._per_uid[peer.uid] -= 1
                if self._per_uid[peer.uid] <= 0:
                    del self._per_uid[peer.uid]
            conn.close()

    def _answer_one(self, conn: socket.socket, peer: Peer) -> tuple[dict[str, Any] | None, bool]:
        """The reply to the next request, and whether the connection stays open after it."""
        try:
            request = p.decode(p.read_frame(conn, self._read_timeout))
        except p.ProtocolError as exc:
            # After a bad length the stream cannot be trusted to be in step: close it.
            return p.refusal(exc.code, str(exc)), exc.code != p.TOO_LARGE
        if request.get("v") != p.PROTOCOL_VERSION:
            message = f"This service speaks protocol version {p.PROTOCOL_VERSION}."
            return p.refusal(p.BAD_VERSION, message, protocol=p.PROTOCOL_VERSION), True
        try:
            return self._handle(peer, request), True
        except Exception as exc:  # the server must keep serving, whatever a handler does
            log.error("service: a request failed (%s)", type(exc).__name__)
            return p.refusal(p.INTERNAL, "The service could not answer this request."), True
