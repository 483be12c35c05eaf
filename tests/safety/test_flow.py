"""The intervention flow's rules, without Qt: every path, for every age band."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator

import pytest

from desktop_app.policy.settings import AgeBand
from desktop_app.safety.flow import (
    SAFE_ENDS,
    Action,
    FlowContext,
    InvalidActionError,
    Outcome,
    Screen,
    SendingFlow,
    ViewingFlow,
)

DEFAULT_VIEW = {
    AgeBand.UNDER13: "guardian_approval",
    AgeBand.TEEN: "two_screens",
    AgeBand.ADULT: "one_screen",
}
DEFAULT_SEND = {AgeBand.UNDER13: "blocked", AgeBand.TEEN: "confirm", AgeBand.ADULT: "allowed"}


def context(band: AgeBand, **changes: object) -> FlowContext:
    values: dict[str, object] = {
        "band": band,
        "view_policy": DEFAULT_VIEW[band],
        "send_policy": DEFAULT_SEND[band],
    }
    values.update(changes)
    return FlowContext(**values)  # type: ignore[arg-type]


def walk(flow: ViewingFlow, *actions: Action) -> Screen:
    for action in actions:
        flow.apply(action)
    return flow.screen


def all_paths(ctx: FlowContext, depth: int = 9) -> Iterator[tuple[list[Action], ViewingFlow]]:
    """Every sequence of offered buttons up to ``depth`` clicks (breadth first)."""
    queue: deque[list[Action]] = deque([[]])
    while queue:
        path = queue.popleft()
        flow = ViewingFlow(ctx)
        for action in path:
            flow.apply(action)
        yield path, flow
        if len(path) < depth:
            queue.extend([*path, action] for action in flow.actions())


# -- viewing ---------------------------------------------------------------------------------


def test_adult_sees_one_screen() -> None:
    flow = ViewingFlow(context(AgeBand.ADULT))
    assert flow.screen is Screen.BLURRED
    assert walk(flow, Action.VIEW) is Screen.CONTENT
    assert flow.outcomes == [Outcome.VIEWED_AFTER_WARNING]


def test_teen_sees_why_then_are_you_sure() -> None:
    flow = ViewingFlow(context(AgeBand.TEEN))
    assert walk(flow, Action.VIEW) is Screen.WHY
    assert walk(flow, Action.CONTINUE) is Screen.ARE_YOU_SURE
    assert flow.actions()[0] is Action.DONT_VIEW  # not viewing is the default button
    assert walk(flow, Action.VIEW) is Screen.CONTENT


def test_under_13_needs_the_guardian_after_the_screens() -> None:
    flow = ViewingFlow(context(AgeBand.UNDER13))
    assert walk(flow, Action.VIEW, Action.CONTINUE, Action.VIEW) is Screen.GUARDIAN_APPROVAL
    assert walk(flow, Action.APPROVED) is Screen.CONTENT


def test_under_13_with_a_policy_that_says_otherwise_still_needs_the_guardian() -> None:
    flow = ViewingFlow(context(AgeBand.UNDER13, view_policy="one_screen"))
    assert walk(flow, Action.VIEW, Action.CONTINUE, Action.VIEW) is Screen.GUARDIAN_APPROVAL


def test_a_stricter_teen_policy_asks_for_the_guardian() -> None:
    flow = ViewingFlow(context(AgeBand.TEEN, view_policy="guardian_approval"))
    assert walk(flow, Action.VIEW, Action.CONTINUE, Action.VIEW) is Screen.GUARDIAN_APPROVAL


@pytest.mark.parametrize("band", list(AgeBand))
def test_every_path_to_the_content_follows_the_rules(band: AgeBand) -> None:
    reached = 0
    for path, flow in all_paths(context(band)):
        if not flow.revealed:
            continue
        reached += 1
        if band is AgeBand.UNDER13:
            assert Action.APPROVED in path, path
        if band is AgeBand.TEEN:
            assert path.index(Action.CONTINUE) < len(path) - 1, path  # why, then are-you-sure
    assert reached > 0


def test_under_13_never_reaches_the_content_without_the_pin() -> None:
    for path, flow in all_paths(context(AgeBand.UNDER13), depth=10):
        if Action.APPROVED not in path:
            assert not flow.revealed, path


def test_a_remembered_approval_opens_directly() -> None:
    flow = ViewingFlow(context(AgeBand.UNDER13, remembered_approval=True))
    assert flow.screen is Screen.CONTENT
    assert walk(flow, Action.HIDE_AGAIN) is Screen.BLURRED
    assert walk(flow, Action.VIEW) is Screen.CONTENT  # still approved for these bytes


@pytest.mark.parametrize("band", list(AgeBand))
def test_closing_or_esc_anywhere_lands_on_the_safe_side(band: AgeBand) -> None:
    for ctx in (
        context(band),
        context(band, could_not_check=True),
        context(band, recent_encounters=5),
    ):
        for _path, flow in all_paths(ctx, depth=6):
            if Action.CLOSE in flow.actions():
                flow.apply(Action.CLOSE)
                assert flow.screen in SAFE_ENDS and not flow.revealed


def test_could_not_check_has_its_own_path() -> None:
    flow = ViewingFlow(context(AgeBand.UNDER13, could_not_check=True))
    assert flow.screen is Screen.COULD_NOT_CHECK
    assert Action.VIEW not in flow.actions()  # only a guardian can open it
    assert walk(flow, Action.ASK_GUARDIAN) is Screen.GUARDIAN_APPROVAL
    assert walk(flow, Action.DONT_VIEW) is Screen.CLOSED


def test_help_and_trusted_adult_come_back_to_where_they_were_opened() -> None:
    flow = ViewingFlow(context(AgeBand.TEEN))
    walk(flow, Action.WHY)
    assert walk(flow, Action.GET_HELP) is Screen.HELP
    assert walk(flow, Action.MESSAGE_ADULT) is Screen.TRUSTED_ADULT
    assert walk(flow, Action.BACK) is Screen.WHY
    assert flow.outcomes.count(Outcome.HELP_OPENED) == 2


def test_repeated_encounters_add_a_help_screen_for_teens_and_tell_the_guardian() -> None:
    flow = ViewingFlow(context(AgeBand.TEEN, recent_encounters=3))
    assert flow.outcomes == [Outcome.GUARDIAN_NOTICE]
    assert walk(flow, Action.VIEW, Action.CONTINUE) is Screen.EXTRA_HELP
    assert walk(flow, Action.CONTINUE, Action.VIEW) is Screen.CONTENT


def test_repeated_encounters_without_notices_tell_nobody() -> None:
    flow = ViewingFlow(context(AgeBand.TEEN, recent_encounters=9, guardian_notices=False))
    assert flow.outcomes == []


def test_adults_are_never_escalated() -> None:
    flow = ViewingFlow(context(AgeBand.ADULT, recent_encounters=50))
    assert flow.outcomes == [] and walk(flow, Action.VIEW) is Screen.CONTENT


def test_a_button_that_is_not_there_is_refused() -> None:
    flow = ViewingFlow(context(AgeBand.UNDER13))
    with pytest.raises(InvalidActionError):
        flow.apply(Action.APPROVED)  # the PIN screen has not been reached
    assert flow.screen is Screen.BLURRED


# -- sending ---------------------------------------------------------------------------------


def test_under_13_can_never_send() -> None:
    for policy in ("blocked", "confirm", "allowed"):
        flow = SendingFlow(context(AgeBand.UNDER13, send_policy=policy))
        assert flow.screen is Screen.SEND_BLOCKED
        assert Action.SEND_ANYWAY not in flow.actions()
        flow.apply(Action.MESSAGE_ADULT)
        flow.apply(Action.BACK)
        assert flow.apply(Action.CLOSE) is Screen.HELD and not flow.released


def test_teen_is_asked_and_not_sending_is_the_default() -> None:
    flow = SendingFlow(context(AgeBand.TEEN))
    assert flow.screen is Screen.SEND_CONFIRM
    assert flow.actions()[0] is Action.DONT_SEND
    assert flow.apply(Action.SEND_ANYWAY) is Screen.SENT
    assert flow.outcomes == [Outcome.SENT_AFTER_WARNING]


def test_closing_the_send_question_holds_the_file() -> None:
    flow = SendingFlow(context(AgeBand.TEEN))
    assert flow.apply(Action.CLOSE) is Screen.HELD and not flow.released


def test_adults_send_without_a_prompt() -> None:
    assert SendingFlow(context(AgeBand.ADULT)).released
