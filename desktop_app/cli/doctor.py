"""`safelens doctor`: which mode runs, whether SafeLens can protect this computer, and the fix
for everything that is wrong.

Machine mode (the service answers on its socket): the protection's health comes from the
service, never from files in this account's folders, which a child could write. Single-account
mode: this account's own folders, and a plain word that it is not tamper-resistant.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from desktop_app.analysis.models import ModelError, load_manifest
from desktop_app.safety.oslog import SYSLOG_SOCKET
from desktop_app.service.client import ServiceClient
from desktop_app.service.mode import Mode, RunningMode, ServiceState, detect_mode
from desktop_app.service.paths import DEFAULT_SOCKET

from .findings import REINSTALL_FIX, Finding

EXIT_OK, EXIT_PROBLEMS = 0, 1


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    doctor = commands.add_parser(
        "doctor",
        help="say which mode runs, check that SafeLens can protect this computer, and say "
        "how to fix what is wrong",
    )
    doctor.add_argument("--json", action="store_true")
    doctor.add_argument(
        "--socket",
        type=Path,
        default=DEFAULT_SOCKET,
        help=f"the SafeLens service's socket (default {DEFAULT_SOCKET})",
    )
    doctor.set_defaults(handler=_doctor)


def _doctor(args: argparse.Namespace) -> int:
    mode = detect_mode(args.socket)
    findings = [mode_finding(mode), *_model_findings()]
    if mode.mode is Mode.MACHINE:
        from .service_findings import service_findings

        findings += service_findings(ServiceClient(args.socket))
    else:
        from .account_findings import single_account_findings

        findings += single_account_findings()
    findings.append(_os_log_finding())
    if args.json:
        print(json.dumps([asdict(f) for f in findings], indent=2))
    else:
        for finding in findings:
            print(f"{'ok ' if finding.ok else 'BAD'}  {finding.area:<13} {finding.detail}")
            if finding.fix:
                label = "fix:" if not finding.ok else "hint:"
                print(f"{'':<5}{'':<13} {label} {finding.fix}")
    return EXIT_OK if all(f.ok for f in findings) else EXIT_PROBLEMS


def mode_finding(mode: RunningMode) -> Finding:
    """The first line: the mode in plain words; BAD when a service is installed but silent."""
    silent = mode.mode is Mode.SINGLE_ACCOUNT and mode.service is ServiceState.SILENT
    return Finding("mode", not silent, mode.describe(), mode.fix)


def _model_findings() -> list[Finding]:
    try:
        specs = load_manifest()
    except ModelError as exc:
        return [Finding("models", False, str(exc), REINSTALL_FIX)]
    found = []
    for spec in specs.values():
        try:
            spec.verified_path()
            found.append(Finding("models", True, f"{spec.title}: SHA-256 verified"))
        except ModelError as exc:
            found.append(Finding("models", False, str(exc), REINSTALL_FIX))
    return found


def _os_log_finding() -> Finding:
    if sys.platform.startswith("linux"):
        ok = SYSLOG_SOCKET.exists()
        return Finding(
            "os log",
            ok,
            f"syslog/journald socket {SYSLOG_SOCKET} "
            + ("is there" if ok else "is missing; events cannot reach the OS log"),
            "" if ok else "sudo systemctl start systemd-journald  (or start a syslog daemon)",
        )
    return Finding("os log", True, f"{sys.platform}: the OS log is used")
