"""The console and the wizard in machine mode: the service on a tmp socket keeps the data,
the PIN dialog asks it, the console shows and changes ITS quarantine and settings."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSpinBox
from pytestqt.qtbot import QtBot

from desktop_app.policy.approvals import Approvals
from desktop_app.policy.guardian import FREE_ATTEMPTS, GuardianError
from desktop_app.service import protocol as p
from desktop_app.service.first_setup import ChildEntry
from desktop_app.service.handlers import ServiceHandlers
from desktop_app.service.mode import Mode, RunningMode, ServiceState
from desktop_app.service.paths import MachinePaths
from desktop_app.service.server import Peer, ServiceServer
from desktop_app.service.stores import ServiceStores, open_stores
from desktop_app.ui.guardian import GuardianConsole, GuardianLauncher, PinDialog, SetupWizard
from desktop_app.ui.guardian.services import GuardianServices
from tests.helpers.guardian import enter, make_services, select_row
from tests.helpers.keyring import MemoryKeyring
from tests.helpers.service import (
    FAST,
    GUARDIAN_PIN,
    UNDER13_BIRTH_YEAR,
    add_profile,
    set_guardian_pin,
)

PHOTO = b"\xff\xd8\xff\xe0 bytes the service put aside " * 20


@dataclass
class Machine:
    paths: MachinePaths
    stores: ServiceStores
    handlers: ServiceHandlers
    mode: RunningMode


def _machine(tmp_path: Path, *, with_pin: bool) -> Iterator[Machine]:
    paths = MachinePaths(root=tmp_path / "machine", socket=tmp_path / "run" / "s.sock")
    paths.prepare()
    paths.socket.parent.mkdir(mode=0o755, exist_ok=True)
    if with_pin:
        add_profile(paths, "maya", UNDER13_BIRTH_YEAR)
        set_guardian_pin(paths)
    stores = open_stores(paths, policy_dir=paths.root / "policy", pin_cost=FAST)
    handlers = ServiceHandlers(stores)
    with ServiceServer(paths.socket, handlers):
        mode = RunningMode(Mode.MACHINE, ServiceState.ANSWERING, paths.socket)
        yield Machine(paths, stores, handlers, mode)
    stores.close()


@pytest.fixture
def machine(tmp_path: Path) -> Iterator[Machine]:
    yield from _machine(tmp_path, with_pin=True)


@pytest.fixture
def fresh_machine(tmp_path: Path) -> Iterator[Machine]:
    yield from _machine(tmp_path, with_pin=False)


def session_services(machine: Machine) -> GuardianServices:
    """This account's own (empty) stores, in machine mode: the console must not use them."""
    return dataclasses.replace(make_services(MemoryKeyring()), mode=machine.mode)


def open_pin(qtbot: QtBot, launcher: GuardianLauncher) -> PinDialog:
    with qtbot.waitSignal(launcher.pin_requested, timeout=10_000):
        launcher.open()
    dialog = launcher.pin_dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.checking)
    return dialog


def open_machine_console(qtbot: QtBot, launcher: GuardianLauncher) -> GuardianConsole:
    dialog = open_pin(qtbot, launcher)
    with qtbot.waitSignal(launcher.console_opened, timeout=10_000):
        enter(qtbot, dialog, GUARDIAN_PIN)
    console = launcher.console
    assert console is not None
    qtbot.addWidget(console)
    qtbot.waitUntil(lambda: console.snapshot is not None, timeout=10_000)
    qtbot.waitUntil(lambda: console.work.pending == 0, timeout=10_000)
    return console


def test_the_console_shows_the_services_quarantine_and_restores_through_it(
    qtbot: QtBot, machine: Machine, tmp_path: Path
) -> None:
    maya = machine.stores.settings.load().profiles[0]
    inbox = tmp_path / "home" / "Downloads"
    inbox.mkdir(parents=True)
    (inbox / "beach.jpg").write_bytes(PHOTO)
    machine.stores.quarantine.add(
        inbox / "beach.jpg", reason="sensitive", surface="share_folders", profile_id=maya.id
    )
    services = session_services(machine)
    launcher = GuardianLauncher(services)
    dialog = open_pin(qtbot, launcher)
    enter(qtbot, dialog, "000000")
    assert dialog.message.text() == "Wrong PIN. Please try again."  # the service said so
    console = open_machine_console(qtbot, launcher)

    assert "Machine mode" in console.overview_page.mode_line.text()
    assert not console.overview_page.fix.isVisible()
    console.show_page("quarantine")
    page = console.quarantine_page
    assert page.table.rowCount() == 1
    assert "beach.jpg" in [page.table.item(0, c).text() for c in range(page.table.columnCount())]
    assert not page.restore_to_button.isVisible()  # the service never writes where told
    select_row(page.table, 0)
    with qtbot.waitSignal(console.changed, timeout=10_000):
        qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert not page.error.isVisible(), page.error.text()
    assert (inbox / "beach.jpg").read_bytes() == PHOTO
    assert machine.stores.quarantine.entries() == []
    digest = hashlib.sha256(PHOTO).hexdigest()
    assert machine.stores.approvals.is_approved(digest, maya.id)  # the SERVICE's approvals
    assert Approvals().entries() == []  # this account's own store is untouched
    assert page.table.rowCount() == 0


def test_a_setting_changed_in_the_console_is_the_services(qtbot: QtBot, machine: Machine) -> None:
    services = session_services(machine)
    console = open_machine_console(qtbot, GuardianLauncher(services))
    console.show_page("privacy")
    spin = console.settings_pages["privacy"].editors["retention_days"].control.focus_target()
    assert isinstance(spin, QSpinBox)
    spin.selectAll()
    qtbot.keyClicks(spin, "30")
    with qtbot.waitSignal(console.changed, timeout=10_000):
        qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert machine.stores.settings.load().values["retention_days"] == 30
    assert "retention_days" not in services.settings.store.load().values
    assert "service" in console.pin_store.text()


def test_closing_the_console_ends_its_session_at_the_service(
    qtbot: QtBot, machine: Machine
) -> None:
    console = open_machine_console(qtbot, GuardianLauncher(session_services(machine)))
    session = console.session
    assert session.snapshot().pin_store  # open
    console.close()
    qtbot.waitUntil(lambda: console.work.pending == 0, timeout=10_000)
    with pytest.raises(GuardianError, match="session has ended"):
        session.snapshot()


def test_the_pin_dialog_counts_down_the_services_wait(qtbot: QtBot, machine: Machine) -> None:
    child = Peer(pid=1, uid=61001, gid=61001, name="sl-test-child")
    for _ in range(FREE_ATTEMPTS):
        machine.handlers(child, p.request("verify_pin", pin="000000"))
    dialog = open_pin(qtbot, GuardianLauncher(session_services(machine)))
    assert dialog.seconds_left() > 0
    assert "Too many tries" in dialog.message.text()
    assert not dialog.entry.isEnabled()


def test_the_wizard_in_machine_mode_is_saved_by_the_service(
    qtbot: QtBot, fresh_machine: Machine
) -> None:
    launcher = GuardianLauncher(session_services(fresh_machine))
    with qtbot.waitSignal(launcher.wizard_opened, timeout=10_000):
        launcher.open()
    wizard = launcher.wizard
    assert isinstance(wizard, SetupWizard)
    qtbot.addWidget(wizard)
    wizard.pin_page.first.setText(GUARDIAN_PIN)
    wizard.pin_page.second.setText(GUARDIAN_PIN)
    wizard.children_page.entries.append(ChildEntry("Maya", "maya", UNDER13_BIRTH_YEAR))
    with qtbot.waitSignal(wizard.setup_saved, timeout=10_000):
        wizard.save()
    stores = fresh_machine.stores
    assert stores.pin.status() == "set" and stores.pin.verify(GUARDIAN_PIN)
    assert [p.os_user for p in stores.settings.load().profiles] == ["maya"]
    summary = wizard.done_page.summary.text()
    assert "SafeLens service on this computer" in summary
    assert launcher.services.pin.status() == "not_set"  # nothing in this account's own store


def test_the_services_refusals_read_as_in_single_account_mode(
    qtbot: QtBot, machine: Machine
) -> None:
    console = open_machine_console(qtbot, GuardianLauncher(session_services(machine)))
    console.show_page("pin")
    page = console.pin_page
    qtbot.keyClicks(page.current, "000000")
    qtbot.keyClicks(page.new, "736251")
    qtbot.keyClicks(page.again, "736251")
    with qtbot.waitSignal(console.changed, timeout=10_000):
        qtbot.mouseClick(page.change_button, Qt.MouseButton.LeftButton)
    assert page.error.text() == "The current PIN is not right. Nothing was changed."
    assert machine.stores.pin.verify(GUARDIAN_PIN)  # the service's PIN is unchanged
    qtbot.keyClicks(page.current, GUARDIAN_PIN)
    with qtbot.waitSignal(console.changed, timeout=10_000):
        qtbot.mouseClick(page.change_button, Qt.MouseButton.LeftButton)
    assert page.done.isVisible() and machine.stores.pin.verify("736251")
