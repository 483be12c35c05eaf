"""A .vcf arriving in a share folder: replaced by its sanitised copy, the original kept."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import vobject

from desktop_app import SensitivityAnalyzer
from desktop_app.analysis.carriers import vcard_text as vcard
from desktop_app.core.vocabulary import EventKind, Surface
from desktop_app.safety.events import EventCounts
from desktop_app.surfaces import contacts
from desktop_app.surfaces.avatar import neutral_avatar_png
from desktop_app.surfaces.contacts import sanitise_vcard_file
from desktop_app.surfaces.quarantine import Quarantine
from tests.helpers import vcards


@pytest.fixture
def quarantine(tmp_path: Path) -> Quarantine:
    return Quarantine(tmp_path / "quarantine")


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_an_arriving_card_with_the_pattern_is_replaced_and_everything_is_kept(
    analyzer: SensitivityAnalyzer, quarantine: Quarantine, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    arriving = inbox / "friends.vcf"
    original = (
        vcards.card30("Sam", vcards.pattern_png()) + vcards.card40("Ann", vcards.photo_png())
    ).encode()
    arriving.write_bytes(original)
    outcome = sanitise_vcard_file(
        arriving, analyzer, quarantine, fail_closed=True, profile_id="kid"
    )
    assert outcome.sanitised_path == arriving and outcome.replaced == 1
    photo_id, file_id = outcome.quarantine_ids
    assert outcome.original_quarantine_id == file_id
    whole = quarantine.get(file_id)
    assert whole.sha256 == sha(original) and whole.reason == "sensitive"
    assert whole.original_path == str(arriving) and whole.profile_id == "kid"
    assert quarantine.get(photo_id).sha256 == sha(vcards.pattern_png())
    sanitised = arriving.read_text()
    assert [c.fn.value for c in vobject.readComponents(sanitised)] == ["Sam", "Ann"]
    pictures = [pic.data for card in vcard.parse_cards(sanitised) for pic in card.pictures]
    assert pictures == [neutral_avatar_png(), vcards.photo_png()]
    restored = quarantine.restore(file_id, to=tmp_path / "restored")
    assert restored.read_bytes() == original


def test_a_card_that_needs_no_change_is_left_alone(
    analyzer: SensitivityAnalyzer, quarantine: Quarantine, tmp_path: Path
) -> None:
    arriving = tmp_path / "ann.vcf"
    arriving.write_bytes(vcards.card30("Ann", vcards.photo_png()).encode())
    before = arriving.stat()
    outcome = sanitise_vcard_file(arriving, analyzer, quarantine, fail_closed=True)
    assert outcome.sanitised_path is None and outcome.quarantine_ids == ()
    assert arriving.stat().st_mtime_ns == before.st_mtime_ns and quarantine.entries() == []


def test_the_sanitised_copy_is_left_alone_when_it_arrives_again(
    analyzer: SensitivityAnalyzer, quarantine: Quarantine, tmp_path: Path
) -> None:
    """The watcher sees the sanitised copy as a new file: it must not loop."""
    arriving = tmp_path / "sam.vcf"
    arriving.write_bytes(vcards.card21("Sam", vcards.pattern_png()).encode())
    first = sanitise_vcard_file(arriving, analyzer, quarantine, fail_closed=True)
    assert first.sanitised_path == arriving
    second = sanitise_vcard_file(arriving, analyzer, quarantine, fail_closed=True)
    assert second.sanitised_path is None and second.quarantine_ids == ()
    assert len(quarantine.entries()) == 2  # the photo and the whole file, once


@pytest.mark.parametrize("content", [b"", b"\x89PNG\r\n\x1a\n" + bytes(64), b"not a card"])
def test_a_file_with_no_readable_card_goes_to_quarantine_whole_for_a_child(
    content: bytes, analyzer: SensitivityAnalyzer, quarantine: Quarantine, tmp_path: Path
) -> None:
    arriving = tmp_path / "odd.vcf"
    arriving.write_bytes(content)
    outcome = sanitise_vcard_file(arriving, analyzer, quarantine, fail_closed=True)
    assert outcome.could_not_check == 1 and not arriving.exists()
    [entry] = quarantine.entries()
    assert entry.id == outcome.original_quarantine_id and entry.sha256 == sha(content)
    assert entry.reason == "could_not_check"


def test_an_adult_keeps_a_file_that_cannot_be_read(
    analyzer: SensitivityAnalyzer, quarantine: Quarantine, tmp_path: Path
) -> None:
    arriving = tmp_path / "odd.vcf"
    arriving.write_bytes(b"not a card")
    outcome = sanitise_vcard_file(arriving, analyzer, quarantine, fail_closed=False)
    assert outcome.could_not_check == 1 and arriving.read_bytes() == b"not a card"
    assert quarantine.entries() == []


def test_counts_are_recorded_without_names(
    analyzer: SensitivityAnalyzer, quarantine: Quarantine, tmp_path: Path
) -> None:
    arriving = tmp_path / "mixed.vcf"
    broken = vcards.card30("Broken", extra="PHOTO;ENCODING=b:@@@")
    arriving.write_bytes((vcards.card30("Secret Name", vcards.pattern_png()) + broken).encode())
    events = EventCounts(tmp_path / "events.sqlite3")
    try:
        sanitise_vcard_file(
            arriving, analyzer, quarantine, fail_closed=True, profile_id="kid", events=events
        )
        counts = {(c.surface, c.kind): c.count for c in events.counts("kid")}
    finally:
        events.close()
    assert counts == {
        (Surface.contacts, EventKind.sensitive): 1,
        (Surface.contacts, EventKind.could_not_check): 1,
    }
    assert b"Secret Name" not in (tmp_path / "events.sqlite3").read_bytes()


def test_a_copy_that_cannot_be_saved_leaves_the_original_in_quarantine(
    analyzer: SensitivityAnalyzer,
    quarantine: Quarantine,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from desktop_app.core.storage import StorageError
    from desktop_app.surfaces import contacts

    def disk_full(_path: Path, _data: bytes) -> None:
        raise StorageError("No space left on device")

    monkeypatch.setattr(contacts, "atomic_write_bytes", disk_full)
    arriving = tmp_path / "sam.vcf"
    original = vcards.card30("Sam", vcards.pattern_png()).encode()
    arriving.write_bytes(original)
    with pytest.raises(contacts.ContactsError, match="safe in quarantine"):
        sanitise_vcard_file(arriving, analyzer, quarantine, fail_closed=True)
    kept = [e for e in quarantine.entries() if e.original_path == str(arriving)]
    assert [e.sha256 for e in kept] == [sha(original)]


def test_a_file_too_large_to_check_goes_to_quarantine_whole_for_a_child(
    analyzer: SensitivityAnalyzer,
    quarantine: Quarantine,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(contacts, "MAX_VCARD_BYTES", 64)
    arriving = tmp_path / "big.vcf"
    original = vcards.card30("Sam", vcards.photo_png()).encode()
    arriving.write_bytes(original)
    outcome = sanitise_vcard_file(arriving, analyzer, quarantine, fail_closed=True)
    assert outcome.could_not_check == 1 and not arriving.exists()
    [entry] = quarantine.entries()
    assert entry.id == outcome.original_quarantine_id and entry.sha256 == sha(original)
