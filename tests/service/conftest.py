"""Fixtures the service's tests share."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from desktop_app.service import protocol as p
from desktop_app.service.handlers import ServiceHandlers
from desktop_app.service.paths import MachinePaths
from desktop_app.service.stores import ServiceStores


@pytest.fixture
def paths(tmp_path: Path) -> MachinePaths:
    """The service's folders, made as the service makes them, in the test's own folder."""
    machine = MachinePaths(root=tmp_path / "data", socket=tmp_path / "run" / "s.sock")
    machine.prepare()
    return machine


@pytest.fixture
def ask(stores: ServiceStores) -> Any:
    """Ask the service's handlers directly, as ``peer`` (a module's own ``stores``)."""
    handlers = ServiceHandlers(stores)
    return lambda peer, op, **args: handlers(peer, p.request(op, **args))
