"""The `safelens` command run as a user runs it: a real subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def safelens(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *map(str, args)],
        check=False,
        capture_output=True,
        text=True,
        timeout=240,
        cwd=cwd,
        env=os.environ.copy(),
    )
