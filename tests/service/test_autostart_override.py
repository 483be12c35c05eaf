"""The guardian sees when a child's account replaces the agent's system-wide autostart entry.

By the XDG autostart rules a file of the same name in ``~/.config/autostart`` replaces the
system's entry for that account (``Hidden=true`` stops the agent at login). The service
cannot stop that, but `status` says so for every protected account.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop_app.service.health import autostart_overridden

HIDING = "[Desktop Entry]\nType=Application\nName=SafeLens\nHidden=true\n"


def test_an_account_without_its_own_entry_is_not_overridden(tmp_path: Path) -> None:
    assert autostart_overridden(tmp_path) is False
    (tmp_path / ".config" / "autostart").mkdir(parents=True)
    (tmp_path / ".config" / "autostart" / "other-app.desktop").write_text(HIDING)
    assert autostart_overridden(tmp_path) is False


def test_a_same_named_entry_in_the_account_is_seen(tmp_path: Path) -> None:
    autostart = tmp_path / ".config" / "autostart"
    autostart.mkdir(parents=True)
    (autostart / "safelens-agent.desktop").write_text(HIDING)
    assert autostart_overridden(tmp_path) is True


def test_a_dangling_symlink_named_like_the_entry_is_seen(tmp_path: Path) -> None:
    autostart = tmp_path / ".config" / "autostart"
    autostart.mkdir(parents=True)
    (autostart / "safelens-agent.desktop").symlink_to(tmp_path / "nowhere")
    assert autostart_overridden(tmp_path) is True


@pytest.mark.skipif(os.geteuid() != 0, reason="root walks a child's folders strictly")
def test_as_root_a_symlinked_autostart_folder_counts_as_overridden(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "safelens-agent.desktop").write_text(HIDING)
    home = tmp_path / "home"
    (home / ".config").mkdir(parents=True)
    (home / ".config" / "autostart").symlink_to(elsewhere)
    assert autostart_overridden(home) is True
