"""Machine mode: what opens when the child clicks a notice the service sent.

The file is in the service's quarantine, which this session can neither read nor change,
so the window shows the help screens only (no picture: the badge). When the guardian says
yes with the PIN, the service puts the file back where it came from, approved for this
child, through its ``restore`` op with that PIN; nothing here touches the file. A teen who
chooses to see it after the screens is told a guardian can give it back (fail closed).
"""

from __future__ import annotations

from pathlib import Path

from desktop_app.analysis.verdict import Analysis, Kind, Status
from desktop_app.core.vocabulary import Surface
from desktop_app.safety.flow import ViewingFlow
from desktop_app.safety.rules import Guard
from desktop_app.service.client import ServiceClient, ServiceError, ServiceUnavailable
from desktop_app.service.machine_session import ServicePin
from desktop_app.service.notice_stream import PutAsideNotice

from .intervention.window import FlowWindow

_KINDS = {"picture": Kind.IMAGE, "video": Kind.VIDEO}


class ServiceArrivalWindow(FlowWindow):
    """The help screens for one file the service put aside for this account."""

    def __init__(
        self, notice: PutAsideNotice, guard: Guard, client: ServiceClient, pin: ServicePin
    ) -> None:
        super().__init__(guard, Surface.share_folders)
        self.notice, self.client, self.service_pin = notice, client, pin
        self.asked = False  # the guardian said yes: the service is asked to give it back
        self.restored: bool | None = None  # what the service said
        self.setWindowTitle(self.tr("SafeLens — something was shared with you"))
        could_not_check = notice.reason == "could_not_check"
        self.result = Analysis(
            kind=_KINDS.get(notice.kind, Kind.OTHER),
            status=Status.UNREADABLE if could_not_check else Status.OK,
            is_sensitive=not could_not_check,
        )
        self.view.show_result(self.result, Path(notice.name or "file"))  # a name, never opened
        self.panel.approved.connect(self._approved)
        flow = ViewingFlow(guard.rules.viewing(self.result, approved=False))
        self.panel.start(flow, counted_elsewhere=True)  # the service counted it

    def show_content(self) -> None:
        """The bytes are the service's: never shown here."""
        if not self.asked:
            self.panel.body.setText(
                self.tr("SafeLens is keeping this safe. A guardian can give it back to you.")
            )
        elif self.restored is None:
            self.panel.body.setText(self.tr("Giving it back…"))

    def _approved(self) -> None:
        """The guardian typed the PIN: the service puts the file back (worker thread)."""
        pin = self.service_pin.take_recent()
        if pin is None:
            return
        self.asked = True
        self.work.run(self._restore, pin, on_result=self._restored, on_error=self._not_restored)

    def _restore(self, pin: str) -> bool:
        try:
            self.client.call("restore", pin=pin, id=self.notice.id)
        except (ServiceUnavailable, ServiceError):
            return False
        return True

    def _restored(self, done: bool) -> None:
        self.restored = done
        if done:
            self.panel.body.setText(self.tr("It is back in your folder."))
        else:
            self._not_restored(None)

    def _not_restored(self, error: BaseException | None) -> None:
        del error  # never logged: it may name the file
        self.restored = False
        self.panel.body.setText(
            self.tr("SafeLens couldn't give it back just now. A guardian can do it later.")
        )
