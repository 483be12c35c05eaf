"""Quarantine: files are hidden without loss, come back intact and never overwrite anything."""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import stat
from pathlib import Path

import pytest

from desktop_app.core.storage import StorageError
from desktop_app.surfaces import quarantine_files
from desktop_app.surfaces.quarantine import (
    EntryNotFound,
    FileChanged,
    IntegrityError,
    NotAFile,
    Quarantine,
    QuarantineEntry,
    QuarantineError,
    QuarantineFull,
    QuarantineReason,
    SourceVanished,
    SymlinkRefused,
)


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def all_files(*folders: Path) -> list[Path]:
    return sorted(p for folder in folders for p in folder.rglob("*") if p.is_file())


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "Downloads"
    folder.mkdir()
    return folder


@pytest.fixture
def quarantine(tmp_path: Path) -> Quarantine:
    return Quarantine(tmp_path / "quarantine")


def test_the_default_place_is_private_in_the_data_folder() -> None:
    store = Quarantine()
    assert store.root == Path(os.environ["SAFELENS_HOME"]) / "quarantine"
    if os.name == "posix":
        assert stat.S_IMODE(store.root.stat().st_mode) == 0o700


def test_a_quarantined_file_is_hidden_under_an_opaque_name(
    quarantine: Quarantine, inbox: Path
) -> None:
    photo = inbox / "beach party.jpg"
    photo.write_bytes(b"not really a jpeg")
    entry = quarantine.add(
        photo, reason=QuarantineReason.sensitive, surface="share_folders", profile_id="kid1"
    )
    assert not photo.exists()
    assert len(entry.id) >= 12 and int(entry.id, 16) >= 0
    assert entry.original_path == str(photo)
    assert (entry.sha256, entry.size) == (sha(b"not really a jpeg"), 17)
    assert entry.reason is QuarantineReason.sensitive and entry.profile_id == "kid1"
    assert quarantine.entries() == [entry] and quarantine.get(entry.id) == entry
    assert quarantine.read_bytes(entry.id) == b"not really a jpeg"
    stored = all_files(quarantine.root / "files")
    assert [p.name for p in stored] == [entry.id]
    assert not [p for p in quarantine.root.rglob("*") if "beach" in p.name]
    if os.name == "posix":
        assert stat.S_IMODE(stored[0].stat().st_mode) == 0o600


def test_entries_survive_reopening_and_are_listed_oldest_first(
    quarantine: Quarantine, inbox: Path
) -> None:
    added = []
    for n in range(3):
        (inbox / f"{n}.png").write_bytes(bytes([n]) * 10)
        added.append(quarantine.add(inbox / f"{n}.png", reason="could_not_check", surface="cli"))
    reopened = Quarantine(quarantine.root)
    assert reopened.entries() == added
    assert QuarantineEntry.from_json(added[0].to_json()) == added[0]
    assert added[0].to_json()["reason"] == "could_not_check"


def test_restore_puts_it_back_and_never_overwrites(quarantine: Quarantine, inbox: Path) -> None:
    photo = inbox / "cat.jpg"
    photo.write_bytes(b"first")
    first = quarantine.add(photo, reason="sensitive", surface="share_folders")
    photo.write_bytes(b"second")
    second = quarantine.add(photo, reason="sensitive", surface="share_folders")
    photo.write_bytes(b"someone else's")
    assert quarantine.restore(first.id) == inbox / "cat (restored).jpg"
    assert quarantine.restore(second.id) == inbox / "cat (restored 2).jpg"
    assert photo.read_bytes() == b"someone else's"
    assert (inbox / "cat (restored).jpg").read_bytes() == b"first"
    assert (inbox / "cat (restored 2).jpg").read_bytes() == b"second"
    assert quarantine.entries() == []
    assert all_files(quarantine.root / "files", quarantine.root / "journal") == []
    with pytest.raises(EntryNotFound):
        quarantine.get(first.id)


def test_restore_recreates_a_vanished_folder_or_goes_where_asked(
    quarantine: Quarantine, tmp_path: Path
) -> None:
    folder = tmp_path / "gone" / "deeper"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_bytes(b"a")
    entry = quarantine.add(folder / "a.txt", reason="sensitive", surface="cli")
    folder.rmdir()
    assert quarantine.restore(entry.id) == folder / "a.txt"
    assert (folder / "a.txt").read_bytes() == b"a"
    entry = quarantine.add(folder / "a.txt", reason="sensitive", surface="cli")
    assert quarantine.restore(entry.id, to=tmp_path / "elsewhere") == tmp_path / "elsewhere/a.txt"


def test_restore_refuses_an_altered_copy(quarantine: Quarantine, inbox: Path) -> None:
    (inbox / "a.jpg").write_bytes(b"original")
    entry = quarantine.add(inbox / "a.jpg", reason="sensitive", surface="cli")
    (quarantine.root / "files" / entry.id).write_bytes(b"tampered")
    with pytest.raises(IntegrityError):
        quarantine.restore(entry.id)
    with pytest.raises(IntegrityError):
        quarantine.read_bytes(entry.id)
    assert not (inbox / "a.jpg").exists()
    assert quarantine.get(entry.id) == entry


def test_delete_is_for_good(quarantine: Quarantine, inbox: Path) -> None:
    (inbox / "a.jpg").write_bytes(b"x")
    entry = quarantine.add(inbox / "a.jpg", reason="sensitive", surface="cli")
    quarantine.delete(entry.id)
    assert quarantine.entries() == []
    assert all_files(quarantine.root, inbox) == [quarantine.root / "lock"]
    with pytest.raises(EntryNotFound):
        quarantine.delete(entry.id)
    with pytest.raises(EntryNotFound):
        quarantine.get("../../etc/passwd")


def test_bytes_are_kept_for_a_contacts_original_photo(
    quarantine: Quarantine, tmp_path: Path
) -> None:
    entry = quarantine.add_bytes(
        b"\x89PNG photo",
        original_path=str(tmp_path / "friends.vcf"),
        reason="sensitive",
        surface="contacts",
    )
    assert quarantine.read_bytes(entry.id) == b"\x89PNG photo"
    assert not (tmp_path / "friends.vcf").exists()
    out = quarantine.restore(entry.id, to=tmp_path / "out")
    assert out.read_bytes() == b"\x89PNG photo"


def test_a_symlink_a_folder_or_a_vanished_file_is_refused_and_nothing_recorded(
    quarantine: Quarantine, inbox: Path, tmp_path: Path
) -> None:
    secret = tmp_path / "outside.jpg"
    secret.write_bytes(b"outside")
    (inbox / "link.jpg").symlink_to(secret)
    with pytest.raises(SymlinkRefused):
        quarantine.add(inbox / "link.jpg", reason="sensitive", surface="share_folders")
    with pytest.raises(NotAFile):
        quarantine.add(inbox, reason="sensitive", surface="share_folders")
    with pytest.raises(SourceVanished):
        quarantine.add(inbox / "never.jpg", reason="sensitive", surface="share_folders")
    assert secret.read_bytes() == b"outside" and (inbox / "link.jpg").is_symlink()
    assert quarantine.entries() == []
    assert all_files(quarantine.root) == [quarantine.root / "lock"]


def test_a_full_disk_leaves_the_file_where_it_was(
    quarantine: Quarantine, inbox: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (inbox / "a.jpg").write_bytes(b"keep me")

    def full(*_args: object, **_kwargs: object) -> None:
        raise StorageError("no space") from OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("desktop_app.surfaces.quarantine_journal.atomic_write_json", full)
    with pytest.raises(QuarantineFull):
        quarantine.add(inbox / "a.jpg", reason="sensitive", surface="cli")
    assert (inbox / "a.jpg").read_bytes() == b"keep me"
    monkeypatch.undo()
    assert quarantine.entries() == []
    assert Quarantine(quarantine.root).recover() == 0


def test_a_full_disk_during_a_copy_across_volumes(
    tmp_path: Path, inbox: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Quarantine(tmp_path / "q", same_volume=lambda _a, _b: False)
    (inbox / "a.jpg").write_bytes(b"keep me")

    def full(_source: Path, temp: Path, _mode: int) -> tuple[str, int]:
        temp.write_bytes(b"kee")
        temp.unlink()
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(quarantine_files, "copy_new", full)
    with pytest.raises(QuarantineFull):
        store.add(inbox / "a.jpg", reason="sensitive", surface="cli")
    assert (inbox / "a.jpg").read_bytes() == b"keep me"
    assert store.entries() == []
    assert all_files(store.root) == [store.root / "lock"]


def test_a_file_changing_during_a_copy_is_left_in_place(
    tmp_path: Path, inbox: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Quarantine(tmp_path / "q", same_volume=lambda _a, _b: False)
    (inbox / "a.jpg").write_bytes(b"half")
    real_copy = quarantine_files.copy_new

    def grows(source: Path, temp: Path, mode: int) -> tuple[str, int]:
        with source.open("ab") as stream:
            stream.write(b" and the rest")
        return real_copy(source, temp, mode)

    monkeypatch.setattr(quarantine_files, "copy_new", grows)
    with pytest.raises(FileChanged):
        store.add(inbox / "a.jpg", reason="sensitive", surface="cli")
    assert (inbox / "a.jpg").read_bytes() == b"half and the rest"
    assert store.entries() == []


def test_cross_volume_moves_copy_then_remove(tmp_path: Path, inbox: Path) -> None:
    store = Quarantine(tmp_path / "q", same_volume=lambda _a, _b: False)
    (inbox / "a.jpg").write_bytes(b"x" * 3_000_000)
    entry = store.add(inbox / "a.jpg", reason="sensitive", surface="cli")
    assert list(inbox.iterdir()) == []
    assert store.restore(entry.id) == inbox / "a.jpg"
    assert sha((inbox / "a.jpg").read_bytes()) == entry.sha256
    assert all_files(store.root / "files") == []


@pytest.mark.skipif(
    not Path("/dev/shm").is_dir() or not os.access("/dev/shm", os.W_OK), reason="no /dev/shm"
)
def test_a_real_second_volume(tmp_path: Path, inbox: Path) -> None:
    other = Path("/dev/shm")
    if other.stat().st_dev == tmp_path.stat().st_dev:
        pytest.skip("/dev/shm is on the same volume here")
    root = other / f"safelens-test-{os.getpid()}-{tmp_path.name}"
    try:
        store = Quarantine(root)
        (inbox / "a.jpg").write_bytes(b"across")
        entry = store.add(inbox / "a.jpg", reason="sensitive", surface="cli")
        assert not (inbox / "a.jpg").exists()
        assert store.restore(entry.id).read_bytes() == b"across"
    finally:
        import shutil

        shutil.rmtree(root, ignore_errors=True)


def test_logs_hold_counts_never_names(
    quarantine: Quarantine, inbox: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    (inbox / "Secret Name.jpg").write_bytes(b"x")
    entry = quarantine.add(inbox / "Secret Name.jpg", reason="sensitive", surface="cli")
    quarantine.restore(entry.id)
    entry = quarantine.add(inbox / "Secret Name.jpg", reason="sensitive", surface="cli")
    quarantine.delete(entry.id)
    with pytest.raises(QuarantineError) as caught:
        quarantine.add(inbox / "Secret Name.jpg", reason="sensitive", surface="cli")
    assert caplog.records
    text = caplog.text + str(caught.value)
    assert "Secret" not in text and str(inbox) not in text and entry.sha256 not in text


def test_a_name_taken_at_the_last_moment_is_never_overwritten(
    quarantine: Quarantine, inbox: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (inbox / "a.jpg").write_bytes(b"ours")
    entry = quarantine.add(inbox / "a.jpg", reason="sensitive", surface="cli")
    real_place = quarantine_files.place_new

    def race(source: Path, target: Path, *, keep_source: bool = False) -> None:
        if target.name == "a.jpg":  # another program saves a file there first
            target.write_bytes(b"theirs")
        real_place(source, target, keep_source=keep_source)

    monkeypatch.setattr(quarantine_files, "place_new", race)
    assert quarantine.restore(entry.id) == inbox / "a (restored).jpg"
    assert (inbox / "a.jpg").read_bytes() == b"theirs"
    assert (inbox / "a (restored).jpg").read_bytes() == b"ours"


@pytest.mark.parametrize("same_volume", [True, False])
def test_without_hard_links_a_checked_rename_is_used(
    tmp_path: Path, inbox: Path, monkeypatch: pytest.MonkeyPatch, same_volume: bool
) -> None:
    """FAT drives and some network shares have no hard links."""
    store = Quarantine(tmp_path / "q", same_volume=lambda _a, _b: same_volume)
    (inbox / "a.jpg").write_bytes(b"ours")
    entry = store.add(inbox / "a.jpg", reason="sensitive", surface="cli")
    (inbox / "a.jpg").write_bytes(b"theirs")

    def no_links(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    assert store.restore(entry.id) == inbox / "a (restored).jpg"
    assert (inbox / "a.jpg").read_bytes() == b"theirs"
    assert (inbox / "a (restored).jpg").read_bytes() == b"ours"
    assert store.entries() == []
    assert sorted(p.name for p in inbox.iterdir()) == ["a (restored).jpg", "a.jpg"]


def test_a_stored_file_without_its_record_is_kept_and_restorable(
    quarantine: Quarantine, inbox: Path
) -> None:
    """A damaged journal or a lost index entry never makes a file unreachable."""
    orphan = "0123456789abcdef"
    (quarantine.root / "files" / orphan).write_bytes(b"kept")
    (quarantine.root / "journal" / f"{orphan}.json").write_text("{ not json")
    (quarantine.root / "files" / "not-an-id.txt").write_bytes(b"left alone")
    reopened = Quarantine(quarantine.root)
    assert list((quarantine.root / "journal").iterdir()) == []
    (entry,) = reopened.entries()
    assert (entry.id, entry.original_path, entry.sha256) == (orphan, "", sha(b"kept"))
    assert entry.reason is QuarantineReason.could_not_check
    with pytest.raises(QuarantineError, match="choose a folder"):
        reopened.restore(orphan)
    assert reopened.restore(orphan, to=inbox).read_bytes() == b"kept"


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to own files as another"
)
def test_root_leaves_another_accounts_quarantine_usable_by_it(tmp_path: Path, inbox: Path) -> None:
    """`sudo safelens quarantine ...` must not leave root-owned files the agent cannot read."""
    import pwd

    nobody = pwd.getpwnam("nobody")
    root = tmp_path / "q"
    root.mkdir(mode=0o700)
    os.chown(root, nobody.pw_uid, nobody.pw_gid)
    store = Quarantine(root, same_volume=lambda _a, _b: False)
    (inbox / "a.jpg").write_bytes(b"x")
    entry = store.add(inbox / "a.jpg", reason="sensitive", surface="cli")
    store.add_bytes(b"y", original_path=str(inbox / "b.jpg"), reason="sensitive", surface="cli")
    store.restore(entry.id)
    owners = {p.stat().st_uid for p in root.rglob("*")}
    assert owners == {nobody.pw_uid}
