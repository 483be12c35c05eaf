"""Composition root: builds every service and hands them to the CLI or the windows.

The windows get the guardian's stores (GuardianServices), the child path's ``Guard``
(safety.rules: the rules, the PIN, approvals and counts), the analyzer and the
quarantine from here; nothing in the UI builds a service of its own or is wired up after
it was made.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app import __version__, cli

if TYPE_CHECKING:
    from desktop_app.service.session_protection import MachineSession
    from desktop_app.surfaces.quarantine import Quarantine
    from desktop_app.ui.guardian.services import GuardianServices

log = logging.getLogger(__name__)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args:
        return cli.run(args, __version__, open_window=run_gui)
    return run_gui("main", [])


def run_gui(window: str, paths: list[str]) -> int:
    """Open a window: 'main' (the app), 'guardian' (setup, or PIN then console), 'open',
    or 'agent' (the background agent with its tray icon)."""
    from desktop_app.analysis.analyzer import SensitivityAnalyzer
    from desktop_app.policy.approvals import Approvals
    from desktop_app.policy.editor import GuardianSettings
    from desktop_app.policy.guardian import GuardianPin
    from desktop_app.safety.events import EventCounts
    from desktop_app.safety.oslog import default_sink
    from desktop_app.service.mode import detect_mode
    from desktop_app.surfaces.quarantine import Quarantine
    from desktop_app.ui.guardian.services import GuardianServices
    from desktop_app.ui.shell import child_guard, run_agent, run_app, run_guardian, run_viewer

    settings = GuardianSettings()
    settings.note_seen()  # when SafeLens last ran, for the clock-jump guard (a small write)
    events = EventCounts(retention_days=settings.policy["retention_days"], sink=default_sink())
    # Machine mode (the service answers): the guardian's windows ask the service, whose data
    # they show and change; the socket decides, never an environment variable.
    mode = detect_mode()
    services = GuardianServices(
        settings, GuardianPin(), Approvals(), events, open_quarantine(), mode=mode
    )
    try:
        if window == "guardian":
            return run_guardian(services)
        session = machine_session_here()
        if session is not None:
            return run_machine(window, paths, services, session)
        strictness = settings.policy["strictness"]
        test_mode = bool(settings.policy["test_pattern"])
        with SensitivityAnalyzer(strictness, test_pattern=test_mode) as analyzer:
            guard = child_guard(services)
            if window == "open":
                return run_viewer(Path(paths[0]), analyzer, services, guard)
            if window == "agent":
                # The share folders' own quarantine (the agent cannot work without it).
                return run_agent(analyzer, services, guard, services.quarantine or Quarantine())
            return run_app(analyzer, services, guard)
    finally:
        events.close()


def machine_session_here() -> MachineSession | None:
    """The service's parts when it protects this session (machine mode, or installed but
    silent for a child's account); None: single-account mode, as before. Decided from the
    service's socket and the account database, never from environment variables."""
    from desktop_app.service.mode import detect_mode
    from desktop_app.service.session_protection import Asker, machine_session

    return machine_session(detect_mode(), Asker.current())


def run_machine(
    window: str, paths: list[str], services: GuardianServices, session: MachineSession
) -> int:
    """The child path in machine mode: rules, PIN, approvals and counts from the service;
    this session's own analyzer for the files it opens (its own files)."""
    from desktop_app.analysis.analyzer import SensitivityAnalyzer
    from desktop_app.ui.machine_agent import machine_guard
    from desktop_app.ui.shell import application, run_app, run_machine_agent, run_viewer

    policy = session.policy.policy
    application(services, policy=policy)  # the service's language, before any window
    test_mode = bool(policy["test_pattern"])
    with SensitivityAnalyzer(policy["strictness"], test_pattern=test_mode) as analyzer:
        if window == "agent":
            return run_machine_agent(analyzer, services, session)
        guard = machine_guard(session)
        if window == "open":
            return run_viewer(Path(paths[0]), analyzer, services, guard)
        return run_app(analyzer, services, guard, machine=True)


def open_quarantine() -> Quarantine | None:
    """The quarantine for the guardian console; None (the console says so) if it can't open."""
    from desktop_app.core.storage import StorageError
    from desktop_app.surfaces.quarantine import Quarantine, QuarantineError

    try:
        return Quarantine()
    except (OSError, StorageError, QuarantineError) as exc:
        log.warning("quarantine: could not be opened (%s)", type(exc).__name__)
        return None
