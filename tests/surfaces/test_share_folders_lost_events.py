"""Events get lost (watcher off, a burst, no events at all): the rescan still finds every file."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app import SensitivityAnalyzer
from desktop_app.analysis import testpattern
from desktop_app.policy.settings import AgeBand
from desktop_app.surfaces.folder_index import FolderIndex
from desktop_app.surfaces.folder_watch import ShareFolderWatch, WatchTiming
from desktop_app.surfaces.quarantine import Quarantine
from desktop_app.surfaces.share_folders import FolderEvent, FolderEventKind, ShareFolder
from tests.helpers.share_folders import benign_pictures, photo_jpeg_bytes, wait_for

# Real watchers left to miss events: bursts past the queue, restarts, rescans.
pytestmark = pytest.mark.slow

BURST = 300


class Recorder:
    """Collects events from the watch thread and counts checks sent to the worker."""

    def __init__(self) -> None:
        self.events: list[FolderEvent] = []

    def __call__(self, event: FolderEvent) -> None:
        self.events.append(event)

    def names(self, kind: FolderEventKind) -> set[str]:
        return {Path(e.path).name for e in list(self.events) if e.event is kind}


class CountingAnalyzer:
    """The real analyzer, counting how many files were sent to it."""

    def __init__(self, inner: SensitivityAnalyzer) -> None:
        self.inner, self.options, self.submitted = inner, inner.options, 0

    def submit_file(self, path: Path, *, interactive: bool = False) -> object:
        assert not interactive  # folder scans are bulk work
        self.submitted += 1
        return self.inner.submit_file(path, interactive=False)


def started(
    folder: Path, analyzer: object, recorder: Recorder, timing: WatchTiming, events: bool = True
) -> ShareFolderWatch:
    watch = ShareFolderWatch(
        [ShareFolder(folder)],
        analyzer,  # type: ignore[arg-type]
        Quarantine(),
        band=AgeBand.UNDER13,
        on_event=recorder,
        timing=timing,
    )
    watch.start(watch_events=events)
    return watch


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "Inbox"
    folder.mkdir()
    return folder


def test_files_that_arrive_while_the_watcher_is_off_are_found_at_start(
    analyzer: SensitivityAnalyzer, inbox: Path
) -> None:
    timing = WatchTiming(settle_s=0.3, poll_s=0.05, rescan_s=3600)
    first = benign_pictures(inbox, 5, prefix="before")
    recorder = Recorder()
    watch = started(inbox, analyzer, recorder, timing)
    wait_for(lambda: len(recorder.events) == len(first), what="the first files")
    watch.stop()

    later = benign_pictures(inbox, 150, prefix="while-off")
    testpattern.write_image(inbox / "pattern.png")
    watch = started(inbox, analyzer, recorder, timing)
    try:
        wait_for(lambda: len(recorder.events) == len(first) + len(later) + 1, what="a rescan")
    finally:
        watch.stop()
    assert recorder.names(FolderEventKind.CHECKED) == {p.name for p in first + later}
    assert recorder.names(FolderEventKind.QUARANTINED) == {"pattern.png"}


def test_a_burst_larger_than_the_event_queue_is_all_checked(
    analyzer: SensitivityAnalyzer, inbox: Path
) -> None:
    counting = CountingAnalyzer(analyzer)
    timing = WatchTiming(settle_s=0.3, poll_s=0.05, rescan_s=3600, event_queue_limit=8)
    recorder = Recorder()
    watch = started(inbox, counting, recorder, timing)
    try:
        wait_for(lambda: watch.pending == 0, what="the first rescan")
        burst = benign_pictures(inbox, BURST, prefix="burst")
        (inbox / "broken.jpg").write_bytes(photo_jpeg_bytes()[:5000])
        wait_for(lambda: len(recorder.events) == BURST + 1, what="the whole burst", timeout=300)
    finally:
        watch.stop()
    assert recorder.names(FolderEventKind.CHECKED) == {p.name for p in burst}
    assert recorder.names(FolderEventKind.QUARANTINED) == {"broken.jpg"}
    assert counting.submitted == BURST + 1  # each file checked once
    assert FolderIndex(checked_with=watch.index.checked_with).count(inbox) == BURST


def test_with_no_events_at_all_the_periodic_rescan_finds_new_files(
    analyzer: SensitivityAnalyzer, inbox: Path
) -> None:
    timing = WatchTiming(settle_s=0.2, poll_s=0.05, rescan_s=0.5)
    recorder = Recorder()
    watch = started(inbox, analyzer, recorder, timing, events=False)
    try:
        wait_for(lambda: watch.pending == 0, what="the first rescan")
        arrived = benign_pictures(inbox, 20, prefix="network-share")
        wait_for(lambda: len(recorder.events) == len(arrived), what="the periodic rescan")
    finally:
        watch.stop()
    assert recorder.names(FolderEventKind.CHECKED) == {p.name for p in arrived}


def test_a_rename_within_the_folder_is_not_checked_again(
    analyzer: SensitivityAnalyzer, inbox: Path
) -> None:
    counting = CountingAnalyzer(analyzer)
    timing = WatchTiming(settle_s=0.2, poll_s=0.05, rescan_s=3600)
    (original,) = benign_pictures(inbox, 1)
    recorder = Recorder()
    watch = started(inbox, counting, recorder, timing)
    try:
        wait_for(lambda: len(recorder.events) == 1, what="the first check")
        (inbox / "sub").mkdir()
        original.rename(inbox / "renamed.png")
        wait_for(
            lambda: watch.index.get(inbox, inbox / "renamed.png") is not None, what="the rename"
        )
        testpattern.write_image(inbox / "pattern.png")
        wait_for(lambda: len(recorder.events) == 2, what="the next file")
    finally:
        watch.stop()
    assert counting.submitted == 2  # the photo once, the pattern once: the rename cost nothing
    assert [Path(e.path).name for e in recorder.events] == [original.name, "pattern.png"]
