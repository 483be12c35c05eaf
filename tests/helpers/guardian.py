"""Shared pieces for the guardian UI tests: a fast PIN, services, and driving its windows."""

from __future__ import annotations

from pathlib import Path

from keyring.backend import KeyringBackend
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLineEdit,
    QListWidget,
    QSpinBox,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop_app.policy.approvals import Approvals
from desktop_app.policy.editor import GuardianSettings
from desktop_app.policy.guardian import GuardianPin, ScryptCost
from desktop_app.policy.managed import ManagedPolicy
from desktop_app.policy.profiles import OsUser
from desktop_app.policy.store import SettingsStore
from desktop_app.safety.events import EventCounts
from desktop_app.ui.guardian import GuardianConsole, GuardianServices, PinDialog
from desktop_app.ui.guardian.sessions import LocalSession
from tests.helpers.clock import FakeClock
from tests.helpers.keyring import MemoryKeyring

# Only to keep the tests fast; tests/policy/test_guardian.py checks the real parameters.
FAST = ScryptCost(n=2**10, r=8, p=1)
PIN = "918273"
LAB_POLICY = "/etc/safelens/policies/lab.json"


def make_services(
    keyring: KeyringBackend,
    managed: ManagedPolicy | None = None,
    clock: FakeClock | None = None,
    pin: GuardianPin | None = None,
    events: EventCounts | None = None,
) -> GuardianServices:
    """Everything under the test's own SAFELENS_HOME (set by tests/conftest.py)."""
    return GuardianServices(
        settings=GuardianSettings(
            SettingsStore(), managed or ManagedPolicy(), OsUser("parent", is_admin=True), clock
        ),
        pin=pin or GuardianPin(backend=keyring, clock=clock, cost=FAST),
        approvals=Approvals(clock=clock),
        events=events,
    )


def child_services(inbox: Path, birth_year: int) -> GuardianServices:
    """Maya's account (a child born in `birth_year`) with `inbox` shared, and a PIN set."""
    parent = GuardianSettings(SettingsStore(), ManagedPolicy(), OsUser("parent", True))
    parent.add_profile("Maya", "maya", birth_year)
    parent.set_value("share_folders.incoming", [str(inbox)])
    child = GuardianSettings(SettingsStore(), ManagedPolicy(), OsUser("maya", False))
    pin = GuardianPin(backend=MemoryKeyring(), cost=FAST)
    pin.set_pin(PIN)
    return GuardianServices(child, pin, Approvals(), EventCounts())


def lab_policy(**values: object) -> ManagedPolicy:
    managed = ManagedPolicy()
    managed.merge(values, LAB_POLICY)
    return managed


def enter(qtbot: QtBot, dialog: PinDialog, secret: str) -> None:
    qtbot.waitUntil(dialog.entry.isEnabled)
    dialog.entry.clear()
    qtbot.keyClicks(dialog.entry, secret)
    qtbot.keyClick(dialog.entry, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.checking)


def assert_named(root: QWidget) -> None:
    """Every control a keyboard user can reach has a name a screen reader can say."""
    for widget in root.findChildren(QWidget):
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLineEdit) and isinstance(widget.parent(), QComboBox | QSpinBox):
            continue  # the combo or spin box itself carries the name
        if isinstance(widget, QLineEdit | QComboBox | QSpinBox | QListWidget | QTableWidget):
            assert widget.accessibleName(), f"{type(widget).__name__} has no accessible name"
        elif isinstance(widget, QAbstractButton):
            assert widget.accessibleName() or widget.text(), "a button says nothing"


def open_console(qtbot: QtBot, services: GuardianServices) -> GuardianConsole:
    console = GuardianConsole(LocalSession(services, services.actions.prove_administrator()))
    qtbot.addWidget(console)
    with qtbot.waitSignal(console.loaded, timeout=5000):
        console.show()
    qtbot.waitUntil(lambda: console.work.pending == 0)
    return console


def select_row(table: object, row: int) -> None:
    model = table.model()  # type: ignore[attr-defined]
    table.selectionModel().select(  # type: ignore[attr-defined]
        model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
