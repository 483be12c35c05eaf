"""Contact images: pictures in vCards are checked, hidden ones replaced, originals kept."""

from __future__ import annotations

import base64
import hashlib
import io
from collections.abc import Callable
from pathlib import Path

import pytest
import vobject
from PIL import Image

from desktop_app import SensitivityAnalyzer
from desktop_app.analysis.carriers import vcard_text as vcard
from desktop_app.surfaces.avatar import neutral_avatar_png
from desktop_app.surfaces.contacts import (
    ContactsError,
    ContactsOutcome,
    ImageVerdict,
    sanitise_vcard_bytes,
)
from desktop_app.surfaces.quarantine import Quarantine
from tests.helpers import vcards

PATTERN = vcards.pattern_png()
PHOTO = vcards.photo_png()
AVATAR = neutral_avatar_png()


@pytest.fixture
def quarantine(tmp_path: Path) -> Quarantine:
    return Quarantine(tmp_path / "quarantine")


def sanitise(
    text: str,
    analyzer: SensitivityAnalyzer,
    quarantine: Quarantine | None,
    *,
    fail_closed: bool = True,
) -> tuple[str, ContactsOutcome]:
    result = sanitise_vcard_bytes(
        text.encode(), analyzer, quarantine, fail_closed=fail_closed, source="/in/friends.vcf"
    )
    return result.data.decode(), result.outcome


def pictures(text: str) -> list[tuple[str, bytes | None, bool]]:
    """Every picture of the sanitised text, read back with our own reader."""
    return [
        (pic.name, pic.data, pic.marked_replaced)
        for card in vcard.parse_cards(text)
        for pic in card.pictures
    ]


def decodes_as_png(data: bytes | None) -> bool:
    assert data is not None
    with Image.open(io.BytesIO(data)) as image:
        return image.format == "PNG" and image.size == (256, 256)


@pytest.mark.parametrize(
    "make",
    [vcards.card21, lambda n, p: vcards.card21(n, p, indented=False), vcards.card30, vcards.card40],
    ids=["2.1", "2.1-unindented", "3.0", "4.0-data-uri"],
)
def test_the_test_pattern_becomes_the_neutral_avatar_and_the_original_is_kept(
    make: Callable[[str, bytes], str], analyzer: SensitivityAnalyzer, quarantine: Quarantine
) -> None:
    text, outcome = sanitise(make("Sam Pattern", PATTERN), analyzer, quarantine)
    [contact] = outcome.contacts
    [image] = contact.images
    assert contact.name == "Sam Pattern" and image.verdict is ImageVerdict.sensitive
    assert image.replaced and outcome.replaced == 1
    assert pictures(text) == [("PHOTO", AVATAR, True)]
    assert base64.b64encode(PATTERN).decode()[:60] not in text.replace("\r\n ", "")
    entry = quarantine.get(image.quarantine_id)
    assert entry.sha256 == hashlib.sha256(PATTERN).hexdigest() == image.sha256
    assert quarantine.read_bytes(entry.id) == PATTERN
    assert entry.surface == "contacts" and entry.original_path == "/in/friends.vcf#card 1 PHOTO"


@pytest.mark.parametrize(
    "make",
    [vcards.card21, lambda n, p: vcards.card21(n, p, indented=False), vcards.card30, vcards.card40],
    ids=["2.1", "2.1-unindented", "3.0", "4.0-data-uri"],
)
def test_an_ordinary_photo_is_kept_as_it_was(
    make: Callable[[str, bytes], str], analyzer: SensitivityAnalyzer, quarantine: Quarantine
) -> None:
    text, outcome = sanitise(make("Ann", PHOTO), analyzer, quarantine)
    assert outcome.contacts[0].images[0].verdict is ImageVerdict.cleared
    assert pictures(text) == [("PHOTO", PHOTO, False)]
    assert not outcome.changed and quarantine.entries() == []


def test_a_logo_is_checked_like_a_photo(
    analyzer: SensitivityAnalyzer, quarantine: Quarantine
) -> None:
    text, outcome = sanitise(vcards.card30("Shop", PHOTO, logo=PATTERN), analyzer, quarantine)
    verdicts = [(i.prop, i.verdict) for i in outcome.contacts[0].images]
    assert verdicts == [("PHOTO", ImageVerdict.cleared), ("LOGO", ImageVerdict.sensitive)]
    assert pictures(text) == [("PHOTO", PHOTO, False), ("LOGO", AVATAR, True)]
    [entry] = quarantine.entries()
    assert entry.original_path.endswith("#card 1 LOGO")


@pytest.mark.parametrize(
    "line",
    [
        "LOGO;VALUE=uri:http://203.0.113.7/logo.png",
        "PHOTO;VALUE=uri:https://example.org/me.jpg",
        "PHOTO;VALUE=URL:ftp://example.org/me.jpg",
        "PHOTO;VALUE=uri:cid:photo@example.org",
        "PHOTO:file:///etc/passwd",
    ],
)
def test_remote_pictures_are_never_fetched_and_removed_for_children(
    line: str, analyzer: SensitivityAnalyzer, quarantine: Quarantine
) -> None:
    card = vcards.card30("Remote", extra=line)
    text, outcome = sanitise(card, analyzer, quarantine)
    [image] = outcome.contacts[0].images
    assert image.verdict is ImageVerdict.remote and image.removed
    assert outcome.remote_removed == 1 and outcome.changed
    assert line.split(":", 1)[1] not in text and pictures(text) == []
    assert "FN:Remote" in text and quarantine.entries() == []
    kept, adult = sanitise(card, analyzer, quarantine, fail_closed=False)
    assert line in kept and adult.remote_removed == 0


def test_many_cards_with_a_broken_one_among_them(
    analyzer: SensitivityAnalyzer, quarantine: Quarantine
) -> None:
    broken = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bad\r\nthis line is junk\r\nEND:VCARD\r\n"
    text = (
        "junk before the first card\r\n"
        + vcards.card30("One", PHOTO)
        + broken
        + vcards.card40("Three", PATTERN)
        + vcards.card21("Four")
    )
    sanitised, outcome = sanitise(text, analyzer, quarantine)
    contacts = outcome.contacts
    assert [c.number for c in contacts] == [1, 2, 3, 4]
    assert [c.name for c in contacts] == ["One", "", "Three", "Four"]
    assert contacts[1].error == "Card 2 was skipped: line 3 is not a vCard property."
    assert "junk" not in contacts[1].error.lower().replace("line 3 is", "")
    assert outcome.skipped_cards == 1 and outcome.replaced == 1
    names = [c.fn.value for c in vobject.readComponents(sanitised)]
    assert names == ["One", "Three", "Four"]
    adult, _ = sanitise(text, analyzer, quarantine, fail_closed=False)
    assert "this line is junk" in adult


def test_a_card_that_never_ends_is_reported(
    analyzer: SensitivityAnalyzer, quarantine: Quarantine
) -> None:
    text = vcards.card30("Fine") + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cut off\r\n"
    _, outcome = sanitise(text, analyzer, quarantine)
    assert outcome.contacts[1].error == "Card 2 was skipped: the card has no END:VCARD line."


def test_corrupt_base64_cannot_be_checked_so_it_is_hidden_and_kept(
    analyzer: SensitivityAnalyzer, quarantine: Quarantine
) -> None:
    card = vcards.card30("Broken", extra="PHOTO;ENCODING=b;TYPE=JPEG:@@not*base64@@")
    text, outcome = sanitise(card, analyzer, quarantine)
    [image] = outcome.contacts[0].images
    assert image.verdict is ImageVerdict.could_not_check and image.replaced
    assert outcome.could_not_check == 1
    assert pictures(text) == [("PHOTO", AVATAR, True)]
    assert quarantine.read_bytes(image.quarantine_id) == b"@@not*base64@@"
    assert quarantine.get(image.quarantine_id).reason == "could_not_check"


def test_valid_base64_that_is_not_a_picture_cannot_be_checked(
    analyzer: SensitivityAnalyzer, quarantine: Quarantine
) -> None:
    card = vcards.card40("Odd", b"\xff\xd8\xff\xe0" + bytes(300))
    text, outcome = sanitise(card, analyzer, quarantine)
    assert outcome.contacts[0].images[0].verdict is ImageVerdict.could_not_check
    assert pictures(text) == [("PHOTO", AVATAR, True)]
    kept, _ = sanitise(card, analyzer, None, fail_closed=False)
    assert pictures(kept)[0][1] == b"\xff\xd8\xff\xe0" + bytes(300)


def test_an_oversized_photo_is_not_checked_and_hidden(
    analyzer: SensitivityAnalyzer, quarantine: Quarantine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(vcard, "MAX_IMAGE_BYTES", 1024)
    _, outcome = sanitise(vcards.card30("Big", PHOTO), analyzer, quarantine)
    [image] = outcome.contacts[0].images
    assert image.verdict is ImageVerdict.could_not_check and image.replaced


def test_the_sanitised_copy_round_trips_through_vobject(
    analyzer: SensitivityAnalyzer, quarantine: Quarantine
) -> None:
    text = (
        vcards.card21("Ada Old", PATTERN)
        + vcards.card30("Bo Three", PATTERN, logo=PHOTO)
        + vcards.card40("Cy Four", PATTERN)
        + vcards.card30("Di Plain")
    )
    sanitised, outcome = sanitise(text, analyzer, quarantine)
    assert outcome.replaced == 3
    parsed = list(vobject.readComponents(sanitised))
    assert [c.fn.value for c in parsed] == ["Ada Old", "Bo Three", "Cy Four", "Di Plain"]
    for component in parsed[:2]:  # vobject decodes 2.1 and 3.0 base64 itself
        assert decodes_as_png(component.photo.value)
    assert parsed[1].logo.value == PHOTO
    assert parsed[1].tel.value == "+1 555 0100"
    for name, data, marked in pictures(sanitised):
        assert (decodes_as_png(data) and marked) if name == "PHOTO" else data == PHOTO
    again, second = sanitise(sanitised, analyzer, quarantine)
    assert again == sanitised and not second.changed


def test_a_file_without_cards_is_an_error(analyzer: SensitivityAnalyzer) -> None:
    with pytest.raises(ContactsError, match="no contact cards"):
        sanitise_vcard_bytes(b"\x89PNG\r\n", analyzer, None, fail_closed=True, source="x")


def test_other_inline_pictures_are_checked_and_dropped_when_hidden(
    analyzer: SensitivityAnalyzer, quarantine: Quarantine
) -> None:
    """Outlook's X-MS-CARDPICTURE and the like carry pictures too."""
    extra = vcards.folded(f"X-MS-CARDPICTURE;ENCODING=b;TYPE=PNG:{vcards.b64(PATTERN)}")
    text, outcome = sanitise(vcards.card30("Card", extra=extra), analyzer, quarantine)
    [image] = outcome.contacts[0].images
    assert image.prop == "X-MS-CARDPICTURE" and image.verdict is ImageVerdict.sensitive
    assert image.removed and "X-MS-CARDPICTURE" not in text
    assert quarantine.read_bytes(image.quarantine_id) == PATTERN


def test_pictures_are_never_decoded_in_this_process(
    analyzer: SensitivityAnalyzer, quarantine: Quarantine, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a contact picture was decoded outside the worker")

    monkeypatch.setattr(Image, "open", refuse)
    text = vcards.card30("A", PHOTO) + vcards.card40("B", PATTERN) + vcards.card21("C", PHOTO)
    _, outcome = sanitise(text, analyzer, quarantine)
    assert [i.verdict for c in outcome.contacts for i in c.images] == [
        ImageVerdict.cleared,
        ImageVerdict.sensitive,
        ImageVerdict.cleared,
    ]


def test_text_is_kept_exactly_including_unusual_characters(
    analyzer: SensitivityAnalyzer, quarantine: Quarantine
) -> None:
    note = "NOTE:line\u2028separator\u0085next; café \\, done"
    text, _ = sanitise(vcards.card30("Zoë", PATTERN, extra=note), analyzer, quarantine)
    assert note in text and "FN:Zoë" in text
