"""`safelens service` and run_service: root only, serves, stops cleanly."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from desktop_app import cli
from desktop_app.service.client import ServiceClient, ServiceUnavailable
from desktop_app.service.daemon import run_service
from desktop_app.service.paths import MachinePaths


def test_a_non_root_start_says_so_and_fails(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    code = cli.run(
        ["service", "--data-dir", str(tmp_path / "d"), "--socket", str(tmp_path / "s")], "0"
    )
    assert code == 1
    assert "must run as root" in capsys.readouterr().err
    assert not (tmp_path / "d").exists()


def test_an_unsafe_data_folder_is_refused_in_plain_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if os.geteuid() != 0:
        pytest.skip("`safelens service` runs only as root")
    data = tmp_path / "data"
    data.mkdir()
    os.chmod(data, 0o777)
    sock = tmp_path / "run" / "s.sock"
    assert cli.run(["service", "--data-dir", str(data), "--socket", str(sock)], "0") == 1
    err = capsys.readouterr().err
    assert "can be written by other accounts" in err and str(data) not in err


def test_prepare_only_makes_the_folders_and_stops(tmp_path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("`safelens service` runs only as root")
    paths = MachinePaths(root=tmp_path / "data", socket=tmp_path / "run" / "s.sock")
    args = ["service", "--data-dir", str(paths.root), "--socket", str(paths.socket)]
    assert cli.run([*args, "--prepare-only"], "0") == 0
    assert (paths.root.stat().st_mode & 0o777, paths.socket.parent.stat().st_mode & 0o777) == (
        0o755,
        0o755,
    )
    for folder in paths.private_folders:
        assert folder.stat().st_mode & 0o777 == 0o700
    assert not paths.socket.exists()  # it made the folders, it did not serve
    os.chmod(paths.quarantine, 0o750)  # a second run (an upgrade) sets the modes again
    assert cli.run([*args, "--prepare-only"], "0") == 0
    assert paths.quarantine.stat().st_mode & 0o777 == 0o700


def test_prepare_only_refuses_an_unsafe_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if os.geteuid() != 0:
        pytest.skip("`safelens service` runs only as root")
    data = tmp_path / "data"
    data.mkdir()
    os.chown(data, 1000, 1000)
    sock = tmp_path / "run" / "s.sock"
    args = ["service", "--data-dir", str(data), "--socket", str(sock), "--prepare-only"]
    assert cli.run(args, "0") == 1
    assert "belongs to another account" in capsys.readouterr().err
    assert not (data / "quarantine").exists()


def test_run_service_serves_until_stopped_and_removes_its_socket(tmp_path: Path) -> None:
    paths = MachinePaths(root=tmp_path / "data", socket=tmp_path / "run" / "s.sock")
    stop = threading.Event()
    codes: list[int] = []
    runner = threading.Thread(
        target=lambda: codes.append(
            run_service(paths, stop_event=stop, handle_signals=False, policy_dir=tmp_path / "p")
        )
    )
    runner.start()
    try:
        client = ServiceClient(paths.socket)
        for _ in range(400):  # until it listens
            if paths.socket.exists():
                break
            threading.Event().wait(0.05)
        assert client.call("hello")["mode"] == "machine"
    finally:
        stop.set()
        runner.join()
    assert codes == [0]
    assert not paths.socket.exists()
    with pytest.raises(ServiceUnavailable):
        ServiceClient(paths.socket).call("hello")
