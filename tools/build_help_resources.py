#!/usr/bin/env python3
"""Build the app's help-resources data file from the project's verified reference.

The reference (``../shared/reference/help_resources.json``, next to the repository) holds
everything that was researched, including what could not be confirmed. Children may only see
confirmed facts, so this script keeps:

* entries with ``verified: true`` only (``verified: false`` means "do not show to children");
* inside those, only fields no source left in doubt: every ``unverified_fields`` phrase is
  mapped to the fields it casts doubt on, and an unknown phrase stops the build so a person
  decides (never a silent guess);
* a country's emergency number only when ``emergency_verified`` is true;
* ``source``, ``source_type`` and ``source_date`` on every entry, so the screen can show where
  each fact came from.

The output is written with sorted keys and an indent of 2, so a rebuild from the same
reference is byte-identical and a test can compare the shipped file with a fresh build.

Usage: ``python tools/build_help_resources.py [--reference PATH] [--output PATH] [--check]``
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_REFERENCE = REPO_ROOT.parent / "shared" / "reference" / "help_resources.json"
DEFAULT_OUTPUT = REPO_ROOT / "desktop_app" / "safety" / "help_resources.json"
GENERATED_FROM = "shared/reference/help_resources.json"
FORMAT = 1

KINDS = ("helpline", "report", "removal", "info")
SOURCE_TYPES = ("official", "secondary")
TEXT_FIELDS = ("phone", "sms", "chat_url", "url", "hours", "ages", "notes", "source_date")
URL_FIELDS = ("chat_url", "url")
REQUIRED = ("kind", "name", "source", "source_type")
SHAPE = (*REQUIRED, *TEXT_FIELDS, "languages")
# Reference keys that never reach the app: bookkeeping, or channels the app has no place for.
NOT_SHIPPED = frozenset(
    {"verified", "unverified_fields", "extra_sources", "whatsapp", "telegram", "sms_keyword"}
)
# Phrases in ``unverified_fields`` that are not a field name, read by a person: the fields
# they make doubtful. An empty tuple means the doubtful detail is not in the entry at all
# (the reference already left it out), so nothing that is shipped is in doubt.
UNVERIFIED_PHRASES: dict[str, tuple[str, ...]] = {
    "current hours": ("hours",),
    "exact chat page url": ("chat_url",),
    "phone number seen only on cbc": ("phone",),
    "sms number": ("sms",),
    "current operator after 112 integration": (),
    "deep link to the report remove page": (),
    "direct url of the report form": (),
    "exact url of the per-country directory page": (),
    "free-call status from non-globe networks": (),
    "national coverage": (),
    "numeric phone digits": (),
    "report page path /report": (),
}
_HTTP_URL = re.compile(r"https?://[^\s/]+\S*")
_COUNTRY_CODE = re.compile(r"[A-Z]{2}")


class BuildError(ValueError):
    """The reference says something this script cannot turn into safe data without a person."""


def load_reference(path: Path) -> dict[str, Any]:
    """Read the reference JSON; a non-object top level is refused rather than guessed at."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise BuildError(f"{path}: the top level is not a JSON object")
    return data


def phrase_key(phrase: str) -> str:
    """Reduce an ``unverified_fields`` phrase to its stable part (drops the parenthesised why)."""
    return re.sub(r"\s+", " ", phrase.split("(", 1)[0]).strip().lower()


def doubtful_fields(phrase: str) -> tuple[str, ...]:
    """Fields an ``unverified_fields`` phrase casts doubt on; unknown phrases stop the build."""
    key = phrase_key(phrase)
    if key in SHAPE or key in NOT_SHIPPED:
        return (key,)
    if key in UNVERIFIED_PHRASES:
        return UNVERIFIED_PHRASES[key]
    raise BuildError(f"unknown unverified_fields phrase {phrase!r}: map it in UNVERIFIED_PHRASES")


def is_shown(entry: dict[str, Any]) -> bool:
    """Only entries explicitly marked verified may reach a child; a missing flag means no."""
    return entry.get("verified") is True


def check_url(value: object, what: str) -> str:
    """Refuse anything that is not an http(s) URL, so a link on screen always goes somewhere."""
    if not isinstance(value, str) or not _HTTP_URL.fullmatch(value):
        raise BuildError(f"{what}: not an http(s) URL: {value!r}")
    return value


def check_text(value: object, what: str) -> str:
    """Refuse empty or non-string text, which would show up as a blank line on screen."""
    if not isinstance(value, str) or not value.strip():
        raise BuildError(f"{what}: expected non-empty text, got {value!r}")
    return value


def check_codes(value: object) -> list[str]:
    """Languages must be a list of short codes, so the screen can name them per locale."""
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise BuildError(f"languages: expected a list of language codes, got {value!r}")
    return list(value)


def normalise_resource(entry: dict[str, Any], where: str) -> dict[str, Any]:
    """One verified entry in the app's shape, with every doubtful field left out."""
    unknown = set(entry) - set(SHAPE) - NOT_SHIPPED
    if unknown:
        raise BuildError(f"{where}: unknown keys {sorted(unknown)}; decide whether they may ship")
    name = check_text(entry.get("name"), f"{where}: name")
    where = f"{where} / {name}"
    if entry.get("kind") not in KINDS:
        raise BuildError(f"{where}: kind {entry.get('kind')!r} is not one of {KINDS}")
    if entry.get("source_type") not in SOURCE_TYPES:
        raise BuildError(f"{where}: source_type {entry.get('source_type')!r} is unknown")
    dropped = {f for p in entry.get("unverified_fields", []) for f in doubtful_fields(p)}
    if dropped & set(REQUIRED):
        raise BuildError(f"{where}: {sorted(dropped & set(REQUIRED))} unverified; withhold it")
    out: dict[str, Any] = {
        "kind": entry["kind"],
        "name": name,
        "source": check_url(entry.get("source"), f"{where}: source"),
        "source_type": entry["source_type"],
        "languages": [] if "languages" in dropped else check_codes(entry.get("languages", [])),
    }
    for field in TEXT_FIELDS:
        value = None if field in dropped else entry.get(field)
        if value is not None:
            value = check_text(value, f"{where}: {field}")
            if field in URL_FIELDS:
                check_url(value, f"{where}: {field}")
        out[field] = value
    return out


def normalise_list(entries: Iterable[dict[str, Any]], where: str) -> list[dict[str, Any]]:
    """The shown entries of one list, in the reference's order."""
    return [normalise_resource(e, where) for e in entries if is_shown(e)]


def normalise_country(code: str, country: dict[str, Any]) -> dict[str, Any]:
    """A country's shown resources, plus its emergency number only if a source confirmed it."""
    if not _COUNTRY_CODE.fullmatch(code) or code == "UK":
        raise BuildError(f"{code!r} is not an ISO 3166-1 alpha-2 code (the UK is GB)")
    emergency = emergency_source = None
    if country.get("emergency_verified") is True:
        emergency = check_text(country.get("emergency"), f"{code}: emergency")
        emergency_source = check_url(country.get("emergency_source"), f"{code}: emergency_source")
    return {
        "emergency": emergency,
        "emergency_source": emergency_source,
        "resources": normalise_list(country.get("resources", []), code),
    }


def build(reference: dict[str, Any]) -> dict[str, Any]:
    """The whole data file as a dict: the retrieved date, the international list, countries."""
    return {
        "format": FORMAT,
        "generated_from": GENERATED_FROM,
        "retrieved": check_text(reference.get("retrieved"), "retrieved"),
        "international": normalise_list(reference.get("international", []), "international"),
        "countries": {
            code: normalise_country(code, country)
            for code, country in reference.get("countries", {}).items()
        },
    }


def render(data: dict[str, Any]) -> str:
    """Deterministic text (sorted keys, indent 2, trailing newline) so rebuilds are identical."""
    return json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def build_text(reference_path: Path) -> str:
    """The exact text the data file should hold for this reference."""
    return render(build(load_reference(reference_path)))


def _all_entries(reference: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """Every reference entry with the list it came from, for the summary."""
    pairs = [("international", e) for e in reference.get("international", [])]
    for code, country in reference.get("countries", {}).items():
        pairs += [(code, e) for e in country.get("resources", [])]
    return pairs


def summary(reference: dict[str, Any]) -> list[str]:
    """Human-readable counts of what was kept and what was withheld, and why."""
    pairs = _all_entries(reference)
    shown = [(w, e) for w, e in pairs if is_shown(e)]
    lines = [
        f"countries: {len(reference.get('countries', {}))}",
        f"entries: {len(pairs)} in the reference, {len(shown)} shipped, "
        f"{len(pairs) - len(shown)} withheld (verified=false)",
    ]
    lines += [f"  withheld: {w} / {e.get('name')}" for w, e in pairs if not is_shown(e)]
    for where, entry in shown:
        for phrase in entry.get("unverified_fields", []):
            fields = [f for f in doubtful_fields(phrase) if entry.get(f) is not None]
            action = f"dropped {', '.join(fields)}" if fields else "nothing shipped was in doubt"
            lines.append(f"  {where} / {entry['name']}: {phrase!r}: {action}")
    for code, country in reference.get("countries", {}).items():
        if country.get("emergency_verified") is not True:
            lines.append(f"  {code}: emergency {country.get('emergency')} withheld (unverified)")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    """Write (or with --check, compare) the data file; exit 1 if --check finds it stale."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--check", action="store_true", help="fail if the output is stale")
    args = parser.parse_args(argv)
    reference = load_reference(args.reference)
    text = render(build(reference))
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is stale: run tools/build_help_resources.py", file=sys.stderr)
            return 1
        return 0
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output}")
    print("\n".join(summary(reference)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
