"""Preparing the documents for full-text search in the background, once per profile session.

Owned by the session rather than a window, so switching the language (which rebuilds the window)
neither stops nor repeats the work. Indexing is resumable: a cancel at quit loses nothing. The
workflow reads text only from documents that passed the PDF check (checking first those of a
profile older than the check), in the checker's child process, capped per page and per document.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from juror_app.ui.common.tasks import Task, start
from juror_app.workflows.juror import ui_support as juror_ui_support
from juror_app.workflows.juror.profile import JurorProfile


class DocumentIndexer(QObject):
    progress = Signal(int, int)  # documents searchable, documents assigned
    finished = Signal()

    def __init__(self, profile: JurorProfile, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self._task: Task | None = None
        self._base = 0
        self._total = 0

    def running(self) -> bool:
        return self._task is not None

    def start(self, delay_ms: int = 0) -> None:
        """Index what is not indexed yet, after ``delay_ms`` (let the window become interactive first)."""
        QTimer.singleShot(delay_ms, self._start_now)

    def _start_now(self) -> None:
        if self._task is not None:
            return
        db = self.profile.open_db()
        try:
            self._base, self._total = juror_ui_support.index_progress(db)
        finally:
            db.close()
        if self._base >= self._total:
            self.finished.emit()
            return
        profile = self.profile

        def work(progress, cancelled):
            from juror_app.workflows.juror import (
                document_text,  # starts the PDF checker's processes: imported when needed, not at start
            )

            connection = profile.open_db()
            try:
                return document_text.index_documents(connection, profile.documents, progress=progress,
                                                     cancelled=cancelled)
            finally:
                connection.close()

        task = Task(work)
        task.signals.progress.connect(self._progress)
        task.signals.finished.connect(self._done)
        task.signals.failed.connect(self._done)
        self._task = start(task)
        self.progress.emit(self._base, self._total)

    def _progress(self, done: int, _total: int, _label: str) -> None:
        self.progress.emit(self._base + done, self._total)

    def _done(self, _result: object) -> None:
        self._task = None
        self.finished.emit()

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
