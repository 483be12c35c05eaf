"""The picker's rows: a folder's entries and, for each file, what its tile may show."""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from desktop_app.analysis.verdict import Analysis
from desktop_app.safety.rules import nothing_to_show

from .checks import CheckCache
from .listing import FolderEntry

ModelIndex = QModelIndex | QPersistentModelIndex


class Tile(enum.StrEnum):
    """What a tile shows. Only CLEARED ever shows pixels of the file (the worker's thumbnail)."""

    FOLDER = "folder"
    DOCUMENT = "document"  # not a picture or video (by name, or by the worker's sniffing)
    WAITING = "waiting"  # a picture or video not checked yet: a neutral tile
    CLEARED = "cleared"
    SENSITIVE = "sensitive"  # the blur of the 8-px preview, with a badge
    COULD_NOT_CHECK = "could_not_check"


def tile_for(entry: FolderEntry, result: Analysis | None) -> Tile:
    if entry.is_dir:
        return Tile.FOLDER
    if result is None:
        return Tile.WAITING if entry.looks_like_media else Tile.DOCUMENT
    if nothing_to_show(result):  # no picture in it: a document
        return Tile.DOCUMENT
    if result.is_sensitive:
        return Tile.SENSITIVE
    if result.cleared:
        return Tile.CLEARED
    return Tile.COULD_NOT_CHECK


class PickerModel(QAbstractListModel):
    """One row per entry of the current folder, in the listing's order."""

    EntryRole = Qt.ItemDataRole.UserRole + 1
    TileRole = Qt.ItemDataRole.UserRole + 2
    ResultRole = Qt.ItemDataRole.UserRole + 3

    def __init__(self, cache: CheckCache, parent: Any = None) -> None:
        super().__init__(parent)
        self.cache = cache
        self.entries: list[FolderEntry] = []
        self._rows: dict[str, int] = {}

    def clear(self) -> None:
        self.beginResetModel()
        self.entries, self._rows = [], {}
        self.endResetModel()

    def append(self, entries: list[FolderEntry]) -> None:
        if not entries:
            return
        first = len(self.entries)
        self.beginInsertRows(QModelIndex(), first, first + len(entries) - 1)
        for offset, entry in enumerate(entries):
            self._rows[entry.path] = first + offset
        self.entries.extend(entries)
        self.endInsertRows()

    def row_of(self, path: str) -> int | None:
        return self._rows.get(path)

    def result(self, row: int) -> Analysis | None:
        entry = self.entries[row]
        return None if entry.is_dir else self.cache.get(entry.key)

    def tile(self, row: int) -> Tile:
        return tile_for(self.entries[row], self.result(row))

    def answered(self, entry: FolderEntry) -> None:
        """A check finished: repaint that one tile (if it is still in this folder)."""
        row = self._rows.get(entry.path)
        if row is not None and self.entries[row].key == entry.key:
            index = self.index(row)
            self.dataChanged.emit(index, index, [self.TileRole, self.ResultRole])

    # --- QAbstractListModel ---------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.entries)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        entry = self.entries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return entry.name
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{entry.name}: {self._describe(self.tile(index.row()))}"
        if role == self.EntryRole:
            return entry
        if role == self.TileRole:
            return self.tile(index.row())
        if role == self.ResultRole:
            return self.result(index.row())
        return None

    def _describe(self, tile: Tile) -> str:
        return {
            Tile.FOLDER: self.tr("folder"),
            Tile.DOCUMENT: self.tr("file"),
            Tile.WAITING: self.tr("checking"),
            Tile.CLEARED: self.tr("checked"),
            Tile.SENSITIVE: self.tr("may be sensitive, hidden"),
            Tile.COULD_NOT_CHECK: self.tr("couldn't check, hidden"),
        }[tile]
