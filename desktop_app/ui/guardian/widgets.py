"""Small pieces the guardian windows share: the lock indicator, inline errors, sizing."""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QTableWidget,
    QWidget,
)

from desktop_app.policy.settings import InvalidValue

ERROR_COLOR = "#b3261e"


def lock_pixmap(widget: QWidget) -> QPixmap:
    """A padlock as tall as a line of the widget's text (so it grows with large fonts)."""
    size = max(12, widget.fontMetrics().height())
    ratio = widget.devicePixelRatioF()
    pixmap = QPixmap(int(size * ratio), int(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    color = widget.palette().color(QPalette.ColorRole.WindowText)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(color, max(1.5, size / 9))
    painter.setPen(pen)
    shackle = QRectF(size * 0.3, size * 0.08, size * 0.4, size * 0.55)
    painter.drawArc(shackle, 0, 180 * 16)
    painter.drawLine(
        QPointF(shackle.left(), shackle.center().y()), QPointF(shackle.left(), size * 0.45)
    )
    painter.drawLine(
        QPointF(shackle.right(), shackle.center().y()), QPointF(shackle.right(), size * 0.45)
    )
    painter.setBrush(color)
    painter.drawRoundedRect(QRectF(size * 0.18, size * 0.45, size * 0.64, size * 0.47), 2, 2)
    painter.end()
    return pixmap


class LockNote(QWidget):
    """A padlock and "Set by your school (policy …)" next to a locked control."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.icon = QLabel()
        self.icon.setPixmap(lock_pixmap(self))
        self.icon.setAccessibleName(self.tr("Locked"))
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)

    def set_note(self, note: str) -> None:
        self.label.setText(note)
        self.setAccessibleName(note)


def read_only_table(columns: Sequence[str], name: str) -> QTableWidget:
    """A table the guardian chooses one row of, and never types into."""
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(list(columns))
    table.setAccessibleName(name)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table


def fit_rows(view: QListWidget | QTableWidget, rows: int, fewest: int, most: int) -> None:
    """Size a list or table to its rows (between fewest and most; it scrolls beyond that).

    Measured from the font, so large text gets taller rows instead of clipped ones.
    """
    shown = max(fewest, min(rows, most))
    if isinstance(view, QTableWidget):
        line = view.fontMetrics().height()
        rows_header = view.verticalHeader()
        # set here: the style's own default changes after polish
        row = max(line + line // 2 + 2, rows_header.minimumSectionSize())
        rows_header.setDefaultSectionSize(row)
        header = max(view.horizontalHeader().sizeHint().height(), line + 4)
    else:
        row = max(view.sizeHintForRow(0), view.fontMetrics().height() + 4)
        header = 0
    view.setFixedHeight(header + shown * row + 2 * view.frameWidth() + 2)


def button_row(*buttons: QAbstractButton) -> QHBoxLayout:
    """Buttons side by side at the start of a row (the rest of the row stays empty)."""
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


def error_label() -> QLabel:
    """A label for inline errors: the app's error colour, the user's own font size."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {ERROR_COLOR};")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def bold(label: QLabel) -> QLabel:
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    return label


def plain_reason(error: InvalidValue) -> str:
    """'person 1: 'x' is not an email address' → 'x' is not an email address."""
    return re.sub(r"^person \d+:? ", "", str(error))
