"""`safelens watch`: check files arriving in share folders, one JSON event per line.

Exit codes: 0 done (or stopped with Ctrl+C / SIGTERM); 2 usage error; 3 SafeLens cannot
check anything (models missing or altered).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import signal
import sys
import threading
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from desktop_app.analysis.analyzer import SensitivityAnalyzer
from desktop_app.analysis.verdict import AnalyzerUnavailable, Strictness
from desktop_app.policy.approvals import Approvals
from desktop_app.policy.effective import load_effective
from desktop_app.policy.settings import AgeBand
from desktop_app.safety.events import EventCounts
from desktop_app.safety.oslog import default_sink

if TYPE_CHECKING:
    from desktop_app.surfaces.folder_watch import ShareFolderWatch
    from desktop_app.surfaces.share_folders import FolderEvent

from .options import add_age_band_and_test_pattern

EXIT_DONE, EXIT_USAGE, EXIT_UNAVAILABLE = 0, 2, 3


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    watch = commands.add_parser(
        "watch",
        help="check files arriving in share folders (quarantine for children)",
        description="Check every file that arrives in the folders once its write has "
        "finished. For a child, sensitive pictures and videos, and ones that could not be "
        "checked, are moved to quarantine (incoming) or held (outgoing).",
    )
    watch.add_argument("folders", nargs="+", metavar="FOLDER", help="incoming share folders")
    watch.add_argument(
        "--outgoing", nargs="+", default=[], metavar="FOLDER", help="outgoing share folders"
    )
    watch.add_argument(
        "--once", action="store_true", help="handle what is there now (waiting for writes) and exit"
    )
    watch.add_argument("--json", action="store_true", help="one JSON object per event per line")
    add_age_band_and_test_pattern(watch)
    watch.add_argument("--settle", type=float, default=2.0, help=argparse.SUPPRESS)
    watch.add_argument("--max-wait", type=float, default=120.0, help=argparse.SUPPRESS)
    watch.add_argument("--rescan", type=float, default=60.0, help=argparse.SUPPRESS)
    watch.add_argument("--workers", type=int, default=None, help=argparse.SUPPRESS)
    watch.set_defaults(handler=_watch)


def _watch(args: argparse.Namespace) -> int:
    # watchdog and the share-folder machinery are imported here, not at every start-up.
    from desktop_app.surfaces.folder_watch import ShareFolderWatch, WatchTiming
    from desktop_app.surfaces.quarantine import Quarantine
    from desktop_app.surfaces.share_folders import folders_from_paths

    folders = folders_from_paths(args.folders, args.outgoing)
    missing = [f.path for f in folders if not f.path.is_dir()]
    if missing:
        print(f"safelens watch: not a folder: {missing[0]}", file=sys.stderr)
        return EXIT_USAGE
    policy, _state = load_effective()
    band = AgeBand(args.age_band) if args.age_band else policy.profile.band
    test_mode = bool(args.test_pattern or policy["test_pattern"])
    try:
        analyzer = SensitivityAnalyzer(
            Strictness(policy["strictness"]), test_pattern=test_mode, workers=args.workers or 2
        )
    except AnalyzerUnavailable as exc:
        print(f"safelens: {exc}", file=sys.stderr)
        return EXIT_UNAVAILABLE
    timing = WatchTiming(settle_s=args.settle, rescan_s=args.rescan).with_policy(policy)
    # Counts (never names) for the guardian's activity chart and the OS log, as the agent does.
    counts = EventCounts(retention_days=policy["retention_days"], sink=default_sink())
    watch = ShareFolderWatch(
        folders,
        analyzer,
        Quarantine(),
        band=band,
        profile_id=policy.profile.profile_id,
        counts=counts,
        approvals=Approvals(),
        on_event=lambda event: _print(event, args.json),
        timing=timing,
    )
    try:
        if args.once:
            watch.run_once(max_wait_s=args.max_wait)
        else:
            _run_until_stopped(watch)
    except AnalyzerUnavailable as exc:
        print(f"safelens: {exc}", file=sys.stderr)
        return EXIT_UNAVAILABLE
    except KeyboardInterrupt:
        print("safelens: stopped.", file=sys.stderr)
    finally:
        analyzer.close()
        counts.close()
    return EXIT_DONE


def _run_until_stopped(watch: ShareFolderWatch) -> None:
    """Watch until Ctrl+C or SIGTERM; checks under way finish and the index is saved."""
    stop = threading.Event()

    def on_signal(_signum: int, _frame: FrameType | None) -> None:
        stop.set()

    previous = signal.signal(signal.SIGTERM, on_signal)
    watch.start()
    try:
        while not stop.wait(0.5):
            if watch.failure is not None:
                raise watch.failure
    finally:
        watch.stop()
        signal.signal(signal.SIGTERM, previous)


def _print(event: FolderEvent, as_json: bool) -> None:
    if as_json:
        line = json.dumps(event.to_json())
    else:
        words = {  # by FolderEventKind's values
            "checked": "sensitive" if event.sensitive else "ok",
            "quarantined": "moved to quarantine",
            "held": "held (not sent)",
            "released": "released",
            "error": "not checked",
        }
        extra = f" [{event.quarantine_id}]" if event.quarantine_id else ""
        line = f"{words[event.event]:<20} {event.status:<11} {Path(event.path)}{extra}"
    with contextlib.suppress(BrokenPipeError):
        print(line, flush=True)
