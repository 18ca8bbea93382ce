"""Long work off the GUI thread: a QRunnable with progress, cancel and a result delivered by signal.

A task's function receives ``progress(done, total, label)`` and ``cancelled()``; it must open its own
database connection (a connection cannot cross threads). The result or the exception comes back on
the GUI thread through :attr:`TaskSignals.finished` / :attr:`TaskSignals.failed`.
"""

from __future__ import annotations

import threading
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, SignalInstance
from shiboken6 import isValid

from juror_app.domain.errors import UserError
from juror_app.ui.common.errors import log

Work = Callable[[Callable[[int, int, str], None], Callable[[], bool]], Any]


class TaskSignals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)


class Task(QRunnable):
    def __init__(self, work: Work) -> None:
        super().__init__()
        self.work = work
        self.signals = TaskSignals()
        self._cancel = threading.Event()
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self.work(lambda done, total, label="": self._report(self.signals.progress, int(done), int(total), str(label)),
                               self._cancel.is_set)
        except UserError as exc:
            self._report(self.signals.failed, exc)
        except Exception as exc:  # noqa: BLE001 - reported to the GUI thread, logged with its traceback
            log.error("task failed\n%s", traceback.format_exc())
            self._report(self.signals.failed, exc)
        else:
            self._report(self.signals.finished, result)

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
    task.signals.finished.connect(lambda _result, t=task: _running.discard(t))
    task.signals.failed.connect(lambda _error, t=task: _running.discard(t))
    (pool or QThreadPool.globalInstance()).start(task)
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
