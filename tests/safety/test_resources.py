"""Help resources: only confirmed facts reach a child, each with its source, for every region."""

from __future__ import annotations

import importlib.resources
import importlib.util
import json
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from desktop_app.safety import resources
from desktop_app.safety.resources import (
    MINIMAL_FALLBACK,
    HelpResource,
    Kind,
    help_for,
    normalise_region,
    region_from_locale,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
REFERENCE = REPO_ROOT.parent / "shared" / "reference" / "help_resources.json"
BUILD_SCRIPT = REPO_ROOT / "tools" / "build_help_resources.py"
HTTP_URL = re.compile(r"https?://[^\s/]+\S*")
KIND_ORDER = ["helpline", "report", "removal", "info"]

# Reviewed readings of the free-text ``unverified_fields`` phrases that are not a field name:
# the shipped fields each one must have removed (empty: the doubtful detail was never in the
# entry, e.g. a deep link the reference already replaced with the confirmed home page).
PHRASE_DROPS: dict[str, set[str]] = {
    "current hours": {"hours"},
    "exact chat page url": {"chat_url"},
    "phone number seen only on cbc": {"phone"},
    "sms number": {"sms"},
    "current operator after 112 integration": set(),
    "deep link to the report remove page": set(),
    "direct url of the report form": set(),
    "exact url of the per-country directory page": set(),
    "free-call status from non-globe networks": set(),
    "national coverage": set(),
    "numeric phone digits": set(),
    "report page path /report": set(),
}
SHAPE = {
    "kind",
    "name",
    "phone",
    "sms",
    "chat_url",
    "url",
    "hours",
    "languages",
    "ages",
    "notes",
    "source",
    "source_type",
    "source_date",
}


@pytest.fixture(scope="module")
def reference() -> dict[str, Any]:
    """The verified reference next to the repository (../shared), which CI also has."""
    if not REFERENCE.is_file():
        missing = f"no verified reference at {REFERENCE}: it lives in ../shared beside the repo"
        if os.environ.get("CI") == "true":
            pytest.fail(missing + " (CI always has it)")
        pytest.skip(missing)
    data: dict[str, Any] = json.loads(REFERENCE.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def build_script() -> ModuleType:
    """tools/build_help_resources.py, loaded from its path (tools/ is not a package)."""
    spec = importlib.util.spec_from_file_location("build_help_resources", BUILD_SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def shipped_text() -> str:
    """The data file exactly as the installed package ships it."""
    files = importlib.resources.files("desktop_app.safety")
    return (files / "help_resources.json").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def shipped(shipped_text: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(shipped_text)
    return data


def shipped_entries(data: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(list name, entry) for every resource in a data file or the reference."""
    yield from (("international", e) for e in data["international"])
    for code, country in data["countries"].items():
        yield from ((code, e) for e in country["resources"])


def shipped_list(shipped: dict[str, Any], where: str) -> list[dict[str, Any]]:
    """The shipped entries of one list: "international" or a country code."""
    if where == "international":
        return list(shipped["international"])
    return list(shipped["countries"].get(where, {"resources": []})["resources"])


def all_regions(shipped: dict[str, Any]) -> list[str | None]:
    return [*shipped["countries"], None, "ZZ"]


def phrase_key(phrase: str) -> str:
    return re.sub(r"\s+", " ", phrase.split("(", 1)[0]).strip().lower()


# -- the shipped data file ------------------------------------------------------------------


def test_every_shipped_entry_has_a_source(shipped: dict[str, Any]) -> None:
    entries = list(shipped_entries(shipped))
    assert len(entries) > 20
    for where, entry in entries:
        assert set(entry) == SHAPE, (where, entry["name"])
        assert HTTP_URL.fullmatch(entry["source"]), (where, entry["name"])
        assert entry["source_type"] in {"official", "secondary"}, (where, entry["name"])
        assert entry["kind"] in KIND_ORDER, (where, entry["name"])
    for code, country in shipped["countries"].items():
        if country["emergency"] is not None:
            assert HTTP_URL.fullmatch(country["emergency_source"]), code


def test_shipped_file_loads_cleanly_with_its_date(shipped: dict[str, Any]) -> None:
    result = help_for("GB")
    assert result.problem is None
    assert result.retrieved == shipped["retrieved"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", shipped["retrieved"])


def test_every_resource_object_carries_its_source(shipped: dict[str, Any]) -> None:
    for region in all_regions(shipped):
        for minor in (True, False):
            for item in help_for(region, minor=minor).resources:
                assert HTTP_URL.fullmatch(item.source), (region, item.name)
                assert item.source_type in {"official", "secondary"}


def test_the_shipped_file_is_a_fresh_build_of_the_reference(
    reference: dict[str, Any], build_script: ModuleType, shipped_text: str
) -> None:
    assert build_script.build_text(REFERENCE) == shipped_text, (
        "desktop_app/safety/help_resources.json is stale: run tools/build_help_resources.py"
    )
    assert json.loads(shipped_text)["retrieved"] == reference["retrieved"]


# -- nothing unconfirmed reaches a child -----------------------------------------------------


def test_no_unverified_entry_is_shipped(reference: dict[str, Any], shipped: dict[str, Any]) -> None:
    hidden = [(w, e) for w, e in shipped_entries(reference) if e.get("verified") is not True]
    assert len(hidden) >= 5
    for where, entry in hidden:
        assert entry["name"] not in {e["name"] for e in shipped_list(shipped, where)}
        if entry.get("phone"):
            assert entry["phone"] not in {e["phone"] for e in shipped_list(shipped, where)}
    shown = {e["name"] for _, e in shipped_entries(shipped)}
    assert "CEOP (Child Exploitation and Online Protection Command)" not in shown
    assert "Awel (Dutch-speaking)" not in shown


def test_no_unverified_field_is_shipped(reference: dict[str, Any], shipped: dict[str, Any]) -> None:
    checked = 0
    for where, entry in shipped_entries(reference):
        if entry.get("verified") is not True:
            continue
        [out] = [e for e in shipped_list(shipped, where) if e["name"] == entry["name"]]
        for phrase in entry.get("unverified_fields", []):
            key = phrase_key(phrase)
            if key == "whatsapp":
                continue  # never shipped at all: the app's shape has no WhatsApp field
            fields = {key} if key in SHAPE else PHRASE_DROPS.get(key)
            assert fields is not None, f"unreviewed unverified_fields phrase {phrase!r}"
            for field in fields:
                assert out[field] in (None, []), (where, entry["name"], field)
                checked += 1
    assert checked >= 8


def test_reviewed_drops_for_doubtful_details(shipped: dict[str, Any]) -> None:
    def entry(where: str, name: str) -> dict[str, Any]:
        [found] = [e for e in shipped_list(shipped, where) if e["name"].startswith(name)]
        return found

    assert entry("CA", "Kids Help Phone")["phone"] is None
    assert entry("CA", "Kids Help Phone")["sms"] == "686868"
    assert entry("ES", "Fundacion ANAR")["chat_url"] is None
    assert entry("NL", "De Kindertelefoon")["hours"] is None
    assert entry("BE", "103 Ecoute-Enfants")["hours"] is None
    assert entry("IN", "CHILDLINE 1098")["languages"] == []
    assert entry("international", "Take It Down")["languages"] == []
    # The deep links nobody confirmed were never in the entries: the home pages are.
    assert entry("GB", "Report Remove")["url"] == "https://www.childline.org.uk"
    assert entry("GB", "Internet Watch Foundation")["url"] == "https://www.iwf.org.uk"


def test_unconfirmed_emergency_numbers_are_withheld(
    reference: dict[str, Any], shipped: dict[str, Any]
) -> None:
    for code, country in reference["countries"].items():
        out = shipped["countries"][code]
        if country["emergency_verified"] is True:
            assert out["emergency"] == country["emergency"], code
            assert out["emergency_source"] == country["emergency_source"], code
        else:
            assert out["emergency"] is None and out["emergency_source"] is None, code
            assert help_for(code).emergency is None


# -- StopNCII and the audience ---------------------------------------------------------------


def is_stopncii(item: HelpResource) -> bool:
    return "stopncii" in f"{item.name} {item.url} {item.chat_url}".lower()


def test_stopncii_never_reaches_a_minor(shipped: dict[str, Any]) -> None:
    for region in all_regions(shipped):
        assert not any(is_stopncii(r) for r in help_for(region).resources), region
        assert not any(is_stopncii(r) for r in help_for(region, minor=True).resources), region


def test_adults_get_stopncii_and_minors_get_take_it_down() -> None:
    adults = help_for(None, minor=False).resources
    minors = help_for(None).resources
    assert any(is_stopncii(r) for r in adults)
    assert any(r.name.startswith("Take It Down") for r in minors)
    assert {r.name for r in adults} - {r.name for r in minors} == {
        r.name for r in adults if is_stopncii(r)
    }


def test_stopncii_is_blocked_for_minors_even_if_reworded() -> None:
    reworded = HelpResource(
        kind=Kind.INFO,
        name="Image help",
        url="https://www.stopncii.org/",
        ages="Everyone",
        source="https://example.org",
        source_type="secondary",
    )
    assert reworded.adults_only
    for ages in ("18+ only", "Adults only", "Over 18", "18 or older"):
        assert HelpResource(Kind.INFO, "x", "https://e.org", "official", ages=ages).adults_only
    for ages in ("Under 18", "18 and under", "Up to 18", "0-18", "Under 19", "5-25"):
        assert not HelpResource(Kind.INFO, "x", "https://e.org", "official", ages=ages).adults_only


def test_resources_are_ordered_helpline_report_removal_info(shipped: dict[str, Any]) -> None:
    for region in all_regions(shipped):
        for minor in (True, False):
            kinds = [r.kind.value for r in help_for(region, minor=minor).resources]
            assert kinds == sorted(kinds, key=KIND_ORDER.index), region


# -- regions ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("region", "helpline", "emergency"),
    [
        ("GB", "Childline (NSPCC)", "999"),
        ("US", "Childhelp National Child Abuse Hotline", "911"),
        ("DE", "Nummer gegen Kummer - Kinder- und Jugendtelefon", "112"),
        ("FR", "119 - Allo Enfance en Danger", "112"),
        ("ES", "Fundacion ANAR - Telefono de Ayuda a Ninos y Adolescentes", "112"),
    ],
)
def test_a_country_gets_its_own_helpline(region: str, helpline: str, emergency: str) -> None:
    result = help_for(region)
    assert (result.region, result.is_fallback, result.problem) == (region, False, None)
    assert result.emergency == emergency
    assert result.emergency_source and HTTP_URL.fullmatch(result.emergency_source)
    first = result.resources[0]
    assert (first.kind, first.name) == (Kind.HELPLINE, helpline)
    assert HTTP_URL.fullmatch(first.source)
    assert first.phone


@pytest.mark.parametrize("region", ["uk", "UK", " gb ", "Gb"])
def test_uk_and_any_case_mean_gb(region: str) -> None:
    assert normalise_region(region) == "GB"
    assert help_for(region) == help_for("GB")


@pytest.mark.parametrize("region", [None, "ZZ", "", "   ", "GBR", "G", "12", "en_GB"])
def test_unknown_region_gets_the_international_list(
    region: str | None, shipped: dict[str, Any]
) -> None:
    result = help_for(region)
    assert result.is_fallback and result.region is None and result.problem is None
    assert result.emergency is None and result.emergency_source is None
    expected = {e["name"] for e in shipped["international"]} - {"StopNCII.org (adults 18+ only)"}
    assert {r.name for r in result.resources} == expected
    assert any(r.name.startswith("Take It Down") for r in result.resources)


@pytest.mark.parametrize(
    ("locale_name", "region"),
    [
        ("de_DE.UTF-8", "DE"),
        ("en-GB", "GB"),
        ("fr_CA", "CA"),
        ("en_US", "US"),
        ("es_ES@euro", "ES"),
        ("sr_RS.UTF-8@latin", "RS"),
        ("zh-Hant-TW", "TW"),
        ("en-gb", "GB"),
        ("en_UK", "GB"),
        ("  ja_JP.eucJP  ", "JP"),
        ("es-419", None),
        ("en-u-ca-gregory", None),
        ("en", None),
        ("C", None),
        ("C.UTF-8", None),
        ("POSIX", None),
        ("", None),
        (None, None),
        ("English_United Kingdom", None),
    ],
)
def test_region_from_locale(locale_name: str | None, region: str | None) -> None:
    assert region_from_locale(locale_name) == region


# -- a missing or damaged data file ----------------------------------------------------------


def raising(exc: Exception) -> Callable[[], str]:
    def read() -> str:
        raise exc

    return read


def returning(text: str) -> Callable[[], str]:
    return lambda: text


def good_text_with(change: Callable[[dict[str, Any]], None]) -> Callable[[], str]:
    """The shipped file with one thing broken, to check that partial damage is caught too."""
    files = importlib.resources.files("desktop_app.safety")
    data = json.loads((files / "help_resources.json").read_text(encoding="utf-8"))
    change(data)
    return returning(json.dumps(data))


@pytest.mark.parametrize(
    "reader",
    [
        returning("\x00garbage{{{ not json"),
        returning(""),
        returning("[]"),
        returning('{"format": 1}'),
        returning("[" * 100_000),
        raising(FileNotFoundError("help_resources.json")),
        raising(PermissionError("denied")),
        raising(UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")),
        good_text_with(lambda d: d.update(format=99)),
        good_text_with(lambda d: d["countries"]["GB"]["resources"][0].pop("source")),
        good_text_with(lambda d: d["countries"]["GB"]["resources"][0].update(source="")),
        good_text_with(lambda d: d["countries"]["GB"]["resources"][0].update(url="javascript:x")),
        good_text_with(lambda d: d["countries"]["GB"]["resources"][0].update(kind="nope")),
        good_text_with(lambda d: d["countries"]["GB"].update(emergency_source=None)),
        good_text_with(lambda d: d["countries"].update(uk=d["countries"]["GB"])),
        good_text_with(lambda d: d["international"][0].update(languages="en")),
    ],
)
@pytest.mark.parametrize("region", ["GB", None])
def test_damaged_data_gives_the_minimal_fallback(
    monkeypatch: pytest.MonkeyPatch, reader: Callable[[], str], region: str | None
) -> None:
    monkeypatch.setattr(resources, "_read_data_text", reader)
    result = help_for(region)
    assert result.is_fallback and result.region is None and result.emergency is None
    assert result.problem and "could not be loaded" in result.problem
    assert result.resources == MINIMAL_FALLBACK
    assert [r.kind for r in result.resources] == [Kind.REMOVAL, Kind.INFO]


def test_minimal_fallback_matches_the_shipped_entries() -> None:
    international = {r.name: r for r in help_for(None, minor=False).resources}
    for item in MINIMAL_FALLBACK:
        assert international[item.name] == item
        assert HTTP_URL.fullmatch(item.source)
        assert not item.adults_only


# -- the build script -------------------------------------------------------------------------


def tiny_reference() -> dict[str, Any]:
    """A small reference exercising every rule of the build."""

    def entry(name: str, **extra: Any) -> dict[str, Any]:
        base = {"kind": "helpline", "name": name, "source": "https://s.example/" + name}
        return {**base, "source_type": "official", "verified": True, **extra}

    return {
        "retrieved": "2026-01-02",
        "international": [entry("Shown"), entry("Hidden", verified=False), entry("NoFlag")],
        "countries": {
            "AA": {
                "emergency": "999",
                "emergency_verified": False,
                "resources": [
                    entry(
                        "Doubtful",
                        phone="123",
                        url="https://a.example",
                        whatsapp="1",
                        extra_sources=["https://b.example"],
                        unverified_fields=["phone", "current hours"],
                        hours="9-5",
                    )
                ],
            },
            "BB": {
                "emergency": "112",
                "emergency_source": "https://e.example",
                "emergency_verified": True,
                "resources": [],
            },
        },
    }


def test_build_keeps_only_what_may_be_shown(build_script: ModuleType) -> None:
    ref = tiny_reference()
    ref["international"][2].pop("verified")
    data = build_script.build(ref)
    assert [e["name"] for e in data["international"]] == ["Shown"]
    [doubtful] = data["countries"]["AA"]["resources"]
    assert set(doubtful) == SHAPE
    assert (doubtful["phone"], doubtful["hours"]) == (None, None)
    assert doubtful["url"] == "https://a.example"
    assert doubtful["source"] == "https://s.example/Doubtful"
    assert data["countries"]["AA"]["emergency"] is None
    assert data["countries"]["BB"]["emergency"] == "112"
    assert data["retrieved"] == "2026-01-02"
    text = build_script.render(data)
    reordered = {key: ref[key] for key in reversed(ref)}
    assert build_script.render(build_script.build(reordered)) == text
    assert text == json.dumps(json.loads(text), sort_keys=True, indent=2, ensure_ascii=False) + "\n"


@pytest.mark.parametrize(
    "breakage",
    [
        lambda r: r["international"][0].update(unverified_fields=["colour of the logo"]),
        lambda r: r["international"][0].update(unverified_fields=["name"]),
        lambda r: r["international"][0].update(kind="advice"),
        lambda r: r["international"][0].update(source=""),
        lambda r: r["international"][0].update(email="x@example.org"),
        lambda r: r["countries"].update(UK={"resources": []}),
        lambda r: r["countries"]["AA"].update(emergency_verified=True),
    ],
)
def test_build_stops_when_a_person_must_decide(
    build_script: ModuleType, breakage: Callable[[dict[str, Any]], None]
) -> None:
    ref = tiny_reference()
    breakage(ref)
    with pytest.raises(build_script.BuildError):
        build_script.build(ref)


def test_build_check_mode_spots_a_stale_file(
    reference: dict[str, Any], build_script: ModuleType, tmp_path: Path
) -> None:
    out = tmp_path / "help_resources.json"
    args = ["--reference", str(REFERENCE), "--output", str(out)]
    assert build_script.main([*args, "--check"]) == 1
    assert build_script.main(args) == 0
    assert build_script.main([*args, "--check"]) == 0
    assert out.read_text(encoding="utf-8") == build_script.build_text(REFERENCE)
