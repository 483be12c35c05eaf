"""Real OS accounts for the tests that need them: made with useradd, removed with userdel.

Without root (or the tools) these tests skip with the reason; under CI=true that is a
failure, as CI runs as root.
"""

from __future__ import annotations

import os
import pwd
import secrets
import shutil
import subprocess
from dataclasses import dataclass

import pytest

SYSTEM_PYTHON = "/usr/bin/python3"


def need_root() -> None:
    missing = [tool for tool in ("useradd", "userdel") if shutil.which(tool) is None]
    reason = None
    if os.geteuid() != 0:
        reason = "these tests create OS accounts and run the service as root"
    elif missing or not os.access(SYSTEM_PYTHON, os.X_OK):
        reason = f"needs useradd, userdel and {SYSTEM_PYTHON}"
    if reason is None:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI must run these as root: {reason}")
    pytest.skip(f"Not root: {reason}")


@dataclass(frozen=True)
class OsAccount:
    name: str
    uid: int
    gid: int
    home: str


def make_account(kind: str, *, groups: tuple[str, ...] = ()) -> OsAccount:
    """A new account ``sl-<kind>-<random>`` with a home and a login shell."""
    name = f"sl-{kind}-{secrets.token_hex(3)}"
    command = ["useradd", "-m", "-s", "/bin/sh", name]
    if groups:
        command[1:1] = ["-G", ",".join(groups)]
    subprocess.run(command, check=True, capture_output=True)
    entry = pwd.getpwnam(name)
    return OsAccount(name, entry.pw_uid, entry.pw_gid, entry.pw_dir)


def remove_account(account: OsAccount) -> None:
    subprocess.run(["userdel", "-r", account.name], check=False, capture_output=True)
