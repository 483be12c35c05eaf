"""The safe viewer: a file is checked first, then the help screens decide what is shown.

``safelens open PATH`` uses it. Nothing of the original is painted before the verdict
(SensitiveImageView); for sensitive content the intervention flow (safety.flow) drives
every button, and the content appears only on the flow's CONTENT screen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.analysis.analyzer import SensitivityAnalyzer
from desktop_app.analysis.verdict import Analysis, Kind, Status
from desktop_app.policy.approvals import Approvals, content_sha256
from desktop_app.policy.guardian import GuardianPin
from desktop_app.policy.settings import AgeBand
from desktop_app.safety.flow import Action, FlowContext, Screen, ViewingFlow
from desktop_app.safety.resources import help_for

from .guardian.pin_dialog import PinDialog
from .intervention.copy import action_label, screen_text
from .tasks import BackgroundWork, FutureWatcher
from .widgets.sensitive_view import SensitiveImageView, ViewState


@dataclass(frozen=True)
class ViewerRules:
    """Who is looking and what the policy says (from the effective policy, built by app.py)."""

    band: AgeBand
    view_policy: str
    profile_id: str | None = None
    recent_encounters: int = 0
    escalation_threshold: int = 3
    guardian_notices: bool = True
    region: str | None = None
    trusted_adults: list[dict[str, str]] = field(default_factory=list)


class ViewerWindow(QWidget):
    """Signals:
    flow_changed(str): the flow's new screen (also when it starts).
    """

    flow_changed = Signal(str)

    def __init__(
        self,
        path: Path,
        analyzer: SensitivityAnalyzer,
        rules: ViewerRules,
        pin: GuardianPin | None = None,
        approvals: Approvals | None = None,
    ) -> None:
        super().__init__()
        self.path, self.rules, self.pin, self.approvals = path, rules, pin, approvals
        self.flow: ViewingFlow | None = None
        self.setWindowTitle(self.tr("SafeLens — {0}").format(path.name))
        self.view = SensitiveImageView(self)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QHBoxLayout()
        panel = QVBoxLayout()
        panel.addWidget(self.title)
        panel.addWidget(self.body)
        panel.addLayout(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(panel)
        self.escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self.escape.activated.connect(self._escape)
        self.content_hash: str | None = None
        self.work = BackgroundWork(self)
        self.watcher = FutureWatcher(self)
        self.watcher.finished.connect(lambda _token, result: self._checked(result))
        self.watcher.failed.connect(lambda _token, _error: self._checked(None))
        self.view.show_checking()
        self._show_text(self.tr("Checking…"), "")
        self.watcher.watch(analyzer.submit_file(path, interactive=True))

    # --- the verdict --------------------------------------------------------------------

    def _checked(self, result: Analysis | None) -> None:
        if result is None:  # SafeLens itself could not check: fail closed
            result = Analysis(kind=Kind.OTHER, status=Status.UNREADABLE)
        self.view.show_result(result, self.path)
        if self.view.state is ViewState.SHOWN:
            self._show_text("", "")
            return
        # Hashing reads the whole file: never on the GUI thread (a video can be gigabytes).
        self.work.run(
            self._approval_state,
            on_result=lambda state: self._start_flow(result, *state),
            on_error=lambda _error: self._start_flow(result, None, False),
        )

    def _approval_state(self) -> tuple[str | None, bool]:
        """(content hash, already approved for this child) — runs on a worker thread."""
        if self.approvals is None or self.rules.profile_id is None:
            return None, False
        try:
            digest = content_sha256(self.path)
        except OSError:
            return None, False
        return digest, self.approvals.is_approved(digest, self.rules.profile_id)

    def _start_flow(self, result: Analysis, digest: str | None, approved: bool) -> None:
        self.content_hash = digest
        context = FlowContext(
            band=self.rules.band,
            view_policy=self.rules.view_policy,
            remembered_approval=approved,
            could_not_check=result.could_not_check,
            recent_encounters=self.rules.recent_encounters,
            escalation_threshold=self.rules.escalation_threshold,
            guardian_notices=self.rules.guardian_notices,
        )
        self.flow = ViewingFlow(context)
        self._render()

    # --- the flow -----------------------------------------------------------------------

    def press(self, action: Action) -> None:
        """A button: the guardian's PIN is asked for here; everything else goes to the flow."""
        assert self.flow is not None
        if action is Action.APPROVED:
            self._ask_guardian()
            return
        self.flow.apply(action)
        self._render()

    def _escape(self) -> None:
        if self.flow is not None and Action.CLOSE in self.flow.actions():
            self.press(Action.CLOSE)
        else:
            self.close()

    def _ask_guardian(self) -> None:
        if self.pin is None:
            self._show_text(*screen_text(Screen.GUARDIAN_APPROVAL, self.rules.band))
            return
        dialog = PinDialog(self.pin, self, prompt=self.tr("Guardian: type your PIN to allow this."))
        dialog.accepted.connect(self._approved)
        self.pin_dialog = dialog
        dialog.open()

    def _approved(self) -> None:
        assert self.flow is not None
        self.flow.apply(Action.APPROVED)
        approvals, profile, digest = self.approvals, self.rules.profile_id, self.content_hash
        if approvals is not None and profile is not None and digest is not None:
            self.work.run(approvals.remember, digest, profile)  # a small file write, off-thread
        self._render()

    def _render(self) -> None:
        assert self.flow is not None
        screen = self.flow.screen
        if screen is Screen.CONTENT:
            self.view.reveal()
        elif self.view.state is ViewState.SHOWN:
            self.view.hide_again()
        title, body = screen_text(screen, self.rules.band)
        if screen is Screen.HELP:
            body = self._help_text()
        elif screen is Screen.TRUSTED_ADULT:
            body = self._trusted_adult_text(body)
        self._show_text(title, body)
        self._set_buttons(self.flow.actions())
        self.flow_changed.emit(screen.value)
        if screen is Screen.CLOSED:
            self.close()

    def _show_text(self, title: str, body: str) -> None:
        self.title.setText(title)
        self.title.setVisible(bool(title))
        self.body.setText(body)
        self.body.setVisible(bool(body))

    def _set_buttons(self, actions: tuple[Action, ...]) -> None:
        while self.buttons.count():
            item = self.buttons.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # gone from the screen now, deleted when Qt is ready
                widget.deleteLater()
        self.action_buttons: dict[Action, QPushButton] = {}
        for index, action in enumerate(a for a in actions if a is not Action.CLOSE):
            button = QPushButton(action_label(action))
            button.setAccessibleName(action_label(action))
            button.clicked.connect(lambda _=False, a=action: self.press(a))
            button.setDefault(index == 0)  # the first is always the safe choice
            self.buttons.addWidget(button)
            self.action_buttons[action] = button
        self.buttons.addStretch(1)
        if self.action_buttons:
            next(iter(self.action_buttons.values())).setFocus()

    def _help_text(self) -> str:
        found = help_for(self.rules.region, minor=self.rules.band.is_child)
        lines = []
        if found.emergency:
            lines.append(self.tr("In an emergency call {0}.").format(found.emergency))
        for item in found.resources:
            contact = " · ".join(v for v in (item.phone, item.url) if v)
            lines.append(
                f"{item.name}: {contact}\n    " + self.tr("Source: {0}").format(item.source)
            )
        return "\n".join(lines)

    def _trusted_adult_text(self, note: str) -> str:
        people = self.rules.trusted_adults
        if not people:
            return self.tr("No trusted adults were set up yet. You can tell a grown-up you trust.")
        message = self.tr("Hi, I got something that made me feel uncomfortable. Can we talk?")
        QGuiApplication.clipboard().setText(message)
        names = ", ".join(p["name"] for p in people)
        return self.tr('{0}\nA message is copied for you: "{1}"\nSend it to: {2}').format(
            note, message, names
        )
