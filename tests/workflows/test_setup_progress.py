"""Setup progress: each step says what is done and what is missing, read from the database alone."""

from __future__ import annotations

import shutil

from juror_app.exchange.keys import KdfParams
from juror_app.store.organizer_schema import open_organizer_db
from juror_app.workflows.demo.generate import DemoSettings
from juror_app.workflows.organizer.edition import EditionStart, NewKey, new_edition
from juror_app.workflows.organizer.progress import Step, setup_progress
from juror_app.workflows.organizer.templates import EditionHead

LIGHT = KdfParams(time_cost=1, memory_cost_kib=8 * 1024, lanes=1)
PASS = "długie hasło organizatora 2026"


def test_a_new_edition_from_the_template_lacks_everything_but_its_criteria(tmp_path) -> None:
    db_path = tmp_path / "e.sqlite"
    new_edition(db_path, EditionHead("Przyjazny Urząd 2027", 2027), EditionStart(),
                NewKey(tmp_path / "org.key", PASS, PASS, kdf=LIGHT))
    db = open_organizer_db(db_path)
    progress = setup_progress(db)
    assert progress.of(Step.EDITION).complete
    assert [s.step for s in progress.steps if not s.complete] == [
        Step.INSTITUTIONS, Step.DOCUMENTS, Step.ROSTER, Step.ASSIGNMENT, Step.BUNDLES]
    assert "no applicant" in progress.of(Step.INSTITUTIONS).missing[0].text("en")
    assert "jednostki" in progress.of(Step.INSTITUTIONS).missing[0].text("pl")
    assert not progress.complete
    db.close()


def test_the_demo_edition_is_set_up_but_its_chair_and_counts_are_told(demo_editions, tmp_path) -> None:
    folder = tmp_path / "demo"
    shutil.copytree(demo_editions(DemoSettings(institutions=6, jurors=4, per_dossier=2, seed=7)), folder)
    db = open_organizer_db(folder / "organizer.sqlite")
    progress = setup_progress(db)
    for step in (Step.EDITION, Step.INSTITUTIONS, Step.DOCUMENTS, Step.ASSIGNMENT, Step.BUNDLES):
        assert progress.of(step).complete, progress.render("en")
    assert "6 institutions" in progress.of(Step.INSTITUTIONS).done[0].text("en")
    db.execute("DELETE FROM documents WHERE dossier_id = (SELECT min(id) FROM dossiers)")
    db.execute("UPDATE juror_keys SET revoked_at = '2026-12-01T10:00:00Z' WHERE juror_id = 'j001'")
    progress = setup_progress(db)
    assert [n.text("en") for n in progress.of(Step.DOCUMENTS).missing] == ["1 dossier without documents"]
    assert "1 juror without a valid key" in progress.of(Step.ROSTER).missing[0].text("en")
    assert "1 teczka bez dokumentów" in progress.render("pl")
    db.close()


def test_a_recused_assignment_fills_no_place_as_the_planner_counts(demo_editions, tmp_path) -> None:
    from juror_app.workflows.organizer.assignment import assignment_matrix

    folder = tmp_path / "demo"
    shutil.copytree(demo_editions(DemoSettings(institutions=6, jurors=4, per_dossier=2, seed=7), merged=True), folder)
    db = open_organizer_db(folder / "organizer.sqlite")
    db.execute("DELETE FROM conflicts")
    db.execute("DELETE FROM dossier_statuses WHERE status = 'recused'")
    assert setup_progress(db).of(Step.ASSIGNMENT).complete
    juror, dossier, package = db.execute(
        "SELECT a.juror_id, a.dossier_id, p.manifest_sha256 FROM assignments a JOIN packages p ON p.juror_id = a.juror_id"
        " ORDER BY 1, 2").fetchone()
    db.execute("INSERT INTO conflicts (juror_id, dossier_id, reason, declared_at, package_manifest_sha256)"
               " VALUES (?, ?, 'Krewna kierownika jednostki.', '2026-12-01T10:00:00Z', ?)", [juror, dossier, package])
    progress = setup_progress(db).of(Step.ASSIGNMENT)
    assert [n.text("en") for n in progress.missing] == ["1 dossier of 6 not fully assigned"], progress.missing
    assert any(p.dossier_id == dossier for p in assignment_matrix(db).problems), "the matrix names the same dossier"
    db.close()
