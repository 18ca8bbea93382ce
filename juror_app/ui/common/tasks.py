"""Long work off the GUI thread: a pool task with progress, cancel and a result delivered by signal.

A task's function receives ``progress(done, total, label)`` and ``cancelled()``; it must open its own
database connection (a connection cannot cross threads). The result or the exception comes back on
the GUI thread through :attr:`TaskSignals.finished` / :attr:`TaskSignals.failed`.

A task is let go once it has reported back, and everything Qt about it ends on the GUI thread: its
signals object is owned by the application and deleted there after the slots connected to the
outcome have run, and its work function (with whatever it refers to) is dropped there too. The pool
runs the task's bound ``run``, not a QRunnable subclass: PySide keeps a QRunnable that the pool does
not delete alive for good, and with it every task's work and result, measured.
"""

from __future__ import annotations

import threading
import traceback
import weakref
from typing import Any, Callable

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QThreadPool,
    Signal,
    SignalInstance,
)
from shiboken6 import isValid

from juror_app.domain.errors import UserError
from juror_app.ui.common.errors import log

Work = Callable[[Callable[[int, int, str], None], Callable[[], bool]], Any]


class TaskSignals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)


class Task:
    def __init__(self, work: Work) -> None:
        self.work: Work | None = work
        self.signals = TaskSignals(QCoreApplication.instance())  # Qt owns it: deleted on the GUI thread (see start)
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        self._report(*self._outcome())

    def _outcome(self) -> tuple[SignalInstance, Any]:
        """Run the work; the signal to emit and what to send. Holds no reference to the work afterwards."""
        signals = self.signals
        try:
            return signals.finished, self.work(self._progress, self._cancel.is_set)  # type: ignore[misc]
        except UserError as exc:
            return signals.failed, exc
        except Exception as exc:  # noqa: BLE001 - reported to the GUI thread, logged with its traceback
            log.error("task failed\n%s", traceback.format_exc())
            return signals.failed, exc

    def _progress(self, done: int, total: int, label: str = "") -> None:
        self._report(self.signals.progress, int(done), int(total), str(label))

    def _report(self, signal: SignalInstance, *args: Any) -> None:
        """Emit, unless the application has already quit and taken the signals with it (nobody is left to tell)."""
        try:
            signal.emit(*args)
        except RuntimeError:
            if isValid(self.signals):
                raise


_running: set[Task] = set()


def start(task: Task, pool: QThreadPool | None = None) -> Task:
    """Run ``task`` in the pool; it is kept alive until it has reported back, whoever holds it."""
    _running.add(task)
    signals, held = task.signals, weakref.ref(task)

    def let_go(_outcome: object) -> None:
        ended = held()
        if ended is not None:
            ended.work = None  # what the work referred to is released here, on the GUI thread
            _running.discard(ended)
        if signals.parent() is not None:
            signals.deleteLater()  # after the slots already queued for this outcome, on this thread

    signals.finished.connect(let_go)
    signals.failed.connect(let_go)
    (pool or QThreadPool.globalInstance()).start(task.run)
    return task


def run_in_background(work: Work, *, on_done: Callable[[Any], None], on_failed: Callable[[BaseException], None],
                      on_progress: Callable[[int, int, str], None] | None = None) -> Task:
    """Start ``work`` in the pool with its callbacks connected (results arrive on the GUI thread)."""
    task = Task(work)
    if on_progress is not None:
        task.signals.progress.connect(on_progress)
    task.signals.finished.connect(on_done)
    task.signals.failed.connect(on_failed)
    return start(task)
