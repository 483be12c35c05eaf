"""The `safelens` command. Each sub-command lives in its own module and registers itself."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from . import check, policy

EXIT_USAGE = 2


def build_parser(version: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="safelens",
        description="On-device communication safety. Run without a command to open the app.",
    )
    parser.add_argument("--version", action="version", version=f"safelens {version}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    check.add_parsers(commands)
    policy.add_parsers(commands)
    return parser


def run(argv: Sequence[str], version: str) -> int:
    """Run one command; returns the exit code (argparse's own exits become return codes)."""
    parser = build_parser(version)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return EXIT_USAGE
    return int(handler(args))
