"""One open profile: its GUI-thread database connection, the edition, the undo stack, and signals.

Every change the window makes goes through :meth:`Session.apply`, which calls a workflow (committed
before it returns) and then tells the views which dossier changed, so each refreshes just that
(Anki's operations: the core returns what changed, the views follow). Work on other threads opens
its own connection with :meth:`JurorProfile.open_db`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtGui import QUndoStack
from sqlite_utils import Database

from juror_app.domain.errors import UserError
from juror_app.domain.model import Edition
from juror_app.ui.juror.indexer import DocumentIndexer
from juror_app.workflows import juror_queries, juror_ui_support
from juror_app.workflows.juror_profile import JurorProfile, ProfileInfo, profile_info, profile_name
from juror_app.workflows.juror_queries import DossierRow, DossierScoring
from juror_app.workflows.juror_scoring import Change


@dataclass(frozen=True)
class DemoInfo:
    """What the window tells a person trying the demo: where it lives and the key's passphrase."""

    passphrase: str
    edition_folder: str
    juror_id: str


class Session(QObject):
    dossier_changed = Signal(str)  # a dossier's scores, conflict or nominations changed
    saved = Signal(object)  # the Change just committed
    assignment_changed = Signal()  # a bundle was imported: dossiers, criteria, documents may all differ

    def __init__(self, profile: JurorProfile, *, lock: QLockFile | None = None, demo: DemoInfo | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.demo = demo
        self._lock = lock
        self.db: Database = profile.open_db()
        self.undo_stack = QUndoStack(self)
        self.edition: Edition | None = juror_queries.edition(self.db)
        self.last_change: Change | None = None
        self.last_refusal: UserError | None = None  # set by an undo/redo step the workflow refused
        self.indexer = DocumentIndexer(profile, self)

    # --- reads ------------------------------------------------------------------------------------
    def info(self) -> ProfileInfo:
        return profile_info(self.db)

    def profile_name(self) -> str:
        return profile_name(self.db)

    def has_assignment(self) -> bool:
        return juror_ui_support.has_assignment(self.db)

    def rows(self) -> list[DossierRow]:
        return juror_queries.dossier_rows(self.db)

    def row(self, dossier_id: str) -> DossierRow | None:
        return juror_ui_support.dossier_row(self.db, dossier_id, self.edition)

    def scoring(self, dossier_id: str) -> DossierScoring:
        return juror_queries.dossier_scoring(self.db, dossier_id)

    # --- writes -----------------------------------------------------------------------------------
    def apply(self, workflow: Callable[..., Change], **arguments) -> Change:
        """Run a scoring workflow (it commits before returning), then announce the change.

        A UserError from the workflow propagates unchanged, and nothing is announced.
        """
        change = workflow(self.db, **arguments)
        self.last_change = change
        self.dossier_changed.emit(change.dossier_id)
        self.saved.emit(change)
        return change

    def reload_assignment(self) -> None:
        """After a bundle import: read the edition again and let every view reload."""
        self.edition = juror_queries.edition(self.db)
        self.undo_stack.clear()  # edits refer to the old assignment's dossiers and criteria
        self.assignment_changed.emit()
        self.indexer.start()

    def close(self) -> None:
        self.indexer.cancel()
        self.indexer.blockSignals(True)  # its last report must not reach views of a closed session
        self.db.close()
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None
