"""The guardian's console and setup wizard over the service: a PIN opens a session token.

``guardian_open`` checks the PIN (throttled like every PIN check) and answers a random
token bound to the asking account's kernel uid; every other guardian op takes it, and a
token from another uid, closed, or idle for ``IDLE_S`` is refused (``session_ended``).
What the guardian changes goes through ``GuardianActions`` over the service's own stores.

Residual risk, said plainly: while a console runs in a child's session (the guardian
beside them), the token is in a process of the child's account, which that account could
read (a debugger, /proc) and use until the console closes or it is idle for 10 minutes.
The PIN itself is never kept by the console. The guardian who wants none of this opens
the console from their own account.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable
from typing import Any, Protocol

from desktop_app.core.vocabulary import EventKind
from desktop_app.policy import settings
from desktop_app.policy.editor import SettingLocked
from desktop_app.policy.guardian import MAX_SECRET_CHARS, PinUnavailable, TryAgainLater, WrongPin

from . import guardian_args as args
from . import guardian_wire as wire
from . import protocol as p
from .action_errors import ACTION_ERRORS, NotProven, error_code
from .actions import GuardianActions, GuardianProof
from .guardian_sessions import IDLE_S, GuardianSessions
from .stores import ServiceStores

PAGE_BYTES = 48 * 1024  # a page of a list stays well inside the 64 KiB message
MAX_OFFSET = 1_000_000
ACTIVITY_DAYS = 14
SERVICE_PIN_STORE = (
    "The PIN's hash is kept by the SafeLens service, in a folder only it can read; "
    "wrong PINs from any account are slowed down by the service."
)
Reply = dict[str, Any]


class AskingAccount(Protocol):
    """Who asks, as the service's handlers decided from the kernel."""

    @property
    def uid(self) -> int: ...

    @property
    def is_admin(self) -> bool: ...


Op = Callable[[AskingAccount, dict[str, Any]], Reply]
Act = Callable[[GuardianActions, GuardianProof, dict[str, Any]], Reply]


class GuardianOps:
    """The guardian's ops, for ServiceHandlers' table (see docs/service-protocol.md)."""

    def __init__(
        self,
        stores: ServiceStores,
        check_pin: Callable[[str], Reply | None],
        health: Callable[[], Reply],
        pin_lock: threading.Lock,
        sessions: GuardianSessions | None = None,
    ) -> None:
        self._stores, self._check_pin, self._health = stores, check_pin, health
        self._pin_lock = pin_lock
        self._setup_lock = threading.Lock()
        self.sessions = sessions or GuardianSessions()

    def ops(self) -> dict[str, Op]:
        guarded: dict[str, Act] = {
            "guardian_snapshot": self._snapshot,
            "guardian_list": self._list,
            "guardian_activity": self._activity,
            "guardian_status": lambda a, proof, r: p.reply(**self._health()),
            "guardian_change_setting": self._change_setting,
            "guardian_reset_setting": _reset_setting,
            "guardian_add_profile": self._add_profile,
            "guardian_remove_profile": _remove_profile,
            "guardian_reviewed": _reviewed,
            "guardian_change_pin": self._change_pin,
            "guardian_approve": _approve,
            "guardian_revoke": _revoke,
            "guardian_restore": self._restore,
            "guardian_delete": _delete,
        }
        table: dict[str, Op] = {name: self._in_session(act) for name, act in guarded.items()}
        table.update(
            pin_state=self._plain(self._pin_state),
            guardian_open=self._plain(self._open),
            guardian_close=self._plain(self._close),
            setup=self._plain(self._setup),
        )
        return table

    # --- without a session ----------------------------------------------------------------

    def _pin_state(self, account: AskingAccount, request: dict[str, Any]) -> Reply:
        """Anyone may ask whether a PIN is set and how long until the next try (no secret)."""
        pin = self._stores.pin
        return p.reply(
            status=pin.status(),
            wait_seconds=math.ceil(pin.delay_remaining()),
            tries_left=pin.tries_left(),
        )

    def _open(self, account: AskingAccount, request: dict[str, Any]) -> Reply:
        refused = self._check_pin(args.text(request, "pin", MAX_SECRET_CHARS))
        if refused is not None:
            if refused.get("error") == p.WRONG_PIN:
                refused["seconds"] = math.ceil(self._stores.pin.delay_remaining())
            return refused
        return p.reply(token=self.sessions.open(account.uid), idle_seconds=int(IDLE_S))

    def _close(self, account: AskingAccount, request: dict[str, Any]) -> Reply:
        return p.reply(closed=self.sessions.close(args.text(request, "token", 128), account.uid))

    def _setup(self, account: AskingAccount, request: dict[str, Any]) -> Reply:
        """The first run, for an administrator only, and only while no PIN exists."""
        if not account.is_admin:
            return p.refusal(
                wire.NOT_ADMINISTRATOR,
                "Only an administrator of this computer can set SafeLens up.",
            )
        plan = args.setup_plan(request)
        with self._setup_lock, self._pin_lock:
            actions = self._stores.actions()
            try:
                proof = actions.prove_before_setup()
            except (NotProven, PinUnavailable):
                return p.refusal(
                    wire.ALREADY_SET_UP,
                    "SafeLens is already set up on this computer: open the guardian console "
                    "with the PIN instead.",
                )
            try:
                actions.set_up(plan, proof)
            finally:
                actions.forget(proof)
        return p.reply(done=True)

    # --- in a session ---------------------------------------------------------------------

    def _snapshot(self, actions: GuardianActions, proof: GuardianProof, r: dict[str, Any]) -> Reply:
        editor = actions.settings
        values = {key: wire.value_to_wire(editor.policy.values[key]) for key in settings.BY_KEY}
        return p.reply(
            settings=values,
            profiles=[wire.profile_to_wire(row) for row in editor.profiles()],
            problems=editor.problems,
            reviewable=editor.reviewable_problems,
            set_up=editor.set_up,
            pin_status=actions.pin.status(),
            pin_store=SERVICE_PIN_STORE,
            approvals_problem=actions.approvals.problem,
        )

    def _list(self, actions: GuardianActions, proof: GuardianProof, r: dict[str, Any]) -> Reply:
        """One page of the quarantine (newest first) or the approvals, from ``offset``."""
        what = r.get("what")
        offset = r.get("offset", 0)
        if type(offset) is not int or not 0 <= offset <= MAX_OFFSET:
            raise args.BadGuardianArguments(f"'offset' must be a whole number up to {MAX_OFFSET}.")
        if what == "quarantine":
            items = [e.to_json() for e in reversed(actions.entries())]
        elif what == "approvals":
            items = [wire.approval_to_wire(a) for a in actions.approvals.entries()]
        else:
            raise args.BadGuardianArguments("'what' must be 'quarantine' or 'approvals'.")
        page: list[dict[str, Any]] = []
        size = 0
        for item in items[offset:]:
            size += len(p.encode(item))
            if page and size > PAGE_BYTES:
                break
            page.append(item)
        end = offset + len(page)
        return p.reply(items=page, total=len(items), next=end if end < len(items) else None)

    def _activity(self, actions: GuardianActions, proof: GuardianProof, r: dict[str, Any]) -> Reply:
        who = r.get("profile_id")
        if who is not None:
            who = args.text(r, "profile_id", args.MAX_NAME_CHARS)
        kind = r.get("kind", EventKind.sensitive.value)
        if not isinstance(kind, str) or kind not in {k.value for k in EventKind}:
            raise args.BadGuardianArguments(f"'kind' must be one of: {', '.join(EventKind)}.")
        events = self._stores.events
        days = events.summary_by_day(who, ACTIVITY_DAYS, EventKind(kind))
        return p.reply(days=[wire.day_to_wire(day) for day in days], problem=events.problem)

    def _change_setting(
        self, actions: GuardianActions, proof: GuardianProof, r: dict[str, Any]
    ) -> Reply:
        if "value" not in r:
            raise args.BadGuardianArguments("'value' is missing.")
        actions.change_setting(
            args.setting_key(r), r["value"], proof
        )  # checked against the declaration
        return p.reply()

    def _add_profile(
        self, actions: GuardianActions, proof: GuardianProof, r: dict[str, Any]
    ) -> Reply:
        year = r.get("birth_year")
        if year is not None and type(year) is not int:
            raise args.BadGuardianArguments("'birth_year' must be a year or null.")
        name = args.text(r, "name", args.MAX_NAME_CHARS)
        profile = actions.add_profile(
            name, args.text(r, "os_user", args.MAX_NAME_CHARS), year, proof
        )
        return p.reply(profile_id=profile.id)

    def _change_pin(
        self, actions: GuardianActions, proof: GuardianProof, r: dict[str, Any]
    ) -> Reply:
        current = args.text(r, "current", MAX_SECRET_CHARS)
        new = args.text(r, "new", MAX_SECRET_CHARS)
        repeated = args.text(r, "repeated", MAX_SECRET_CHARS) if "repeated" in r else None
        with self._pin_lock:  # the old PIN is a try like any other: one at a time
            actions.change_pin(current, new, repeated)
        return p.reply()

    def _restore(self, actions: GuardianActions, proof: GuardianProof, r: dict[str, Any]) -> Reply:
        """Back where it came from, approved for its child; never into a folder a session names."""
        if "to" in r:
            return p.refusal(wire.RESTORE_TO_REFUSED, wire.RESTORE_TO_MESSAGE)
        placed = actions.restore(args.text(r, "id", args.MAX_NAME_CHARS), proof)
        return p.reply(placed=str(placed))

    # --- wrappers -------------------------------------------------------------------------

    def _in_session(self, act: Act) -> Op:
        def op(account: AskingAccount, request: dict[str, Any]) -> Reply:
            token = request.get("token")
            if not isinstance(token, str) or not self.sessions.use(token, account.uid):
                return p.refusal(
                    wire.SESSION_ENDED,
                    "The guardian's session has ended (closed, or unused for 10 minutes). "
                    "Enter the PIN again.",
                )
            actions = self._stores.actions()  # fresh: the settings and policy as they are now
            proof = actions.prove_administrator()  # the session's PIN was checked on opening
            try:
                return act(actions, proof, request)
            finally:
                actions.forget(proof)

        return self._plain(op)

    def _plain(self, op: Op) -> Op:
        def answered(account: AskingAccount, request: dict[str, Any]) -> Reply:
            try:
                return _fitting(op(account, request))
            except args.BadGuardianArguments as exc:
                return p.refusal(p.BAD_ARGUMENTS, str(exc))
            except ACTION_ERRORS as exc:
                return self._refusal(exc)

        return answered

    def _refusal(self, exc: Exception) -> Reply:
        details: dict[str, Any] = {}
        if isinstance(exc, TryAgainLater):
            details["seconds"] = math.ceil(exc.seconds)
        elif isinstance(exc, PinUnavailable):
            details["status"] = exc.status
        elif isinstance(exc, SettingLocked):
            details.update(key=exc.key, origin=exc.origin)
        elif isinstance(exc, WrongPin):
            details["tries_left"] = self._stores.pin.tries_left()
        return p.refusal(error_code(exc) or p.INTERNAL, str(exc), **details)


def _reset_setting(actions: GuardianActions, proof: GuardianProof, r: dict[str, Any]) -> Reply:
    actions.reset_setting(args.setting_key(r), proof)
    return p.reply()


def _remove_profile(actions: GuardianActions, proof: GuardianProof, r: dict[str, Any]) -> Reply:
    actions.remove_profile(args.text(r, "profile_id", args.MAX_NAME_CHARS), proof)
    return p.reply()


def _reviewed(actions: GuardianActions, proof: GuardianProof, r: dict[str, Any]) -> Reply:
    actions.confirm_reviewed(proof)
    return p.reply()


def _approve(actions: GuardianActions, proof: GuardianProof, r: dict[str, Any]) -> Reply:
    actions.approve(args.sha256(r), args.text(r, "profile_id", args.MAX_NAME_CHARS), proof)
    return p.reply()


def _revoke(actions: GuardianActions, proof: GuardianProof, r: dict[str, Any]) -> Reply:
    actions.revoke(args.sha256(r), args.text(r, "profile_id", args.MAX_NAME_CHARS), proof)
    return p.reply()


def _delete(actions: GuardianActions, proof: GuardianProof, r: dict[str, Any]) -> Reply:
    actions.delete(args.text(r, "id", args.MAX_NAME_CHARS), proof)
    return p.reply()


def _fitting(reply: Reply) -> Reply:
    """A reply too large for one message is refused, never sent half or not at all."""
    try:
        p.encode(reply)
    except p.ProtocolError:
        return p.refusal(p.TOO_LARGE, "The answer is too large for one message.")
    return reply
