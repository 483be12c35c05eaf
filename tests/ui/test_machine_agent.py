"""The agent in machine mode, as a child meets it: what was put aside while it was away, a
notice when the service puts something aside, the help screens, and the guardian's PIN
giving the file back through the service."""

from __future__ import annotations

import os
import pwd
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app import SensitivityAnalyzer
from desktop_app.analysis import testpattern
from desktop_app.core.hashing import content_sha256
from desktop_app.safety.flow import Action, Screen
from desktop_app.service.mode import Mode, RunningMode, ServiceState
from desktop_app.service.notice_stream import PutAsideNotice
from desktop_app.service.session_protection import Asker, MachineSession, machine_session
from desktop_app.surfaces.agent import autostart_entry
from desktop_app.ui.machine_agent import MachineAgent
from desktop_app.ui.service_arrival import ServiceArrivalWindow
from desktop_app.ui.tray import Notice
from tests.helpers.guardian import child_services, enter
from tests.helpers.pixels import grab
from tests.helpers.service import GUARDIAN_PIN, Service, session_service

ME = pwd.getpwuid(os.getuid()).pw_name  # the test process is the child's session


@pytest.fixture
def service(tmp_path: Path) -> Iterator[Service]:
    with session_service(tmp_path, ME) as made:
        server = made.start()
        yield made
        server.stop()


def session_for(service: Service) -> MachineSession:
    mode = RunningMode(Mode.MACHINE, ServiceState.ANSWERING, service.paths.socket)
    found = machine_session(mode, Asker(ME, is_admin=False))
    assert found is not None
    return found


@contextmanager
def running_agent(
    analyzer: SensitivityAnalyzer, session: MachineSession, tmp_path: Path
) -> Iterator[MachineAgent]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    services = child_services(tmp_path / "unused-local-inbox", 2017)
    agent = MachineAgent(app, analyzer, services, session, poll_wait_s=2.0, retry_s=0.2)
    agent.start()
    try:
        yield agent
    finally:
        agent.stop()
        agent.stream.join(timeout=30)
        for window in agent.windows + agent.tray.notices:
            window.close()
        assert services.events is not None
        services.events.close()


def test_the_agent_shows_what_was_put_aside_while_it_was_away(
    qtbot: QtBot, analyzer: SensitivityAnalyzer, service: Service, tmp_path: Path
) -> None:
    service.put_aside("one.jpg")
    service.put_aside("two.mp4")
    with running_agent(analyzer, session_for(service), tmp_path) as agent:
        # Notices reach the tray through the event loop: none is missed before this waits.
        with qtbot.waitSignal(agent.tray.notified, timeout=30_000) as told:
            pass
        assert told.args == [
            "While you were away",
            "While you were away, SafeLens put aside 2 files.",
        ]
        notice = agent.tray.notices[-1]
        assert notice.isVisible() and not notice.open_button.isVisible()
        assert agent.tray.status_action.text() == "Protection on"
        assert not Path(autostart_entry().location).exists()  # the system-wide entry starts it
        qtbot.mouseClick(notice.later_button, Qt.MouseButton.LeftButton)
        assert not notice.isVisible()
    book = service.session.book.describe(ME)
    assert (book["client_running"], book["client_ended"]) == (False, "said_goodbye")


def test_a_notice_opens_the_help_screens_and_the_guardian_gives_it_back(
    qtbot: QtBot, analyzer: SensitivityAnalyzer, service: Service, tmp_path: Path
) -> None:
    downloads = tmp_path / "Downloads"
    downloads.mkdir()
    pattern = testpattern.write_image(downloads / "shared.png", 480, 360)
    digest = content_sha256(pattern)
    with running_agent(analyzer, session_for(service), tmp_path) as agent:
        with qtbot.waitSignal(agent.tray.notified, timeout=30_000) as told:
            service.put_aside_file(pattern)  # the service's watch puts it aside ...
            service.session.board.put_aside(service.key)  # ... and tells the long-poll
        assert told.args[0] == "Someone shared something that may be sensitive"
        assert not pattern.exists()
        notice = agent.tray.notices[-1]
        assert isinstance(notice, Notice) and notice.isVisible()
        qtbot.mouseClick(notice.open_button, Qt.MouseButton.LeftButton)
        window = agent.windows[-1]
        assert isinstance(window, ServiceArrivalWindow)
        assert window.flow is not None and window.flow.screen is Screen.BLURRED
        assert not testpattern.matches(grab(window.view))
        for action in (Action.VIEW, Action.CONTINUE, Action.VIEW):
            qtbot.mouseClick(window.panel.action_buttons[action], Qt.MouseButton.LeftButton)
        assert window.flow.screen is Screen.GUARDIAN_APPROVAL
        qtbot.mouseClick(window.panel.action_buttons[Action.APPROVED], Qt.MouseButton.LeftButton)
        dialog = window.panel.pin_dialog
        assert dialog is not None
        qtbot.waitUntil(lambda: not dialog.checking)
        enter(qtbot, dialog, GUARDIAN_PIN)
        qtbot.waitUntil(lambda: window.restored is not None, timeout=20_000)
        assert window.restored is True
        assert window.panel.body.text() == "It is back in your folder."
        assert content_sha256(pattern) == digest  # back where it came from
        assert service.stores.approvals.is_approved(digest, service.key)  # and let through
        assert not testpattern.matches(grab(window.view))  # never shown by this session


def test_a_wrong_pin_gives_nothing_back(
    qtbot: QtBot, analyzer: SensitivityAnalyzer, service: Service, tmp_path: Path
) -> None:
    entry_id = service.put_aside("kept.jpg")
    with running_agent(analyzer, session_for(service), tmp_path) as agent:
        with qtbot.waitSignal(agent.tray.notified, timeout=30_000):
            pass
        notice_window = agent.open_notice(_notice_for(service, entry_id))
        for action in (Action.VIEW, Action.CONTINUE, Action.VIEW):
            qtbot.mouseClick(notice_window.panel.action_buttons[action], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(
            notice_window.panel.action_buttons[Action.APPROVED], Qt.MouseButton.LeftButton
        )
        dialog = notice_window.panel.pin_dialog
        assert dialog is not None
        qtbot.waitUntil(lambda: not dialog.checking)
        enter(qtbot, dialog, "000000")
        assert dialog.isVisible() and "Wrong PIN" in dialog.message.text()
        assert notice_window.restored is None
        assert [e.id for e in service.stores.quarantine.entries()] == [entry_id]


def test_a_silent_service_is_said_plainly_and_rules_are_the_strictest(
    qtbot: QtBot, analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    silent = RunningMode(Mode.SINGLE_ACCOUNT, ServiceState.SILENT, tmp_path / "gone.sock")
    session = machine_session(silent, Asker("kid", is_admin=False))
    assert session is not None and session.silent
    with running_agent(analyzer, session, tmp_path) as agent:
        text = "Protection needs a guardian: the SafeLens service is not running"
        assert agent.tray.status_action.text() == text
        assert agent.guard.rules.view_policy == "guardian_approval"
        assert agent.guard.rules.band.is_child
        assert agent.tray.actions.quit is None  # a child cannot quit it from the tray


def _notice_for(service: Service, entry_id: str) -> PutAsideNotice:
    entry = service.stores.quarantine.get(entry_id)
    return PutAsideNotice(
        entry.id, entry.quarantined_at, entry.surface, "sensitive", "picture", "kept.jpg"
    )
