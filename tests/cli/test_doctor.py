"""`safelens doctor`: the mode first, a fix for every BAD line, and in machine mode the
accounts' health from the service (not from this account's own files)."""

from __future__ import annotations

import contextlib
import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop_app import cli
from desktop_app.cli.findings import Finding
from desktop_app.cli.service_findings import AUTOSTART_FIX, _account
from desktop_app.service import mode as service_mode
from desktop_app.service import protocol as p
from desktop_app.service.daemon import AnalyzerOptions, PutAsideNotice, run_service
from desktop_app.service.mode import START_FIX
from desktop_app.service.paths import MachinePaths
from desktop_app.service.server import ServiceServer
from desktop_app.service.stores import ServiceStores
from desktop_app.service.watching import WatchOutcome
from desktop_app.surfaces.quarantine import Quarantine
from tests.helpers.service import UNDER13_BIRTH_YEAR, add_profile

CHILD = "nobody"  # an account every Linux has, given a child profile
USER_FILES = {"settings", "quarantine", "agent", "guardian pin", "share folder", "profile"}


@pytest.fixture(autouse=True)
def nothing_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    """This computer's own unit file or /var/lib/safelens never decide a test."""
    monkeypatch.setattr(service_mode, "INSTALL_MARKS", ())


def doctor(socket: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict[str, Any]]]:
    code = cli.run(["doctor", "--json", "--socket", str(socket)], "0")
    return code, json.loads(capsys.readouterr().out)


def assert_every_bad_line_has_a_fix(findings: list[dict[str, Any]]) -> None:
    assert all(f["fix"] for f in findings if not f["ok"]), findings


def test_single_account_mode_is_said_first_with_how_to_switch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, findings = doctor(tmp_path / "no.sock", capsys)
    first = findings[0]
    assert (first["area"], first["ok"]) == ("mode", True)
    assert (
        first["detail"].startswith("single-account mode")
        and "NOT tamper-resistant" in (first["detail"])
    )
    assert "safelens service" in first["fix"] and "systemd" in first["fix"]
    assert USER_FILES & {f["area"] for f in findings}  # this account's own lines
    assert_every_bad_line_has_a_fix(findings)
    assert code == (0 if all(f["ok"] for f in findings) else 1)


def test_an_installed_service_that_is_silent_is_bad_with_the_start_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    unit = tmp_path / "safelens.service"
    unit.write_text("[Service]\n")
    monkeypatch.setattr(service_mode, "INSTALL_MARKS", (unit,))
    code, findings = doctor(tmp_path / "no.sock", capsys)
    assert (findings[0]["area"], findings[0]["ok"], findings[0]["fix"]) == (
        "mode",
        False,
        START_FIX,
    )
    assert code == 1


def test_the_text_output_prints_the_fix_under_a_bad_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(service_mode, "INSTALL_MARKS", (tmp_path,))
    cli.run(["doctor", "--socket", str(tmp_path / "no.sock")], "0")
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("BAD  mode") and lines[1].strip() == f"fix: {START_FIX}"


def test_a_bad_finding_without_a_fix_cannot_be_made() -> None:
    with pytest.raises(ValueError):
        Finding("models", False, "altered")


class FakeWatch:
    def __init__(self, profile_id: str) -> None:
        self.profile_id = profile_id
        self.failure = None
        self.pending = 0

    def outcomes(self) -> list[WatchOutcome]:
        return [WatchOutcome(self.profile_id, watching=True, folders=3, unavailable=1)]


@pytest.fixture
def machine(tmp_path: Path) -> Iterator[MachinePaths]:
    """The service in this process on a private data folder and socket, one child watched."""
    if os.geteuid() != 0:
        if os.environ.get("CI") == "true":
            pytest.fail("CI must run this as root (status answers administrators)")
        pytest.skip("Not root: the service's status answers administrators only")
    paths = MachinePaths(root=tmp_path / "data", socket=tmp_path / "run" / "s.sock")
    paths.prepare()
    profile = add_profile(paths, CHILD, UNDER13_BIRTH_YEAR)
    Quarantine(paths.quarantine).add_bytes(
        b"put aside",
        original_path="/home/x/Downloads/a.jpg",
        reason="sensitive",
        surface="share_folders",
        profile_id=profile.id,
    )

    @contextlib.contextmanager
    def watch(
        _stores: ServiceStores, _options: AnalyzerOptions, _on_put_aside: PutAsideNotice
    ) -> Iterator[FakeWatch]:
        yield FakeWatch(profile.id)

    stop = threading.Event()
    runner = threading.Thread(
        target=run_service,
        args=(paths,),
        kwargs={
            "watch": watch,
            "stop_event": stop,
            "handle_signals": False,
            "policy_dir": tmp_path / "p",
        },
    )
    runner.start()
    try:
        for _ in range(400):  # until it listens
            if paths.socket.exists():
                break
            threading.Event().wait(0.05)
        yield paths
    finally:
        stop.set()
        runner.join()


def test_an_administrator_in_machine_mode_sees_every_account_from_the_service(
    machine: MachinePaths, capsys: pytest.CaptureFixture[str]
) -> None:
    # This account's own settings are damaged: in machine mode that is not what protects.
    settings = Path(os.environ["SAFELENS_HOME"])
    settings.mkdir(parents=True, exist_ok=True)
    (settings / "settings.json").write_text("{damaged")
    code, findings = doctor(machine.socket, capsys)
    assert findings[0]["area"] == "mode" and findings[0]["detail"].startswith("machine mode")
    assert not USER_FILES & {f["area"] for f in findings}
    [child] = [f for f in findings if f["area"] == "account"]
    assert child["ok"] is True
    assert child["detail"] == (
        f"{CHILD} (under13): watched, 3 folder(s) (1 not there yet), 1 file(s) put aside; "
        "session agent never started since the service started"
    )
    this = next(f for f in findings if f["area"] == "this account")
    assert this["detail"] == "root: not a protected child"
    assert_every_bad_line_has_a_fix(findings)
    assert code == (0 if all(f["ok"] for f in findings) else 1)


@pytest.fixture
def forbidding_service(tmp_path: Path) -> Iterator[Path]:
    """A service that answers as it would a child: status is forbidden."""

    def answer(_peer: object, request: dict[str, Any]) -> dict[str, Any]:
        if request["op"] == "hello":
            return p.reply(protocol=1, mode="machine", ops=["hello", "status", "whoami"])
        if request["op"] == "whoami":
            return p.reply(account="sl-child", protected=True, age_band="under13")
        return p.refusal(p.FORBIDDEN, "Only an administrator.")

    folder = tmp_path / "run"
    folder.mkdir(mode=0o755)
    server = ServiceServer(folder / "s.sock", answer)
    server.start()
    try:
        yield folder / "s.sock"
    finally:
        server.stop()


def test_a_child_in_machine_mode_sees_only_themselves_and_who_may_see_more(
    forbidding_service: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, findings = doctor(forbidding_service, capsys)
    areas = [f["area"] for f in findings]
    assert areas[0] == "mode" and "account" not in areas
    this = next(f for f in findings if f["area"] == "this account")
    assert this["detail"] == "sl-child: protected by the service, age band under13"
    accounts = next(f for f in findings if f["area"] == "accounts")
    assert "administrators only" in accounts["detail"] and "sudo safelens doctor" in accounts["fix"]
    assert accounts["ok"] is True and code == (0 if all(f["ok"] for f in findings) else 1)


def test_the_doctor_names_a_vanished_agent_and_a_hidden_autostart_with_a_fix() -> None:
    line = {
        "account": "sl-kid",
        "age_band": "under13",
        "watched": True,
        "folders": 2,
        "put_aside": 0,
        "client_running": False,
        "client_stopped": "2026-12-03T11:00:00+00:00",
        "client_ended": "vanished",
        "tamper_events": 1,
    }
    seen = _account(line)
    assert seen.ok is True
    assert seen.detail.endswith(
        "session agent not running (last stopped 2026-12-03T11:00:00+00:00, ended without a "
        "goodbye), 1 tamper event(s)"
    )
    hidden = _account({**line, "autostart_overridden": True})
    assert hidden.ok is False and hidden.fix == AUTOSTART_FIX
    assert "hides SafeLens' agent" in hidden.detail
