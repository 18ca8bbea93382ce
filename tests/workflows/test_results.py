"""Results from merged data: completeness, aggregation, agreement, leniency, normalisation, decisions,
the lock, and JSON/CSV exports that are byte-identical for the same data."""

from __future__ import annotations

import csv
import io
import math
import shutil
from fractions import Fraction
from pathlib import Path

import pytest

from juror_app.domain.errors import ValidationError
from juror_app.domain.scoring import Certification
from juror_app.store.organizer_schema import (
    choose_distinction,
    disagreement_threshold,
    is_locked,
    lock_results,
    open_organizer_db,
    set_disagreement_threshold,
    unlock_results,
    withdraw_distinction,
)
from juror_app.workflows.demo.generate import DemoSettings, generate_demo
from juror_app.workflows.organizer.merge import apply_merge, plan_merge
from juror_app.workflows.organizer.results import (
    CELL_STATES,
    build_results,
    results_to_csv,
    results_to_json,
)

SETTINGS = DemoSettings(institutions=12, jurors=6, per_dossier=3, seed=11)


@pytest.fixture(scope="module")
def merged_template(demo_editions) -> Path:
    return demo_editions(SETTINGS, merged=True)


@pytest.fixture()
def db(merged_template: Path, tmp_path: Path):
    folder = tmp_path / "edition"
    shutil.copytree(merged_template, folder)
    return open_organizer_db(folder / "organizer.sqlite")


def test_exports_are_byte_identical_for_the_same_data(db, merged_template: Path) -> None:
    first_json, first_csv = results_to_json(build_results(db)), results_to_csv(build_results(db))
    assert results_to_json(build_results(db)) == first_json
    other = open_organizer_db(merged_template / "organizer.sqlite")  # the same data through another connection
    assert results_to_json(build_results(other)) == first_json and results_to_csv(build_results(other)) == first_csv
    normalised = results_to_json(build_results(db, normalised=True))
    assert normalised == results_to_json(build_results(db, normalised=True)) and normalised != first_json
    print(f"JSON {len(first_json)} B and CSV {len(first_csv)} B identical across runs and connections")


def test_csv_opens_as_polish_excel_expects(db) -> None:
    data = results_to_csv(build_results(db, normalised=True))
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    header = rows[0]
    assert header[:4] == ["Kategoria", "Teczka", "Jednostka", "Wiersz"] and "Wynik ważony %" in header
    assert all(len(row) == len(header) for row in rows)
    body = rows[1:]
    assert len(body) == 12 * (12 + 1)  # 12 dossiers × (12 criteria + a total row)
    totals = [row for row in body if row[3] == "razem"]
    col = header.index("Wynik ważony %")
    assert len(totals) == 12 and all("." not in row[col] for row in totals)
    assert any("," in row[col] for row in totals)
    assert all(float(row[col].replace(",", ".")) <= 100 for row in totals if row[col])
    print("CSV columns:", "; ".join(header))


def test_completeness_matrix_and_progress(db) -> None:
    results = build_results(db)
    assignments = db.execute("SELECT count(*) FROM assignments").fetchone()[0]
    assert len(results.completeness) == assignments
    assert {state for _, _, state in results.completeness} <= set(CELL_STATES)
    assert "missing" not in {state for _, _, state in results.completeness}
    for juror in results.jurors:
        assert sum(juror.counts.values()) == juror.assigned == 6
        assert juror.latest_revision == 1 and juror.latest_created_at and juror.latest_imported_at
    print({j.juror_id: {k: v for k, v in j.counts.items() if v} for j in results.jurors})


def test_missing_packages_show_as_missing(tmp_path: Path) -> None:
    folder = tmp_path / "edition"
    generate_demo(folder, DemoSettings(institutions=6, jurors=3, per_dossier=2, seed=3))
    db = open_organizer_db(folder / "organizer.sqlite")
    first = sorted((folder / "packages").glob("*.pu-scores"))[:1]
    apply_merge(db, plan_merge(db, first), db_path=folder / "organizer.sqlite")
    results = build_results(db)
    by_juror = {j.juror_id: j for j in results.jurors}
    assert by_juror["j001"].counts["missing"] == 0 and by_juror["j001"].latest_revision == 1
    assert by_juror["j002"].counts["missing"] == by_juror["j002"].assigned and by_juror["j002"].latest_revision is None
    assert all(d.complete_jurors <= 1 for d in results.dossiers)
    assert {d.certification for d in results.dossiers} == {Certification.INCOMPLETE}


def test_totals_match_a_direct_computation_from_the_database(db) -> None:
    results = build_results(db)
    criteria = {r[0]: (r[1], r[2]) for r in db.execute("SELECT id, weight, max_points FROM criteria")}
    maximum = sum(Fraction(w) * Fraction(m) for w, m in criteria.values())
    checked = 0
    for dossier in results.dossiers:
        means = {
            c: Fraction(total) / n for c, total, n in db.execute(
                "SELECT criterion_id, sum(points), count(*) FROM scores WHERE dossier_id = ? GROUP BY criterion_id",
                [dossier.dossier_id])
        }
        if len(means) < len(criteria):
            assert dossier.total_percent is None
            continue
        expected = sum(Fraction(criteria[c][0]) * m for c, m in means.items()) * 100 / maximum
        assert dossier.total_percent == pytest.approx(float(expected), abs=1e-9)
        checked += 1
    assert checked > 0
    print(f"{checked} dossier totals recomputed from the scores table")


def test_agreement_and_leniency(db) -> None:
    results = build_results(db)
    assert [a.criterion_id for a in results.agreement] == [f"k{n:02d}" for n in range(1, 13)]
    for a in results.agreement:
        assert a.dossiers > 0 and (a.alpha is None or -1.5 <= a.alpha <= 1)
        assert a.icc_1_1 is None or a.icc_1_1 <= 1
        print(f"{a.code}: alpha {a.alpha}, ICC(1,1) {a.icc_1_1}, ICC(1,k) {a.icc_1_k}, k {a.k:.2f}")
    assert [entry.juror_id for entry in results.leniency] == [j.juror_id for j in results.jurors]
    # Every juror's deviation from the others' mean, summed over all raters of a dossier, is zero.
    weighted = math.fsum(entry.dossiers * entry.mean_deviation for entry in results.leniency if entry.mean_deviation is not None)
    assert weighted == pytest.approx(0.0, abs=1e-9)
    assert all(entry.normalisation is None for entry in results.leniency)


def test_normalised_ranking_side_by_side(db) -> None:
    results = build_results(db, normalised=True)
    ranked = [r for r in results.rankings if r.place is not None]
    assert ranked and all(r.normalised_place is not None for r in ranked)
    for r in results.rankings:
        assert r.place_changed == (r.place is not None and r.normalised_place is not None and r.place != r.normalised_place)
    categories = {r.category_id for r in results.rankings}
    for category in categories:
        places = sorted(r.normalised_place for r in ranked if r.category_id == category)
        assert places[0] == 1
    assert {entry.normalisation for entry in results.leniency} <= {"z", "too_few", "no_spread"}
    print(f"{sum(r.place_changed for r in results.rankings)} of {len(ranked)} places change after normalisation")


def test_decisions_nominations_and_the_lock(db) -> None:
    dossier = db.execute("SELECT id FROM dossiers ORDER BY id LIMIT 1").fetchone()[0]
    choose_distinction(db, dossier, "innowacyjny-urzad", note="Decyzja Kapituły z posiedzenia.", by="Anna Nowak")
    choose_distinction(db, dossier, "otwarty-urzad", by="Anna Nowak")
    assert withdraw_distinction(db, dossier, "otwarty-urzad") and not withdraw_distinction(db, dossier, "otwarty-urzad")
    results = build_results(db)
    decided = {d.dossier_id: d for d in results.decisions}[dossier]
    assert [c[0] for c in decided.chosen] == ["innowacyjny-urzad"]
    nominated = db.execute("SELECT count(*) FROM nominations").fetchone()[0]
    assert sum(len(d.nominations) for d in results.decisions) == nominated
    assert "Innowacyjny Urząd" in results_to_csv(results).decode("utf-8-sig")

    lock = lock_results(db, "Anna Nowak")
    assert is_locked(db) and build_results(db).lock == lock
    with pytest.raises(ValidationError) as frozen:
        choose_distinction(db, dossier, "otwarty-urzad")
    assert frozen.value.code == "results_locked"
    with pytest.raises(ValidationError):
        set_disagreement_threshold(db, 0.2)
    with pytest.raises(ValidationError):
        unlock_results(db, "Anna Nowak", "bo tak")  # a reason must say something
    unlock_results(db, "Anna Nowak", "Korekta decyzji po posiedzeniu Kapituły.")
    assert not is_locked(db)
    assert db.execute("SELECT action, person, reason != '' FROM results_lock_events ORDER BY id").fetchall() == [
        ("lock", "Anna Nowak", 0), ("unlock", "Anna Nowak", 1)]


def test_disagreement_threshold_setting(db) -> None:
    assert disagreement_threshold(db) == 0.3
    loose = build_results(db)
    set_disagreement_threshold(db, 0.1)
    strict = build_results(db)
    assert strict.threshold == 0.1 and len(strict.to_discuss) > len(loose.to_discuss)
    assert set(loose.to_discuss) <= set(strict.to_discuss)
    for bad in (0, 1.5, float("nan")):
        with pytest.raises(ValidationError):
            set_disagreement_threshold(db, bad)
    print(f"to discuss: {len(loose.to_discuss)} at 30 % of the scale, {len(strict.to_discuss)} at 10 %")


def test_results_before_any_merge(tmp_path: Path) -> None:
    folder = tmp_path / "edition"
    generate_demo(folder, DemoSettings(institutions=4, jurors=3, per_dossier=2, seed=5))
    results = build_results(open_organizer_db(folder / "organizer.sqlite"), normalised=True)
    assert {state for _, _, state in results.completeness} == {"missing"}
    assert all(d.total_percent is None for d in results.dossiers)
    assert all(r.place is None and r.normalised_place is None for r in results.rankings)
    assert results_to_json(results).startswith(b"{")
