"""The contacts store: sanitised copies only, the chosen file untouched, photos as bytes."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from desktop_app import SensitivityAnalyzer
from desktop_app.surfaces import contacts
from desktop_app.surfaces.contacts import ContactsError
from desktop_app.surfaces.contacts_store import ContactsStore
from desktop_app.surfaces.quarantine import Quarantine
from tests.helpers import vcards


def test_an_import_keeps_only_the_sanitised_copy_and_leaves_the_file_alone(
    analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    chosen = tmp_path / "friends.vcf"
    text = vcards.card30("Zoe", vcards.pattern_png()) + vcards.card21("adam", vcards.photo_png())
    chosen.write_bytes(text.encode())
    store = ContactsStore(tmp_path / "contacts")
    quarantine = Quarantine(tmp_path / "quarantine")
    outcome = store.import_file(chosen, analyzer, quarantine, fail_closed=True)
    assert chosen.read_bytes() == text.encode()
    assert outcome.sanitised_path is not None and outcome.sanitised_path.parent == store.root
    assert stat.S_IMODE(store.root.stat().st_mode) == 0o700
    assert stat.S_IMODE(outcome.sanitised_path.stat().st_mode) == 0o600
    contacts = store.contacts()
    assert [(c.name, c.photo_hidden) for c in contacts] == [("adam", False), ("Zoe", True)]
    assert contacts[0].photo == vcards.photo_png()
    [entry] = quarantine.entries()
    assert entry.original_path == f"{chosen}#card 1 PHOTO"
    again = store.import_file(chosen, analyzer, quarantine, fail_closed=True)
    assert again.sanitised_path == outcome.sanitised_path and len(store.files()) == 1


def test_an_import_of_nothing_readable_stores_nothing(
    analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    chosen = tmp_path / "broken.vcf"
    chosen.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nnonsense\r\nEND:VCARD\r\n")
    store = ContactsStore(tmp_path / "contacts")
    with pytest.raises(ContactsError, match="could be read"):
        store.import_file(chosen, analyzer, None, fail_closed=True)
    assert store.files() == [] and store.contacts() == []


def test_a_missing_file_is_a_plain_error(analyzer: SensitivityAnalyzer, tmp_path: Path) -> None:
    with pytest.raises(ContactsError, match="could not be read"):
        ContactsStore(tmp_path / "c").import_file(
            tmp_path / "gone.vcf", analyzer, None, fail_closed=True
        )


def test_a_file_too_large_to_check_is_a_plain_error_and_stores_nothing(
    analyzer: SensitivityAnalyzer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(contacts, "MAX_VCARD_BYTES", 64)
    chosen = tmp_path / "big.vcf"
    chosen.write_text(vcards.card30("Sam", vcards.photo_png()))
    store = ContactsStore(tmp_path / "contacts")
    with pytest.raises(ContactsError, match="too large"):
        store.import_file(chosen, analyzer, None, fail_closed=True)
    assert store.files() == []
