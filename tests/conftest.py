"""Suite-wide rules: offscreen Qt, fresh config/data dirs, no network, shared analyzers."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The worker crashes or hangs on purpose for marker files, so recovery can be tested.
os.environ["SAFELENS_WORKER_FAULT_INJECTION"] = "1"

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app import SensitivityAnalyzer
from tests.helpers import synthetic


@pytest.fixture(autouse=True)
def fresh_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never the user's real settings or data: every test gets its own home for SafeLens."""
    base = tmp_path_factory.mktemp("home")
    for name in (
        "SAFELENS_HOME",
        "XDG_CONFIG_HOME",
        "XDG_DATA_HOME",
        "XDG_CACHE_HOME",
        "XDG_STATE_HOME",
    ):
        monkeypatch.setenv(name, str(base / name.lower()))


@pytest.fixture(scope="session")
def analyzer() -> Iterator[SensitivityAnalyzer]:
    """The real models, test mode on (the admin test pattern counts as sensitive)."""
    with SensitivityAnalyzer(test_pattern=True, workers=1) as shared:
        yield shared


@pytest.fixture(scope="session")
def plain_analyzer() -> Iterator[SensitivityAnalyzer]:
    """The real models, test mode off."""
    with SensitivityAnalyzer(workers=1) as shared:
        yield shared


@pytest.fixture(scope="session")
def synthetic_manifest(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return synthetic.write_manifest(tmp_path_factory.mktemp("synthetic-model"))


@pytest.fixture(scope="session")
def synthetic_analyzer(synthetic_manifest: Path) -> Iterator[SensitivityAnalyzer]:
    """The tiny synthetic detector (flags magenta) plus the real classifier."""
    with SensitivityAnalyzer(manifest=synthetic_manifest, workers=1) as shared:
        yield shared
