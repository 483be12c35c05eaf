"""A small stacked bar chart of activity counts per day and surface, painted with QPainter.

Everything is measured from the font, so it stays readable with large text. The colours
are the Okabe-Ito palette, which colour-blind readers can tell apart; the table beside
the chart carries the same numbers for screen readers.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop_app.core.vocabulary import Surface
from desktop_app.safety.events import DaySummary

from . import text

SURFACE_COLORS = {
    Surface.file_picker: QColor("#0072B2"),
    Surface.share_folders: QColor("#E69F00"),
    Surface.contacts: QColor("#009E73"),
    Surface.viewer: QColor("#CC79A7"),
    Surface.agent: QColor("#7f7f7f"),
}


def nice_step(maximum: int, ticks: int = 4) -> int:
    """A 1-2-5 step so that about ``ticks`` grid lines cover 0..maximum."""
    if maximum <= ticks:
        return 1
    raw = maximum / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if factor * magnitude >= raw:
            return int(factor * magnitude)
    return int(10 * magnitude)


class ActivityChart(QWidget):
    """Bars per day, stacked by surface (where the content came in)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.days: list[DaySummary] = []
        self.surfaces: list[Surface] = []
        self.plot_area = QRectF()  # where the bars were last painted (below the legend)
        self.setAccessibleName(self.tr("Activity chart"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def set_data(self, days: Sequence[DaySummary], surfaces: Sequence[Surface]) -> None:
        self.days = list(days)
        self.surfaces = list(surfaces)
        total = self.total()
        if total == 0:
            summary = self.tr("Nothing in the last {0} days.").format(len(self.days))
        else:
            busiest = max(self.days, key=lambda d: d.total)
            summary = self.tr("{0} in the last {1} days; the most on {2} ({3}).").format(
                total, len(self.days), self.day_label(busiest.day), busiest.total
            )
        self.setAccessibleDescription(summary)
        self.update()

    def total(self) -> int:
        return sum(day.total for day in self.days)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        line = self.fontMetrics().height()
        return QSize(line * 34, line * 14)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        line = self.fontMetrics().height()
        return QSize(line * 16, line * 10)

    def day_label(self, day: date) -> str:
        """A short date in the guardian's language ("4 Mar")."""
        return QLocale().toString(QDate(day.year, day.month, day.day), "d MMM")

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_color = palette.color(QPalette.ColorRole.WindowText)
        grid_color = palette.color(QPalette.ColorRole.Mid)
        metrics = self.fontMetrics()
        line = metrics.height()
        pad = line // 2
        area = QRectF(self.rect()).adjusted(pad, pad, -pad, -pad)

        legend_bottom = self._paint_legend(painter, area, text_color)
        peak = max((day.total for day in self.days), default=0)
        step = nice_step(peak)
        top_value = max(step, math.ceil(peak / step) * step) if peak else 4
        label_width = metrics.horizontalAdvance(str(top_value)) + pad
        plot = QRectF(
            area.left() + label_width,
            legend_bottom + line,
            area.width() - label_width,
            area.bottom() - line * 1.4 - (legend_bottom + line),
        )
        self.plot_area = plot
        if plot.height() <= line or plot.width() <= line:
            return

        # grid lines and their values
        value = 0
        while value <= top_value:
            y = plot.bottom() - plot.height() * value / top_value
            painter.setPen(QPen(grid_color, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text_color)
            box = QRectF(area.left(), y - line / 2, label_width - pad / 2, line)
            painter.drawText(
                box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(value)
            )
            value += step if peak else top_value

        if not self.days:
            return
        slot = plot.width() / len(self.days)
        bar = max(2.0, slot * 0.62)
        widest = max(metrics.horizontalAdvance(self.day_label(d.day)) for d in self.days)
        label_every = max(1, math.ceil((widest + pad) / slot))
        for index, day in enumerate(self.days):
            x = plot.left() + slot * index + (slot - bar) / 2
            y = plot.bottom()
            for surface in self.surfaces:
                count = day.by_surface.get(surface, 0)
                if not count:
                    continue
                height = plot.height() * count / top_value
                painter.fillRect(QRectF(x, y - height, bar, height), SURFACE_COLORS[surface])
                y -= height
            painter.setPen(text_color)
            if day.total and metrics.horizontalAdvance(str(day.total)) <= slot:
                box = QRectF(plot.left() + slot * index, y - line, slot, line)
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(day.total))
            from_end = len(self.days) - 1 - index  # always label the newest day
            if from_end % label_every == 0:
                center = plot.left() + slot * (index + 0.5)
                box = QRectF(center - widest, plot.bottom() + pad / 2, widest * 2, line)
                painter.drawText(
                    box,
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                    self.day_label(day.day),
                )
        if peak == 0:
            painter.drawText(
                plot, Qt.AlignmentFlag.AlignCenter, self.tr("Nothing to show for these days.")
            )

    def _paint_legend(self, painter: QPainter, area: QRectF, color: QColor) -> float:
        """Colour swatches with surface names, wrapping onto new rows; returns its bottom."""
        metrics = self.fontMetrics()
        line = metrics.height()
        swatch = line * 0.75
        x, y = area.left(), area.top()
        for surface in self.surfaces:
            name = text.surface_name(surface)
            width = swatch + line * 0.4 + metrics.horizontalAdvance(name) + line
            if x > area.left() and x + width > area.right():
                x, y = area.left(), y + line * 1.3
            painter.fillRect(
                QRectF(x, y + (line - swatch) / 2, swatch, swatch), SURFACE_COLORS[surface]
            )
            painter.setPen(color)
            painter.drawText(
                QRectF(x + swatch + line * 0.4, y, width, line),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                name,
            )
            x += width
        return y + line
