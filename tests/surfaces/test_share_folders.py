"""Share folders: what a child, a teen and an adult get when files arrive or leave."""

from __future__ import annotations

import json
import shutil
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from desktop_app import SensitivityAnalyzer
from desktop_app.analysis import testpattern
from desktop_app.analysis.verdict import Analysis, Kind, Status
from desktop_app.policy.settings import AgeBand
from desktop_app.surfaces.folder_index import FolderIndex, Verdict, index_file_name
from desktop_app.surfaces.folder_watch import ShareFolderWatch, WatchTiming
from desktop_app.surfaces.quarantine import Quarantine, QuarantineReason
from desktop_app.surfaces.share_folders import (
    OUTGOING_SURFACE,
    Direction,
    FolderEvent,
    FolderEventKind,
    ShareFolder,
    folders_from_paths,
    folders_from_policy,
    verdict_of,
)
from tests.helpers import media
from tests.helpers.share_folders import SlowWriter, photo_jpeg_bytes, sha256

FAST = WatchTiming(settle_s=0.3, poll_s=0.05, rescan_s=3600)


class Counts:
    """Stands in for safety.events.EventCounts: keeps what record() was given."""

    def __init__(self) -> None:
        self.records: list[tuple[str, str, str]] = []

    def record(self, profile_id: str, surface: Any, kind: Any, count: int = 1) -> None:
        self.records.append((profile_id, str(surface), str(kind)))


def watch_for(
    folders: list[ShareFolder],
    analyzer: SensitivityAnalyzer,
    band: AgeBand | None,
    **kwargs: Any,
) -> ShareFolderWatch:
    kwargs.setdefault("timing", FAST)
    return ShareFolderWatch(folders, analyzer, Quarantine(), band=band, **kwargs)


def by_name(events: list[FolderEvent]) -> dict[str, FolderEvent]:
    return {Path(event.path).name: event for event in events}


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "Inbox"
    folder.mkdir()
    testpattern.write_image(folder / "pattern.png")
    media.save(media.people_photos()["astronaut"], folder / "astronaut.jpg", quality=90)
    (folder / "broken.jpg").write_bytes(photo_jpeg_bytes()[:6000])
    (folder / "notes.txt").write_text("see you at four\n")
    (folder / "empty.dat").write_bytes(b"")
    return folder


# -- decisions -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("analysis", "verdict"),
    [
        (Analysis(Kind.IMAGE, Status.OK, is_sensitive=True), Verdict.SENSITIVE),
        (Analysis(Kind.VIDEO, Status.OK, frames_checked=3), Verdict.CLEAN),
        (Analysis(Kind.ARCHIVE, Status.OK, frames_checked=2), Verdict.CLEAN),  # photos inside
        (Analysis(Kind.DOCUMENT, Status.OK, is_sensitive=True), Verdict.SENSITIVE),
        (Analysis(Kind.IMAGE, Status.UNREADABLE), Verdict.UNCHECKED),  # truncated picture
        (Analysis(Kind.VIDEO, Status.UNREADABLE), Verdict.UNCHECKED),  # damaged video
        (Analysis(Kind.OTHER, Status.TIMEOUT), Verdict.UNCHECKED),  # the checker hung
        (Analysis(Kind.OTHER, Status.UNREADABLE), Verdict.UNCHECKED),  # the checker crashed
        (Analysis(Kind.ARCHIVE, Status.UNSUPPORTED), Verdict.UNCHECKED),  # a password
        (Analysis(Kind.OTHER, Status.UNSUPPORTED), Verdict.UNCHECKED),  # an unknown kind
        (Analysis(Kind.OTHER, Status.OK), Verdict.NOT_MEDIA),  # text: nothing to check
        (Analysis(Kind.DOCUMENT, Status.OK), Verdict.NOT_MEDIA),  # a PDF of text only
    ],
)
def test_verdicts_hide_whatever_can_show_a_picture_unless_cleared(
    analysis: Analysis, verdict: Verdict
) -> None:
    assert verdict_of(analysis) is verdict


def test_folder_event_json_has_exactly_the_cli_keys() -> None:
    event = FolderEvent(FolderEventKind.QUARANTINED, "/x/p.png", "ok", True, "abc123abc123")
    assert json.loads(json.dumps(event.to_json())) == {
        "event": "quarantined",
        "path": "/x/p.png",
        "status": "ok",
        "sensitive": True,
        "quarantine_id": "abc123abc123",
    }


def test_folders_come_from_the_policy_unless_the_surface_is_off(tmp_path: Path) -> None:
    policy = {
        "surfaces.share_folders": True,
        "share_folders.incoming": [str(tmp_path / "in")],
        "share_folders.outgoing": [str(tmp_path / "out")],
    }
    assert folders_from_policy(policy) == [
        ShareFolder(tmp_path / "in", Direction.INCOMING),
        ShareFolder(tmp_path / "out", Direction.OUTGOING),
    ]
    assert folders_from_policy(policy | {"surfaces.share_folders": False}) == []
    assert folders_from_paths(["~"]) == [ShareFolder(Path.home(), Direction.INCOMING)]


# -- incoming --------------------------------------------------------------------------


def test_child_incoming_sensitive_and_broken_go_to_quarantine(
    analyzer: SensitivityAnalyzer, inbox: Path
) -> None:
    before = {path.name: sha256(path) for path in inbox.iterdir()}
    counts, seen = Counts(), list[FolderEvent]()
    watch = watch_for(
        [ShareFolder(inbox)],
        analyzer,
        AgeBand.UNDER13,
        profile_id="p-kid",
        counts=counts,
        on_event=seen.append,
    )
    events = by_name(watch.run_once(max_wait_s=60))

    assert set(events) == set(before)
    assert events["pattern.png"].event is FolderEventKind.QUARANTINED
    assert events["pattern.png"].sensitive and events["pattern.png"].status == "ok"
    assert events["broken.jpg"].event is FolderEventKind.QUARANTINED
    assert events["broken.jpg"].status == "unreadable" and not events["broken.jpg"].sensitive
    for name in ("astronaut.jpg", "notes.txt", "empty.dat"):
        assert events[name].event is FolderEventKind.CHECKED and not events[name].sensitive
    assert events["notes.txt"].status == "ok"  # cannot show a picture: never moved
    assert sorted(p.name for p in inbox.iterdir()) == ["astronaut.jpg", "empty.dat", "notes.txt"]
    assert by_name(seen) == events  # the callback the tray agent listens to

    quarantine = Quarantine()
    held = {Path(e.original_path).name: e for e in quarantine.entries()}
    assert held["pattern.png"].reason is QuarantineReason.sensitive
    assert held["broken.jpg"].reason is QuarantineReason.could_not_check
    for name, entry in held.items():
        assert entry.surface == "share_folders" and entry.profile_id == "p-kid"
        assert entry.sha256 == before[name]
        assert events[name].quarantine_id == entry.id
        restored = quarantine.restore(entry.id)
        assert restored == inbox / name and sha256(restored) == before[name]
    assert sorted(counts.records) == [
        ("p-kid", "share_folders", "could_not_check"),
        ("p-kid", "share_folders", "sensitive"),
    ]


def test_adult_is_told_and_nothing_moves(analyzer: SensitivityAnalyzer, inbox: Path) -> None:
    events = by_name(watch_for([ShareFolder(inbox)], analyzer, AgeBand.ADULT).run_once())
    assert all(event.event is FolderEventKind.CHECKED for event in events.values())
    assert events["pattern.png"].sensitive
    assert events["broken.jpg"].status == "unreadable"
    assert len(list(inbox.iterdir())) == 5
    assert Quarantine().entries() == []


def test_content_a_guardian_approved_stays(analyzer: SensitivityAnalyzer, inbox: Path) -> None:
    approved = sha256(inbox / "pattern.png")

    class Book:
        def is_approved(self, digest: str, profile_id: str) -> bool:
            return digest == approved and profile_id == "p-kid"

    watch = watch_for([ShareFolder(inbox)], analyzer, AgeBand.TEEN, profile_id="p-kid")
    watch.handling.approvals = Book()
    events = by_name(watch.run_once())
    assert events["pattern.png"].event is FolderEventKind.CHECKED
    assert events["pattern.png"].sensitive
    assert (inbox / "pattern.png").exists()


# -- outgoing --------------------------------------------------------------------------


def test_child_outgoing_is_held_until_released(
    analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    outbox = tmp_path / "Outbox"
    outbox.mkdir()
    testpattern.write_image(outbox / "pattern.png")
    media.save(media.people_photos()["cameraman"], outbox / "cameraman.png")
    original = sha256(outbox / "pattern.png")
    folders = [ShareFolder(outbox, Direction.OUTGOING)]

    events = by_name(watch_for(folders, analyzer, AgeBand.TEEN).run_once())
    held = events["pattern.png"]
    assert held.event is FolderEventKind.HELD and held.sensitive and held.quarantine_id
    assert events["cameraman.png"].event is FolderEventKind.CHECKED
    assert not (outbox / "pattern.png").exists()
    assert Quarantine().get(held.quarantine_id).surface == OUTGOING_SURFACE

    released = watch_for(folders, analyzer, AgeBand.TEEN).release(held.quarantine_id)
    assert released.event is FolderEventKind.RELEASED
    assert released.path == str(outbox / "pattern.png") and released.sensitive
    assert sha256(outbox / "pattern.png") == original
    assert watch_for(folders, analyzer, AgeBand.TEEN).run_once() == [
        FolderEvent(FolderEventKind.CHECKED, str(outbox / "pattern.png"), "ok", True)
    ]  # released once: not held again
    assert (outbox / "pattern.png").exists()


# -- arriving files --------------------------------------------------------------------


@pytest.mark.slow  # waits out real write-settling time
def test_half_written_file_is_checked_only_when_complete(
    analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    inbox = tmp_path / "Inbox"
    inbox.mkdir()
    data = photo_jpeg_bytes()
    writer = SlowWriter(inbox / "arriving.jpg", data)
    writer.start()
    writer.started_writing.wait(30)
    handled_at: dict[str, float] = {}
    watch = watch_for(
        [ShareFolder(inbox)],
        analyzer,
        AgeBand.UNDER13,
        on_event=lambda e: handled_at.setdefault(Path(e.path).name, time.monotonic()),
    )
    threading.Timer(2.0, writer.finish.set).start()  # still growing while the watch runs
    events = by_name(watch.run_once(max_wait_s=60))
    writer.join(30)

    assert events["arriving.jpg"].event is FolderEventKind.CHECKED
    assert events["arriving.jpg"].status == "ok"
    assert writer.completed_at is not None and handled_at["arriving.jpg"] > writer.completed_at
    assert (inbox / "arriving.jpg").read_bytes() == data


@pytest.mark.slow  # waits out real write-settling time
def test_downloader_temp_names_wait_for_the_rename(
    analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    inbox = tmp_path / "Downloads"
    inbox.mkdir()
    testpattern.write_image(tmp_path / "pattern.png")
    (tmp_path / "pattern.png").replace(inbox / "pattern.png.part")
    (inbox / "pattern.png").write_bytes(b"")  # Firefox's placeholder next to the .part
    events = watch_for([ShareFolder(inbox)], analyzer, AgeBand.UNDER13).run_once(max_wait_s=1)
    assert {(Path(e.path).name, e.event, e.status) for e in events} == {
        ("pattern.png.part", FolderEventKind.ERROR, "incomplete"),
        ("pattern.png", FolderEventKind.ERROR, "incomplete"),
    }
    assert (inbox / "pattern.png.part").exists()

    (inbox / "pattern.png.part").replace(inbox / "pattern.png")
    events = watch_for([ShareFolder(inbox)], analyzer, AgeBand.UNDER13).run_once()
    assert [(Path(e.path).name, e.event) for e in events] == [
        ("pattern.png", FolderEventKind.QUARANTINED)
    ]


def test_symlinks_are_reported_once_and_never_followed(
    analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    inbox, elsewhere = tmp_path / "Inbox", tmp_path / "elsewhere"
    inbox.mkdir()
    elsewhere.mkdir()
    testpattern.write_image(elsewhere / "pattern.png")
    (inbox / "link.png").symlink_to(elsewhere / "pattern.png")
    (inbox / "linked-folder").symlink_to(elsewhere)

    events = watch_for([ShareFolder(inbox)], analyzer, AgeBand.UNDER13).run_once()
    assert sorted((Path(e.path).name, e.event, e.status) for e in events) == [
        ("link.png", FolderEventKind.ERROR, "unsupported"),
        ("linked-folder", FolderEventKind.ERROR, "unsupported"),
    ]
    assert (elsewhere / "pattern.png").exists() and (inbox / "link.png").is_symlink()
    assert watch_for([ShareFolder(inbox)], analyzer, AgeBand.UNDER13).run_once() == []


def test_subfolders_are_checked_and_a_nested_share_folder_is_its_own(
    analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    downloads = tmp_path / "Downloads"
    (downloads / "trip").mkdir(parents=True)
    (downloads / "Outbox").mkdir()
    testpattern.write_image(downloads / "trip" / "pattern.png")
    testpattern.write_image(downloads / "Outbox" / "pattern.png")
    folders = [ShareFolder(downloads), ShareFolder(downloads / "Outbox", Direction.OUTGOING)]
    events = watch_for(folders, analyzer, AgeBand.UNDER13).run_once()
    assert sorted((Path(e.path).parent.name, e.event) for e in events) == [
        ("Outbox", FolderEventKind.HELD),
        ("trip", FolderEventKind.QUARANTINED),
    ]


# -- the index -------------------------------------------------------------------------


def test_unchanged_files_are_not_checked_again_after_a_restart(
    analyzer: SensitivityAnalyzer, inbox: Path
) -> None:
    folders = [ShareFolder(inbox)]
    assert len(watch_for(folders, analyzer, AgeBand.ADULT).run_once()) == 5
    assert watch_for(folders, analyzer, AgeBand.ADULT).run_once() == []

    (inbox / "notes.txt").write_text("changed\n")
    events = watch_for(folders, analyzer, AgeBand.ADULT).run_once()
    assert [Path(e.path).name for e in events] == ["notes.txt"]


def test_the_index_keeps_no_names(analyzer: SensitivityAnalyzer, inbox: Path) -> None:
    watch_for([ShareFolder(inbox)], analyzer, AgeBand.ADULT).run_once()
    text = (FolderIndex().path).read_text()
    assert "astronaut" not in text and "Inbox" not in text and str(inbox) not in text


@pytest.mark.parametrize("damage", [b"{not json", b'{"version": 1}', b"\xff\xfe", b"[]"])
def test_a_damaged_index_means_checking_everything_again(
    analyzer: SensitivityAnalyzer, inbox: Path, damage: bytes
) -> None:
    folders = [ShareFolder(inbox)]
    watch_for(folders, analyzer, AgeBand.ADULT).run_once()
    index_path = FolderIndex().path
    assert index_path.name == index_file_name()  # one per account, named by a hash
    index_path.write_bytes(damage)
    index = FolderIndex(checked_with=f"standard|True|{AgeBand.ADULT}")
    assert index.problem is not None
    events = watch_for(folders, analyzer, AgeBand.ADULT, index=index).run_once()
    assert len(events) == 5


def test_another_age_band_handles_everything_again(
    analyzer: SensitivityAnalyzer, inbox: Path
) -> None:
    folders = [ShareFolder(inbox)]
    watch_for(folders, analyzer, AgeBand.ADULT).run_once()
    events = by_name(watch_for(folders, analyzer, AgeBand.UNDER13).run_once())
    assert events["pattern.png"].event is FolderEventKind.QUARANTINED


# -- contact cards ---------------------------------------------------------------------


def test_a_childs_arriving_vcard_is_sanitised_in_place(
    analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    from desktop_app.analysis.carriers import vcard_text as vcard
    from desktop_app.surfaces.avatar import neutral_avatar_png
    from tests.helpers import vcards

    inbox = tmp_path / "Inbox"
    inbox.mkdir()
    original = (vcards.card30("Sam", vcards.pattern_png()) + vcards.card30("Ann")).encode()
    (inbox / "friends.vcf").write_bytes(original)
    (inbox / "plain.vcf").write_bytes(vcards.card30("Lee").encode())
    folders = [ShareFolder(inbox)]

    events = by_name(watch_for(folders, analyzer, AgeBand.UNDER13).run_once())
    card = events["friends.vcf"]
    assert card.event is FolderEventKind.QUARANTINED and card.sensitive and card.quarantine_id
    assert events["plain.vcf"].event is FolderEventKind.CHECKED
    assert (inbox / "friends.vcf").read_bytes() != original  # the sanitised copy
    pictures = vcard.parse_cards((inbox / "friends.vcf").read_text())[0].pictures
    assert [picture.data for picture in pictures] == [neutral_avatar_png()]
    assert Quarantine().read_bytes(card.quarantine_id) == original
    assert watch_for(folders, analyzer, AgeBand.UNDER13).run_once() == []  # not again


def test_a_rename_while_the_watcher_was_off_is_not_a_new_file(
    analyzer: SensitivityAnalyzer, inbox: Path
) -> None:
    folders = [ShareFolder(inbox)]
    watch_for(folders, analyzer, AgeBand.ADULT).run_once()
    (inbox / "astronaut.jpg").rename(inbox / "moon-walk.jpg")
    assert watch_for(folders, analyzer, AgeBand.ADULT).run_once() == []
    shutil.copy(inbox / "moon-walk.jpg", inbox / "copy.jpg")  # a copy is new (known content)
    assert watch_for(folders, analyzer, AgeBand.ADULT).run_once() == [
        FolderEvent(FolderEventKind.CHECKED, str(inbox / "copy.jpg"), "ok", False)
    ]


def test_only_held_outgoing_files_can_be_released(
    analyzer: SensitivityAnalyzer, inbox: Path
) -> None:
    from desktop_app.surfaces.folder_handling import ShareFolderError

    watch = watch_for([ShareFolder(inbox)], analyzer, AgeBand.UNDER13)
    events = by_name(watch.run_once())
    with pytest.raises(ShareFolderError):
        watch.release(str(events["pattern.png"].quarantine_id))  # incoming: a guardian's call
    assert not (inbox / "pattern.png").exists()


def test_each_account_has_its_own_index_named_without_its_name() -> None:
    maya, leo = index_file_name("maya"), index_file_name("leo")
    assert maya != leo and "maya" not in maya and maya.startswith("share-index-")
