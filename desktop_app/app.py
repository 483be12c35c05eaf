"""Composition root: builds the services and hands them to the CLI or the windows."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from desktop_app import __version__, cli


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
    from desktop_app.ui.guardian.services import GuardianServices
    from desktop_app.ui.shell import run_app, run_guardian, run_viewer

    settings = GuardianSettings()
    events = EventCounts(retention_days=settings.policy["retention_days"], sink=default_sink())
    services = GuardianServices(settings, GuardianPin(), Approvals(), events)
    try:
        if window == "guardian":
            return run_guardian(services)
        strictness = settings.policy["strictness"]
        test_mode = bool(settings.policy["test_pattern"])
        with SensitivityAnalyzer(strictness, test_pattern=test_mode) as analyzer:
            if window == "open":
                return run_viewer(Path(paths[0]), analyzer, services)
            if window == "agent":
                from desktop_app.ui.agent_shell import agent_rules, run_agent

                return run_agent(analyzer, services, agent_rules(services))
            return run_app(analyzer, services)
    finally:
        events.close()
