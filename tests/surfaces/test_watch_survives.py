"""The share-folder watch survives anything a file system can hold (issue 10, item 1).

Each attack used to end the watch thread for good (``ENAMETOOLONG`` in settle, a
``UnicodeEncodeError`` in the index, a ``RecursionError`` in the walk, a ``PermissionError``
while saving): now each is one file's outcome, and a file dropped afterwards is still put aside.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop_app import SensitivityAnalyzer
from desktop_app.analysis import testpattern
from desktop_app.policy.settings import AgeBand
from desktop_app.surfaces import arrivals as arrivals_module
from desktop_app.surfaces.folder_index import FolderIndex
from desktop_app.surfaces.folder_watch import ShareFolderWatch, WatchTiming
from desktop_app.surfaces.quarantine import Quarantine
from desktop_app.surfaces.share_folders import FolderEvent, FolderEventKind, ShareFolder
from tests.helpers.share_folders import wait_for

FAST = WatchTiming(settle_s=0.2, poll_s=0.05, rescan_s=3600)
LONG_NAME = "p" * 251 + ".png"  # 255 bytes: the longest name ext4 and tmpfs allow
LATIN1_NAME = os.fsdecode(b"caf\xe9-pattern.png")  # not UTF-8: a ZIP made on an old PC
CONTROL_NAME = "line\nbreak\ttab\x1b[31m.png"
DEPTH = 1_000


class Recorder:
    def __init__(self) -> None:
        self.events: list[FolderEvent] = []

    def __call__(self, event: FolderEvent) -> None:
        self.events.append(event)

    def quarantined(self) -> set[str]:
        return {
            Path(e.path).name for e in list(self.events) if e.event is FolderEventKind.QUARANTINED
        }


def watch_for(inbox: Path, analyzer: SensitivityAnalyzer, **kwargs: Any) -> ShareFolderWatch:
    kwargs.setdefault("timing", FAST)
    return ShareFolderWatch(
        [ShareFolder(inbox)], analyzer, Quarantine(), band=AgeBand.UNDER13, **kwargs
    )


@pytest.fixture
def inbox(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "Inbox"
    folder.mkdir()
    yield folder
    # Removed here, by `rm -rf` (iterative): Python 3.11's shutil.rmtree recurses once per
    # level, so pytest's own clean-up of old temp folders failed on the 1,000-deep trees and
    # left them behind (and an unclosed scandir iterator that failed later runs).
    subprocess.run(["rm", "-rf", "--", str(tmp_path)], check=False)


def deep_folder(top: Path, depth: int) -> Path:
    """``depth`` nested folders, made one level at a time (as ``mkdir -p`` would)."""
    folder = top
    for _ in range(depth):
        folder = folder / "d"
        folder.mkdir()
    return folder


@pytest.mark.parametrize("name", [LONG_NAME, LATIN1_NAME, CONTROL_NAME])
def test_any_name_the_file_system_allows_is_checked(
    analyzer: SensitivityAnalyzer, inbox: Path, name: str
) -> None:
    testpattern.write_image(inbox / name)
    (inbox / "later.png").write_bytes(b"")  # an ordinary neighbour, handled as well
    watch = watch_for(inbox, analyzer)
    events = watch.run_once()
    assert {(Path(e.path).name, e.event) for e in events} >= {(name, FolderEventKind.QUARANTINED)}
    assert not (inbox / name).exists()
    testpattern.write_image(inbox / "afterwards.png")
    assert [Path(e.path).name for e in watch.run_once()] == ["afterwards.png"]


def test_a_long_name_beside_a_companion_name_that_is_too_long(
    analyzer: SensitivityAnalyzer, inbox: Path
) -> None:
    """``NAME.part`` beside a 255-byte name cannot exist: asking for it must not fail."""
    testpattern.write_image(inbox / LONG_NAME)
    events = watch_for(inbox, analyzer).run_once()
    assert [(Path(e.path).name, e.event) for e in events] == [
        (LONG_NAME, FolderEventKind.QUARANTINED)
    ]


def test_the_index_keeps_names_that_are_not_utf8_across_a_restart(
    analyzer: SensitivityAnalyzer, inbox: Path
) -> None:
    (inbox / LATIN1_NAME).write_text("not a picture\n")
    assert len(watch_for(inbox, analyzer).run_once()) == 1
    assert watch_for(inbox, analyzer).run_once() == []  # saved, read back, known


def test_a_thousand_nested_folders_are_walked_without_recursion(
    analyzer: SensitivityAnalyzer, inbox: Path
) -> None:
    bottom = deep_folder(inbox, DEPTH)
    testpattern.write_image(bottom / "deep.png")
    watch = watch_for(inbox, analyzer)
    events = watch.run_once()
    assert [(Path(e.path).name, e.event) for e in events] == [
        ("deep.png", FolderEventKind.QUARANTINED)
    ]
    testpattern.write_image(inbox / "afterwards.png")
    assert [Path(e.path).name for e in watch.run_once()] == ["afterwards.png"]


def test_an_index_that_cannot_be_saved_leaves_the_watch_working(
    analyzer: SensitivityAnalyzer, inbox: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the index folder should be\n")
    index = FolderIndex(blocker / "index.json")  # mkdir fails: FileExistsError, not StorageError
    testpattern.write_image(inbox / "pattern.png")
    watch = watch_for(inbox, analyzer, index=index)
    assert [e.event for e in watch.run_once()] == [FolderEventKind.QUARANTINED]
    assert index.problem is not None  # said in plain words for the health view


def test_a_full_disk_is_a_per_file_outcome_and_the_file_is_moved_once_there_is_room(
    analyzer: SensitivityAnalyzer, inbox: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_fsync = os.fsync

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    testpattern.write_image(inbox / "pattern.png")
    watch = watch_for(inbox, analyzer)
    monkeypatch.setattr(os, "fsync", disk_full)  # every writer: the quarantine and the index
    events = watch.run_once()
    assert [(e.event, e.status) for e in events] == [(FolderEventKind.ERROR, "ok")]
    assert (inbox / "pattern.png").exists()  # nothing lost
    monkeypatch.setattr(os, "fsync", real_fsync)
    watch.rescan()
    assert [e.event for e in watch.run_once()] == [FolderEventKind.QUARANTINED]


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def running(
    analyzer: SensitivityAnalyzer, inbox: Path, recorder: Recorder
) -> Iterator[ShareFolderWatch]:
    watch = watch_for(inbox, analyzer, on_event=recorder, timing=FAST)
    watch.start()
    yield watch
    watch.stop()


@pytest.mark.slow
def test_the_watch_thread_lives_through_every_attack_at_once(
    running: ShareFolderWatch, inbox: Path, tmp_path: Path, recorder: Recorder
) -> None:
    """Events, not rescans: each attack arrives while the thread (and watchdog's) runs."""
    for name in (LONG_NAME, LATIN1_NAME, CONTROL_NAME):
        testpattern.write_image(inbox / name)
    outside = tmp_path / "tree"
    outside.mkdir()
    testpattern.write_image(deep_folder(outside, DEPTH) / "deep.png")
    (outside / "d").rename(inbox / "d")  # a whole deep tree moved in at once
    vanishing = inbox / "vanishing"
    vanishing.mkdir()
    (vanishing / "gone.txt").write_text("here and gone\n")
    shutil.rmtree(vanishing)
    wait_for(
        lambda: recorder.quarantined() >= {LONG_NAME, LATIN1_NAME, CONTROL_NAME, "deep.png"},
        what="every attack handled",
    )
    assert running.alive
    testpattern.write_image(inbox / "afterwards.png")
    wait_for(lambda: "afterwards.png" in recorder.quarantined(), what="a file dropped afterwards")


@pytest.mark.slow
def test_an_unexpected_error_in_a_pass_is_counted_and_the_loop_goes_on(
    running: ShareFolderWatch,
    inbox: Path,
    recorder: Recorder,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    failures = {"left": 3}
    real_look = arrivals_module.Arrivals.look

    def failing_look(self: arrivals_module.Arrivals, now: float, done: list[FolderEvent]) -> None:
        if failures["left"] > 0:
            failures["left"] -= 1
            raise RuntimeError(f"a surprise about {inbox}/secret-name.png")
        real_look(self, now, done)

    monkeypatch.setattr(arrivals_module.Arrivals, "look", failing_look)
    testpattern.write_image(inbox / "pattern.png")
    wait_for(lambda: "pattern.png" in recorder.quarantined(), what="the file after the errors")
    assert running.alive
    assert running.faults == 3
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "RuntimeError" in logged
    assert "secret-name" not in logged and str(inbox) not in caplog.text


def test_a_file_whose_handling_fails_is_set_aside_and_the_others_go_on(
    analyzer: SensitivityAnalyzer,
    inbox: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    from desktop_app.surfaces.folder_handling import Handling

    real = Handling.is_contact_card

    def surprising(self: Handling, folder: ShareFolder, path: Path) -> bool:
        if path.name == "cursed.png":
            raise KeyError(str(path))
        return real(self, folder, path)

    monkeypatch.setattr(Handling, "is_contact_card", surprising)
    (inbox / "cursed.png").write_bytes(b"\x89PNG not really")
    (inbox / "notes.txt").write_text("hello\n")
    watch = watch_for(inbox, analyzer)
    events = {Path(e.path).name: e for e in watch.run_once()}
    assert (events["cursed.png"].event, events["cursed.png"].status) == (
        FolderEventKind.QUARANTINED,
        "unreadable",
    )
    assert events["notes.txt"].event is FolderEventKind.CHECKED
    assert watch.faults == 1
    assert "KeyError" in caplog.text and "cursed" not in caplog.text
