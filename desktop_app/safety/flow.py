"""The intervention flow as pure logic: which screen a person sees, and what each button does.

No widgets here: the screens in ``ui/intervention`` only show ``flow.screen`` and call
``flow.apply(action)``. The rules come from the age band, the view/send policy and the
escalation history, and they hold whatever the order of clicks: closing a window or
pressing Esc always lands on the safe side, and a child under 13 never sees the
content without the guardian's PIN or a remembered approval for that exact content.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from desktop_app.policy.settings import AgeBand


class Screen(enum.StrEnum):
    BLURRED = "blurred"  # 1 "This may be sensitive"
    WHY = "why"  # 2 what nudity is, "it's not your fault"
    HELP = "help"  # ways to get help (the region's resources)
    TRUSTED_ADULT = "trusted_adult"  # a prepared message, never with the content
    EXTRA_HELP = "extra_help"  # repeated encounters: one more supportive screen
    ARE_YOU_SURE = "are_you_sure"  # 3 "You don't have to view this"
    GUARDIAN_APPROVAL = "guardian_approval"  # 4 the guardian enters the PIN on this device
    COULD_NOT_CHECK = "could_not_check"  # hidden because it could not be checked
    CONTENT = "content"  # the real content is shown
    CLOSED = "closed"  # the safe side: nothing shown
    SEND_CONFIRM = "send_confirm"  # "Are you sure you want to send this?"
    SEND_BLOCKED = "send_blocked"  # under 13: sending is blocked, help is offered
    SENT = "sent"
    HELD = "held"  # the safe side of sending: nothing leaves


class Action(enum.StrEnum):
    NOT_NOW = "not_now"
    WHY = "why"
    VIEW = "view"
    CONTINUE = "continue"
    GET_HELP = "get_help"
    MESSAGE_ADULT = "message_adult"
    BACK = "back"
    DONT_VIEW = "dont_view"
    APPROVED = "approved"  # the guardian's PIN was verified (by the UI, off the GUI thread)
    ASK_GUARDIAN = "ask_guardian"
    HIDE_AGAIN = "hide_again"
    DONT_SEND = "dont_send"
    SEND_ANYWAY = "send_anyway"
    CLOSE = "close"  # Esc or closing the window, from anywhere


class Outcome(enum.StrEnum):
    """What happened, for the event counts (never the content)."""

    VIEWED_AFTER_WARNING = "viewed_after_warning"
    HELP_OPENED = "help_opened"
    GUARDIAN_NOTICE = "guardian_notice"
    SENT_AFTER_WARNING = "sent_after_warning"


SAFE_ENDS = frozenset({Screen.CLOSED, Screen.HELD})


@dataclass(frozen=True)
class FlowRules:
    """What the age band and the policy say for one person, and how often they met
    something sensitive lately. safety.rules.ViewerRules adds who and where they are."""

    band: AgeBand
    view_policy: str  # guardian_approval | two_screens | one_screen (settings.VIEW)
    send_policy: str = "confirm"  # blocked | confirm | allowed (settings.SEND)
    recent_encounters: int = 0  # sensitive encounters in the escalation window
    escalation_threshold: int = 3
    guardian_notices: bool = True

    @property
    def escalated(self) -> bool:
        return self.band.is_child and self.recent_encounters >= self.escalation_threshold


@dataclass(frozen=True)
class FlowContext(FlowRules):
    """Everything the rules depend on for one piece of content and one person."""

    remembered_approval: bool = False  # a guardian approved these exact bytes before
    could_not_check: bool = False


class InvalidActionError(ValueError):
    """The action is not offered on the current screen (a UI bug, never a child's fault)."""


@dataclass
class ViewingFlow:
    """Receiving or opening something sensitive (or something that could not be checked)."""

    context: FlowContext
    screen: Screen = field(init=False)
    outcomes: list[Outcome] = field(default_factory=list, init=False)
    _approved: bool = field(default=False, init=False)
    _return_to: Screen = field(default=Screen.BLURRED, init=False)

    def __post_init__(self) -> None:
        ctx = self.context
        if ctx.escalated and ctx.guardian_notices:
            self.outcomes.append(Outcome.GUARDIAN_NOTICE)
        if ctx.could_not_check:
            self.screen = Screen.COULD_NOT_CHECK
        elif ctx.remembered_approval:
            self._approved = True  # the guardian already said yes to these exact bytes
            self.screen = Screen.CONTENT
        else:
            self.screen = Screen.BLURRED

    @property
    def revealed(self) -> bool:
        return self.screen is Screen.CONTENT

    def actions(self) -> tuple[Action, ...]:
        """The buttons on the current screen, the safe one first (it is the default)."""
        return {
            Screen.BLURRED: (Action.NOT_NOW, Action.WHY, Action.VIEW, Action.CLOSE),
            Screen.WHY: (
                Action.BACK,
                Action.GET_HELP,
                Action.MESSAGE_ADULT,
                Action.CONTINUE,
                Action.CLOSE,
            ),
            Screen.HELP: (Action.BACK, Action.MESSAGE_ADULT, Action.CLOSE),
            Screen.TRUSTED_ADULT: (Action.BACK, Action.CLOSE),
            Screen.EXTRA_HELP: (
                Action.DONT_VIEW,
                Action.GET_HELP,
                Action.MESSAGE_ADULT,
                Action.CONTINUE,
                Action.CLOSE,
            ),
            Screen.ARE_YOU_SURE: (Action.DONT_VIEW, Action.VIEW, Action.CLOSE),
            Screen.GUARDIAN_APPROVAL: (Action.DONT_VIEW, Action.APPROVED, Action.CLOSE),
            Screen.COULD_NOT_CHECK: (
                Action.NOT_NOW,
                Action.ASK_GUARDIAN,
                Action.GET_HELP,
                Action.CLOSE,
            ),
            Screen.CONTENT: (Action.HIDE_AGAIN, Action.CLOSE),
            Screen.CLOSED: (),
        }[self.screen]

    def apply(self, action: Action) -> Screen:
        """Move to the next screen; raises InvalidActionError for a button that is not there."""
        if action not in self.actions():
            raise InvalidActionError(f"{action.value} is not offered on {self.screen.value}")
        self.screen = self._next(action)
        return self.screen

    def _next(self, action: Action) -> Screen:
        here = self.screen
        if action in (Action.CLOSE, Action.NOT_NOW, Action.DONT_VIEW):
            return Screen.CLOSED
        if action is Action.HIDE_AGAIN:
            return Screen.BLURRED
        if action is Action.BACK:
            return self._return_to
        if action in (Action.GET_HELP, Action.MESSAGE_ADULT):
            self.outcomes.append(Outcome.HELP_OPENED)
            if here is not Screen.HELP:
                self._return_to = here
            return Screen.HELP if action is Action.GET_HELP else Screen.TRUSTED_ADULT
        if action is Action.WHY:
            self._return_to = Screen.BLURRED
            return Screen.WHY
        if action is Action.ASK_GUARDIAN:
            return Screen.GUARDIAN_APPROVAL
        if action is Action.APPROVED:
            self._approved = True
            return self._reveal()
        if action is Action.VIEW and here is Screen.BLURRED:
            return self._after_first_screen()
        if action is Action.CONTINUE and here is Screen.WHY:
            return Screen.EXTRA_HELP if self.context.escalated else Screen.ARE_YOU_SURE
        if action is Action.CONTINUE and here is Screen.EXTRA_HELP:
            return Screen.ARE_YOU_SURE
        if action is Action.VIEW and here is Screen.ARE_YOU_SURE:
            return self._needs_guardian_or_reveal()
        raise InvalidActionError(
            f"{action.value} on {here.value}"
        )  # pragma: no cover - table above

    def _after_first_screen(self) -> Screen:
        if self._approved:
            return self._reveal()
        if self._policy() == "one_screen" and not self.context.escalated:
            return self._reveal()
        self._return_to = Screen.BLURRED
        return Screen.WHY

    def _needs_guardian_or_reveal(self) -> Screen:
        if self._policy() == "guardian_approval" and not self._approved:
            return Screen.GUARDIAN_APPROVAL
        return self._reveal()

    def _policy(self) -> str:
        """Under 13 always needs the guardian, whatever a policy file says."""
        if self.context.band is AgeBand.UNDER13:
            return "guardian_approval"
        return self.context.view_policy

    def _reveal(self) -> Screen:
        if not self._approved and self._policy() == "guardian_approval":
            return Screen.GUARDIAN_APPROVAL
        self.outcomes.append(Outcome.VIEWED_AFTER_WARNING)
        return Screen.CONTENT


@dataclass
class SendingFlow:
    """Sending or sharing something sensitive from this computer."""

    context: FlowContext
    screen: Screen = field(init=False)
    outcomes: list[Outcome] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        policy = self._policy()
        if policy == "allowed":
            self.screen = Screen.SENT
        elif policy == "blocked":
            self.screen = Screen.SEND_BLOCKED
        else:
            self.screen = Screen.SEND_CONFIRM

    def _policy(self) -> str:
        if self.context.band is AgeBand.UNDER13:
            return "blocked"  # never allowed under 13, whatever a policy file says
        return self.context.send_policy

    @property
    def released(self) -> bool:
        return self.screen is Screen.SENT

    def actions(self) -> tuple[Action, ...]:
        return {
            Screen.SEND_CONFIRM: (
                Action.DONT_SEND,
                Action.MESSAGE_ADULT,
                Action.SEND_ANYWAY,
                Action.CLOSE,
            ),
            Screen.SEND_BLOCKED: (
                Action.DONT_SEND,
                Action.MESSAGE_ADULT,
                Action.GET_HELP,
                Action.CLOSE,
            ),
            Screen.TRUSTED_ADULT: (Action.BACK, Action.CLOSE),
            Screen.HELP: (Action.BACK, Action.CLOSE),
            Screen.SENT: (),
            Screen.HELD: (),
        }[self.screen]

    def apply(self, action: Action) -> Screen:
        if action not in self.actions():
            raise InvalidActionError(f"{action.value} is not offered on {self.screen.value}")
        if action in (Action.CLOSE, Action.DONT_SEND):
            self.screen = Screen.HELD
        elif action is Action.BACK:
            self.screen = (
                Screen.SEND_BLOCKED if self._policy() == "blocked" else Screen.SEND_CONFIRM
            )
        elif action in (Action.MESSAGE_ADULT, Action.GET_HELP):
            self.outcomes.append(Outcome.HELP_OPENED)
            self.screen = Screen.TRUSTED_ADULT if action is Action.MESSAGE_ADULT else Screen.HELP
        elif action is Action.SEND_ANYWAY:
            self.outcomes.append(Outcome.SENT_AFTER_WARNING)
            self.screen = Screen.SENT
        return self.screen
