"""A session in machine mode: the PIN, approvals, counts, policy and notices through the real
client and a real service on a private socket — and what happens when it does not answer."""

from __future__ import annotations

import hashlib
import os
import pwd
import queue
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.core.vocabulary import EventKind, Surface
from desktop_app.policy.guardian import FREE_ATTEMPTS, PinUnavailable, TryAgainLater
from desktop_app.policy.settings import AgeBand
from desktop_app.safety.rules import rules_from_policy
from desktop_app.service.client import ServiceClient
from desktop_app.service.machine_session import (
    UNREACHABLE,
    ServiceApprovals,
    ServiceCounts,
    ServicePin,
    ask_policy,
    strictest_policy,
)
from desktop_app.service.mode import Mode, RunningMode, ServiceState
from desktop_app.service.notice_stream import NoticeHandlers, NoticeStream, PutAsideNotice
from desktop_app.service.session_protection import Asker, machine_session
from tests.helpers.service import GUARDIAN_PIN, Service, session_service

ME = pwd.getpwuid(os.getuid()).pw_name  # the test process is the "child" asking
PICTURE = hashlib.sha256(b"a picture the guardian allows").hexdigest()


@pytest.fixture
def service(tmp_path: Path) -> Iterator[Service]:
    with session_service(tmp_path, ME) as made:
        yield made


@pytest.fixture
def running(service: Service) -> Iterator[Service]:
    server = service.start()
    yield service
    server.stop()


@pytest.fixture
def client(running: Service) -> ServiceClient:
    return ServiceClient(running.paths.socket)


@pytest.fixture
def nobody_answers(tmp_path: Path) -> ServiceClient:
    return ServiceClient(tmp_path / "no-service.sock", timeout=2.0)


def test_the_policy_is_the_services_for_this_account(
    client: ServiceClient, running: Service
) -> None:
    session = ask_policy(client)
    assert session.policy.profile.band is AgeBand.UNDER13
    assert session.policy.profile.protected
    assert session.key == running.key
    rules = rules_from_policy(session.policy, ServiceCounts(client), region=None)
    assert (rules.band, rules.view_policy) == (AgeBand.UNDER13, "guardian_approval")


def test_the_right_pin_is_checked_by_the_service_and_kept_for_one_use(
    client: ServiceClient,
) -> None:
    pin = ServicePin(client)
    assert pin.verify(GUARDIAN_PIN) is True
    assert pin.take_recent() == GUARDIAN_PIN
    assert pin.take_recent() is None


def test_wrong_pins_are_throttled_by_the_service(client: ServiceClient) -> None:
    pin = ServicePin(client)
    for _ in range(FREE_ATTEMPTS):
        assert pin.verify("000000") is False
    with pytest.raises(TryAgainLater):
        pin.verify("000000")
    assert pin.delay_remaining() > 0
    with pytest.raises(TryAgainLater):
        ServicePin(client).verify(GUARDIAN_PIN)  # a new checker changes nothing


def test_no_service_no_pin_check(nobody_answers: ServiceClient) -> None:
    with pytest.raises(PinUnavailable) as raised:
        ServicePin(nobody_answers).verify(GUARDIAN_PIN)
    assert str(raised.value) == UNREACHABLE


def test_an_approval_needs_the_pin_just_typed(client: ServiceClient, running: Service) -> None:
    pin = ServicePin(client)
    approvals = ServiceApprovals(client, pin)
    assert approvals.is_approved(PICTURE, "ignored") is False
    assert approvals.remember(PICTURE, "ignored") is False  # no PIN typed: nothing remembered
    assert pin.verify(GUARDIAN_PIN)
    assert approvals.remember(PICTURE, "another-profile") is True
    assert approvals.is_approved(PICTURE, "another-profile") is True
    assert running.stores.approvals.is_approved(PICTURE, running.key)  # this account's own


def test_no_service_nothing_approved(nobody_answers: ServiceClient) -> None:
    approvals = ServiceApprovals(nobody_answers, ServicePin(nobody_answers))
    assert approvals.is_approved(PICTURE, "p") is False


def test_counts_wait_in_memory_until_the_service_answers(service: Service) -> None:
    counts = ServiceCounts(ServiceClient(service.paths.socket, timeout=2.0))
    counts.record("ignored", Surface.file_picker, EventKind.sensitive)
    counts.record("ignored", Surface.file_picker, EventKind.sensitive, 2)
    assert counts.queued == 3
    server = service.start()
    try:
        assert counts.flush() is True
    finally:
        server.stop()
    assert counts.queued == 0
    stored = service.stores.events.counts(service.key)
    assert [(c.surface, c.kind, c.count) for c in stored] == [
        (Surface.file_picker, EventKind.sensitive, 3)
    ]


def test_the_strictest_policy_for_a_silent_service() -> None:
    policy = strictest_policy("kid")
    assert (policy.profile.band, policy.profile.protected) == (AgeBand.UNDER13, True)
    assert policy["view_policy.teen"] == "guardian_approval"
    assert policy["share_folders.incoming"] == []
    assert all(value.locked for value in policy.values.values())


def test_which_session_each_mode_gets(running: Service, tmp_path: Path) -> None:
    answering = RunningMode(Mode.MACHINE, ServiceState.ANSWERING, running.paths.socket)
    found = machine_session(answering, Asker(ME, is_admin=False))
    assert found is not None and not found.silent and found.policy.key == running.key
    silent = RunningMode(Mode.SINGLE_ACCOUNT, ServiceState.SILENT, tmp_path / "none.sock")
    child = machine_session(silent, Asker("kid", is_admin=False))
    assert child is not None and child.silent
    assert child.policy.policy.profile.band is AgeBand.UNDER13
    assert machine_session(silent, Asker("mum", is_admin=True)) is None
    absent = RunningMode(Mode.SINGLE_ACCOUNT, ServiceState.ABSENT, tmp_path / "none.sock")
    assert machine_session(absent, Asker("kid", is_admin=False)) is None


def test_the_notice_stream_summarises_then_delivers_then_says_goodbye(running: Service) -> None:
    running.put_aside("while-away-1.jpg")
    running.put_aside("while-away-2.mp4")
    heard: queue.Queue[object] = queue.Queue()
    stream = NoticeStream(
        running.paths.socket,
        NoticeHandlers(
            notice=heard.put,
            while_away=lambda n: heard.put(("away", n)),
            reachable=lambda answers: heard.put(("reachable", answers)),
        ),
        poll_wait_s=5.0,
    )
    stream.start()
    try:
        assert heard.get(timeout=30) == ("reachable", True)
        assert heard.get(timeout=30) == ("away", 2)
        running.put_aside("new.png")
        running.session.board.put_aside(running.key)
        notice = heard.get(timeout=30)
        assert isinstance(notice, PutAsideNotice)
        assert (notice.name, notice.kind, notice.held) == ("new.png", "picture", False)
    finally:
        stream.stop()
        stream.join(timeout=30)
    book = running.session.book.describe(ME)
    assert (book["client_running"], book["client_ended"]) == (False, "said_goodbye")
    again = ServiceClient(running.paths.socket).call("session_start")
    assert again["put_aside_while_away"] == 0  # everything was shown and acknowledged
