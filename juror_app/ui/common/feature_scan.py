"""Spare PySide6 from reading the source of every module imported after it.

PySide6 replaces ``__import__`` to support ``from __feature__ import snake_case``. After each import
of a module it has not seen, it reads that module's whole source (``inspect.getsource``) to see
whether the text mentions PySide6, and records 0 ("no features selected") or -1 ("ignore this
module") in ``PySide6.support.feature.pyside_feature_dict``. At the juror's window start that is
about a hundred files read and joined, some 10 ms (the same cost is traced in napari/napari#8584).

This program never selects a feature, so both answers behave the same. We record the answer for
our own modules and for the standard library before they are imported, as the scan would have:
0 for the windows (``juror_app.ui``, which import PySide6), -1 for the Qt-free layers and the
standard library (they never do; the import-linter contract keeps the layers so). Names already
recorded are left alone. If a PySide6 release changes or drops this table, nothing is done and the
scan simply runs as before.
"""

from __future__ import annotations

import os
import sys

_UI_PACKAGE = "juror_app.ui"


def _package_modules(directory: str, prefix: str) -> dict[str, int]:
    """Every module and package under ``directory``, named from ``prefix``, with its answer."""
    found: dict[str, int] = {}
    try:
        entries = list(os.scandir(directory))
    except OSError:  # not on disk (an installer's archive): the scan cannot read those either
        return found
    for entry in entries:
        name = entry.name
        if entry.is_dir():
            if name != "__pycache__" and os.path.exists(os.path.join(entry.path, "__init__.py")):
                found.update(_package_modules(entry.path, f"{prefix}.{name}"))
        elif name.endswith(".py"):
            module = prefix if name == "__init__.py" else f"{prefix}.{name[:-3]}"
            found[module] = 0 if module == _UI_PACKAGE or module.startswith(_UI_PACKAGE + ".") else -1
    return found


def skip_feature_scan() -> int:
    """Record the scan's answers up front; returns how many names were added (0 when not possible)."""
    feature = sys.modules.get("PySide6.support.feature")
    table = getattr(feature, "pyside_feature_dict", None)
    if not isinstance(table, dict):
        return 0
    import juror_app

    answers = dict.fromkeys(sys.stdlib_module_names, -1)
    for directory in juror_app.__path__:
        answers.update(_package_modules(directory, "juror_app"))
    before = len(table)
    for name, flag in answers.items():
        table.setdefault(name, flag)
    return len(table) - before
