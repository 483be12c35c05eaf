"""One row of the contacts view: a round avatar, the name, and a badge when the photo is hidden."""

from __future__ import annotations

import enum
import functools
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop_app.surfaces.avatar import neutral_avatar_png

AVATAR = 56
ROW_HEIGHT = 76
STATE_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole
ModelIndex = QModelIndex | QPersistentModelIndex


class AvatarState(enum.StrEnum):
    CHECKING = "checking"
    SHOWN = "shown"  # the worker cleared the photo
    HIDDEN = "hidden"  # sensitive, could not be checked, or replaced at import
    NONE = "none"  # the contact has no photo


def round_avatar(image: QImage, size: int = AVATAR) -> QPixmap:
    """The picture cropped to a circle, as contact lists show faces."""
    scaled = image.scaled(
        size,
        size,
        Qt.AspectRatioMode.KeepAspectRatioByExpanding,
        Qt.TransformationMode.SmoothTransformation,
    )
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    path = QPainterPath()
    path.addEllipse(0, 0, size, size)
    painter.setClipPath(path)
    painter.drawImage((size - scaled.width()) // 2, (size - scaled.height()) // 2, scaled)
    painter.end()
    return pixmap


@functools.cache
def neutral_image() -> QImage:
    """SafeLens' own avatar (made in this process, never a contact's picture)."""
    return QImage.fromData(neutral_avatar_png())


def placeholder_image() -> QImage:
    image = QImage(AVATAR, AVATAR, QImage.Format.Format_RGB32)
    image.fill(QColor(232, 234, 238))
    return image


class ContactDelegate(QStyledItemDelegate):
    """A row: round avatar, the name, and a badge or a note under it."""

    def sizeHint(self, item: QStyleOptionViewItem, _index: ModelIndex) -> QSize:  # noqa: N802
        option: Any = item  # PySide6's stubs lack QStyleOption's fields
        return QSize(option.rect.width(), ROW_HEIGHT)

    def paint(self, painter: QPainter, item: QStyleOptionViewItem, index: ModelIndex) -> None:
        option: Any = item  # PySide6's stubs lack QStyleOption's fields
        painter.save()
        style = option.widget.style() if option.widget is not None else None
        if style is not None:
            style.drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget
            )
        row: QRect = option.rect
        avatar = index.data(Qt.ItemDataRole.DecorationRole)
        if isinstance(avatar, QPixmap):
            painter.drawPixmap(row.left() + 14, row.top() + (row.height() - AVATAR) // 2, avatar)
        left = row.left() + 14 + AVATAR + 16
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        roles = option.palette.ColorRole
        painter.setPen(option.palette.color(roles.HighlightedText if selected else roles.Text))
        font = QFont(option.font)
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        painter.setFont(font)
        name = str(index.data(Qt.ItemDataRole.DisplayRole))
        state = AvatarState(index.data(STATE_ROLE))
        note = self._note(state)
        if note is None:
            box = QRect(left, row.top(), row.right() - left - 8, row.height())
            painter.drawText(box, Qt.AlignmentFlag.AlignVCenter, name)
        else:
            box = QRect(left, row.top() + 8, row.right() - left - 8, row.height() // 2 - 8)
            painter.drawText(box, Qt.AlignmentFlag.AlignBottom, name)
            small = QFont(option.font)
            small.setPointSizeF(small.pointSizeF() * 0.9)
            painter.setFont(small)
            top = row.top() + row.height() // 2 + 4
            if state is AvatarState.HIDDEN:
                self._draw_badge(painter, note, left, top)
            else:
                painter.setPen(option.palette.color(roles.PlaceholderText))
                painter.drawText(left, top + painter.fontMetrics().ascent(), note)
        painter.restore()

    def _note(self, state: AvatarState) -> str | None:
        if state is AvatarState.CHECKING:
            return self.tr("Checking photo…")
        if state is AvatarState.HIDDEN:
            return self.tr("Photo hidden")
        return None

    @staticmethod
    def _draw_badge(painter: QPainter, text: str, x: int, y: int) -> None:
        box = painter.fontMetrics().boundingRect(text).adjusted(-8, -3, 8, 3)
        box.moveTo(x, y)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(60, 64, 72))
        painter.drawRoundedRect(box, box.height() / 2, box.height() / 2)
        painter.setPen(QColor("white"))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
