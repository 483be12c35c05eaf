"""`safelens agent` in machine mode: the tray as the per-machine service's client.

The service watches every protected account's folders, so this agent watches none and
writes nothing protection depends on: no heartbeat files, no per-user autostart entry (the
system-wide one in /etc/xdg/autostart starts it for every account). It says hello, shows
what was put aside while it was away and each new notice, and says goodbye when it quits.
Viewer, picker and contacts keep their own analyzer for what the child opens (their own
files); the rules, the PIN, approvals and counts are the service's (``Guard`` from
``machine_guard``).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.analysis.analyzer import SensitivityAnalyzer
from desktop_app.safety.rules import Guard, rules_from_policy
from desktop_app.service.notice_stream import (
    POLL_WAIT_S,
    RETRY_S,
    NoticeHandlers,
    NoticeStream,
    PutAsideNotice,
)
from desktop_app.service.session_protection import MachineSession

from .guardian.services import GuardianServices
from .i18n import choose_region
from .openers import Openers
from .service_arrival import ServiceArrivalWindow
from .tray import AgentActions, TrayAgent, service_silent_text


def machine_guard(session: MachineSession) -> Guard:
    """The child path's rules from the service's policy; PIN, approvals and counts the
    service's (counted under the service's key for this account)."""
    given = session.policy
    rules = rules_from_policy(given.policy, session.counts, choose_region(given.policy["region"]))
    rules = replace(rules, profile_id=given.key)
    return Guard(rules, session.pin, session.approvals, session.counts)


class MachineAgent:
    """The tray, the notice stream and the windows they open (no globals)."""

    def __init__(
        self,
        app: QApplication,
        analyzer: SensitivityAnalyzer,
        services: GuardianServices,
        session: MachineSession,
        *,
        poll_wait_s: float = POLL_WAIT_S,
        retry_s: float = RETRY_S,
    ) -> None:
        self.session = session
        self.guard = machine_guard(session)
        self.open = Openers(analyzer, services, self.guard, None)
        self.arrivals: list[QWidget] = []
        policy = session.policy.policy
        actions = AgentActions(
            open_file=self.open.open_file,
            contacts=self.open.open_contacts,
            guardian=self.open.open_guardian,
            open_arrival=lambda _event: None,  # folder events are the service's now
            quit=None if policy.profile.protected else app.quit,
            open_notice=self.open_notice,
        )
        self.tray = TrayAgent(policy, actions)
        self.stream = NoticeStream(
            session.client.socket_path,
            NoticeHandlers(
                notice=self.tray.deliver_notice,
                while_away=self.tray.while_away,
                reachable=self._reachable,
            ),
            poll_wait_s=poll_wait_s,
            retry_s=retry_s,
        )

    @property
    def windows(self) -> list[QWidget]:
        return self.open.windows + self.arrivals

    def start(self) -> None:
        self.tray.start()
        if self.session.silent:
            self.tray.set_problem(service_silent_text())
        self.stream.start()  # also while silent: it says so, and hears when it answers again

    def stop(self) -> None:
        self.stream.stop()  # the goodbye: "said goodbye", not "vanished"
        self.tray.stop()

    def open_notice(self, notice: PutAsideNotice) -> ServiceArrivalWindow:
        window = ServiceArrivalWindow(notice, self.guard, self.session.client, self.session.pin)
        window.resize(640, 560)
        self.arrivals = [w for w in self.arrivals if w.isVisible()] + [window]
        window.show()
        return window

    def _reachable(self, answers: bool) -> None:
        """The stream's thread: the tray says it; counts held meanwhile are sent now."""
        self.tray.service_answers(answers)
        if answers:
            self.session.counts.flush()
