"""The background agent's own health: a heartbeat that notices being stopped, and autostart.

The agent (ui/tray.py) beats every ``interval_s``. A beat that comes much later than it
should (the process was frozen) or a start that finds the last run never said goodbye (it
was killed, not quit) is a tamper count for the child's profile — a count only, as every
event. A machine that lost power looks the same as a killed agent; the guardian sees
counts, not accusations. Autostart entries make the agent start at login per OS.
"""

from __future__ import annotations

import os
import plistlib
import shlex
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from desktop_app.core.storage import atomic_write_bytes, atomic_write_json, data_dir, read_json

HEARTBEAT_INTERVAL_S = 60.0
LATE_FACTOR = 3.0  # a beat this many intervals late counts as a missed heartbeat
AUTOSTART_NAME = "safelens-agent"
LAUNCH_AGENT_LABEL = "org.safelens.agent"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"


TamperRecorder = Callable[[str], None]  # told why ('agent_stopped', 'heartbeat_missed')


class HeartbeatDamaged(Exception):  # noqa: N818 - the state the doctor reports
    """The heartbeat file cannot be read as one."""


@dataclass(frozen=True)
class BeatState:
    pid: int
    last_beat: float
    clean_stop: bool


class Heartbeat:
    """Writes the agent's last sign of life; reports tamper through ``on_tamper``."""

    def __init__(
        self,
        owner: str,
        on_tamper: TamperRecorder,
        *,
        folder: Path | None = None,
        interval_s: float = HEARTBEAT_INTERVAL_S,
        clock: Callable[[], float] = time.time,
    ) -> None:
        safe_owner = "".join(c for c in owner if c.isalnum() or c in "-_") or "user"
        self.path = (folder or data_dir() / "agent") / f"{safe_owner}.json"
        self.interval_s, self._clock, self._on_tamper = interval_s, clock, on_tamper
        self._last = 0.0

    def start(self) -> None:
        """Called once when the agent starts: a previous run that never stopped cleanly counts."""
        try:
            previous = self.read()
        except HeartbeatDamaged:  # removed and replaced, or garbled: no goodbye was said
            previous = BeatState(0, 0.0, clean_stop=False)
        if previous is not None and not previous.clean_stop:
            self._on_tamper("agent_stopped")
        self._last = self._clock()
        self._write(clean_stop=False)

    def beat(self) -> None:
        now = self._clock()
        if self._last and now - self._last > self.interval_s * LATE_FACTOR:
            self._on_tamper("heartbeat_missed")
        self._last = now
        self._write(clean_stop=False)

    def stop(self) -> None:
        """A clean quit (log-out, shutdown, or a guardian closing it)."""
        self._write(clean_stop=True)

    def read(self) -> BeatState | None:
        """The last run's sign of life; None if the agent never ran for this account."""
        try:
            raw = read_json(self.path)
            if raw is None:
                return None
            return BeatState(int(raw["pid"]), float(raw["last_beat"]), bool(raw["clean_stop"]))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise HeartbeatDamaged(type(exc).__name__) from exc

    def _write(self, *, clean_stop: bool) -> None:
        value = {"pid": os.getpid(), "last_beat": self._clock(), "clean_stop": clean_stop}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_json(self.path, value, mode=0o600)
        except OSError:
            pass  # a full disk must not stop the protection; the next beat tries again


# --- autostart at login -------------------------------------------------------------------


def agent_command() -> list[str]:
    """How the agent is started: this Python running `safelens agent`."""
    return [sys.executable, "-m", "desktop_app", "agent"]


@dataclass(frozen=True)
class AutostartEntry:
    """One file (Linux .desktop, macOS LaunchAgent) or registry value (Windows) to write."""

    platform: str
    location: str
    content: bytes | str


def autostart_entry(
    platform: str = sys.platform, home: Path | None = None, command: Sequence[str] | None = None
) -> AutostartEntry:
    command = list(command or agent_command())
    home = home or Path.home()
    if platform.startswith("win"):
        return AutostartEntry("windows", RUN_KEY, _windows_command(command))
    if platform == "darwin":
        plist: dict[str, Any] = {
            "Label": LAUNCH_AGENT_LABEL,
            "ProgramArguments": command,
            "RunAtLoad": True,
            "KeepAlive": {"SuccessfulExit": False},  # restarted if killed, not if quit
            "ProcessType": "Interactive",
        }
        path = home / "Library" / "LaunchAgents" / f"{LAUNCH_AGENT_LABEL}.plist"
        return AutostartEntry("macos", str(path), plistlib.dumps(plist))
    config = Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config")
    desktop = desktop_entry(command)
    return AutostartEntry("linux", str(config / "autostart" / f"{AUTOSTART_NAME}.desktop"), desktop)


def desktop_entry(command: Sequence[str]) -> str:
    """The XDG autostart entry that starts the agent: an account's own (single-account
    mode), or the system-wide one, ``packaging/linux/safelens-agent.desktop`` with
    ``SYSTEM_AGENT_COMMAND`` (machine mode, in /etc/xdg/autostart for every account)."""
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            "Name=SafeLens",
            "Comment=Keeps pictures that may be sensitive hidden until you choose",
            f"Exec={shlex.join(command)}",
            "X-GNOME-Autostart-enabled=true",
            "NoDisplay=true",
            "",
        ]
    )


SYSTEM_AGENT_COMMAND = ("safelens", "agent")  # on the PATH of every account (the package)


class RegistryWriter(Protocol):
    def set_run_value(self, name: str, command: str) -> None: ...
    def delete_run_value(self, name: str) -> None: ...


def install_autostart(entry: AutostartEntry, registry: RegistryWriter | None = None) -> None:
    if entry.platform == "windows":
        (registry or _WinRegistry()).set_run_value("SafeLens", str(entry.content))
        return
    data = entry.content.encode() if isinstance(entry.content, str) else entry.content
    path = Path(entry.location)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, data, mode=0o644)


def remove_autostart(entry: AutostartEntry, registry: RegistryWriter | None = None) -> None:
    if entry.platform == "windows":
        (registry or _WinRegistry()).delete_run_value("SafeLens")
        return
    Path(entry.location).unlink(missing_ok=True)


def _windows_command(command: Sequence[str]) -> str:
    return " ".join(f'"{part}"' if " " in part else part for part in command)


class _WinRegistry:  # pragma: no cover - Windows only; tests use a fake writer
    def set_run_value(self, name: str, command: str) -> None:
        import winreg  # type: ignore[import-not-found,unused-ignore]

        with winreg.CreateKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:  # type: ignore[attr-defined,unused-ignore]
            winreg.SetValueEx(key, name, 0, winreg.REG_SZ, command)  # type: ignore[attr-defined,unused-ignore]

    def delete_run_value(self, name: str) -> None:
        import winreg  # type: ignore[import-not-found,unused-ignore]

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE) as key:  # type: ignore[attr-defined,unused-ignore]
                winreg.DeleteValue(key, name)  # type: ignore[attr-defined,unused-ignore]
        except FileNotFoundError:
            pass
