"""The organizer's database: one file per edition, readable with the sqlite-utils CLI or Datasette.

Tables and columns are named for the people who will query them; the packages received are kept
as evidence (their manifests in the table, their files content-addressed beside the database).
m002 adds the organizer's decisions (special distinctions), settings and the lock that freezes the
results for printing; the small functions that change them are below the migrations.
m006 adds what incremental assignment needs (its store functions are in ``store/assignment_tables.py``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from juror_app.domain.errors import StoreError, ValidationError
from juror_app.domain.moments import local_moment
from juror_app.domain.rules import check_reason
from juror_app.store.connection import (
    ReadOnlyAccess,
    is_writable,
    open_store,
    open_store_for_reading,
    read_only_error,
    run_statements,
)
from juror_app.store.document_checks import DOCUMENT_CHECKS_DDL
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


TABLES = EDITION_TABLES | {
    "organizer_key", "jurors", "juror_keys", "enrollments", "known_conflicts", "assignments",
    "bundles", "packages", "scores", "dossier_statuses", "conflicts", "nominations", "alarms",
    "settings", "decisions", "results_lock_events",
    "document_checks",  # m003
    "alarm_resolutions",  # m004
    "institution_contacts", "edition_changes", "edition_change_items", "edition_change_bundles",  # m005
    "juror_categories", "bundle_dossiers", "assignment_rules", "assignment_exclusions", "assignment_events",  # m006
}


def _refuse_missing_or_empty(path: Path) -> None:
    if not path.is_file() or path.stat().st_size == 0:  # stat only: the file is never opened here
        raise StoreError(
            "not_an_edition_database",
            pl=f"„{path}” nie jest bazą edycji konkursu (plik nie istnieje albo jest pusty). Podaj plik organizer.sqlite.",
            en=f"“{path}” is not an edition database (the file is missing or empty). Give the organizer.sqlite file.",
        )


def open_existing_organizer_db(path: Path | str) -> Database:
    """Open an edition database that must already exist, to change it (``merge --db``, the window).

    An empty file, a missing one, or a database of something else is refused untouched: commands
    that read an edition must never create one or change a file that is not one. A database that
    cannot be written (a read-only file, folder or medium) is refused before anything is read or
    planned, with what to do.
    """
    path = Path(path)
    _refuse_missing_or_empty(path)
    if not is_writable(path):
        raise read_only_error(path)
    return open_organizer_db(path)


def read_existing_organizer_db(path: Path | str) -> tuple[Database, ReadOnlyAccess]:
    """Open an existing edition database for reading only (``verify --db``, ``results``, ``report``…).

    Nothing is written: no migration, no WAL frame, no checkpoint; a copy on a disc or in a read-only
    folder opens too. The ``ReadOnlyAccess`` says whether the file was read-only, for the message.
    """
    path = Path(path)
    _refuse_missing_or_empty(path)
    return open_store_for_reading(path, migrations, expected_tables=TABLES)


def open_organizer_db(path: Path | str) -> Database:
    """Open (creating if needed) an organizer database at the current schema."""
    return open_store(path, migrations, expected_tables=TABLES)


# --- the organizer's decisions, settings and the results lock (m002) -------------------------

DISAGREEMENT_THRESHOLD = "disagreement_threshold"
DEFAULT_DISAGREEMENT_THRESHOLD = 0.3


def utc_stamp() -> str:
    """Now, as stored in every ``*_at`` column: ``2026-12-10T09:30:00Z``."""
    return datetime.now(timezone.utc).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class ResultsLock:
    """Who froze the results for printing, and when."""

    locked_at: str
    locked_by: str


def results_lock(db: Database) -> ResultsLock | None:
    row = db.execute("SELECT locked_at, locked_by FROM edition LIMIT 1").fetchone()
    if row is None or row[0] is None:
        return None
    return ResultsLock(row[0], row[1])


def is_locked(db: Database) -> bool:
    return results_lock(db) is not None


def locked_error(lock: ResultsLock, *, action_pl: str, action_en: str) -> ValidationError:
    """The message for anything refused because the results are frozen for printing.

    The moment is shown in local time as people write it, and the Polish says "zablokowano je: <name>"
    (impersonal): "zablokował je Anna Nowak" would guess the person's grammatical gender.
    """
    return ValidationError(
        "results_locked",
        pl=f"{action_pl}: wyniki są zamrożone do druku (zablokowano je: {lock.locked_by}, "
           f"{local_moment(lock.locked_at, 'pl')}). Aby cokolwiek zmienić, najpierw odblokuj wyniki, podając powód.",
        en=f"{action_en}: the results are frozen for printing (locked by {lock.locked_by} on "
           f"{local_moment(lock.locked_at, 'en')}). To change anything, unlock the results first and give the reason.",
    )


def ensure_unlocked(db: Database, *, action_pl: str, action_en: str) -> None:
    lock = results_lock(db)
    if lock is not None:
        raise locked_error(lock, action_pl=action_pl, action_en=action_en)


def _person(by: str) -> str:
    text = (by or "").strip()
    if not text or len(text) > 200:
        raise ValidationError(
            "person_required",
            pl="Podaj, kto to robi (imię i nazwisko, do 200 znaków): zapis trafia do historii blokady.",
            en="Say who is doing this (a name, up to 200 characters): it is recorded in the lock history.",
        )
    return text


def lock_results(db: Database, by: str) -> ResultsLock:
    """Freeze the results for printing: imports and decisions are refused until unlocked."""
    person = _person(by)
    lock = results_lock(db)
    if lock is not None:
        raise locked_error(lock, action_pl="Nie zablokowano ponownie", action_en="Not locked again")
    if db.execute("SELECT count(*) FROM edition").fetchone()[0] != 1:
        raise ValidationError("no_edition", pl="Baza nie zawiera edycji konkursu.", en="The database holds no edition.")
    stamp = utc_stamp()
    with db.atomic():
        db.execute("UPDATE edition SET locked_at = ?, locked_by = ?", [stamp, person])
        db.execute("INSERT INTO results_lock_events (action, happened_at, person) VALUES ('lock', ?, ?)", [stamp, person])
    return ResultsLock(stamp, person)


def unlock_results(db: Database, by: str, reason: str) -> None:
    """Unfreeze the results; the reason is kept, because printed copies may already exist."""
    person = _person(by)
    text = check_reason(reason, what_pl="odblokowania wyników", what_en="unlocking the results")
    if not is_locked(db):
        raise ValidationError("results_not_locked", pl="Wyniki nie są zablokowane.", en="The results are not locked.")
    with db.atomic():
        db.execute("UPDATE edition SET locked_at = NULL, locked_by = ''")
        db.execute(
            "INSERT INTO results_lock_events (action, happened_at, person, reason) VALUES ('unlock', ?, ?, ?)",
            [utc_stamp(), person, text],
        )


def choose_distinction(db: Database, dossier_id: str, distinction_id: str, *, note: str = "", by: str = "") -> None:
    """Record the organizer's choice of a special distinction for a dossier (again: the note is updated)."""
    ensure_unlocked(db, action_pl="Nie przyznano wyróżnienia", action_en="The distinction was not awarded")
    if db.execute("SELECT 1 FROM dossiers WHERE id = ?", [dossier_id]).fetchone() is None:
        raise ValidationError("unknown_dossier", pl=f"Nieznana teczka: {dossier_id}.", en=f"Unknown dossier: {dossier_id}.")
    if db.execute("SELECT 1 FROM distinctions WHERE id = ?", [distinction_id]).fetchone() is None:
        raise ValidationError("unknown_distinction", pl=f"Nieznane wyróżnienie: {distinction_id}.",
                              en=f"Unknown distinction: {distinction_id}.")
    with db.atomic():
        db.execute(
            "INSERT INTO decisions (dossier_id, distinction_id, note, decided_at, decided_by) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (dossier_id, distinction_id) DO UPDATE SET note = excluded.note,"
            " decided_at = excluded.decided_at, decided_by = excluded.decided_by",
            [dossier_id, distinction_id, (note or "").strip(), utc_stamp(), (by or "").strip()],
        )


def withdraw_distinction(db: Database, dossier_id: str, distinction_id: str) -> bool:
    """Take back a chosen distinction; False when it had not been chosen."""
    ensure_unlocked(db, action_pl="Nie wycofano wyróżnienia", action_en="The distinction was not withdrawn")
    with db.atomic():
        cursor = db.execute("DELETE FROM decisions WHERE dossier_id = ? AND distinction_id = ?", [dossier_id, distinction_id])
    return cursor.rowcount > 0


def disagreement_threshold(db: Database) -> float:
    """The fraction of a criterion's scale past which jurors' scores count as a disagreement."""
    row = db.execute("SELECT value FROM settings WHERE key = ?", [DISAGREEMENT_THRESHOLD]).fetchone()
    return float(row[0]) if row else DEFAULT_DISAGREEMENT_THRESHOLD


def set_disagreement_threshold(db: Database, value: float) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or not 0 < value <= 1:
        raise ValidationError(
            "bad_threshold",
            pl="Próg rozbieżności to ułamek skali kryterium większy od 0 i nie większy niż 1 (np. 0,3 = 30%).",
            en="The disagreement threshold is a fraction of the criterion's scale above 0 and at most 1 (e.g. 0.3 = 30%).",
        )
    ensure_unlocked(db, action_pl="Nie zmieniono progu rozbieżności", action_en="The disagreement threshold was not changed")
    with db.atomic():
        db.execute(
            "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
            [DISAGREEMENT_THRESHOLD, repr(float(value)), utc_stamp()],
        )
