"""The service's folders: made with the right owners and modes, unsafe ones refused."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from desktop_app.service.paths import MachinePaths, UnsafeFolder


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def test_defaults_are_the_machine_places() -> None:
    paths = MachinePaths.default()
    assert (paths.root, paths.socket) == (
        Path("/var/lib/safelens"),
        Path("/run/safelens/service.sock"),
    )
    assert paths.guardian == Path("/var/lib/safelens/guardian")


def test_prepare_makes_an_open_root_with_private_folders(tmp_path: Path) -> None:
    paths = MachinePaths(root=tmp_path / "data", socket=tmp_path / "run" / "s.sock")
    paths.prepare()
    assert mode(paths.root) == 0o755
    assert mode(paths.socket.parent) == 0o755
    names = sorted(folder.name for folder in paths.private_folders)
    assert names == [
        "approvals",
        "events",
        "guardian",
        "quarantine",
        "sessions",
        "settings",
        "watching",
    ]
    for folder in paths.private_folders:
        assert mode(folder) == 0o700
        assert os.lstat(folder).st_uid == os.geteuid()
    paths.prepare()  # again: nothing changes, nothing fails
    assert mode(paths.guardian) == 0o700


def test_prepare_closes_a_private_folder_that_was_opened_for_reading(tmp_path: Path) -> None:
    paths = MachinePaths(root=tmp_path / "data", socket=tmp_path / "run" / "s.sock")
    paths.prepare()
    os.chmod(paths.guardian, 0o755)
    paths.prepare()
    assert mode(paths.guardian) == 0o700


@pytest.mark.parametrize("folder", ["root", "guardian", "socket folder"])
def test_a_folder_others_can_write_is_refused(tmp_path: Path, folder: str) -> None:
    paths = MachinePaths(root=tmp_path / "data", socket=tmp_path / "run" / "s.sock")
    paths.prepare()
    target = {"root": paths.root, "guardian": paths.guardian, "socket folder": paths.socket.parent}
    os.chmod(target[folder], 0o777)
    with pytest.raises(UnsafeFolder):
        paths.prepare()
    assert mode(target[folder]) == 0o777  # refused, not silently "fixed"


def test_a_symlinked_folder_is_refused(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    paths = MachinePaths(root=tmp_path / "data", socket=tmp_path / "run" / "s.sock")
    paths.root.mkdir(mode=0o755)
    paths.settings.symlink_to(elsewhere)
    with pytest.raises(UnsafeFolder):
        paths.prepare()


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a folder to another account needs root")
def test_a_folder_owned_by_another_account_is_refused(tmp_path: Path) -> None:
    paths = MachinePaths(root=tmp_path / "data", socket=tmp_path / "run" / "s.sock")
    paths.prepare()
    os.chown(paths.approvals, 65534, 65534)  # nobody
    with pytest.raises(UnsafeFolder):
        paths.prepare()
