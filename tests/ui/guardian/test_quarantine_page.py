"""The console's Quarantine page, driven with qtbot over a real quarantine in tmp_path.

Files are plain bytes with picture names: nothing is ever decoded on this page.
"""

from __future__ import annotations

import dataclasses
import errno
import hashlib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desktop_app import SensitivityAnalyzer
from desktop_app.analysis import testpattern
from desktop_app.policy.approvals import Approvals
from desktop_app.surfaces import quarantine_files
from desktop_app.surfaces.quarantine import Quarantine, QuarantineEntry, QuarantineReason
from desktop_app.surfaces.share_folders import FolderEventKind
from desktop_app.ui.guardian import GuardianConsole
from desktop_app.ui.guardian.quarantine_page import QuarantinePage
from desktop_app.ui.guardian.services import GuardianServices
from tests.helpers.guardian import assert_named, make_services, open_console, select_row
from tests.helpers.keyring import MemoryKeyring
from tests.helpers.share_folders import child_watch_pass

PHOTO = b"\xff\xd8\xff\xe0 not really a picture " * 40
OTHER = b"other bytes, never decoded"


@pytest.fixture
def quarantine(tmp_path: Path) -> Quarantine:
    return Quarantine(tmp_path / "quarantine")


@pytest.fixture
def services(quarantine: Quarantine) -> GuardianServices:
    return dataclasses.replace(make_services(MemoryKeyring()), quarantine=quarantine)


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "Inbox"
    folder.mkdir()
    return folder


def hide(
    quarantine: Quarantine,
    folder: Path,
    name: str,
    data: bytes = PHOTO,
    *,
    profile_id: str | None = None,
    surface: str = "share_folders",
    reason: QuarantineReason = QuarantineReason.sensitive,
) -> QuarantineEntry:
    path = folder / name
    path.write_bytes(data)
    return quarantine.add(path, reason=reason, surface=surface, profile_id=profile_id)


def quarantine_page(
    qtbot: QtBot, services: GuardianServices
) -> tuple[GuardianConsole, QuarantinePage]:
    console = open_console(qtbot, services)
    console.show_page("quarantine")
    return console, console.quarantine_page


def cells(page: QuarantinePage, row: int) -> list[str]:
    return [page.table.item(row, c).text() for c in range(page.table.columnCount())]


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_the_list_shows_each_file_without_its_folder_or_picture(
    qtbot: QtBot, services: GuardianServices, quarantine: Quarantine, inbox: Path
) -> None:
    maya = services.settings.add_profile("Maya", "maya", datetime.now(UTC).year - 9)
    hide(quarantine, inbox, "beach.jpg", profile_id=maya.id)
    hide(
        quarantine,
        inbox,
        "clip.mp4",
        OTHER,
        surface="share_folders.outgoing",
        reason=QuarantineReason.could_not_check,
    )
    console, page = quarantine_page(qtbot, services)
    assert console.stack.currentWidget() is page
    headers = [page.table.horizontalHeaderItem(c).text() for c in range(6)]
    assert headers == ["When", "Child", "Where from", "Why", "Size", "File name"]
    assert page.table.rowCount() == 2
    newest, oldest = cells(page, 0), cells(page, 1)
    assert newest[1:4] == ["Everyone", "Sent from this computer", "Couldn't be checked"]
    assert newest[5] == "clip.mp4"
    assert oldest[1:4] == ["Maya", "Share folder", "May be sensitive"]
    assert oldest[5] == "beach.jpg" and page.table.item(1, 5).toolTip() == "beach.jpg"
    assert oldest[4] and oldest[0]
    assert not any(str(inbox) in cell for cell in newest + oldest)
    assert not page.empty.isVisible()
    assert not page.restore_button.isEnabled()  # nothing chosen yet
    select_row(page.table, 1)
    assert page.restore_button.isEnabled() and page.delete_button.isEnabled()
    assert_named(page)


def test_an_empty_quarantine_says_so(qtbot: QtBot, services: GuardianServices) -> None:
    _console, page = quarantine_page(qtbot, services)
    assert page.empty.isVisible() and not page.table.isVisible()
    assert "Nothing is in quarantine" in page.empty.text()
    assert not page.restore_button.isEnabled() and not page.delete_button.isEnabled()


def test_restore_puts_the_file_back_and_remembers_the_approval(
    qtbot: QtBot, services: GuardianServices, quarantine: Quarantine, inbox: Path
) -> None:
    maya = services.settings.add_profile("Maya", "maya", datetime.now(UTC).year - 9)
    leo = services.settings.add_profile("Leo", "leo", datetime.now(UTC).year - 14)
    hide(quarantine, inbox, "beach.jpg", profile_id=maya.id)
    console, page = quarantine_page(qtbot, services)
    select_row(page.table, 0)
    with qtbot.waitSignal(console.changed, timeout=10_000):
        qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    restored = inbox / "beach.jpg"
    assert sha(restored.read_bytes()) == sha(PHOTO)
    assert quarantine.entries() == []
    approvals = Approvals()  # as the share-folder watcher reads it
    assert approvals.is_approved(sha(PHOTO), maya.id)
    assert not approvals.is_approved(sha(PHOTO), leo.id)
    assert page.table.rowCount() == 0 and page.empty.isVisible()
    assert page.done.isVisible()
    assert page.done.text() == (
        f"Put back as “beach.jpg” in {inbox}. It won't be hidden from Maya again."
    )
    assert not page.error.isVisible()


def test_restore_never_overwrites_a_file_already_there(
    qtbot: QtBot, services: GuardianServices, quarantine: Quarantine, inbox: Path
) -> None:
    hide(quarantine, inbox, "photo.jpg")
    (inbox / "photo.jpg").write_bytes(OTHER)  # a new file with the same name arrived since
    console, page = quarantine_page(qtbot, services)
    select_row(page.table, 0)
    with qtbot.waitSignal(console.changed, timeout=10_000):
        qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert (inbox / "photo.jpg").read_bytes() == OTHER
    assert sha((inbox / "photo (restored).jpg").read_bytes()) == sha(PHOTO)
    assert "Put back as “photo (restored).jpg”" in page.done.text()


def test_an_entry_without_a_child_is_approved_for_every_child(
    qtbot: QtBot, services: GuardianServices, quarantine: Quarantine, inbox: Path
) -> None:
    year = datetime.now(UTC).year
    maya = services.settings.add_profile("Maya", "maya", year - 9)
    leo = services.settings.add_profile("Leo", "leo", year - 14)
    parent = services.settings.add_profile("Alex", "alex", None)
    hide(quarantine, inbox, "photo.jpg", surface="cli")
    console, page = quarantine_page(qtbot, services)
    assert cells(page, 0)[1:3] == ["Everyone", "Command line"]
    select_row(page.table, 0)
    with qtbot.waitSignal(console.changed, timeout=10_000):
        qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    approvals = Approvals()
    assert approvals.is_approved(sha(PHOTO), maya.id)
    assert approvals.is_approved(sha(PHOTO), leo.id)
    assert not approvals.is_approved(sha(PHOTO), parent.id)
    assert page.done.text().endswith("It won't be hidden from any child again.")


def test_restore_to_a_chosen_folder(
    qtbot: QtBot,
    services: GuardianServices,
    inbox: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    quarantine = services.quarantine
    assert quarantine is not None
    hide(quarantine, inbox, "photo.jpg", surface="contacts")
    chosen = tmp_path / "Kept"
    chosen.mkdir()
    asked: list[str] = []

    def choose(_parent: object, caption: str, start: str) -> str:
        asked.append(start)
        return str(chosen)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", choose)
    console, page = quarantine_page(qtbot, services)
    assert cells(page, 0)[2] == "Contact photo"
    select_row(page.table, 0)
    with qtbot.waitSignal(console.changed, timeout=10_000):
        qtbot.mouseClick(page.restore_to_button, Qt.MouseButton.LeftButton)
    assert asked == [str(inbox)]  # the dialog opens where the file came from
    assert sha((chosen / "photo.jpg").read_bytes()) == sha(PHOTO)
    assert not (inbox / "photo.jpg").exists()
    assert quarantine.entries() == []


def test_cancelling_the_folder_dialog_changes_nothing(
    qtbot: QtBot,
    services: GuardianServices,
    quarantine: Quarantine,
    inbox: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    hide(quarantine, inbox, "photo.jpg")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_args: "")
    console, page = quarantine_page(qtbot, services)
    select_row(page.table, 0)
    qtbot.mouseClick(page.restore_to_button, Qt.MouseButton.LeftButton)
    assert console.work.pending == 0
    assert len(quarantine.entries()) == 1 and page.restore_button.isEnabled()


def test_delete_asks_first_and_cancel_is_the_default(
    qtbot: QtBot, services: GuardianServices, quarantine: Quarantine, inbox: Path
) -> None:
    entry = hide(quarantine, inbox, "photo.jpg")
    console, page = quarantine_page(qtbot, services)
    select_row(page.table, 0)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    box = page.confirm
    assert box is not None
    qtbot.waitUntil(box.isVisible, timeout=5000)
    assert "photo.jpg" in box.text()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    qtbot.keyClick(box, Qt.Key.Key_Return)  # Enter takes the default: Cancel
    qtbot.waitUntil(lambda: page.confirm is None, timeout=5000)
    assert console.work.pending == 0
    assert [e.id for e in quarantine.entries()] == [entry.id]
    assert page.table.rowCount() == 1

    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    box = page.confirm
    assert box is not None
    qtbot.waitUntil(box.isVisible, timeout=5000)
    delete = next(b for b in box.buttons() if b.text() == "Delete for good")
    with qtbot.waitSignal(console.changed, timeout=10_000):
        qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)
    assert quarantine.entries() == []
    assert not (inbox / "photo.jpg").exists()
    assert page.table.rowCount() == 0 and page.empty.isVisible()
    assert page.done.text() == "Deleted for good."


def test_an_altered_stored_copy_is_not_restored_and_says_why(
    qtbot: QtBot,
    services: GuardianServices,
    quarantine: Quarantine,
    inbox: Path,
    tmp_path: Path,
) -> None:
    maya = services.settings.add_profile("Maya", "maya", datetime.now(UTC).year - 9)
    entry = hide(quarantine, inbox, "photo.jpg", profile_id=maya.id)
    (tmp_path / "quarantine" / "files" / entry.id).write_bytes(OTHER)  # tampered with
    console, page = quarantine_page(qtbot, services)
    select_row(page.table, 0)
    with qtbot.waitSignal(console.changed, timeout=10_000):
        qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert page.error.isVisible()
    assert "has been changed or is missing, so it was not put back" in page.error.text()
    assert "Traceback" not in page.error.text()
    assert not (inbox / "photo.jpg").exists()
    assert [e.id for e in quarantine.entries()] == [entry.id]
    assert page.table.rowCount() == 1
    assert page.table.selectionModel().selectedRows()[0].row() == 0  # still chosen
    assert not Approvals().is_approved(entry.sha256, maya.id)  # taken back: not restored
    assert console.isVisible()


def test_a_full_disk_leaves_the_file_in_quarantine(
    qtbot: QtBot,
    services: GuardianServices,
    quarantine: Quarantine,
    inbox: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    hide(quarantine, inbox, "photo.jpg")

    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(quarantine_files, "copy_out", full)
    console, page = quarantine_page(qtbot, services)
    select_row(page.table, 0)
    with qtbot.waitSignal(console.changed, timeout=10_000):
        qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert page.error.text() == (
        "The disk is full, so nothing was moved. Free some space and try again."
    )
    assert len(quarantine.entries()) == 1 and not (inbox / "photo.jpg").exists()


def test_an_entry_gone_meanwhile_is_explained_and_the_list_refreshed(
    qtbot: QtBot, services: GuardianServices, quarantine: Quarantine, inbox: Path
) -> None:
    entry = hide(quarantine, inbox, "photo.jpg")
    console, page = quarantine_page(qtbot, services)
    select_row(page.table, 0)
    quarantine.delete(entry.id)  # e.g. from the command line, while the console was open
    with qtbot.waitSignal(console.changed, timeout=10_000):
        qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert "no longer in quarantine" in page.error.text()
    assert page.table.rowCount() == 0 and page.empty.isVisible()


def test_the_keyboard_alone_restores_a_file(
    qtbot: QtBot, services: GuardianServices, quarantine: Quarantine, inbox: Path
) -> None:
    hide(quarantine, inbox, "photo.jpg")
    console, page = quarantine_page(qtbot, services)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert page.restore_button.isEnabled()
    with qtbot.waitSignal(console.changed, timeout=10_000):
        qtbot.keyClick(page.restore_button, Qt.Key.Key_Space)
    assert (inbox / "photo.jpg").exists()


def test_without_a_quarantine_the_page_says_it_cannot_list(qtbot: QtBot) -> None:
    services = make_services(MemoryKeyring())
    _console, page = quarantine_page(qtbot, services)
    assert page.problem.isVisible()
    assert "couldn't open its quarantine folder" in page.problem.text()
    assert not page.empty.isVisible() and not page.table.isVisible()


def test_a_restored_file_in_a_watched_folder_stays_after_the_next_pass(
    qtbot: QtBot, analyzer: SensitivityAnalyzer, inbox: Path
) -> None:
    """The same GuardianActions as the CLI and the arrival window: approve, then restore."""
    services = dataclasses.replace(make_services(MemoryKeyring()), quarantine=Quarantine())
    maya = services.settings.add_profile("Maya", "maya", datetime.now(UTC).year - 9)
    testpattern.write_image(inbox / "shared.png")
    hidden = child_watch_pass(inbox, analyzer, maya.id)
    assert [e.event for e in hidden] == [FolderEventKind.QUARANTINED]
    console, page = quarantine_page(qtbot, services)
    select_row(page.table, 0)
    with qtbot.waitSignal(console.changed, timeout=10_000):
        qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert (inbox / "shared.png").exists()

    again = child_watch_pass(inbox, analyzer, maya.id)
    assert [e.event for e in again] == [FolderEventKind.CHECKED]
    assert (inbox / "shared.png").exists() and Quarantine().entries() == []
