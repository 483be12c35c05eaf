"""`safelens policy show|validate|schema` (like Firefox's about:policies)."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from desktop_app.policy import settings
from desktop_app.policy.effective import EffectivePolicy, load_effective
from desktop_app.policy.managed import validate_file

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    policy = commands.add_parser(
        "policy", help="show or validate protection settings and managed policies"
    )
    policy.set_defaults(handler=lambda _args: _usage(policy))
    actions = policy.add_subparsers(dest="action", metavar="ACTION")
    show = actions.add_parser("show", help="every setting in effect, with its source")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=_show)
    validate = actions.add_parser("validate", help="check a managed policy file (.json/.plist)")
    validate.add_argument("file", type=Path)
    validate.add_argument("--json", action="store_true")
    validate.set_defaults(handler=_validate)
    schema = actions.add_parser("schema", help="print the managed-policy JSON Schema")
    schema.set_defaults(handler=_schema)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return EXIT_USAGE


def _show(args: argparse.Namespace) -> int:
    policy, _state = load_effective()
    if args.json:
        print(json.dumps(policy.to_json(), indent=2))
        return EXIT_OK
    _print_profile(policy)
    width = max(len(key) for key in policy.values)
    for key, item in policy.values.items():
        lock = "locked" if item.locked else ""
        origin = f" ({item.origin})" if item.origin else ""
        value = json.dumps(item.value)
        print(f"{key:<{width}}  {value:<28} {item.source.value:<9}{lock}{origin}")
    for problem in policy.problems:
        print(f"! {problem}")
    return EXIT_OK


def _print_profile(policy: EffectivePolicy) -> None:
    profile = policy.profile
    band = profile.band.value if profile.band else "none (not set up)"
    print(f"User {profile.os_user}: age band {band} (from {profile.source.value})\n")


def _validate(args: argparse.Namespace) -> int:
    if not args.file.exists():
        print(f"safelens: {args.file} does not exist", file=sys.stderr)
        return EXIT_USAGE
    result = validate_file(args.file)
    if args.json:
        print(
            json.dumps(
                {
                    "file": str(args.file),
                    "valid": not result.issues,
                    "settings": {k: v.value for k, v in result.values.items()},
                    "issues": [asdict(issue) for issue in result.issues],
                },
                indent=2,
            )
        )
    else:
        for key, item in result.values.items():
            print(f"ok   {key} = {json.dumps(item.value)}")
        for issue in result.issues:
            print(f"FAIL {issue}")
        print("valid" if not result.issues else f"{len(result.issues)} problem(s)")
    return EXIT_OK if not result.issues else EXIT_PROBLEMS


def _schema(_args: argparse.Namespace) -> int:
    print(json.dumps(settings.policy_schema(), indent=2))
    return EXIT_OK
