"""The PIN dialog, the first-run wizard and the launcher's PIN gate, driven with qtbot."""

from __future__ import annotations

import itertools
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QLineEdit,
    QWizard,
)
from pytestqt.qtbot import QtBot

from desktop_app.policy import guardian
from desktop_app.policy.editor import GuardianSettings
from desktop_app.policy.guardian import SERVICE, USERNAME, GuardianPin
from desktop_app.policy.managed import ManagedPolicy
from desktop_app.policy.profiles import OsUser
from desktop_app.policy.settings import AgeBand
from desktop_app.policy.store import SettingsStore
from desktop_app.ui.guardian import GuardianConsole, GuardianLauncher, PinDialog, SetupWizard
from desktop_app.ui.guardian.controls import TrustedAdultsControl
from desktop_app.ui.guardian.services import GuardianServices
from tests.helpers.guardian import FAST, PIN, assert_named, enter, make_services
from tests.helpers.keyring import MemoryKeyring

WRONG = "111111"


@pytest.fixture
def keyring() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def services(keyring: MemoryKeyring) -> GuardianServices:
    return make_services(keyring)


@pytest.fixture
def pin_set(services: GuardianServices) -> GuardianServices:
    services.pin.set_pin(PIN)
    return services


def open_dialog(qtbot: QtBot, pin: GuardianPin) -> PinDialog:
    dialog = PinDialog(pin)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.checking)
    return dialog


# --- PIN dialog ------------------------------------------------------------------------------


def test_pin_dialog_accepts_only_the_right_pin(qtbot: QtBot, pin_set: GuardianServices) -> None:
    dialog = open_dialog(qtbot, pin_set.pin)
    assert dialog.entry.echoMode() is QLineEdit.EchoMode.Password
    assert_named(dialog)
    accepted: list[bool] = []
    dialog.accepted.connect(lambda: accepted.append(True))

    enter(qtbot, dialog, WRONG)
    assert dialog.message.text() == "Wrong PIN. Please try again."
    assert not accepted and dialog.isVisible()
    assert dialog.entry.text() == ""

    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        enter(qtbot, dialog, PIN)
    assert accepted == [True]
    assert dialog.result() == PinDialog.DialogCode.Accepted


def test_pin_dialog_disables_everything_while_checking(
    qtbot: QtBot, pin_set: GuardianServices
) -> None:
    dialog = open_dialog(qtbot, pin_set.pin)
    qtbot.keyClicks(dialog.entry, WRONG)
    with qtbot.waitSignal(dialog.checking_changed) as started:
        qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert started.args == [True]
    assert dialog.message.text() == "Checking…"
    assert not dialog.entry.isEnabled()
    assert not dialog.unlock_button.isEnabled() and not dialog.cancel_button.isEnabled()
    assert dialog.busy.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # no cancelling half-way through a check
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.checking)
    assert dialog.entry.isEnabled() and not dialog.busy.isVisible()


def test_escape_cancels_and_an_empty_pin_is_not_checked(
    qtbot: QtBot, pin_set: GuardianServices
) -> None:
    dialog = open_dialog(qtbot, pin_set.pin)
    qtbot.keyClick(dialog.entry, Qt.Key.Key_Return)
    assert dialog.message.text() == "Please enter the PIN."
    assert pin_set.pin.delay_remaining() == 0
    with qtbot.waitSignal(dialog.rejected, timeout=2000):
        qtbot.keyClick(dialog.entry, Qt.Key.Key_Escape)
    assert dialog.result() == PinDialog.DialogCode.Rejected


@pytest.mark.slow  # waits out the real delays after wrong PINs
def test_too_many_wrong_pins_count_down_then_allow_a_try(
    qtbot: QtBot, keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(guardian, "FIRST_DELAY_S", 2.0)  # the real first delay is 30 s
    pin = GuardianPin(backend=keyring, cost=FAST)  # the real clock: the delay really passes
    pin.set_pin(PIN)
    dialog = open_dialog(qtbot, pin)
    for _ in range(guardian.FREE_ATTEMPTS):
        enter(qtbot, dialog, WRONG)
    assert dialog.message.text() == "Wrong PIN. Too many tries — wait 2 s"
    assert dialog.countdown.isActive()
    assert not dialog.entry.isEnabled() and not dialog.unlock_button.isEnabled()
    assert dialog.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.message.text().endswith("wait 1 s"), timeout=3000)
    qtbot.waitUntil(lambda: dialog.message.text() == "You can try again now.", timeout=3000)
    assert dialog.entry.isEnabled() and not dialog.countdown.isActive()
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        enter(qtbot, dialog, PIN)


def test_a_delay_already_running_is_shown_when_the_dialog_opens(
    qtbot: QtBot, pin_set: GuardianServices
) -> None:
    for _ in range(guardian.FREE_ATTEMPTS):
        assert pin_set.pin.verify(WRONG) is False
    dialog = open_dialog(qtbot, pin_set.pin)
    assert dialog.message.text() == "Too many tries — wait 30 s"
    assert 29 <= dialog.seconds_left() <= 30
    assert not dialog.entry.isEnabled()


def test_a_vanished_pin_is_explained_and_nothing_can_be_entered(
    qtbot: QtBot, pin_set: GuardianServices, keyring: MemoryKeyring
) -> None:
    keyring.delete_password(SERVICE, USERNAME)
    dialog = open_dialog(qtbot, pin_set.pin)
    assert dialog.message.text() == guardian.MISSING_MESSAGE
    assert not dialog.entry.isEnabled() and dialog.cancel_button.isEnabled()


class SlowPin(GuardianPin):
    """As slow as scrypt with OWASP's parameters on a slow PC, and notes where it ran."""

    threads: list[threading.Thread]

    def verify(self, pin: str) -> bool:
        self.threads.append(threading.current_thread())
        time.sleep(0.6)
        return super().verify(pin)


@pytest.mark.slow  # waits out a PIN check made slow on purpose
def test_the_gui_thread_keeps_running_while_the_pin_is_checked(
    qtbot: QtBot, keyring: MemoryKeyring
) -> None:
    pin = SlowPin(backend=keyring, cost=FAST)
    pin.threads = []
    pin.set_pin(PIN)
    dialog = open_dialog(qtbot, pin)
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    qtbot.keyClicks(dialog.entry, PIN)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.keyClick(dialog.entry, Qt.Key.Key_Return)
    timer.stop()
    assert pin.threads and threading.main_thread() not in pin.threads
    assert len(ticks) >= 20  # the event loop ran all along (0.6 s / 10 ms)
    gaps = [later - earlier for earlier, later in itertools.pairwise(ticks)]
    assert max(gaps) < 0.2


# --- the launcher: the console only after the right PIN --------------------------------------


def test_console_does_not_open_without_the_right_pin(
    qtbot: QtBot, pin_set: GuardianServices
) -> None:
    launcher = GuardianLauncher(pin_set)
    opened: list[GuardianConsole] = []
    launcher.console_opened.connect(opened.append)
    with qtbot.waitSignal(launcher.pin_requested, timeout=5000):
        launcher.open()
    dialog = launcher.pin_dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.checking)
    enter(qtbot, dialog, WRONG)
    assert dialog.message.text() == "Wrong PIN. Please try again."
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert opened == [] and launcher.console is None

    with qtbot.waitSignal(launcher.pin_requested, timeout=5000):
        launcher.open()
    dialog = launcher.pin_dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.checking)
    with qtbot.waitSignal(launcher.console_opened, timeout=5000):
        enter(qtbot, dialog, PIN)
    assert launcher.console is not None and opened == [launcher.console]
    qtbot.addWidget(launcher.console)
    assert launcher.console.isVisible()
    qtbot.waitSignal(launcher.console.loaded, timeout=5000)


def test_first_run_opens_the_wizard_not_the_pin(qtbot: QtBot, services: GuardianServices) -> None:
    launcher = GuardianLauncher(services)
    with qtbot.waitSignal(launcher.wizard_opened, timeout=5000):
        launcher.open()
    assert launcher.wizard is not None and launcher.pin_dialog is None
    qtbot.addWidget(launcher.wizard)


# --- the first-run wizard ----------------------------------------------------------------------


def click(qtbot: QtBot, wizard: QWizard, which: QWizard.WizardButton) -> None:
    qtbot.mouseClick(wizard.button(which), Qt.MouseButton.LeftButton)


def add_child(qtbot: QtBot, wizard: SetupWizard, name: str, account: str, year: int) -> None:
    form = wizard.children_page.form
    qtbot.keyClicks(form.name, name)
    line = form.account.lineEdit()
    assert line is not None
    line.clear()
    qtbot.keyClicks(line, account)
    form.birth_year.setValue(year)
    qtbot.mouseClick(form.add_button, Qt.MouseButton.LeftButton)


def fill_pin_page(qtbot: QtBot, wizard: SetupWizard) -> None:
    """Too short, then two different PINs, then right; each refusal shown inline."""
    page = wizard.pin_page
    assert wizard.currentPage() is page
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    qtbot.keyClicks(page.first, "12345")
    qtbot.keyClicks(page.second, "12345")
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is page
    assert page.error.text() == "A PIN needs at least 6 digits."
    page.first.clear()
    page.second.clear()
    qtbot.keyClicks(page.first, PIN)
    qtbot.keyClicks(page.second, "918274")
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert "not the same" in page.error.text()
    qtbot.keyClicks(page.second, PIN)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)


def fill_children_page(qtbot: QtBot, wizard: SetupWizard) -> None:
    """A name without an account and a second child on one account are refused inline."""
    year = datetime.now(UTC).year
    children = wizard.children_page
    assert wizard.currentPage() is children
    qtbot.keyClicks(children.form.name, "Maya")
    qtbot.mouseClick(children.form.add_button, Qt.MouseButton.LeftButton)
    assert children.form.error.text() == "Please choose the computer account this person uses."
    children.form.name.clear()
    add_child(qtbot, wizard, "Maya", "maya", year - 9)
    add_child(qtbot, wizard, "Leo", "leo", year - 15)
    add_child(qtbot, wizard, "Maya's twin", "maya", year - 9)
    assert "already belongs to a child" in children.form.error.text()
    children.form.name.clear()
    assert children.table.rowCount() == 2
    assert children.table.item(0, 3).text() == "Under 13"
    assert children.table.item(1, 3).text() == "13–17"  # noqa: RUF001 - the en dash shown
    qtbot.keyClicks(children.form.name, "Sam")
    click(qtbot, wizard, QWizard.WizardButton.NextButton)  # typed but not added: refused
    assert wizard.currentPage() is children
    assert "did not press Add" in children.form.error.text()
    children.form.name.clear()
    click(qtbot, wizard, QWizard.WizardButton.NextButton)


def fill_adults_page(qtbot: QtBot, wizard: SetupWizard) -> None:
    """People are checked by the trusted_adults setting's own type."""
    adults = wizard.adults_page
    assert wizard.currentPage() is adults
    control = adults.editor.control
    assert isinstance(control, TrustedAdultsControl)
    qtbot.keyClicks(control.name, "Gran")
    qtbot.mouseClick(control.add_button, Qt.MouseButton.LeftButton)
    assert adults.editor.error.text() == "Can't add Gran: needs an email or a phone number."
    qtbot.keyClicks(control.email, "gran@example.org")
    qtbot.mouseClick(control.add_button, Qt.MouseButton.LeftButton)
    assert control.table.rowCount() == 1
    assert adults.people() == [{"name": "Gran", "email": "gran@example.org"}]
    qtbot.keyClicks(control.phone, "+44 20 7946 0000")
    click(qtbot, wizard, QWizard.WizardButton.NextButton)  # typed but not added: refused
    assert wizard.currentPage() is adults
    assert "did not press “Add person”" in adults.editor.error.text()
    control.phone.clear()
    click(qtbot, wizard, QWizard.WizardButton.NextButton)


def check_review_page(wizard: SetupWizard) -> None:
    """Read-only, per age band, from the effective values."""
    review = wizard.review_page
    assert wizard.currentPage() is review
    assert "Maya (Under 13)" in review.children_label.text()
    titles = [review.table.item(r, 0).text() for r in range(review.table.rowCount())]
    row = titles.index("Viewing, under 13")
    assert review.table.item(row, 1).text() == "Only with the guardian's PIN"
    assert review.table.item(row, 2).text() == "—"
    assert_named(wizard)


def test_wizard_creates_the_pin_and_the_profiles(
    qtbot: QtBot, services: GuardianServices, keyring: MemoryKeyring
) -> None:
    wizard = SetupWizard(services)
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.currentPage() is wizard.welcome_page
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    fill_pin_page(qtbot, wizard)
    fill_children_page(qtbot, wizard)
    fill_adults_page(qtbot, wizard)
    check_review_page(wizard)
    assert services.pin.status() == "not_set"  # nothing saved before the last step
    with qtbot.waitSignal(wizard.setup_saved, timeout=10_000):
        click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    assert wizard.currentPage() is wizard.done_page
    assert "Maya, Leo protected from now on." in wizard.done_page.summary.text()

    # what was saved: a hash (never the PIN), the profiles with their bands, the adults
    stored = keyring.get_password(SERVICE, USERNAME)
    assert stored is not None and stored.startswith("scrypt$")
    assert PIN not in stored
    for path in Path(SettingsStore().folder).rglob("*"):
        if path.is_file():
            assert PIN.encode() not in path.read_bytes()
    assert GuardianPin(backend=keyring, cost=FAST).verify(PIN) is True
    again = GuardianSettings(SettingsStore(), ManagedPolicy(), OsUser("parent", True))
    assert again.set_up
    bands = {row.profile.name: (row.profile.os_user, row.band) for row in again.profiles()}
    assert bands == {"Maya": ("maya", AgeBand.UNDER13), "Leo": ("leo", AgeBand.TEEN)}
    assert again.policy["trusted_adults"] == [{"name": "Gran", "email": "gran@example.org"}]
    assert wizard.pin_page.first.text() == "" and wizard.pin_page.second.text() == ""
    click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert not wizard.isVisible()


def test_wizard_with_no_children_still_finishes_setup(
    qtbot: QtBot, services: GuardianServices
) -> None:
    wizard = SetupWizard(services)
    qtbot.addWidget(wizard)
    wizard.show()
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    qtbot.keyClicks(wizard.pin_page.first, "purple giraffe")
    qtbot.keyClicks(wizard.pin_page.second, "purple giraffe")
    for _ in range(3):
        click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert "No children added yet" in wizard.review_page.children_label.text()
    with qtbot.waitSignal(wizard.setup_saved, timeout=10_000):
        click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    assert services.pin.status() == "set"
    assert GuardianSettings(SettingsStore(), ManagedPolicy(), OsUser("p", True)).set_up


def test_wizard_shows_a_failed_save_and_can_try_again(
    qtbot: QtBot, services: GuardianServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.core.storage import StorageError

    original = services.settings.store.save
    failures = iter([StorageError("Could not save settings.json: No space left on device")])

    def full_disk(state: object) -> None:
        error = next(failures, None)
        if error is not None:
            raise error
        original(state)  # type: ignore[arg-type]

    monkeypatch.setattr(services.settings.store, "save", full_disk)
    wizard = SetupWizard(services)
    qtbot.addWidget(wizard)
    wizard.show()
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    qtbot.keyClicks(wizard.pin_page.first, PIN)
    qtbot.keyClicks(wizard.pin_page.second, PIN)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    add_child(qtbot, wizard, "Maya", "maya", datetime.now(UTC).year - 9)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    review = wizard.review_page
    with qtbot.waitSignal(wizard.saving_changed, check_params_cb=lambda on: not on):
        click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    assert wizard.currentPage() is review
    assert review.error.text() == (
        "SafeLens couldn't save the setup (Could not save settings.json: No space left on "
        "device). Please try again."
    )
    assert services.pin.status() == "not_set"  # the PIN is set last
    with qtbot.waitSignal(wizard.setup_saved, timeout=10_000):
        click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    assert services.pin.status() == "set"
    assert [row.profile.name for row in services.settings.profiles()] == ["Maya"]
