"""Start Qt and the app's windows; the composition root hands in the services."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from desktop_app.analysis.analyzer import SensitivityAnalyzer

from .main_window import MainWindow


def run_app(analyzer: SensitivityAnalyzer) -> int:
    """Show the main window and run the event loop until the user quits."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("SafeLens")
    app.setApplicationDisplayName("SafeLens")
    window = MainWindow(analyzer)
    window.show()
    return int(app.exec())
