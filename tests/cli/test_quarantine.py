"""`safelens quarantine list|restore|delete`: what a guardian sees and may do, with exit codes."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import keyring
import pytest

from desktop_app import SensitivityAnalyzer, __version__
from desktop_app.analysis import testpattern
from desktop_app.cli import quarantine as quarantine_cli
from desktop_app.cli import run
from desktop_app.policy.editor import GuardianSettings
from desktop_app.policy.guardian import SERVICE, USERNAME, GuardianPin, ScryptCost
from desktop_app.surfaces.quarantine import Quarantine, QuarantineEntry
from desktop_app.surfaces.share_folders import FolderEventKind
from tests.helpers.keyring import MemoryKeyring
from tests.helpers.share_folders import child_watch_pass

FAST = ScryptCost(n=2**10, r=8, p=1)
PIN = "918273"
REPO = Path(__file__).resolve().parents[2]


def safelens(*args: str) -> int:
    return run(list(args), __version__)


@pytest.fixture(autouse=True)
def own_keyring() -> Iterator[None]:
    """The CLI and the test share one keyring of their own: never the session's real one
    (in CI a real Secret Service runs, and a PIN left there by another test would stay)."""
    before = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield
    keyring.set_keyring(before)


@pytest.fixture
def held(tmp_path: Path) -> tuple[Path, list[QuarantineEntry]]:
    """Two files hidden by the share-folder watcher, in the default quarantine."""
    inbox = tmp_path / "Downloads"
    inbox.mkdir()
    store = Quarantine()
    entries = []
    for name, data, reason in [
        ("a.jpg", b"aaa", "sensitive"),
        ("b.mp4", b"b" * 2500, "could_not_check"),
    ]:
        (inbox / name).write_bytes(data)
        entries.append(store.add(inbox / name, reason=reason, surface="share_folders"))
    return inbox, entries


@pytest.fixture
def not_admin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(quarantine_cli, "is_admin", lambda: False)


def test_an_empty_quarantine(capsys: pytest.CaptureFixture[str]) -> None:
    assert safelens("quarantine", "list") == 0
    assert capsys.readouterr().out == "No files in quarantine.\n"
    assert safelens("quarantine", "list", "--json") == 0
    assert json.loads(capsys.readouterr().out) == []


def test_list_shows_the_guardian_each_file(
    held: tuple[Path, list[QuarantineEntry]], capsys: pytest.CaptureFixture[str]
) -> None:
    inbox, entries = held
    assert safelens("quarantine", "list", "--json") == 0
    assert json.loads(capsys.readouterr().out) == [e.to_json() for e in entries]
    assert safelens("quarantine", "list") == 0
    header, *rows = capsys.readouterr().out.splitlines()
    assert header.split()[:2] == ["ID", "QUARANTINED"]
    assert [row.split()[0] for row in rows] == [e.id for e in entries]
    assert "sensitive" in rows[0] and "3 B" in rows[0] and str(inbox / "a.jpg") in rows[0]
    assert "could_not_check" in rows[1] and "2.5 KB" in rows[1] and "share_folders" in rows[1]


def test_an_administrator_restores_and_deletes(
    held: tuple[Path, list[QuarantineEntry]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(quarantine_cli, "is_admin", lambda: True)
    GuardianPin(cost=FAST).set_pin(PIN)  # an administrator needs no PIN
    inbox, (first, second) = held
    (inbox / "a.jpg").write_bytes(b"a new file with the same name")
    assert safelens("quarantine", "restore", first.id) == 0
    assert capsys.readouterr().out == f"Restored to {inbox / 'a (restored).jpg'}\n"
    assert (inbox / "a (restored).jpg").read_bytes() == b"aaa"
    assert (inbox / "a.jpg").read_bytes() == b"a new file with the same name"
    assert safelens("quarantine", "restore", second.id, "--to", str(tmp_path / "kept")) == 0
    assert (tmp_path / "kept" / "b.mp4").read_bytes() == b"b" * 2500
    assert Quarantine().entries() == []


def test_delete_for_good(
    held: tuple[Path, list[QuarantineEntry]], capsys: pytest.CaptureFixture[str]
) -> None:
    inbox, (first, second) = held  # no PIN set up yet, and this user owns SafeLens' folder
    assert safelens("quarantine", "delete", first.id) == 0
    assert capsys.readouterr().out == "Deleted for good.\n"
    assert Quarantine().entries() == [second]
    assert list(inbox.iterdir()) == []


def test_errors_are_one_clear_line(
    held: tuple[Path, list[QuarantineEntry]], capsys: pytest.CaptureFixture[str]
) -> None:
    _inbox, (first, _second) = held
    capsys.readouterr()
    assert safelens("quarantine", "restore", "0123456789abcdef") == 1
    assert capsys.readouterr().err == "safelens: No quarantined file has this id.\n"
    (Quarantine().root / "files" / first.id).write_bytes(b"altered")
    assert safelens("quarantine", "restore", first.id) == 1
    assert capsys.readouterr().err.count("\n") == 1
    assert safelens("quarantine") == 2
    assert safelens("quarantine", "restore") == 2
    assert safelens("quarantine", "empty") == 2


def test_with_a_pin_set_a_non_administrator_needs_it(
    held: tuple[Path, list[QuarantineEntry]],
    not_admin: None,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    inbox, (first, _second) = held
    GuardianPin(cost=FAST).set_pin(PIN)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert safelens("quarantine", "restore", first.id) == 4
    assert "needs the guardian PIN" in capsys.readouterr().err
    monkeypatch.setattr(sys, "stdin", io.StringIO("000000\n"))
    assert safelens("quarantine", "restore", first.id, "--pin-stdin") == 4
    assert capsys.readouterr().err == "safelens: that PIN is not right.\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO("000000\n"))
    assert safelens("quarantine", "delete", first.id, "--pin-stdin") == 4
    assert not (inbox / "a.jpg").exists()
    assert Quarantine().get(first.id) == first
    monkeypatch.setattr(sys, "stdin", io.StringIO(PIN + "\n"))
    assert safelens("quarantine", "restore", first.id, "--pin-stdin") == 0
    assert (inbox / "a.jpg").read_bytes() == b"aaa"


def test_a_vanished_pin_needs_an_administrator(
    held: tuple[Path, list[QuarantineEntry]],
    not_admin: None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _inbox, (first, _second) = held
    GuardianPin(cost=FAST).set_pin(PIN)
    keyring.get_keyring().delete_password(SERVICE, USERNAME)  # someone removed the PIN
    assert GuardianPin(cost=FAST).status() == "missing"
    assert safelens("quarantine", "delete", first.id) == 4
    assert "administrator" in capsys.readouterr().err
    assert Quarantine().get(first.id) == first


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("setpriv"),
    reason="needs root to run the command as another account",
)
def test_another_account_cannot_touch_the_quarantine() -> None:
    """A real process as 'nobody': the private folder is not theirs, so it is refused (4)."""
    home = Path(tempfile.mkdtemp(prefix="safelens-q-"))
    try:
        home.chmod(0o755)
        photo = home / "a.jpg"
        photo.write_bytes(b"aaa")
        entry = Quarantine(home / "quarantine").add(photo, reason="sensitive", surface="cli")
        command = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
        command += [sys.executable, "-m", "desktop_app", "quarantine", "delete", entry.id]
        env = {**os.environ, "SAFELENS_HOME": str(home)}
        result = subprocess.run(
            command, capture_output=True, text=True, timeout=120, env=env, cwd=REPO, check=False
        )
        assert result.returncode == 4, result.stderr
        assert "guardian's account or an administrator" in result.stderr
        assert Quarantine(home / "quarantine").get(entry.id) == entry
    finally:
        shutil.rmtree(home)


@pytest.mark.parametrize("proof", ["administrator", "pin"])
def test_a_restored_file_in_a_watched_folder_stays_after_the_next_pass(
    analyzer: SensitivityAnalyzer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    proof: str,
) -> None:
    """Restore approves the bytes for the child first, as the console does (it did not)."""
    child = GuardianSettings().add_profile("Maya", "maya", datetime.now(UTC).year - 9)
    inbox = tmp_path / "Downloads"
    inbox.mkdir()
    testpattern.write_image(inbox / "shared.png")
    hidden = child_watch_pass(inbox, analyzer, child.id)
    assert [e.event for e in hidden] == [FolderEventKind.QUARANTINED]
    entry_id = str(hidden[0].quarantine_id)
    monkeypatch.setattr(quarantine_cli, "is_admin", lambda: proof == "administrator")
    GuardianPin(cost=FAST).set_pin(PIN)
    monkeypatch.setattr(sys, "stdin", io.StringIO(PIN + "\n"))
    assert safelens("quarantine", "restore", entry_id, "--pin-stdin") == 0, capsys.readouterr()
    assert (inbox / "shared.png").exists()

    again = child_watch_pass(inbox, analyzer, child.id)
    assert [e.event for e in again] == [FolderEventKind.CHECKED]
    assert (inbox / "shared.png").exists() and Quarantine().entries() == []
