"""Python's cycle collector, run on the GUI thread only.

CPython collects reference cycles in whichever thread happens to allocate past its threshold. When
the garbage holds a Qt object (a closed window and the Python object that built it, referring to
each other), collecting it in a worker thread destroys the C++ object there,
while the GUI thread may be painting the same widget tree. Qt objects must die in their own thread:
this crashed the test suite once (a segmentation fault inside the collector, on the thread that was
reading a bundle in the background). So automatic collection is switched off for as long as the
window runs, and a timer on the GUI thread runs the same generational collection the interpreter
would have run. Reference counting still frees everything else at once, in any thread; only cycles
wait for the next tick. Bulk work that pauses the collector (``workflows.gc_pause``) is respected.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

from juror_app.workflows.gc_pause import is_paused

CHECK_MS = 500  # a few hundred new objects per tick is the usual pace; a burst waits half a second at most


class GuiThreadCollector(QObject):
    """Owns the cycle collector while it lives: automatic collection off, a timer collecting instead."""

    def __init__(self, parent: QObject, interval_ms: int = CHECK_MS) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self.was_enabled = gc.isenabled()
        gc.disable()
        self.collections: list[int] = []  # generations collected by this object, for the curious and the tests
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> int | None:
        """Collect what the interpreter would have collected by now; return the generation (None: nothing due)."""
        first, second, third = self.thresholds
        if not first or is_paused():
            return None
        young, middle, old = gc.get_count()
        if young < first:
            return None
        generation = 2 if middle >= second and old >= third else 1 if middle >= second else 0
        gc.collect(generation)
        self.collections.append(generation)
        return generation

    def stop(self) -> None:
        """Collect everything here, on the GUI thread, and give automatic collection back as it was."""
        self.timer.stop()
        gc.collect()
        if self.was_enabled:
            gc.enable()


_collector: GuiThreadCollector | None = None


def install(app: QObject) -> GuiThreadCollector:
    """Run the collector on ``app``'s thread from now on (idempotent: one per application)."""
    global _collector
    if _collector is None:
        _collector = GuiThreadCollector(app)
    return _collector


def uninstall() -> None:
    """Undo :func:`install` (tests: each test's Qt garbage is collected on the GUI thread at its end)."""
    global _collector
    if _collector is not None:
        _collector.stop()
        _collector.deleteLater()
        _collector = None
