"""A child's share folder keeps no carrier of a picture, of any kind, and loses nothing.

Every kind in ``tests.helpers.carriers.KINDS`` (images, animations, SVG, PDF, pages,
mail, vCards, archives, office files, e-books, videos) carrying the admin test pattern
goes to quarantine with its bytes intact (a vCard stays, its photo replaced by a
placeholder, as the contacts surface leaves it); its benign twin and the files that
cannot show a picture stay where they are, unchanged.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from desktop_app import SensitivityAnalyzer
from desktop_app.policy.settings import AgeBand
from desktop_app.surfaces.folder_watch import ShareFolderWatch, WatchTiming
from desktop_app.surfaces.quarantine import Quarantine
from desktop_app.surfaces.share_folders import FolderEventKind, ShareFolder
from tests.helpers import carriers

# Every kind of file through a real share folder watcher, worker and models.
pytestmark = pytest.mark.slow

FAST = WatchTiming(settle_s=0.3, poll_s=0.05, rescan_s=3600)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def gather(built: dict[str, Path], inbox: Path, prefix: str) -> dict[str, str]:
    """Move built files into the share folder under distinct names; name -> sha256."""
    hashes = {}
    for kind, path in built.items():
        target = inbox / f"{prefix}-{kind}-{path.name}"
        path.rename(target)
        hashes[target.name] = digest(target.read_bytes())
    return hashes


def test_an_under_13_share_folder_keeps_no_carrier_and_every_twin(
    analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    inbox = tmp_path / "Inbox"
    inbox.mkdir()
    made = tmp_path / "made"
    pattern = gather(carriers.build_all(carriers.pattern_picture(), made / "c"), inbox, "carrier")
    twins = gather(carriers.build_all(carriers.twin_picture(), made / "t"), inbox, "twin")
    plain = gather(carriers.no_picture_files(made / "n"), inbox, "plain")

    watch = ShareFolderWatch(
        [ShareFolder(inbox)], analyzer, Quarantine(), band=AgeBand.UNDER13, timing=FAST
    )
    events = {Path(event.path).name: event for event in watch.run_once(max_wait_s=120)}

    assert set(events) == set(pattern) | set(twins) | set(plain)
    kept_carriers = [
        (name, events[name].status, events[name].sensitive)
        for name in sorted(pattern)
        if events[name].event is not FolderEventKind.QUARANTINED
    ]  # whether sensitive or could-not-check: test_every_kind.py tells them apart
    assert kept_carriers == []
    moved_others = [
        (name, events[name].status, events[name].sensitive)
        for name in sorted(twins | plain)
        if events[name].event is not FolderEventKind.CHECKED
    ]
    assert moved_others == []
    kept = {path.name: digest(path.read_bytes()) for path in inbox.iterdir()}
    assert {name: kept.get(name) for name in twins | plain} == twins | plain  # unchanged
    for name in set(kept) - set(twins) - set(plain):  # a vCard is left sanitised in place
        assert name in pattern and kept[name] != pattern[name]
        assert analyzer.analyze_file(inbox / name).cleared, f"{name} still shows the picture"
    quarantine = Quarantine()
    held = set()
    for entry in quarantine.entries():  # nothing deleted: quarantine holds the same bytes
        name, _, part = Path(entry.original_path).name.partition("#")
        data = quarantine.read_bytes(entry.id)
        assert digest(data) == entry.sha256
        if part:  # a picture taken out of a file that stays (a vCard's photo)
            assert name in kept and analyzer.analyze_image(data).is_sensitive
        else:
            assert entry.sha256 == pattern[name]
        held.add(name)
    assert sorted(held) == sorted(pattern)
