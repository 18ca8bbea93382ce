"""The organizer's schema: every migration of the edition database, in order, and the tables it makes.

Tables and columns are named for the people who will query them (sqlite-utils, Datasette). A released
migration is never edited: a change is a new named step at the end. ``TABLES`` lists every table the
migrations make, so that a database of something else is recognised and left untouched.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from juror_app.store.connection import run_statements
from juror_app.store.document_checks import DOCUMENT_CHECKS_DDL
from juror_app.store.document_sources import DOCUMENT_SOURCES_DDL
from juror_app.store.edition_tables import (
    EDITION_TABLES,
    INSTITUTION_DETAILS_DDL,
    create_edition_tables,
)

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


@migrations()
def m002_decisions(db: Database) -> None:
    """The organizer's decisions (special distinctions), settings, and the lock that freezes results."""
    run_statements(
        db,
        """
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE decisions (
    dossier_id TEXT NOT NULL REFERENCES dossiers(id),
    distinction_id TEXT NOT NULL REFERENCES distinctions(id),
    note TEXT NOT NULL DEFAULT '',
    decided_at TEXT NOT NULL,
    decided_by TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (dossier_id, distinction_id)
);
CREATE TABLE results_lock_events (
    id INTEGER PRIMARY KEY,
    action TEXT NOT NULL CHECK (action IN ('lock', 'unlock')),
    happened_at TEXT NOT NULL,
    person TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT ''
);
ALTER TABLE edition ADD COLUMN locked_at TEXT;
ALTER TABLE edition ADD COLUMN locked_by TEXT NOT NULL DEFAULT ''
""",
    )


@migrations()
def m003_document_checks(db: Database) -> None:
    """The PDF check's verdict per document (store.document_checks): only documents that passed are registered."""
    run_statements(db, DOCUMENT_CHECKS_DDL)


@migrations()
def m004_alarm_resolutions(db: Database) -> None:
    """The organizer's resolution of an alarm: who, when, why, and which of its two packages (if any) is trusted.

    An alarm without a row here is open: while it is, every package of its juror is held (the
    merge's rule, ``workflows/organizer/alarm_rule.py``). ``trusted_merged`` says the resolution
    merged the trusted package (it had been kept as evidence).
    """
    run_statements(
        db,
        """
CREATE TABLE alarm_resolutions (
    alarm_id INTEGER PRIMARY KEY REFERENCES alarms(id),
    resolved_at TEXT NOT NULL,
    resolved_by TEXT NOT NULL,
    reason TEXT NOT NULL,
    trusted_manifest_sha256 TEXT REFERENCES packages(manifest_sha256),
    trusted_merged INTEGER NOT NULL DEFAULT 0 CHECK (trusted_merged IN (0, 1))
)
""",
    )


@migrations()
def m005_edition_setup(db: Database) -> None:
    """Setting up a real edition: institutions' county/commune and contacts, and the edition's change history.

    - ``institution_contacts``: the person, e-mail and phone to reach an applicant. Organizer only:
      these never travel in a bundle.
    - ``edition_changes``: one row per stored change of the edition's structure (``summary`` in both
      languages; ``invalidating`` when a criterion's range or step changed or a criterion was removed
      after bundles went out, with who confirmed it), ``edition_change_items`` says what changed,
      field by field, and ``edition_change_bundles`` lists the bundles (the latest of each juror at
      that moment) that still carry the edition as it was: their jurors need a new bundle revision.
    """
    run_statements(
        db,
        INSTITUTION_DETAILS_DDL
        + """;
CREATE TABLE institution_contacts (
    institution_id TEXT PRIMARY KEY REFERENCES institutions(id) ON DELETE CASCADE,
    person TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
);
CREATE TABLE edition_changes (
    id INTEGER PRIMARY KEY,
    changed_at TEXT NOT NULL,
    changed_by TEXT NOT NULL DEFAULT '',
    summary_pl TEXT NOT NULL,
    summary_en TEXT NOT NULL,
    invalidating INTEGER NOT NULL DEFAULT 0 CHECK (invalidating IN (0, 1)),
    confirmed INTEGER NOT NULL DEFAULT 0 CHECK (confirmed IN (0, 1)),
    edition_sha256_before TEXT NOT NULL,
    edition_sha256_after TEXT NOT NULL
);
CREATE TABLE edition_change_items (
    change_id INTEGER NOT NULL REFERENCES edition_changes(id),
    position INTEGER NOT NULL,
    part TEXT NOT NULL,
    item_id TEXT NOT NULL DEFAULT '',
    label TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL CHECK (action IN ('added', 'removed', 'changed')),
    field TEXT NOT NULL DEFAULT '',
    old_value TEXT NOT NULL DEFAULT '',
    new_value TEXT NOT NULL DEFAULT '',
    invalidating INTEGER NOT NULL DEFAULT 0 CHECK (invalidating IN (0, 1)),
    PRIMARY KEY (change_id, position)
);
CREATE TABLE edition_change_bundles (
    change_id INTEGER NOT NULL REFERENCES edition_changes(id),
    juror_id TEXT NOT NULL REFERENCES jurors(id),
    bundle_manifest_sha256 TEXT NOT NULL REFERENCES bundles(manifest_sha256),
    PRIMARY KEY (change_id, juror_id)
);
CREATE INDEX edition_change_bundles_by_bundle ON edition_change_bundles(bundle_manifest_sha256)
""",
    )


@migrations()
def m006_assignment_plan(db: Database) -> None:
    """What incremental assignment needs: who left, who covers which category, what each bundle held,
    the rules of the edition's assignment, the pairs the organizer took away by hand (a plan does not
    give them back), and a log of changes made by plans and by hand.

    Bundles issued before this migration recorded no contents; the current assignments of every juror
    who already has a bundle are recorded as that bundle's contents. That errs on the safe side: an
    assignment taken for issued is only kept, never moved.
    """
    run_statements(
        db,
        """
ALTER TABLE jurors ADD COLUMN left_at TEXT;
ALTER TABLE jurors ADD COLUMN left_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE assignments ADD COLUMN source TEXT NOT NULL DEFAULT 'planned' CHECK (source IN ('planned', 'manual'));
CREATE TABLE juror_categories (
    juror_id TEXT NOT NULL REFERENCES jurors(id),
    category_id TEXT NOT NULL REFERENCES categories(id),
    PRIMARY KEY (juror_id, category_id)
);
CREATE TABLE bundle_dossiers (
    bundle_manifest_sha256 TEXT NOT NULL REFERENCES bundles(manifest_sha256),
    juror_id TEXT NOT NULL REFERENCES jurors(id),
    revision INTEGER NOT NULL,
    dossier_id TEXT NOT NULL REFERENCES dossiers(id),
    PRIMARY KEY (juror_id, revision, dossier_id)
);
CREATE INDEX bundle_dossiers_by_bundle ON bundle_dossiers(bundle_manifest_sha256);
CREATE TABLE assignment_rules (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    per_dossier INTEGER NOT NULL CHECK (per_dossier >= 1),
    only_covering_jurors INTEGER NOT NULL DEFAULT 0 CHECK (only_covering_jurors IN (0, 1)),
    seed INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL
);
CREATE TABLE assignment_exclusions (
    juror_id TEXT NOT NULL REFERENCES jurors(id),
    dossier_id TEXT NOT NULL REFERENCES dossiers(id),
    reason TEXT NOT NULL DEFAULT '',
    excluded_at TEXT NOT NULL,
    person TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (juror_id, dossier_id)
);
CREATE TABLE assignment_events (
    id INTEGER PRIMARY KEY,
    happened_at TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('plan', 'assign', 'unassign', 'release', 'juror_left', 'juror_returned')),
    juror_id TEXT NOT NULL DEFAULT '',
    dossier_id TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    person TEXT NOT NULL DEFAULT '',
    details TEXT NOT NULL DEFAULT ''
);
INSERT INTO bundle_dossiers (bundle_manifest_sha256, juror_id, revision, dossier_id)
    SELECT b.manifest_sha256, b.juror_id, b.revision, a.dossier_id
    FROM bundles b JOIN assignments a ON a.juror_id = b.juror_id
    WHERE b.revision = (SELECT max(revision) FROM bundles WHERE juror_id = b.juror_id)
""",
    )


@migrations()
def m008_document_sources(db: Database) -> None:
    """Where each document came from and every import of a documents folder (store.document_sources)."""
    run_statements(db, DOCUMENT_SOURCES_DDL)


TABLES = EDITION_TABLES | {
    "organizer_key", "jurors", "juror_keys", "enrollments", "known_conflicts", "assignments",
    "bundles", "packages", "scores", "dossier_statuses", "conflicts", "nominations", "alarms",
    "settings", "decisions", "results_lock_events",
    "document_checks",  # m003
    "alarm_resolutions",  # m004
    "institution_contacts", "edition_changes", "edition_change_items", "edition_change_bundles",  # m005
    "juror_categories", "bundle_dossiers", "assignment_rules", "assignment_exclusions", "assignment_events",  # m006
    "document_imports", "document_import_files", "document_sources",  # m008
}
