"""Events in the OS log that school fleet tools already collect: counts and reason codes only.

Every message is built here from enums, counts, an opaque profile id and a reason code that
must look like ``a_code`` — so a file name, a path or a person's name has no way in. Each
platform's sink only delivers a built ``LogLine``; delivery failures are noted once in
``last_error`` and the message is dropped, never raised into the caller.
"""

from __future__ import annotations

import ctypes
import importlib.util
import re
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal, Protocol, cast

from desktop_app.core.sinks import OsLogSink
from desktop_app.core.vocabulary import EventKind, Surface, is_opaque_id

IDENT = "safelens"
WINDOWS_SOURCE = "SafeLens"
SYSLOG_SOCKET = Path("/dev/log")
MAC_LOGGER = "/usr/bin/logger"
UNSPECIFIED = "unspecified"
INVALID_PROFILE = "invalid"

_REASON_CODE = re.compile(r"[a-z][a-z0-9_]{0,47}")

ReasonTopic = Literal["policy_error", "tamper"]
Runner = Callable[[Sequence[str]], None]


class Severity(StrEnum):
    """How loudly the OS log should file a line."""

    info = "info"
    warning = "warning"
    error = "error"


# Stable Windows event IDs so fleet tools can filter on them without parsing the text.
EVENT_IDS: dict[str, int] = {
    EventKind.sensitive: 100,
    EventKind.could_not_check: 101,
    EventKind.viewed_after_warning: 102,
    EventKind.help_opened: 103,
    EventKind.guardian_notice: 104,
    EventKind.tamper: 110,
    "tamper_reason": 111,
    "policy_error": 120,
}


@dataclass(frozen=True)
class LogLine:
    """One message ready for any OS log; ``security`` routes it to the auth/security channel."""

    message: str
    severity: Severity
    security: bool
    event_id: int


def reason_code(reason: str) -> str:
    """The code itself, or ``unspecified`` for anything that could be a path or a name."""
    return reason if _REASON_CODE.fullmatch(reason) else UNSPECIFIED


def event_line(kind: EventKind, surface: Surface, count: int, profile_id: str) -> LogLine:
    """``event=<kind> surface=<surface> count=<n> profile=<opaque id>``."""
    kind, surface = EventKind(kind), Surface(surface)
    profile = profile_id if is_opaque_id(profile_id) else INVALID_PROFILE
    message = f"event={kind} surface={surface} count={int(count)} profile={profile}"
    tamper = kind is EventKind.tamper
    return LogLine(message, Severity.warning if tamper else Severity.info, tamper, EVENT_IDS[kind])


def reason_line(topic: ReasonTopic, reason: str) -> LogLine:
    """``event=policy_error reason=<code>`` or ``event=tamper reason=<code>``."""
    message = f"event={topic} reason={reason_code(reason)}"
    if topic == "tamper":
        return LogLine(message, Severity.warning, True, EVENT_IDS["tamper_reason"])
    return LogLine(message, Severity.error, False, EVENT_IDS["policy_error"])


class _DroppingSink:
    """Builds lines and hands them to ``_emit``; any failure is noted once and dropped."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._last_error: str | None = None

    @property
    def last_error(self) -> str | None:
        """The first delivery failure, for `safelens doctor`; None while all is well."""
        return self._last_error

    def event(self, kind: EventKind, surface: Surface, count: int, profile_id: str) -> None:
        """Log a count; never raises."""
        self._send(lambda: event_line(kind, surface, count, profile_id))

    def policy_error(self, reason: str) -> None:
        """Log a managed-policy problem by reason code only; never raises."""
        self._send(lambda: reason_line("policy_error", reason))

    def tamper(self, reason: str) -> None:
        """Log a tamper signal by reason code only; never raises."""
        self._send(lambda: reason_line("tamper", reason))

    def _send(self, build: Callable[[], LogLine]) -> None:
        try:
            self._emit(build())
        except Exception as exc:
            with self._lock:
                if self._last_error is None:
                    self._last_error = f"{type(exc).__name__}: {exc}"

    def _emit(self, line: LogLine) -> None:
        raise NotImplementedError


class NullSink(_DroppingSink):
    """For platforms without a known OS log: drops everything, says why once."""

    def __init__(self, reason: str | None = None) -> None:
        super().__init__()
        self._last_error = reason

    def _emit(self, line: LogLine) -> None:
        return None


# -- Linux and other Unixes: syslog, which journald collects ---------------------------------


class SyslogSink(_DroppingSink):
    """stdlib syslog, ident ``safelens``, LOG_USER (LOG_AUTHPRIV for tamper)."""

    def __init__(self, socket_path: Path = SYSLOG_SOCKET) -> None:
        super().__init__()
        self._socket_path = socket_path
        self._opened = False

    def _emit(self, line: LogLine) -> None:
        import syslog

        # libc's syslog() drops messages silently without the socket; notice it instead.
        if not self._socket_path.exists():
            raise FileNotFoundError(f"no system log socket at {self._socket_path}")
        with self._lock:
            if not self._opened:
                syslog.openlog(ident=IDENT, logoption=syslog.LOG_PID, facility=syslog.LOG_USER)
                self._opened = True
        facility = syslog.LOG_AUTHPRIV if line.security else syslog.LOG_USER
        priority = {
            Severity.info: syslog.LOG_INFO,
            Severity.warning: syslog.LOG_WARNING,
            Severity.error: syslog.LOG_ERR,
        }[line.severity]
        syslog.syslog(facility | priority, line.message)


# -- macOS: the unified log through /usr/bin/logger ------------------------------------------


def logger_args(line: LogLine, logger: str = MAC_LOGGER) -> list[str]:
    """A fixed argument list (no shell); the message always starts with ``event=``."""
    facility = "authpriv" if line.security else "user"
    level = {Severity.info: "info", Severity.warning: "warning", Severity.error: "err"}
    return [logger, "-t", IDENT, "-p", f"{facility}.{level[line.severity]}", "--", line.message]


def run_logger(args: Sequence[str]) -> None:
    """Run logger briefly; a hung logger must not hold up the agent."""
    subprocess.run(
        list(args),
        check=True,
        timeout=5,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


class MacLoggerSink(_DroppingSink):
    """``/usr/bin/logger -t safelens``, which files into the macOS unified log."""

    def __init__(self, runner: Runner = run_logger, logger: str = MAC_LOGGER) -> None:
        super().__init__()
        self._runner = runner
        self._logger = logger

    def _emit(self, line: LogLine) -> None:
        self._runner(logger_args(line, self._logger))


# -- Windows: the Event Log through advapi32 -------------------------------------------------

EVENTLOG_ERROR_TYPE = 0x0001
EVENTLOG_WARNING_TYPE = 0x0002
EVENTLOG_INFORMATION_TYPE = 0x0004


class Advapi32(Protocol):
    """The three advapi32 functions the sink calls (a fake in tests, ctypes.WinDLL on Windows)."""

    def RegisterEventSourceW(self, server: str | None, source: str) -> int | None:  # noqa: N802
        """Open the SafeLens event source."""
        ...

    def ReportEventW(  # noqa: N802, PLR0917 - the Win32 signature
        self,
        handle: int,
        event_type: int,
        category: int,
        event_id: int,
        user_sid: None,
        num_strings: int,
        data_size: int,
        strings: Any,
        raw_data: None,
    ) -> int:
        """Write one event."""
        ...

    def DeregisterEventSource(self, handle: int) -> int:  # noqa: N802
        """Close the event source."""
        ...


@dataclass(frozen=True)
class EventReport:
    """ReportEventW's arguments for one line, built apart from the call so it can be tested."""

    event_type: int
    category: int
    event_id: int
    strings: tuple[str, ...]


def event_report(line: LogLine) -> EventReport:
    """Event type by severity, a stable event ID per kind, the message as the one string."""
    event_type = {
        Severity.info: EVENTLOG_INFORMATION_TYPE,
        Severity.warning: EVENTLOG_WARNING_TYPE,
        Severity.error: EVENTLOG_ERROR_TYPE,
    }[line.severity]
    return EventReport(event_type, 0, line.event_id, (line.message,))


def load_advapi32() -> Advapi32:
    """advapi32 with argument types set, so 64-bit handles are not truncated."""
    if sys.platform != "win32":
        raise OSError("the Windows Event Log exists only on Windows")
    from ctypes import wintypes

    dll = ctypes.WinDLL("advapi32", use_last_error=True)
    dll.RegisterEventSourceW.argtypes = [wintypes.LPCWSTR, wintypes.LPCWSTR]
    dll.RegisterEventSourceW.restype = wintypes.HANDLE
    dll.ReportEventW.argtypes = [
        wintypes.HANDLE,
        wintypes.WORD,
        wintypes.WORD,
        wintypes.DWORD,
        ctypes.c_void_p,
        wintypes.WORD,
        wintypes.DWORD,
        ctypes.POINTER(wintypes.LPCWSTR),
        ctypes.c_void_p,
    ]
    dll.ReportEventW.restype = wintypes.BOOL
    dll.DeregisterEventSource.argtypes = [wintypes.HANDLE]
    dll.DeregisterEventSource.restype = wintypes.BOOL
    return cast(Advapi32, dll)


def _last_windows_error() -> int:
    if sys.platform == "win32":
        return ctypes.get_last_error()
    return 0


def report_event(api: Advapi32, source: str, report: EventReport) -> None:
    """RegisterEventSourceW, ReportEventW, DeregisterEventSource; OSError on failure."""
    handle = api.RegisterEventSourceW(None, source)
    if not handle:
        raise OSError(f"RegisterEventSourceW failed (error {_last_windows_error()})")
    try:
        strings = (ctypes.c_wchar_p * len(report.strings))(*report.strings)
        ok = api.ReportEventW(
            handle,
            report.event_type,
            report.category,
            report.event_id,
            None,
            len(report.strings),
            0,
            strings,
            None,
        )
        if not ok:
            raise OSError(f"ReportEventW failed (error {_last_windows_error()})")
    finally:
        api.DeregisterEventSource(handle)


class WindowsEventLogSink(_DroppingSink):
    """The Windows Event Log (Application), source ``SafeLens``, one event ID per kind."""

    def __init__(
        self,
        advapi32: Advapi32 | None = None,
        source: str = WINDOWS_SOURCE,
        loader: Callable[[], Advapi32] = load_advapi32,
    ) -> None:
        super().__init__()
        self._api = advapi32
        self._source = source
        self._loader = loader

    def _emit(self, line: LogLine) -> None:
        report = event_report(line)
        with self._lock:
            if self._api is None:
                self._api = self._loader()
            api = self._api
        report_event(api, self._source, report)


def default_sink() -> OsLogSink:
    """The OS log of the platform we run on."""
    if sys.platform == "win32":
        return WindowsEventLogSink()
    if sys.platform == "darwin":
        return MacLoggerSink()
    if importlib.util.find_spec("syslog") is None:
        return NullSink(f"no OS log is known on {sys.platform}")
    return SyslogSink()
