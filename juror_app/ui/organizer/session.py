"""One open edition: its database, the single-instance lock, and the latest results, rebuilt off the GUI thread.

The GUI thread keeps one connection for the organizer's small writes (threshold, distinctions, the
lock); every background task opens its own (``open_db``), since a connection cannot cross threads.
After anything changes, :meth:`refresh` rebuilds the results in the background; requests that arrive
while a rebuild runs are folded into one more rebuild, and ``results_changed`` hands the new
:class:`~juror_app.workflows.organizer.results.Results` to every view at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from sqlite_utils import Database

from juror_app.store.connection import connect
from juror_app.ui.common.tasks import Task, start
from juror_app.workflows.demo.organizer_demo import OrganizerDemo
from juror_app.workflows.organizer import ui_support as support
from juror_app.workflows.organizer.results import Results, build_results


@dataclass(frozen=True)
class Snapshot:
    """What the views show: the results and the alarms raised so far, read in one background task."""

    results: Results
    alarms: tuple[support.Alarm, ...]


class OrganizerSession(QObject):
    results_changed = Signal(object)  # Snapshot
    refresh_failed = Signal(object)  # the exception (a UserError's message is shown by the window)

    def __init__(self, db_path: Path, db: Database, *, lock: QLockFile | None = None,
                 demo: OrganizerDemo | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.db = db
        self.lock = lock
        self.demo = demo
        self.snapshot: Snapshot | None = None
        self._task: Task | None = None
        self._again = False
        self._closed = False

    @property
    def results(self) -> Results | None:
        return self.snapshot.results if self.snapshot else None

    def open_db(self) -> Database:
        """A fresh connection for a background task (the schema is already current: no migration)."""
        return connect(self.db_path)

    def packages_folder(self) -> Path | None:
        """Where the import dialog starts looking: the demo's packages, else beside the database."""
        return self.demo.packages if self.demo else self.db_path.parent

    # --- results ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Rebuild the results in the background; ``results_changed`` follows."""
        if self._closed:
            return
        if self._task is not None:
            self._again = True
            return
        open_db = self.open_db

        def work(_progress, _cancelled) -> Snapshot:
            db = open_db()
            try:
                return Snapshot(build_results(db, normalised=True), support.open_alarms(db))
            finally:
                db.close()

        task = Task(work)
        task.signals.finished.connect(self._built)
        task.signals.failed.connect(self._failed)
        self._task = start(task)

    def busy(self) -> bool:
        return self._task is not None

    def _built(self, snapshot: Snapshot) -> None:
        self._task = None
        if self._again:
            self._again = False
            self.refresh()
            return
        if self._closed:
            return
        self.snapshot = snapshot
        self.results_changed.emit(snapshot)

    def _failed(self, exc: BaseException) -> None:
        self._task = None
        if self._again:
            self._again = False
            self.refresh()
            return
        if not self._closed:
            self.refresh_failed.emit(exc)

    # --- the organizer's small writes (quick single statements: on the GUI thread's connection) ----
    def change(self, action, *args, **kwargs):
        """Run a store function that changes the edition (``action(db, …)``), then rebuild the results.

        A UserError (e.g. "the results are locked") propagates to the caller, which shows it; nothing
        was changed then and no rebuild starts.
        """
        result = action(self.db, *args, **kwargs)
        self.refresh()
        return result

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self._task is not None:
            self._task.cancel()
        self.db.close()
        if self.lock is not None:
            self.lock.unlock()
