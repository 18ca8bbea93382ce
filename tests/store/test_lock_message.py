"""The results-lock refusal reads as a person would write it: a local, human date (not "2026-12-02T08:26:00Z")
and, in Polish, a form that does not guess the locking person's grammatical gender ("zablokował je Anna Nowak")."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from juror_app.domain.errors import ValidationError
from juror_app.store.organizer_schema import (
    ResultsLock,
    choose_distinction,
    lock_results,
    locked_error,
)

RAW_STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")
GENDERED = re.compile(r"\bzablokował(a)?\b")


@pytest.fixture
def warsaw(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("TZ", "Europe/Warsaw")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_the_lock_message_has_a_local_human_date_and_a_neutral_form(warsaw) -> None:
    error = locked_error(ResultsLock("2026-12-02T08:26:00Z", "Anna Nowak"), action_pl="Paczki nie scalono",
                         action_en="The package was not merged")
    polish, english = error.message("pl"), error.message("en")
    print(polish, "|", english, sep="\n")
    assert "2 grudnia 2026, 09:26" in polish and "2 December 2026, 09:26" in english
    assert not RAW_STAMP.search(polish) and not RAW_STAMP.search(english)
    assert not GENDERED.search(polish)
    assert "zablokowano je: Anna Nowak, 2 grudnia 2026, 09:26" in polish
    assert "locked by Anna Nowak on 2 December 2026, 09:26" in english
    assert polish.startswith("Paczki nie scalono:") and error.code == "results_locked"


def test_a_refusal_after_a_real_lock_says_the_same(merged_db: Path) -> None:
    from juror_app.store.organizer_schema import open_organizer_db

    db = open_organizer_db(merged_db)
    try:
        lock = lock_results(db, "Ewa Sądecka")
        dossier, distinction = (db.execute("SELECT id FROM dossiers ORDER BY id LIMIT 1").fetchone()[0],
                                db.execute("SELECT id FROM distinctions ORDER BY id LIMIT 1").fetchone()[0])
        with pytest.raises(ValidationError) as refused:
            choose_distinction(db, dossier, distinction, by="Ewa Sądecka")
    finally:
        db.close()
    text = refused.value.message("pl")
    assert "zablokowano je: Ewa Sądecka" in text and not RAW_STAMP.search(text), text
    assert lock.locked_at.endswith("Z"), "the stored moment stays UTC"


@pytest.fixture
def merged_db(demo_editions, tmp_path: Path) -> Path:
    import shutil

    from juror_app.workflows.demo.generate import DemoSettings

    folder = tmp_path / "edition"
    shutil.copytree(demo_editions(DemoSettings(institutions=12, jurors=6, per_dossier=3, seed=3)), folder)
    return folder / "organizer.sqlite"
