"""What the guardian windows work with, built once by the composition root (app.py)."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.policy.approvals import Approvals
from desktop_app.policy.editor import GuardianSettings
from desktop_app.policy.guardian import GuardianPin
from desktop_app.safety.events import EventCounts
from desktop_app.surfaces.quarantine import Quarantine


@dataclass(frozen=True)
class GuardianServices:
    """The guardian's stores. The windows only call them from their own worker thread."""

    settings: GuardianSettings
    pin: GuardianPin
    approvals: Approvals
    events: EventCounts | None = None
    quarantine: Quarantine | None = None
