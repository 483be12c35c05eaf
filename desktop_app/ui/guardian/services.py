"""What the guardian windows work with, built once by the composition root (app.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_app.policy.approvals import Approvals
from desktop_app.policy.editor import GuardianSettings
from desktop_app.policy.guardian import GuardianPin
from desktop_app.safety.events import EventCounts
from desktop_app.service.actions import GuardianActions
from desktop_app.service.mode import RunningMode
from desktop_app.surfaces.quarantine import Quarantine


@dataclass(frozen=True)
class GuardianServices:
    """The guardian's stores. The windows only call them from their own worker thread."""

    settings: GuardianSettings
    pin: GuardianPin
    approvals: Approvals
    events: EventCounts | None = None
    quarantine: Quarantine | None = None
    # Which mode runs (service.mode.detect_mode, in app.py); None: not asked (tests).
    mode: RunningMode | None = None
    # The guardian's actions over these same stores (one instance: it knows its own proofs).
    actions: GuardianActions = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        actions = GuardianActions(
            self.pin, self.approvals, self.quarantine, self.settings, self.events
        )
        object.__setattr__(self, "actions", actions)
