"""The juror's workstation database: one file per profile, on the juror's laptop.

Scores are written with ``synchronous=FULL`` and committed before the UI shows them as saved;
every change also appends a line to the hash-chained edit log in the same transaction.

The migrations are plain functions listed in ``STEPS``; the sqlite-utils ``Migrations`` that
applies them is built on first use (``juror_schema.migrations``), so that the window's start, which
finds the file up to date (:func:`open_juror_connection`), never loads sqlite-utils.
"""

from __future__ import annotations

import sqlite3
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from juror_app.store.connection import (
    applied_migrations,
    enable_wal,
    open_connection,
    open_store,
    run_statements,
)
from juror_app.store.document_checks import DOCUMENT_CHECKS_DDL
from juror_app.store.superseded_scores import SUPERSEDED_SCORES_DDL
from juror_app.store.edition_tables import (
    EDITION_TABLES,
    INSTITUTION_DETAILS_DDL,
    create_edition_tables,
)

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

MIGRATION_SET = "juror"


def m001_initial(db: Database) -> None:
    create_edition_tables(db)
    run_statements(
        db,
        """
CREATE TABLE profile (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL,
    affiliation TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    public_key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    key_file TEXT NOT NULL,
    created_at TEXT NOT NULL,
    juror_id TEXT
);
CREATE TABLE organizer_pin (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    public_key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    pinned_at TEXT NOT NULL
);
CREATE TABLE bundles (
    manifest_sha256 TEXT PRIMARY KEY,
    edition_id TEXT NOT NULL,
    juror_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    is_current INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE assigned_dossiers (
    dossier_id TEXT PRIMARY KEY REFERENCES dossiers(id),
    position INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE scores (
    dossier_id TEXT NOT NULL REFERENCES dossiers(id),
    criterion_id TEXT NOT NULL REFERENCES criteria(id),
    points REAL NOT NULL,
    justification TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    PRIMARY KEY (dossier_id, criterion_id)
);
CREATE TABLE conflicts (
    dossier_id TEXT PRIMARY KEY REFERENCES dossiers(id),
    reason TEXT NOT NULL,
    declared_at TEXT NOT NULL
);
CREATE TABLE nominations (
    dossier_id TEXT NOT NULL REFERENCES dossiers(id),
    distinction_id TEXT NOT NULL REFERENCES distinctions(id),
    reason TEXT NOT NULL,
    nominated_at TEXT NOT NULL,
    PRIMARY KEY (dossier_id, distinction_id)
);
CREATE TABLE edit_log (
    seq INTEGER PRIMARY KEY,
    line TEXT NOT NULL,
    entry_hash TEXT NOT NULL UNIQUE
);
CREATE TABLE exports (
    revision INTEGER PRIMARY KEY,
    created_at TEXT NOT NULL,
    manifest_sha256 TEXT NOT NULL,
    bundle_manifest_sha256 TEXT NOT NULL,
    file_path TEXT NOT NULL,
    scores_count INTEGER NOT NULL
)
""",
    )


def m002_document_text(db: Database) -> None:
    """Page texts of the dossiers' PDFs for full-text search (keyed by the PDF's SHA-256)."""
    run_statements(
        db,
        """
CREATE TABLE document_text (
    sha256 TEXT NOT NULL,
    page INTEGER NOT NULL,
    text TEXT NOT NULL,
    folded TEXT NOT NULL,
    PRIMARY KEY (sha256, page)
);
CREATE TABLE document_text_status (
    sha256 TEXT PRIMARY KEY,
    pages INTEGER NOT NULL DEFAULT 0,
    indexed_at TEXT NOT NULL,
    error TEXT NOT NULL DEFAULT ''
);
CREATE VIRTUAL TABLE document_text_fts USING fts5(
    folded, content='document_text', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER document_text_ai AFTER INSERT ON document_text BEGIN
    INSERT INTO document_text_fts (rowid, folded) VALUES (new.rowid, new.folded);
END;
CREATE TRIGGER document_text_ad AFTER DELETE ON document_text BEGIN
    INSERT INTO document_text_fts (document_text_fts, rowid, folded) VALUES ('delete', old.rowid, old.folded);
END;
CREATE TRIGGER document_text_au AFTER UPDATE ON document_text BEGIN
    INSERT INTO document_text_fts (document_text_fts, rowid, folded) VALUES ('delete', old.rowid, old.folded);
    INSERT INTO document_text_fts (rowid, folded) VALUES (new.rowid, new.folded);
END
""",
    )


def m003_document_checks(db: Database) -> None:
    """The PDF check's verdict per document (store.document_checks): the window opens only those that passed."""
    run_statements(db, DOCUMENT_CHECKS_DDL)


TABLES = EDITION_TABLES | {
    "profile", "organizer_pin", "bundles", "assigned_dossiers", "scores", "conflicts",
    "nominations", "edit_log", "exports", "document_text", "document_text_status",
    "document_text_fts", "document_text_fts_data", "document_text_fts_idx", "document_text_fts_docsize",
    "document_text_fts_config", "document_checks", "superseded_scores",
}


def m004_institution_details(db: Database) -> None:
    """An institution's county and commune, as bundles now carry them (optional fields)."""
    run_statements(db, INSTITUTION_DETAILS_DDL)


def m005_superseded_scores(db: Database) -> None:
    """Scores whose criterion's scale changed in a later bundle, kept aside with their justification."""
    run_statements(db, SUPERSEDED_SCORES_DDL)


STEPS = (m001_initial, m002_document_text, m003_document_checks, m004_institution_details,
         m005_superseded_scores)  # in order; never edit a released one, add a new step


@cache
def _migrations() -> Migrations:
    from sqlite_utils.migrations import Migrations

    built = Migrations(MIGRATION_SET)
    for step in STEPS:
        built()(step)
    return built


def __getattr__(name: str) -> object:
    if name == "migrations":
        return _migrations()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def open_juror_db(path: Path | str) -> Database:
    """Open (creating if needed) a juror workstation database at the current schema."""
    return open_store(path, _migrations(), expected_tables=TABLES)


def open_juror_connection(path: Path | str) -> sqlite3.Connection:
    """A plain connection to a juror database at the current schema (see the module's note).

    A file with every step applied is opened as it is; anything else (new, older, or not ours) goes
    through :func:`open_juror_db` first, which upgrades it or refuses it untouched.
    """
    conn = open_connection(path, wal=False)  # WAL only once the file is known to be ours
    try:
        if applied_migrations(conn, MIGRATION_SET) >= {step.__name__ for step in STEPS}:
            enable_wal(conn)
            return conn
    except sqlite3.DatabaseError:
        pass  # not readable as ours: open_juror_db below says why, in the user's language
    conn.close()
    open_juror_db(path).close()
    return open_connection(path)
