"""The organizer's assignment workflow on real edition databases: incremental rounds, a juror who
leaves, hand edits, the check, staleness, the results lock, and what bundles record."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from juror_app.domain.assignment import Hold, Release
from juror_app.domain.errors import ValidationError
from juror_app.domain.model import Dossier, Institution
from juror_app.store import assignment_tables
from juror_app.store.blobs import BlobStore
from juror_app.store.organizer_schema import lock_results, open_organizer_db
from juror_app.workflows.demo.generate import DemoSettings, demo_key
from juror_app.workflows.organizer import assignment as workflow
from juror_app.workflows.organizer import documents as organizer_documents
from juror_app.workflows.organizer import setup as organizer_setup

SETTINGS = DemoSettings(institutions=10, jurors=5, per_dossier=3, seed=7)


def _rows(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _dump(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


def _copy(template: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "edition"
    shutil.copytree(template, folder)
    return folder


@pytest.fixture()
def issued(demo_editions, tmp_path: Path) -> Path:
    """A demo whose bundles went out; no package merged yet."""
    return _copy(demo_editions(SETTINGS), tmp_path)


@pytest.fixture()
def merged(demo_editions, tmp_path: Path) -> Path:
    """A demo with every juror's package merged."""
    return _copy(demo_editions(SETTINGS, merged=True), tmp_path)


def add_dossiers(db, folder: Path, count: int = 2) -> list[str]:
    category = db.execute("SELECT id FROM categories ORDER BY position LIMIT 1").fetchone()[0]
    institutions = [Institution(f"inew{n}", f"Urząd Gminy Nowa Wieś {n}", f"UG Nowa Wieś {n}", "urząd gminy", category,
                                "Nowa Wieś", "mazowieckie") for n in range(1, count + 1)]
    dossiers = [Dossier(f"d9{n:03d}", i.id, category, f"Dokumentacja: {i.name}") for n, i in enumerate(institutions, 1)]
    organizer_documents.add_dossiers(db, BlobStore.beside(folder / "organizer.sqlite"), institutions, dossiers, files={})
    return [d.id for d in dossiers]


SCORES = "SELECT * FROM scores ORDER BY juror_id, dossier_id, criterion_id"
ASSIGNMENTS = "SELECT juror_id, dossier_id, assigned_at, source FROM assignments ORDER BY juror_id, dossier_id"


def test_a_second_round_keeps_every_assignment_and_score_and_fills_only_the_new_dossiers(merged: Path) -> None:
    path = merged / "organizer.sqlite"
    scores_before, assignments_before = _rows(path, SCORES), _rows(path, ASSIGNMENTS)
    assert scores_before
    db = open_organizer_db(path)
    try:
        new = add_dossiers(db, merged)
        preview = workflow.plan_assignment(db, per_dossier=3)
        assert preview.complete and preview.released == ()
        assert len(preview.kept) == len(assignments_before)
        recused = sorted(r[0] for r in db.execute("SELECT dossier_id FROM conflicts"))  # a juror recused: replaced
        assert recused
        assert sorted(a.dossier_id for a in preview.added) == sorted(recused + new * 3)
        assert preview.max_load - preview.min_load <= 1
        workflow.apply_assignment(db, preview)
        key = demo_key(SETTINGS.seed, "organizer")
        for juror_id in preview.touched_jurors:  # re-issue the bundles that changed
            organizer_setup.export_bundle(db, BlobStore.beside(path), juror_id, key, merged / "bundles" / f"{juror_id}-r2.pu-bundle")
        again = workflow.plan_assignment(db)
        assert again.added == () and again.released == () and again.complete
        for juror_id in preview.touched_jurors:
            assert set(assignment_tables.bundle_contents(db, juror_id)) >= set(new) & {
                a.dossier_id for a in preview.added if a.juror_id == juror_id}
    finally:
        db.close()
    assert _rows(path, SCORES) == scores_before
    after = _rows(path, ASSIGNMENTS)
    assert set(assignments_before) <= set(after) and len(after) == len(assignments_before) + 6 + len(recused)


def test_a_juror_who_left_has_unsent_work_refilled_and_scored_work_named(issued: Path) -> None:
    path = issued / "organizer.sqlite"
    db = open_organizer_db(path)
    try:
        holds = assignment_tables.holds(db)
        assert set(holds.values()) == {Hold.ISSUED}  # export_bundle recorded every bundle's contents
        from juror_app.workflows.organizer.merge import apply_merge, plan_merge

        apply_merge(db, plan_merge(db, [issued / "packages" / "j002-r1.pu-scores"]), db_path=path)
        scored = sorted(d for (j, d), h in assignment_tables.holds(db).items() if j == "j002" and h is Hold.SCORED)
        assert scored
        workflow.mark_juror_left(db, "j001", "Zrezygnowała z udziału w pracach Kapituły.")
        workflow.mark_juror_left(db, "j002", "Wyjazd za granicę na pół roku.")
        preview = workflow.plan_assignment(db, per_dossier=3)
        released = {(r.juror_id, r.dossier_id): r.reason for r in preview.released}
        j001 = [d for (j, d) in holds if j == "j001"]
        assert {(j, d) for (j, d) in released} == {("j001", d) for d in j001} | {
            ("j002", d) for (j, d) in holds if j == "j002" and d not in scored and (j, d) in released}
        assert set(released.values()) == {Release.JUROR_LEFT}
        assert all(("j002", d) not in released for d in scored)
        assert sorted(p.dossier_id for p in preview.decisions if p.juror_id == "j002") == scored
        assert "j001" not in preview.load and "j002" not in preview.load
        workflow.apply_assignment(db, preview, allow_partial=not preview.complete)
        for dossier_id in {d for (_, d) in holds}:
            counted = [j for (j, d), h in assignment_tables.holds(db).items() if d == dossier_id and h is not Hold.RECUSED]
            assert len(counted) == 3 or any(p.dossier_id == dossier_id for p in preview.violations)
        assert _rows(path, "SELECT count(*) FROM scores WHERE juror_id = 'j002'")[0][0] > 0
    finally:
        db.close()


def test_a_stale_preview_is_refused_and_changes_nothing(issued: Path) -> None:
    path = issued / "organizer.sqlite"
    db = open_organizer_db(path)
    try:
        new = add_dossiers(db, issued, count=1)
        preview = workflow.plan_assignment(db, per_dossier=3)
        workflow.set_assignment(db, "j003", new[0], True)
        before = _dump(path)
        with pytest.raises(ValidationError) as info:
            workflow.apply_assignment(db, preview)
        assert info.value.code == "assignment_changed"
        assert _dump(path) == before
        fresh = workflow.plan_assignment(db, per_dossier=3)
        assert ("j003", new[0]) in {(a.juror_id, a.dossier_id) for a in fresh.kept}  # a hand edit is kept
        assert len(fresh.added) == 2
    finally:
        db.close()


def test_an_incomplete_plan_is_not_written_unless_asked(issued: Path) -> None:
    path = issued / "organizer.sqlite"
    db = open_organizer_db(path)
    try:
        [dossier] = add_dossiers(db, issued, count=1)
        with db.atomic():
            for juror_id in ("j001", "j002", "j003"):
                db["known_conflicts"].insert({"juror_id": juror_id, "institution_id": "inew1", "reason": "Pracował w tym urzędzie."})
        preview = workflow.plan_assignment(db, per_dossier=3)
        [problem] = [p for p in preview.violations if p.dossier_id == dossier]
        assert problem.code == "too_few_jurors" and "2 z 3" in problem.message("pl")
        before = _dump(path)
        with pytest.raises(ValidationError) as info:
            workflow.apply_assignment(db, preview)
        assert info.value.code == "assignment_incomplete" and _dump(path) == before
        workflow.apply_assignment(db, preview, allow_partial=True)
        assert sorted(r[0] for r in db.execute("SELECT juror_id FROM assignments WHERE dossier_id = ?", [dossier])) == ["j004", "j005"]
        assert [p.dossier_id for p in workflow.check_assignments(db) if p.code == "too_few_jurors"] == [dossier]
    finally:
        db.close()


def test_removing_scored_work_needs_confirmation_and_a_reason(merged: Path) -> None:
    path = merged / "organizer.sqlite"
    db = open_organizer_db(path)
    try:
        juror_id, dossier_id = db.execute("SELECT juror_id, dossier_id FROM scores ORDER BY 1, 2 LIMIT 1").fetchone()
        before = _dump(path)
        with pytest.raises(ValidationError) as info:
            workflow.set_assignment(db, juror_id, dossier_id, False)
        assert info.value.code == "assignment_scored" and "potwierdź" in info.value.message("pl")
        with pytest.raises(ValidationError) as info:
            workflow.set_assignment(db, juror_id, dossier_id, False, confirm_scored=True, reason="")
        assert info.value.code == "reason_required"
        assert _dump(path) == before
        edit = workflow.set_assignment(db, juror_id, dossier_id, False, confirm_scored=True,
                                       reason="Członek Kapituły okazał się związany z tą jednostką.", by="Biuro")
        assert edit.changed and edit.held_before is Hold.SCORED and edit.removed["scores"] > 0 and edit.reissue == juror_id
        assert db.execute("SELECT count(*) FROM scores WHERE juror_id = ? AND dossier_id = ?", [juror_id, dossier_id]).fetchone()[0] == 0
        event = db.execute("SELECT action, reason, person FROM assignment_events WHERE juror_id = ? AND dossier_id = ?",
                           [juror_id, dossier_id]).fetchone()
        assert event == ("release", "Członek Kapituły okazał się związany z tą jednostką.", "Biuro")
        refill = workflow.plan_assignment(db, per_dossier=3)
        [replacement] = [a for a in refill.added if a.dossier_id == dossier_id]
        assert replacement.juror_id != juror_id
    finally:
        db.close()


def test_hand_edits_refuse_conflicts_and_the_check_names_every_broken_rule(issued: Path) -> None:
    path = issued / "organizer.sqlite"
    db = open_organizer_db(path)
    try:
        juror_id, institution_id = db.execute("SELECT juror_id, institution_id FROM known_conflicts LIMIT 1").fetchone()
        conflicted = db.execute("SELECT id FROM dossiers WHERE institution_id = ?", [institution_id]).fetchone()[0]
        with pytest.raises(ValidationError) as info:
            workflow.set_assignment(db, juror_id, conflicted, True)
        assert info.value.code == "known_conflict"
        assert workflow.check_assignments(db) == ()
        other = db.execute("SELECT id FROM jurors WHERE id NOT IN (SELECT juror_id FROM assignments WHERE dossier_id = 'd0001')"
                           " ORDER BY id LIMIT 1").fetchone()[0]
        assert workflow.set_assignment(db, other, "d0001", True).changed
        first = db.execute("SELECT juror_id FROM assignments WHERE dossier_id = 'd0002' ORDER BY juror_id LIMIT 1").fetchone()[0]
        edit = workflow.set_assignment(db, first, "d0002", False)
        assert edit.held_before is Hold.ISSUED and edit.reissue == first
        with db.atomic():
            institution = db.execute("SELECT institution_id FROM dossiers WHERE id = 'd0003'").fetchone()[0]
            holder = db.execute("SELECT juror_id FROM assignments WHERE dossier_id = 'd0003' ORDER BY juror_id LIMIT 1").fetchone()[0]
            db["known_conflicts"].insert({"juror_id": holder, "institution_id": institution, "reason": "Zgłoszone po wysyłce."})
        workflow.set_juror_categories(db, "j005", [])
        workflow.set_assignment_rules(db, per_dossier=3, only_covering=True, seed=SETTINGS.seed)
        codes = {(p.code, p.dossier_id, p.juror_id) for p in workflow.check_assignments(db)}
        assert ("too_many_jurors", "d0001", "") in codes
        assert ("too_few_jurors", "d0002", "") in codes
        assert ("known_conflict", "d0003", holder) in codes
        assert any(c[0] == "outside_category" and c[2] == "j005" for c in codes)
        matrix = workflow.assignment_matrix(db)
        assert matrix.per_dossier == 3 and matrix.only_covering
        assert matrix.cells[(other, "d0001")] is Hold.MANUAL and (juror_id, conflicted) in matrix.conflicts
        assert "too_many_jurors" in {p.code for p in matrix.problems_of(dossier_id="d0001")}
        assert {p.juror_id for p in matrix.problems_of(juror_id="j005")} == {"j005"}
        assert sum(j.load for j in matrix.jurors) == db.execute("SELECT count(*) FROM assignments").fetchone()[0]
    finally:
        db.close()


def test_loads_apart_by_more_than_one_are_named(issued: Path) -> None:
    db = open_organizer_db(issued / "organizer.sqlite")
    try:
        dossiers = [r[0] for r in db.execute("SELECT id FROM dossiers WHERE id NOT IN "
                                              "(SELECT dossier_id FROM assignments WHERE juror_id = 'j001') ORDER BY id")]
        added = 0
        for dossier_id in dossiers:
            try:
                added += workflow.set_assignment(db, "j001", dossier_id, True).changed
            except ValidationError as refused:
                assert refused.code == "known_conflict"
            if added == 2:
                break
        problems = [p for p in workflow.check_assignments(db, per_dossier=3) if p.code == "loads_unbalanced"]
        assert len(problems) == 1 and "ponowne planowanie" not in problems[0].message("pl")
        assert "od 6 do 8" in problems[0].message("pl") and "j001" in problems[0].message("pl")
    finally:
        db.close()


def test_nothing_changes_while_the_results_are_locked(merged: Path) -> None:
    path = merged / "organizer.sqlite"
    db = open_organizer_db(path)
    try:
        add_dossiers(db, merged, count=1)
        preview = workflow.plan_assignment(db, per_dossier=3)
        lock_results(db, "Anna Nowak")
        before = _dump(path)
        with pytest.raises(ValidationError) as info:
            workflow.apply_assignment(db, preview)
        assert info.value.code == "results_locked"
        with pytest.raises(ValidationError):
            workflow.set_assignment(db, "j001", "d9001", True)
        assert _dump(path) == before
    finally:
        db.close()


def test_bundles_issued_before_the_migration_count_their_jurors_assignments_as_issued(tmp_path: Path) -> None:
    """m006 backfills bundle_dossiers from today's assignments: an assignment may be taken for issued, never the reverse."""
    from sqlite_utils.migrations import Migrations

    from juror_app.store import organizer_schema
    from juror_app.store.connection import connect

    path = tmp_path / "old.sqlite"
    earlier = Migrations("organizer")
    earlier._migrations = [m for m in organizer_schema.migrations._migrations if m.name != "m006_assignment_plan"]
    db = connect(path)
    earlier.apply(db)
    with db.atomic():
        db.execute("INSERT INTO categories (id, name) VALUES ('um', 'urzędy miast')")
        db.execute("INSERT INTO institutions (id, name, category_id) VALUES ('i1', 'Urząd Miasta', 'um'), ('i2', 'Urząd Miasta 2', 'um')")
        db.execute("INSERT INTO dossiers (id, institution_id, category_id, title) VALUES ('d1', 'i1', 'um', 't'), ('d2', 'i2', 'um', 't')")
        db.execute("INSERT INTO jurors (id, name, enrolled_at) VALUES ('j1', 'A', 'x'), ('j2', 'B', 'x')")
        db.execute("INSERT INTO assignments (juror_id, dossier_id, assigned_at) VALUES ('j1', 'd1', 'x'), ('j1', 'd2', 'x'), ('j2', 'd2', 'x')")
        db.execute("INSERT INTO bundles (manifest_sha256, juror_id, revision, created_at) VALUES ('a', 'j1', 1, 'x'), ('b', 'j1', 2, 'x')")
    db.close()
    db = open_organizer_db(path)
    try:
        assert db.execute("SELECT bundle_manifest_sha256, juror_id, revision, dossier_id FROM bundle_dossiers ORDER BY 4").fetchall() == [
            ("b", "j1", 2, "d1"), ("b", "j1", 2, "d2")]
        assert assignment_tables.holds(db) == {("j1", "d1"): Hold.ISSUED, ("j1", "d2"): Hold.ISSUED, ("j2", "d2"): Hold.PLANNED}
    finally:
        db.close()
