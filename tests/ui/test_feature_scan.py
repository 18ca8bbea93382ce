"""PySide6's per-import source scan is answered up front for our modules and the standard library."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import types

import juror_app.ui  # noqa: F401  (fills the table, as at every start)
from juror_app.ui.common import feature_scan


def _table() -> dict[str, int]:
    return sys.modules["PySide6.support.feature"].pyside_feature_dict


def test_our_modules_and_the_standard_library_are_answered_as_the_scan_would() -> None:
    table = _table()
    assert table["juror_app.ui.juror.main_window"] == 0  # imports PySide6
    assert table["juror_app.ui"] == 0
    assert table["juror_app.domain.model"] == -1  # the Qt-free layers never do
    assert table["juror_app.workflows.organizer.merge"] == -1
    assert table["json"] == -1 and table["sqlite3"] == -1


def test_package_walk_names_modules_and_packages(tmp_path) -> None:
    root = tmp_path / "juror_app"
    (root / "ui" / "juror").mkdir(parents=True)
    (root / "domain").mkdir()
    (root / "notes").mkdir()  # no __init__.py: not a package
    for path in ("__init__.py", "ui/__init__.py", "ui/juror/__init__.py", "ui/juror/window.py",
                 "domain/__init__.py", "domain/model.py", "notes/todo.py", "README.md"):
        (root / path).write_text("")
    (root / "__pycache__").mkdir()
    (root / "__pycache__" / "__init__.py").write_text("")
    assert feature_scan._package_modules(str(root), "juror_app") == {
        "juror_app": -1, "juror_app.ui": 0, "juror_app.ui.juror": 0, "juror_app.ui.juror.window": 0,
        "juror_app.domain": -1, "juror_app.domain.model": -1,
    }
    assert feature_scan._package_modules(str(tmp_path / "missing"), "x") == {}


def test_names_already_recorded_are_left_alone(monkeypatch) -> None:
    fake = types.SimpleNamespace(pyside_feature_dict={"juror_app.domain.model": 0})
    monkeypatch.setitem(sys.modules, "PySide6.support.feature", fake)
    added = feature_scan.skip_feature_scan()
    assert fake.pyside_feature_dict["juror_app.domain.model"] == 0
    assert fake.pyside_feature_dict["juror_app.workflows.organizer.merge"] == -1
    assert added == len(fake.pyside_feature_dict) - 1


def test_without_the_table_nothing_is_done(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "PySide6.support.feature", types.SimpleNamespace())
    assert feature_scan.skip_feature_scan() == 0


def test_a_fresh_start_reads_no_source_of_ours() -> None:
    """In a fresh interpreter, importing the juror's window makes PySide6 read none of our window's files."""
    script = textwrap.dedent("""
        import sys
        import PySide6
        feature = sys.modules["PySide6.support.feature"]
        scanned = []
        original = feature._mod_uses_pyside
        def recording(module):
            scanned.append(module.__name__)
            return original(module)
        feature._mod_uses_pyside = recording
        import juror_app.ui.juror.launch
        # only what runs before the table is filled: the top package and the module that fills it
        before = {"juror_app", "juror_app.ui.common", "juror_app.ui.common.feature_scan"}
        ours = [name for name in scanned if name.startswith("juror_app") and name not in before]
        print(len(scanned), ours)
        sys.exit(1 if ours else 0)
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stdout + done.stderr
