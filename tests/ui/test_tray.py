"""The background agent as a child meets it: something arrives, a notification, the flow."""

from __future__ import annotations

import shutil
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
from desktop_app.core.vocabulary import EventKind, Surface
from desktop_app.safety.flow import Action, Screen
from desktop_app.surfaces.folder_watch import WatchTiming
from desktop_app.surfaces.quarantine import Quarantine
from desktop_app.ui.agent import Agent
from desktop_app.ui.arrivals import ArrivalWindow
from desktop_app.ui.guardian.services import GuardianServices
from desktop_app.ui.shell import child_guard
from desktop_app.ui.tray import Notice
from tests.helpers import media
from tests.helpers.guardian import PIN, child_services, enter
from tests.helpers.models import tampered_manifest
from tests.helpers.pixels import grab, shown

FAST_WATCH = WatchTiming(settle_s=0.2, poll_s=0.05, rescan_s=2.0, check_writers=False)


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "Inbox"
    folder.mkdir()
    return folder


@contextmanager
def running_agent(
    analyzer: SensitivityAnalyzer, services: GuardianServices, tmp_path: Path
) -> Iterator[Agent]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    agent = Agent(
        app,
        analyzer,
        services,
        child_guard(services),
        quarantine=Quarantine(tmp_path / "quarantine"),
        heartbeat_folder=tmp_path / "agent",
        timing=FAST_WATCH,
    )
    agent.start()
    try:
        yield agent
    finally:
        agent.stop()
        for window in agent.windows + agent.tray.notices:
            window.close()
        assert services.events is not None
        services.events.close()


def arrive(qtbot: QtBot, agent: Agent, inbox: Path, source: Path) -> Notice:
    with qtbot.waitSignal(agent.tray.notified, timeout=60_000) as told:
        shutil.copyfile(source, inbox / source.name)
    assert told.args[0] == "Someone shared something that may be sensitive"
    notice = agent.tray.notices[-1]
    assert notice.isVisible()  # no system tray offscreen: the notice window instead
    return notice


def open_choices(qtbot: QtBot, agent: Agent, notice: Notice) -> ArrivalWindow:
    qtbot.mouseClick(notice.open_button, Qt.MouseButton.LeftButton)
    window = agent.windows[-1]
    assert isinstance(window, ArrivalWindow)
    return window


def test_a_teen_is_told_chooses_after_the_screens_and_the_file_stays_put_aside(
    qtbot: QtBot, analyzer: SensitivityAnalyzer, inbox: Path, tmp_path: Path
) -> None:
    services = child_services(inbox, 2011)
    pattern = testpattern.write_image(tmp_path / "shared.png", 480, 360)
    with running_agent(analyzer, services, tmp_path) as agent:
        notice = arrive(qtbot, agent, inbox, pattern)
        assert not (inbox / "shared.png").exists()  # put aside before anyone saw it
        window = open_choices(qtbot, agent, notice)
        assert window.flow is not None and window.flow.screen is Screen.BLURRED
        assert not testpattern.matches(grab(window.view))
        for action in (Action.VIEW, Action.CONTINUE, Action.VIEW):
            qtbot.mouseClick(window.panel.action_buttons[action], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: testpattern.matches(shown(window)), timeout=20_000)
        entries = agent.quarantine.entries()
        assert len(entries) == 1 and entries[0].sha256 == content_sha256(pattern)
        private = window.shown_file
        assert private is not None and private.stat().st_mode & 0o077 == 0
        window.close()
        assert not private.exists()  # the private copy goes with the window
        assert services.events is not None
        counts = {(c.surface, c.kind) for c in services.events.counts()}
        assert (Surface.share_folders, EventKind.sensitive) in counts


@pytest.mark.slow  # waits out a real rescan of the share folder
def test_under_13_needs_the_guardian_then_the_file_comes_back_and_stays(
    qtbot: QtBot, analyzer: SensitivityAnalyzer, inbox: Path, tmp_path: Path
) -> None:
    services = child_services(inbox, 2017)
    pattern = testpattern.write_image(tmp_path / "shared.png", 480, 360)
    with running_agent(analyzer, services, tmp_path) as agent:
        window = open_choices(qtbot, agent, arrive(qtbot, agent, inbox, pattern))
        for action in (Action.VIEW, Action.CONTINUE, Action.VIEW):
            qtbot.mouseClick(window.panel.action_buttons[action], Qt.MouseButton.LeftButton)
        assert window.flow is not None and window.flow.screen is Screen.GUARDIAN_APPROVAL
        assert not testpattern.matches(grab(window.view))
        approve = window.panel.action_buttons[Action.APPROVED]
        qtbot.mouseClick(approve, Qt.MouseButton.LeftButton)
        dialog = window.panel.pin_dialog
        assert dialog is not None
        qtbot.waitUntil(lambda: not dialog.checking)
        enter(qtbot, dialog, PIN)
        qtbot.waitUntil((inbox / "shared.png").exists, timeout=20_000)
        assert content_sha256(inbox / "shared.png") == content_sha256(pattern)
        qtbot.wait(int(FAST_WATCH.rescan_s * 1000) + 1000)  # a rescan comes and goes
        assert (inbox / "shared.png").exists()  # approved bytes are let through
        assert agent.quarantine.entries() == []


@pytest.mark.slow  # crashes the worker; waits for its restart
def test_the_agent_survives_a_crashing_worker_and_ordinary_photos_stay(
    qtbot: QtBot, analyzer: SensitivityAnalyzer, inbox: Path, tmp_path: Path
) -> None:
    services = child_services(inbox, 2011)
    photo = media.save(media.people_photos()["astronaut"], tmp_path / "astronaut.jpg")
    pattern = testpattern.write_image(tmp_path / "later.png", 480, 360)
    crash = tmp_path / "crash.jpg"
    crash.write_bytes(b"SAFELENS-FAULT:crash")
    with running_agent(analyzer, services, tmp_path) as agent:
        shutil.copyfile(crash, inbox / crash.name)
        shutil.copyfile(photo, inbox / photo.name)
        arrive(qtbot, agent, inbox, pattern)
        qtbot.waitUntil(lambda: agent.watch.pending == 0, timeout=60_000)
        assert (inbox / "astronaut.jpg").exists()
        assert not (inbox / "later.png").exists()


def test_the_menu_offers_no_quit_to_a_protected_child(
    qtbot: QtBot, analyzer: SensitivityAnalyzer, inbox: Path, tmp_path: Path
) -> None:
    services = child_services(inbox, 2017)
    with running_agent(analyzer, services, tmp_path) as agent:
        texts = [action.text() for action in agent.tray.menu.actions() if action.text()]
        assert texts[0] == "Protection on" and not agent.tray.menu.actions()[0].isEnabled()
        assert "Quit SafeLens" not in texts
        assert "Guardian settings…" in texts and "Contacts…" in texts


@pytest.mark.slow  # its own worker process
def test_the_tray_says_when_files_cannot_be_checked(
    qtbot: QtBot, inbox: Path, tmp_path: Path
) -> None:
    """Altered model weights: nothing can be checked, arrivals stay put aside, the tray says so."""
    services = child_services(inbox, 2017)
    pattern = testpattern.write_image(tmp_path / "shared.png", 480, 360)
    with (
        SensitivityAnalyzer(manifest=tampered_manifest(tmp_path), workers=1) as broken,
        running_agent(broken, services, tmp_path) as agent,
    ):
        shutil.copyfile(pattern, inbox / "shared.png")
        qtbot.waitUntil(lambda: agent.watch.failure is not None, timeout=60_000)
        agent.check_health()
        status = agent.tray.menu.actions()[0].text()
        assert status == "Protection needs a guardian: SafeLens can't check files right now"
        assert status in agent.tray.tray.toolTip()


def test_each_notice_opens_its_own_arrival(
    qtbot: QtBot, analyzer: SensitivityAnalyzer, inbox: Path, tmp_path: Path
) -> None:
    services = child_services(inbox, 2011)
    first = testpattern.write_image(tmp_path / "first.png", 480, 360)
    second = testpattern.write_image(tmp_path / "second.png", 320, 240)
    with running_agent(analyzer, services, tmp_path) as agent:
        earlier = arrive(qtbot, agent, inbox, first)
        arrive(qtbot, agent, inbox, second)
        window = open_choices(qtbot, agent, earlier)  # the older notice, clicked later
        assert Path(window.entry.original_path).name == "first.png"
