"""The contacts view: imported contacts with avatars that are shown only once checked.

Every stored photo is checked again by the worker before it is painted (the store is
a folder on disk, so a copy could have been changed since it was sanitised). Until
then a row shows a plain placeholder; a photo that is sensitive, could not be checked
or was replaced at import shows the neutral avatar with a "Photo hidden" badge.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.analysis.analyzer import SensitivityAnalyzer
from desktop_app.analysis.verdict import Analysis, Status
from desktop_app.core.sinks import CountRecorder
from desktop_app.surfaces.contacts import ContactsOutcome
from desktop_app.surfaces.contacts_store import ContactsStore, StoredContact
from desktop_app.surfaces.quarantine import Quarantine

from .contact_row import (
    AVATAR,
    KEY_ROLE,
    STATE_ROLE,
    AvatarState,
    ContactDelegate,
    neutral_image,
    placeholder_image,
    round_avatar,
)
from .contacts_text import failure_text, import_summary
from .tasks import BackgroundWork, FutureWatcher

__all__ = ["AVATAR", "AvatarState", "ContactsView"]


def _decode_cleared(photo: bytes) -> QImage:
    """Runs on a worker thread, and only for a photo the worker has just cleared."""
    image = QImage.fromData(photo)
    if image.isNull():
        return image
    return image.scaled(
        AVATAR * 2,
        AVATAR * 2,
        Qt.AspectRatioMode.KeepAspectRatioByExpanding,
        Qt.TransformationMode.SmoothTransformation,
    )


class ContactsView(QWidget):
    """Signals:
    listed(int): the rows for the stored contacts are shown (photos may still be checking).
    avatars_settled(): every row shows its final avatar.
    imported(object): a ContactsOutcome after an import.
    import_failed(str): a plain-language reason an import did not happen.
    """

    listed = Signal(int)
    avatars_settled = Signal()
    imported = Signal(object)
    import_failed = Signal(str)

    def __init__(
        self,
        analyzer: SensitivityAnalyzer,
        store: ContactsStore,
        quarantine: Quarantine | None,
        *,
        fail_closed: bool = True,
        profile_id: str | None = None,
        events: CountRecorder | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.analyzer, self.store, self.quarantine = analyzer, store, quarantine
        self.fail_closed, self.profile_id, self.events = fail_closed, profile_id, events
        self.setWindowTitle(self.tr("SafeLens — Contacts"))
        self.work = BackgroundWork(self)
        self.pictures = BackgroundWork(self)
        self.watcher = FutureWatcher(self)
        self.watcher.finished.connect(self._checked)
        self.watcher.failed.connect(lambda token, _error: self._checked(token, None))
        self._generation = 0
        self._pending: set[str] = set()
        self._photos: dict[str, bytes] = {}
        self._build()
        self.reload()

    def _build(self) -> None:
        title = QLabel(self.tr("Contacts"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        note = QLabel(self.tr("Photos are checked on this computer before they are shown."), self)
        note.setWordWrap(True)
        self.import_button = QPushButton(self.tr("Import contacts…"), self)
        self.import_button.clicked.connect(self.choose_file)
        header = QHBoxLayout()
        header.addWidget(title, 1)
        header.addWidget(self.import_button)
        self.list = QListWidget(self)
        self.list.setItemDelegate(ContactDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setAccessibleName(self.tr("Contacts"))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.empty = QLabel(
            self.tr("No contacts yet. Choose “Import contacts…” to add a .vcf file."), self
        )
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(note)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.status)
        self.empty.hide()

    # --- importing ----------------------------------------------------------------------

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import contacts"),
            "",
            self.tr("Contact cards (*.vcf *.vcard);;All files (*)"),
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        """Check and store a .vcf in the background; the list reloads when it is done."""
        self.import_button.setEnabled(False)
        self.status.setText(self.tr("Checking the contacts in this file…"))
        run = functools.partial(
            self.store.import_file,
            path,
            self.analyzer,
            self.quarantine,
            fail_closed=self.fail_closed,
            profile_id=self.profile_id,
            events=self.events,
        )
        self.work.run(run, on_result=self._imported, on_error=self._import_failed)

    def _imported(self, outcome: ContactsOutcome) -> None:
        self.import_button.setEnabled(True)
        self.status.setText(import_summary(outcome))
        self.imported.emit(outcome)
        self.reload()

    def _import_failed(self, error: BaseException) -> None:
        self.import_button.setEnabled(True)
        message = failure_text(error)
        self.status.setText(message)
        self.import_failed.emit(message)

    # --- listing and checking -----------------------------------------------------------

    def reload(self) -> None:
        self.work.run(self.store.contacts, on_result=self._show, on_error=self._import_failed)

    def _show(self, contacts: list[StoredContact]) -> None:
        self._generation += 1
        self.list.clear()
        self._pending.clear()
        self._photos.clear()
        for contact in contacts:
            item = QListWidgetItem(contact.name or self.tr("Unnamed contact"))
            item.setData(KEY_ROLE, contact.key)
            self.list.addItem(item)
            if contact.photo_hidden:
                self._set_avatar(item, AvatarState.HIDDEN)
            elif contact.photo is None:
                self._set_avatar(item, AvatarState.NONE)
            else:
                self._set_avatar(item, AvatarState.CHECKING)
                self._pending.add(contact.key)
                self._photos[contact.key] = contact.photo
                future = self.analyzer.submit_image(contact.photo, interactive=True)
                self.watcher.watch(future, (self._generation, contact.key))
        self.list.setVisible(bool(contacts))
        self.empty.setVisible(not contacts)
        self.listed.emit(len(contacts))
        self._maybe_settled()

    def _checked(self, token: object, result: Analysis | None) -> None:
        generation, key = cast(tuple[int, str], token)
        if generation != self._generation:
            return  # the list was reloaded since
        photo = self._photos.pop(key, None)
        cleared = result is not None and result.status is Status.OK and not result.is_sensitive
        if cleared and photo is not None:
            self.pictures.run(
                _decode_cleared,
                photo,
                on_result=lambda image: self._decoded(generation, key, image),
                on_error=lambda _error: self._decoded(generation, key, QImage()),
            )
            return
        self._finish(key, AvatarState.HIDDEN, None)

    def _decoded(self, generation: int, key: str, image: QImage) -> None:
        if generation != self._generation:
            return
        if image.isNull():
            self._finish(key, AvatarState.HIDDEN, None)
        else:
            self._finish(key, AvatarState.SHOWN, image)

    def _finish(self, key: str, state: AvatarState, image: QImage | None) -> None:
        item = self.item(key)
        if item is not None:
            self._set_avatar(item, state, image)
        self._pending.discard(key)
        self._maybe_settled()

    def _maybe_settled(self) -> None:
        if not self._pending:
            self.avatars_settled.emit()

    def _set_avatar(
        self, item: QListWidgetItem, state: AvatarState, image: QImage | None = None
    ) -> None:
        if state is AvatarState.SHOWN and image is not None:
            picture = image
        elif state is AvatarState.CHECKING:
            picture = placeholder_image()
        else:
            picture = neutral_image()
        item.setData(Qt.ItemDataRole.DecorationRole, round_avatar(picture))
        item.setData(STATE_ROLE, state.value)
        name = item.text()
        hidden = self.tr("photo hidden") if state is AvatarState.HIDDEN else ""
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{name}, {hidden}" if hidden else name)

    # --- for callers and tests ----------------------------------------------------------

    def item(self, key: str) -> QListWidgetItem | None:
        for row in range(self.list.count()):
            candidate = self.list.item(row)
            if candidate.data(KEY_ROLE) == key:
                return candidate
        return None

    def rows(self) -> list[tuple[str, AvatarState]]:
        """(name, avatar state) of every row, top to bottom."""
        return [
            (self.list.item(r).text(), AvatarState(self.list.item(r).data(STATE_ROLE)))
            for r in range(self.list.count())
        ]

    @property
    def checking(self) -> bool:
        return bool(self._pending) or self.work.pending > 0
