"""Composition root: `safelens COMMAND` runs the CLI; plain `safelens` opens the app."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from desktop_app import __version__, cli


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args:
        return cli.run(args, __version__)
    return run_gui()


def run_gui() -> int:
    from desktop_app.analysis.analyzer import SensitivityAnalyzer
    from desktop_app.ui.shell import run_app

    with SensitivityAnalyzer() as analyzer:
        return run_app(analyzer)
