"""The organizer's database: one file per edition, readable with the sqlite-utils CLI or Datasette.

Opening it (for writing, or read-only for the commands that only read), and the small functions for
the organizer's decisions, settings and the lock that freezes the results for printing. The schema
itself, every migration in order, is in ``store/organizer_migrations.py``; the store functions of
later steps have modules of their own (``assignment_tables``, ``document_checks``, …).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from sqlite_utils import Database

from juror_app.domain.errors import StoreError, ValidationError
from juror_app.domain.moments import local_moment
from juror_app.domain.rules import check_reason
from juror_app.store.connection import (
    ReadOnlyAccess,
    is_writable,
    open_store,
    open_store_for_reading,
    read_only_error,
)
from juror_app.store.organizer_migrations import TABLES, migrations  # noqa: F401  (re-exported)


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
