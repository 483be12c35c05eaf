"""Contact cards through the worker's carriers: every inline PHOTO/LOGO is a member."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop_app.analysis.analyzer import SensitivityAnalyzer
from desktop_app.analysis.carriers import extractor_for
from desktop_app.analysis.carriers.base import Budget, Limits, Member
from desktop_app.analysis.carriers.vcard import vcard_members
from desktop_app.analysis.verdict import CheckFailed, Status
from tests.helpers import vcards


def members(text: str) -> list[Member]:
    return list(vcard_members(text.encode(), Budget()))


@pytest.mark.parametrize(
    "card",
    [vcards.card21, vcards.card30, vcards.card40],
    ids=["2.1", "3.0", "4.0"],
)
def test_each_versions_inline_photo_is_a_member(card: Callable[..., str]) -> None:
    pattern = vcards.pattern_png()
    text = vcards.card30("Bo") + card("Ana", pattern)
    found = members(text)
    assert [m.name for m in found] == ["card 2 (Ana) / photo"]
    assert found[0].data == pattern


def test_a_21_photo_without_indentation_is_still_found() -> None:
    pattern = vcards.pattern_png()
    found = members(vcards.card21("Ana", pattern, indented=False))
    assert [m.data for m in found] == [pattern]


def test_photo_and_logo_are_both_members_in_file_order() -> None:
    photo, logo = vcards.photo_png(), vcards.pattern_png()
    found = members(vcards.card30("Ana", photo, logo=logo))
    assert [(m.name, m.data) for m in found] == [
        ("card 1 (Ana) / photo", photo),
        ("card 1 (Ana) / logo", logo),
    ]


def test_a_file_path_is_read_like_bytes(tmp_path: Path) -> None:
    path = tmp_path / "contacts.vcf"
    path.write_text(vcards.card40("Ana", vcards.photo_png()), newline="")
    assert [m.name for m in vcard_members(str(path), Budget())] == ["card 1 (Ana) / photo"]


def test_cards_without_pictures_hold_nothing_to_check() -> None:
    assert members(vcards.card30("Ana") + vcards.card40("Bo")) == []


def test_a_remote_photo_is_never_fetched_and_could_not_be_checked() -> None:
    """Yielded inline pictures come first, so a sensitive one still decides."""
    remote = "PHOTO;VALUE=uri:https://example.org/ana.png"
    text = vcards.card40("Bo", vcards.photo_png()) + vcards.card40("Ana", extra=remote)
    found: list[Member] = []
    with pytest.raises(CheckFailed) as failed:
        for member in vcard_members(text.encode(), Budget()):
            found.append(member)
    assert [m.name for m in found] == ["card 1 (Bo) / photo"]
    assert failed.value.status is Status.UNSUPPORTED
    assert "link to the internet" in failed.value.reason
    assert "card 2 (Ana) / photo" in failed.value.reason


def test_a_damaged_photo_could_not_be_checked() -> None:
    text = vcards.card30("Ana", extra="PHOTO;ENCODING=b;TYPE=PNG:!!!not base64!!!")
    with pytest.raises(CheckFailed) as failed:
        members(text)
    assert failed.value.status is Status.UNREADABLE
    assert "damaged" in failed.value.reason


def test_a_too_large_contacts_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.vcf"
    with path.open("wb") as out:
        out.truncate(65 * 1024 * 1024)
    with pytest.raises(CheckFailed) as failed:
        list(vcard_members(str(path), Budget()))
    assert "too large" in failed.value.reason


def test_the_carrier_table_names_this_extractor() -> None:
    assert extractor_for("vcard") is vcard_members


# --- end to end, through the worker (safelens check on a .vcf) ---------------------------------


def test_a_contacts_file_with_the_pattern_is_sensitive_and_names_the_card(
    analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    path = tmp_path / "contacts.vcf"
    path.write_text(
        vcards.card30("Bo", vcards.photo_png()) + vcards.card40("Ana", vcards.pattern_png()),
        newline="",
    )
    result = analyzer.analyze_file(path)
    assert (result.status, result.is_sensitive) == (Status.OK, True)
    assert result.member == "card 2 (Ana) / photo"


def test_a_contacts_file_with_only_a_remote_photo_could_not_be_checked(
    analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    path = tmp_path / "contacts.vcf"
    path.write_text(vcards.card40("Ana", extra="PHOTO:https://example.org/a.png"), newline="")
    result = analyzer.analyze_file(path)
    assert result.status is Status.UNSUPPORTED
    assert result.reason is not None and "link to the internet" in result.reason


@pytest.mark.slow  # a big file
def test_a_file_of_very_many_cards_is_stopped_by_the_clock() -> None:
    text = vcards.card30("Ana") * 20_000 + vcards.card40("Bo", vcards.pattern_png())
    started = time.monotonic()
    with pytest.raises(CheckFailed) as failed:
        list(vcard_members(text.encode(), Budget(Limits(time_s=0.5))))
    assert failed.value.status is Status.TIMEOUT
    assert time.monotonic() - started < 2.0
