"""The console's first page: which mode runs, and (machine mode) every protected account."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QTableWidgetItem, QWidget

from desktop_app.service.mode import Mode, RunningMode, ServiceState

from . import text
from .pages import ConsolePage, heading, local_time
from .snapshot import AccountHealth, ConsoleSnapshot
from .widgets import bold, fit_rows, read_only_table


class OverviewPage(ConsolePage):
    """Says plainly whether protection is tamper-resistant here, and how to make it so."""

    def __init__(self, mode: RunningMode, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Overview"),
            self.tr("How SafeLens protects the children on this computer."),
            parent,
        )
        self.mode = mode
        self.mode_line = bold(QLabel(self._mode_words()))
        self.mode_line.setWordWrap(True)
        self.mode_line.setAccessibleName(self.tr("Which mode runs"))
        self.mode_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fix = QLabel(self.tr("How to switch to machine mode: {0}").format(mode.fix))
        self.fix.setWordWrap(True)
        self.fix.setAccessibleName(self.tr("How to switch to machine mode"))
        self.fix.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fix.setVisible(bool(mode.fix))
        self.body.addWidget(self.mode_line)
        self.body.addWidget(self.fix)
        machine = mode.mode is Mode.MACHINE
        self.accounts_heading = heading(self.tr("Protected accounts"))
        self.table = read_only_table(
            [
                self.tr("Account"),
                self.tr("Age"),
                self.tr("Watched"),
                self.tr("Put aside"),
                self.tr("In their session"),
                self.tr("Last stopped"),
                self.tr("Problem"),
            ],
            self.tr("Protected accounts"),
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.empty = QLabel(self.tr("No child's account is protected yet (see Profiles)."))
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setAccessibleName(self.tr("Problems the service reports"))
        for widget in (self.accounts_heading, self.table, self.empty, self.notes):
            self.body.addWidget(widget)
            widget.setVisible(machine)
        self.finish()

    def _mode_words(self) -> str:
        if self.mode.mode is Mode.MACHINE:
            return self.tr(
                "Machine mode: the SafeLens service protects every account on this computer, "
                "whether the child is logged in or not. A child's account cannot stop it or "
                "change its settings."
            )
        if self.mode.service is ServiceState.SILENT:
            return self.tr(
                "Single-account mode: the SafeLens service is installed but not answering, so "
                "protection is NOT tamper-resistant and other accounts are not watched."
            )
        return self.tr(
            "Single-account mode: SafeLens runs inside this account only. It is NOT "
            "tamper-resistant on a shared computer: a child's account could stop it or "
            "change its data."
        )

    def show_snapshot(self, snapshot: ConsoleSnapshot) -> None:
        if self.mode.mode is not Mode.MACHINE:
            return
        rows = snapshot.accounts
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            cells = (
                row.account,
                text.band_name(row.age_band),
                self._watched(row),
                str(row.put_aside),
                self._session(row),
                local_time(row.last_stopped) if row.last_stopped else "—",
                row.problem or "",
            )
            for column, cell in enumerate(cells):
                self.table.setItem(index, column, QTableWidgetItem(cell))
        fit_rows(self.table, len(rows), 1, 10)
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        notes = []
        if snapshot.health_problem:
            notes.append(self.tr("The service's checker: {0}").format(snapshot.health_problem))
        if snapshot.missing_accounts:
            notes.append(
                self.tr("{0} profile(s) name an account this computer does not have.").format(
                    len(snapshot.missing_accounts)
                )
            )
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))

    def _watched(self, row: AccountHealth) -> str:
        if not row.watched:
            return self.tr("No")
        if row.unavailable_folders:
            return self.tr("{0} of {1} folders").format(
                row.folders - row.unavailable_folders, row.folders
            )
        return self.tr("Yes, {0} folders").format(row.folders)

    def _session(self, row: AccountHealth) -> str:
        """SafeLens in the child's session (the service protects them either way)."""
        if row.session_running is None:
            return self.tr("Not reported")
        return self.tr("Running") if row.session_running else self.tr("Not running")
