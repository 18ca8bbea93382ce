"""The juror's side of the PDF check: which documents the window may open, and checking those never checked.

A bundle's documents are checked right after it is imported, as the import dialog's second phase
(:func:`check_received`). Documents whose check was stopped there, and those of a profile made
before the check existed or checked by an older checker, have no current verdict: they are checked
here, in the background, before the window first opens them (and by the indexer before it reads
their text), never opened unchecked. A file is hashed before it is checked, so a verdict is only
ever recorded for the content its SHA-256 names.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from juror_app.domain.pdf_verdict import PdfVerdict
from juror_app.store.blobs import BlobStore
from juror_app.store.connection import Queryable
from juror_app.store.document_checks import record_verdicts, unchecked, verdicts_of

if TYPE_CHECKING:
    from sqlite_utils import Database

CHECKER_VERSION = 1  # the same as juror_app.workflows.pdf_check.CHECKER_VERSION (tested), without importing it at start


def current_verdicts(db: Queryable, sha256s: Iterable[str]) -> dict[str, PdfVerdict]:
    """The verdicts of a current checker for these documents (a document left out must be checked first)."""
    return verdicts_of(db, sha256s, checker_version=CHECKER_VERSION)


def _matches(blobs: BlobStore, sha256: str) -> bool:
    try:
        with blobs.path(sha256).open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest() == sha256
    except OSError:
        return False


def check_documents(db: Database, blobs: BlobStore, sha256s: Iterable[str], *,
                    progress: Callable[[int, int, str], None] | None = None,
                    cancelled: Callable[[], bool] | None = None) -> dict[str, PdfVerdict]:
    """Check the stored documents that have no current verdict and record their verdicts; all verdicts found.

    A file that is missing or no longer matches its SHA-256 gets no verdict (the viewer says what is
    wrong with it when it is opened).
    """
    from juror_app.workflows import pdf_check  # starts processes: imported only when something needs checking

    wanted = set(sha256s)
    known = current_verdicts(db, wanted)
    todo = [sha for sha in sorted(wanted - set(known)) if _matches(blobs, sha)]
    if todo:
        found = pdf_check.check_pdfs([(sha, blobs.path(sha)) for sha in todo], progress=progress, cancelled=cancelled)
        with db.atomic():
            record_verdicts(db, found.values())
        known.update({sha: verdict for sha, verdict in found.items() if verdict.reason != "missing"})
    return known


@dataclass(frozen=True)
class RefusedDocument:
    """A document of the juror's dossiers that the window will not open, and where it belongs."""

    dossier_id: str
    institution: str
    title: str
    verdict: PdfVerdict


@dataclass(frozen=True)
class CheckOutcome:
    """The import's second phase: how many documents were checked, left for later, refused."""

    checked: int
    left_unchecked: int  # stopped before their turn: each is checked when the juror first opens it
    refused: tuple[RefusedDocument, ...]  # every refused document of the assigned dossiers, in the bundle's order


def refused_documents(db: Queryable) -> tuple[RefusedDocument, ...]:
    """Every document of the assigned dossiers with a current failing verdict, dossier by dossier."""
    rows = db.execute(
        "SELECT a.dossier_id, i.name, doc.title, doc.sha256 FROM assigned_dossiers a"
        " JOIN dossiers d ON d.id = a.dossier_id JOIN institutions i ON i.id = d.institution_id"
        " JOIN documents doc ON doc.dossier_id = a.dossier_id ORDER BY a.position, doc.position").fetchall()
    verdicts = current_verdicts(db, {r[3] for r in rows})
    return tuple(RefusedDocument(dossier, name, title, verdicts[sha]) for dossier, name, title, sha in rows
                 if sha in verdicts and not verdicts[sha].ok)


def check_received(db: Database, blobs: BlobStore, sha256s: Iterable[str], *,
                   progress: Callable[[int, int, str], None] | None = None,
                   cancelled: Callable[[], bool] | None = None) -> CheckOutcome:
    """Check a just-imported bundle's documents that have no verdict yet (the import's second phase).

    A cancel keeps the verdicts found so far and leaves the rest without one: the window never opens
    those before they are checked.
    """
    wanted = set(sha256s)
    todo = unchecked(db, wanted, checker_version=CHECKER_VERSION)
    if todo:
        check_documents(db, blobs, todo, progress=progress, cancelled=cancelled)
    left = len(unchecked(db, todo, checker_version=CHECKER_VERSION)) if todo else 0
    return CheckOutcome(len(todo) - left, left, refused_documents(db))
