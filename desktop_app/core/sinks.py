"""Where counts go and where the OS log listens, as Protocols: the caller never names the class.

A surface records into a ``CountRecorder`` (the event store, given by the composition
root); the event store tells an ``OsLogSink`` (the platform's OS log, given the same
way). Neither side imports the other, so counts and the OS log stay out of each
other's modules.
"""

from __future__ import annotations

from typing import Protocol

from desktop_app.core.vocabulary import EventKind, Surface


class CountRecorder(Protocol):
    """Where counts go (the event store): a surface and a kind, never a name or a path."""

    def record(self, profile_id: str, surface: Surface, kind: EventKind, count: int = 1) -> None:
        """Add ``count`` to today's tally for this profile, surface and kind."""
        ...


class OsLogSink(Protocol):
    """Where the event store (and the policy and tamper checks) tell the OS log what happened."""

    @property
    def last_error(self) -> str | None:
        """The first delivery failure, for `safelens doctor`; None while all is well."""
        ...

    def event(self, kind: EventKind, surface: Surface, count: int, profile_id: str) -> None:
        """Log a count; never raises."""
        ...

    def policy_error(self, reason: str) -> None:
        """Log a managed-policy problem by reason code only; never raises."""
        ...

    def tamper(self, reason: str) -> None:
        """Log a tamper signal by reason code only; never raises."""
        ...
