"""How a tile is painted: the worker's thumbnail only when cleared, otherwise no file pixel.

Waiting, sensitive and could-not-check tiles are drawn by the safe viewer's own
SensitiveImageView (the same neutral surface, the same blur of the 8-px preview, the
same badges), rendered into pixmaps and reused, so the two never drift apart. The
rendering happens outside paint events (a widget cannot be grabbed while another
paints): when an answer arrives, or on the next event-loop turn after a cache miss.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop_app.analysis.verdict import Analysis, Kind, Status

from ..widgets.sensitive_view import SensitiveImageView
from .model import PickerModel, Tile

IMAGE_SIZE = QSize(144, 108)  # the thumbnails the worker is asked for fit this box
CELL_SIZE = QSize(164, 140)
TEXT_HEIGHT = 20
DECODED_THUMBNAILS = 400  # small QImages kept decoded; the rest stay as JPEG bytes
BLURRED_TILES = 200

ModelIndex = QModelIndex | QPersistentModelIndex
log = logging.getLogger(__name__)
Key = tuple[str, int, int]


class TileStamp:
    """A never-shown SensitiveImageView that draws the hidden states into pixmaps."""

    def __init__(self) -> None:
        self._view = SensitiveImageView()
        self._view.setMinimumSize(QSize(1, 1))
        self._view.resize(IMAGE_SIZE)
        self._plain: dict[str, QPixmap] = {}

    def waiting(self) -> QPixmap:
        if "waiting" not in self._plain:
            self._view.show_checking()
            self._plain["waiting"] = self._view.grab()
        return self._plain["waiting"]

    def hidden(self, result: Analysis) -> QPixmap:
        """Sensitive (blurred preview + badge) or could-not-check; never for cleared content."""
        assert not result.cleared, "cleared content is drawn from its thumbnail"
        self._view.show_result(result, Path())  # hidden states never read the path
        return self._view.grab()

    def close(self) -> None:
        self._view.deleteLater()


class TileDelegate(QStyledItemDelegate):
    """Paints tiles from the model's Tile state; keeps small bounded caches of pixmaps."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stamp = TileStamp()
        self._thumbnails: OrderedDict[Key, QImage] = OrderedDict()
        self._blurred: OrderedDict[Key, QPixmap] = OrderedDict()
        self._waiting = self.stamp.waiting()
        # No picture in it at all, so one pixmap serves every could-not-check tile.
        self._could_not_check = self.stamp.hidden(
            Analysis(kind=Kind.OTHER, status=Status.UNREADABLE)
        )
        self._missing: dict[Key, tuple[Analysis, QPersistentModelIndex]] = {}
        self._render_missing = QTimer(self, singleShot=True, interval=0)
        self._render_missing.timeout.connect(self._render_later)

    def prepare(self, key: Key, result: Analysis) -> None:
        """An answer arrived (outside any paint event): render its blurred tile now."""
        if result.is_sensitive:
            self._remember_blur(key, self.stamp.hidden(result))

    def sizeHint(self, _option: QStyleOptionViewItem, _index: ModelIndex) -> QSize:  # noqa: N802
        return CELL_SIZE

    def paint(self, painter: QPainter, item: QStyleOptionViewItem, index: ModelIndex) -> None:
        """An error here would take the whole app down (PySide6), so it is logged instead."""
        try:
            self._paint(painter, item, index)
        except Exception:
            log.exception("a picker tile could not be painted")

    def _paint(self, painter: QPainter, item: QStyleOptionViewItem, index: ModelIndex) -> None:
        option: Any = item  # PySide6's stubs lack QStyleOption's fields
        style = option.widget.style() if option.widget is not None else None
        if style is not None:
            style.drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget
            )
        cell: QRect = option.rect
        box = QRect(cell.x() + (cell.width() - IMAGE_SIZE.width()) // 2, cell.y() + 6, 0, 0)
        box.setSize(IMAGE_SIZE)
        tile = Tile(index.data(PickerModel.TileRole))  # Qt hands the StrEnum back as str
        entry = index.data(PickerModel.EntryRole)
        result: Analysis | None = index.data(PickerModel.ResultRole)
        if tile is Tile.CLEARED and result is not None and result.thumbnail is not None:
            self._draw_centred(painter, box, self._thumbnail(entry.key, result))
        elif tile is Tile.SENSITIVE and result is not None:
            painter.drawPixmap(box.topLeft(), self._hidden(entry.key, result, index))
        elif tile is Tile.WAITING:
            painter.drawPixmap(box.topLeft(), self._waiting)
        elif tile is Tile.COULD_NOT_CHECK:
            painter.drawPixmap(box.topLeft(), self._could_not_check)
        elif style is not None:
            icon = (
                QStyle.StandardPixmap.SP_DirIcon
                if tile is Tile.FOLDER
                else QStyle.StandardPixmap.SP_FileIcon
            )
            pixmap = style.standardIcon(icon).pixmap(QSize(64, 64))
            self._draw_centred(painter, box, pixmap.toImage())
        text = QRect(cell.x() + 4, box.bottom() + 4, cell.width() - 8, TEXT_HEIGHT)
        name = option.fontMetrics.elidedText(
            str(index.data(Qt.ItemDataRole.DisplayRole)), Qt.TextElideMode.ElideMiddle, text.width()
        )
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = (
            option.palette.ColorRole.HighlightedText if selected else option.palette.ColorRole.Text
        )
        painter.setPen(option.palette.color(role))
        painter.drawText(text, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, name)

    @staticmethod
    def _draw_centred(painter: QPainter, box: QRect, image: QImage) -> None:
        if image.width() > box.width() or image.height() > box.height():
            image = image.scaled(
                box.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        x = box.x() + (box.width() - image.width()) // 2
        y = box.y() + (box.height() - image.height()) // 2
        painter.drawImage(x, y, image)

    def _thumbnail(self, key: Key, result: Analysis) -> QImage:
        """The worker's JPEG of a cleared file, decoded when first painted."""
        image = self._thumbnails.get(key)
        if image is None:
            assert result.cleared and result.thumbnail is not None
            image = QImage.fromData(result.thumbnail.jpeg)  # always the worker's own JPEG
            self._thumbnails[key] = image
            while len(self._thumbnails) > DECODED_THUMBNAILS:
                self._thumbnails.popitem(last=False)
        else:
            self._thumbnails.move_to_end(key)
        return image

    def _hidden(self, key: Key, result: Analysis, index: ModelIndex) -> QPixmap:
        """The tile's blur, or (rendered on the next turn) the neutral tile meanwhile."""
        pixmap = self._blurred.get(key)
        if pixmap is not None:
            self._blurred.move_to_end(key)
            return pixmap
        self._missing[key] = (result, QPersistentModelIndex(index))
        self._render_missing.start()
        return self._waiting

    def _render_later(self) -> None:
        missing, self._missing = self._missing, {}
        view = self.parent()
        for key, (result, index) in missing.items():
            self._remember_blur(key, self.stamp.hidden(result))
            if isinstance(view, QAbstractItemView) and index.isValid():
                view.update(view.model().index(index.row(), 0))

    def _remember_blur(self, key: Key, pixmap: QPixmap) -> None:
        self._blurred[key] = pixmap
        self._blurred.move_to_end(key)
        while len(self._blurred) > BLURRED_TILES:
            self._blurred.popitem(last=False)
