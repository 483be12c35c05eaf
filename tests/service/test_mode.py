"""Which mode runs: decided by the service's socket, never by environment variables."""

from __future__ import annotations

import contextlib
import os
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop_app.service import protocol as p
from desktop_app.service.mode import START_FIX, Mode, ServiceState, detect_mode
from desktop_app.service.server import ServiceServer


@contextlib.contextmanager
def serve(tmp_path: Path, answer: dict[str, Any]) -> Iterator[Path]:
    folder = tmp_path / "run"
    folder.mkdir(mode=0o755)
    server = ServiceServer(folder / "s.sock", lambda _peer, _request: answer)
    server.start()
    try:
        yield folder / "s.sock"
    finally:
        server.stop()


@pytest.fixture
def machine_socket(tmp_path: Path) -> Iterator[Path]:
    with serve(tmp_path, p.reply(protocol=1, mode="machine", ops=["hello"])) as sock:
        yield sock


def test_a_service_that_answers_means_machine_mode_whatever_the_environment(
    machine_socket: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("HOME", "SAFELENS_HOME", "SAFELENS_POLICY_DIR", "XDG_RUNTIME_DIR"):
        monkeypatch.setenv(name, str(tmp_path / "elsewhere"))
    found = detect_mode(machine_socket, install_marks=[])
    assert (found.mode, found.service, found.tamper_resistant) == (
        Mode.MACHINE,
        ServiceState.ANSWERING,
        True,
    )
    assert found.fix == "" and "machine mode" in found.describe()


def test_nothing_installed_is_single_account_mode_and_says_how_to_switch(tmp_path: Path) -> None:
    found = detect_mode(tmp_path / "none.sock", install_marks=[tmp_path / "no-unit"])
    assert (found.mode, found.service) == (Mode.SINGLE_ACCOUNT, ServiceState.ABSENT)
    assert "NOT tamper-resistant" in found.describe()
    assert "safelens service" in found.fix and "systemd" in found.fix


def test_an_installed_but_silent_service_is_named_with_the_fix(tmp_path: Path) -> None:
    unit = tmp_path / "safelens.service"
    unit.write_text("[Service]\n")
    found = detect_mode(tmp_path / "none.sock", install_marks=[unit])
    assert (found.mode, found.service) == (Mode.SINGLE_ACCOUNT, ServiceState.SILENT)
    assert found.fix == START_FIX and "not answering" in found.describe()


def test_a_socket_nobody_answers_on_counts_as_a_silent_service(tmp_path: Path) -> None:
    dead = tmp_path / "dead.sock"
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(str(dead))
    listener.close()  # the file stays, nothing listens
    assert os.path.exists(dead)
    found = detect_mode(dead, install_marks=[], timeout=1.0)
    assert (found.mode, found.service) == (Mode.SINGLE_ACCOUNT, ServiceState.SILENT)


def test_something_else_on_the_socket_is_not_machine_mode(tmp_path: Path) -> None:
    for answer in (p.reply(mode="single"), p.refusal(p.INTERNAL, "no")):
        case = tmp_path / answer.get("error", "other")
        case.mkdir()
        with serve(case, answer) as sock:
            found = detect_mode(sock, install_marks=[])
        assert (found.mode, found.service) == (Mode.SINGLE_ACCOUNT, ServiceState.SILENT)
