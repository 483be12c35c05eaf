"""The safe viewer: a file is checked first, then the help screens decide what is shown.

``safelens open PATH`` uses it. Nothing of the original is painted before the verdict
(SensitiveImageView); for sensitive content the intervention panel (driven by
safety.flow) decides, and the content appears only on the flow's CONTENT screen.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from desktop_app.analysis.analyzer import SensitivityAnalyzer
from desktop_app.analysis.verdict import Analysis, Kind, Status
from desktop_app.core.hashing import content_sha256
from desktop_app.core.vocabulary import Surface
from desktop_app.policy.approvals import Approvals
from desktop_app.policy.guardian import GuardianPin
from desktop_app.safety.events import EventCounts
from desktop_app.safety.flow import Action, FlowContext, ViewingFlow

from .intervention.screen import ViewerRules
from .intervention.window import FlowWindow
from .tasks import FutureWatcher

__all__ = ["ViewerRules", "ViewerWindow", "approval_state", "flow_context"]


def flow_context(rules: ViewerRules, result: Analysis, approved: bool) -> FlowContext:
    """What the viewing flow needs to know about this person and this verdict."""
    return FlowContext(
        band=rules.band,
        view_policy=rules.view_policy,
        send_policy=rules.send_policy,
        remembered_approval=approved,
        could_not_check=result.could_not_check,
        recent_encounters=rules.recent_encounters,
        escalation_threshold=rules.escalation_threshold,
        guardian_notices=rules.guardian_notices,
    )


def approval_state(
    approvals: Approvals | None, profile_id: str | None, path: Path
) -> tuple[str | None, bool]:
    """(content hash, already approved for this child). Reads the whole file: worker thread."""
    if approvals is None or profile_id is None:
        return None, False
    try:
        digest = content_sha256(path)
    except OSError:
        return None, False
    return digest, approvals.is_approved(digest, profile_id)


class ViewerWindow(FlowWindow):
    """`safelens open PATH`: the file is checked, then the help screens decide."""

    def __init__(
        self,
        path: Path,
        analyzer: SensitivityAnalyzer,
        rules: ViewerRules,
        pin: GuardianPin | None = None,
        approvals: Approvals | None = None,
        *,
        events: EventCounts | None = None,
    ) -> None:
        super().__init__(rules, pin, events, Surface.viewer)
        self.path, self.approvals = path, approvals
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
            self._approval_state,
            on_result=lambda state: self._start_flow(result, *state),
            on_error=lambda _error: self._start_flow(result, None, False),
        )

    def _approval_state(self) -> tuple[str | None, bool]:
        return approval_state(self.approvals, self.rules.profile_id, self.path)

    def _start_flow(self, result: Analysis, digest: str | None, approved: bool) -> None:
        self.content_hash, self.result, self.approved_before = digest, result, approved
        self.panel.start(ViewingFlow(flow_context(self.rules, result, approved)))

    def start_over(self) -> None:
        """Back to the first screen with the picture hidden (as when the file was opened)."""
        if self.result is not None:
            self.view.show_result(self.result, self.path)
            self._start_flow(self.result, self.content_hash, self.approved_before)

    def _remember_approval(self) -> None:
        approvals, profile, digest = self.approvals, self.rules.profile_id, self.content_hash
        if approvals is not None and profile is not None and digest is not None:
            self.work.run(approvals.remember, digest, profile)  # a small file write, off-thread
