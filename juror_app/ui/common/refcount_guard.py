"""Keeps None, True and False alive despite a reference-count bug of this PySide6 build on Python 3.11.

PySide6 6.12 (its limited-API wheel) hands back ``None`` from every void method and ``True`` from
``Signal.emit`` without taking a reference, so each such call lowers that object's count by one.
On Python 3.12 and later these objects are immortal and nothing happens; on 3.11 the count reaches
zero after some hundred thousand calls and the interpreter aborts ("Fatal Python error:
none_dealloc" / "bool_dealloc") — in the middle of a juror's evening. Measured here: 100 calls of
``QLineEdit.setText`` → None −97; 100 ``emit()`` → True −100.

The guard raises the counts a few times a second so they never get near zero. It adds to the
objects' reference counts in place (what ``Py_IncRef`` called that many times would do) instead of
holding millions of extra references: no memory, and a few microseconds instead of 50 ms at start-up.
The counts are only ever raised, and these objects are static singletons that are never freed, so a
count that is too high is harmless. Nothing happens on Python 3.12+. The real fix is a PySide6
without the bug or Python 3.12+.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QCoreApplication, QTimer

NEEDED = sys.version_info < (3, 12)
FLOOR = 2_000_000  # far more such calls than even a long synchronous stretch makes between two checks
CHECK_MS = 250
_timer: QTimer | None = None


def _raise_count(singleton: object, by: int) -> None:
    """Add ``by`` to the object's reference count (``ob_refcnt``, the first field of every object)."""
    count = ctypes.c_ssize_t.from_address(id(singleton))
    count.value += by


def top_up() -> int:
    """Bring the counts of None, True and False back up to FLOOR; return how many references were added."""
    if not NEEDED:
        return 0
    added = 0
    for singleton in (None, True, False):
        missing = FLOOR - sys.getrefcount(singleton)
        if missing > 0:
            _raise_count(singleton, missing)
            added += missing
    return added


def install(app: QCoreApplication) -> None:
    """Top up now and every CHECK_MS while ``app`` runs (idempotent)."""
    global _timer
    top_up()
    if not NEEDED or _timer is not None:
        return
    _timer = QTimer(app)
    _timer.setInterval(CHECK_MS)
    _timer.timeout.connect(top_up)
    _timer.start()
