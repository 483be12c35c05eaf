"""Fixtures the service's tests share."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.service.paths import MachinePaths


@pytest.fixture
def paths(tmp_path: Path) -> MachinePaths:
    """The service's folders, made as the service makes them, in the test's own folder."""
    machine = MachinePaths(root=tmp_path / "data", socket=tmp_path / "run" / "s.sock")
    machine.prepare()
    return machine
