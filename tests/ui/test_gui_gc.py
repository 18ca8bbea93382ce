"""Reference cycles are collected on the GUI thread only, never on the worker thread that happens to
allocate past the collector's threshold (that destroyed closed windows off the GUI thread: a crash)."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtWidgets import QDialog, QPushButton, QVBoxLayout

from juror_app.ui.common import gui_gc
from juror_app.ui.common.tasks import run_in_background
from juror_app.workflows.gc_pause import gc_paused


class _Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the collector frees it


def _closed_dialog_in_a_cycle(qtbot) -> weakref.ref:
    dialog = QDialog()
    button = QPushButton("OK", dialog)
    QVBoxLayout(dialog).addWidget(button)
    button.clicked.connect(dialog.accept)
    dialog.owner = _Node()
    dialog.owner.dialog = dialog  # a cycle through the wrapper, as a window and the object that built it make
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.close()
    return weakref.ref(dialog)


def test_garbage_made_by_a_worker_is_collected_on_the_gui_thread(qtbot, qapp) -> None:
    collector = gui_gc.install(qapp)
    assert not gc.isenabled(), "automatic collection is off while the window runs"
    gui_thread = threading.get_ident()
    threads: list[int] = []

    def note(phase: str, _info: dict) -> None:
        if phase == "start":
            threads.append(threading.get_ident())

    dialog = _closed_dialog_in_a_cycle(qtbot)
    gc.callbacks.append(note)
    try:
        def work(_progress, _cancelled):
            made = [_Node() for _ in range(50 * gc.get_threshold()[0])]  # far past the threshold, on the worker
            alive = weakref.ref(made[0])
            del made
            return alive

        done: list[weakref.ref] = []
        run_in_background(work, on_done=done.append, on_failed=lambda e: done.append(e))
        qtbot.waitUntil(lambda: bool(done), timeout=20_000)
        assert done[0]() is not None, "the worker's cycles were left for the GUI thread"
        assert threads == [], "nothing was collected on the worker thread"
        qtbot.waitUntil(lambda: done[0]() is None and dialog() is None, timeout=10_000)
    finally:
        gc.callbacks.remove(note)
    assert threads and set(threads) == {gui_thread}
    assert collector.collections, "collected by the timer"
    print(f"collections on the GUI thread: {len(threads)}, generations {sorted(set(collector.collections))}")


def test_nothing_is_collected_before_the_threshold_or_while_bulk_work_pauses_it(qapp) -> None:
    collector = gui_gc.install(qapp)
    gc.collect()
    assert collector.check() is None, "nothing new since the last collection"
    keep = [_Node() for _ in range(2 * collector.thresholds[0])]
    with gc_paused():
        assert collector.check() is None, "the merge asked for no collection"
    assert collector.check() == 0, "the young generation is due"
    del keep


def test_older_generations_follow_the_interpreters_thresholds(qapp) -> None:
    collector = gui_gc.install(qapp)
    gc.collect()
    collector.thresholds = (1, 1, 1)
    keep = [_Node() for _ in range(10)]
    assert collector.check() == 0  # young collected once: the middle count is 1 now
    keep += [_Node() for _ in range(10)]
    assert collector.check() == 1
    keep += [_Node() for _ in range(10)]
    assert collector.check() == 0
    keep += [_Node() for _ in range(10)]
    assert collector.check() == 2
    collector.thresholds = (0, 10, 10)
    assert collector.check() is None, "a threshold of 0 means no automatic collection, as in the interpreter"


def test_uninstall_collects_everything_here_and_gives_collection_back(qapp) -> None:
    gui_gc.uninstall()  # the test's own collector, from the fixture: collection is back on
    collector = gui_gc.install(qapp)
    assert gui_gc.install(qapp) is collector, "one per application"
    assert not gc.isenabled()
    node = weakref.ref(_Node())
    assert node() is not None
    gui_gc.uninstall()
    assert node() is None and gc.isenabled()
    gui_gc.install(qapp)  # as the fixture left it
