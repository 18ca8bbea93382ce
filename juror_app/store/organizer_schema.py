"""The organizer's database: one file per edition, readable with the sqlite-utils CLI or Datasette.

Tables and columns are named for the people who will query them; the packages received are kept
as evidence (their manifests in the table, their files content-addressed beside the database).
"""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from juror_app.store.connection import open_store, run_statements
from juror_app.store.edition_tables import EDITION_TABLES, create_edition_tables

migrations = Migrations("organizer")

STATUSES = "'not_started', 'in_progress', 'complete', 'recused'"


@migrations()
def m001_initial(db: Database) -> None:
    create_edition_tables(db)
    run_statements(
        db,
        f"""
CREATE TABLE organizer_key (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    public_key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    key_file TEXT NOT NULL DEFAULT ''
);
CREATE TABLE jurors (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    affiliation TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('chair', 'member')),
    enrolled_at TEXT NOT NULL
);
CREATE TABLE juror_keys (
    fingerprint TEXT PRIMARY KEY,
    juror_id TEXT NOT NULL REFERENCES jurors(id),
    public_key TEXT NOT NULL UNIQUE,
    added_at TEXT NOT NULL,
    revoked_at TEXT,
    revocation_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX juror_keys_by_juror ON juror_keys(juror_id);
CREATE TABLE enrollments (
    manifest_sha256 TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    affiliation TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    public_key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    created_at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    juror_id TEXT REFERENCES jurors(id)
);
CREATE TABLE known_conflicts (
    juror_id TEXT NOT NULL REFERENCES jurors(id),
    institution_id TEXT NOT NULL REFERENCES institutions(id),
    reason TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (juror_id, institution_id)
);
CREATE TABLE assignments (
    juror_id TEXT NOT NULL REFERENCES jurors(id),
    dossier_id TEXT NOT NULL REFERENCES dossiers(id),
    assigned_at TEXT NOT NULL,
    PRIMARY KEY (juror_id, dossier_id)
);
CREATE INDEX assignments_by_dossier ON assignments(dossier_id);
CREATE TABLE bundles (
    manifest_sha256 TEXT PRIMARY KEY,
    juror_id TEXT NOT NULL REFERENCES jurors(id),
    revision INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    file_name TEXT NOT NULL DEFAULT '',
    file_sha256 TEXT NOT NULL DEFAULT '',
    UNIQUE (juror_id, revision)
);
CREATE TABLE packages (
    manifest_sha256 TEXT PRIMARY KEY,
    juror_id TEXT NOT NULL REFERENCES jurors(id),
    revision INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    bundle_manifest_sha256 TEXT NOT NULL,
    key_fingerprint TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    file_size INTEGER NOT NULL,
    original_name TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('merged', 'superseded', 'evidence')),
    scores_count INTEGER NOT NULL DEFAULT 0,
    manifest_json TEXT NOT NULL
);
CREATE INDEX packages_by_juror ON packages(juror_id, revision);
CREATE TABLE scores (
    juror_id TEXT NOT NULL,
    dossier_id TEXT NOT NULL,
    criterion_id TEXT NOT NULL REFERENCES criteria(id),
    points REAL NOT NULL,
    justification TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    package_manifest_sha256 TEXT NOT NULL REFERENCES packages(manifest_sha256),
    PRIMARY KEY (juror_id, dossier_id, criterion_id),
    FOREIGN KEY (juror_id, dossier_id) REFERENCES assignments(juror_id, dossier_id)
);
CREATE INDEX scores_by_dossier ON scores(dossier_id, criterion_id);
CREATE TABLE dossier_statuses (
    juror_id TEXT NOT NULL,
    dossier_id TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ({STATUSES})),
    package_manifest_sha256 TEXT NOT NULL REFERENCES packages(manifest_sha256),
    PRIMARY KEY (juror_id, dossier_id),
    FOREIGN KEY (juror_id, dossier_id) REFERENCES assignments(juror_id, dossier_id)
);
CREATE TABLE conflicts (
    juror_id TEXT NOT NULL,
    dossier_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    declared_at TEXT NOT NULL,
    package_manifest_sha256 TEXT NOT NULL REFERENCES packages(manifest_sha256),
    PRIMARY KEY (juror_id, dossier_id),
    FOREIGN KEY (juror_id, dossier_id) REFERENCES assignments(juror_id, dossier_id)
);
CREATE TABLE nominations (
    juror_id TEXT NOT NULL,
    dossier_id TEXT NOT NULL,
    distinction_id TEXT NOT NULL REFERENCES distinctions(id),
    reason TEXT NOT NULL,
    nominated_at TEXT NOT NULL,
    package_manifest_sha256 TEXT NOT NULL REFERENCES packages(manifest_sha256),
    PRIMARY KEY (juror_id, dossier_id, distinction_id),
    FOREIGN KEY (juror_id, dossier_id) REFERENCES assignments(juror_id, dossier_id)
);
CREATE TABLE alarms (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    juror_id TEXT NOT NULL REFERENCES jurors(id),
    revision INTEGER NOT NULL,
    first_manifest_sha256 TEXT NOT NULL,
    second_manifest_sha256 TEXT NOT NULL,
    raised_at TEXT NOT NULL,
    message TEXT NOT NULL,
    UNIQUE (kind, first_manifest_sha256, second_manifest_sha256)
)
""",
    )


TABLES = EDITION_TABLES | {
    "organizer_key", "jurors", "juror_keys", "enrollments", "known_conflicts", "assignments",
    "bundles", "packages", "scores", "dossier_statuses", "conflicts", "nominations", "alarms",
}


def open_organizer_db(path: Path | str) -> Database:
    """Open (creating if needed) an organizer database at the current schema."""
    return open_store(path, migrations, expected_tables=TABLES)
