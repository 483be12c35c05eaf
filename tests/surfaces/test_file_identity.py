"""A file known by an identity the child cannot forge, and settling with a bound (issue 10, 2-3)."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import Any

import pytest

from desktop_app import SensitivityAnalyzer
from desktop_app.analysis import testpattern
from desktop_app.policy.settings import AgeBand
from desktop_app.surfaces.file_identity import FileIdentity
from desktop_app.surfaces.folder_index import FolderIndex
from desktop_app.surfaces.folder_watch import ShareFolderWatch, WatchTiming
from desktop_app.surfaces.quarantine import Quarantine
from desktop_app.surfaces.share_folders import FolderEventKind, ShareFolder
from tests.helpers.share_folders import SlowWriter, benign_pictures, photo_jpeg_bytes

FAST = WatchTiming(settle_s=0.2, poll_s=0.05, rescan_s=3600)
CHILD_CHECKED_WITH = f"standard|True|{AgeBand.UNDER13}"


def watch_for(inbox: Path, analyzer: SensitivityAnalyzer, **kwargs: Any) -> ShareFolderWatch:
    kwargs.setdefault("timing", FAST)
    return ShareFolderWatch(
        [ShareFolder(inbox)], analyzer, Quarantine(), band=AgeBand.UNDER13, **kwargs
    )


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "Inbox"
    folder.mkdir()
    return folder


def same_size_pair(tmp_path: Path) -> tuple[bytes, bytes]:
    """A benign picture and the test pattern, padded to the same length (PNG ignores the tail)."""
    (photo,) = benign_pictures(tmp_path, 1, prefix="benign")
    testpattern.write_image(tmp_path / "pattern.png")
    clean, pattern = photo.read_bytes(), (tmp_path / "pattern.png").read_bytes()
    size = max(len(clean), len(pattern))
    return clean.ljust(size, b"\0"), pattern.ljust(size, b"\0")


# -- the identity ----------------------------------------------------------------------


def test_the_identity_is_device_inode_size_and_both_times(tmp_path: Path) -> None:
    path = tmp_path / "a.bin"
    path.write_bytes(b"abc")
    info = os.lstat(path)
    identity = FileIdentity.of(info)
    assert (identity.device, identity.inode, identity.size) == (info.st_dev, info.st_ino, 3)
    assert (identity.mtime_ns, identity.ctime_ns) == (info.st_mtime_ns, info.st_ctime_ns)
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))  # times put back: ctime moves on
    assert FileIdentity.of(os.lstat(path)) != identity
    assert FileIdentity.from_json(identity.to_json()) == identity


def test_a_file_rewritten_in_place_with_its_mtime_put_back_is_checked_again(
    analyzer: SensitivityAnalyzer, inbox: Path, tmp_path: Path
) -> None:
    clean, pattern = same_size_pair(tmp_path)
    target = inbox / "homework.png"
    target.write_bytes(clean)
    assert [e.event for e in watch_for(inbox, analyzer).run_once()] == [FolderEventKind.CHECKED]
    before = os.lstat(target)
    with target.open("r+b") as stream:  # dd conv=notrunc
        stream.write(pattern)
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))  # touch -d
    after = os.lstat(target)
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    events = watch_for(inbox, analyzer).run_once()
    assert [(e.event, e.sensitive) for e in events] == [(FolderEventKind.QUARANTINED, True)]


def test_a_file_renamed_over_a_checked_one_is_checked_again(
    analyzer: SensitivityAnalyzer, inbox: Path, tmp_path: Path
) -> None:
    clean, pattern = same_size_pair(tmp_path)
    target = inbox / "homework.png"
    target.write_bytes(clean)
    watch = watch_for(inbox, analyzer)
    watch.run_once()
    before = os.lstat(target)
    swap = tmp_path / "swap.png"
    swap.write_bytes(pattern)
    os.utime(swap, ns=(before.st_atime_ns, before.st_mtime_ns))
    swap.replace(target)
    events = watch.run_once()
    assert [(e.event, e.sensitive) for e in events] == [(FolderEventKind.QUARANTINED, True)]


def test_an_index_of_the_old_format_means_checking_again_not_a_crash(
    analyzer: SensitivityAnalyzer, inbox: Path
) -> None:
    testpattern.write_image(inbox / "pattern.png")
    (inbox / "notes.txt").write_text("hello\n")
    watch_for(inbox, analyzer).run_once()
    path = FolderIndex().path
    data = json.loads(path.read_text())
    released, held = data["released"], data["held"]
    data["version"] = 1
    for entries in data["folders"].values():
        for entry in entries.values():
            for key in ("ctime_ns", "device"):
                entry.pop(key, None)
    path.write_text(json.dumps(data))
    index = FolderIndex(checked_with=CHILD_CHECKED_WITH)
    assert index.problem is None  # an upgrade, not damage
    assert (sorted(index.released), index.held) == (sorted(released), held)
    events = watch_for(inbox, analyzer, index=index).run_once()
    assert [Path(e.path).name for e in events] == ["notes.txt"]  # checked again (known bytes)
    assert watch_for(inbox, analyzer).run_once() == []  # and saved in the new format


def test_a_hard_link_and_a_copy_made_while_settling_are_caught(
    analyzer: SensitivityAnalyzer, inbox: Path
) -> None:
    testpattern.write_image(inbox / "pattern.png")
    os.link(inbox / "pattern.png", inbox / "link.png")
    (inbox / "copy.png").write_bytes((inbox / "pattern.png").read_bytes())
    events = watch_for(inbox, analyzer).run_once()
    assert sorted((Path(e.path).name, e.event) for e in events) == [
        ("copy.png", FolderEventKind.QUARANTINED),
        ("link.png", FolderEventKind.QUARANTINED),
        ("pattern.png", FolderEventKind.QUARANTINED),
    ]
    assert sorted(os.listdir(inbox)) == []


# -- settling with a bound ---------------------------------------------------------------

BOUNDED = WatchTiming(settle_s=0.2, poll_s=0.05, rescan_s=3600, settle_max_s=1.0)


def test_a_write_handle_held_open_does_not_keep_a_picture_unchecked_past_the_bound(
    analyzer: SensitivityAnalyzer, inbox: Path
) -> None:
    writer = SlowWriter(inbox / "arriving.jpg", photo_jpeg_bytes(), step_s=0.05)
    writer.start()
    writer.started_writing.wait(30)
    try:
        events = watch_for(inbox, analyzer, timing=BOUNDED).run_once(max_wait_s=60)
    finally:
        writer.finish.set()
        writer.join(30)
    # half a JPEG, checked as it stood: could not check -> hidden for a child
    assert [(Path(e.path).name, e.event) for e in events] == [
        ("arriving.jpg", FolderEventKind.QUARANTINED)
    ]


@pytest.mark.parametrize("companion", [".part", ".crdownload"])
def test_a_download_companion_delays_nothing_past_the_bound(
    analyzer: SensitivityAnalyzer, inbox: Path, companion: str
) -> None:
    testpattern.write_image(inbox / "pattern.png")
    (inbox / f"pattern.png{companion}").write_bytes(b"")
    stop = threading.Event()

    def keep_touching() -> None:  # each touch used to restart the ten minutes
        while not stop.wait(0.1) and (inbox / "pattern.png").exists():
            os.utime(inbox / f"pattern.png{companion}")

    toucher = threading.Thread(target=keep_touching, daemon=True)
    toucher.start()
    try:
        events = watch_for(inbox, analyzer, timing=BOUNDED).run_once(max_wait_s=60)
    finally:
        stop.set()
        toucher.join(10)
    assert ("pattern.png", FolderEventKind.QUARANTINED) in {
        (Path(e.path).name, e.event) for e in events
    }


def test_the_bound_is_a_policy_setting() -> None:
    from desktop_app.policy import settings

    setting = settings.BY_KEY["share_folders.settle_max_seconds"]
    assert setting.default == 30
    assert settings.check("share_folders.settle_max_seconds", 10) == 10
    with pytest.raises(settings.InvalidValue):
        settings.check("share_folders.settle_max_seconds", 0)
