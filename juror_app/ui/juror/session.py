"""One open profile: its GUI-thread database connection, the edition, the undo stack, and signals.

Every change the window makes goes through :meth:`Session.apply`, which calls a workflow (committed
before it returns) and then tells the views which dossier changed, so each refreshes just that
(Anki's operations: the core returns what changed, the views follow). Work on other threads opens
its own connection with :meth:`JurorProfile.open_db`.

Start-up reads go through a plain connection; the sqlite-utils ``Database`` the write workflows
take wraps that same connection and is made on first use (:attr:`Session.db`) or just after the
window has appeared (:meth:`Session.preload_store`), so loading sqlite-utils is not part of the
start.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtGui import QUndoStack

from juror_app.domain.errors import UserError
from juror_app.domain.model import Edition
from juror_app.store.connection import as_database
from juror_app.ui.juror.indexer import DocumentIndexer
from juror_app.workflows.juror import queries as juror_queries
from juror_app.workflows.juror import ui_support as juror_ui_support
from juror_app.workflows.juror.profile import (
    JurorProfile,
    ProfileInfo,
    profile_info,
    profile_name,
)
from juror_app.workflows.juror.queries import DossierRow, DossierScoring
from juror_app.workflows.juror.scoring import Change

if TYPE_CHECKING:
    from sqlite_utils import Database


def load_sqlite_utils() -> None:
    """Import sqlite-utils with numpy hidden for that one import.

    sqlite-utils imports numpy when it is installed (matplotlib brings it) only to map numpy scalar
    types to column types, which this window never stores: a fifth of a second otherwise. numpy
    stays importable for everything else.
    """
    if "sqlite_utils" in sys.modules or "numpy" in sys.modules:
        import sqlite_utils  # noqa: F401
        return
    sys.modules["numpy"] = None  # type: ignore[assignment]  # makes sqlite-utils' optional import fail fast
    try:
        import sqlite_utils  # noqa: F401
    finally:
        del sys.modules["numpy"]


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
        self.conn = profile.open_connection()
        self._db: Database | None = None
        self._closed = False
        self.undo_stack = QUndoStack(self)
        self.edition: Edition | None = juror_queries.edition(self.conn)
        self.last_change: Change | None = None
        self.last_refusal: UserError | None = None  # set by an undo/redo step the workflow refused
        self.indexer = DocumentIndexer(profile, self)

    @property
    def db(self) -> Database:
        """The GUI thread's sqlite-utils ``Database`` (over :attr:`conn`), for the workflows that write."""
        if self._db is None:
            self.preload_store()
        return self._db  # type: ignore[return-value]

    def preload_store(self) -> None:
        """Make :attr:`db` now (loads sqlite-utils; the window calls this once it is on screen)."""
        if self._db is None and not self._closed:
            load_sqlite_utils()
            self._db = as_database(self.conn)

    # --- reads ------------------------------------------------------------------------------------
    def info(self) -> ProfileInfo:
        return profile_info(self.conn)

    def profile_name(self) -> str:
        return profile_name(self.conn)

    def has_assignment(self) -> bool:
        return juror_ui_support.has_assignment(self.conn)

    def rows(self) -> list[DossierRow]:
        return juror_queries.dossier_rows(self.conn)

    def row(self, dossier_id: str) -> DossierRow | None:
        return juror_ui_support.dossier_row(self.conn, dossier_id, self.edition)

    def scoring(self, dossier_id: str) -> DossierScoring:
        return juror_queries.dossier_scoring(self.conn, dossier_id)

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
        self.edition = juror_queries.edition(self.conn)
        self.undo_stack.clear()  # edits refer to the old assignment's dossiers and criteria
        self.assignment_changed.emit()
        self.indexer.start()

    def close(self) -> None:
        self.indexer.cancel()
        self.indexer.blockSignals(True)  # its last report must not reach views of a closed session
        self._closed = True
        self.conn.close()
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None
