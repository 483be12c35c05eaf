"""What a child may do with a verdict: the rules of the profile and policy, held in one value.

The windows (viewer, picker, the share folders' help screens, the sending dialog) receive
one ``Guard`` — the person's rules, the guardian's PIN checker, the remembered approvals
and the event counts — and ask it; they never read settings keys or decide a rule
themselves. The flow's screens follow from ``ViewerRules.context`` (safety.flow), and
what the flow reports is counted through ``count_for``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Protocol

from desktop_app.analysis.verdict import Analysis, Status
from desktop_app.core.hashing import content_sha256
from desktop_app.core.sinks import CountRecorder
from desktop_app.core.vocabulary import EventKind, Surface
from desktop_app.policy.effective import EffectivePolicy
from desktop_app.policy.guardian import PinStatus
from desktop_app.policy.settings import AgeBand

from .flow import FlowContext, FlowRules, Outcome

__all__ = [
    "STRICTEST",
    "ApprovalMemory",
    "EncounterCounts",
    "Guard",
    "PinCheck",
    "ViewerRules",
    "count_for",
    "found_kind",
    "nothing_to_show",
    "rules_from_policy",
]

_OUTCOME_KIND = {
    Outcome.VIEWED_AFTER_WARNING: EventKind.viewed_after_warning,
    Outcome.HELP_OPENED: EventKind.help_opened,
    Outcome.GUARDIAN_NOTICE: EventKind.guardian_notice,
}  # a send after the warning has no count of its own yet


class PinCheck(Protocol):
    """The guardian's PIN as the windows check it: ``GuardianPin`` on one account, or the
    service's check in machine mode (service/machine_session.py). ``verify`` may raise
    TryAgainLater or PinUnavailable (policy.guardian)."""

    def status(self) -> PinStatus: ...

    def verify(self, pin: str) -> bool: ...

    def delay_remaining(self) -> float: ...


class ApprovalMemory(Protocol):
    """A guardian's "yes" remembered for exact bytes: ``Approvals``, or the service's."""

    def is_approved(self, sha256: str, profile_id: str) -> bool: ...

    def remember(self, sha256: str, profile_id: str) -> object: ...


class EncounterCounts(Protocol):
    """Recent sensitive encounters, for escalation: ``EventCounts``, or the service's answer."""

    def encounters_within(self, profile_id: str, hours: float) -> int: ...


@dataclass(frozen=True)
class ViewerRules(FlowRules):
    """Who is looking and what the policy says: the flow's rules, plus who and where.

    Built from the effective policy by ``rules_from_policy``; the age band, the view and
    send policies and the escalation come from ``FlowRules`` (safety.flow).
    """

    profile_id: str | None = None
    region: str | None = None
    trusted_adults: list[dict[str, str]] = field(default_factory=list)

    def context(
        self, *, could_not_check: bool = False, remembered_approval: bool = False
    ) -> FlowContext:
        """What the flow needs for one piece of content (sending: the defaults)."""
        shared = {item.name: getattr(self, item.name) for item in fields(FlowRules)}
        return FlowContext(
            **shared, could_not_check=could_not_check, remembered_approval=remembered_approval
        )

    def viewing(self, result: Analysis, approved: bool) -> FlowContext:
        """The viewing flow's context for this verdict (``approved``: remembered for the bytes)."""
        return self.context(could_not_check=result.could_not_check, remembered_approval=approved)

    def hands_back(self, result: Analysis) -> bool:
        """Whether a chosen file may go back to the app without the help screens."""
        if result.cleared or nothing_to_show(result):
            return True
        # Adults' profiles fail open: could-not-check alone does not hold a file back.
        return self.band is AgeBand.ADULT and not result.is_sensitive


def nothing_to_show(result: Analysis) -> bool:
    """Cannot show a picture (the worker says so by its bytes), or checking is switched off."""
    return result.nothing_to_check or result.status is Status.SKIPPED


def rules_from_policy(
    policy: EffectivePolicy, events: EncounterCounts | None, region: str | None
) -> ViewerRules:
    """The rules for the current user, from the effective policy (and recent encounters)."""
    profile = policy.profile
    band = profile.band or AgeBand.ADULT
    recent = 0
    if profile.profile_id and events is not None:
        recent = events.encounters_within(profile.profile_id, policy["escalation.window_hours"])
    return ViewerRules(
        band=band,
        view_policy=policy[f"view_policy.{band.value}"],
        send_policy=policy[f"send_policy.{band.value}"],
        recent_encounters=recent,
        escalation_threshold=policy["escalation.threshold"],
        guardian_notices=policy["guardian_notices"] == "counts",
        profile_id=profile.profile_id,
        region=region,
        trusted_adults=list(policy["trusted_adults"]),
    )


def found_kind(context: FlowContext) -> EventKind:
    """What a flow's start counts: something sensitive, or something that could not be checked."""
    return EventKind.could_not_check if context.could_not_check else EventKind.sensitive


def count_for(outcome: Outcome) -> EventKind | None:
    """The count an outcome of the flow adds (None: it is not counted)."""
    return _OUTCOME_KIND.get(outcome)


@dataclass(frozen=True)
class Guard:
    """Everything the child-path windows need, handed to them once by the composition root.

    The rules say what the person may do; the PIN lets a guardian allow more on this
    device; approvals remember a guardian's "yes" for exact bytes; the counts record
    what happened (never what it was). Without a PIN, a child under 13 cannot get past
    the guardian's screen; without approvals or counts nothing is remembered or counted.
    """

    rules: ViewerRules
    pin: PinCheck | None = None
    approvals: ApprovalMemory | None = None
    events: CountRecorder | None = None

    @property
    def counts(self) -> bool:
        """Whether anything is counted (there are counts, and a profile to count for)."""
        return self.events is not None and self.rules.profile_id is not None

    @property
    def remembers(self) -> bool:
        """Whether a guardian's approval can be remembered (approvals, and a profile)."""
        return self.approvals is not None and self.rules.profile_id is not None

    def count(self, surface: Surface, kind: EventKind) -> None:
        """Add one to a count: a small SQLite write, so call it off the GUI thread."""
        if self.counts:
            assert self.events is not None and self.rules.profile_id is not None
            self.events.record(self.rules.profile_id, surface, kind)

    def approval_state(self, path: Path) -> tuple[str | None, bool]:
        """(content hash, already approved for this child). Reads the whole file: worker thread."""
        if not self.remembers:
            return None, False
        assert self.approvals is not None and self.rules.profile_id is not None
        try:
            digest = content_sha256(path)
        except OSError:
            return None, False
        return digest, self.approvals.is_approved(digest, self.rules.profile_id)

    def remember(self, digest: str) -> None:
        """Remember the guardian's approval for these bytes (a small file write: worker thread)."""
        if self.remembers:
            assert self.approvals is not None and self.rules.profile_id is not None
            self.approvals.remember(digest, self.rules.profile_id)


# What a window gets when it is given no guard: under 13, the guardian's approval, no PIN.
STRICTEST = Guard(ViewerRules(AgeBand.UNDER13, "guardian_approval"))
