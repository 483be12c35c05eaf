"""The guardian console, driven with qtbot: locks, saving, profiles, approvals, activity."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QSpinBox
from pytestqt.qtbot import QtBot

from desktop_app.core.storage import StorageError
from desktop_app.core.vocabulary import EventKind, Surface
from desktop_app.policy.editor import GuardianSettings
from desktop_app.policy.managed import ManagedPolicy
from desktop_app.policy.profiles import OsUser
from desktop_app.policy.settings import AgeBand
from desktop_app.policy.store import SettingsStore
from desktop_app.safety.events import EventCounts
from desktop_app.ui.guardian import GuardianConsole
from desktop_app.ui.guardian.chart import SURFACE_COLORS
from desktop_app.ui.guardian.controls import FolderListControl
from desktop_app.ui.guardian.fields import FieldEditor
from desktop_app.ui.guardian.services import GuardianServices
from tests.helpers.clock import FakeClock
from tests.helpers.guardian import (
    LAB_POLICY,
    assert_named,
    lab_policy,
    make_services,
    open_console,
    select_row,
)
from tests.helpers.keyring import MemoryKeyring


@pytest.fixture
def clock() -> FakeClock:
    """Three days ago: the event store's clock never runs backwards, so tests move it on."""
    return FakeClock(datetime.now(UTC).replace(microsecond=0) - timedelta(days=3))


@pytest.fixture
def events(clock: FakeClock) -> Iterator[EventCounts]:
    with EventCounts(clock=clock) as store:
        yield store


@pytest.fixture
def services(clock: FakeClock, events: EventCounts) -> GuardianServices:
    return make_services(MemoryKeyring(), clock=clock, events=events)


def editor_for(console: GuardianConsole, key: str) -> FieldEditor:
    return console._page_for(key).editors[key]


def reread() -> GuardianSettings:
    return GuardianSettings(SettingsStore(), ManagedPolicy(), OsUser("parent", True))


def test_every_page_is_reachable_from_the_sidebar_by_keyboard(
    qtbot: QtBot, services: GuardianServices
) -> None:
    console = open_console(qtbot, services)
    titles = [console.sidebar.item(i).text() for i in range(console.sidebar.count())]
    assert titles == [
        "Overview",
        "Profiles",
        "Protections",
        "Share folders",
        "Trusted adults",
        "School & test mode",
        "Privacy",
        "Change PIN",
        "Remembered approvals",
        "Quarantine",
        "Activity",
    ]
    assert console.focusWidget() is console.sidebar
    for index in range(1, len(titles)):
        qtbot.keyClick(console.sidebar, Qt.Key.Key_Down)
        assert console.stack.currentIndex() == index
        assert_named(console.stack.currentWidget())
    assert not console.banner.isVisible()


def test_a_school_policy_locks_strictness_and_says_who_set_it(
    qtbot: QtBot, clock: FakeClock
) -> None:
    services = make_services(MemoryKeyring(), managed=lab_policy(strictness="strict"), clock=clock)
    console = open_console(qtbot, services)
    console.show_page("protection")
    field = editor_for(console, "strictness")
    combo = field.control.focus_target()
    assert isinstance(combo, QComboBox)
    assert not combo.isEnabled()
    assert combo.currentData() == "strict"
    note = f"Set by your school (policy {LAB_POLICY})"
    assert field.lock.isVisible() and field.lock.label.text() == note
    assert combo.toolTip() == note
    assert combo.accessibleDescription().startswith(note)
    assert not field.reset_button.isVisible()
    # an unlocked neighbour stays editable and shows no lock
    contacts = editor_for(console, "surfaces.contacts")
    assert contacts.control.isEnabled() and not contacts.lock.isVisible()


def test_changing_a_check_box_saves_it_at_once(qtbot: QtBot, services: GuardianServices) -> None:
    console = open_console(qtbot, services)
    console.show_page("protection")
    field = editor_for(console, "surfaces.contacts")
    box = field.control.focus_target()
    assert isinstance(box, QCheckBox) and box.isChecked()
    box.setFocus()
    with qtbot.waitSignal(console.changed, timeout=5000):
        qtbot.keyClick(box, Qt.Key.Key_Space)
    assert reread().policy.values["surfaces.contacts"].value is False
    assert reread().policy.values["surfaces.contacts"].source.value == "guardian"
    assert field.reset_button.isVisible()
    with qtbot.waitSignal(console.changed, timeout=5000):
        qtbot.mouseClick(field.reset_button, Qt.MouseButton.LeftButton)
    assert reread().policy.values["surfaces.contacts"].source.value == "default"
    assert box.isChecked() and not field.reset_button.isVisible()


def test_numbers_and_choices_save_through_the_editor(
    qtbot: QtBot, services: GuardianServices
) -> None:
    console = open_console(qtbot, services)
    console.show_page("privacy")
    spin = editor_for(console, "retention_days").control.focus_target()
    assert isinstance(spin, QSpinBox)
    assert (spin.minimum(), spin.maximum(), spin.value()) == (1, 3650, 90)
    spin.selectAll()
    qtbot.keyClicks(spin, "30")
    with qtbot.waitSignal(console.changed, timeout=5000):
        qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert reread().policy["retention_days"] == 30

    console.show_page("school")
    combo = editor_for(console, "lab_default_age_band").control.focus_target()
    assert isinstance(combo, QComboBox)
    assert combo.itemText(0) == "Off" and combo.currentData() is None
    with qtbot.waitSignal(console.changed, timeout=5000):
        combo.setCurrentIndex(combo.findData("teen"))
    assert reread().policy["lab_default_age_band"] == "teen"


def test_a_failed_save_is_shown_in_plain_words_and_the_control_goes_back(
    qtbot: QtBot, services: GuardianServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(state: object) -> None:
        raise StorageError("Could not save settings.json: No space left on device")

    console = open_console(qtbot, services)
    monkeypatch.setattr(services.settings.store, "save", full_disk)
    console.show_page("protection")
    field = editor_for(console, "surfaces.file_picker")
    box = field.control.focus_target()
    assert isinstance(box, QCheckBox)
    box.setFocus()
    with qtbot.waitSignal(console.changed, timeout=5000):
        qtbot.keyClick(box, Qt.Key.Key_Space)
    assert field.error.isVisible()
    assert field.error.text() == (
        "SafeLens couldn't save this change (Could not save settings.json: No space left on "
        "device). Nothing was changed."
    )
    assert "Traceback" not in field.error.text()
    assert box.isChecked()  # back to what is stored


def test_adding_and_removing_a_profile(
    qtbot: QtBot, services: GuardianServices, clock: FakeClock
) -> None:
    console = open_console(qtbot, services)
    console.show_page("profiles")
    page = console.profiles_page
    form = page.form
    year = datetime.now(UTC).year
    qtbot.keyClicks(form.name, "Maya")
    line = form.account.lineEdit()
    assert line is not None
    qtbot.keyClicks(line, "maya")
    form.birth_year.setValue(year - 9)
    assert form.band.text() == "Age band: Under 13"
    with qtbot.waitSignal(console.changed, timeout=5000):
        qtbot.mouseClick(form.add_button, Qt.MouseButton.LeftButton)
    assert page.table.rowCount() == 1
    cells = [page.table.item(0, c).text() for c in range(4)]
    assert cells == ["Maya", "maya", str(year - 9), "Under 13"]
    assert form.name.text() == ""
    assert [(r.profile.name, r.band) for r in reread().profiles()] == [("Maya", AgeBand.UNDER13)]

    # the same account again is refused inline, in the editor's words
    qtbot.keyClicks(form.name, "Maya again")
    qtbot.keyClicks(line, "maya")
    with qtbot.waitSignal(console.changed, timeout=5000):
        qtbot.mouseClick(form.add_button, Qt.MouseButton.LeftButton)
    assert form.error.text() == "The account 'maya' already has a profile."
    assert page.table.rowCount() == 1

    select_row(page.table, 0)
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert page.confirm.isVisible() and "Maya's profile" in page.confirm_text.text()
    with qtbot.waitSignal(console.changed, timeout=5000):
        qtbot.mouseClick(page.confirm_yes, Qt.MouseButton.LeftButton)
    assert page.table.rowCount() == 0
    assert reread().profiles() == []


def test_share_folders_are_added_with_qts_own_dialog_and_removed(
    qtbot: QtBot, services: GuardianServices, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    console = open_console(qtbot, services)
    console.show_page("share_folders")
    control = editor_for(console, "share_folders.outgoing").control
    assert isinstance(control, FolderListControl)
    assert control.value() == []
    monkeypatch.setattr(control, "choose_folder", lambda: str(tmp_path / "Public"))
    with qtbot.waitSignal(console.changed, timeout=5000):
        qtbot.mouseClick(control.add_button, Qt.MouseButton.LeftButton)
    assert control.value() == [str(tmp_path / "Public")]
    assert reread().policy["share_folders.outgoing"] == [str(tmp_path / "Public")]
    control.list.setCurrentRow(0)
    with qtbot.waitSignal(console.changed, timeout=5000):
        qtbot.mouseClick(control.remove_button, Qt.MouseButton.LeftButton)
    assert reread().policy["share_folders.outgoing"] == []


def test_trusted_adults_are_checked_then_saved(qtbot: QtBot, services: GuardianServices) -> None:
    console = open_console(qtbot, services)
    console.show_page("help")
    field = editor_for(console, "trusted_adults")
    control = field.control
    qtbot.keyClicks(control.name, "Coach")  # type: ignore[attr-defined]
    qtbot.keyClicks(control.phone, "call me")  # type: ignore[attr-defined]
    qtbot.mouseClick(control.add_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert field.error.text() == "Can't add Coach: 'call me' is not a phone number."
    control.phone.clear()  # type: ignore[attr-defined]
    qtbot.keyClicks(control.phone, "+44 20 7946 0000")  # type: ignore[attr-defined]
    with qtbot.waitSignal(console.changed, timeout=5000):
        qtbot.keyClick(control.phone, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    assert not field.error.isVisible()
    assert reread().policy["trusted_adults"] == [{"name": "Coach", "phone": "+44 20 7946 0000"}]


def test_revoking_a_remembered_approval(qtbot: QtBot, services: GuardianServices) -> None:
    maya = services.settings.add_profile("Maya", "maya", 2016)
    digest = hashlib.sha256(b"some picture").hexdigest()
    services.approvals.remember(digest, maya.id)
    console = open_console(qtbot, services)
    console.show_page("approvals")
    page = console.approvals_page
    assert page.table.rowCount() == 1
    assert page.table.item(0, 0).text() == digest[:12] + "…"
    assert page.table.item(0, 1).text() == "Maya"
    assert not page.revoke_button.isEnabled()
    select_row(page.table, 0)
    with qtbot.waitSignal(console.changed, timeout=5000):
        qtbot.mouseClick(page.revoke_button, Qt.MouseButton.LeftButton)
    assert services.approvals.entries() == []
    assert page.empty.isVisible() and not page.table.isVisible()


def test_the_activity_chart_shows_the_counts(
    qtbot: QtBot, services: GuardianServices, events: EventCounts, clock: FakeClock
) -> None:
    maya = services.settings.add_profile("Maya", "maya", 2016)
    events.record(maya.id, Surface.share_folders, EventKind.sensitive, 2)
    clock.advance(days=2)
    events.record(maya.id, Surface.file_picker, EventKind.sensitive)
    events.record("lab-login", Surface.contacts, EventKind.sensitive, 4)
    events.record(maya.id, Surface.viewer, EventKind.help_opened)
    clock.advance(days=1)
    console = open_console(qtbot, services)
    console.show_page("activity")
    page = console.activity_page
    chart = page.chart
    assert chart.total() == 7  # everyone: Maya and a lab login without a profile
    assert len(chart.days) == 14
    assert page.table.rowCount() == 14
    headers = [page.table.horizontalHeaderItem(c).text() for c in range(page.table.columnCount())]
    assert headers == ["Day", "File picker", "Share folders", "Contact photos", "Viewer", "Total"]
    totals = [int(page.table.item(r, 5).text()) for r in range(14)]
    assert totals[:4] == [0, 5, 0, 2]  # newest first: today, yesterday, ...
    assert "7 in the last 14 days" in chart.accessibleDescription()

    image = chart.grab().toImage()
    bars = chart.plot_area.toRect()
    seen = {
        image.pixelColor(x, y).name()
        for x in range(bars.left(), bars.right(), 2)
        for y in range(bars.top(), bars.bottom(), 2)
    }
    for surface in (Surface.file_picker, Surface.share_folders, Surface.contacts):
        assert SURFACE_COLORS[surface].name() in seen
    assert SURFACE_COLORS[Surface.viewer].name() not in seen  # "help opened" is another kind

    page.profile.setCurrentIndex(page.profile.findData(maya.id))
    qtbot.waitUntil(lambda: chart.total() == 3)
    page.kind.setCurrentIndex(page.kind.findData(EventKind.help_opened.value))
    qtbot.waitUntil(lambda: chart.total() == 1)


def test_damaged_settings_show_a_banner_until_reviewed(
    qtbot: QtBot, services: GuardianServices
) -> None:
    services.settings.add_profile("Maya", "maya", 2016)
    SettingsStore().path.write_text("{broken", encoding="utf-8")
    damaged = GuardianServices(
        settings=GuardianSettings(SettingsStore(), ManagedPolicy(), OsUser("parent", True)),
        pin=services.pin,
        approvals=services.approvals,
        events=services.events,
    )
    console = open_console(qtbot, damaged)
    banner = console.banner
    assert banner.isVisible()
    assert "The settings file is damaged" in banner.details.text()
    assert banner.button.isVisible()
    with qtbot.waitSignal(console.changed, timeout=5000):
        qtbot.mouseClick(banner.button, Qt.MouseButton.LeftButton)
    assert not banner.isVisible()
    assert reread().problems == []


def test_school_policy_problems_are_shown_without_a_review_button(
    qtbot: QtBot, clock: FakeClock
) -> None:
    managed = lab_policy(strictness="extreme")
    services = make_services(MemoryKeyring(), managed=managed, clock=clock)
    console = open_console(qtbot, services)
    assert console.banner.isVisible()
    assert "tell your IT team" in console.banner.details.text()
    assert LAB_POLICY in console.banner.details.text()
    assert not console.banner.button.isVisible()


def test_the_overview_says_single_account_mode_is_not_tamper_resistant_and_how_to_switch(
    qtbot: QtBot, services: GuardianServices
) -> None:
    console = open_console(qtbot, services)
    page = console.overview_page
    assert console.stack.currentWidget() is page  # the first page
    assert "NOT tamper-resistant" in page.mode_line.text()
    assert page.fix.isVisible() and "systemctl enable --now safelens" in page.fix.text()
    assert not page.table.isVisible()  # every account's health is the service's to tell
