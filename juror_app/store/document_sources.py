"""Where each dossier document came from, and every import of a documents folder with each file's outcome.

Made by the organizer's ``m008_document_sources`` migration:

- ``document_imports``: one row per import (a folder, or one file added by hand): when, from where,
  how deeply the PDFs were checked, and how many files were found, added and refused.
- ``document_import_files``: every file the import found, with its outcome (``add`` = added by it,
  ``already_attached``, ``skipped`` — a system file such as ``Thumbs.db`` —, ``refused``), the reason
  code and message, its SHA-256, and the dossier and document it became.
- ``document_sources``: for a document added from a file, its original path inside the folder, how
  it was matched to its institution, whether its kind was read from the name, and when it was added
  (documents of older databases and of ``add_dossiers`` have no row here).

The documents themselves stay in ``documents`` (the table bundles are made from); rows are appended
to a dossier's list, never rewritten, so documents added later (stage II reports) go out in the next
bundle revision with the others as they were.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from juror_app.store.connection import Queryable

if TYPE_CHECKING:
    from sqlite_utils import Database

OUTCOMES = ("add", "already_attached", "skipped", "refused")

DOCUMENT_SOURCES_DDL = f"""
CREATE TABLE document_imports (
    id INTEGER PRIMARY KEY,
    imported_at TEXT NOT NULL,
    source TEXT NOT NULL,
    check_depth TEXT NOT NULL CHECK (check_depth IN ('structure', 'full')),
    files_found INTEGER NOT NULL DEFAULT 0,
    added INTEGER NOT NULL DEFAULT 0,
    refused INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE document_import_files (
    import_id INTEGER NOT NULL REFERENCES document_imports(id),
    position INTEGER NOT NULL,
    relative_path TEXT NOT NULL,
    size INTEGER NOT NULL DEFAULT 0,
    sha256 TEXT NOT NULL DEFAULT '',
    outcome TEXT NOT NULL CHECK (outcome IN ({", ".join(f"'{o}'" for o in OUTCOMES)})),
    reason TEXT NOT NULL DEFAULT '',
    message_pl TEXT NOT NULL DEFAULT '',
    message_en TEXT NOT NULL DEFAULT '',
    dossier_id TEXT NOT NULL DEFAULT '',
    document_id TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (import_id, position)
);
CREATE TABLE document_sources (
    document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    import_id INTEGER NOT NULL REFERENCES document_imports(id),
    original_name TEXT NOT NULL,
    matched_by TEXT NOT NULL DEFAULT '',
    kind_inferred INTEGER NOT NULL DEFAULT 0 CHECK (kind_inferred IN (0, 1)),
    added_at TEXT NOT NULL
);
CREATE INDEX document_sources_by_import ON document_sources(import_id)
"""

DOCUMENT_SOURCES_TABLES = {"document_imports", "document_import_files", "document_sources"}


@dataclass(frozen=True)
class NewDocument:
    """A document to append to a dossier, with where it came from."""

    id: str
    dossier_id: str
    kind: str
    title: str
    sha256: str
    size: int
    pages: int
    original_name: str
    matched_by: str
    kind_inferred: bool


@dataclass(frozen=True)
class ImportedFile:
    """One file an import found, as recorded."""

    relative_path: str
    size: int
    sha256: str
    outcome: str
    reason: str = ""
    message_pl: str = ""
    message_en: str = ""
    dossier_id: str = ""
    document_id: str = ""


@dataclass(frozen=True)
class StoredDocument:
    id: str
    dossier_id: str
    kind: str
    title: str
    sha256: str
    size: int
    pages: int
    position: int
    original_name: str  # "" for a document without a source row
    added_at: str  # "" likewise


def documents_state(db: Queryable) -> str:
    """A digest of everything a documents preview depends on: institutions' names, dossiers, their documents."""
    digest = hashlib.sha256()
    for sql in ("SELECT id, name FROM institutions ORDER BY id",
                "SELECT id, institution_id FROM dossiers ORDER BY id",
                "SELECT id, dossier_id, kind, title, sha256, position FROM documents ORDER BY id"):
        for row in db.execute(sql):
            digest.update(repr(tuple(row)).encode("utf-8"))
        digest.update(b"|")
    return digest.hexdigest()


def document_ids(db: Queryable) -> set[str]:
    return {r[0] for r in db.execute("SELECT id FROM documents")}


def next_positions(db: Queryable) -> dict[str, int]:
    """Dossier id → the position after its last document (dossiers without documents are left out)."""
    return {r[0]: int(r[1]) + 1 for r in db.execute("SELECT dossier_id, max(position) FROM documents GROUP BY dossier_id")}


def record_import(db: Database, *, imported_at: str, source: str, check_depth: str,
                  files: Sequence[ImportedFile], documents: Sequence[NewDocument]) -> int:
    """Append ``documents`` to their dossiers and record the import with every file; returns its id.

    The caller holds the transaction (the documents, their sources, the import and the verdicts
    are written together or not at all).
    """
    counts = {o: sum(1 for f in files if f.outcome == o) for o in OUTCOMES}
    cursor = db.execute(
        "INSERT INTO document_imports (imported_at, source, check_depth, files_found, added, refused)"
        " VALUES (?, ?, ?, ?, ?, ?)", [imported_at, source, check_depth, len(files), counts["add"], counts["refused"]])
    import_id = int(cursor.lastrowid)
    positions = next_positions(db)
    document_rows, source_rows = [], []
    for doc in documents:
        position = positions.get(doc.dossier_id, 0)
        positions[doc.dossier_id] = position + 1
        document_rows.append((doc.id, doc.dossier_id, doc.kind, doc.title, doc.sha256, doc.size, doc.pages, position))
        source_rows.append((doc.id, import_id, doc.original_name, doc.matched_by, int(doc.kind_inferred), imported_at))
    conn = db.conn
    conn.executemany("INSERT INTO documents (id, dossier_id, kind, title, sha256, size, pages, position)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", document_rows)
    conn.executemany("INSERT INTO document_sources (document_id, import_id, original_name, matched_by, kind_inferred,"
                     " added_at) VALUES (?, ?, ?, ?, ?, ?)", source_rows)
    conn.executemany(
        "INSERT INTO document_import_files (import_id, position, relative_path, size, sha256, outcome, reason,"
        " message_pl, message_en, dossier_id, document_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(import_id, i, f.relative_path, f.size, f.sha256, f.outcome, f.reason, f.message_pl, f.message_en,
          f.dossier_id, f.document_id) for i, f in enumerate(files)])
    return import_id


def stored_documents(db: Queryable, dossier_id: str | None = None) -> list[StoredDocument]:
    """Documents (of one dossier, or all) with their sources, in each dossier's order."""
    where, params = ("WHERE d.dossier_id = ?", [dossier_id]) if dossier_id is not None else ("", [])
    return [StoredDocument(*row) for row in db.execute(
        "SELECT d.id, d.dossier_id, d.kind, d.title, d.sha256, d.size, d.pages, d.position,"
        " coalesce(s.original_name, ''), coalesce(s.added_at, '')"
        f" FROM documents d LEFT JOIN document_sources s ON s.document_id = d.id {where}"
        " ORDER BY d.dossier_id, d.position, d.id", params)]


def stored_document(db: Queryable, document_id: str) -> StoredDocument | None:
    row = db.execute(
        "SELECT d.id, d.dossier_id, d.kind, d.title, d.sha256, d.size, d.pages, d.position,"
        " coalesce(s.original_name, ''), coalesce(s.added_at, '')"
        " FROM documents d LEFT JOIN document_sources s ON s.document_id = d.id WHERE d.id = ?", [document_id]).fetchone()
    return StoredDocument(*row) if row else None


def update_document(db: Database, document_id: str, *, kind: str | None = None, title: str | None = None) -> None:
    if kind is not None:
        db.execute("UPDATE documents SET kind = ? WHERE id = ?", [kind, document_id])
    if title is not None:
        db.execute("UPDATE documents SET title = ? WHERE id = ?", [title, document_id])


def delete_document(db: Database, document_id: str) -> None:
    """Take a document out of its dossier (its source row goes with it; its file and verdict stay)."""
    db.execute("DELETE FROM documents WHERE id = ?", [document_id])


def bundles_carrying(db: Queryable, document: StoredDocument) -> list[tuple[str, int]]:
    """(juror, revision) of the latest bundle of each juror that carried ``document``'s dossier since it was added.

    ``bundle_dossiers`` records which dossiers each bundle held; a document counts as carried by a
    bundle made at or after it was added (a document without a source row was there before any bundle).
    """
    rows = db.execute(
        "SELECT b.juror_id, max(b.revision) FROM bundle_dossiers x JOIN bundles b ON b.manifest_sha256 = x.bundle_manifest_sha256"
        " WHERE x.dossier_id = ? AND (? = '' OR b.created_at >= ?) GROUP BY b.juror_id ORDER BY b.juror_id",
        [document.dossier_id, document.added_at, document.added_at]).fetchall()
    return [(r[0], int(r[1])) for r in rows]


def imports(db: Queryable) -> list[tuple]:
    """(id, imported_at, source, check_depth, files_found, added, refused) of every import, newest first."""
    return db.execute("SELECT id, imported_at, source, check_depth, files_found, added, refused"
                      " FROM document_imports ORDER BY id DESC").fetchall()


def imported_files(db: Queryable, import_id: int) -> list[ImportedFile]:
    return [ImportedFile(*r) for r in db.execute(
        "SELECT relative_path, size, sha256, outcome, reason, message_pl, message_en, dossier_id, document_id"
        " FROM document_import_files WHERE import_id = ? ORDER BY position", [import_id])]


def existing_sha256s(db: Queryable, ids: Iterable[str]) -> set[str]:
    """Those of ``ids`` (SHA-256s) that some document refers to."""
    wanted = sorted(set(ids))
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        found.update(r[0] for r in db.execute(
            f"SELECT DISTINCT sha256 FROM documents WHERE sha256 IN ({', '.join('?' * len(chunk))})", chunk))
    return found
