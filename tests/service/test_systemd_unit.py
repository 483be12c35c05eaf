"""packaging/linux/safelens.service: the hardening the design asks for, and systemd accepts it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers.systemd_unit import UNIT, directives

EXEC = "/opt/safelens/bin/safelens"


def test_the_unit_runs_the_service_and_restarts_it() -> None:
    unit = directives()
    assert unit["Type"] == ["simple"]
    assert unit["ExecStart"] == [f"{EXEC} service"]
    assert unit["Restart"] == ["always"]
    assert unit["WantedBy"] == ["multi-user.target"]
    assert (unit["StateDirectory"], unit["RuntimeDirectory"]) == (["safelens"], ["safelens"])
    assert (unit["StateDirectoryMode"], unit["RuntimeDirectoryMode"]) == (["0755"], ["0755"])


def test_the_unit_is_hardened() -> None:
    unit = directives()
    for key, value in {
        "NoNewPrivileges": "yes",
        "ProtectSystem": "strict",
        "PrivateNetwork": "yes",
        "RestrictAddressFamilies": "AF_UNIX",
        "PrivateTmp": "yes",
        "ProtectKernelTunables": "yes",
        "ProtectControlGroups": "yes",
    }.items():
        assert unit[key] == [value], key
    assert unit["ReadWritePaths"] == ["/var/lib/safelens /run/safelens /home"]
    capabilities = set(unit["CapabilityBoundingSet"][0].split())
    assert capabilities == {"CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_CHOWN"}
    text = UNIT.read_text(encoding="utf-8")
    for capability in capabilities:  # each one is explained in a comment
        assert f"#  {capability}" in text


def test_systemd_accepts_the_unit(tmp_path: Path) -> None:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed here (the keys are checked above)")
    # verify also checks that ExecStart exists: point it at a program that does.
    copy = tmp_path / "safelens.service"
    copy.write_text(UNIT.read_text(encoding="utf-8").replace(EXEC, "/bin/true"), encoding="utf-8")
    done = subprocess.run(
        [analyze, "verify", str(copy)], capture_output=True, text=True, check=False, timeout=120
    )
    assert (done.returncode, done.stderr) == (0, "")
