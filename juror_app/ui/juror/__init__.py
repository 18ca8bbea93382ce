"""The juror's workstation: review the assigned dossiers' PDFs, score them, export signed packages.

``launch.start`` opens it; ``main_window`` assembles the parts (dossier list, document viewer,
scoring panel); every change goes through ``session.Session`` to the Qt-free workflows.

Start-up: sqlite-utils imports numpy when it is installed (matplotlib brings it) only to map numpy
scalar types to column types, which this window never stores; that import is a fifth of a second
of every start. When the store is not loaded yet, it is loaded here with numpy hidden for that one
import; numpy stays importable for everything else.
"""

import sys as _sys

if "sqlite_utils" not in _sys.modules and "numpy" not in _sys.modules:
    _sys.modules["numpy"] = None  # type: ignore[assignment]  # makes sqlite-utils' optional import fail fast
    try:
        import sqlite_utils  # noqa: F401
    finally:
        del _sys.modules["numpy"]
