"""CI runs exactly the test command README gives a new user."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_ci_runs_readmes_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Run the whole test suite", 1)[1]
    command = re.search(r"```bash\n(.+?)\n```", section, re.S)
    assert command is not None
    assert command.group(1).strip() in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_each_claim_about_the_shared_computer_names_a_real_test() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## On a shared computer", 1)[1].split("\n## ", 1)[0]
    named = re.findall(r"`(test_\w+)`", section)
    real = (ROOT / "tests" / "service" / "test_accounts_real.py").read_text(encoding="utf-8")
    defined = set(re.findall(r"^def (test_\w+)\(", real, re.M))
    assert len(named) >= 9
    assert set(named) <= defined, set(named) - defined
