"""`safelens contacts import FILE.vcf` and `safelens contacts list`: contact photos, checked.

An import keeps the sanitised copy in SafeLens' contacts store (the chosen file is
never changed); replaced photos go to quarantine. Output holds counts and verdicts,
never names, numbers or addresses.

Exit codes of `import`: 0 imported, no photo hidden; 1 imported, at least one photo
hidden (sensitive or could not be checked); 2 usage error or nothing importable;
3 SafeLens cannot check anything (models missing or altered).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.analysis.analyzer import SensitivityAnalyzer
from desktop_app.analysis.verdict import AnalyzerUnavailable, Strictness
from desktop_app.core.storage import StorageError
from desktop_app.policy.effective import load_effective
from desktop_app.policy.settings import AgeBand

if TYPE_CHECKING:
    from desktop_app.surfaces.contacts import ContactsOutcome

from .options import add_age_band_and_test_pattern

EXIT_CLEAN, EXIT_HIDDEN, EXIT_USAGE, EXIT_UNAVAILABLE = 0, 1, 2, 3


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    contacts = commands.add_parser(
        "contacts",
        help="import contact cards (.vcf) with their photos checked",
        description="Contact photos are checked on this device before they are shown.",
    )
    actions = contacts.add_subparsers(dest="action", metavar="ACTION", required=True)
    importing = actions.add_parser(
        "import",
        help="check a .vcf file and keep its sanitised copy in the contacts view",
        description="Check every PHOTO and LOGO; sensitive ones (and, for a child, ones "
        "that could not be checked) are replaced by a neutral avatar and kept in quarantine. "
        "Photo links are never downloaded; for a child they are removed.",
    )
    importing.add_argument("path", type=Path, metavar="FILE.vcf")
    importing.add_argument("--json", action="store_true", help="one JSON object")
    add_age_band_and_test_pattern(importing)
    importing.set_defaults(handler=_import)
    listing = actions.add_parser("list", help="how many contacts the contacts view holds")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_list)


def outcome_json(outcome: ContactsOutcome) -> dict[str, Any]:
    """Counts and per-card verdicts; no names, numbers or pictures."""
    return {
        "cards": len(outcome.contacts),
        "imported": sum(c.error is None for c in outcome.contacts),
        "replaced": outcome.replaced,
        "sensitive": outcome.sensitive,
        "could_not_check": outcome.could_not_check,
        "remote_removed": outcome.remote_removed,
        "skipped_cards": outcome.skipped_cards,
        "quarantine_ids": list(outcome.quarantine_ids),
        "stored": str(outcome.sanitised_path) if outcome.sanitised_path else None,
        "contacts": [
            {
                "card": contact.number,
                "error": contact.error,
                "images": [
                    {
                        "property": image.prop,
                        "verdict": image.verdict.value,
                        "replaced": image.replaced,
                        "removed": image.removed,
                        "quarantine_id": image.quarantine_id,
                    }
                    for image in contact.images
                ],
            }
            for contact in outcome.contacts
        ],
    }


def _import(args: argparse.Namespace) -> int:
    # vCards and quarantine are imported here, not at start-up: every `safelens` command
    # would otherwise pay for them.
    from desktop_app.surfaces.contacts import ContactsError
    from desktop_app.surfaces.contacts_store import ContactsStore
    from desktop_app.surfaces.quarantine import Quarantine, QuarantineError

    policy, _state = load_effective()
    profile = policy.profile
    band = AgeBand(args.age_band) if args.age_band else (profile.band or AgeBand.ADULT)
    test_mode = bool(args.test_pattern or policy["test_pattern"])
    try:
        analyzer = SensitivityAnalyzer(
            Strictness(policy["strictness"]), test_pattern=test_mode, workers=1
        )
    except AnalyzerUnavailable as exc:
        print(f"safelens: {exc}", file=sys.stderr)
        return EXIT_UNAVAILABLE
    try:
        outcome = ContactsStore().import_file(
            args.path,
            analyzer,
            Quarantine(),
            fail_closed=band.is_child,
            profile_id=profile.profile_id,
        )
    except AnalyzerUnavailable as exc:
        print(f"safelens: {exc}", file=sys.stderr)
        return EXIT_UNAVAILABLE
    except (ContactsError, StorageError, QuarantineError) as exc:
        print(f"safelens contacts import: {exc}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        analyzer.close()
    if args.json:
        print(json.dumps(outcome_json(outcome)))
    else:
        print(_summary(outcome))
    hidden = outcome.replaced or outcome.could_not_check or outcome.sensitive
    return EXIT_HIDDEN if hidden else EXIT_CLEAN


def _summary(outcome: ContactsOutcome) -> str:
    lines = [
        f"Imported {sum(c.error is None for c in outcome.contacts)} of "
        f"{len(outcome.contacts)} contact cards.",
        f"Photos hidden (neutral avatar, original in quarantine): {outcome.replaced}",
        f"Photos that could not be checked: {outcome.could_not_check}",
        f"Photo links removed (never downloaded): {outcome.remote_removed}",
    ]
    lines += [contact.error for contact in outcome.contacts if contact.error]
    return "\n".join(lines)


def _list(args: argparse.Namespace) -> int:
    from desktop_app.surfaces.contacts_store import ContactsStore

    contacts = ContactsStore().contacts()
    hidden = sum(c.photo_hidden for c in contacts)
    if args.json:
        print(json.dumps({"contacts": len(contacts), "photos_hidden": hidden}))
    else:
        print(f"{len(contacts)} contacts, {hidden} with a hidden photo.")
    return EXIT_CLEAN
