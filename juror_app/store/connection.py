"""Opening a database the one safe way: WAL, foreign keys, full sync, migrations applied.

sqlite-utils leaves foreign keys off and uses the default journal; both are wrong here. Each
thread opens its own connection (a sqlite-utils ``Database`` must not be shared across threads).

sqlite-utils itself is imported only when a ``Database`` is made: importing it (with click,
dateutil and pluggy) is a tenth of the juror's window start, and that start only reads, through a
plain connection (:func:`open_connection`), which a ``Database`` can wrap later (:func:`as_database`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from juror_app.domain.errors import StoreError

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

BUSY_TIMEOUT_MS = 10_000


class Queryable(Protocol):
    """What a read needs: a plain ``sqlite3.Connection`` and a sqlite-utils ``Database`` both are."""

    def execute(self, sql: str, parameters: Sequence[Any] | dict[str, Any] = ..., /) -> sqlite3.Cursor: ...


def as_database(conn: sqlite3.Connection) -> Database:
    """A sqlite-utils ``Database`` over an open connection (the pragmas stay as they were set)."""
    from sqlite_utils import Database

    return Database(conn, execute_plugins=False)


def connect(path: Path | str, *, synchronous: str = "FULL", readonly: bool = False, wal: bool = True) -> Database:
    """Open ``path`` with the project's pragmas. The file is created when missing unless ``readonly``.

    ``wal=False`` leaves the journal mode alone (switching to WAL rewrites the file header), for a
    first look at a file that may turn out not to be ours.
    """
    return as_database(open_connection(path, synchronous=synchronous, readonly=readonly, wal=wal))


def open_connection(path: Path | str, *, synchronous: str = "FULL", readonly: bool = False,
                    wal: bool = True) -> sqlite3.Connection:
    """:func:`connect` without sqlite-utils: a plain connection with the same pragmas."""
    path = Path(path)
    _refuse_non_sqlite(path)
    try:
        if readonly:
            conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        else:
            conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if wal and not readonly:
            enable_wal(conn)
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute(f"PRAGMA synchronous={synchronous}")
        return conn
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


def applied_migrations(db: Queryable, migration_set: str) -> set[str]:
    """Names of the migrations of ``migration_set`` recorded in the file (none in a new or foreign file)."""
    if db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlite_migrations'").fetchone() is None:
        return set()
    return {name for (name,) in db.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [migration_set])}


def enable_wal(db: Queryable) -> None:
    mode = db.execute("PRAGMA journal_mode=WAL").fetchone()[0]
    if mode.lower() != "wal":
        raise sqlite3.OperationalError(f"journal_mode is {mode}")


def open_store(path: Path | str, migrations: Migrations, *, expected_tables: set[str]) -> Database:
    """Open a store at the current schema; a database that belongs to something else is left untouched."""
    db = connect(path, wal=False)
    try:
        existing = set(db.table_names())
        foreign = existing - expected_tables - {"_sqlite_migrations"}
        applied = applied_migrations(db, migrations.name)
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


def quick_check(db: Queryable) -> list[str]:
    """SQLite's quick_check; an empty list means the file is sound."""
    rows = [r[0] for r in db.execute("PRAGMA quick_check").fetchall()]
    return [] if rows == ["ok"] else rows


def integrity_check(db: Queryable) -> list[str]:
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
