"""The first-run setup: welcome, PIN, children, trusted adults, review, done.

Nothing is saved until the guardian presses "Set up SafeLens" on the review page;
then the profiles, trusted adults and the PIN (scrypt: most of a second) are saved
on the wizard's worker thread while the window stays responsive.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QWidget, QWizard

from desktop_app.core.storage import StorageError
from desktop_app.policy.guardian import GuardianError, PinRejected
from desktop_app.policy.profiles import ProfileError
from desktop_app.policy.settings import InvalidValue

from ..tasks import BackgroundWork
from .services import GuardianServices
from .setup import SetupPlan, apply_setup, machine_accounts
from .wizard_pages import (
    ChildrenPage,
    DonePage,
    PinPage,
    ReviewPage,
    TrustedAdultsPage,
    WelcomePage,
)


class SetupWizard(QWizard):
    """The first-run setup.

    Signals:
        setup_saved(): profiles, trusted adults and the PIN were saved (the PIN as a hash).
        saving_changed(bool): True while saving runs on the worker thread.
    """

    setup_saved = Signal()
    saving_changed = Signal(bool)

    def __init__(
        self,
        services: GuardianServices,
        parent: QWidget | None = None,
        work: BackgroundWork | None = None,
        *,
        setup: Callable[[SetupPlan], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        # Machine mode: the service saves the plan (administrators only) and says where
        # protection lives; else this account's own stores.
        self.setup = setup
        self.work = work or BackgroundWork(self)
        self.setWindowTitle(self.tr("Set up SafeLens"))
        self.setAccessibleName(self.tr("Set up SafeLens"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoDefaultButton, False)
        editor = services.settings  # read in memory only; nothing is saved until the end
        self.welcome_page = WelcomePage()
        self.pin_page = PinPage()
        self.children_page = ChildrenPage()
        self.adults_page = TrustedAdultsPage(editor.fields("help")[0])
        self.review_page = ReviewPage(
            editor.fields("protection"), lambda: self.children_page.entries, self.save
        )
        self.done_page = DonePage()
        for page in (
            self.welcome_page,
            self.pin_page,
            self.children_page,
            self.adults_page,
            self.review_page,
            self.done_page,
        ):
            self.addPage(page)
        for button in (
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.NextButton,
            QWizard.WizardButton.CommitButton,
            QWizard.WizardButton.FinishButton,
            QWizard.WizardButton.CancelButton,
        ):
            self.button(button).setAccessibleName(self.buttonText(button).replace("&", ""))
        line = self.fontMetrics().height()
        self.resize(line * 54, line * 40)
        self.work.run(
            machine_accounts,
            on_result=self.children_page.set_accounts,
            on_error=lambda _error: None,
        )

    def plan(self) -> SetupPlan:
        return SetupPlan(
            pin=self.pin_page.pin(),
            children=tuple(self.children_page.entries),
            trusted_adults=tuple(self.adults_page.people()),
        )

    def save(self) -> None:
        """Start saving on the worker thread; the review page's button stays disabled."""
        page = self.review_page
        page.saving = True
        page.error.hide()
        page.busy.show()
        page.status.setText(self.tr("Saving… (making the PIN hard to guess takes a moment)"))
        self._set_buttons(False)
        self.saving_changed.emit(True)
        services, plan, setup = self.services, self.plan(), self.setup
        by_service = self.tr(
            "Protection now lives in the SafeLens service on this computer: it protects "
            "every child's account, logged in or not, and keeps the PIN where no account "
            "can read it."
        )

        def run() -> str:
            if setup is not None:
                setup(plan)
                return by_service
            apply_setup(plan, services.settings, services.pin)
            return services.pin.store_message

        self.work.run(run, on_result=self._saved, on_error=self._not_saved)

    def _saved(self, pin_store: str) -> None:
        page = self.review_page
        page.saving, page.saved = False, True
        page.busy.hide()
        page.status.setText(self.tr("Saved."))
        self.pin_page.first.clear()
        self.pin_page.second.clear()
        self.done_page.show_summary(self.children_page.entries, pin_store)
        self._set_buttons(True)
        self.saving_changed.emit(False)
        self.setup_saved.emit()
        self.next()

    def _not_saved(self, error: BaseException) -> None:
        page = self.review_page
        page.saving = False
        page.busy.hide()
        page.status.setText("")
        if isinstance(error, PinRejected):
            message = error.reason
        elif isinstance(error, StorageError):
            message = self.tr("SafeLens couldn't save the setup ({0}). Please try again.").format(
                error
            )
        elif isinstance(error, GuardianError | ProfileError | InvalidValue):
            message = str(error)
        else:
            message = self.tr("The setup couldn't be saved: {0}").format(
                str(error) or type(error).__name__
            )
        page.error.setText(message)
        page.error.show()
        self._set_buttons(True)
        self.saving_changed.emit(False)

    def _set_buttons(self, enabled: bool) -> None:
        for button in (
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.CancelButton,
            QWizard.WizardButton.CommitButton,
        ):
            self.button(button).setEnabled(enabled)

    def reject(self) -> None:
        if self.review_page.saving:
            return  # let the save finish: half a setup is never left behind
        super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if self.review_page.saving and event.key() == Qt.Key.Key_Escape:
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.review_page.saving:
            event.ignore()
            return
        super().closeEvent(event)
