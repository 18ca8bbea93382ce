"""The juror's side of the PDF check: which documents the window may open, and checking those never checked.

Documents are checked when a bundle is imported (:mod:`bundle_import`). A profile made before the
check existed, or checked by an older checker, has documents without a current verdict: they are
checked here, in the background, before the window first opens them (and by the indexer before it
reads their text), never opened unchecked. A file is hashed before it is checked, so a verdict is
only ever recorded for the content its SHA-256 names.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from juror_app.domain.pdf_verdict import PdfVerdict
from juror_app.store.blobs import BlobStore
from juror_app.store.connection import Queryable
from juror_app.store.document_checks import record_verdicts, verdicts_of

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
