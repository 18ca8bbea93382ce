"""Upgrading from every released schema: a database file of each is kept in tests/fixtures/schemas/
(``<store>-<last migration>.sqlite``), opened here with the current code."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from juror_app.store import juror_schema, organizer_schema
from juror_app.store.connection import integrity_check

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "schemas"
STORES = {
    "organizer": (organizer_schema.open_organizer_db, organizer_schema.migrations),
    "juror": (juror_schema.open_juror_db, juror_schema.migrations),
}


def _counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        conn.close()


def _schema(db) -> set[tuple[str, str]]:
    return {
        (name, " ".join((sql or "").split()))
        for name, sql in db.execute("SELECT name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
    }


FILES = sorted(FIXTURES.glob("*.sqlite"))


def test_there_is_a_fixture_for_each_store() -> None:
    assert {f.name.split("-")[0] for f in FILES} >= {"organizer", "juror"}


@pytest.mark.parametrize("fixture", FILES, ids=[f.name for f in FILES])
def test_upgrade_keeps_every_row_and_reaches_the_current_schema(fixture: Path, tmp_path: Path) -> None:
    store = fixture.name.split("-")[0]
    opener, migrations = STORES[store]
    copy = tmp_path / fixture.name
    shutil.copy(fixture, copy)
    before = _counts(copy)
    db = opener(copy)
    assert [m.name for m in migrations.applied(db)] == [m.name for m in migrations._migrations]
    assert integrity_check(db) == []
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    after = _counts(copy)
    for table, rows in before.items():
        if table != "_sqlite_migrations":
            assert after.get(table) == rows, f"{table}: {rows} rows before the upgrade, {after.get(table)} after"
    fresh = opener(tmp_path / "fresh.sqlite")
    assert _schema(db) == _schema(fresh), "an upgraded database must have exactly the schema of a new one"
    print(f"{fixture.name}: upgraded through {len(migrations._migrations)} migration(s), "
          f"{sum(v for k, v in before.items() if k != '_sqlite_migrations')} rows kept")
