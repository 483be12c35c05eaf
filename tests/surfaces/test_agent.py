"""The agent notices being stopped or frozen (a count, nothing more) and starts at login."""

from __future__ import annotations

import json
import plistlib
from pathlib import Path

import pytest

from desktop_app.surfaces import agent
from desktop_app.surfaces.agent import Heartbeat, autostart_entry, install_autostart


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def _heartbeat(folder: Path, reports: list[str], clock: Clock) -> Heartbeat:
    return Heartbeat("p-maya", reports.append, folder=folder, interval_s=60, clock=clock)


def test_a_clean_quit_is_not_tamper_but_a_killed_agent_is(tmp_path: Path) -> None:
    reports: list[str] = []
    clock = Clock()
    first = _heartbeat(tmp_path, reports, clock)
    first.start()
    assert reports == []  # the very first run
    first.stop()
    _heartbeat(tmp_path, reports, clock).start()
    assert reports == []  # quit cleanly last time
    # ... and this run was killed (no stop): the next start counts it
    _heartbeat(tmp_path, reports, clock).start()
    assert reports == ["agent_stopped"]


def test_a_frozen_agent_misses_heartbeats(tmp_path: Path) -> None:
    reports: list[str] = []
    clock = Clock()
    beat = _heartbeat(tmp_path, reports, clock)
    beat.start()
    clock.now += 60
    beat.beat()
    assert reports == []
    clock.now += 60 * 10  # stopped (SIGSTOP) or suspended for ten minutes
    beat.beat()
    assert reports == ["heartbeat_missed"]


def test_a_damaged_heartbeat_file_counts_and_a_full_disk_never_stops_the_agent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reports: list[str] = []
    beat = _heartbeat(tmp_path, reports, Clock())
    beat.path.parent.mkdir(parents=True, exist_ok=True)
    beat.path.write_text("{not json")
    beat.start()
    assert reports == ["agent_stopped"]

    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(agent, "atomic_write_json", full)
    beat.beat()  # no exception: protection goes on
    beat.stop()


def test_the_heartbeat_file_holds_no_names_or_paths(tmp_path: Path) -> None:
    beat = _heartbeat(tmp_path, [], Clock())
    beat.start()
    text = beat.path.read_text()
    assert set(json.loads(text)) == {"pid", "last_beat", "clean_stop"}
    assert beat.path.stat().st_mode & 0o077 == 0


def test_linux_autostart_entry_is_written_and_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    entry = autostart_entry("linux", home=tmp_path, command=["/opt/safe lens/python", "-m", "x"])
    install_autostart(entry)
    path = tmp_path / "config" / "autostart" / "safelens-agent.desktop"
    text = path.read_text()
    assert "Exec='/opt/safe lens/python' -m x" in text and "[Desktop Entry]" in text
    agent.remove_autostart(entry)
    assert not path.exists()


def test_macos_launch_agent_restarts_a_killed_agent(tmp_path: Path) -> None:
    entry = autostart_entry("darwin", home=tmp_path, command=["/usr/bin/python3", "-m", "x"])
    install_autostart(entry)
    plist = plistlib.loads(Path(entry.location).read_bytes())
    assert Path(entry.location).parent == tmp_path / "Library" / "LaunchAgents"
    assert plist["RunAtLoad"] is True and plist["KeepAlive"] == {"SuccessfulExit": False}
    assert plist["ProgramArguments"] == ["/usr/bin/python3", "-m", "x"]


def test_windows_autostart_uses_the_users_run_key() -> None:
    class Registry:
        def __init__(self) -> None:
            self.values: dict[str, str] = {}

        def set_run_value(self, name: str, command: str) -> None:
            self.values[name] = command

        def delete_run_value(self, name: str) -> None:
            self.values.pop(name, None)

    registry = Registry()
    entry = autostart_entry("win32", command=[r"C:\Program Files\SafeLens\python.exe", "-m", "x"])
    install_autostart(entry, registry)
    assert registry.values == {"SafeLens": r'"C:\Program Files\SafeLens\python.exe" -m x'}
    agent.remove_autostart(entry, registry)
    assert registry.values == {}
