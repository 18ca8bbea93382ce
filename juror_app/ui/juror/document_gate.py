"""Which documents the viewer may open: the PDF check's verdicts, and checking in the background those without one.

Bundle imports check every document before they commit; a profile made before the check existed
(or checked by an older checker) has documents without a current verdict. The viewer asks this
gate before it opens anything: a document without a verdict shows "checking…" while it is checked
in the background (the checker's child processes, never this window's), and opens only if it passed.
Reading a verdict is one query on the session's connection; the checker is started only when needed.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal
from shiboken6 import isValid

from juror_app.domain.errors import UserError
from juror_app.domain.pdf_verdict import PdfVerdict
from juror_app.store.connection import Queryable
from juror_app.ui.common.tasks import run_in_background
from juror_app.workflows.juror.document_checks import check_documents, current_verdicts
from juror_app.workflows.juror.profile import JurorProfile


class DocumentGate(QObject):
    checked = Signal(str)  # a document's check ended (passed, refused, or could not be done: see failure())

    def __init__(self, profile: JurorProfile, conn: Queryable, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self._conn = conn
        self._pending: set[str] = set()
        self._failures: dict[str, str] = {}

    def verdict(self, sha256: str) -> PdfVerdict | None:
        return current_verdicts(self._conn, [sha256]).get(sha256)

    def verdicts(self, sha256s: Iterable[str]) -> dict[str, PdfVerdict]:
        return current_verdicts(self._conn, sha256s)

    def checking(self, sha256: str) -> bool:
        return sha256 in self._pending

    def failure(self, sha256: str) -> str | None:
        """Why the check itself could not be done (the checker would not start), if it could not."""
        return self._failures.get(sha256)

    def request_check(self, sha256s: Iterable[str]) -> None:
        """Check these documents in the background (those already being checked are not asked twice)."""
        wanted = sorted(set(sha256s) - self._pending)
        if not wanted:
            return
        self._pending.update(wanted)
        for sha in wanted:
            self._failures.pop(sha, None)
        profile = self.profile

        def work(progress, cancelled):
            db = profile.open_db()
            try:
                check_documents(db, profile.documents, wanted, progress=progress, cancelled=cancelled)
            finally:
                db.close()
            return wanted

        def failed(exc: BaseException) -> None:
            if not isValid(self):
                return
            message = exc.message() if isinstance(exc, UserError) else str(exc)
            for sha in wanted:
                self._failures[sha] = message
            done(wanted)

        def done(_result: object) -> None:
            if not isValid(self):
                return  # the window that asked has gone (a language switch rebuilds it)
            for sha in wanted:
                self._pending.discard(sha)
            for sha in wanted:
                self.checked.emit(sha)

        run_in_background(work, on_done=done, on_failed=failed)
