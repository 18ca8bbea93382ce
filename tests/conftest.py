"""Shared test set-up: Qt offscreen (pytest-qt does not choose the platform), Polish by default."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("JUROR_APP_LANG", "pl")
os.environ.setdefault("MPLBACKEND", "Agg")


import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _qt_guards(request):
    """What the program installs beside its QApplication, installed for every test that uses Qt.

    - PySide6 6.12 on Python 3.11 drops a reference to None/True on every void call and emit; the
      program tops the counts up (juror_app.ui.common.refcount_guard).
    - Reference cycles are collected on the GUI thread only (juror_app.ui.common.gui_gc): a test's
      closed windows are collected at its end, here, never by a later test's worker thread.
    """
    if "qapp" not in request.fixturenames and "qtbot" not in request.fixturenames:
        yield
        return
    from juror_app.ui.common import gui_gc, refcount_guard

    refcount_guard.top_up()
    qapp = request.getfixturevalue("qapp")
    refcount_guard.install(qapp)
    gui_gc.install(qapp)
    yield
    gui_gc.uninstall()


@pytest.fixture(scope="session")
def demo_editions(tmp_path_factory):
    """Demo editions made once per test session and shared: ``demo_editions(settings, merged=...)``.

    Returns a template folder (organizer.sqlite, keys, bundles, packages; with ``merged=True`` every
    package already merged). Tests that change anything copy it first (``shutil.copytree``).
    """
    import shutil

    from juror_app.store.organizer_schema import open_organizer_db
    from juror_app.workflows.demo.generate import generate_demo
    from juror_app.workflows.organizer.merge import apply_merge, plan_merge

    made: dict = {}

    def edition(settings, *, merged: bool = False):
        key = (settings, merged)
        if key not in made:
            folder = tmp_path_factory.mktemp("demo-merged" if merged else "demo") / "edition"
            if merged:
                shutil.copytree(edition(settings), folder)
                db = open_organizer_db(folder / "organizer.sqlite")
                try:
                    apply_merge(db, plan_merge(db, sorted((folder / "packages").glob("*.pu-scores"))),
                                db_path=folder / "organizer.sqlite")
                finally:
                    db.close()
            else:
                generate_demo(folder, settings)
            made[key] = folder
        return made[key]

    return edition
