"""Root in a child's folder never follows the child's symlink (issue 11: protection must hold).

The service runs as root and moves files out of a child's folders (quarantine) and back in
(restore). Between a check and a move the child can swap a folder on the path for a
symlink to a victim folder (``/etc``, another child's home). These tests do that swap at
the worst moment (the ``same_volume`` hook runs after every check, right before the move)
or have the symlink there from the start, and check that the victim's folder is never
touched, that the child's file is hidden or the operation refused (fail closed), and that
a restored file is its folder owner's with its original mode.

Needs root (CI runs as root): the child is only a uid given to the folders with chown.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from desktop_app import SensitivityAnalyzer
from desktop_app.surfaces.contacts import ContactsError, sanitise_vcard_file
from desktop_app.surfaces.quarantine import (
    Quarantine,
    QuarantineEntry,
    QuarantineError,
    QuarantineReason,
)
from desktop_app.surfaces.quarantine_files import CRASH_ENV
from tests.helpers import vcards

CHILD = (54321, 54321)  # no account needed: root may give a file to any uid
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _as_root() -> None:
    reason = "only root acts in another account's folder"
    if os.name == "posix" and os.geteuid() == 0:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI must run these as root: {reason}")
    pytest.skip(f"Not root: {reason}")


class Home:
    """A child's home with Downloads, and a victim folder the child wants root to act in."""

    def __init__(self, tmp_path: Path) -> None:
        self.child = tmp_path / "home" / "child"
        self.downloads = self.child / "Downloads"
        self.victim = tmp_path / "victim"
        self.downloads.mkdir(parents=True)
        for folder in (self.child, self.downloads):
            os.chown(folder, *CHILD)
            os.chmod(folder, 0o700)
        self.victim.mkdir(mode=0o755)
        (self.victim / "photo.png").write_bytes(b"the victim's own file")
        self.photo = self.downloads / "photo.png"
        self.photo.write_bytes(b"the child's picture")
        os.chown(self.photo, *CHILD)
        os.chmod(self.photo, 0o640)
        self.quarantine_root = tmp_path / "quarantine"

    def swap(self) -> None:
        """What the child does: their real Downloads moves aside, a symlink takes its name."""
        self.downloads.rename(self.child / "Downloads.real")
        self.downloads.symlink_to(self.victim, target_is_directory=True)

    def victim_untouched(self) -> bool:
        names = sorted(p.name for p in self.victim.iterdir())
        kept = (self.victim / "photo.png").read_bytes() == b"the victim's own file"
        info = os.lstat(self.victim / "photo.png")
        return names == ["photo.png"] and kept and (info.st_uid, info.st_gid) == (0, 0)

    def store(self, same_volume: Callable[[Path, Path], bool] | None = None) -> Quarantine:
        return Quarantine(self.quarantine_root, same_volume=same_volume)


@pytest.fixture
def home(tmp_path: Path) -> Home:
    return Home(tmp_path)


def swapping(home: Home, *, same: bool) -> Callable[[Path, Path], bool]:
    """A same_volume hook that swaps the child's folder the first time it is asked."""
    done: list[bool] = []

    def hook(_a: Path, _b: Path) -> bool:
        if not done:
            done.append(True)
            home.swap()
        return same

    return hook


def add(store: Quarantine, path: Path) -> str:
    entry = store.add(path, reason=QuarantineReason.sensitive, surface="share_folders")
    return entry.id


@pytest.mark.parametrize("same", [True, False], ids=["same volume", "across volumes"])
def test_a_folder_swapped_during_add_never_moves_the_victims_file(home: Home, same: bool) -> None:
    store = home.store(swapping(home, same=same))
    entry_id = add(store, home.photo)
    assert home.victim_untouched()
    assert store.read_bytes(entry_id) == b"the child's picture"  # hidden: the child's own file
    assert not (home.child / "Downloads.real" / "photo.png").exists()


def test_a_symlinked_folder_on_the_way_is_refused_and_nothing_moves(home: Home) -> None:
    home.swap()
    store = home.store()
    with pytest.raises(QuarantineError):
        add(store, home.photo)  # …/Downloads -> victim: never walked through
    assert home.victim_untouched()
    assert store.entries() == []
    assert (home.child / "Downloads.real" / "photo.png").read_bytes() == b"the child's picture"
    # the service goes on: the next add of a file in a real folder works
    assert store.read_bytes(add(store, home.child / "Downloads.real" / "photo.png"))


def test_restore_into_a_symlinked_folder_is_refused_and_the_file_stays_hidden(
    home: Home,
) -> None:
    store = home.store()
    entry_id = add(store, home.photo)
    home.swap()
    with pytest.raises(QuarantineError):
        store.restore(entry_id)
    assert home.victim_untouched()
    assert store.read_bytes(entry_id) == b"the child's picture"


@pytest.mark.parametrize("same", [True, False], ids=["same volume", "across volumes"])
def test_a_folder_swapped_during_restore_never_receives_the_file(home: Home, same: bool) -> None:
    entry_id = add(home.store(), home.photo)
    store = home.store(swapping(home, same=same))  # restore asks same_volume before placing
    store.restore(entry_id)
    assert home.victim_untouched()
    assert (home.child / "Downloads.real" / "photo.png").read_bytes() == b"the child's picture"


@pytest.mark.parametrize("same", [True, False], ids=["same volume", "across volumes"])
def test_a_restored_file_is_its_folders_owners_with_its_original_mode(
    home: Home, same: bool
) -> None:
    store = home.store(lambda _a, _b: same)
    entry_id = add(store, home.photo)
    restored = store.restore(entry_id)
    info = os.lstat(restored)
    assert restored == home.photo
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (*CHILD, 0o640)


def test_a_folder_restore_makes_again_is_its_parents_owners(home: Home) -> None:
    store = home.store()
    entry_id = add(store, home.photo)
    home.downloads.rmdir()
    restored = store.restore(entry_id)
    assert restored == home.photo
    assert (os.lstat(home.downloads).st_uid, os.lstat(restored).st_uid) == (CHILD[0], CHILD[0])


def test_a_folder_swapped_before_a_sanitised_vcard_is_written_gets_nothing(
    home: Home, analyzer: SensitivityAnalyzer
) -> None:
    arriving = home.downloads / "friends.vcf"
    original = vcards.card30("Sam", vcards.pattern_png()).encode()
    arriving.write_bytes(original)
    os.chown(arriving, *CHILD)
    (home.victim / "friends.vcf").write_bytes(b"the victim's contacts")

    class SwapAfterTheWholeFile(Quarantine):
        def add(self, path: Path, **kwargs: Any) -> QuarantineEntry:
            entry = super().add(path, **kwargs)
            if path == arriving:
                home.swap()  # the original is safe in quarantine; now the child swaps
            return entry

    store = SwapAfterTheWholeFile(home.quarantine_root)
    with pytest.raises(ContactsError):
        sanitise_vcard_file(arriving, analyzer, store, fail_closed=True, profile_id="kid")
    assert (home.victim / "friends.vcf").read_bytes() == b"the victim's contacts"
    assert sorted(p.name for p in home.victim.iterdir()) == ["friends.vcf", "photo.png"]
    whole = [e for e in store.entries() if e.original_path == str(arriving)]
    assert store.read_bytes(whole[0].id) == original  # nothing lost: the original is hidden


# --- recovery of a half-done move (the service killed mid-move, restarted as root) ---------

HALF_DONE = """
import sys
from pathlib import Path
from desktop_app.surfaces.quarantine import Quarantine
root, op, arg = sys.argv[1:4]
store = Quarantine(Path(root), same_volume=lambda _a, _b: False)  # across volumes: a copy
if op == "add":
    store.add(Path(arg), reason="sensitive", surface="share_folders")
else:
    store.restore(arg)
"""


def killed_at(step: str, home: Home, op: str, arg: str) -> None:
    """Run one quarantine operation in a process killed (SIGKILL) at ``step``."""
    env = {**os.environ, CRASH_ENV: step}
    command = [sys.executable, "-c", HALF_DONE, str(home.quarantine_root), op, arg]
    done = subprocess.run(command, env=env, cwd=REPO, capture_output=True, check=False)
    assert done.returncode == -signal.SIGKILL, done.stderr.decode(errors="replace")


def test_a_half_done_add_recovered_through_a_swapped_folder_removes_nothing_there(
    home: Home,
) -> None:
    """Killed with the copy stored and the original still in Downloads; the child swaps
    Downloads for a link to a folder holding the same bytes under the same name (which
    recovery, following the link, would take for the original and remove)."""
    home.store()
    killed_at("add:stored", home, "add", str(home.photo))
    assert len(list((home.quarantine_root / "journal").glob("*.json"))) == 1
    (home.victim / "photo.png").write_bytes(b"the child's picture")
    home.swap()
    store = home.store()  # opening recovers
    assert (home.victim / "photo.png").read_bytes() == b"the child's picture"
    assert sorted(p.name for p in home.victim.iterdir()) == ["photo.png"]
    (entry,) = store.entries()
    assert store.read_bytes(entry.id) == b"the child's picture"  # still hidden, once
    assert list((home.quarantine_root / "journal").glob("*.json")) == []
    assert (home.child / "Downloads.real" / "photo.png").exists()  # not reached: left alone


def test_a_half_done_restore_recovered_through_a_swapped_folder_keeps_the_file_hidden(
    home: Home,
) -> None:
    """Killed with the copy in a temp file next to the target; the child swaps the folder
    for a link to one holding that temp name and the same bytes under the target's name
    (which recovery, following the link, would take for a finished restore)."""
    entry_id = add(home.store(), home.photo)
    killed_at("restore:copied", home, "restore", entry_id)
    temp_name = f".{entry_id}.restore.tmp"
    assert (home.downloads / temp_name).exists()
    (home.victim / temp_name).write_bytes(b"the victim's own file")
    (home.victim / "photo.png").write_bytes(b"the child's picture")
    home.swap()
    store = home.store()  # opening recovers
    assert (home.victim / temp_name).read_bytes() == b"the victim's own file"
    assert sorted(p.name for p in home.victim.iterdir()) == [temp_name, "photo.png"]
    assert store.read_bytes(entry_id) == b"the child's picture"  # hidden, not lost
    assert [e.id for e in store.entries()] == [entry_id]
    assert list((home.quarantine_root / "journal").glob("*.json")) == []


def test_a_half_done_restore_in_a_real_folder_is_still_finished(home: Home) -> None:
    """Without any swap, recovery rolls a restore back or forward as before."""
    entry_id = add(home.store(), home.photo)
    killed_at("restore:placed", home, "restore", entry_id)
    store = home.store()
    assert store.entries() == []
    assert home.photo.read_bytes() == b"the child's picture"
    assert sorted(p.name for p in home.downloads.iterdir()) == ["photo.png"]
