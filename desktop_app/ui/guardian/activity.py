"""The console's Activity page: counts per day and surface, as a chart and as a table.

Only counts exist (PRODUCT principle 6): no names, pictures or paths, so none are shown.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QTableWidgetItem,
    QWidget,
)

from desktop_app.core.vocabulary import EventKind, Surface
from desktop_app.policy.editor import ProfileRow

from . import text
from .chart import ActivityChart
from .pages import ConsolePage
from .snapshot import Activity
from .widgets import fit_rows, read_only_table

CONTENT_SURFACES = (Surface.file_picker, Surface.share_folders, Surface.contacts, Surface.viewer)


class ActivityPage(ConsolePage):
    """Pick whose counts and which kind; the console loads them and calls ``show_activity``.

    Signals:
        wanted(object, str): (profile_id or None for everyone, EventKind value).
    """

    wanted = Signal(object, str)

    def __init__(self, available: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Activity"),
            self.tr(
                "How often SafeLens stepped in, per day and per place content came in. "
                "Only counts are kept — never the pictures, file names or where they came from."
            ),
            parent,
        )
        self.profile = QComboBox()
        self.profile.setAccessibleName(self.tr("Whose activity"))
        self.profile.addItem(self.tr("Everyone"), None)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("What to count"))
        for kind in EventKind:
            self.kind.addItem(text.kind_name(kind), kind.value)
        self.profile.currentIndexChanged.connect(self._ask)
        self.kind.currentIndexChanged.connect(self._ask)
        choose = QFormLayout()
        choose.addRow(self.tr("&Whose:"), self.profile)
        choose.addRow(self.tr("Wh&at:"), self.kind)

        self.chart = ActivityChart()
        self.chart.setMinimumHeight(self.fontMetrics().height() * 12)
        self.table = read_only_table([], self.tr("Activity counts per day"))
        fit_rows(self.table, 7, 7, 7)  # a week at a glance; the table scrolls for more
        self.unavailable = QLabel(self.tr("Activity counts are not available on this computer."))
        self.unavailable.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.hide()

        self.body.addLayout(choose)
        self.body.addWidget(self.problem)
        self.body.addWidget(self.unavailable)
        self.body.addWidget(self.chart, 1)
        self.body.addWidget(self.table)
        self.finish()
        self.unavailable.setVisible(not available)
        for widget in (self.profile, self.kind, self.chart, self.table):
            widget.setVisible(available)

    def set_profiles(self, rows: Sequence[ProfileRow]) -> None:
        """Keep the choice of person when the list changes (without asking again)."""
        chosen = self.profile.currentData()
        self.profile.blockSignals(True)
        self.profile.clear()
        self.profile.addItem(self.tr("Everyone"), None)
        for row in rows:
            self.profile.addItem(row.profile.name, row.profile.id)
        self.profile.setCurrentIndex(max(0, self.profile.findData(chosen)))
        self.profile.blockSignals(False)
        if self.profile.currentData() != chosen:
            self._ask()

    def selection(self) -> tuple[str | None, EventKind]:
        data = self.profile.currentData()
        return (None if data is None else str(data)), EventKind(self.kind.currentData())

    def show_activity(self, activity: Activity) -> None:
        surfaces = list(CONTENT_SURFACES)
        if any(day.by_surface.get(Surface.agent, 0) for day in activity.days):
            surfaces.append(Surface.agent)
        self.chart.set_data(activity.days, surfaces)
        headers = [self.tr("Day")] + [text.surface_name(s) for s in surfaces] + [self.tr("Total")]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        fit_rows(self.table, 7, 7, 7)  # again, now that the header has its columns
        newest_first = list(reversed(activity.days))
        self.table.setRowCount(len(newest_first))
        for row, day in enumerate(newest_first):
            self.table.setItem(row, 0, QTableWidgetItem(self.chart.day_label(day.day)))
            counts = [day.by_surface.get(s, 0) for s in surfaces] + [day.total]
            for column, count in enumerate(counts, 1):
                item = QTableWidgetItem(str(count))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.problem.setText(activity.problem or "")
        self.problem.setVisible(bool(activity.problem))

    def _ask(self) -> None:
        profile_id, kind = self.selection()
        self.wanted.emit(profile_id, kind.value)
