"""The `safelens` command. Each sub-command lives in its own module and registers itself."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from . import check, contacts, doctor, policy, quarantine, service, watch

EXIT_USAGE = 2


def build_parser(version: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="safelens",
        description="On-device communication safety. Run without a command to open the app.",
    )
    parser.add_argument("--version", action="version", version=f"safelens {version}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    check.add_parsers(commands)
    contacts.add_parsers(commands)
    doctor.add_parsers(commands)
    policy.add_parsers(commands)
    quarantine.add_parsers(commands)
    service.add_parsers(commands)
    watch.add_parsers(commands)
    guardian = commands.add_parser(
        "guardian", help="set up SafeLens, or open the guardian console (asks for the PIN)"
    )
    guardian.set_defaults(window="guardian")
    viewer = commands.add_parser(
        "open", help="open a picture or video in SafeLens' safe viewer (checked first)"
    )
    viewer.add_argument("path", type=str, metavar="PATH")
    viewer.set_defaults(window="open")
    agent = commands.add_parser(
        "agent",
        help="run the background agent (share folders, tray icon, notifications); "
        "started at login for protected accounts",
    )
    agent.set_defaults(window="agent")
    return parser


def run(
    argv: Sequence[str],
    version: str,
    open_window: Callable[[str, list[str]], int] | None = None,
) -> int:
    """Run one command; returns the exit code (argparse's own exits become return codes).

    Commands that open a window are handed to ``open_window`` (given by app.py), so
    the CLI never imports the UI.
    """
    parser = build_parser(version)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    window = getattr(args, "window", None)
    if window is not None:
        if open_window is None:
            print("safelens: this command needs the desktop app", file=sys.stderr)
            return EXIT_USAGE
        return open_window(window, [args.path] if getattr(args, "path", None) else [])
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return EXIT_USAGE
    return int(handler(args))
