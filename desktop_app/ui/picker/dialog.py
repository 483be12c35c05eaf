"""SafeFileDialog: a drop-in for QFileDialog.getOpenFileName(s) that never shows unchecked pixels.

Tiles show the worker's thumbnail only after it cleared the file; until then (and for
sensitive or could-not-check files, always) they show the safe viewer's neutral tile,
blur or badge. Folders are listed on a worker thread and only the tiles on screen
(plus a little lookahead) are checked, so a folder of thousands never stalls the GUI.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.analysis.analyzer import SensitivityAnalyzer
from desktop_app.analysis.verdict import Analysis
from desktop_app.safety.rules import STRICTEST, Guard

from ..tasks import BackgroundWork
from .checks import CheckCache, CheckScheduler
from .choice import Choice
from .delegate import IMAGE_SIZE
from .filters import parse_filters
from .grid import FileGrid
from .listing import FolderEntry, list_folder
from .model import PickerModel

NO_OPTIONS = QFileDialog.Option(0)


class SafeFileDialog(QDialog):
    """A thumbnail grid whose pictures stay hidden until SafeLens has checked them.

    Signals:
        folder_loaded(str): every entry of the folder is in the grid.
        chosen(object): the paths handed back (just before the dialog closes).
        intervention_opened(object): the help screens (PickIntervention) for a chosen file.
    """

    folder_loaded = Signal(str)
    chosen = Signal(object)
    intervention_opened = Signal(object)

    def __init__(
        self,
        parent: QWidget | None = None,
        caption: str = "",
        directory: str = "",
        filter: str = "",  # QFileDialog's own name
        *,
        analyzer: SensitivityAnalyzer | None = None,
        guard: Guard | None = None,
        cache: CheckCache | None = None,
        multiple: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(caption or self.tr("Open"))
        self.resize(840, 600)
        self._owned: SensitivityAnalyzer | None = None
        if analyzer is None:  # works, but an app should pass the analyzer it already has
            analyzer = self._owned = SensitivityAnalyzer()
        self.guard = guard or STRICTEST
        self.cache = cache if cache is not None else CheckCache()
        self.filters = parse_filters(filter)
        self.selected_paths: list[str] = []
        self.folder = ""
        self._generation = 0
        self._listed: list[FolderEntry] = []
        self._preselect = ""
        self.work = BackgroundWork(self, workers=2)
        self.model = PickerModel(self.cache, self)
        self.scheduler = CheckScheduler(analyzer, self.cache, IMAGE_SIZE.width(), parent=self)
        self.status = QLabel()
        self.choice = Choice(self.scheduler, self.cache, self.guard, work=self.work, window=self)
        self.choice.finished.connect(self._chosen)
        self.choice.checking.connect(
            lambda name: self.status.setText(self.tr("Checking “{0}”…").format(name))
        )
        self.choice.intervention_opened.connect(self.intervention_opened)
        self.grid = FileGrid(self.model, self.scheduler, multiple, self)
        self.grid.activated.connect(self._activated)
        self.grid.selectionModel().selectionChanged.connect(self._selection_changed)
        self.grid.filled.connect(self._filled)
        self.scheduler.checked.connect(self._answered)
        self._build()
        self.finished.connect(self._close_owned)
        self._open_start(directory)

    def _build(self) -> None:
        self.up_button = QToolButton()
        self.up_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogToParent)
        )
        self.up_button.setAccessibleName(self.tr("Up one folder"))
        self.up_button.setToolTip(self.tr("Up one folder"))
        self.up_button.clicked.connect(self.go_up)
        self.path_bar = QLineEdit()
        self.path_bar.setAccessibleName(self.tr("Folder"))
        self.path_bar.returnPressed.connect(lambda: self.set_folder(self.path_bar.text()))
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(self.tr("File name"))
        self.filter_box = QComboBox()
        self.filter_box.setAccessibleName(self.tr("Files of type"))
        self.filter_box.addItems([f.text or self.tr("All files") for f in self.filters])
        self.filter_box.setVisible(any(f.text for f in self.filters))
        self.filter_box.currentIndexChanged.connect(self._refilter)
        self.status.setAccessibleName(self.tr("Status"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.up_button)
        top.addWidget(self.path_bar, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("File name:")))
        bottom.addWidget(self.name_edit, 1)
        bottom.addWidget(self.filter_box)
        footer = QHBoxLayout()
        footer.addWidget(self.status, 1)
        footer.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.grid, 1)
        layout.addLayout(bottom)
        layout.addLayout(footer)

    def _open_start(self, directory: str) -> None:
        start = Path(directory or os.getcwd())
        if directory and start.suffix and not start.is_dir():  # a file: open its folder, select it
            self._preselect = start.name
            start = start.parent
        self.set_folder(str(start))

    # --- folders ----------------------------------------------------------------------

    def set_folder(self, folder: str) -> None:
        """Show another folder; it is listed on a worker thread."""
        self.folder = os.path.abspath(os.path.expanduser(folder))
        self._generation += 1
        generation = self._generation
        self._listed = []
        self.grid.clear()
        self.path_bar.setText(self.folder)
        self.status.setText(self.tr("Opening the folder…"))
        self.work.run(
            list_folder,
            self.folder,
            on_result=lambda entries: self._arrived(generation, entries),
            on_error=lambda error: self._unlistable(generation, error),
        )

    @property
    def folder_path(self) -> Path:
        return Path(self.folder)

    def go_up(self) -> None:
        self.set_folder(str(Path(self.folder).parent))

    def _arrived(self, generation: int, entries: list[FolderEntry]) -> None:
        if generation == self._generation:
            self._listed = entries
            self._refilter()

    def _unlistable(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            why = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
            self.status.setText(self.tr("This folder can't be opened: {0}").format(why))

    def _refilter(self) -> None:
        accepts = self.filters[max(0, self.filter_box.currentIndex())].accepts
        self.grid.show_entries([e for e in self._listed if e.is_dir or accepts(e.name)])

    def _answered(self, entry: FolderEntry, result: Analysis) -> None:
        self.grid.delegate.prepare(entry.key, result)
        self.model.answered(entry)

    def _filled(self) -> None:
        count = self.model.rowCount()
        if self._preselect:
            row = self.model.row_of(os.path.join(self.folder, self._preselect))
            self._preselect = ""
            if row is not None:
                self.grid.setCurrentIndex(self.model.index(row))
        self.status.setText(
            self.tr("{0} items").format(count) if count else self.tr("Nothing to show here.")
        )
        self.folder_loaded.emit(self.folder)

    # --- choosing ---------------------------------------------------------------------

    def _selection_changed(self) -> None:
        rows = sorted(i.row() for i in self.grid.selectionModel().selectedIndexes())
        names = [self.model.entries[r].name for r in rows]
        self.name_edit.setText(names[0] if len(names) == 1 else " ".join(f'"{n}"' for n in names))

    def _activated(self, index: QModelIndex) -> None:
        entry = self.model.entries[index.row()]
        if entry.is_dir:
            self.set_folder(entry.path)
        else:
            self._choose([entry])

    def accept(self) -> None:
        """Open: a folder is entered; files are checked and, if needed, the flow runs."""
        if self.choice.busy:
            return
        rows = sorted(i.row() for i in self.grid.selectionModel().selectedIndexes())
        picked = [self.model.entries[r] for r in rows]
        typed = self.name_edit.text().strip()
        if not picked and typed:
            if os.sep in typed or typed in ("..", "~"):
                self.set_folder(os.path.join(self.folder, typed))
                return
            row = self.model.row_of(os.path.join(self.folder, typed))
            picked = [] if row is None else [self.model.entries[row]]
        if len(picked) == 1 and picked[0].is_dir:
            self.set_folder(picked[0].path)
            return
        self._choose([e for e in picked if not e.is_dir])

    def _choose(self, entries: list[FolderEntry]) -> None:
        if entries and not self.choice.busy:
            self._set_enabled(False)
            self.choice.start(entries)

    def _set_enabled(self, enabled: bool) -> None:
        self.grid.setEnabled(enabled)
        self.buttons.button(QDialogButtonBox.StandardButton.Open).setEnabled(enabled)

    def _chosen(self, paths: list[str]) -> None:
        self._set_enabled(True)
        if not paths:
            self.status.setText(self.tr("That stays hidden. You can choose something else."))
            return
        self.selected_paths = paths
        self.chosen.emit(paths)
        super().accept()

    def selected_filter(self) -> str:
        return self.filters[max(0, self.filter_box.currentIndex())].text

    def select_filter(self, text: str) -> None:
        for position, candidate in enumerate(self.filters):
            if text and candidate.text == text:
                self.filter_box.setCurrentIndex(position)

    def _close_owned(self) -> None:
        if self._owned is not None:
            owned, self._owned = self._owned, None
            self.work.run(owned.close)  # joins the worker processes: never on the GUI thread

    # --- QFileDialog's static API (extra services are keyword-only) ----------------------

    @staticmethod
    def getOpenFileName(  # noqa: N802, PLR0917 - QFileDialog's name and signature
        parent: QWidget | None = None,
        caption: str = "",
        dir: str = "",
        filter: str = "",
        selectedFilter: str = "",  # noqa: N803
        options: QFileDialog.Option = NO_OPTIONS,  # accepted and ignored, like Qt's hints
        *,
        analyzer: SensitivityAnalyzer | None = None,
        guard: Guard | None = None,
        cache: CheckCache | None = None,
    ) -> tuple[str, str]:
        """One file, or ("", "") when cancelled; the keyword-only services are SafeLens' own."""
        services = {"analyzer": analyzer, "guard": guard, "cache": cache}
        paths, chosen = _run(parent, caption, dir, filter, selectedFilter, False, services)
        return (paths[0], chosen) if paths else ("", "")

    @staticmethod
    def getOpenFileNames(  # noqa: N802, PLR0917 - QFileDialog's name and signature
        parent: QWidget | None = None,
        caption: str = "",
        dir: str = "",
        filter: str = "",
        selectedFilter: str = "",  # noqa: N803
        options: QFileDialog.Option = NO_OPTIONS,
        *,
        analyzer: SensitivityAnalyzer | None = None,
        guard: Guard | None = None,
        cache: CheckCache | None = None,
    ) -> tuple[list[str], str]:
        """Several files, or ([], "") when cancelled; services as for getOpenFileName."""
        services = {"analyzer": analyzer, "guard": guard, "cache": cache}
        return _run(parent, caption, dir, filter, selectedFilter, True, services)


def _run(  # noqa: PLR0917 - the static API's arguments, passed on
    parent: QWidget | None,
    caption: str,
    directory: str,
    filters: str,
    selected_filter: str,
    multiple: bool,
    services: dict[str, Any],
) -> tuple[list[str], str]:
    dialog = SafeFileDialog(parent, caption, directory, filters, multiple=multiple, **services)
    dialog.select_filter(selected_filter)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.selected_paths:
            return dialog.selected_paths, dialog.selected_filter()
        return [], ""
    finally:
        dialog.deleteLater()
