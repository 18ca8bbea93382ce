"""Creating an edition with its organizer key, editing it after bundles went out, and what refusals leave."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
from dataclasses import replace
from pathlib import Path

import pytest

from juror_app.domain.errors import UserError, ValidationError
from juror_app.domain.model import RubricLevel
from juror_app.exchange.enrollment import read_enrollment, write_enrollment
from juror_app.exchange.keys import KdfParams, WrongPassphraseError, decrypt_private_key, generate_private_key
from juror_app.store.blobs import BlobStore
from juror_app.store.edition_tables import read_edition
from juror_app.store.organizer_schema import lock_results, open_organizer_db
from juror_app.workflows.demo.generate import DemoSettings, demo_key
from juror_app.workflows.organizer import edition as edition_flow
from juror_app.workflows.organizer import setup
from juror_app.workflows.organizer.edition import EditionStart, ExistingKey, NewKey
from juror_app.workflows.organizer.templates import EditionHead

SMALL = DemoSettings(institutions=6, jurors=3, per_dossier=2, seed=5)
LIGHT = KdfParams(time_cost=1, memory_cost_kib=8 * 1024, lanes=1)
PASS = "kaczka-rower-sufit-ogórek"
HEAD = EditionHead("XII edycja Konkursu „Przyjazny Urząd” 2027", 2027)


def dump(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


def _new(folder: Path, start: EditionStart = EditionStart(), **key) -> edition_flow.NewEdition:
    return edition_flow.new_edition(folder / "E.sqlite", HEAD, start,
                                    NewKey(folder / "org.key", key.get("passphrase", PASS), key.get("again", PASS), LIGHT))


# --- a new edition ----------------------------------------------------------------------------------


def test_new_edition_from_the_template_with_a_new_key(tmp_path: Path) -> None:
    made = _new(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["E.sqlite", "org.key"]  # no temporary file left
    assert stat.S_IMODE(os.stat(tmp_path / "org.key").st_mode) == 0o600
    key = decrypt_private_key((tmp_path / "org.key").read_bytes(), PASS)
    db = open_organizer_db(tmp_path / "E.sqlite")
    assert setup.organizer_public_key(db).public_bytes_raw() == key.public_key().public_bytes_raw()
    assert db.execute("SELECT key_file FROM organizer_key").fetchone()[0] == "org.key"
    assert edition_flow.organizer_key_file(db, tmp_path / "E.sqlite") == (tmp_path / "org.key").resolve()
    assert read_edition(db) == made.edition and made.missing == ()
    assert len(made.edition.criteria) == 12 and made.edition.name == HEAD.name


@pytest.mark.parametrize("key,code", [
    ({"again": "kaczka-rower-sufit-ogorek"}, "passphrases_differ"),
    ({"passphrase": "haslo12345", "again": "haslo12345"}, "weak_passphrase"),
])
def test_passphrase_refusals_leave_no_file(tmp_path: Path, key: dict, code: str) -> None:
    with pytest.raises(ValidationError) as info:
        _new(tmp_path, **key)
    assert info.value.code == code
    assert list(tmp_path.iterdir()) == []


def test_never_overwrites_a_database_or_a_key(tmp_path: Path) -> None:
    (tmp_path / "org.key").write_bytes(b"an older key")
    with pytest.raises(ValidationError) as info:
        _new(tmp_path)
    assert info.value.code == "key_file_exists" and (tmp_path / "org.key").read_bytes() == b"an older key"
    assert not (tmp_path / "E.sqlite").exists()
    (tmp_path / "org.key").unlink()
    (tmp_path / "E.sqlite").write_bytes(b"")
    with pytest.raises(ValidationError) as info:
        _new(tmp_path)
    assert info.value.code == "database_exists" and not (tmp_path / "org.key").exists()


def test_a_failure_while_writing_the_database_removes_the_new_key(tmp_path: Path, monkeypatch) -> None:
    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(edition_flow, "create_edition", broken)
    with pytest.raises(OSError):
        _new(tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_an_existing_key_with_its_passphrase(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    first = _new(tmp_path / "a")
    folder = tmp_path / "b"
    folder.mkdir()
    with pytest.raises(WrongPassphraseError):
        edition_flow.new_edition(folder / "E.sqlite", HEAD, EditionStart(), ExistingKey(tmp_path / "a" / "org.key", "zle haslo"))
    assert list(folder.iterdir()) == []
    made = edition_flow.new_edition(folder / "E.sqlite", HEAD, EditionStart(), ExistingKey(tmp_path / "a" / "org.key", PASS))
    assert made.key.fingerprint == first.key.fingerprint and not made.key.created
    assert (tmp_path / "a" / "org.key").exists()


def test_bad_head_fields_are_refused_before_any_file(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as info:
        edition_flow.new_edition(tmp_path / "E.sqlite", EditionHead(" ", 1999), EditionStart(),
                                 NewKey(tmp_path / "org.key", PASS, PASS, LIGHT))
    assert {p.field for p in info.value.details["problems"]} == {"edition.name", "edition.year"}
    assert list(tmp_path.iterdir()) == []


def _enroll(db, folder: Path):
    path = folder / "j.pu-enrollment"
    write_enrollment(path, private_key=generate_private_key(), name="Anna Nowak", affiliation="UAM")
    return setup.enroll(db, read_enrollment(path))


def test_an_empty_edition_cannot_issue_bundles_and_says_what_is_missing(tmp_path: Path) -> None:
    made = _new(tmp_path, EditionStart("empty", ""))
    assert {p.code for p in made.missing} == {"no_categories", "no_criteria"}
    db = open_organizer_db(tmp_path / "E.sqlite")
    juror = _enroll(db, tmp_path)
    with pytest.raises(UserError) as info:
        edition_flow.ensure_ready_to_issue(db)
    assert "kategori" in info.value.pl and "kryteri" in info.value.pl
    key = decrypt_private_key((tmp_path / "org.key").read_bytes(), PASS)
    with pytest.raises(ValidationError) as info:
        setup.export_bundle(db, BlobStore.beside(tmp_path / "E.sqlite"), juror.id, key, tmp_path / "j.pu-bundle")
    assert info.value.code == "edition_invalid" and "Dodaj co najmniej jedną kategorię" in info.value.pl
    assert not (tmp_path / "j.pu-bundle").exists()
    assert db.execute("SELECT count(*) FROM bundles").fetchone()[0] == 0


# --- editing after bundles went out ------------------------------------------------------------------


@pytest.fixture
def issued(demo_editions, tmp_path: Path):
    """A copy of a merged demo edition: bundles issued to 3 jurors, their packages merged."""
    folder = tmp_path / "demo"
    shutil.copytree(demo_editions(SMALL, merged=True), folder)
    db = open_organizer_db(folder / "organizer.sqlite")
    yield folder, db
    db.close()


def _narrowed(edition):
    k01 = edition.criteria[0]
    levels = (RubricLevel(0, 2, "Słabo"), RubricLevel(3, 5, "Dobrze"))
    return replace(edition, criteria=(replace(k01, max_points=5, levels=levels),) + edition.criteria[1:])


def test_a_scale_change_after_bundles_needs_confirmation_and_changes_nothing_until_then(issued) -> None:
    folder, db = issued
    stored = read_edition(db)
    before = dump(folder / "organizer.sqlite")
    with pytest.raises(edition_flow.ConfirmationNeeded) as info:
        edition_flow.update_edition(db, _narrowed(stored))
    error = info.value
    assert error.details["criteria"] == ("I.1",) and error.details["jurors"] == 3 and error.details["scores"] > 0
    assert "I.1" in error.pl and "3 członków Kapituły" in error.pl and "Potwierdź" in error.pl
    assert dump(folder / "organizer.sqlite") == before

    update = edition_flow.update_edition(db, _narrowed(stored), confirm_invalidating=True, by="Sekretarz")
    assert update.changed and update.invalidating and update.outdated_jurors == ("j001", "j002", "j003")
    assert read_edition(db).criteria[0].max_points == 5
    row = db.execute("SELECT invalidating, confirmed, changed_by, summary_pl FROM edition_changes").fetchone()
    assert row[:3] == (1, 1, "Sekretarz") and "maksimum punktów „10” → „5”" in row[3]
    outdated = edition_flow.outdated_bundles(db)
    assert [o.juror_id for o in outdated] == ["j001", "j002", "j003"] and all(o.invalidating for o in outdated)

    # the next bundle revision brings j001 up to date; the others stay out of date
    key = demo_key(SMALL.seed, "organizer")
    setup.export_bundle(db, BlobStore.beside(folder / "organizer.sqlite"), "j001", key, folder / "j001-r2.pu-bundle")
    assert [o.juror_id for o in edition_flow.outdated_bundles(db)] == ["j002", "j003"]


def test_other_changes_after_bundles_are_stored_and_recorded_without_confirmation(issued) -> None:
    folder, db = issued
    stored = read_edition(db)
    k02 = stored.criteria[1]
    changed = replace(stored, name="Nowa nazwa",
                      criteria=(stored.criteria[0], replace(k02, weight=1.5)) + stored.criteria[2:])
    update = edition_flow.update_edition(db, changed)
    assert update.changed and not update.invalidating
    assert {(i.part, i.field) for i in update.items} == {("edition", "name"), ("criterion", "weight")}
    assert edition_flow.update_edition(db, changed).change_id is None  # the same again: nothing to record
    assert db.execute("SELECT count(*) FROM edition_changes").fetchone()[0] == 1
    assert edition_flow.edition_summary(db).changes == 1


@pytest.mark.parametrize("change,code", [
    (lambda e: replace(e, categories=e.categories[-1:]), "category_in_use"),
    (lambda e: replace(e, criteria=tuple(replace(c, weight=0.0) for c in e.criteria)), "edition_invalid"),
    (lambda e: replace(e, id="pu-inna"), "edition_id_changed"),
    (lambda e: replace(e, criteria=(replace(e.criteria[0], step=3),) + e.criteria[1:]), "edition_invalid"),
])
def test_refused_edits_leave_the_database_as_it_was(issued, change, code) -> None:
    folder, db = issued
    before = dump(folder / "organizer.sqlite")
    with pytest.raises(ValidationError) as info:
        edition_flow.update_edition(db, change(read_edition(db)), confirm_invalidating=True)
    assert info.value.code == code
    assert dump(folder / "organizer.sqlite") == before


def test_no_edits_while_the_results_are_frozen(issued) -> None:
    folder, db = issued
    lock_results(db, "Przewodniczący")
    with pytest.raises(ValidationError) as info:
        edition_flow.update_edition(db, replace(read_edition(db), name="Inna"))
    assert info.value.code == "results_locked"


def test_removing_an_unused_category_and_distinction(tmp_path: Path) -> None:
    _new(tmp_path)
    db = open_organizer_db(tmp_path / "E.sqlite")
    stored = read_edition(db)
    update = edition_flow.update_edition(db, replace(stored, categories=stored.categories[:-1],
                                                     distinctions=stored.distinctions[:1]))
    assert update.changed and not update.invalidating  # nothing issued yet
    again = read_edition(db)
    assert again.categories == stored.categories[:-1] and again.distinctions == stored.distinctions[:1]


def test_summary_of_a_new_edition(tmp_path: Path) -> None:
    made = _new(tmp_path)
    summary = edition_flow.edition_summary(open_organizer_db(tmp_path / "E.sqlite"))
    assert summary.ready_to_issue and summary.organizer_fingerprint == made.key.fingerprint
    assert summary.counts["institutions"] == 0 and set(summary.institutions_per_category) == {
        c.id for c in made.edition.categories}


def test_a_scale_change_before_any_bundle_needs_no_confirmation(tmp_path: Path) -> None:
    _new(tmp_path)
    db = open_organizer_db(tmp_path / "E.sqlite")
    update = edition_flow.update_edition(db, _narrowed(read_edition(db)))
    assert update.invalidating and update.outdated_jurors == ()
    assert db.execute("SELECT invalidating, confirmed FROM edition_changes").fetchone() == (1, 0)


def test_removing_a_criterion_after_bundles_keeps_its_scores(issued) -> None:
    folder, db = issued
    stored = read_edition(db)
    scores = db.execute("SELECT count(*) FROM scores WHERE criterion_id = 'k12'").fetchone()[0]
    with pytest.raises(edition_flow.ConfirmationNeeded) as info:
        edition_flow.update_edition(db, replace(stored, criteria=stored.criteria[:-1]))
    assert info.value.details["criteria"] == ("II.3",) and info.value.details["scores"] == scores > 0
    edition_flow.update_edition(db, replace(stored, criteria=stored.criteria[:-1]), confirm_invalidating=True)
    assert [c.id for c in read_edition(db).criteria][-1] == "k11"
    assert db.execute("SELECT count(*) FROM scores WHERE criterion_id = 'k12'").fetchone()[0] == scores  # nothing lost


def test_atomic_create_never_replaces_a_file(tmp_path: Path) -> None:
    from juror_app.fsutil import atomic_create

    atomic_create(tmp_path / "k.key", b"first", mode=0o600)
    with pytest.raises(FileExistsError):
        atomic_create(tmp_path / "k.key", b"second")
    assert (tmp_path / "k.key").read_bytes() == b"first"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["k.key"]  # no temporary file left behind


def test_preview_update_says_what_saving_would_do(issued) -> None:
    folder, db = issued
    before = dump(folder / "organizer.sqlite")
    stored = edition_flow.current_edition(db)
    narrowed = edition_flow.preview_update(db, _narrowed(stored))
    assert narrowed.can_save and narrowed.confirmation is not None
    assert narrowed.confirmation.details["criteria"] == ("I.1",) and narrowed.refusal is None
    broken = edition_flow.preview_update(db, replace(stored, criteria=(replace(stored.criteria[0], step=3),) + stored.criteria[1:]))
    assert not broken.can_save and [p.field for p in broken.problems] == ["criteria[0].step"]
    in_use = edition_flow.preview_update(db, replace(stored, categories=stored.categories[-1:]))
    assert not in_use.can_save and in_use.refusal.code == "category_in_use"
    assert not edition_flow.preview_update(db, stored).can_save  # nothing changed
    assert dump(folder / "organizer.sqlite") == before


def test_typed_numbers_for_the_editor() -> None:
    from juror_app.domain.edition_rules import typed_number

    assert typed_number("2,5", "criteria[0].step", what_pl="Krok", what_en="Step") == (2.5, [])
    value, [problem] = typed_number("dwa", "criteria[0].step", what_pl="Krok", what_en="Step")
    assert value is None and problem.field == "criteria[0].step" and "wpisz liczbę" in problem.pl
