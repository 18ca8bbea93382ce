"""Pausing Python's cycle collector around bulk work that builds many objects and no cycles.

The collector runs after every 700 new container objects, and every so often walks every object
alive. Building an edition's results (62,000 ratings, 24,000 criterion results, a 6 MB JSON tree)
or checking a package (thousands of decoded dicts) makes hundreds of such passes over an ever
larger heap: a fifth of the results' time, measured. Reference counting still frees everything
at once; only reference cycles wait until the collector is back on, when it runs normally.

Pauses nest and may overlap across threads (the organizer's window merges on a worker thread):
the collector comes back only when the last pause ends, and only if it was on before the first.
:func:`is_paused` tells the window's own collector (``juror_app.ui.common.gui_gc``) to wait too.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def gc_paused() -> Iterator[None]:
    """Collector off inside the block, back as it was after the last overlapping block (also on errors)."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()


def is_paused() -> bool:
    """True while any thread is inside :func:`gc_paused`."""
    return _depth > 0
