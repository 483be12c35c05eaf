"""The console's Quarantine page: what SafeLens hid from a child, to restore or delete for good.

No picture is ever shown or decoded here: a row is the entry's facts (when, whose, where it
came from, why, size, the file's name). The console does the restoring and deleting on its
worker thread and hands the page the new list (see ``snapshot.py``).
"""

from __future__ import annotations

from pathlib import Path, PurePath

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QWidget,
)

from desktop_app.service.action_errors import DiskFull, FolderNotWritable
from desktop_app.surfaces.quarantine import (
    EntryNotFound,
    IntegrityError,
    QuarantineEntry,
    QuarantineError,
    QuarantineFull,
    QuarantineReason,
)

from . import text
from .pages import ConsolePage, local_time
from .snapshot import ConsoleSnapshot
from .widgets import button_row, fit_rows, read_only_table

NAME_COLUMN = 5


class QuarantinePage(ConsolePage):
    """A table of quarantined files with Restore, Restore to… and Delete for good….

    Signals:
        restore_requested(str, object): (entry id, folder Path or None for where it came from).
        delete_requested(str): (entry id), after the guardian confirmed.
    """

    restore_requested = Signal(str, object)
    delete_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Quarantine"),
            self.tr(
                "Files SafeLens hid from a child wait here for you; pictures are never shown. "
                "Restoring a file tells SafeLens it was not sensitive: that exact file won't be "
                "hidden from that child again. Deleting removes it for good."
            ),
            parent,
        )
        self.entries: list[QuarantineEntry] = []
        self.profile_names: dict[str, str] = {}
        self.has_children = False
        self.table = read_only_table(
            [
                self.tr("When"),
                self.tr("Child"),
                self.tr("Where from"),
                self.tr("Why"),
                self.tr("Size"),
                self.tr("File name"),
            ],
            self.tr("Files in quarantine"),
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.empty = QLabel(
            self.tr(
                "Nothing is in quarantine. When SafeLens hides a file from a child, it waits "
                "here for you."
            )
        )
        self.empty.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("&Restore"))
        self.restore_button.setAccessibleName(self.tr("Restore the selected file"))
        self.restore_button.setAccessibleDescription(
            self.tr("Puts the file back where it came from, next to any file with the same name")
        )
        self.restore_to_button = QPushButton(self.tr("Restore &to…"))
        self.restore_to_button.setAccessibleName(self.tr("Restore the selected file to a folder"))
        self.delete_button = QPushButton(self.tr("&Delete for good…"))
        self.delete_button.setAccessibleName(self.tr("Delete the selected file for good"))
        self.restore_button.clicked.connect(self._restore)
        self.restore_to_button.clicked.connect(self._restore_to)
        self.delete_button.clicked.connect(self._ask_delete)
        self.done = QLabel()
        self.done.setWordWrap(True)
        self.done.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.done.setAccessibleName(self.tr("What was done"))
        self.done.hide()
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.confirm: QMessageBox | None = None
        self.busy = False
        self.body.addWidget(self.problem)
        self.body.addWidget(self.table)
        self.body.addWidget(self.empty)
        self.body.addLayout(
            button_row(self.restore_button, self.restore_to_button, self.delete_button)
        )
        self.body.addWidget(self.done)
        self.finish()
        self._update_buttons()

    # --- showing ----------------------------------------------------------------------------

    def show_snapshot(self, snapshot: ConsoleSnapshot) -> None:
        chosen = self._selected()
        self.busy = False
        self.entries = list(snapshot.quarantine)
        self.profile_names = {r.profile.id: r.profile.name for r in snapshot.profiles}
        self.has_children = any(r.band.is_child for r in snapshot.profiles)
        self.table.setRowCount(len(self.entries))
        for index, entry in enumerate(self.entries):
            cells = (
                local_time(entry.quarantined_at),
                self.child_name(entry.profile_id),
                self.surface_name(entry.surface),
                self.reason_name(entry.reason),
                QLocale().formattedDataSize(entry.size),
                file_name(entry),
            )
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if column == NAME_COLUMN:
                    item.setToolTip(value)
                self.table.setItem(index, column, item)
        fit_rows(self.table, len(self.entries), 2, 10)
        ids = [entry.id for entry in self.entries]
        if chosen is not None and chosen.id in ids:  # a refused change keeps its row chosen
            self.table.selectRow(ids.index(chosen.id))
        self.empty.setVisible(not self.entries and not snapshot.quarantine_problem)
        self.table.setVisible(bool(self.entries))
        if snapshot.quarantine_problem:  # the only one: the folder could not be opened
            self.problem.setText(
                self.tr(
                    "SafeLens couldn't open its quarantine folder, so hidden files can't be "
                    "listed here. Restarting SafeLens may help."
                )
            )
        self.problem.setVisible(bool(snapshot.quarantine_problem))
        self._update_buttons()

    def child_name(self, profile_id: str | None) -> str:
        if profile_id is None:
            return text.translate("GuardianText", "Everyone")
        return self.profile_names.get(profile_id) or self.tr("Removed profile")

    def surface_name(self, surface: str) -> str:
        names = {
            "share_folders": self.tr("Share folder"),
            "share_folders.outgoing": self.tr("Sent from this computer"),
            "contacts": self.tr("Contact photo"),
            "cli": self.tr("Command line"),
            "file_picker": self.tr("File picker"),
        }
        return names.get(surface, surface)

    def reason_name(self, reason: QuarantineReason) -> str:
        if reason is QuarantineReason.sensitive:
            return self.tr("May be sensitive")
        return self.tr("Couldn't be checked")

    def show_restored(self, entry: QuarantineEntry, placed: Path) -> None:
        """Say where the file went, and who it is now approved for."""
        message = self.tr("Put back as “{0}” in {1}.").format(placed.name, placed.parent)
        if entry.profile_id is not None:
            message += " " + self.tr("It won't be hidden from {0} again.").format(
                self.child_name(entry.profile_id)
            )
        elif self.has_children:
            message += " " + self.tr("It won't be hidden from any child again.")
        self.show_done(message)

    def show_deleted(self) -> None:
        self.show_done(self.tr("Deleted for good."))

    def show_done(self, message: str) -> None:
        self.done.setText(message)
        self.done.setVisible(bool(message))

    def show_error(self, message: str) -> None:
        if message:
            self.show_done("")
        super().show_error(message)

    # --- asking -----------------------------------------------------------------------------

    def _selected(self) -> QuarantineEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.entries[rows[0].row()] if rows and rows[0].row() < len(self.entries) else None

    def _update_buttons(self) -> None:
        chosen = self._selected() is not None and not self.busy
        for button in (self.restore_button, self.restore_to_button, self.delete_button):
            button.setEnabled(chosen)

    def _start(self) -> None:
        """A change is on its way: one at a time, and last time's words are cleared."""
        self.busy = True
        self.show_done("")
        self.show_error("")
        self._update_buttons()

    def _restore(self) -> None:
        entry = self._selected()
        if entry is not None:
            self._start()
            self.restore_requested.emit(entry.id, None)

    def _restore_to(self) -> None:
        entry = self._selected()
        if entry is None:
            return
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Restore to which folder?"), str(PurePath(entry.original_path).parent)
        )
        if folder and self._selected() == entry:
            self._start()
            self.restore_requested.emit(entry.id, Path(folder))

    def _ask_delete(self) -> None:
        entry = self._selected()
        if entry is None:
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Delete for good?"))
        box.setText(self.tr("Delete “{0}” for good?").format(file_name(entry)))
        box.setInformativeText(self.tr("It can't be restored afterwards."))
        box.setStandardButtons(QMessageBox.StandardButton.Cancel)
        delete = box.addButton(self.tr("Delete for good"), QMessageBox.ButtonRole.DestructiveRole)
        delete.setAccessibleName(self.tr("Delete the file for good"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.finished.connect(lambda _result: self._answered(box, delete, entry))
        self.confirm = box
        box.open()

    def _answered(self, box: QMessageBox, delete: QAbstractButton, entry: QuarantineEntry) -> None:
        self.confirm = None
        box.deleteLater()
        if box.clickedButton() is delete and self._selected() == entry:
            self._start()
            self.delete_requested.emit(entry.id)


def file_name(entry: QuarantineEntry) -> str:
    """Only the original file's name (the folder is said when it is put back)."""
    return PurePath(entry.original_path).name or entry.id


def quarantine_words(error: QuarantineError | DiskFull) -> str:
    """Why a file could not be restored or deleted, as one plain sentence (never a traceback)."""
    if isinstance(error, IntegrityError):
        return QCoreApplication.translate(
            "QuarantinePage",
            "SafeLens's kept copy of this file has been changed or is missing, so it was not "
            "put back. It stays in the list; you can delete it for good.",
        )
    if isinstance(error, EntryNotFound):
        return QCoreApplication.translate(
            "QuarantinePage",
            "This file is no longer in quarantine (it may have been restored or deleted "
            "somewhere else). The list now shows what is there.",
        )
    if isinstance(error, FolderNotWritable):
        return QCoreApplication.translate(
            "QuarantinePage",
            "SafeLens may not put files in that folder, so nothing was moved. Choose another "
            "folder with Restore to…; the file is still in quarantine.",
        )
    if isinstance(error, QuarantineFull | DiskFull):
        return QCoreApplication.translate(
            "QuarantinePage",
            "The disk is full, so nothing was moved. Free some space and try again.",
        )
    return QCoreApplication.translate(
        "QuarantinePage", "That didn't work: {0} The file is still in quarantine."
    ).format(error)
