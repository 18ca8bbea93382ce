"""The guard against this PySide6 build's reference-count bug: the counts of None and True stay far
from zero however many void calls and signal emissions happen (without it, the process aborts)."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLineEdit

from juror_app.ui.common import refcount_guard


class _Emitter(QObject):
    ping = Signal()


@pytest.mark.skipif(not refcount_guard.NEEDED, reason="None and True are immortal on Python 3.12+")
def test_counts_stay_up_through_many_calls(qapp) -> None:
    field, emitter = QLineEdit(), _Emitter()
    refcount_guard.top_up()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(20_000):
        field.setText("x")  # a void method
        emitter.ping.emit()
    drift = (sys.getrefcount(None) - none_before, sys.getrefcount(True) - true_before)
    print(f"after 20,000 setText + emit: None {drift[0]:+d}, True {drift[1]:+d} (the PySide6 bug, if negative)")
    added = refcount_guard.top_up()
    assert sys.getrefcount(None) >= refcount_guard.FLOOR and sys.getrefcount(True) >= refcount_guard.FLOOR
    print(f"topped up with {added} references")
