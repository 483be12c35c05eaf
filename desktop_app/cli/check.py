"""`safelens check` and `safelens test-pattern`. JSON for other tools.

Exit codes of `safelens check`: 0 all checked and none sensitive; 1 at least one
sensitive; 4 none sensitive but at least one could not be checked; 2 usage error;
3 SafeLens itself cannot check anything (models missing or altered).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from desktop_app.analysis import testpattern
from desktop_app.analysis.analyzer import SensitivityAnalyzer
from desktop_app.analysis.verdict import Analysis, AnalyzerUnavailable, Kind, Status, Strictness
from desktop_app.policy.effective import load_effective

EXIT_CLEAN, EXIT_SENSITIVE, EXIT_USAGE, EXIT_UNAVAILABLE, EXIT_UNCHECKED = 0, 1, 2, 3, 4
PROGRESS_MIN_FILES = 10


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    check = commands.add_parser(
        "check",
        help="check pictures, videos, archives and documents for nudity, on this device",
        description="Check files (a folder means the files directly in it).",
    )
    check.add_argument("paths", nargs="+", metavar="PATH")
    check.add_argument("--json", action="store_true", help="one JSON object per file per line")
    check.add_argument("--recursive", "-r", action="store_true", help="descend into folders")
    check.add_argument(
        "--strictness",
        choices=[s.value for s in Strictness],
        default=None,
        help="default: the strictness in effect for this user (policy)",
    )
    check.add_argument(
        "--test-pattern",
        action="store_true",
        help="test mode: report the SafeLens test pattern as sensitive (also on when the "
        "policy turns test mode on)",
    )
    check.add_argument("--workers", type=int, default=None, help=argparse.SUPPRESS)
    check.set_defaults(handler=_check)

    pattern = commands.add_parser(
        "test-pattern",
        help="write the admin test pattern (an image or a video)",
        description="Write the SafeLens test pattern. With test mode on, SafeLens reports it "
        "as sensitive, so a deployment can be checked without real content.",
    )
    pattern.add_argument("--image", type=Path, metavar="OUT", help="e.g. pattern.png or .jpg")
    pattern.add_argument("--video", type=Path, metavar="OUT", help="e.g. pattern.mp4")
    pattern.set_defaults(handler=_test_pattern_command)


def _test_pattern_command(args: argparse.Namespace) -> int:
    if not args.image and not args.video:
        print("safelens test-pattern: give --image OUT and/or --video OUT", file=sys.stderr)
        return EXIT_USAGE
    return _test_pattern(args.image, args.video)


def _test_pattern(image: Path | None, video: Path | None) -> int:
    try:
        if image:
            testpattern.write_image(image)
            print(f"Wrote the test pattern image to {image}")
        if video:
            testpattern.write_video(video)
            print(f"Wrote the test pattern video to {video}")
    except (OSError, ValueError) as exc:
        print(f"safelens: could not write the test pattern: {exc}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_CLEAN


def expand(paths: Sequence[str], recursive: bool) -> Iterator[Path]:
    """Files named, files directly in folders named, or (recursive) all files below them."""
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            yield path  # missing paths are reported by the check itself
            continue
        if recursive:
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs.sort()
                for name in sorted(files):
                    yield Path(root) / name
        else:
            yield from sorted(child for child in path.iterdir() if not child.is_dir())


def _check(args: argparse.Namespace) -> int:
    files = list(expand(args.paths, args.recursive))
    policy, _state = load_effective()
    strictness = Strictness(args.strictness or policy["strictness"])
    test_mode = bool(args.test_pattern or policy["test_pattern"])
    try:
        # One worker (with both cores) for a single file; two for many.
        workers = args.workers or min(2, max(1, len(files)))
        analyzer = SensitivityAnalyzer(strictness, test_pattern=test_mode, workers=workers)
    except AnalyzerUnavailable as exc:
        print(f"safelens: {exc}", file=sys.stderr)
        return EXIT_UNAVAILABLE
    sensitive = unchecked = 0
    progress = _Progress(len(files), sys.stderr)
    try:
        futures = [analyzer.submit_file(path) for path in files]
        if not args.json:
            print(f"{'RESULT':<26} {'KIND':<8} {'SCORE':>5}  PATH — WHY")
        for future in futures:
            result = future.result()
            sensitive += result.is_sensitive
            unchecked += result.could_not_check
            progress.clear()
            print(json.dumps(result.to_json()) if args.json else _row(result), flush=True)
            progress.step()
    except AnalyzerUnavailable as exc:
        progress.clear()
        print(f"safelens: {exc}", file=sys.stderr)
        return EXIT_UNAVAILABLE
    except KeyboardInterrupt:
        progress.clear()
        print("safelens: stopped.", file=sys.stderr)
        return 130
    finally:
        progress.clear()
        analyzer.close()
    if sensitive:
        return EXIT_SENSITIVE
    return EXIT_UNCHECKED if unchecked else EXIT_CLEAN


def _row(result: Analysis) -> str:
    if result.is_sensitive:
        verdict = "SENSITIVE"
    elif result.status is Status.OK:
        verdict = "ok"
    else:
        verdict = f"NOT CHECKED ({result.status.value})"
    kind = result.kind.value if result.kind is not Kind.OTHER else "-"
    inside = f" — inside: {result.member}" if result.member else ""
    why = f" — {result.reason}" if result.reason else ""
    return f"{verdict:<26} {kind:<8} {result.score:>5.2f}  {result.path}{inside}{why}"


class _Progress:
    """A one-line progress bar on stderr, only for a terminal and many files."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total, self.done, self.stream = total, 0, stream
        self.enabled = total >= PROGRESS_MIN_FILES and stream.isatty()

    def step(self) -> None:
        self.done += 1
        if self.enabled:
            filled = int(30 * self.done / self.total)
            bar = "#" * filled + "." * (30 - filled)
            self.stream.write(f"\r[{bar}] {self.done}/{self.total}")
            self.stream.flush()

    def clear(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * 50 + "\r")
            self.stream.flush()
