"""Store basics: pragmas on every connection, edition round trip, content-addressed documents."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from juror_app.domain.errors import StoreError
from juror_app.store.blobs import BlobStore
from juror_app.store.connection import connect, integrity_check, quick_check
from juror_app.store.edition_tables import read_edition, write_edition
from juror_app.store.juror_schema import open_juror_db
from juror_app.store.organizer_schema import open_organizer_db
from juror_app.workflows.demo.data import demo_edition


@pytest.mark.parametrize("opener", [open_juror_db, open_organizer_db])
def test_every_connection_has_wal_foreign_keys_and_full_sync(tmp_path: Path, opener) -> None:
    db = opener(tmp_path / "x.sqlite")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert quick_check(db) == [] and integrity_check(db) == []
    with pytest.raises(sqlite3.IntegrityError):
        with db.atomic():
            db.execute("INSERT INTO dossiers (id, institution_id, category_id, title) VALUES ('d', 'nope', 'nope', 't')")


@pytest.mark.parametrize("opener", [open_juror_db, open_organizer_db])
def test_edition_round_trip(tmp_path: Path, opener) -> None:
    db = opener(tmp_path / "x.sqlite")
    edition = demo_edition()
    with db.atomic():
        write_edition(db, edition)
    assert read_edition(db) == edition
    with db.atomic():
        write_edition(db, edition)  # idempotent: an updated bundle rewrites the same rows
    assert read_edition(db) == edition


def test_a_database_of_something_else_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
    other.commit()
    other.close()
    before = path.read_bytes()
    with pytest.raises(StoreError) as info:
        open_organizer_db(path)
    assert info.value.code == "foreign_database"
    assert "nie pochodzi z tego programu" in info.value.message("pl")
    assert path.read_bytes() == before


def test_a_file_that_is_not_a_database_gets_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"This is not SQLite at all, just text. " * 100)
    with pytest.raises(StoreError) as info:
        open_juror_db(path)
    assert info.value.code in {"cannot_open_database", "migration_failed", "not_a_database"}


def test_blob_store_names_by_hash_and_notices_changes(tmp_path: Path) -> None:
    blobs = BlobStore(tmp_path / "docs")
    data = "Zażółć gęślą jaźń".encode()
    digest = blobs.put(data)
    assert digest == hashlib.sha256(data).hexdigest()
    assert blobs.read(digest) == data
    with pytest.raises(StoreError):
        blobs.put(b"other", expected_sha256=digest)
    blobs.path(digest).write_bytes(b"tampered")
    with pytest.raises(StoreError) as info:
        blobs.read(digest)
    assert info.value.code == "document_changed_on_disk"
    with pytest.raises(StoreError) as info:
        blobs.read("0" * 64)
    assert info.value.code == "document_missing"


def test_readonly_connection_cannot_write(tmp_path: Path) -> None:
    open_organizer_db(tmp_path / "x.sqlite").close()
    db = connect(tmp_path / "x.sqlite", readonly=True)
    with pytest.raises(sqlite3.OperationalError):
        db.execute("DELETE FROM jurors")


@pytest.mark.parametrize("content", [b"x", b"SQLite", b"%PDF-1.7\n" + b"0" * 5000])
def test_a_short_or_foreign_file_is_never_turned_into_a_database(tmp_path: Path, content: bytes) -> None:
    """SQLite would treat a file shorter than its header as new and overwrite it."""
    from juror_app.store.organizer_schema import open_existing_organizer_db

    path = tmp_path / "organizer.sqlite"
    path.write_bytes(content)
    for opener in (open_organizer_db, open_juror_db, open_existing_organizer_db):
        with pytest.raises(StoreError) as info:
            opener(path)
        assert info.value.code == "not_a_database"
        assert path.read_bytes() == content
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    with pytest.raises(StoreError) as info:
        open_existing_organizer_db(empty)
    assert info.value.code == "not_an_edition_database" and empty.read_bytes() == b""
