"""Background tasks: the result, the failure and progress come back on the GUI thread; a task that ends
after the application has let go of its signals (quitting) ends quietly instead of raising in the pool."""

from __future__ import annotations

import sys
import threading
import weakref

import shiboken6
from PySide6.QtCore import QThreadPool

from juror_app.domain.errors import ValidationError
from juror_app.ui.common.tasks import Task, run_in_background, start


def test_result_and_progress_arrive(qtbot):
    got: dict[str, object] = {}
    progress: list[tuple[int, int, str]] = []

    def work(report, cancelled):
        report(1, 2, "half")
        return 42

    run_in_background(work, on_done=lambda r: got.setdefault("done", r), on_failed=lambda e: got.setdefault("failed", e),
                      on_progress=lambda *p: progress.append(p))
    qtbot.waitUntil(lambda: "done" in got)
    assert got == {"done": 42}
    assert progress == [(1, 2, "half")]


def test_expected_failure_is_delivered_as_it_is(qtbot):
    failed: list[BaseException] = []
    problem = ValidationError("nope", pl="Nie.", en="No.")

    def work(report, cancelled):
        raise problem

    run_in_background(work, on_done=lambda r: None, on_failed=failed.append)
    qtbot.waitUntil(lambda: bool(failed))
    assert failed == [problem]


def test_task_ending_after_its_signals_are_gone_ends_quietly(qtbot, monkeypatch):
    raised: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda t, e, tb: raised.append(e))
    may_finish = threading.Event()
    task = Task(lambda report, cancelled: may_finish.wait(10))
    start(task)
    shiboken6.delete(task.signals)  # what quitting does to a window's objects while the task still runs
    may_finish.set()
    assert QThreadPool.globalInstance().waitForDone(10_000)
    assert raised == []


def test_a_task_and_what_its_work_refers_to_are_let_go_on_the_gui_thread(qtbot):
    """Tasks used to stay in memory for good (PySide keeps a started QRunnable alive), with their work
    and whatever it referred to: an import dialog's whole bundle, a merge's plan."""
    gui_thread = threading.get_ident()

    class Payload:
        pass

    released_on: list[int] = []
    payload = Payload()
    weakref.finalize(payload, lambda: released_on.append(threading.get_ident()))
    done: list[object] = []
    task = run_in_background(lambda report, cancelled, kept=payload: len([kept]), on_done=done.append,
                             on_failed=done.append)
    signals, task_ref = task.signals, weakref.ref(task)
    del task, payload
    qtbot.waitUntil(lambda: bool(done))
    assert done == [1]
    qtbot.waitUntil(lambda: task_ref() is None and released_on and not shiboken6.isValid(signals), timeout=5_000)
    assert released_on == [gui_thread], "the work's references end on the GUI thread"
    assert QThreadPool.globalInstance().waitForDone(10_000)
