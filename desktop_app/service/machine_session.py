"""A session in machine mode: its rules, the guardian's PIN, approvals and counts — the service's.

The session's windows ask ``safety.rules.Guard`` as always; here its parts are answered by
the per-machine service, so nothing the child's account could edit decides anything. They
fail closed: no service, no PIN check ("unavailable"), no approvals ("not approved"), and
counts wait in memory (bounded) until the service answers again — never in the child's files.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from desktop_app.core.vocabulary import EventKind, Surface
from desktop_app.policy import settings
from desktop_app.policy.effective import (
    FAILSAFE_VALUES,
    EffectivePolicy,
    EffectiveProfile,
    EffectiveValue,
    ProfileSource,
    Source,
)
from desktop_app.policy.guardian import PinStatus, PinUnavailable, TryAgainLater
from desktop_app.policy.settings import AgeBand

from . import protocol as p
from .client import ServiceClient, ServiceError, ServiceUnavailable

UNREACHABLE = (
    "The SafeLens service is not answering, so the guardian PIN can't be checked now. "
    "Ask a guardian to start it."
)
REMEMBER_PIN_S = 120.0  # a right PIN approves what the guardian just allowed, then is gone
MAX_QUEUED = 10_000  # per surface and kind, while the service does not answer
_PIN_STATES: tuple[PinStatus, ...] = ("not_set", "set", "missing")


class ServicePin:
    """The guardian's PIN, checked and throttled by the service (the hash never comes here)."""

    def __init__(self, client: ServiceClient, clock: Callable[[], float] = time.monotonic) -> None:
        self._client, self._clock = client, clock
        self._wait_until = 0.0
        self._recent: tuple[str, float] | None = None
        self._lock = threading.Lock()

    def status(self) -> PinStatus:
        return "set"  # whether one is set, the service says when it is checked

    def delay_remaining(self) -> float:
        return max(0.0, self._wait_until - self._clock())

    def verify(self, pin: str) -> bool:
        """True when the service says the PIN is right; raises TryAgainLater / PinUnavailable."""
        try:
            self._client.call("verify_pin", pin=pin)
        except ServiceUnavailable as exc:
            raise PinUnavailable("missing", UNREACHABLE) from exc
        except ServiceError as exc:
            if exc.code == p.WRONG_PIN:
                return False
            if exc.code == p.WAIT:
                seconds = _seconds(exc.details.get("seconds"))
                self._wait_until = self._clock() + seconds
                raise TryAgainLater(seconds) from exc
            status = exc.details.get("status")
            raise PinUnavailable(
                status if status in _PIN_STATES else "missing", exc.message
            ) from exc
        with self._lock:
            self._recent = (pin, self._clock())
        return True

    def take_recent(self) -> str | None:
        """The PIN the guardian typed just now (for one approval or restore), then forgotten."""
        with self._lock:
            recent, self._recent = self._recent, None
        if recent is None or self._clock() - recent[1] > REMEMBER_PIN_S:
            return None
        return recent[0]


class ServiceApprovals:
    """The guardian's remembered "yes", kept by the service for the asking account only."""

    def __init__(self, client: ServiceClient, pin: ServicePin) -> None:
        self._client, self._pin = client, pin

    def is_approved(self, sha256: str, profile_id: str) -> bool:
        """``profile_id`` is not sent: the service knows whose approvals from the kernel."""
        try:
            return self._client.call("is_approved", sha256=sha256).get("approved") is True
        except (ServiceUnavailable, ServiceError):
            return False  # fail closed: not approved

    def remember(self, sha256: str, profile_id: str) -> bool:
        """Approve these bytes with the PIN the guardian just typed (False: not remembered)."""
        pin = self._pin.take_recent()
        if pin is None:
            return False
        try:
            self._client.call("approve_file", pin=pin, sha256=sha256)
        except (ServiceUnavailable, ServiceError):
            return False
        return True


class ServiceCounts:
    """Counts for the service's own store; held in memory while it does not answer."""

    def __init__(self, client: ServiceClient, recent_encounters: int = 0) -> None:
        self._client = client
        self._recent = recent_encounters
        self._queued: Counter[tuple[Surface, EventKind]] = Counter()
        self._lock = threading.Lock()

    @property
    def queued(self) -> int:
        with self._lock:
            return sum(self._queued.values())

    def record(self, profile_id: str, surface: Surface, kind: EventKind, count: int = 1) -> None:
        """Queue, then send everything queued (the service decides whose counts they are)."""
        with self._lock:
            item = (Surface(surface), EventKind(kind))
            self._queued[item] = min(MAX_QUEUED, self._queued[item] + count)
        self.flush()

    def flush(self) -> bool:
        """Send what is queued; False when the service did not answer (kept for later)."""
        with self._lock:
            for (surface, kind), count in list(self._queued.items()):
                left = count
                try:
                    while left > 0:
                        part = min(left, 1000)
                        self._client.call("record", surface=surface, kind=kind, count=part)
                        left -= part
                except ServiceUnavailable:
                    self._queued[(surface, kind)] = left
                    return False
                except ServiceError:
                    pass  # refused (not protected): nothing to keep
                del self._queued[(surface, kind)]
        return True

    def encounters_within(self, profile_id: str, hours: float) -> int:
        """The service's count when the session began (escalation)."""
        return self._recent


@dataclass(frozen=True)
class SessionPolicy:
    """What applies to this account, as the service said: the policy, whose counts, recent."""

    policy: EffectivePolicy
    key: str | None  # the service's key for this account's counts and approvals
    recent_encounters: int = 0


class BadAnswer(ServiceUnavailable):
    """The service's answer could not be read (treated as no answer: fail closed)."""


def ask_policy(client: ServiceClient) -> SessionPolicy:
    """This account's policy from the service (``policy`` op); ServiceUnavailable otherwise."""
    try:
        reply = client.call("policy")
    except ServiceError as exc:
        raise ServiceUnavailable(exc.message) from exc
    try:
        return _session_policy(reply)
    except (KeyError, TypeError, ValueError) as exc:
        raise BadAnswer("The SafeLens service's answer could not be read.") from exc


def strictest_policy(os_user: str) -> EffectivePolicy:
    """Under 13 with the failsafe values: for a child's account while the service is silent."""
    values = {
        s.key: EffectiveValue(s.key, s.default_value(), Source.DEFAULT, True)
        for s in settings.SETTINGS
    }
    for key, value in FAILSAFE_VALUES.items():
        values[key] = EffectiveValue(key, value, Source.FAILSAFE, True)
    values["share_folders.incoming"] = EffectiveValue(
        "share_folders.incoming", [], Source.FAILSAFE, True
    )  # the service watches; the session never does in machine mode
    profile = EffectiveProfile(os_user, AgeBand.UNDER13, ProfileSource.FAILSAFE)
    return EffectivePolicy(values, profile, ["service_silent"])


def _session_policy(reply: dict[str, Any]) -> SessionPolicy:
    given = reply["settings"]
    values = {}
    for setting in settings.SETTINGS:
        item = given[setting.key]
        values[setting.key] = EffectiveValue(
            setting.key,
            item["value"],
            Source(item["source"]),
            bool(item["locked"]),
            item.get("origin") if isinstance(item.get("origin"), str) else None,
        )
    about = reply["profile"]
    band = about["age_band"]
    profile = EffectiveProfile(
        os_user=str(about["os_user"]),
        band=AgeBand(band) if band is not None else None,
        source=ProfileSource(about["source"]),
        profile_id=_text_or_none(about.get("profile_id")),
    )
    problems = [str(item) for item in reply.get("problems", [])]
    recent = reply.get("recent_encounters", 0)
    return SessionPolicy(
        EffectivePolicy(values, profile, problems),
        _text_or_none(about.get("key")),
        recent if type(recent) is int else 0,
    )


def _text_or_none(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _seconds(value: object) -> float:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else 30.0
