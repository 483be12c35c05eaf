"""`safelens policy show|validate|schema` and `safelens doctor` (like Firefox's about:policies)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import asdict
from pathlib import Path

from desktop_app.analysis.models import ModelError, load_manifest
from desktop_app.policy import settings
from desktop_app.policy.effective import EffectivePolicy, load_effective
from desktop_app.policy.managed import ManagedPolicy, load_managed, validate_file
from desktop_app.policy.store import StoreStatus
from desktop_app.safety.oslog import SYSLOG_SOCKET

from .findings import Finding

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

    doctor = commands.add_parser(
        "doctor", help="check that SafeLens can protect this computer, and say what is wrong"
    )
    doctor.add_argument("--json", action="store_true")
    doctor.set_defaults(handler=_doctor)


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


def _doctor(args: argparse.Namespace) -> int:
    # The agent's and the quarantine's modules load here, not at every `safelens` start-up.
    from .agent_findings import agent_findings, quarantine_findings

    managed = load_managed()
    policy, state = load_effective(managed=managed)
    findings = [
        *_model_findings(),
        *_pin_findings(),
        *_policy_findings(managed),
        Finding(
            "settings",
            state.status is not StoreStatus.DAMAGED,
            f"settings store: {state.status.value}"
            + (f" — {'; '.join(state.problems)}" if state.problems else ""),
        ),
        *_folder_findings(policy),
        *quarantine_findings(),
        *agent_findings(policy),
        _os_log_finding(),
        Finding("profile", True, _profile_line(policy)),
    ]
    if args.json:
        print(json.dumps([asdict(f) for f in findings], indent=2))
    else:
        for finding in findings:
            print(f"{'ok ' if finding.ok else 'BAD'}  {finding.area:<13} {finding.detail}")
    return EXIT_OK if all(f.ok for f in findings) else EXIT_PROBLEMS


def _model_findings() -> list[Finding]:
    try:
        specs = load_manifest()
    except ModelError as exc:
        return [Finding("models", False, str(exc))]
    found = []
    for spec in specs.values():
        try:
            spec.verified_path()
            found.append(Finding("models", True, f"{spec.title}: SHA-256 verified"))
        except ModelError as exc:
            found.append(Finding("models", False, str(exc)))
    return found


def _pin_findings() -> list[Finding]:
    """Where the guardian PIN lives, and whether it is still there."""
    from desktop_app.policy.guardian import GuardianPin  # keyring: only when asked

    try:
        pin = GuardianPin()
        status, kind, message = pin.status(), pin.store_kind, pin.store_message
    except Exception as exc:  # a broken keyring install must not stop the doctor
        return [Finding("guardian pin", False, f"the password store failed: {exc}")]
    found = [Finding("guardian pin", kind == "keyring", message)]
    if status == "missing":
        found.append(
            Finding(
                "guardian pin",
                False,
                "a guardian PIN was set but is gone "
                "(deleted or unreadable); children stay fully protected until "
                "an administrator resets it",
            )
        )
    elif status == "not_set":
        found.append(Finding("guardian pin", True, "no guardian PIN yet: run the setup"))
    return found


def _policy_findings(managed: ManagedPolicy) -> list[Finding]:
    if not managed.sources and not managed.issues:
        return [Finding("policy", True, "no managed policy found (family mode)")]
    found = [
        Finding("policy", True, f"managed policy source: {source}") for source in managed.sources
    ]
    found += [Finding("policy", False, str(issue)) for issue in managed.issues]
    return found


def _folder_findings(policy: EffectivePolicy) -> list[Finding]:
    found = []
    for key in ("share_folders.incoming", "share_folders.outgoing"):
        for folder in policy[key]:
            path = Path(folder)
            if not path.exists():
                found.append(
                    Finding(
                        "share folder",
                        True,
                        f"{folder} does not exist yet (it will be watched once it is created)",
                    )
                )
            else:
                readable = os.access(path, os.R_OK | os.X_OK)
                found.append(
                    Finding(
                        "share folder",
                        readable,
                        f"{folder} " + ("is readable" if readable else "cannot be read"),
                    )
                )
    return found


def _os_log_finding() -> Finding:
    if sys.platform.startswith("linux"):
        ok = SYSLOG_SOCKET.exists()
        return Finding(
            "os log",
            ok,
            f"syslog/journald socket {SYSLOG_SOCKET} "
            + ("is there" if ok else "is missing; events cannot reach the OS log"),
        )
    return Finding("os log", True, f"{sys.platform}: the OS log is used")


def _profile_line(policy: EffectivePolicy) -> str:
    profile = policy.profile
    band = profile.band.value if profile.band else "not set up"
    return f"current user {profile.os_user}: {band} ({profile.source.value})"
