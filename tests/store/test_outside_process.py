"""The organizer's window and outside programs take turns on one edition database (issue 11, item 1).

The window keeps one connection open for its small writes and opens more for background tasks (the
results' refresh). Outside programs — ``juror-app results``/``report``, sqlite-utils, Datasette —
open and close the same file meanwhile. Every write the window acknowledged must be seen by the next
outside program, and must still be in the file after the window closed.

What once broke it: opening a second connection read the file's header with Python's ``open()``;
closing that descriptor dropped every POSIX lock the process's SQLite connections held, so the next
outside program to close thought itself the last user, checkpointed and deleted the WAL and SHM
files, and the window went on writing into the deleted ones.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from juror_app.store import organizer_schema as store
from juror_app.store.connection import connect
from juror_app.workflows.demo.generate import DemoSettings
from juror_app.workflows.organizer import ui_support as support

SETTINGS = DemoSettings(institutions=8, jurors=4, per_dossier=2, seed=5)
JUROR_APP = [sys.executable, "-m", "juror_app"]

# An outside program as sqlite-utils or Datasette is one: a plain read-write connection, opened,
# read, closed (the last connection to close checkpoints the WAL and deletes it and the SHM file).
OUTSIDE_READER = """
import json, sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
lock = conn.execute("SELECT locked_at, locked_by FROM edition").fetchone()
events = [list(r) for r in conn.execute("SELECT action, person, reason FROM results_lock_events ORDER BY id")]
threshold = conn.execute("SELECT value FROM settings WHERE key = 'disagreement_threshold'").fetchone()
conn.close()
print(json.dumps({"locked_by": lock[1] if lock[0] else None, "events": events,
                  "threshold": threshold[0] if threshold else None}))
"""


@pytest.fixture()
def edition(demo_editions, tmp_path: Path) -> Path:
    folder = tmp_path / "edition"
    shutil.copytree(demo_editions(SETTINGS, merged=True), folder)
    return folder / "organizer.sqlite"


def _outside_read(db_path: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", OUTSIDE_READER, str(db_path)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _outside_results(db_path: Path) -> None:
    """``juror-app results --db …``, the README's command, run while the window is open."""
    done = subprocess.run([*JUROR_APP, "results", "--db", str(db_path), "--format", "json"],
                          capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr.decode()


def _background_task(db_path: Path) -> None:
    """What the window's refresh does off the GUI thread: a connection of its own, used, closed."""
    db = connect(db_path)
    try:
        db.execute("SELECT count(*) FROM scores").fetchone()
    finally:
        db.close()


def test_every_acknowledged_write_is_seen_outside_and_survives_the_window(edition: Path) -> None:
    window = support.open_edition_database(edition)  # the GUI thread's connection, open all along
    try:
        _background_task(edition)  # the first refresh, as the window opens
        store.lock_results(window, "Anna Nowak")
        _outside_results(edition)  # juror-app results, while the window is open
        assert _outside_read(edition)["locked_by"] == "Anna Nowak"

        _background_task(edition)
        store.unlock_results(window, "Anna Nowak", "Poprawka po posiedzeniu")
        assert _outside_read(edition)["locked_by"] is None, "the unlock the window acknowledged is not in the file"

        _background_task(edition)
        _outside_results(edition)
        store.set_disagreement_threshold(window, 0.4)
        seen = _outside_read(edition)
        assert seen["threshold"] == repr(0.4), "a write after an outside program closed is not in the file"
        assert window.execute("PRAGMA quick_check").fetchone()[0] == "ok"  # the window's own view is sound

        _background_task(edition)
        store.lock_results(window, "Jan Kowalski")
    finally:
        window.close()
    after = _outside_read(edition)
    assert after["locked_by"] == "Jan Kowalski"
    assert [e[0] for e in after["events"]] == ["lock", "unlock", "lock"]
    assert after["threshold"] == repr(0.4)
    assert not Path(f"{edition}-wal").exists() or Path(f"{edition}-wal").stat().st_size == 0
