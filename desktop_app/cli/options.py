"""Options several commands share, declared once."""

from __future__ import annotations

import argparse

from desktop_app.policy.settings import AgeBand


def add_age_band_and_test_pattern(parser: argparse.ArgumentParser) -> None:
    """--age-band (default: the current profile's) and --test-pattern."""
    parser.add_argument(
        "--age-band",
        choices=[band.value for band in AgeBand],
        default=None,
        help="default: the current profile's age band (policy); none set up = adult",
    )
    parser.add_argument(
        "--test-pattern", action="store_true", help="test mode: the test pattern is sensitive"
    )
