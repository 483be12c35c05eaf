"""FileGrid: the picker's thumbnail grid, which asks for checks of what is on screen first.

Rows arrive in slices (a few hundred per event-loop turn), and every scroll, resize
or new slice tells the CheckScheduler which tiles are visible now and which come next.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from .checks import CheckScheduler
from .delegate import CELL_SIZE, TileDelegate
from .listing import FolderEntry
from .model import PickerModel

ROWS_PER_TURN = 400
LOOKAHEAD_MIN = 24
REFRESH_MS = 15  # scroll bursts are coalesced into one look at what is visible


class FileGrid(QListView):
    """Signals:
    filled(): every row handed to show_entries() is in the model.
    """

    filled = Signal()

    def __init__(
        self,
        model: PickerModel,
        scheduler: CheckScheduler,
        multiple: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.picker_model, self.scheduler = model, scheduler
        self._queued: list[FolderEntry] = []
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(True)
        self.setGridSize(CELL_SIZE + QSize(8, 8))
        self.setWordWrap(False)
        self.setSelectionMode(
            QAbstractItemView.SelectionMode.ExtendedSelection
            if multiple
            else QAbstractItemView.SelectionMode.SingleSelection
        )
        self.setAccessibleName(self.tr("Files"))
        self.setModel(model)
        self.delegate = TileDelegate(self)
        self.setItemDelegate(self.delegate)
        self._feed_timer = QTimer(self, singleShot=True, interval=0)
        self._feed_timer.timeout.connect(self._feed)
        self._refresh_timer = QTimer(self, singleShot=True, interval=REFRESH_MS)
        self._refresh_timer.timeout.connect(self._refresh)
        self.verticalScrollBar().valueChanged.connect(self.refresh_soon)
        self.verticalScrollBar().rangeChanged.connect(self.refresh_soon)
        model.rowsInserted.connect(self.refresh_soon)
        model.modelReset.connect(self.scheduler.forget_wishes)

    def clear(self) -> None:
        """Empty the grid while the next folder is listed (no ``filled`` yet)."""
        self._feed_timer.stop()
        self._queued = []
        self.picker_model.clear()

    def show_entries(self, entries: list[FolderEntry]) -> None:
        """Replace the rows; they are added in slices so the event loop never waits long."""
        self.clear()
        self._queued = list(entries)
        self._feed()

    def _feed(self) -> None:
        batch, self._queued = self._queued[:ROWS_PER_TURN], self._queued[ROWS_PER_TURN:]
        self.picker_model.append(batch)
        if self._queued:
            self._feed_timer.start()
        else:
            self.filled.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.refresh_soon()

    def refresh_soon(self) -> None:
        if not self._refresh_timer.isActive():
            self._refresh_timer.start()

    def visible_rows(self) -> range:
        """Rows whose tiles intersect the viewport (tiles are laid out in row order)."""
        model = self.picker_model
        count = model.rowCount()
        if count == 0 or not self.visualRect(model.index(0)).isValid():
            return range(0)
        bottom = self.viewport().height()
        low, high = 0, count - 1
        while low < high:  # the first row whose tile reaches into the viewport
            middle = (low + high) // 2
            if self.visualRect(model.index(middle)).bottom() < 0:
                low = middle + 1
            else:
                high = middle
        last = low
        while last + 1 < count and self.visualRect(model.index(last + 1)).top() <= bottom:
            last += 1
        return range(low, last + 1)

    def _refresh(self) -> None:
        rows = self.visible_rows()
        if not rows and self.picker_model.rowCount():
            self._refresh_timer.start()  # not laid out yet: look again shortly
            return
        entries = self.picker_model.entries
        ahead = range(rows.stop, min(len(entries), rows.stop + max(len(rows), LOOKAHEAD_MIN)))
        self.scheduler.want(
            (entries[r] for r in rows if entries[r].looks_like_media),
            (entries[r] for r in ahead if entries[r].looks_like_media),
        )
