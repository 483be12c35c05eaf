"""On-device only: the suite runs with sockets disabled, and the app has no network code."""

from __future__ import annotations

import ast
import socket
from pathlib import Path

import pytest
from pytest_socket import SocketBlockedError

import desktop_app

# urllib.parse only splits strings (help resources check their links); it opens nothing.
PARSING_ONLY = {"urllib.parse"}
NETWORK_MODULES = {
    "socket",
    "ssl",
    "http",
    "urllib",
    "requests",
    "httpx",
    "aiohttp",
    "ftplib",
    "smtplib",
    "websocket",
    "websockets",
}
# Qt's own network stacks (sockets, HTTP, a web engine that fetches pages).
QT_NETWORK = ("QtNetwork", "QtWebEngine", "QtWebSockets", "QtWebChannel", "QtWebView")


@pytest.mark.filterwarnings("ignore:A test tried to use socket")
def test_sockets_are_disabled_for_the_whole_suite() -> None:
    with pytest.raises(SocketBlockedError):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)


# The per-machine service's local socket (service/): Unix sockets only, checked below.
UNIX_SOCKET_MODULES = {"service/protocol.py", "service/server.py", "service/client.py"}
NOT_UNIX = {"AF_INET", "AF_INET6", "AF_PACKET", "AF_NETLINK", "AF_BLUETOOTH", "AF_VSOCK"}
NOT_UNIX |= {"create_connection", "create_server", "getaddrinfo", "gethostbyname", "fromfd"}


def test_no_module_of_the_app_imports_network_code() -> None:
    root = Path(desktop_app.__file__).parent
    offenders = []
    for source in root.rglob("*.py"):
        unix_only = source.relative_to(root).as_posix() in UNIX_SOCKET_MODULES
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            allowed = {"socket"} if unix_only else set()
            offenders += [
                f"{source.name}: {n}" for n in names if _is_network(n) and n not in allowed
            ]
    assert offenders == []


def test_the_services_sockets_are_unix_sockets_only() -> None:
    root = Path(desktop_app.__file__).parent
    opened = 0
    for name in sorted(UNIX_SOCKET_MODULES):
        tree = ast.parse((root / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "socket":
                pytest.fail(f"{name}: 'from socket import' hides what is used")
            if isinstance(node, ast.Attribute) and node.attr in NOT_UNIX:
                pytest.fail(f"{name}: socket.{node.attr}")
            if isinstance(node, ast.Call) and ast.unparse(node.func) == "socket.socket":
                opened += 1
                assert [ast.unparse(a) for a in node.args[:1]] == ["socket.AF_UNIX"], name
    assert opened >= 2  # the server's listener and probe, the client's connection


def _is_network(module: str) -> bool:
    parts = module.split(".")
    if parts[0] in NETWORK_MODULES and module not in PARSING_ONLY:
        return True
    return parts[0] == "PySide6" and any(p.startswith(QT_NETWORK) for p in parts[1:])


def test_qt_network_modules_count_as_network_code() -> None:
    assert _is_network("PySide6.QtNetwork") and _is_network("PySide6.QtWebEngineWidgets")
    assert not _is_network("PySide6.QtWidgets") and not _is_network("urllib.parse")


def test_onnxruntime_telemetry_is_switched_off_by_the_session_setup() -> None:
    import onnxruntime as ort

    from desktop_app.analysis.models import session_options

    ort.enable_telemetry_events()
    calls: list[str] = []
    original = ort.disable_telemetry_events
    ort.disable_telemetry_events = lambda: calls.append("off") or original()  # type: ignore[func-returns-value]
    try:
        session_options(1)
    finally:
        ort.disable_telemetry_events = original
    assert calls == ["off"]


@pytest.mark.slow  # a real check in a fresh Python process
def test_onnxruntime_telemetry_is_off_before_it_can_start(tmp_path: Path) -> None:
    """A real check in a fresh home, with the variable switched on in the environment:
    onnxruntime writes no device id and keeps no telemetry store (it would, unstopped)."""
    import os
    import subprocess
    import sys

    from desktop_app.analysis import testpattern

    pattern = testpattern.write_image(tmp_path / "pattern.png")
    home = tmp_path / "home"
    home.mkdir()
    env = os.environ | {"HOME": str(home), "TMPDIR": str(home), "ORT_DISABLE_TELEMETRY": "0"}
    env.pop("XDG_CACHE_HOME", None)
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "check", "--json", str(pattern)],
        capture_output=True,
        text=True,
        timeout=240,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    left = sorted(p.relative_to(home).as_posix() for p in home.rglob("*"))
    assert not [p for p in left if "Microsoft" in p or p.endswith(".ses")], left
