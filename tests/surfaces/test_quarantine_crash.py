"""kill -9 at every point of a quarantine add, restore or delete never loses or duplicates a file.

A fresh Python process (the driver) prepares one scenario folder per kill point and forks a
child for each; the child runs one operation and is killed with SIGKILL either at a named step
(SAFELENS_QUARANTINE_CRASH_AT) or just before its Nth file-system call (an audit hook counts
them), until an N is reached where the operation finishes. Then this test opens every scenario
with a fresh Quarantine (which recovers) and checks: exactly one copy of the bytes, at its place
with no entry or in quarantine with its entry, the same SHA-256, and no temp files left.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop_app.surfaces.quarantine import Quarantine
from desktop_app.surfaces.quarantine_files import CRASH_STEPS

pytestmark = [
    pytest.mark.skipif(not hasattr(os, "fork"), reason="kill -9 needs POSIX"),
    pytest.mark.slow,  # real processes killed with SIGKILL at every step, then recovered
]

REPO = Path(__file__).resolve().parents[2]
CONTENT = bytes(range(256)) * 5000  # 1.25 MB: more than one copy chunk
SHA = hashlib.sha256(CONTENT).hexdigest()
NAME = "photo.jpg"
OTHER = b"a different file that arrived later with the same name"
MAX_EVENTS = 200

DRIVER = r"""
import json, os, signal, sys
from pathlib import Path
from desktop_app.surfaces.quarantine import Quarantine
from desktop_app.surfaces.quarantine_files import CRASH_ENV

config = json.loads(sys.argv[1])
content = Path(config["content"]).read_bytes()
same_volume = (lambda a, b: False) if config["cross"] == "forced" else None
WATCHED = {"open", "os.rename", "os.remove", "os.link", "os.chmod", "os.mkdir",
           "tempfile.mkstemp", "os.truncate", "os.listdir", "os.scandir"}

def operate(inbox, root, entry_id):
    store = Quarantine(root, same_volume=same_volume)
    if config["op"] == "add":
        store.add(inbox / "photo.jpg", reason="sensitive", surface="share_folders")
    elif config["op"] == "restore":
        store.restore(entry_id)
    else:
        store.delete(entry_id)

def kill_before_call(n):
    seen = [0]
    def hook(event, args):
        if event in WATCHED:
            seen[0] += 1
            if seen[0] == n:
                os.kill(os.getpid(), signal.SIGKILL)
    sys.addaudithook(hook)

def in_child(work):
    pid = os.fork()
    if pid == 0:
        try:
            work()
        except BaseException:
            os._exit(3)
        os._exit(0)
    _, status = os.waitpid(pid, 0)
    killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    return killed, os.WEXITSTATUS(status) if os.WIFEXITED(status) else None

def prepare(label):
    inbox = Path(config["work"]) / label / "inbox"
    inbox.mkdir(parents=True)
    root = Path(config["qbase"]) / label / "q"
    (inbox / "photo.jpg").write_bytes(content)
    store = Quarantine(root, same_volume=same_volume)
    entry_id = None
    if config["op"] != "add":
        entry_id = store.add(inbox / "photo.jpg", reason="sensitive", surface="share_folders").id
        if config["op"] == "restore":
            (inbox / "photo.jpg").write_bytes(bytes.fromhex(config["other"]))
    if config["interrupted"]:  # a first kill leaves a half-done operation for recovery
        def first():
            os.environ[CRASH_ENV] = config["interrupted"]
            operate(inbox, root, entry_id)
        assert in_child(first)[0], "the first kill did not happen"
    return inbox, root, entry_id

def run(label, step=None, kill_after=0):
    inbox, root, entry_id = prepare(label)
    def work():
        if step:
            os.environ[CRASH_ENV] = step
        if config["interrupted"]:  # kill the recovery itself
            kill_before_call(kill_after)
            Quarantine(root, same_volume=same_volume)
            return
        store = Quarantine(root, same_volume=same_volume)
        if kill_after:
            kill_before_call(kill_after)
        operate(inbox, root, entry_id)
    killed, code = in_child(work)
    return {"label": label, "step": step, "kill_after": kill_after, "killed": killed,
            "exit": code}

results = [run(f"step-{i}", step=s) for i, s in enumerate(config["steps"])]
for n in range(1, config["max_events"] + 1):
    result = run(f"event-{n}", kill_after=n)
    results.append(result)
    if not result["killed"]:
        break
print(json.dumps(results))
"""

# Where the file must be after recovery, for a kill at each named step (None: not applicable).
EXPECTED = {
    "add:journaled": "original",
    "add:recorded": "original",
    "copy:partial": None,  # original for an add, quarantine for a restore: checked below
    "add:copied": "original",
    "add:stored": "quarantine",
    "add:source_removed": "quarantine",
    "restore:journaled": "quarantine",
    "restore:copied": "quarantine",
    "restore:placed": "restored",
    "restore:stored_removed": "restored",
    "restore:unrecorded": "restored",
    "delete:journaled": "deleted",
    "delete:stored_removed": "deleted",
}
ONLY_ACROSS_VOLUMES = {"add:copied", "add:source_removed", "restore:copied", "copy:partial"}


def second_volume() -> Path | None:
    shm = Path("/dev/shm")
    if not shm.is_dir() or not os.access(shm, os.W_OK):
        return None
    return shm if shm.stat().st_dev != Path(tempfile.gettempdir()).stat().st_dev else None


VOLUMES = [
    "same",
    "forced",
    pytest.param(
        "real",
        marks=pytest.mark.skipif(
            second_volume() is None, reason="no second file system (/dev/shm) on this machine"
        ),
    ),
]


@pytest.fixture
def qbase(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Path]:
    if request.node.callspec.params["volume"] != "real":
        yield tmp_path / "quarantines"
        return
    shm = second_volume()
    assert shm is not None
    folder = Path(tempfile.mkdtemp(prefix="safelens-crash-", dir=shm))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def drive(
    op: str, volume: str, work: Path, qbase: Path, interrupted: str | None = None
) -> list[dict[str, Any]]:
    content = work / "content.bin"
    work.mkdir(parents=True, exist_ok=True)
    content.write_bytes(CONTENT)
    prefixes = (op + ":", "copy:") if op != "delete" else (op + ":",)
    steps = [s for s in CRASH_STEPS if s.startswith(prefixes)] if not interrupted else []
    config = {
        "work": str(work),
        "qbase": str(qbase),
        "content": str(content),
        "op": op,
        "cross": volume,
        "steps": steps,
        "max_events": MAX_EVENTS,
        "other": OTHER.hex(),
        "interrupted": interrupted,
    }
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("SAFELENS_QUARANTINE_CRASH_AT", None)
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, json.dumps(config)],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
        env=env,
        cwd=work,
    )
    assert done.returncode == 0, done.stderr
    results: list[dict[str, Any]] = json.loads(done.stdout)
    return results


def copies_of_content(*folders: Path) -> list[Path]:
    found = []
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file() and not path.is_symlink() and path.read_bytes() == CONTENT:
                found.append(path)
    return found


def where_after_recovery(
    op: str, inbox: Path, root: Path, same_volume: Callable[..., bool] | None
) -> str:
    """Recover with a fresh Quarantine and check the invariants; returns where the file is."""
    store = Quarantine(root, same_volume=same_volume)
    entries = store.entries()
    copies = copies_of_content(inbox, root)
    leftovers = [p for p in [*inbox.rglob("*"), *root.rglob("*")] if p.name.endswith(".tmp")]
    assert leftovers == []
    assert list((root / "journal").iterdir()) == []
    assert [p.name for p in (root / "entries").iterdir()] == [f"{e.id}.json" for e in entries]
    if op == "restore":
        assert (inbox / NAME).read_bytes() == OTHER  # the file that arrived later is untouched
    if op == "delete" and not copies:
        assert entries == []
        return "deleted"
    assert len(copies) == 1, copies  # never lost, never duplicated
    copy = copies[0]
    if copy.parent == root / "files":
        assert [(e.id, e.sha256, e.size) for e in entries] == [(copy.name, SHA, len(CONTENT))]
        assert os.stat(copy).st_mode & 0o777 == 0o600
        restored = store.restore(entries[0].id)  # and the guardian can still get it back
        assert hashlib.sha256(restored.read_bytes()).hexdigest() == SHA
        return "quarantine"
    assert entries == []
    if op == "add":
        assert copy == inbox / NAME
        return "original"
    assert copy == inbox / "photo (restored).jpg"
    return "restored"


@pytest.mark.parametrize("volume", VOLUMES)
@pytest.mark.parametrize("op", ["add", "restore", "delete"])
def test_kill_9_at_every_point_loses_and_duplicates_nothing(
    op: str, volume: str, tmp_path: Path, qbase: Path
) -> None:
    results = drive(op, volume, tmp_path / "work", qbase)
    same_volume = (lambda _a, _b: False) if volume == "forced" else None
    across = volume != "same"
    seen = set()
    for result in results:
        label = result["label"]
        inbox, root = tmp_path / "work" / label / "inbox", qbase / label / "q"
        assert result["killed"] or result["exit"] == 0, result
        place = where_after_recovery(op, inbox, root, same_volume)
        seen.add(place)
        step = result["step"]
        if step is None:
            continue
        applies = across or step not in ONLY_ACROSS_VOLUMES
        assert result["killed"] == applies, result
        expected = EXPECTED[step] or ("original" if op == "add" else "quarantine")
        if applies:
            assert place == expected, result
    sweep = [r for r in results if r["step"] is None]
    assert not sweep[-1]["killed"], "the operation never finished within MAX_EVENTS calls"
    assert len(sweep) > 5  # many kill points, not one
    finished = {"add": "quarantine", "restore": "restored", "delete": "deleted"}[op]
    assert finished in seen


@pytest.mark.parametrize(
    ("interrupted", "volume", "finished"),
    [
        ("add:stored", "forced", "quarantine"),  # the original is still there: a duplicate
        ("add:recorded", "same", "original"),  # an entry for a file that never moved
        ("restore:placed", "same", "restored"),  # two names for one file
        ("restore:copied", "forced", "quarantine"),  # a full temp copy next to the target
        ("delete:journaled", "same", "deleted"),
    ],
)
def test_kill_9_during_recovery_is_recovered_too(
    interrupted: str, volume: str, finished: str, tmp_path: Path
) -> None:
    """Recovery is itself killed before each of its file-system calls, then run again."""
    op = interrupted.split(":", maxsplit=1)[0]
    qbase = tmp_path / "quarantines"
    results = drive(op, volume, tmp_path / "work", qbase, interrupted=interrupted)
    same_volume = (lambda _a, _b: False) if volume == "forced" else None
    assert len(results) > 2 and results[0]["killed"] and not results[-1]["killed"]
    for result in results:
        label = result["label"]
        inbox, root = tmp_path / "work" / label / "inbox", qbase / label / "q"
        assert where_after_recovery(op, inbox, root, same_volume) == finished, result
