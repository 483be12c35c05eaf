"""The service against real OS accounts: a child acting through the real client cannot
change, read or redirect its protection (issue 11, "Done means").

Needs root (CI runs as root): real accounts are made with useradd and removed afterwards,
the service runs as root in a subprocess on a private data folder and socket, and the
child's side is a separate process running with the child's uid, gid and no extra groups.
The child cannot run this virtualenv's python (it lives under /root, 0700), so it runs the
system's /usr/bin/python3 with PYTHONPATH on a copy of the two client modules
(service/client.py, service/protocol.py: standard library only) in a 0755 folder.
Without root these tests skip; under CI=true a missing root is a failure.
"""

from __future__ import annotations

import contextlib
import grp
import hashlib
import io
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from desktop_app.analysis import testpattern
from desktop_app.policy.editor import GuardianSettings
from desktop_app.policy.managed import ManagedPolicy
from desktop_app.policy.profiles import OsUser
from desktop_app.policy.store import SettingsStore
from desktop_app.service.paths import MachinePaths
from desktop_app.surfaces.quarantine import Quarantine
from tests.helpers.os_accounts import (
    SYSTEM_PYTHON,
    OsAccount,
    make_account,
    need_root,
    remove_account,
)
from tests.helpers.service import GUARDIAN_PIN, UNDER13_BIRTH_YEAR, add_profile, set_guardian_pin

# Real accounts and a real service with its models, per test.
pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
START_TIMEOUT_S = 60.0
CHILD_TIMEOUT_S = 120.0
WATCH_TIMEOUT_S = 180.0

# Run as the child: each argument is one call [op, {args}], each on its own connection;
# prints one JSON result per call. Standard library + the copied client only.
CHILD_CLIENT = """
import json, sys
from desktop_app.service.client import ServiceClient, ServiceError, ServiceUnavailable
client = ServiceClient(sys.argv[1])
results = []
for op, args in json.loads(sys.argv[2]):
    try:
        results.append(client.call(op, **args))
    except ServiceError as exc:
        results.append({"ok": False, "error": exc.code, **exc.details})
    except ServiceUnavailable:
        results.append({"ok": False, "error": "unavailable"})
print(json.dumps(results))
"""


@pytest.fixture(scope="module")
def accounts() -> Iterator[dict[str, OsAccount]]:
    """A guardian's and a child's account, removed afterwards whatever happens."""
    need_root()
    made: dict[str, OsAccount] = {}
    try:
        made["guardian"] = make_account("guardian")
        made["child"] = make_account("child")
        yield made
    finally:
        for account in made.values():
            remove_account(account)


@pytest.fixture(scope="module")
def shared_dir() -> Iterator[Path]:
    """A 0755 root folder the child may traverse: its socket folder and the client copy."""
    need_root()
    base = Path(tempfile.mkdtemp(prefix="sl-service-"))
    os.chmod(base, 0o755)
    client = base / "client" / "desktop_app" / "service"
    client.mkdir(parents=True)
    for name in ("client.py", "protocol.py"):
        shutil.copy(REPO / "desktop_app" / "service" / name, client / name)
    (client / "__init__.py").write_text("")
    (client.parent / "__init__.py").write_text("")
    for folder, _, files in os.walk(base / "client"):
        os.chmod(folder, 0o755)
        for name in files:
            os.chmod(Path(folder) / name, 0o644)
    yield base
    shutil.rmtree(base, ignore_errors=True)


@dataclass
class RunningService:
    paths: MachinePaths
    process: subprocess.Popen[bytes]
    decoy: Path
    accounts: dict[str, OsAccount]
    shared: Path
    put_aside_for_child: str  # a quarantine entry's id

    def as_account(
        self, who: str, calls: list[tuple[str, dict[str, Any]]], env: dict[str, str] | None = None
    ) -> list[dict[str, Any]]:
        """Run the real client as that OS account (own uid/gid, no extra groups)."""
        out = self.run_as(who, CHILD_CLIENT, str(self.paths.socket), json.dumps(calls), env=env)
        result: list[dict[str, Any]] = json.loads(out)
        return result

    def run_as(self, who: str, code: str, *args: str, env: dict[str, str] | None = None) -> str:
        account = self.accounts[who]
        base_env = {
            "PATH": "/usr/bin:/bin",
            "HOME": account.home,
            "PYTHONPATH": str(self.shared / "client"),
            "PYTHONDONTWRITEBYTECODE": "1",
        }
        done = subprocess.run(
            [SYSTEM_PYTHON, "-c", code, *args],
            user=account.uid,
            group=account.gid,
            extra_groups=[],
            env={**base_env, **(env or {})},
            cwd="/",
            capture_output=True,
            timeout=CHILD_TIMEOUT_S,
            check=False,
        )
        assert done.returncode == 0, done.stderr.decode(errors="replace")
        return done.stdout.decode()


@pytest.fixture
def service(
    accounts: dict[str, OsAccount], shared_dir: Path, tmp_path: Path
) -> Iterator[RunningService]:
    """The service as root on a fresh data folder, set up before start as a guardian would:
    the child's profile (under 13), the guardian's (adult) and the guardian's PIN."""
    yield from _running_service(accounts, shared_dir, set_up=True)


@pytest.fixture
def unset_service(accounts: dict[str, OsAccount], shared_dir: Path) -> Iterator[RunningService]:
    """The service as root on a computer nobody has set up yet (no PIN, no profiles)."""
    yield from _running_service(accounts, shared_dir, set_up=False)


def _running_service(
    accounts: dict[str, OsAccount], shared_dir: Path, *, set_up: bool
) -> Iterator[RunningService]:
    case = Path(tempfile.mkdtemp(prefix="case-", dir=shared_dir))
    os.chmod(case, 0o755)
    paths = MachinePaths(root=case / "data", socket=case / "run" / "s.sock")
    paths.prepare()
    entry_id = ""
    if set_up:
        child_profile = add_profile(paths, accounts["child"].name, UNDER13_BIRTH_YEAR)
        add_profile(paths, accounts["guardian"].name, None)
        set_guardian_pin(paths)
        _turn_on_test_mode(paths)
        entry_id = (
            Quarantine(paths.quarantine)
            .add_bytes(
                b"put aside while nobody was logged in",
                original_path=f"{accounts['child'].home}/Downloads/picture.jpg",
                reason="sensitive",
                surface="share_folders",
                profile_id=child_profile.id,
            )
            .id
        )
    decoy = case / "decoy"  # where environment variables point: machine mode never goes there
    command = [sys.executable, "-m", "desktop_app", "service"]
    command += ["--data-dir", str(paths.root), "--socket", str(paths.socket)]
    decoy_env = {name: str(decoy / name) for name in ("SAFELENS_HOME", "SAFELENS_POLICY_DIR")}
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), **decoy_env}
    process = subprocess.Popen(command, env=env, cwd=REPO, stderr=subprocess.PIPE)
    running = RunningService(paths, process, decoy, accounts, shared_dir, entry_id)
    try:
        _wait_until_answering(running)
        yield running
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=30)
        if process.poll() is None:
            process.kill()
            process.wait()
        if process.stderr is not None:
            process.stderr.close()
        shutil.rmtree(case, ignore_errors=True)


def _turn_on_test_mode(paths: MachinePaths) -> None:
    """The admin test pattern counts as sensitive (as a guardian turns it on to try SafeLens)."""
    editor = GuardianSettings(SettingsStore(paths.settings), ManagedPolicy(), OsUser("root", True))
    editor.set_value("test_pattern", True)


def _wait_until_answering(running: RunningService) -> None:
    deadline = threading.Event()
    for _ in range(int(START_TIMEOUT_S / 0.1)):
        if running.process.poll() is not None:
            error = running.process.stderr.read() if running.process.stderr else b""
            pytest.fail(f"the service stopped at start: {error.decode(errors='replace')}")
        if running.paths.socket.exists():
            return
        deadline.wait(0.1)
    pytest.fail("the service did not open its socket")


def test_the_child_is_told_they_are_protected_under_13(service: RunningService) -> None:
    child = service.accounts["child"]
    [me] = service.as_account("child", [("whoami", {})])
    assert me["ok"] is True
    assert (me["account"], me["uid"]) == (child.name, child.uid)
    assert (me["protected"], me["age_band"], me["source"]) == (True, "under13", "profile")
    [guardian] = service.as_account("guardian", [("whoami", {})])
    assert (guardian["protected"], guardian["age_band"]) == (False, "adult")


def test_the_child_cannot_stop_freeze_or_kill_the_service(service: RunningService) -> None:
    code = (
        "import json, os, sys\n"
        "out = {}\n"
        "for name in ('SIGTERM', 'SIGSTOP', 'SIGKILL', 'SIGINT', 'SIGHUP'):\n"
        "    try:\n"
        "        os.kill(int(sys.argv[1]), getattr(__import__('signal'), name))\n"
        "        out[name] = 'delivered'\n"
        "    except PermissionError:\n"
        "        out[name] = 'PermissionError'\n"
        "print(json.dumps(out))\n"
    )
    result = json.loads(service.run_as("child", code, str(service.process.pid)))
    assert set(result.values()) == {"PermissionError"}, result
    assert service.process.poll() is None
    [hello] = service.as_account("child", [("hello", {})])
    assert hello["mode"] == "machine"


def test_the_child_can_neither_read_nor_change_the_services_data(
    service: RunningService,
) -> None:
    entry = service.put_aside_for_child
    service.as_account(
        "child",
        [
            ("approve_file", {"pin": GUARDIAN_PIN, "sha256": "b" * 64}),
            ("verify_pin", {"pin": "000000"}),  # an attempt state with a failure in it
        ],
    )
    paths = service.paths
    targets = {
        "pin hash": paths.guardian / "guardian-pin.json",
        "attempt state": paths.guardian / "guardian-attempts.json",
        "settings": paths.settings / "settings.json",
        "approvals": paths.approvals / "approvals.json",
        "counts": paths.events / "events.sqlite3",
        "quarantine entry": paths.quarantine / "entries" / f"{entry}.json",
        "quarantined file": paths.quarantine / "files" / entry,
    }
    assert all(path.exists() for path in targets.values())
    probe = (
        "import json, os, sys\n"
        "folders, files = json.loads(sys.argv[1]), json.loads(sys.argv[2])\n"
        "out = {}\n"
        "def attempt(label, action):\n"
        "    try:\n"
        "        action()\n"
        "        out[label] = 'allowed'\n"
        "    except PermissionError:\n"
        "        out[label] = 'refused'\n"
        "    except OSError as exc:\n"
        "        out[label] = type(exc).__name__\n"
        "for folder in folders:\n"
        "    attempt('list ' + folder, lambda: os.listdir(folder))\n"
        "    attempt('add to ' + folder, lambda: open(os.path.join(folder, 'x'), 'w').close())\n"
        "for path in files:\n"
        "    attempt('read ' + path, lambda: open(path, 'rb').read())\n"
        "    attempt('write ' + path, lambda: open(path, 'ab').close())\n"
        "    attempt('remove ' + path, lambda: os.remove(path))\n"
        "    attempt('rename ' + path, lambda: os.rename(path, path + '.old'))\n"
        "attempt('replace the socket', lambda: os.remove(sys.argv[3]))\n"
        "attempt('add to the data root', lambda: os.mkdir(sys.argv[4] + '/mine'))\n"
        "print(json.dumps(out))\n"
    )
    folders = [str(folder) for folder in paths.private_folders]
    files = [str(path) for path in targets.values()]
    out = service.run_as(
        "child", probe, json.dumps(folders), json.dumps(files), str(paths.socket), str(paths.root)
    )
    result = json.loads(out)
    assert len(result) == 2 * len(folders) + 4 * len(files) + 2
    allowed = [label for label, outcome in result.items() if outcome != "refused"]
    assert allowed == []
    for folder in paths.private_folders:
        info = os.lstat(folder)
        assert (info.st_uid, stat.S_IMODE(info.st_mode)) == (0, 0o700)
    assert stat.S_IMODE(os.lstat(targets["pin hash"]).st_mode) == 0o600


def test_a_uid_or_user_in_the_message_changes_nothing(service: RunningService) -> None:
    guardian = service.accounts["guardian"]
    claims: list[dict[str, Any]] = [
        {},
        {"uid": 0},
        {"uid": guardian.uid, "user": guardian.name},
        {"account": guardian.name, "gid": 0},
    ]
    answers = service.as_account("child", [("whoami", claim) for claim in claims])
    assert all(answer == answers[0] for answer in answers)
    assert answers[0]["protected"] is True


def test_every_accounts_health_is_not_the_childs_to_see_but_the_guardians_pin_opens_it(
    service: RunningService,
) -> None:
    claims: list[dict[str, Any]] = [{}, {"uid": 0}, {"user": "root", "admin": True}]
    for answer in service.as_account("child", [("status", claim) for claim in claims]):
        assert answer == {"ok": False, "error": "forbidden"}
    [with_pin] = service.as_account("child", [("status", {"pin": GUARDIAN_PIN})])
    assert with_pin["ok"] is True
    [child] = [a for a in with_pin["accounts"] if a["account"] == service.accounts["child"].name]
    assert (child["age_band"], child["put_aside"]) == ("under13", 1)


def test_environment_variables_in_the_childs_session_change_nothing(
    service: RunningService, tmp_path: Path
) -> None:
    calls: list[tuple[str, dict[str, Any]]] = [
        ("whoami", {}),
        ("is_approved", {"sha256": "a" * 64}),
        ("put_aside", {}),
    ]
    plain = service.as_account("child", calls)
    elsewhere = str(service.decoy / "child")
    hostile = {
        "SAFELENS_HOME": elsewhere,
        "SAFELENS_POLICY_DIR": elsewhere,
        "HOME": elsewhere,
        "USER": service.accounts["guardian"].name,
        "LOGNAME": service.accounts["guardian"].name,
        **{
            name: elsewhere
            for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR")
        },
    }
    assert service.as_account("child", calls, env=hostile) == plain
    assert plain[0]["protected"] is True
    assert not service.decoy.exists()  # neither the service nor the child's client went there


def test_wrong_pins_from_the_child_are_throttled_across_reconnects(
    service: RunningService,
) -> None:
    left = []
    for _ in range(5):  # a new process and a new connection each time
        [reply] = service.as_account("child", [("verify_pin", {"pin": "000000"})])
        assert reply["error"] == "wrong_pin"
        left.append(reply["tries_left"])
    assert left == [4, 3, 2, 1, 0]
    [waiting] = service.as_account("child", [("verify_pin", {"pin": GUARDIAN_PIN})])
    assert waiting["error"] == "wait" and waiting["seconds"] > 0
    [from_guardian] = service.as_account("guardian", [("verify_pin", {"pin": GUARDIAN_PIN})])
    assert from_guardian["error"] == "wait"  # one throttle for the machine's one PIN


def test_the_guardians_pin_in_the_childs_session_approves_those_bytes_for_the_child(
    service: RunningService,
) -> None:
    image = io.BytesIO()
    testpattern.render(320, 240).save(image, format="PNG")
    picture = hashlib.sha256(image.getvalue()).hexdigest()
    other = hashlib.sha256(image.getvalue() + b"\0").hexdigest()
    before, wrong = service.as_account(
        "child",
        [
            ("is_approved", {"sha256": picture}),
            ("approve_file", {"pin": "111111", "sha256": picture}),
        ],
    )
    assert (before["approved"], wrong["error"]) == (False, "wrong_pin")
    approve = ("approve_file", {"pin": GUARDIAN_PIN, "sha256": picture})
    [approved] = service.as_account("child", [approve])
    assert approved == {"v": 1, "ok": True, "approved": True}
    after, different = service.as_account(
        "child", [("is_approved", {"sha256": picture}), ("is_approved", {"sha256": other})]
    )
    assert (after["approved"], different["approved"]) == (True, False)
    [for_guardian] = service.as_account("guardian", [("is_approved", {"sha256": picture})])
    assert for_guardian["approved"] is False


def test_sigterm_from_root_stops_the_service_cleanly(service: RunningService) -> None:
    service.process.send_signal(signal.SIGTERM)
    assert service.process.wait(timeout=30) == 0
    assert not service.paths.socket.exists()
    assert service.as_account("child", [("hello", {})]) == [{"ok": False, "error": "unavailable"}]
    log = service.process.stderr.read().decode() if service.process.stderr else ""
    assert "stopped after" in log
    assert str(service.paths.root) not in log and GUARDIAN_PIN not in log


def test_the_child_sees_what_was_put_aside_for_them_and_nothing_else(
    service: RunningService,
) -> None:
    [mine] = service.as_account("child", [("put_aside", {})])
    assert [item["id"] for item in mine["entries"]] == [service.put_aside_for_child]
    assert mine["entries"][0]["surface"] == "share_folders"
    assert "Downloads" not in json.dumps(mine) and "picture" not in json.dumps(mine)
    [theirs] = service.as_account(
        "guardian", [("put_aside", {"uid": service.accounts["child"].uid})]
    )
    assert theirs["entries"] == []


# As the child: copy a file into their own Downloads (made if missing), then list it.
CHILD_COPIES = """
import os, shutil, sys
downloads = os.path.join(os.environ["HOME"], "Downloads")
os.makedirs(downloads, exist_ok=True)
for source in sys.argv[1:]:
    shutil.copy(source, downloads)
print("\\n".join(sorted(os.listdir(downloads))))
"""


def test_a_picture_arriving_in_the_childs_downloads_is_put_aside_with_no_session_running(
    service: RunningService,
) -> None:
    """Nothing of SafeLens runs in the child's session: the service alone protects them."""
    child = service.accounts["child"]
    handout = Path(tempfile.mkdtemp(prefix="handout-", dir=service.shared))
    os.chmod(handout, 0o755)
    pattern, photo = handout / "pattern.png", handout / "holiday.png"
    testpattern.write_image(pattern, 320, 240)
    Image.new("RGB", (320, 240), (90, 140, 200)).save(photo)  # an ordinary picture
    for made in (pattern, photo):
        os.chmod(made, 0o644)
    listed = service.run_as("child", CHILD_COPIES, str(pattern), str(photo)).split()
    assert listed == ["holiday.png", "pattern.png"]
    downloads = Path(child.home) / "Downloads"
    entries: list[dict[str, Any]] = []
    for _ in range(int(WATCH_TIMEOUT_S / 0.5)):
        [answer] = service.as_account("child", [("put_aside", {})])
        entries = [e for e in answer["entries"] if e["id"] != service.put_aside_for_child]
        if entries and not (downloads / "pattern.png").exists():
            break
        threading.Event().wait(0.5)
    assert not (downloads / "pattern.png").exists()
    assert [(e["surface"], e["reason"]) for e in entries] == [("share_folders", "sensitive")]
    assert (downloads / "holiday.png").exists()  # the ordinary picture stays
    assert (downloads / "holiday.png").stat().st_uid == child.uid
    # And it is not the child's to take back: the quarantine folder is closed to them.
    code = (
        "import os, sys\n"
        "try:\n    os.listdir(sys.argv[1]); print('listed')\n"
        "except PermissionError:\n    print('refused')\n"
    )
    assert service.run_as("child", code, str(service.paths.quarantine)).strip() == "refused"


# --- the guardian's console and setup wizard from any account (their client's ops) ---------


def test_the_guardians_pin_in_the_childs_session_lists_and_restores_the_services_quarantine(
    service: RunningService,
) -> None:
    """What the console does from the child's session with the guardian beside them."""
    child = service.accounts["child"]
    handout = Path(tempfile.mkdtemp(prefix="handout-", dir=service.shared))
    os.chmod(handout, 0o755)
    photo = handout / "holiday.png"
    Image.new("RGB", (64, 48), (90, 140, 200)).save(photo)
    os.chmod(photo, 0o644)
    service.run_as("child", CHILD_COPIES, str(photo))
    downloads = Path(child.home) / "Downloads"
    profile_id = service.as_account("child", [("whoami", {})])[0]["profile_id"]
    entry = Quarantine(service.paths.quarantine).add(
        downloads / "holiday.png",
        reason="sensitive",
        surface="share_folders",
        profile_id=profile_id,
    )
    assert not (downloads / "holiday.png").exists()

    # without the PIN: nothing
    wrong, made_up, no_token = service.as_account(
        "child",
        [
            ("guardian_open", {"pin": "000000"}),
            ("guardian_list", {"token": "0" * 64, "what": "quarantine"}),
            ("guardian_restore", {"id": entry.id}),
        ],
    )
    assert wrong["error"] == "wrong_pin"
    assert made_up["error"] == no_token["error"] == "session_ended"

    # with it: the console's session lists the service's quarantine and restores
    [opened] = service.as_account("child", [("guardian_open", {"pin": GUARDIAN_PIN})])
    token = opened["token"]
    [stolen] = service.as_account(
        "guardian", [("guardian_list", {"token": token, "what": "quarantine"})]
    )
    assert stolen["error"] == "session_ended"  # the token is bound to the child's uid
    listed, restored, approved, closed = service.as_account(
        "child",
        [
            ("guardian_list", {"token": token, "what": "quarantine"}),
            ("guardian_restore", {"token": token, "id": entry.id}),
            ("is_approved", {"sha256": entry.sha256}),
            ("guardian_close", {"token": token}),
        ],
    )
    assert entry.id in [item["id"] for item in listed["items"]]
    assert restored["ok"] is True and restored["placed"] == str(downloads / "holiday.png")
    back = downloads / "holiday.png"
    assert back.exists() and back.stat().st_uid == child.uid  # the child's own file again
    assert approved["approved"] is True and closed["closed"] is True


def test_setup_is_refused_to_the_child_and_done_by_the_guardian_as_an_administrator(
    unset_service: RunningService,
) -> None:
    plan = {
        "pin": GUARDIAN_PIN,
        "children": [
            {"name": "Child", "os_user": unset_service.accounts["child"].name, "birth_year": 2018}
        ],
    }
    [as_child] = unset_service.as_account("child", [("setup", plan)])
    assert as_child["error"] == "not_administrator"
    [state] = unset_service.as_account("child", [("pin_state", {})])
    assert state["status"] == "not_set"
    guardian = unset_service.accounts["guardian"]
    created_group = "sudo" not in {group.gr_name for group in grp.getgrall()}
    if created_group:
        subprocess.run(["groupadd", "sudo"], check=True, capture_output=True)
    subprocess.run(["usermod", "-aG", "sudo", guardian.name], check=True, capture_output=True)
    try:
        [as_guardian] = unset_service.as_account("guardian", [("setup", plan)])
        assert as_guardian == {"v": 1, "ok": True, "done": True}
        [me, again] = unset_service.as_account("child", [("whoami", {}), ("setup", plan)])
        assert (me["protected"], me["age_band"]) == (True, "under13")
        assert again["error"] == "not_administrator"
        [twice] = unset_service.as_account("guardian", [("setup", plan)])
        assert twice["error"] == "already_set_up"
    finally:
        subprocess.run(["gpasswd", "-d", guardian.name, "sudo"], check=False, capture_output=True)
        if created_group:
            subprocess.run(["groupdel", "sudo"], check=False, capture_output=True)


# As the child: the agent's side of the protocol, hello and then long-polls, until killed.
CHILD_AGENT = """
import sys
from desktop_app.service.client import ServiceClient
client = ServiceClient(sys.argv[1], timeout=40)
client.call("session_start")
print("started", flush=True)
while True:
    client.call("notices", wait=20)
"""


def _childs_line(service: RunningService) -> dict[str, Any]:
    """The child's line in `status`, asked from the guardian's account with the PIN."""
    [status] = service.as_account("guardian", [("status", {"pin": GUARDIAN_PIN})])
    assert status["ok"] is True
    name = service.accounts["child"].name
    [line] = [a for a in status["accounts"] if a["account"] == name]
    return line


def test_a_killed_agent_is_seen_stopped_and_counted_and_protection_holds(
    service: RunningService,
) -> None:
    child = service.accounts["child"]
    assert _childs_line(service)["client_running"] is False  # no agent yet
    agent = subprocess.Popen(
        [SYSTEM_PYTHON, "-c", CHILD_AGENT, str(service.paths.socket)],
        user=child.uid,
        group=child.gid,
        extra_groups=[],
        env={
            "PATH": "/usr/bin:/bin",
            "HOME": child.home,
            "PYTHONPATH": str(service.shared / "client"),
        },
        cwd="/",
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert agent.stdout is not None and agent.stdout.readline().strip() == b"started"
        running = _childs_line(service)
        assert (running["client_running"], running["tamper_events"]) == (True, 0)
        agent.kill()  # SIGKILL, as a child ending it from a task manager would
        agent.wait(timeout=30)
    finally:
        if agent.poll() is None:
            agent.kill()
            agent.wait()
        for stream in (agent.stdout, agent.stderr):
            if stream is not None:
                stream.close()
    stopped = _childs_line(service)
    assert (stopped["client_running"], stopped["client_ended"]) == (False, "vanished")
    assert stopped["client_stopped"] is not None
    assert stopped["tamper_events"] == 1
    assert _childs_line(service)["tamper_events"] == 1  # once per vanishing
    assert service.process.poll() is None  # the service goes on
    [hello] = service.as_account("child", [("hello", {})])
    assert hello["mode"] == "machine"


def test_what_arrives_while_no_agent_runs_is_told_to_the_next_agent(
    service: RunningService,
) -> None:
    child = service.accounts["child"]
    handout = Path(tempfile.mkdtemp(prefix="handout-", dir=service.shared))
    os.chmod(handout, 0o755)
    pattern = handout / "pattern.png"
    testpattern.write_image(pattern, 320, 240)
    os.chmod(pattern, 0o644)
    service.run_as("child", CHILD_COPIES, str(pattern))
    downloads = Path(child.home) / "Downloads"
    for _ in range(int(WATCH_TIMEOUT_S / 0.5)):
        if not (downloads / "pattern.png").exists():
            break
        threading.Event().wait(0.5)
    assert not (downloads / "pattern.png").exists()  # put aside with no agent running
    started, notices = service.as_account(
        "child", [("session_start", {}), ("notices", {"wait": 0})]
    )
    assert started["put_aside_while_away"] == 2  # this one and the one from before
    named = [(n["name"], n["kind"], n["held"]) for n in notices["notices"]]
    assert ("pattern.png", "picture", False) in named
    [acked] = service.as_account("child", [("ack", {"cursor": notices["cursor"]})])
    assert acked["shown_until"] == notices["cursor"]
    again, policy = service.as_account("child", [("session_start", {}), ("policy", {})])
    assert again["put_aside_while_away"] == 0  # shown once, not again
    assert (policy["profile"]["age_band"], policy["settings"]["test_pattern"]["value"]) == (
        "under13",
        True,
    )
