"""`safelens watch` as a user runs it: what ends in quarantine, what stays, nothing lost."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from desktop_app.analysis import testpattern
from desktop_app.core.vocabulary import EventKind, Surface
from desktop_app.safety.events import EventCounts
from desktop_app.surfaces.quarantine import Quarantine
from tests.helpers import media
from tests.helpers.share_folders import SlowWriter, photo_jpeg_bytes, sha256

# The `safelens watch` command as a subprocess, with its watcher and models.
pytestmark = pytest.mark.slow

KEYS = ["event", "path", "status", "sensitive", "quarantine_id"]


def watch_process(*args: str | Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "desktop_app", "watch", *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )


def test_once_for_a_child_quarantines_the_pattern_and_the_broken_file(tmp_path: Path) -> None:
    inbox = tmp_path / "Inbox"
    inbox.mkdir()
    testpattern.write_image(inbox / "pattern.png")
    testpattern.write_video(inbox / "pattern.mp4", seconds=2)
    photos = media.people_photos()
    media.save(photos["astronaut"], inbox / "astronaut.jpg", quality=90)
    media.save(photos["cameraman"], inbox / "cameraman.png")
    frames = [np.asarray(media.people_photos()["astronaut"])[:256, :256]] * 10
    media.write_video(inbox / "holiday.mp4", frames)
    data = photo_jpeg_bytes()
    (inbox / "broken.jpg").write_bytes(data[: len(data) // 3])
    writer = SlowWriter(inbox / "arriving.jpg", data)
    writer.start()
    writer.started_writing.wait(30)
    inputs = {path.name: sha256(path) for path in inbox.iterdir() if path.name != "arriving.jpg"}
    inputs["arriving.jpg"] = hashlib.sha256(data).hexdigest()

    records: list[dict[str, Any]] = []
    read_at: dict[str, float] = {}
    with watch_process(
        "--once", "--json", "--age-band", "under13", "--test-pattern", "--settle", "1", inbox
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        for line in process.stdout:  # the half-written file grows until the first answers
            records.append(json.loads(line))
            read_at[Path(records[-1]["path"]).name] = time.monotonic()
            writer.finish.set()
        process.wait(timeout=240)
        writer.finish.set()
        writer.join(30)
        assert process.returncode == 0, process.stderr.read()

    events = {Path(r["path"]).name: r for r in records}
    assert all(list(record) == KEYS for record in records)
    assert len(records) == len(inputs) == len(events)  # each input once
    for name in ("pattern.png", "pattern.mp4"):
        assert events[name]["event"] == "quarantined" and events[name]["sensitive"] is True
    assert events["broken.jpg"]["event"] == "quarantined"
    assert events["broken.jpg"]["status"] == "unreadable"
    for name in ("astronaut.jpg", "cameraman.png", "holiday.mp4", "arriving.jpg"):
        assert events[name] == {
            "event": "checked",
            "path": str(inbox / name),
            "status": "ok",
            "sensitive": False,
            "quarantine_id": None,
        }
    assert writer.completed_at is not None
    assert read_at["arriving.jpg"] > writer.completed_at  # only once it was complete

    quarantine = Quarantine()
    in_place = {path.name: sha256(path) for path in inbox.iterdir()}
    held = {Path(e.original_path).name: e for e in quarantine.entries()}
    assert sorted(in_place) == ["arriving.jpg", "astronaut.jpg", "cameraman.png", "holiday.mp4"]
    assert sorted(held) == ["broken.jpg", "pattern.mp4", "pattern.png"]
    assert {name: e.sha256 for name, e in held.items()} | in_place == inputs
    for name, entry in held.items():
        assert events[name]["quarantine_id"] == entry.id
        assert sha256(quarantine.restore(entry.id)) == inputs[name]
    assert {path.name: sha256(path) for path in inbox.iterdir()} == inputs
    with EventCounts() as counts:  # counted for the guardian, never named
        tally = {(c.surface, c.kind): c.count for c in counts.counts()}
    assert tally == {
        (Surface.share_folders, EventKind.sensitive): 2,
        (Surface.share_folders, EventKind.could_not_check): 1,
    }


def test_watching_until_sigterm_holds_outgoing_and_stops_cleanly(tmp_path: Path) -> None:
    inbox, outbox = tmp_path / "Inbox", tmp_path / "Outbox"
    inbox.mkdir()
    outbox.mkdir()
    first: list[dict[str, Any]] = []
    with watch_process(
        "--json", "--age-band", "teen", "--test-pattern", "--settle", "0.5",
        inbox, "--outgoing", outbox,
    ) as process:  # fmt: skip
        stdout = process.stdout
        assert stdout is not None
        reader = threading.Thread(target=lambda: first.append(json.loads(stdout.readline())))
        reader.start()
        testpattern.write_image(tmp_path / "pattern.png")
        (tmp_path / "pattern.png").replace(outbox / "pattern.png")  # arrives whole, by a rename
        reader.join(240)
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)
        assert process.returncode == 0
    (event,) = first
    assert event["event"] == "held" and event["path"] == str(outbox / "pattern.png")
    assert Quarantine().get(event["quarantine_id"]).surface == "share_folders.outgoing"


def test_a_folder_that_does_not_exist_is_a_usage_error(tmp_path: Path) -> None:
    with watch_process("--once", tmp_path / "nowhere") as process:
        _out, err = process.communicate(timeout=120)
    assert process.returncode == 2 and "not a folder" in err
