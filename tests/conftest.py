"""Shared test set-up: Qt offscreen (pytest-qt does not choose the platform), Polish by default."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("JUROR_APP_LANG", "pl")
os.environ.setdefault("MPLBACKEND", "Agg")


import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _refcount_guard(request):
    """PySide6 6.12 on Python 3.11 drops a reference to None/True on every void call and emit; the
    program tops the counts up (juror_app.ui.common.refcount_guard) and so does every test that uses Qt."""
    if "qapp" in request.fixturenames or "qtbot" in request.fixturenames:
        from juror_app.ui.common import refcount_guard

        refcount_guard.top_up()
        request.getfixturevalue("qapp")
        refcount_guard.install(request.getfixturevalue("qapp"))
    yield
