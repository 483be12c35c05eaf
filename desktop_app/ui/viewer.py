"""The safe viewer: a file is checked first, then the help screens decide what is shown.

``safelens open PATH`` uses it. Nothing of the original is painted before the verdict
(SensitiveImageView); for sensitive content the intervention panel (driven by
safety.flow, with the rules of safety.rules) decides, and the content appears only on
the flow's CONTENT screen.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from desktop_app.analysis.analyzer import SensitivityAnalyzer
from desktop_app.analysis.verdict import Analysis, Kind, Status
from desktop_app.core.vocabulary import Surface
from desktop_app.safety.flow import Action, ViewingFlow
from desktop_app.safety.rules import Guard

from .intervention.window import FlowWindow
from .tasks import FutureWatcher


class ViewerWindow(FlowWindow):
    """`safelens open PATH`: the file is checked, then the help screens decide."""

    def __init__(
        self,
        path: Path,
        analyzer: SensitivityAnalyzer,
        guard: Guard,
    ) -> None:
        super().__init__(guard, Surface.viewer)
        self.path = path
        self.setWindowTitle(self.tr("SafeLens — {0}").format(path.name))
        self.status = QLabel(self.tr("Checking…"), self)
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body_layout.insertWidget(1, self.status)
        self.panel.approved.connect(self._remember_approval)
        self.content_hash: str | None = None
        self.result: Analysis | None = None
        self.approved_before = False
        self.watcher = FutureWatcher(self)
        self.watcher.finished.connect(lambda _token, result: self._checked(result))
        self.watcher.failed.connect(lambda _token, _error: self._checked(None))
        self.view.show_checking()
        self.watcher.watch(analyzer.submit_file(path, interactive=True))

    # the panel's parts, for callers and tests that click through the screens
    @property
    def action_buttons(self) -> dict[Action, object]:
        return dict(self.panel.action_buttons)

    @property
    def title(self) -> QLabel:
        return self.panel.title

    @property
    def body(self) -> QLabel:
        return self.panel.body

    def press(self, action: Action) -> None:
        self.panel.press(action)

    # --- the verdict --------------------------------------------------------------------

    def _checked(self, result: Analysis | None) -> None:
        if result is None:  # SafeLens itself could not check: fail closed
            result = Analysis(kind=Kind.OTHER, status=Status.UNREADABLE)
        self.status.hide()
        self.view.show_result(result, self.path)
        if not (result.is_sensitive or result.could_not_check):
            return
        # Hashing reads the whole file: never on the GUI thread (a video can be gigabytes).
        self.work.run(
            self.guard.approval_state,
            self.path,
            on_result=lambda state: self._start_flow(result, *state),
            on_error=lambda _error: self._start_flow(result, None, False),
        )

    def _start_flow(self, result: Analysis, digest: str | None, approved: bool) -> None:
        self.content_hash, self.result, self.approved_before = digest, result, approved
        self.panel.start(ViewingFlow(self.guard.rules.viewing(result, approved)))

    def start_over(self) -> None:
        """Back to the first screen with the picture hidden (as when the file was opened)."""
        if self.result is not None:
            self.view.show_result(self.result, self.path)
            self._start_flow(self.result, self.content_hash, self.approved_before)

    def _remember_approval(self) -> None:
        digest = self.content_hash
        if self.guard.remembers and digest is not None:
            self.work.run(self.guard.remember, digest)  # a small file write, off-thread
