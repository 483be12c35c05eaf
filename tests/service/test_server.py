"""The socket server: the asker from the kernel, and every kind of bad message answered
while other connections go on being served."""

from __future__ import annotations

import json
import os
import socket
import stat
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop_app.service import protocol as p
from desktop_app.service.client import ServiceClient, ServiceError, ServiceUnavailable
from desktop_app.service.paths import UnsafeFolder
from desktop_app.service.server import Peer, ServiceAlreadyRunning, ServiceServer
from tests.helpers.service import connect, frame, read_until_closed

SHORT_TIMEOUT = 0.5


def echo_peer(peer: Peer, request: dict[str, Any]) -> dict[str, Any]:
    """Answers with what the kernel said about the asker, and fails on demand."""
    if request.get("op") == "explode":
        raise RuntimeError("a handler bug")
    return p.reply(pid=peer.pid, uid=peer.uid, gid=peer.gid, name=peer.name)


@pytest.fixture
def socket_path(tmp_path: Path) -> Path:
    folder = tmp_path / "run"
    folder.mkdir(mode=0o755)
    return folder / "s.sock"


@pytest.fixture
def server(socket_path: Path) -> Iterator[ServiceServer]:
    with ServiceServer(
        socket_path, echo_peer, read_timeout=SHORT_TIMEOUT, max_connections=6, max_per_account=4
    ) as running:
        yield running


def answer(conn: socket.socket) -> dict[str, Any]:
    return p.decode(p.read_frame(conn, timeout=30.0))


def test_the_asker_is_who_the_kernel_says_not_who_the_message_says(
    server: ServiceServer, socket_path: Path
) -> None:
    reply = ServiceClient(socket_path).call("whoami", uid=12345, user="someone-else", pid=1)
    assert (reply["uid"], reply["gid"], reply["pid"]) == (os.getuid(), os.getgid(), os.getpid())
    assert reply["name"] is not None and reply["name"] != "someone-else"


def test_the_socket_is_open_to_every_account_and_gone_after_stop(socket_path: Path) -> None:
    with ServiceServer(socket_path, echo_peer):
        assert stat.S_IMODE(os.lstat(socket_path).st_mode) == 0o666
        assert stat.S_ISSOCK(os.lstat(socket_path).st_mode)
    assert not socket_path.exists()


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (b"\xff\xfe not utf-8", p.BAD_MESSAGE),
        (b"{not json", p.BAD_MESSAGE),
        (b"[1, 2, 3]", p.BAD_MESSAGE),
        (b'"a string"', p.BAD_MESSAGE),
        (b"", p.BAD_MESSAGE),
        (b"[" * 60_000, p.BAD_MESSAGE),  # nested past the parser's recursion limit
        (b"[" * 100_000 + b"]" * 100_000, p.TOO_LARGE),
        (b'{"op": "whoami"}', p.BAD_VERSION),
        (b'{"v": 2, "op": "whoami"}', p.BAD_VERSION),
        (b'{"v": "1", "op": "whoami"}', p.BAD_VERSION),
    ],
)
def test_garbage_gets_an_error_and_the_connection_still_works(
    server: ServiceServer, socket_path: Path, body: bytes, code: str
) -> None:
    with connect(socket_path) as conn:
        if len(body) > p.MAX_MESSAGE_BYTES:
            conn.sendall(frame(b"", declared=len(body)))
            assert answer(conn)["error"] == code
            assert read_until_closed(conn) == b""  # out of step: closed
            return
        conn.sendall(frame(body))
        refused = answer(conn)
        assert (refused["ok"], refused["error"]) == (False, code)
        assert isinstance(refused["message"], str) and refused["message"]
        conn.sendall(p.encode(p.request("whoami")))
        assert answer(conn)["uid"] == os.getuid()


def test_an_oversized_message_is_refused_before_it_is_read(
    server: ServiceServer, socket_path: Path
) -> None:
    with connect(socket_path) as conn:
        conn.sendall(frame(b"", declared=0xFFFFFFFF))  # 4 GiB announced, nothing sent
        refused = answer(conn)
        assert refused["error"] == p.TOO_LARGE
        assert str(p.MAX_MESSAGE_BYTES) in refused["message"]
        assert read_until_closed(conn) == b""
    assert ServiceClient(socket_path).call("whoami")["ok"] is True


def test_the_largest_allowed_message_is_answered(server: ServiceServer, socket_path: Path) -> None:
    filler = "x" * (p.MAX_MESSAGE_BYTES - 100)
    body = json.dumps({"v": 1, "op": "whoami", "pad": filler}).encode()
    assert len(body) <= p.MAX_MESSAGE_BYTES
    with connect(socket_path) as conn:
        conn.sendall(frame(body))
        assert answer(conn)["ok"] is True


@pytest.mark.parametrize(
    "partial",
    [b"", b"\x00\x00", frame(b'{"v": 1, "op": "who', declared=40)],
    ids=["silent", "half-a-header", "half-a-message"],
)
def test_slow_and_half_written_messages_are_cut_off_while_others_are_served(
    server: ServiceServer, socket_path: Path, partial: bytes
) -> None:
    with connect(socket_path) as slow:
        slow.sendall(partial)
        assert ServiceClient(socket_path).call("whoami")["ok"] is True  # served meanwhile
        assert read_until_closed(slow) == b""  # the slow one is closed, nothing answered
    assert ServiceClient(socket_path).call("whoami")["ok"] is True


def test_a_handler_that_fails_is_an_error_reply_and_the_server_goes_on(
    server: ServiceServer, socket_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    client = ServiceClient(socket_path)
    with pytest.raises(ServiceError) as failed:
        client.call("explode", secret="do-not-log-me")
    assert failed.value.code == p.INTERNAL
    assert client.call("whoami")["ok"] is True
    assert "do-not-log-me" not in caplog.text and "RuntimeError" in caplog.text


def test_many_connections_are_bounded_and_refused_politely(
    server: ServiceServer, socket_path: Path
) -> None:
    held = [connect(socket_path) for _ in range(4)]  # the per-account bound
    try:
        for conn in held:  # each is admitted (and answered) before the next is opened
            conn.sendall(p.encode(p.request("whoami")))
            assert answer(conn)["ok"] is True
        with connect(socket_path) as extra:
            assert answer(extra)["error"] == p.BUSY
            assert read_until_closed(extra) == b""
        with pytest.raises(ServiceError) as busy:
            ServiceClient(socket_path).call("whoami")
        assert busy.value.code == p.BUSY
    finally:
        for conn in held:
            conn.close()
    assert _eventually_served(socket_path)
    assert server.connections_refused == 2


def _eventually_served(socket_path: Path) -> bool:
    """True once a closed connection's place is free again (the server notices the close)."""
    for _ in range(200):
        try:
            return ServiceClient(socket_path).call("whoami")["ok"] is True
        except ServiceError as exc:
            assert exc.code == p.BUSY
            threading.Event().wait(0.05)
    return False


def test_the_total_bound_holds_across_accounts(socket_path: Path) -> None:
    with ServiceServer(socket_path, echo_peer, max_connections=2, max_per_account=5) as server:
        held = [connect(socket_path) for _ in range(2)]
        try:
            for conn in held:
                conn.sendall(p.encode(p.request("whoami")))
                assert answer(conn)["ok"] is True
            with connect(socket_path) as extra:
                assert answer(extra)["error"] == p.BUSY
        finally:
            for conn in held:
                conn.close()
        assert server.connections_refused == 1


def test_a_dead_socket_file_is_replaced(socket_path: Path) -> None:
    dead = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    dead.bind(str(socket_path))  # bound, never listening: nothing answers on it
    dead.close()
    with ServiceServer(socket_path, echo_peer):
        assert ServiceClient(socket_path).call("whoami")["ok"] is True


def test_a_live_service_is_never_replaced(server: ServiceServer, socket_path: Path) -> None:
    with pytest.raises(ServiceAlreadyRunning):
        ServiceServer(socket_path, echo_peer).start()
    assert ServiceClient(socket_path).call("whoami")["ok"] is True


def test_a_file_that_is_no_socket_is_left_alone(socket_path: Path) -> None:
    socket_path.write_text("not a socket")
    with pytest.raises(ServiceAlreadyRunning):
        ServiceServer(socket_path, echo_peer).start()
    assert socket_path.read_text() == "not a socket"


def test_a_socket_folder_others_can_write_is_refused(socket_path: Path) -> None:
    os.chmod(socket_path.parent, 0o777)
    with pytest.raises(UnsafeFolder):
        ServiceServer(socket_path, echo_peer).start()
    assert not socket_path.exists()


def test_no_service_is_service_unavailable(socket_path: Path) -> None:
    with pytest.raises(ServiceUnavailable):
        ServiceClient(socket_path).call("whoami")


def test_a_refusal_carries_its_code_and_details(socket_path: Path) -> None:
    def refuse(peer: Peer, request: dict[str, Any]) -> dict[str, Any]:
        return p.refusal(p.WRONG_PIN, "That PIN is not right.", tries_left=3)

    with ServiceServer(socket_path, refuse), pytest.raises(ServiceError) as refused:
        ServiceClient(socket_path).call("verify_pin", pin="000000")
    error = refused.value
    assert (error.code, error.message, error.details) == (
        p.WRONG_PIN,
        "That PIN is not right.",
        {"tries_left": 3},
    )


def test_a_message_too_large_to_send_is_refused_by_the_client(
    server: ServiceServer, socket_path: Path
) -> None:
    with pytest.raises(p.ProtocolError) as refused:
        ServiceClient(socket_path).call("whoami", pad="x" * p.MAX_MESSAGE_BYTES)
    assert refused.value.code == p.TOO_LARGE
