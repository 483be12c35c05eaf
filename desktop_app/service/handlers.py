"""What the service answers, each op deciding WHO asks from the peer's kernel uid alone.

A session is untrusted: its process belongs to the account it serves, a child's included.
Nothing in a request names the account (a ``uid`` or ``user`` field is ignored), every
argument is checked, and a child's requests only ever read or change that child's own data.
"""

from __future__ import annotations

import math
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, TypeVar

from desktop_app.core.storage import StorageError
from desktop_app.core.vocabulary import EventKind, Surface
from desktop_app.policy.effective import EffectiveProfile
from desktop_app.policy.guardian import MAX_SECRET_CHARS, PinUnavailable, TryAgainLater
from desktop_app.policy.profiles import OsUser
from desktop_app.safety.events import EventStoreError

from . import protocol as p
from .accounts import is_account_administrator
from .action_errors import ACTION_ERRORS, error_code
from .actions import GuardianProof
from .guardian_ops import GuardianOps
from .health import SessionView, WatchStatus, machine_health
from .server import Peer
from .stores import ServiceStores

MAX_COUNT = 1000
MAX_PUT_ASIDE = 500
MAX_ID_CHARS = 128
_SHA256 = re.compile(r"[0-9a-fA-F]{64}")
Reply = dict[str, Any]
E = TypeVar("E", bound=StrEnum)


class BadArguments(Exception):  # noqa: N818 - what the session is told
    """A request's argument is missing or of the wrong type or size."""


@dataclass(frozen=True)
class Account:
    """The asking account as the service sees it: kernel uid, account name, protection."""

    uid: int
    name: str
    profile: EffectiveProfile
    is_admin: bool = False  # root or an administrators' group, from the account database
    pid: int = -1  # the asking process, from the kernel (SO_PEERCRED)

    @property
    def key(self) -> str | None:
        """Whose counts and approvals these are: the profile id, or the uid for a child
        protected by a lab rule (no profile of their own); None for an unprotected account."""
        if self.profile.profile_id:
            return self.profile.profile_id
        return f"uid-{self.uid}" if self.profile.protected else None


class ServiceHandlers:
    """The ops a session may ask for (see docs/service-protocol.md)."""

    def __init__(self, stores: ServiceStores, *, started_at: datetime | None = None) -> None:
        self._stores = stores
        self._started_at = started_at or datetime.now(UTC)
        self._watch: WatchStatus | None = None
        self._sessions: SessionView | None = None
        self._watch_handed_over = False
        self._pin_lock = threading.Lock()  # one PIN check at a time: the attempt count holds
        self._actions = stores.actions()
        self._ops: dict[str, Callable[[Account, dict[str, Any]], Reply]] = {
            "hello": self.hello,
            "whoami": self.whoami,
            "verify_pin": self.verify_pin,
            "approve_file": self.approve_file,
            "is_approved": self.is_approved,
            "record": self.record,
            "put_aside": self.put_aside,
            "restore": self.restore,
            "delete": self.delete,
            "status": self.status,
        }
        guardian = GuardianOps(stores, self._check_pin, self.health, self._pin_lock)
        self._ops.update(guardian.ops())  # the console's and the wizard's (guardian_ops.py)

    def add_ops(self, ops: dict[str, Callable[[Account, dict[str, Any]], Reply]]) -> None:
        """More ops, from their own module (the session agents': service/session_ops.py)."""
        self._ops.update(ops)

    def show_sessions(self, sessions: SessionView) -> None:
        """The session agents as the service sees them, for ``status``."""
        self._sessions = sessions

    def show_watch(self, watch: WatchStatus | None) -> None:
        """The running watch, for ``status`` (None: the service runs without one)."""
        self._watch, self._watch_handed_over = watch, True

    def __call__(self, peer: Peer, request: dict[str, Any]) -> Reply:
        op = request.get("op")
        handler = self._ops.get(op) if isinstance(op, str) else None
        if handler is None:
            return p.refusal(p.UNKNOWN_OP, "The service does not know this request.")
        try:
            return handler(self.account_of(peer), request)
        except BadArguments as exc:
            return p.refusal(p.BAD_ARGUMENTS, str(exc))
        except (StorageError, EventStoreError, OSError):
            return p.refusal(p.UNAVAILABLE, "The service could not use its data just now.")

    def account_of(self, peer: Peer) -> Account:
        """Who asks, from the kernel's uid only, and how that account is protected."""
        name = peer.name if peer.name is not None else f"uid-{peer.uid}"
        user = OsUser(name=name, is_admin=_is_admin(peer))
        profile = self._stores.policy_for(user).profile
        return Account(peer.uid, name, profile, user.is_admin, peer.pid)

    # --- the ops --------------------------------------------------------------------------

    def hello(self, account: Account, request: dict[str, Any]) -> Reply:
        return p.reply(protocol=p.PROTOCOL_VERSION, mode="machine", ops=sorted(self._ops))

    def whoami(self, account: Account, request: dict[str, Any]) -> Reply:
        profile = account.profile
        return p.reply(
            account=account.name,
            uid=account.uid,
            protected=profile.protected,
            profile_id=profile.profile_id,
            age_band=profile.band.value if profile.band else None,
            source=profile.source.value,
        )

    def verify_pin(self, account: Account, request: dict[str, Any]) -> Reply:
        refused = self._check_pin(_text(request, "pin", MAX_SECRET_CHARS))
        return refused or p.reply(verified=True)

    def approve_file(self, account: Account, request: dict[str, Any]) -> Reply:
        pin, sha256 = _text(request, "pin", MAX_SECRET_CHARS), _sha256(request)
        if account.key is None or not account.profile.protected:
            return p.refusal(p.NOT_PROTECTED, "This account is not protected: nothing to approve.")
        refused = self._check_pin(pin)
        if refused is not None:
            return refused
        self._stores.approvals.remember(sha256, account.key)
        return p.reply(approved=True)

    def is_approved(self, account: Account, request: dict[str, Any]) -> Reply:
        sha256 = _sha256(request)
        key = account.key
        approved = key is not None and self._stores.approvals.is_approved(sha256, key)
        return p.reply(approved=approved)

    def record(self, account: Account, request: dict[str, Any]) -> Reply:
        surface = _choice(request, "surface", Surface)
        kind = _choice(request, "kind", EventKind)
        count = request.get("count", 1)
        if type(count) is not int or not 1 <= count <= MAX_COUNT:
            raise BadArguments(f"'count' must be a whole number from 1 to {MAX_COUNT}.")
        if account.key is None:
            return p.refusal(p.NOT_PROTECTED, "Counts are kept only for protected accounts.")
        self._stores.events.record(account.key, surface, kind, count)
        return p.reply()

    def put_aside(self, account: Account, request: dict[str, Any]) -> Reply:
        """This account's own quarantined files, what and when only (never a path or name)."""
        key = account.key
        entries = [] if key is None else self._stores.quarantine.entries()
        own = [e for e in entries if e.profile_id == key]
        items = [
            {"id": e.id, "when": e.quarantined_at, "surface": e.surface, "reason": str(e.reason)}
            for e in own[-MAX_PUT_ASIDE:]
        ]
        return p.reply(entries=items)

    def restore(self, account: Account, request: dict[str, Any]) -> Reply:
        """The guardian (proven by PIN) puts a file back where it came from, approved for its
        child so the next pass keeps it. Never to a folder the session names: the service
        writes as root, and a session could name any folder."""
        return self._guardian_action(request, self._actions.restore)  # owner: the folder's

    def delete(self, account: Account, request: dict[str, Any]) -> Reply:
        """The guardian (proven by PIN) deletes a quarantined file for good."""
        return self._guardian_action(request, self._actions.delete)

    def status(self, account: Account, request: dict[str, Any]) -> Reply:
        """Every protected account's health, for an administrator or the guardian's PIN."""
        if not account.is_admin:
            pin = request.get("pin")
            if pin is None:
                return p.refusal(
                    p.FORBIDDEN,
                    "Only an administrator of this computer, or the guardian with the PIN, "
                    "may see every account's protection.",
                )
            refused = self._check_pin(_text(request, "pin", MAX_SECRET_CHARS))
            if refused is not None:
                return refused
        return p.reply(**self.health())

    def health(self) -> Reply:
        """Every protected account's health (``status``, and the guardian's console)."""
        return machine_health(
            self._stores,
            self._watch,
            started_at=self._started_at,
            watch_started=self._watch_handed_over,
            sessions=self._sessions,
        )

    def _guardian_action(
        self, request: dict[str, Any], act: Callable[[str, GuardianProof], object]
    ) -> Reply:
        pin, entry_id = _text(request, "pin", MAX_SECRET_CHARS), _text(request, "id", MAX_ID_CHARS)
        refused = self._check_pin(pin)
        if refused is not None:
            return refused
        proof = self._actions.prove_administrator()  # the PIN was checked just above, once
        try:
            act(entry_id, proof)
        except ACTION_ERRORS as exc:
            return p.refusal(error_code(exc) or p.INTERNAL, str(exc))
        finally:
            self._actions.forget(proof)
        return p.reply(done=True)

    # --- the guardian's PIN ---------------------------------------------------------------

    def _check_pin(self, pin: str) -> Reply | None:
        """None when the PIN is right; else the refusal (wrong with tries left, wait, none)."""
        guardian = self._stores.pin
        with self._pin_lock:
            try:
                if guardian.verify(pin):
                    return None
            except TryAgainLater as exc:
                return p.refusal(p.WAIT, str(exc), seconds=math.ceil(exc.seconds))
            except PinUnavailable as exc:
                return p.refusal(p.NO_PIN, str(exc), status=exc.status)
            left = guardian.tries_left()
        return p.refusal(p.WRONG_PIN, "That PIN is not right.", tries_left=left)


def _is_admin(peer: Peer) -> bool:
    """Root, or a member of an administrators' group (the account database, not the message)."""
    return is_account_administrator(peer.uid, peer.name, peer.gid)


def _text(request: dict[str, Any], name: str, limit: int) -> str:
    value = request.get(name)
    if not isinstance(value, str) or not value or len(value) > limit:
        raise BadArguments(f"'{name}' must be text of 1 to {limit} characters.")
    return value


def _sha256(request: dict[str, Any]) -> str:
    value = request.get("sha256")
    if not isinstance(value, str) or not _SHA256.fullmatch(value):
        raise BadArguments("'sha256' must be a SHA-256 digest in hex.")
    return value.lower()


def _choice(request: dict[str, Any], name: str, kind: type[E]) -> E:
    value = request.get(name)
    if not isinstance(value, str) or value not in {member.value for member in kind}:
        raise BadArguments(f"'{name}' must be one of: {', '.join(kind)}.")
    return kind(value)
