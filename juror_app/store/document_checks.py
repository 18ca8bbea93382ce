"""The PDF check's verdicts, kept by the document's SHA-256 in both the juror's and the organizer's database.

A verdict belongs to the content, not to a dossier: the same PDF in two dossiers or two bundles is
checked once. Each row records the checker's version, so a better checker (a higher version)
checks again what an older one passed or refused: :func:`verdict_of` treats an older row as none.
The table is created by the ``m003_document_checks`` migration of each schema, from the DDL here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from juror_app.domain.pdf_verdict import MISSING, PdfVerdict
from juror_app.domain.timestamps import utc_now
from juror_app.store.connection import Queryable

if TYPE_CHECKING:
    from sqlite_utils import Database

DOCUMENT_CHECKS_DDL = """
CREATE TABLE document_checks (
    sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    passed INTEGER NOT NULL CHECK (passed IN (0, 1)),
    reason TEXT NOT NULL,
    pages INTEGER NOT NULL DEFAULT 0,
    size INTEGER NOT NULL DEFAULT 0,
    limit_value INTEGER NOT NULL DEFAULT 0,
    detail TEXT NOT NULL DEFAULT '',
    checker_version INTEGER NOT NULL,
    checked_at TEXT NOT NULL
)
"""

_COLUMNS = "sha256, reason, pages, size, limit_value, detail, checker_version"


def record_verdicts(db: Database | Queryable, verdicts: Iterable[PdfVerdict]) -> int:
    """Keep each verdict (replacing an older one of the same document); returns how many were kept.

    A "missing" verdict says nothing about the content and is not kept. Runs inside the caller's
    transaction when there is one (the bundle import records verdicts with the documents' rows).
    """
    stamp = utc_now()
    rows = [(x.sha256, int(x.ok), x.reason, x.pages, x.size, x.limit, x.detail, x.checker_version, stamp)
            for x in verdicts if x.reason != MISSING]
    if rows:
        conn = getattr(db, "conn", db)
        conn.executemany(
            "INSERT OR REPLACE INTO document_checks (sha256, passed, reason, pages, size, limit_value, detail,"
            " checker_version, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return len(rows)


def _verdict(row: tuple) -> PdfVerdict:
    sha, reason, pages, size, limit, detail, version = row
    return PdfVerdict(sha, reason, pages=pages, size=size, limit=limit, detail=detail, checker_version=version)


def verdict_of(db: Queryable, sha256: str, *, checker_version: int) -> PdfVerdict | None:
    """The document's verdict by a checker at least ``checker_version``; None: it must be checked (again)."""
    row = db.execute(f"SELECT {_COLUMNS} FROM document_checks WHERE sha256 = ? AND checker_version >= ?",
                     [sha256, checker_version]).fetchone()
    return _verdict(tuple(row)) if row else None


def verdicts_of(db: Queryable, sha256s: Iterable[str], *, checker_version: int) -> dict[str, PdfVerdict]:
    """:func:`verdict_of` for many documents at once (those without a current verdict are left out)."""
    wanted = sorted(set(sha256s))
    found: dict[str, PdfVerdict] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        marks = ", ".join("?" * len(chunk))
        for row in db.execute(f"SELECT {_COLUMNS} FROM document_checks WHERE sha256 IN ({marks})"
                              " AND checker_version >= ?", [*chunk, checker_version]):
            found[row[0]] = _verdict(tuple(row))
    return found


def unchecked(db: Queryable, sha256s: Iterable[str], *, checker_version: int) -> list[str]:
    """Those of ``sha256s`` that have no verdict by a current checker, sorted."""
    wanted = set(sha256s)
    return sorted(wanted - set(verdicts_of(db, wanted, checker_version=checker_version)))
