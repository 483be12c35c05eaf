"""Qt tests: collect garbage on the GUI thread only, as the app does (see ui/tasks.py)."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from desktop_app.ui.tasks import collect_garbage_on_gui_thread


@pytest.fixture(autouse=True)
def gui_thread_garbage_collection(qapp: QApplication) -> Iterator[None]:
    collect_garbage_on_gui_thread(qapp)
    yield
    gc.collect()  # on the GUI thread, before the next test
