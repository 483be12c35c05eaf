"""What a child may do with a verdict, without Qt: per band, policy and approval, the
rules read from the effective policy, and what is counted."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.analysis.verdict import Analysis, Kind, Status
from desktop_app.core.hashing import content_sha256
from desktop_app.core.vocabulary import EventKind, Surface
from desktop_app.policy.approvals import Approvals
from desktop_app.policy.editor import GuardianSettings
from desktop_app.policy.managed import ManagedPolicy
from desktop_app.policy.profiles import OsUser
from desktop_app.policy.settings import AgeBand
from desktop_app.policy.store import SettingsStore
from desktop_app.safety.events import EventCounts
from desktop_app.safety.flow import (
    Action,
    FlowContext,
    FlowRules,
    Outcome,
    Screen,
    SendingFlow,
    ViewingFlow,
)
from desktop_app.safety.rules import (
    STRICTEST,
    Guard,
    ViewerRules,
    count_for,
    found_kind,
    nothing_to_show,
    rules_from_policy,
)

SENSITIVE = Analysis(kind=Kind.IMAGE, status=Status.OK, is_sensitive=True, frames_checked=1)
UNREADABLE = Analysis(kind=Kind.IMAGE, status=Status.UNREADABLE)
CLEARED = Analysis(kind=Kind.IMAGE, status=Status.OK, frames_checked=1)
DOCUMENT = Analysis(kind=Kind.OTHER, status=Status.OK, frames_checked=0)
SKIPPED = Analysis(kind=Kind.IMAGE, status=Status.SKIPPED)
VIEW_POLICIES = ("guardian_approval", "two_screens", "one_screen")
SEND_POLICIES = ("blocked", "confirm", "allowed")


def names(cls: type) -> list[str]:
    return [item.name for item in dataclasses.fields(cls)]


def reachable(context: FlowContext, depth: int = 9) -> Iterator[ViewingFlow]:
    """Every flow state a person reaches by buttons (breadth first), the guardian's PIN
    left out."""
    paths: list[list[Action]] = [[]]
    while paths:
        path = paths.pop(0)
        flow = ViewingFlow(context)
        for action in path:
            flow.apply(action)
        yield flow
        if len(path) < depth:
            paths.extend([*path, a] for a in flow.actions() if a is not Action.APPROVED)


# -- one declaration of the shared rules ----------------------------------------------------


def test_the_rules_and_the_flow_context_share_one_declaration() -> None:
    shared = names(FlowRules)
    assert names(FlowContext)[: len(shared)] == shared
    assert names(ViewerRules)[: len(shared)] == shared
    assert set(names(FlowContext)) - set(shared) == {"remembered_approval", "could_not_check"}
    assert set(names(ViewerRules)) - set(shared) == {"profile_id", "region", "trusted_adults"}


def test_the_flow_context_carries_every_rule_of_the_person() -> None:
    rules = ViewerRules(
        AgeBand.TEEN,
        "one_screen",
        send_policy="blocked",
        recent_encounters=4,
        escalation_threshold=2,
        guardian_notices=False,
        profile_id="p-leo",
        region="GB",
    )
    context = rules.viewing(UNREADABLE, approved=True)
    for name in names(FlowRules):
        assert getattr(context, name) == getattr(rules, name), name
    assert context.could_not_check and context.remembered_approval and context.escalated
    sending = rules.context()
    assert not sending.could_not_check and not sending.remembered_approval
    assert rules.viewing(SENSITIVE, approved=False) == rules.context()


# -- what a child may do, per band, policy and approval -----------------------------------


@pytest.mark.parametrize("policy", VIEW_POLICIES)
@pytest.mark.parametrize("recent", [0, 5])
def test_under_13_never_sees_it_without_the_guardian(policy: str, recent: int) -> None:
    rules = ViewerRules(AgeBand.UNDER13, policy, recent_encounters=recent)
    for verdict in (SENSITIVE, UNREADABLE):
        screens = {flow.screen for flow in reachable(rules.viewing(verdict, approved=False))}
        assert Screen.CONTENT not in screens
        if verdict is SENSITIVE:
            assert Screen.GUARDIAN_APPROVAL in screens


def test_under_13_sees_what_the_guardian_approved_for_those_bytes() -> None:
    rules = ViewerRules(AgeBand.UNDER13, "guardian_approval")
    assert ViewingFlow(rules.viewing(SENSITIVE, approved=True)).screen is Screen.CONTENT
    # an approval never lets through something that could not be checked
    assert ViewingFlow(rules.viewing(UNREADABLE, approved=True)).screen is Screen.COULD_NOT_CHECK


@pytest.mark.parametrize(
    ("band", "policy", "steps"),
    [
        (AgeBand.TEEN, "two_screens", [Action.VIEW, Action.CONTINUE, Action.VIEW]),
        (AgeBand.TEEN, "one_screen", [Action.VIEW]),
        (AgeBand.ADULT, "one_screen", [Action.VIEW]),
        (AgeBand.ADULT, "two_screens", [Action.VIEW, Action.CONTINUE, Action.VIEW]),
    ],
)
def test_older_people_choose_after_the_screens_their_policy_asks_for(
    band: AgeBand, policy: str, steps: list[Action]
) -> None:
    flow = ViewingFlow(ViewerRules(band, policy).viewing(SENSITIVE, approved=False))
    for step in steps[:-1]:
        flow.apply(step)
        assert flow.screen is not Screen.CONTENT
    assert flow.apply(steps[-1]) is Screen.CONTENT
    assert Outcome.VIEWED_AFTER_WARNING in flow.outcomes


def test_a_teen_who_met_it_often_gets_the_extra_help_screen() -> None:
    rules = ViewerRules(AgeBand.TEEN, "two_screens", recent_encounters=3)
    flow = ViewingFlow(rules.viewing(SENSITIVE, approved=False))
    assert flow.outcomes == [Outcome.GUARDIAN_NOTICE]
    flow.apply(Action.VIEW)
    assert flow.apply(Action.CONTINUE) is Screen.EXTRA_HELP
    quiet = dataclasses.replace(rules, guardian_notices=False)
    assert ViewingFlow(quiet.viewing(SENSITIVE, approved=False)).outcomes == []


@pytest.mark.parametrize("policy", SEND_POLICIES)
def test_sending_follows_the_band_and_the_send_policy(policy: str) -> None:
    under13 = SendingFlow(ViewerRules(AgeBand.UNDER13, "guardian_approval", policy).context())
    assert under13.screen is Screen.SEND_BLOCKED  # whatever a policy file says
    teen = SendingFlow(ViewerRules(AgeBand.TEEN, "two_screens", policy).context())
    expected = {"blocked": Screen.SEND_BLOCKED, "confirm": Screen.SEND_CONFIRM}
    assert teen.screen is expected.get(policy, Screen.SENT)


@pytest.mark.parametrize("band", list(AgeBand))
def test_what_a_picker_hands_back_without_the_screens(band: AgeBand) -> None:
    rules = ViewerRules(band, "two_screens")
    assert rules.hands_back(CLEARED) and rules.hands_back(DOCUMENT) and rules.hands_back(SKIPPED)
    assert not rules.hands_back(SENSITIVE)
    # Children fail closed on what could not be checked; adults fail open.
    assert rules.hands_back(UNREADABLE) is (band is AgeBand.ADULT)


def test_nothing_to_show_is_a_document_or_switched_off_checking() -> None:
    assert nothing_to_show(DOCUMENT) and nothing_to_show(SKIPPED)
    assert not any(nothing_to_show(v) for v in (CLEARED, SENSITIVE, UNREADABLE))


def test_a_window_given_no_guard_gets_the_strictest_rules() -> None:
    assert STRICTEST.rules.band is AgeBand.UNDER13
    assert STRICTEST.rules.view_policy == "guardian_approval"
    assert STRICTEST.pin is None and not STRICTEST.counts and not STRICTEST.remembers


# -- what is counted ----------------------------------------------------------------------


def test_each_outcome_adds_its_own_count_and_sending_none_yet() -> None:
    assert count_for(Outcome.VIEWED_AFTER_WARNING) is EventKind.viewed_after_warning
    assert count_for(Outcome.HELP_OPENED) is EventKind.help_opened
    assert count_for(Outcome.GUARDIAN_NOTICE) is EventKind.guardian_notice
    assert count_for(Outcome.SENT_AFTER_WARNING) is None
    assert {count_for(o) for o in Outcome} <= {*EventKind, None}


def test_a_flow_starts_by_counting_what_was_found() -> None:
    rules = ViewerRules(AgeBand.TEEN, "two_screens")
    assert found_kind(rules.viewing(SENSITIVE, approved=False)) is EventKind.sensitive
    assert found_kind(rules.viewing(UNREADABLE, approved=False)) is EventKind.could_not_check


def test_the_guard_counts_only_for_a_profile_and_never_names_anything() -> None:
    with EventCounts() as events:
        Guard(ViewerRules(AgeBand.TEEN, "two_screens"), events=events).count(
            Surface.viewer, EventKind.help_opened
        )
        assert events.counts() == []  # no profile: nothing to count for
        guard = Guard(ViewerRules(AgeBand.TEEN, "two_screens", profile_id="p-leo"), events=events)
        assert guard.counts
        guard.count(Surface.file_picker, EventKind.sensitive)
        found = [(c.profile_id, c.surface, c.kind, c.count) for c in events.counts()]
        assert found == [("p-leo", Surface.file_picker, EventKind.sensitive, 1)]
    assert not Guard(ViewerRules(AgeBand.TEEN, "two_screens", profile_id="p-leo")).counts


def test_the_guard_remembers_approvals_by_the_bytes_for_one_child(tmp_path: Path) -> None:
    picture = tmp_path / "a.png"
    picture.write_bytes(b"some bytes")
    approvals = Approvals()
    maya = Guard(
        ViewerRules(AgeBand.UNDER13, "guardian_approval", profile_id="p-maya"), None, approvals
    )
    leo = Guard(ViewerRules(AgeBand.TEEN, "two_screens", profile_id="p-leo"), None, approvals)
    digest = content_sha256(picture)
    assert maya.approval_state(picture) == (digest, False)
    assert maya.remembers
    maya.remember(digest)
    assert maya.approval_state(picture) == (digest, True)
    assert leo.approval_state(picture) == (digest, False)  # another child: not approved
    copy = tmp_path / "renamed.png"
    copy.write_bytes(picture.read_bytes())
    assert maya.approval_state(copy) == (digest, True)
    assert maya.approval_state(tmp_path / "missing.png") == (None, False)
    nobody = Guard(ViewerRules(AgeBand.UNDER13, "guardian_approval"), None, approvals)
    assert nobody.approval_state(picture) == (None, False) and not nobody.remembers


# -- the rules from the effective policy ----------------------------------------------------


def child_settings(birth_year: int, **values: object) -> tuple[GuardianSettings, str]:
    parent = GuardianSettings(SettingsStore(), ManagedPolicy(), OsUser("parent", True))
    profile = parent.add_profile("Maya", "maya", birth_year)
    for key, value in values.items():
        parent.set_value(key.replace("__", "."), value)
    return GuardianSettings(SettingsStore(), ManagedPolicy(), OsUser("maya", False)), profile.id


def test_the_rules_come_from_the_effective_policy_of_the_current_user() -> None:
    adults = [{"name": "Mum", "email": "mum@example.org"}]
    child, profile_id = child_settings(2017, trusted_adults=adults, guardian_notices="off")
    rules = rules_from_policy(child.policy, None, "GB")
    assert (rules.band, rules.view_policy, rules.send_policy) == (
        AgeBand.UNDER13,
        "guardian_approval",
        "blocked",
    )
    assert (rules.profile_id, rules.region, rules.trusted_adults) == (profile_id, "GB", adults)
    assert (rules.recent_encounters, rules.guardian_notices) == (0, False)


def test_recent_encounters_and_the_threshold_come_from_the_counts_and_the_policy() -> None:
    child, profile_id = child_settings(2011, escalation__threshold=2)
    with EventCounts() as events:
        for _ in range(2):
            events.record(profile_id, Surface.viewer, EventKind.sensitive)
        events.record(profile_id, Surface.viewer, EventKind.help_opened)  # not an encounter
        rules = rules_from_policy(child.policy, events, None)
    assert (rules.band, rules.view_policy) == (AgeBand.TEEN, "two_screens")
    assert (rules.recent_encounters, rules.escalation_threshold) == (2, 2)
    assert rules.escalated and rules.guardian_notices


def test_an_account_without_a_profile_gets_the_adult_rules() -> None:
    adult = GuardianSettings(SettingsStore(), ManagedPolicy(), OsUser("parent", True))
    rules = rules_from_policy(adult.policy, None, None)
    assert (rules.band, rules.profile_id) == (AgeBand.ADULT, None)
    assert rules.view_policy == adult.policy["view_policy.adult"]
