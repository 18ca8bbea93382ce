"""Opening a database the one safe way: WAL, foreign keys, full sync, migrations applied.

sqlite-utils leaves foreign keys off and uses the default journal; both are wrong here. Each
thread opens its own connection (a sqlite-utils ``Database`` must not be shared across threads).

sqlite-utils itself is imported only when a ``Database`` is made: importing it (with click,
dateutil and pluggy) is a tenth of the juror's window start, and that start only reads, through a
plain connection (:func:`open_connection`), which a ``Database`` can wrap later (:func:`as_database`).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from juror_app.domain.errors import StoreError
from juror_app.domain.i18n import pick

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
    """:func:`connect` without sqlite-utils: a plain connection with the same pragmas.

    The file is never opened with plain file functions, not even to look at its header: closing any
    descriptor of it would drop every POSIX lock this process's SQLite connections hold on it (the
    organizer's window keeps one open while background tasks open more), and the next outside
    program to close the database would then delete the WAL the window still writes into. The
    header is read through SQLite itself, on this connection, before anything is written.
    """
    path = Path(path)
    try:
        if readonly:
            conn = sqlite3.connect(database_uri(path, mode="ro"), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        else:
            conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.DatabaseError as exc:
        raise _open_error(path, exc) from exc
    try:
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        read_header(conn, path)
        if wal and not readonly:
            enable_wal(conn)
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute(f"PRAGMA synchronous={synchronous}")
        return conn
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise _open_error(path, exc) from exc
    except BaseException:
        conn.close()
        raise


def database_uri(path: Path | str, **parameters: str) -> str:
    """An SQLite ``file:`` URI for ``path`` (``?``, ``#`` and ``%`` in the name escaped) with its parameters."""
    uri = Path(path).absolute().as_uri()
    return uri + ("?" + "&".join(f"{key}={value}" for key, value in parameters.items()) if parameters else "")


MIN_DATABASE_BYTES = 512  # SQLite's smallest page: a database file that is not empty holds at least one


def read_header(conn: sqlite3.Connection, path: Path) -> None:
    """Make SQLite read the file's header (and, in WAL mode, its index) now, before anything is written.

    A file that is not SQLite raises SQLITE_NOTADB here, untouched. SQLite reads a one-byte file as
    a new, empty database (and would overwrite it), so a file shorter than one page is refused by its
    size, which ``stat`` gives without opening it.
    """
    conn.execute("PRAGMA schema_version").fetchone()
    try:
        size = os.stat(path).st_size
    except FileNotFoundError:
        return
    if 0 < size < MIN_DATABASE_BYTES:
        raise _open_error(path, sqlite3.DatabaseError("file is not a database"), code=SQLITE_NOTADB)


SQLITE_READONLY = 8
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26


def _primary_code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def _open_error(path: Path, exc: sqlite3.Error, *, code: int | None = None) -> StoreError:
    """The message for a database that could not be opened or read, by SQLite's reason."""
    code = _primary_code(exc) if code is None else code
    if code == SQLITE_NOTADB:
        return StoreError(
            "not_a_database",
            pl=f"„{path}” nie jest plikiem bazy danych SQLite. Wybierz właściwy plik; ten pozostał nietknięty.",
            en=f"“{path}” is not an SQLite database file. Choose the right file; this one was left untouched.",
            path=str(path),
        )
    if code == SQLITE_READONLY:
        return read_only_error(path)
    return StoreError(
        "cannot_open_database",
        pl=f"Nie można otworzyć bazy danych „{path}”: {exc}. Sprawdź, czy to właściwy plik i czy nie jest uszkodzony.",
        en=f"Cannot open the database “{path}”: {exc}. Check that it is the right file and that it is not damaged.",
        path=str(path),
    )


def read_only_error(path: Path | str) -> StoreError:
    """Refusing to change a database that cannot be written (a read-only file, folder or medium)."""
    return StoreError(
        "database_read_only",
        pl=f"Baza danych „{path}” jest tylko do odczytu (sam plik, jego folder albo nośnik, np. płyta lub archiwum), "
           "więc niczego w niej nie zmieniono. Aby coś w niej zapisać, skopiuj ją razem z folderem w miejsce z prawem "
           "zapisu; polecenia, które tylko czytają (verify, results, report), działają i na kopii tylko do odczytu.",
        en=f"The database “{path}” is read-only (the file itself, its folder or the medium, such as a disc or an "
           "archive), so nothing in it was changed. To write to it, copy it with its folder to a place you can write "
           "to; commands that only read (verify, results, report) also work on the read-only copy.",
        path=str(path),
    )


def is_writable(path: Path | str) -> bool:
    """Whether this process may change the database: the file and its folder (for the -wal and -shm files).

    ``os.access`` answers for the real media too: a read-only mount or disc says no even to root.
    """
    path = Path(path).absolute()
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


@dataclass(frozen=True)
class ReadOnlyAccess:
    """How a database was opened for reading only, so that a command can say so when it matters."""

    path: Path
    file_read_only: bool  # this process may not write the file (a copy from a disc, a protected file)
    folder_read_only: bool  # nor create the -wal and -shm files beside it (a disc, an archive, a locked folder)
    immutable: bool  # opened without locks or shared memory: SQLite's way to read a file nobody can change

    def note(self, lang: str | None = None) -> str | None:
        """What to tell the person, or None when the file could have been written (nothing worth saying)."""
        if not (self.file_read_only or self.folder_read_only or self.immutable):
            return None
        where_pl = "plik" if self.file_read_only and not self.folder_read_only else "folder (albo nośnik)"
        where_en = "file" if self.file_read_only and not self.folder_read_only else "folder (or medium)"
        return pick(
            f"Uwaga: {where_pl} bazy „{self.path}” jest tylko do odczytu; baza została otwarta tylko do odczytu i "
            "niczego w niej nie zmieniono.",
            f"Note: the {where_en} of the database “{self.path}” is read-only; the database was opened read-only "
            "and nothing in it was changed.",
            lang,
        )


def open_for_reading(path: Path | str) -> tuple[sqlite3.Connection, ReadOnlyAccess]:
    """Open ``path`` so that nothing can be written to it: no migration, no checkpoint, no WAL frame.

    ``mode=ro`` keeps SQLite's locking, so a window writing the same file meanwhile is read
    consistently (SQLite may create an empty -wal and the -shm beside a WAL database for that). When
    those cannot be created (a read-only folder or medium), the file is opened ``immutable=1``: no
    locks and no shared memory, which is right for a file nobody can change — but such a reader would
    ignore the -wal file, so a database whose -wal still holds changes is refused with what to do.
    """
    path = Path(path)
    if not path.is_file():
        raise StoreError(
            "cannot_open_database",
            pl=f"Nie ma pliku bazy danych „{path}”. Podaj istniejący plik.",
            en=f"There is no database file “{path}”. Give an existing file.",
            path=str(path),
        )
    if not os.access(path, os.R_OK):
        raise StoreError(
            "cannot_open_database",
            pl=f"Nie można odczytać pliku „{path}”: brak uprawnień do odczytu.",
            en=f"Cannot read the file “{path}”: no permission to read it.",
            path=str(path),
        )
    file_read_only = not os.access(path, os.W_OK)
    folder_read_only = not os.access(path.absolute().parent, os.W_OK)
    try:
        conn = _open_read_only(path, immutable=False)
        return conn, ReadOnlyAccess(path, file_read_only, folder_read_only, immutable=False)
    except sqlite3.DatabaseError as exc:
        # immutable only where this process cannot write: an immutable connection takes no locks, and closing
        # it would drop those of any other connection of this process to the file (none can exist there)
        if _primary_code(exc) not in (SQLITE_READONLY, SQLITE_CANTOPEN) or not (file_read_only or folder_read_only):
            raise _open_error(path, exc) from exc
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise StoreError(
            "unreadable_wal",
            pl=f"Baza „{path}” ma obok siebie plik „{wal.name}” z jeszcze niezapisanymi w niej zmianami, a w tym folderze "
               "nie można utworzyć pliku „-shm”, bez którego SQLite ich nie odczyta. Skopiuj bazę razem z plikiem "
               f"„{wal.name}” do folderu z prawem zapisu i podaj tę kopię.",
            en=f"The database “{path}” has a “{wal.name}” file beside it holding changes not yet written into it, and "
               "this folder does not allow creating the “-shm” file SQLite needs to read them. Copy the database "
               f"together with “{wal.name}” into a folder you can write to, and give that copy.",
            path=str(path),
        )
    try:
        conn = _open_read_only(path, immutable=True)
    except sqlite3.DatabaseError as exc:
        raise _open_error(path, exc) from exc
    return conn, ReadOnlyAccess(path, file_read_only, folder_read_only, immutable=True)


def _open_read_only(path: Path, *, immutable: bool) -> sqlite3.Connection:
    parameters = {"mode": "ro", "immutable": "1"} if immutable else {"mode": "ro"}
    conn = sqlite3.connect(database_uri(path, **parameters), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        read_header(conn, path)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # a WAL database's index is needed from here
        conn.execute("PRAGMA foreign_keys=ON")
        return conn
    except BaseException:
        conn.close()
        raise


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


def _refuse_foreign(db: Queryable, migration_set: str, expected_tables: set[str]) -> set[str]:
    """The names of the applied migrations; a database that belongs to something else raises."""
    existing = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    foreign = existing - expected_tables - {"_sqlite_migrations"}
    applied = applied_migrations(db, migration_set)
    if existing and (foreign or not applied):
        raise StoreError(
            "foreign_database",
            pl="Ten plik bazy danych nie pochodzi z tego programu (albo z innej jego części). Wybierz właściwy plik.",
            en="This database file does not belong to this program (or to another part of it). Choose the right file.",
        )
    return applied


def open_store(path: Path | str, migrations: Migrations, *, expected_tables: set[str]) -> Database:
    """Open a store at the current schema; a database that belongs to something else is left untouched."""
    db = connect(path, wal=False)
    try:
        _refuse_foreign(db, migrations.name, expected_tables)
        enable_wal(db)
        migrations.apply(db)
        return db
    except sqlite3.DatabaseError as exc:
        db.close()
        if _primary_code(exc) == SQLITE_READONLY:
            raise read_only_error(path) from exc
        raise StoreError(
            "migration_failed",
            pl=f"Nie udało się przygotować bazy danych: {exc}. Plik może być uszkodzony; użyj kopii zapasowej.",
            en=f"Could not prepare the database: {exc}. The file may be damaged; use a backup.",
        ) from exc
    except BaseException:
        db.close()
        raise


def open_store_for_reading(path: Path | str, migrations: Migrations, *,
                           expected_tables: set[str]) -> tuple[Database, ReadOnlyAccess]:
    """Open a store to read it only (:func:`open_for_reading`): never upgraded, so it must be current already."""
    conn, access = open_for_reading(path)
    try:
        _refuse_foreign(conn, migrations.name, expected_tables)
        db = as_database(conn)
        pending = [m.name for m in migrations.pending(db)]  # pending() only reads
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise _open_error(Path(path), exc) from exc
    except BaseException:
        conn.close()
        raise
    if pending:
        conn.close()
        raise StoreError(
            "database_needs_upgrade",
            pl=f"Baza „{path}” pochodzi ze starszej wersji programu i wymaga uaktualnienia, a to polecenie tylko czyta i "
               "niczego w niej nie zmienia. Otwórz ją raz w oknie organizatora (albo scal do niej paczki poleceniem "
               "merge), co ją uaktualni, i spróbuj ponownie; kopię tylko do odczytu najpierw skopiuj w miejsce z prawem zapisu.",
            en=f"The database “{path}” comes from an older version of the program and needs an upgrade, and this command "
               "only reads and changes nothing in it. Open it once in the organizer's window (or merge packages into it "
               "with merge), which upgrades it, and try again; copy a read-only copy to a place you can write to first.",
            pending=pending,
        )
    return db, access


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
