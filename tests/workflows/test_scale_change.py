"""A criterion's scale changed after the juror scored it: the import says so, moves the points aside, loses nothing.

The organizer narrows k01 from 0–10 to 0–5 after the bundles went out (with the confirmation); the
juror's laptop imports the next bundle revision. Scores that no longer fit are removed through the
edit log (so the next package follows the rubric and merges) and kept as superseded scores, with
their justification, for the juror to see and reuse.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from juror_app.domain import edit_log
from juror_app.domain.model import RubricLevel
from juror_app.store.blobs import BlobStore
from juror_app.store.edition_tables import read_edition
from juror_app.store.organizer_schema import open_organizer_db
from juror_app.workflows.demo import generate as demo
from juror_app.workflows.juror import bundle_import as juror_import
from juror_app.workflows.juror import export as juror_export
from juror_app.workflows.juror import queries as juror_queries
from juror_app.workflows.juror import scoring as juror_scoring
from juror_app.workflows.juror.profile import JurorProfile, create_profile
from juror_app.workflows.organizer import edition as edition_flow
from juror_app.workflows.organizer import merge
from juror_app.workflows.organizer.merge import Outcome
from juror_app.workflows.organizer.setup import export_bundle

SEED = 23
PASS = "zielona-łódka-pływa-nocą-2026"
OLD_TEXT = "Karta usług jest wzorowa: każda sprawa ma opisany termin, opłatę i osobę prowadzącą."


@pytest.fixture(scope="module")
def edition(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("scale") / "demo"
    demo.generate_demo(folder, demo.DemoSettings(institutions=6, jurors=2, per_dossier=2, seed=SEED,
                                                 with_packages=False))
    return folder


def _narrow_k01(edition):
    k01 = edition.criteria[0]
    levels = (RubricLevel(0, 1, "Słabo"), RubricLevel(2, 3, "Średnio"), RubricLevel(4, 5, "Dobrze"))
    return replace(edition, criteria=(replace(k01, max_points=5, levels=levels),) + edition.criteria[1:])


@pytest.fixture
def scored(tmp_path: Path, edition: Path):
    """j001 scored three dossiers on the 0–10 scale, exported, and the organizer merged it; then narrowed k01."""
    work = tmp_path / "org"
    shutil.copytree(edition, work)
    profile = JurorProfile(tmp_path / "profile")
    create_profile(profile.folder, name="Juror 1", affiliation="UAM", email="", passphrase=PASS,
                   passphrase_again=PASS, kdf=demo.DEMO_KDF, key=demo.demo_key(SEED, "juror-1"))
    db = profile.open_db()
    bundle = work / "bundles" / f"j001{demo.BUNDLE_SUFFIX}"
    fp = juror_import.inspect_bundle(db, bundle).organizer_fingerprint
    juror_import.import_bundle(profile, db, bundle, accept_organizer_fingerprint=fp)
    rows = juror_queries.dossier_rows(db)
    a, b, c = (r.dossier_id for r in rows[:3])
    juror_scoring.set_score(db, dossier_id=a, criterion_id="k01", points=7, justification=OLD_TEXT)
    juror_scoring.set_score(db, dossier_id=b, criterion_id="k01", points=3, justification="")  # fits 0–5
    juror_scoring.set_score(db, dossier_id=c, criterion_id="k01", points=10, justification="Najlepsza praktyka w kraju.")
    juror_scoring.set_score(db, dossier_id=a, criterion_id="k02", points=8, justification="")
    first = juror_export.export_package(profile, db, tmp_path / "r1.pu-scores", PASS)
    odb = open_organizer_db(work / "organizer.sqlite")
    outcome = merge.apply_merge(odb, merge.plan_merge(odb, [first.path]), db_path=work / "organizer.sqlite")
    assert len(outcome.merged) == 1
    edition_flow.update_edition(odb, _narrow_k01(read_edition(odb)), confirm_invalidating=True, by="Sekretarz")
    newer = export_bundle(odb, BlobStore.beside(work / "organizer.sqlite"), "j001", demo.demo_key(SEED, "organizer"),
                          tmp_path / "j001-r2.pu-bundle")
    yield profile, db, odb, work, newer.path, (a, b, c)
    db.close()
    odb.close()


def test_the_preview_names_the_changed_scale_and_the_scores_that_no_longer_fit(scored) -> None:
    _profile, db, _odb, _work, bundle, _ids = scored
    preview = juror_import.inspect_bundle(db, bundle)
    assert preview.action is juror_import.BundleAction.UPDATE
    (change,) = preview.scale_changes
    assert (change.criterion_id, change.code) == ("k01", "I.1")
    assert (change.old_max_points, change.old_step, change.new_max_points, change.new_step) == (10, 1, 5, 1)
    assert change.no_longer_fit == 2 and change.still_fit == 1
    assert preview.scores_no_longer_fitting == 2
    assert db.execute("SELECT count(*) FROM scores").fetchone()[0] == 4, "inspecting changes nothing"


def test_import_removes_unfitting_points_through_the_log_and_keeps_them_aside(scored) -> None:
    profile, db, _odb, _work, bundle, (a, b, c) = scored
    log_before = db.execute("SELECT count(*) FROM edit_log").fetchone()[0]
    result = juror_import.import_bundle(profile, db, bundle)
    assert result.scores_superseded == 2 and [s.code for s in result.scale_changes] == ["I.1"]
    scores = {(d, k): p for d, k, p in db.execute("SELECT dossier_id, criterion_id, points FROM scores")}
    assert scores == {(b, "k01"): 3, (a, "k02"): 8}
    lines = [r[0] for r in db.execute("SELECT line FROM edit_log ORDER BY seq")]
    entries, _head = edit_log.parse_and_verify(lines)
    added = entries[log_before:]
    assert [(e["op"], e["dossier"], e["criterion"]) for e in added] == [("unscore", a, "k01"), ("unscore", c, "k01")]

    state = next(s for s in juror_queries.dossier_scoring(db, a).criteria if s.criterion.id == "k01")
    assert state.points is None
    old = state.superseded
    assert old is not None and (old.points, old.old_max_points, old.new_max_points) == (7, 10, 5)
    assert old.justification == OLD_TEXT, "the old justification survives the import"
    kept = next(s for s in juror_queries.dossier_scoring(db, b).criteria if s.criterion.id == "k01")
    assert kept.points == 3 and kept.superseded is None

    # importing the same bundle again changes nothing more
    again = juror_import.import_bundle(profile, db, bundle)
    assert again.action is juror_import.BundleAction.ALREADY_IMPORTED
    assert db.execute("SELECT count(*) FROM superseded_scores").fetchone()[0] == 2


def test_the_next_package_merges_and_the_organizer_sees_the_removal(scored, tmp_path: Path) -> None:
    profile, db, odb, work, bundle, (a, _b, _c) = scored
    juror_import.import_bundle(profile, db, bundle)
    state = next(s for s in juror_queries.dossier_scoring(db, a).criteria if s.criterion.id == "k01")
    juror_scoring.set_score(db, dossier_id=a, criterion_id="k01", points=4, justification=state.superseded.justification)
    second = juror_export.export_package(profile, db, tmp_path / "r2.pu-scores", PASS)
    plan = merge.plan_merge(odb, [second.path])
    (planned,) = plan.files
    assert planned.outcome is Outcome.UPDATE and planned.acceptable, (planned.code, planned.reason_en)
    described = " ".join(change.describe("en") for change in planned.changes)
    assert f"{a} I.1: 7 → 4" in described and "score removed" in described, described
    merge.apply_merge(odb, plan, db_path=work / "organizer.sqlite")
    merged = dict(odb.execute("SELECT dossier_id || '/' || criterion_id, points FROM scores WHERE juror_id = 'j001'"
                              " AND criterion_id = 'k01'").fetchall())
    assert merged[f"{a}/k01"] == 4 and all(p <= 5 for p in merged.values())
    # the superseded score stays visible to the juror after re-scoring (nothing is lost)
    assert db.execute("SELECT points, justification FROM superseded_scores WHERE dossier_id = ? AND criterion_id = 'k01'",
                      [a]).fetchone() == (7, OLD_TEXT)
