"""The first window: is protection working, and a way to check files by hand.

No picture is ever shown here; files are listed by name with their verdict.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.analysis.analyzer import SensitivityAnalyzer
from desktop_app.analysis.verdict import Analysis, Status

from .guardian.launcher import GuardianLauncher
from .guardian.services import GuardianServices
from .openers import Openers
from .tasks import FutureWatcher

_WARMUP = "warm-up"


class MainWindow(QMainWindow):
    """Shows the engine's state and the results of checks the user asked for.

    With the guardian's services it invites setup and opens the guardian's windows; with
    ``openers`` its buttons open the safe viewer and the contacts view.
    """

    def __init__(
        self,
        analyzer: SensitivityAnalyzer,
        services: GuardianServices | None = None,
        openers: Openers | None = None,
    ) -> None:
        super().__init__()
        self.analyzer, self.openers = analyzer, openers
        self.setWindowTitle(self.tr("SafeLens"))
        self.resize(760, 480)
        self.watcher = FutureWatcher(self)
        self.watcher.finished.connect(self._on_result)
        self.watcher.failed.connect(self._on_failure)

        title = QLabel(self.tr("SafeLens"))
        title.setStyleSheet("font-size: 22px; font-weight: 600;")
        self.status = QLabel(self.tr("Starting the protection engine…"))
        self.status.setAccessibleName(self.tr("Protection status"))
        self.status.setWordWrap(True)

        self._make_buttons()

        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Result"), self.tr("Why")])
        self.table.setAccessibleName(self.tr("Check results"))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

        note = QLabel(self.tr("Everything is checked on this computer. Nothing is sent anywhere."))
        note.setStyleSheet("color: palette(mid);")

        self.setup_note = QLabel(
            self.tr("SafeLens is not set up yet. A guardian can set it up in a few minutes.")
        )
        self.setup_note.setWordWrap(True)
        self.setup_note.hide()

        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.contacts_button)
        buttons.addWidget(self.check_button)
        buttons.addStretch(1)
        buttons.addWidget(self.guardian_button)
        layout = QVBoxLayout()
        layout.addWidget(title)
        layout.addWidget(self.status)
        layout.addWidget(self.setup_note)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        body = QWidget()
        body.setLayout(layout)
        self.setCentralWidget(body)
        self.launcher = self._connect(services, openers)

        # A tiny blank picture proves the worker started and both models verified.
        blank = Image.new("RGB", (64, 64), (200, 200, 200))
        self.watcher.watch(analyzer.submit_image(blank, interactive=True), _WARMUP)

    def _make_buttons(self) -> None:
        self.check_button = QPushButton(self.tr("&Check files…"))
        self.check_button.setAccessibleDescription(
            self.tr("Choose pictures or videos to check on this computer")
        )
        self.check_button.clicked.connect(self.choose_files)
        self.open_button = QPushButton(self.tr("&Open a picture or video…"))
        self.open_button.setAccessibleDescription(
            self.tr("Open a file in SafeLens' safe viewer; it is checked before it is shown")
        )
        self.contacts_button = QPushButton(self.tr("C&ontacts…"))
        self.contacts_button.setAccessibleDescription(
            self.tr("Import contact cards; their photos are checked before they are shown")
        )
        self.guardian_button = QPushButton(self.tr("&Guardian settings…"))
        self.guardian_button.setAccessibleDescription(
            self.tr("Set up SafeLens, or open the guardian console with the PIN")
        )

    def _connect(
        self, services: GuardianServices | None, openers: Openers | None
    ) -> GuardianLauncher | None:
        """The buttons into the viewer and contacts, and the guardian's launcher (if any)."""
        if openers is not None:
            self.open_button.clicked.connect(openers.open_file)
            self.contacts_button.clicked.connect(openers.open_contacts)
        if services is None:
            return None
        launcher = GuardianLauncher(services, self)
        self.guardian_button.clicked.connect(launcher.open)
        self.show_setup_needed(not services.settings.set_up)
        launcher.wizard_opened.connect(
            lambda wizard: wizard.setup_saved.connect(lambda: self.show_setup_needed(False))
        )
        return launcher

    def show_setup_needed(self, needed: bool) -> None:
        """Invite a guardian to set up, until setup has been saved."""
        self.setup_note.setVisible(needed)
        self.guardian_button.setText(
            self.tr("&Set up protection…") if needed else self.tr("&Guardian settings…")
        )

    def choose_files(self) -> None:
        # Qt's own dialog: it shows no previews, so nothing unchecked is ever painted.
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Choose files to check"),
            str(Path.home()),
            options=QFileDialog.Option.DontUseNativeDialog,
        )
        self.check_paths([Path(p) for p in paths])

    def check_paths(self, paths: list[Path]) -> None:
        for path in paths:
            row = self.table.rowCount()
            self.table.insertRow(row)
            self.table.setItem(row, 0, QTableWidgetItem(path.name))
            self.table.setItem(row, 1, QTableWidgetItem(self.tr("Checking…")))
            self.table.setItem(row, 2, QTableWidgetItem(""))
            self.watcher.watch(self.analyzer.submit_file(path, interactive=True), row)

    def _on_result(self, token: object, result: Analysis) -> None:
        if token == _WARMUP:
            ok = result.status is Status.OK
            self.status.setText(
                self.tr("Protection engine ready: both models verified and loaded.")
                if ok
                else self.tr("The protection engine could not check a test picture.")
            )
            return
        assert isinstance(token, int)
        if result.is_sensitive:
            verdict = self.tr("Hidden: may be sensitive")
        elif result.status is Status.OK:
            verdict = self.tr("OK")
        else:
            verdict = self.tr("Hidden: could not check")
        why = result.reason or ""
        if result.member:  # inside an archive or document: which part (its name, never pixels)
            why = self.tr("Inside: {0} — {1}").format(result.member, why)
        self._set_row(token, verdict, why)

    def _on_failure(self, token: object, error: BaseException) -> None:
        message = self.tr("SafeLens cannot check files right now: {0}").format(error)
        self.status.setText(message)
        if isinstance(token, int):
            self._set_row(token, self.tr("Hidden: could not check"), str(error))
        self.check_button.setEnabled(token != _WARMUP)

    def _set_row(self, row: int, verdict: str, reason: str) -> None:
        self.table.setItem(row, 1, QTableWidgetItem(verdict))
        self.table.setItem(row, 2, QTableWidgetItem(reason))
