"""How many ``whoami`` answers per second the service gives: this checkout against an earlier
commit, in turns, in the same run.

    sudo .venv/bin/python bench/service_answers.py --base 4abbb50 [--rounds 4] [--calls 2000]

Each round starts the service (no watch, no analyzer: only the answers) from the earlier
commit and from this checkout, each in a fresh process on its own data folder and socket,
set up as a school computer would be: two child profiles, an adult's, a school policy
folder with three files. The bench process then asks ``whoami`` ``--calls`` times, each on a
new connection as a session does; then each commit's handlers alone answer ``whoami``
in a fresh process (no socket: the cost of an answer itself, without the connection and
thread every request also pays). It prints the medians and the ratios ours/base. The
earlier commit is exported (``git archive``, no worktree) into ``bench/.work/tree-REV``.
Runs as root (the service refuses otherwise).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from benchlib import REPO_DIR, WORK_DIR, heading, machine_line, row

SERVE = """
import sys
from pathlib import Path
from desktop_app.service.daemon import run_service
from desktop_app.service.paths import MachinePaths
paths = MachinePaths(root=Path(sys.argv[1]), socket=Path(sys.argv[2]))
raise SystemExit(run_service(paths, policy_dir=Path(sys.argv[3])))
"""
ANSWER = """
import sys, time
from pathlib import Path
from desktop_app.service import protocol as p
from desktop_app.service.handlers import ServiceHandlers
from desktop_app.service.paths import MachinePaths
from desktop_app.service.server import Peer
from desktop_app.service.stores import open_stores
paths = MachinePaths(root=Path(sys.argv[1]), socket=Path(sys.argv[2]))
handlers = ServiceHandlers(open_stores(paths, policy_dir=Path(sys.argv[3])))
peer, calls = Peer(pid=4242, uid=65534, gid=65534, name="nobody"), int(sys.argv[4])
for _ in range(50):
    handlers(peer, p.request("whoami"))
started = time.perf_counter()
for _ in range(calls):
    handlers(peer, p.request("whoami"))
print(calls / (time.perf_counter() - started))
"""
SCHOOL_POLICY = {
    "10-base.json": {"strictness": "strict", "surfaces.contacts": True},
    "20-folders.json": {"share_folders.incoming": ["~/Downloads", "~/Phone Inbox"]},
    "90-lab.json": {"retention_days": 30},
}


def _tree(rev: str) -> Path:
    """The earlier commit's files, exported once (no git worktree is registered)."""
    tree = WORK_DIR / f"tree-{rev}"
    if not tree.exists():
        tree.mkdir(parents=True)
        archive = subprocess.run(
            ["git", "-C", str(REPO_DIR), "archive", rev, "desktop_app"],
            check=True,
            capture_output=True,
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    return tree


def _set_up(case: Path) -> tuple[Path, Path, Path]:
    """A data folder with profiles and a policy folder, as this checkout writes them."""
    from desktop_app.policy.editor import GuardianSettings
    from desktop_app.policy.managed import ManagedPolicy
    from desktop_app.policy.profiles import OsUser
    from desktop_app.policy.store import SettingsStore
    from desktop_app.service.paths import MachinePaths

    paths = MachinePaths(root=case / "data", socket=case / "run" / "s.sock")
    paths.prepare()
    editor = GuardianSettings(SettingsStore(paths.settings), ManagedPolicy(), OsUser("root", True))
    year = datetime.now(UTC).year
    editor.add_profile("Ana", "sl-bench-ana", year - 8)
    editor.add_profile("Ben", "sl-bench-ben", year - 14)
    editor.add_profile("Mum", "sl-bench-mum", None)
    policy = case / "policies"
    policy.mkdir()
    for name, values in SCHOOL_POLICY.items():
        (policy / name).write_text(json.dumps(values))
    return paths.root, paths.socket, policy


def _answers(source: Path, calls: int) -> float:
    """The handlers alone (no socket, no connection): ``calls`` whoami answers, in a fresh
    process running ``source``'s code."""
    case = Path(tempfile.mkdtemp(prefix="sl-bench-answers-"))
    try:
        root, socket, policy = _set_up(case)
        command = [sys.executable, "-c", ANSWER, str(root), str(socket), str(policy), str(calls)]
        done = subprocess.run(
            command, env=_env(source), cwd=case, capture_output=True, text=True, check=True
        )
        return float(done.stdout.strip())
    finally:
        shutil.rmtree(case, ignore_errors=True)


def _env(source: Path) -> dict[str, str]:
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONPATH": str(source)}


def _round(source: Path, calls: int) -> float:
    """Start the service from ``source``, time ``calls`` whoami answers, stop it."""
    from desktop_app.service.client import ServiceClient

    case = Path(tempfile.mkdtemp(prefix="sl-bench-answers-"))
    try:
        root, socket, policy = _set_up(case)
        env = _env(source)
        command = [sys.executable, "-c", SERVE, str(root), str(socket), str(policy)]
        service = subprocess.Popen(command, env=env, cwd=case, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 60
            while not socket.exists():
                if service.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"the service from {source} did not start")
                time.sleep(0.05)
            client = ServiceClient(socket)
            for _ in range(50):  # warm: imports, first reads
                client.call("whoami")
            started = time.perf_counter()
            for _ in range(calls):
                client.call("whoami")
            return calls / (time.perf_counter() - started)
        finally:
            service.send_signal(signal.SIGTERM)
            service.wait(timeout=30)
    finally:
        shutil.rmtree(case, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="4abbb50", help="the earlier commit (a git revision)")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--calls", type=int, default=2000)
    args = parser.parse_args()
    if os.geteuid() != 0:
        raise SystemExit("run as root: the service refuses otherwise")
    base = _tree(args.base)
    heading(f"whoami, {args.calls} calls a round (a new connection each), {args.rounds} rounds")
    print(machine_line())
    seen: dict[str, list[float]] = {"base": [], "ours": [], "base alone": [], "ours alone": []}
    for number in range(1, args.rounds + 1):
        seen["base"].append(_round(base, args.calls))
        seen["ours"].append(_round(REPO_DIR, args.calls))
        seen["base alone"].append(_answers(base, args.calls))
        seen["ours alone"].append(_answers(REPO_DIR, args.calls))
        print(f"  round {number}: " + "  ".join(f"{k} {v[-1]:.0f}/s" for k, v in seen.items()))
    median = {name: statistics.median(values) for name, values in seen.items()}
    heading(f"Medians (answers/s) and the ratios, base {args.base}")
    for name, value in median.items():
        row(f"{name} whoami", f"{value:.0f}/s")
    row("ours / base, through the socket", f"{median['ours'] / median['base']:.2f}x")
    row("ours / base, the handlers alone", f"{median['ours alone'] / median['base alone']:.2f}x")


if __name__ == "__main__":
    main()
