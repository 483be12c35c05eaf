"""The Qt binding must not leak references to None/True: on Python 3.11 that aborts the app."""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


class _Probe(QObject):
    ping = Signal(object)


def test_signals_and_void_calls_keep_none_and_true_alive(qtbot: QtBot) -> None:
    probe = _Probe()
    probe.ping.connect(lambda _value: None)
    label = QLabel()
    qtbot.addWidget(label)
    gc.collect()
    true_before, none_before = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(300):
        probe.ping.emit(1)
        label.setText("x")
    gc.collect()
    # A broken binding (PySide6 6.12.0 on 3.11) loses exactly one reference per call.
    assert sys.getrefcount(True) > true_before - 100
    assert sys.getrefcount(None) > none_before - 100
