"""The help screens for a file chosen in the picker that may be sensitive or could not be checked.

The file is handed back only when the flow ends on CONTENT (the person chose to view it
and, under 13, the guardian approved with the PIN or had approved these exact bytes
before). Anything else (Not now, Esc, closing) keeps it hidden.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from desktop_app.analysis.verdict import Analysis
from desktop_app.core.vocabulary import Surface
from desktop_app.safety.flow import Screen, ViewingFlow
from desktop_app.safety.rules import Guard

from ..intervention.screen import InterventionPanel
from ..widgets.sensitive_view import SensitiveImageView


class PickIntervention(QDialog):
    """The blurred tile, bigger, with the flow's words and buttons below it.

    ``accepted`` means the flow ended on CONTENT; ``rejected`` means it stays hidden.

    Signals:
        flow_changed(object): the flow's Screen, whenever it changes.
        guardian_approved(): the guardian's PIN was verified (remember it for the bytes).
    """

    flow_changed = Signal(object)
    guardian_approved = Signal()

    def __init__(
        self,
        path: Path,
        result: Analysis,
        guard: Guard,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("SafeLens — {0}").format(path.name))
        self._ended = False
        self.view = SensitiveImageView(self)
        self.view.setMinimumSize(320, 200)
        self.view.show_result(result, path)  # never cleared here: blur or nothing
        self.panel = InterventionPanel(guard, Surface.file_picker, self)
        self.panel.screen_changed.connect(self._screen)
        self.panel.approved.connect(self.guardian_approved)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.panel)
        self.flow = ViewingFlow(guard.rules.viewing(result, approved=False))
        self.panel.start(self.flow)

    def reject(self) -> None:
        """Esc or the window's close button (QDialog calls this): always the safe side."""
        if not self._ended:
            self.panel.escape()  # the flow lands on CLOSED, which ends the dialog
        if not self._ended:
            self._end(accepted=False)

    def _screen(self, screen: Screen) -> None:
        self.flow_changed.emit(screen)
        if screen is Screen.CONTENT:
            self._end(accepted=True)
        elif screen is Screen.CLOSED:
            self._end(accepted=False)

    def _end(self, accepted: bool) -> None:
        if self._ended:
            return
        self._ended = True
        self.done(QDialog.DialogCode.Accepted if accepted else QDialog.DialogCode.Rejected)
