"""The system-wide autostart entry that starts the agent for every account (machine mode)."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from desktop_app.surfaces.agent import SYSTEM_AGENT_COMMAND, desktop_entry

ENTRY = Path(__file__).resolve().parents[2] / "packaging" / "linux" / "safelens-agent.desktop"


def test_the_committed_entry_is_the_one_the_code_writes() -> None:
    assert ENTRY.read_text(encoding="utf-8") == desktop_entry(SYSTEM_AGENT_COMMAND)


class CaseKept(configparser.ConfigParser):
    """Desktop entry keys are case-sensitive."""

    def optionxform(self, optionstr: str) -> str:
        return optionstr


def test_it_starts_the_agent_at_every_login_without_a_menu_item() -> None:
    parser = CaseKept(interpolation=None)
    parser.read(ENTRY, encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert (entry["Type"], entry["Exec"]) == ("Application", "safelens agent")
    assert (entry["X-GNOME-Autostart-enabled"], entry["NoDisplay"]) == ("true", "true")
    assert "Hidden" not in entry and "OnlyShowIn" not in entry and "NotShowIn" not in entry


def test_desktop_file_validate_accepts_it() -> None:
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        if os.environ.get("CI") == "true":
            pytest.fail("desktop-file-validate is missing (.ci/run installs desktop-file-utils)")
        pytest.skip("desktop-file-validate is not installed (package desktop-file-utils)")
    done = subprocess.run([tool, str(ENTRY)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip() == ""  # not even a hint
