"""Opening a database the one safe way: WAL, foreign keys, full sync, migrations applied.

sqlite-utils leaves foreign keys off and uses the default journal; both are wrong here. Each
thread opens its own connection (a sqlite-utils ``Database`` must not be shared across threads).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from juror_app.domain.errors import StoreError

BUSY_TIMEOUT_MS = 10_000


def connect(path: Path | str, *, synchronous: str = "FULL", readonly: bool = False, wal: bool = True) -> Database:
    """Open ``path`` with the project's pragmas. The file is created when missing unless ``readonly``.

    ``wal=False`` leaves the journal mode alone (switching to WAL rewrites the file header), for a
    first look at a file that may turn out not to be ours.
    """
    path = Path(path)
    _refuse_non_sqlite(path)
    try:
        if readonly:
            conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        else:
            conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
        db = Database(conn, execute_plugins=False)
        db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if wal and not readonly:
            enable_wal(db)
        db.execute("PRAGMA foreign_keys=ON")
        db.execute(f"PRAGMA synchronous={synchronous}")
        return db
    except sqlite3.DatabaseError as exc:
        raise StoreError(
            "cannot_open_database",
            pl=f"Nie można otworzyć bazy danych „{path}”: {exc}. Sprawdź, czy to właściwy plik i czy nie jest uszkodzony.",
            en=f"Cannot open the database “{path}”: {exc}. Check that it is the right file and that it is not damaged.",
            path=str(path),
        ) from exc


SQLITE_MAGIC = b"SQLite format 3\x00"


def _refuse_non_sqlite(path: Path) -> None:
    """SQLite treats a file shorter than its header as a new, empty database and overwrites it."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StoreError(
            "cannot_open_database",
            pl=f"Nie można odczytać pliku „{path}”: {exc.strerror or exc}.",
            en=f"Cannot read the file “{path}”: {exc.strerror or exc}.",
        ) from exc
    if head and head != SQLITE_MAGIC:
        raise StoreError(
            "not_a_database",
            pl=f"„{path}” nie jest plikiem bazy danych SQLite. Wybierz właściwy plik; ten pozostał nietknięty.",
            en=f"“{path}” is not an SQLite database file. Choose the right file; this one was left untouched.",
            path=str(path),
        )


def enable_wal(db: Database) -> None:
    mode = db.execute("PRAGMA journal_mode=WAL").fetchone()[0]
    if mode.lower() != "wal":
        raise sqlite3.OperationalError(f"journal_mode is {mode}")


def open_store(path: Path | str, migrations: Migrations, *, expected_tables: set[str]) -> Database:
    """Open a store at the current schema; a database that belongs to something else is left untouched."""
    db = connect(path, wal=False)
    try:
        existing = set(db.table_names())
        foreign = existing - expected_tables - {"_sqlite_migrations"}
        applied = {name for (name,) in db.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [migrations.name]
        )} if "_sqlite_migrations" in existing else set()
        if existing and (foreign or not applied):
            db.close()
            raise StoreError(
                "foreign_database",
                pl="Ten plik bazy danych nie pochodzi z tego programu (albo z innej jego części). Wybierz właściwy plik.",
                en="This database file does not belong to this program (or to another part of it). Choose the right file.",
            )
        enable_wal(db)
        migrations.apply(db)
        return db
    except sqlite3.DatabaseError as exc:
        raise StoreError(
            "migration_failed",
            pl=f"Nie udało się przygotować bazy danych: {exc}. Plik może być uszkodzony; użyj kopii zapasowej.",
            en=f"Could not prepare the database: {exc}. The file may be damaged; use a backup.",
        ) from exc


def quick_check(db: Database) -> list[str]:
    """SQLite's quick_check; an empty list means the file is sound."""
    rows = [r[0] for r in db.execute("PRAGMA quick_check").fetchall()]
    return [] if rows == ["ok"] else rows


def integrity_check(db: Database) -> list[str]:
    rows = [r[0] for r in db.execute("PRAGMA integrity_check").fetchall()]
    return [] if rows == ["ok"] else rows


def run_statements(db: Database, script: str) -> None:
    """Run DDL one statement at a time (``executescript`` would commit in the middle of a migration).

    Statements end where SQLite says a statement is complete, so trigger bodies stay whole.
    """
    pending = ""
    for line in (script.rstrip().rstrip(";") + ";").splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            if pending.strip().strip(";").strip():
                db.execute(pending.strip().rstrip(";"))
            pending = ""
    if pending.strip():
        raise ValueError(f"incomplete SQL statement: {pending[:80]!r}")
