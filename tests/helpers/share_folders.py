"""Files for share-folder tests: distinct benign pictures, a slowly written JPEG, hashes."""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PIL import Image

from desktop_app.analysis.analyzer import SensitivityAnalyzer
from desktop_app.policy.approvals import Approvals
from desktop_app.policy.settings import AgeBand
from desktop_app.surfaces.folder_watch import ShareFolderWatch, WatchTiming
from desktop_app.surfaces.quarantine import Quarantine
from desktop_app.surfaces.share_folders import FolderEvent, ShareFolder
from tests.helpers import media


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def benign_pictures(folder: Path, count: int, prefix: str = "photo") -> list[Path]:
    """``count`` small PNGs with different bytes (so none is known from another's check)."""
    paths = []
    for i in range(count):
        shade = np.full((48, 64, 3), (i * 7 % 200 + 20, i * 13 % 200 + 20, 90), dtype=np.uint8)
        shade[i % 48, :, :] = 255  # a line at a different height: different content
        path = folder / f"{prefix}-{i:04d}.png"
        Image.fromarray(shade).save(path)
        paths.append(path)
    return paths


def photo_jpeg_bytes() -> bytes:
    """An ordinary photo (scikit-image's astronaut) as JPEG bytes; its halves are broken JPEGs."""
    from io import BytesIO

    out = BytesIO()
    Image.fromarray(media.people_photos()["astronaut"]).save(out, format="JPEG", quality=90)
    return out.getvalue()


class SlowWriter(threading.Thread):
    """Writes a JPEG in small pieces until told to finish, then the rest, and closes it."""

    def __init__(self, path: Path, data: bytes, step_s: float = 0.2) -> None:
        super().__init__(name="slow-writer", daemon=True)
        self.path, self.data, self.step_s = path, data, step_s
        self.finish = threading.Event()
        self.started_writing = threading.Event()
        self.completed_at: float | None = None

    def run(self) -> None:
        half = len(self.data) // 2
        with self.path.open("wb") as stream:
            stream.write(self.data[:half])
            stream.flush()
            self.started_writing.set()
            written = half
            while not self.finish.wait(self.step_s) and written < len(self.data) - 64:
                stream.write(self.data[written : written + 64])
                stream.flush()
                written += 64
            stream.write(self.data[written:])
        self.completed_at = time.monotonic()


def wait_for(condition: Callable[[], bool], timeout: float = 120.0, what: str = "") -> None:
    """Poll until ``condition`` holds; fail (not hang) after a generous timeout."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or condition}")
        time.sleep(0.05)


def child_watch_pass(
    inbox: Path, analyzer: SensitivityAnalyzer, profile_id: str
) -> list[FolderEvent]:
    """One pass of a child's share-folder watch over ``inbox``, as the agent (or the service)
    runs it: the default quarantine, the remembered approvals, under-13 rules."""
    watch = ShareFolderWatch(
        [ShareFolder(inbox)],
        analyzer,
        Quarantine(),
        band=AgeBand.UNDER13,
        profile_id=profile_id,
        approvals=Approvals(),
        timing=WatchTiming(settle_s=0.3, poll_s=0.05, rescan_s=3600),
    )
    return watch.run_once(max_wait_s=60)
