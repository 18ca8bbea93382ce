"""Small reads the juror's window needs beyond :mod:`juror_queries`, kept Qt-free and testable.

The window refreshes one dossier's row after each edit (``dossier_row`` instead of re-reading all
of them: at 1,000 dossiers that is the difference between a blink and a stutter), checks a
document against its SHA-256 before handing its path to the PDF viewer, and shows how far the
full-text index has got.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from juror_app.domain.model import Edition
from juror_app.domain.rules import dossier_status
from juror_app.store.connection import Queryable, quick_check
from juror_app.store.edition_tables import read_edition
from juror_app.workflows.juror.profile import JurorProfile
from juror_app.workflows.juror.queries import DossierRow

if TYPE_CHECKING:
    pass

_ROW_SQL = (
    "SELECT a.dossier_id, a.position, i.name, i.short_name, c.id, c.name, i.city, i.voivodeship, i.county, i.commune"
    " FROM assigned_dossiers a JOIN dossiers d ON d.id = a.dossier_id"
    " JOIN institutions i ON i.id = d.institution_id JOIN categories c ON c.id = d.category_id"
    " WHERE a.dossier_id = ?"
)


def dossier_row(db: Queryable, dossier_id: str, edition: Edition | None = None) -> DossierRow | None:
    """One assigned dossier's row, as :func:`juror_queries.dossier_rows` gives it; None if not assigned."""
    ed = edition or read_edition(db)
    if ed is None:
        return None
    r = db.execute(_ROW_SQL, [dossier_id]).fetchone()
    if r is None:
        return None
    active = {c.id for c in ed.criteria}
    given = {
        c: (p, j)
        for c, p, j in db.execute(
            "SELECT criterion_id, points, justification FROM scores WHERE dossier_id = ?", [dossier_id])
        if c in active
    }
    recused = db.execute("SELECT 1 FROM conflicts WHERE dossier_id = ?", [dossier_id]).fetchone() is not None
    nominated = db.execute("SELECT 1 FROM nominations WHERE dossier_id = ? LIMIT 1", [dossier_id]).fetchone() is not None
    return DossierRow(
        dossier_id=r[0], position=r[1], institution=r[2], short_name=r[3], category_id=r[4], category=r[5],
        city=r[6], voivodeship=r[7], status=dossier_status(ed, given, recused), scored=len(given),
        criteria=len(ed.criteria), nominated=nominated, county=r[8], commune=r[9],
    )


def document_file(profile: JurorProfile, sha256: str) -> Path:
    """The document's file, after checking its bytes against the SHA-256 the signed bundle gave.

    Raises StoreError (missing, or changed on disk) with a message saying what to do.
    """
    blobs = profile.documents
    blobs.read(sha256)  # verifies; the viewer then opens the file by path (synchronous, no copy in memory)
    return blobs.path(sha256)


def index_progress(db: Queryable) -> tuple[int, int]:
    """(documents indexed for full-text search, documents assigned) — for the search panel's status."""
    total = db.execute(
        "SELECT count(DISTINCT d.sha256) FROM documents d JOIN assigned_dossiers a ON a.dossier_id = d.dossier_id"
    ).fetchone()[0]
    done = db.execute(
        "SELECT count(DISTINCT d.sha256) FROM documents d JOIN assigned_dossiers a ON a.dossier_id = d.dossier_id"
        " JOIN document_text_status s ON s.sha256 = d.sha256"
    ).fetchone()[0]
    return done, total


def database_problems(db: Queryable) -> list[str]:
    """SQLite's quick check at start (SECURITY.md): an empty list when the profile database is sound."""
    return quick_check(db)


def has_assignment(db: Queryable) -> bool:
    """Whether a bundle has been imported (the window shows its dossiers) or not (it invites an import)."""
    return db.execute("SELECT 1 FROM bundles WHERE is_current = 1").fetchone() is not None
