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
    from PySide6.QtWidgets import QApplication

    from desktop_app.analysis.analyzer import SensitivityAnalyzer
    from desktop_app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("SafeLens")
    analyzer = SensitivityAnalyzer()
    try:
        window = MainWindow(analyzer)
        window.show()
        return int(app.exec())
    finally:
        analyzer.close()
