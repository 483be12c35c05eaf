"""OS-log sinks: the same short lines on every platform, delivered or quietly dropped."""

from __future__ import annotations

import subprocess
import sys
import syslog
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.vocabulary import EventKind, Surface
from desktop_app.safety.oslog import (
    EVENTLOG_ERROR_TYPE,
    EVENTLOG_INFORMATION_TYPE,
    EVENTLOG_WARNING_TYPE,
    EventReport,
    LogLine,
    MacLoggerSink,
    NullSink,
    Severity,
    SyslogSink,
    WindowsEventLogSink,
    default_sink,
    event_line,
    event_report,
    logger_args,
    reason_code,
    reason_line,
    run_logger,
)

# -- building lines -----------------------------------------------------------------------


def test_an_event_line_is_kind_surface_count_and_opaque_profile() -> None:
    line = event_line(EventKind.sensitive, Surface.share_folders, 3, "c9f1e2a4")
    assert line == LogLine(
        "event=sensitive surface=share_folders count=3 profile=c9f1e2a4",
        Severity.info,
        False,
        100,
    )


def test_tamper_counts_go_to_the_security_channel() -> None:
    line = event_line(EventKind.tamper, Surface.agent, 1, "p1")
    assert line.message == "event=tamper surface=agent count=1 profile=p1"
    assert (line.severity, line.security) == (Severity.warning, True)


def test_a_profile_id_that_could_be_a_name_or_path_is_not_logged() -> None:
    for leaked in ("Mia Jones", "/home/mia/photo.jpg", "photo.jpg", ""):
        line = event_line(EventKind.sensitive, Surface.viewer, 1, leaked)
        assert line.message.endswith("profile=invalid")


def test_reason_lines_carry_only_a_reason_code() -> None:
    assert reason_line("tamper", "settings_deleted") == LogLine(
        "event=tamper reason=settings_deleted", Severity.warning, True, 111
    )
    assert reason_line("policy_error", "wrong_type") == LogLine(
        "event=policy_error reason=wrong_type", Severity.error, False, 120
    )
    for leaked in ("/etc/safelens/policies/lab.json", "lab.json", "Mia Jones", "Bad", "x" * 49):
        assert reason_code(leaked) == "unspecified"
        assert (
            reason_line("policy_error", leaked).message == "event=policy_error reason=unspecified"
        )


def test_every_event_kind_has_its_own_windows_event_id() -> None:
    ids = [event_line(kind, Surface.agent, 1, "p1").event_id for kind in EventKind]
    assert len(set(ids)) == len(EventKind)


# -- Linux: syslog ------------------------------------------------------------------------


@pytest.fixture
def fake_syslog(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, object]]:
    calls: list[tuple[str, object]] = []
    monkeypatch.setattr(syslog, "openlog", lambda **kwargs: calls.append(("openlog", kwargs)))
    monkeypatch.setattr(
        syslog, "syslog", lambda priority, message: calls.append(("syslog", (priority, message)))
    )
    return calls


@pytest.fixture
def log_socket(tmp_path: Path) -> Path:
    socket = tmp_path / "dev-log"
    socket.touch()
    return socket


def test_syslog_sink_uses_ident_facility_and_priority(
    fake_syslog: list[tuple[str, object]], log_socket: Path
) -> None:
    sink = SyslogSink(log_socket)
    sink.event(EventKind.sensitive, Surface.viewer, 2, "p1")
    sink.event(EventKind.tamper, Surface.agent, 1, "p1")
    sink.tamper("agent_stopped")
    sink.policy_error("invalid_json")

    assert fake_syslog == [
        (
            "openlog",
            {"ident": "safelens", "logoption": syslog.LOG_PID, "facility": syslog.LOG_USER},
        ),
        (
            "syslog",
            (
                syslog.LOG_USER | syslog.LOG_INFO,
                "event=sensitive surface=viewer count=2 profile=p1",
            ),
        ),
        (
            "syslog",
            (
                syslog.LOG_AUTHPRIV | syslog.LOG_WARNING,
                "event=tamper surface=agent count=1 profile=p1",
            ),
        ),
        ("syslog", (syslog.LOG_AUTHPRIV | syslog.LOG_WARNING, "event=tamper reason=agent_stopped")),
        ("syslog", (syslog.LOG_USER | syslog.LOG_ERR, "event=policy_error reason=invalid_json")),
    ]
    assert sink.last_error is None


def test_syslog_without_a_log_socket_drops_and_notes_it_once(
    fake_syslog: list[tuple[str, object]], tmp_path: Path
) -> None:
    sink = SyslogSink(tmp_path / "no-such-socket")
    sink.event(EventKind.sensitive, Surface.viewer, 1, "p1")
    first = sink.last_error
    sink.tamper("agent_stopped")
    assert fake_syslog == []
    assert first is not None
    assert "no system log socket" in first
    assert sink.last_error == first


def test_syslog_that_raises_never_reaches_the_caller(
    monkeypatch: pytest.MonkeyPatch, log_socket: Path
) -> None:
    def broken(*_: object) -> None:
        raise OSError("syslog is broken")

    monkeypatch.setattr(syslog, "openlog", lambda **_: None)
    monkeypatch.setattr(syslog, "syslog", broken)
    sink = SyslogSink(log_socket)
    sink.event(EventKind.sensitive, Surface.viewer, 1, "p1")
    assert sink.last_error == "OSError: syslog is broken"


@pytest.mark.skipif(sys.platform == "win32", reason="no syslog on Windows")
def test_the_real_syslog_never_raises() -> None:
    sink = SyslogSink()
    sink.event(EventKind.help_opened, Surface.viewer, 1, "safelens-test")
    if Path("/dev/log").exists():
        assert sink.last_error is None
    else:
        assert sink.last_error is not None
        assert "/dev/log" in sink.last_error


# -- macOS: logger ------------------------------------------------------------------------


def test_logger_gets_a_fixed_argument_list() -> None:
    line = event_line(EventKind.could_not_check, Surface.contacts, 1, "p1")
    assert logger_args(line) == [
        "/usr/bin/logger",
        "-t",
        "safelens",
        "-p",
        "user.info",
        "--",
        "event=could_not_check surface=contacts count=1 profile=p1",
    ]
    assert logger_args(reason_line("tamper", "clock_moved_back"))[3:5] == ["-p", "authpriv.warning"]
    assert logger_args(reason_line("policy_error", "unknown_key"))[3:5] == ["-p", "user.err"]


def test_mac_sink_hands_each_line_to_the_runner() -> None:
    calls: list[list[str]] = []
    sink = MacLoggerSink(runner=lambda args: calls.append(list(args)))
    sink.event(EventKind.viewed_after_warning, Surface.viewer, 1, "p1")
    sink.policy_error("wrong_type")
    assert [call[-1] for call in calls] == [
        "event=viewed_after_warning surface=viewer count=1 profile=p1",
        "event=policy_error reason=wrong_type",
    ]
    assert sink.last_error is None


def test_a_missing_logger_is_noted_once_and_dropped(tmp_path: Path) -> None:
    def missing(args: Sequence[str]) -> None:
        raise FileNotFoundError(2, "No such file or directory", args[0])

    sink = MacLoggerSink(runner=missing)
    sink.event(EventKind.sensitive, Surface.viewer, 1, "p1")
    sink.event(EventKind.sensitive, Surface.viewer, 1, "p1")
    assert sink.last_error is not None
    assert sink.last_error.startswith("FileNotFoundError")

    real = MacLoggerSink(logger=str(tmp_path / "no-logger"))
    real.event(EventKind.sensitive, Surface.viewer, 1, "p1")  # the real runner, no raise
    assert real.last_error is not None


def test_the_runner_never_uses_a_shell(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[object, dict[str, object]]] = []

    def fake_run(args: object, **kwargs: object) -> None:
        seen.append((args, kwargs))

    monkeypatch.setattr(subprocess, "run", fake_run)
    run_logger(["/usr/bin/logger", "-t", "safelens", "--", "event=x"])
    [(args, kwargs)] = seen
    assert args == ["/usr/bin/logger", "-t", "safelens", "--", "event=x"]
    assert kwargs.get("shell", False) is False
    assert kwargs["timeout"] == 5
    assert kwargs["check"] is True


# -- Windows: the Event Log ---------------------------------------------------------------


class FakeAdvapi32:
    """Records the calls the sink makes, like advapi32 would receive them."""

    def __init__(self, register: int = 42, report: int = 1) -> None:
        self.calls: list[tuple[object, ...]] = []
        self._register = register
        self._report = report

    def RegisterEventSourceW(self, server: str | None, source: str) -> int:  # noqa: N802
        self.calls.append(("register", server, source))
        return self._register

    def ReportEventW(self, *args: Any) -> int:  # noqa: N802
        handle, event_type, category, event_id, sid, n, size, strings, raw = args
        texts = [strings[i] for i in range(n)]
        self.calls.append(("report", handle, event_type, category, event_id, sid, size, texts, raw))
        return self._report

    def DeregisterEventSource(self, handle: int) -> int:  # noqa: N802
        self.calls.append(("deregister", handle))
        return 1


def test_event_report_is_built_apart_from_the_call() -> None:
    assert event_report(event_line(EventKind.sensitive, Surface.viewer, 2, "p1")) == EventReport(
        EVENTLOG_INFORMATION_TYPE, 0, 100, ("event=sensitive surface=viewer count=2 profile=p1",)
    )
    assert event_report(reason_line("tamper", "agent_stopped")).event_type == EVENTLOG_WARNING_TYPE
    assert event_report(reason_line("policy_error", "bad_value")).event_type == EVENTLOG_ERROR_TYPE


def test_windows_sink_registers_reports_and_deregisters() -> None:
    api = FakeAdvapi32()
    sink = WindowsEventLogSink(api)
    sink.event(EventKind.guardian_notice, Surface.agent, 1, "p1")
    assert api.calls == [
        ("register", None, "SafeLens"),
        (
            "report",
            42,
            EVENTLOG_INFORMATION_TYPE,
            0,
            104,
            None,
            0,
            ["event=guardian_notice surface=agent count=1 profile=p1"],
            None,
        ),
        ("deregister", 42),
    ]
    assert sink.last_error is None


def test_windows_failures_are_noted_and_dropped() -> None:
    unregistered = WindowsEventLogSink(FakeAdvapi32(register=0))
    unregistered.tamper("service_stopped")
    assert unregistered.last_error is not None
    assert "RegisterEventSourceW failed" in unregistered.last_error

    api = FakeAdvapi32(report=0)
    refused = WindowsEventLogSink(api)
    refused.event(EventKind.sensitive, Surface.viewer, 1, "p1")
    assert refused.last_error is not None
    assert "ReportEventW failed" in refused.last_error
    assert api.calls[-1] == ("deregister", 42)  # the handle is always released


@pytest.mark.skipif(sys.platform == "win32", reason="checks the non-Windows path")
def test_the_real_windows_loader_fails_quietly_elsewhere() -> None:
    sink = WindowsEventLogSink()
    sink.event(EventKind.sensitive, Surface.viewer, 1, "p1")
    assert sink.last_error == "OSError: the Windows Event Log exists only on Windows"


# -- choosing a sink ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("platform", "expected"),
    [
        ("linux", SyslogSink),
        ("freebsd14", SyslogSink),
        ("win32", WindowsEventLogSink),
        ("darwin", MacLoggerSink),
    ],
)
def test_default_sink_follows_the_platform(
    monkeypatch: pytest.MonkeyPatch, platform: str, expected: type
) -> None:
    monkeypatch.setattr(sys, "platform", platform)
    assert type(default_sink()) is expected


def test_an_unknown_platform_gets_a_sink_that_says_why(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "emscripten")
    monkeypatch.setattr("importlib.util.find_spec", lambda _name: None)
    sink = default_sink()
    assert isinstance(sink, NullSink)
    sink.event(EventKind.sensitive, Surface.viewer, 1, "p1")
    assert sink.last_error == "no OS log is known on emscripten"
