"""`safelens policy show|validate|schema` and `safelens doctor`, run as real commands."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.policy import settings
from desktop_app.policy.profiles import current_os_user

REPO = Path(__file__).resolve().parents[2]


def safelens(
    *args: str | Path, env: dict[str, str] | None = None, as_user: str | None = None
) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "desktop_app", *map(str, args)]
    if as_user:
        command = ["setpriv", f"--reuid={as_user}", "--regid=nogroup", "--clear-groups", *command]
    return subprocess.run(
        command,
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
        cwd=REPO,
    )


def _non_admin() -> str | None:
    """Run as 'nobody' when we are root (as in CI); otherwise only if we are no admin."""
    if os.geteuid() == 0 and shutil.which("setpriv"):
        return "nobody"
    if not current_os_user().is_admin:
        return None
    if os.environ.get("CI") == "true":
        pytest.fail("CI must be able to run a command as a non-administrator")
    pytest.skip("needs root (to switch to 'nobody') or a non-administrator account")


@pytest.fixture
def lab() -> Iterator[dict[str, str]]:
    """A managed policy folder and a SafeLens home any account can read."""
    tmp_path = Path(tempfile.mkdtemp(prefix="safelens-lab-"))
    policies = tmp_path / "policies"
    policies.mkdir()
    (policies / "10-lab.json").write_text(
        json.dumps({"strictness": "strict", "lab_default_age_band": "teen"}), encoding="utf-8"
    )
    home = tmp_path / "home"
    home.mkdir()
    for folder in (tmp_path, policies, home):
        folder.chmod(0o777)
    yield {"SAFELENS_POLICY_DIR": str(policies), "SAFELENS_HOME": str(home)}
    shutil.rmtree(tmp_path)


def test_policy_show_reports_managed_locked_values_and_the_lab_band(lab: dict[str, str]) -> None:
    result = safelens("policy", "show", "--json", env=lab, as_user=_non_admin())
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    strictness = shown["settings"]["strictness"]
    assert strictness == {
        "value": "strict",
        "source": "managed",
        "locked": True,
        "origin": str(Path(lab["SAFELENS_POLICY_DIR"]) / "10-lab.json"),
    }
    assert shown["settings"]["retention_days"] == {
        "value": 90,
        "source": "default",
        "locked": False,
    }
    assert set(shown["settings"]) == set(settings.BY_KEY)
    assert shown["profile"]["age_band"] == "teen"
    assert shown["profile"]["source"] == "lab_rule" and shown["profile"]["protected"] is True


def test_policy_show_readable_table(lab: dict[str, str]) -> None:
    result = safelens("policy", "show", env=lab)
    assert result.returncode == 0
    assert any(
        line.startswith("strictness") and "managed" in line and "locked" in line
        for line in result.stdout.splitlines()
    )


def test_policy_show_lists_problems_but_keeps_working(lab: dict[str, str]) -> None:
    folder = Path(lab["SAFELENS_POLICY_DIR"])
    (folder / "20-typo.json").write_text('{"strictnes": "strict", "retention_days": true}')
    (folder / "30-broken.json").write_text("{oops")
    shown = json.loads(safelens("policy", "show", "--json", env=lab).stdout)
    assert shown["settings"]["strictness"]["value"] == "strict"
    problems = "\n".join(shown["problems"])
    assert "20-typo.json, key 'strictnes': 'strictnes' is not a SafeLens setting" in problems
    assert "key 'retention_days': must be a whole number" in problems
    assert "30-broken.json: is not valid JSON (line 1, column 2" in problems


@pytest.mark.slow  # the command run three times as a subprocess
def test_policy_validate(tmp_path: Path) -> None:
    good = REPO / "packaging/policy/examples/school-lab.json"
    result = safelens("policy", "validate", good)
    assert result.returncode == 0 and result.stdout.strip().endswith("valid")
    bad = tmp_path / "bad.json"
    bad.write_text('{"strictness": "extreme", "test_pattern": true}')
    result = safelens("policy", "validate", "--json", bad)
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["valid"] is False and report["settings"] == {"test_pattern": True}
    assert report["issues"][0]["key"] == "strictness"
    assert "must be one of standard, strict" in report["issues"][0]["message"]
    assert safelens("policy", "validate", tmp_path / "nope.json").returncode == 2


def test_policy_schema_prints_the_committed_schema() -> None:
    result = safelens("policy", "schema")
    committed = (REPO / "packaging/policy/schema.json").read_text(encoding="utf-8")
    assert json.loads(result.stdout) == json.loads(committed)


@pytest.mark.slow  # the command as a subprocess, verifying the real models
def test_doctor_reports_each_area(lab: dict[str, str]) -> None:
    result = safelens("doctor", "--json", env=lab)
    findings = json.loads(result.stdout)
    areas = {finding["area"] for finding in findings}
    assert {"models", "guardian pin", "policy", "settings", "os log", "profile"} <= areas
    models = [f for f in findings if f["area"] == "models"]
    assert len(models) == 2 and all(f["ok"] and "SHA-256 verified" in f["detail"] for f in models)
    assert any(f["area"] == "policy" and "10-lab.json" in f["detail"] for f in findings)
    assert result.returncode == (0 if all(f["ok"] for f in findings) else 1)


def test_policy_without_an_action_is_a_usage_error() -> None:
    assert safelens("policy").returncode == 2
