"""Aggregation by hand-computed small cases, and properties of ranking and totals (hypothesis).

Percentages are compared with a tolerance of 1e-9 (they are exact fractions converted to float once).
"""

from __future__ import annotations

import math
from dataclasses import replace
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from juror_app.domain.model import (
    Category,
    CertificationRule,
    Criterion,
    DossierStatus,
    Edition,
    Stage,
    StageId,
)
from juror_app.domain.scoring import (
    Certification,
    DossierInfo,
    certify,
    dossier_result,
    juror_totals,
    normalised_totals,
    polish_sort_key,
    rank,
    rank_by_category,
    score_dossiers,
    to_discuss,
)

C, R = DossierStatus.COMPLETE, DossierStatus.RECUSED


def criterion(cid: str, stage: StageId, max_points: float, weight: float) -> Criterion:
    return Criterion(cid, cid.upper(), stage, cid, "", weight, max_points, 0.5, ())


def small_edition(total_min: float = 60.0, stage_min: float = 60.0) -> Edition:
    """Stage I: c1, c2 (0–10, weight 1); stage II: c3 (0–5, weight 2). Weighted maximum: 30."""
    return Edition(
        id="e", number=1, year=2026, name="test", organizer="",
        stages=(Stage(StageId.I, "I"), Stage(StageId.II, "II")),
        categories=(Category("cat", "Kategoria"),),
        criteria=(criterion("c1", StageId.I, 10, 1), criterion("c2", StageId.I, 10, 1), criterion("c3", StageId.II, 5, 2)),
        distinctions=(),
        certification_rule=CertificationRule(total_min, {"I": stage_min, "II": stage_min}),
    )


def test_hand_computed_dossier() -> None:
    # c1: 6, 8 → mean 7; c2: 4, 6 → 5; c3: 3, 4 → 3.5.
    # Stage I: 7 + 5 = 12 of 20 → 60 %; stage II: 3.5 of 5 → 70 %;
    # total: (1·7 + 1·5 + 2·3.5) / (10 + 10 + 2·5) = 19 / 30 → 63.333… %.
    edition = small_edition()
    points = {"c1": {"a": 6, "b": 8}, "c2": {"a": 4, "b": 6}, "c3": {"a": 3, "b": 4}}
    result = dossier_result(edition, DossierInfo("d1", "cat", "Urząd"), points, complete_jurors=2)
    stage_i, stage_ii = result.stage("I"), result.stage("II")
    assert stage_i.points == 12 and stage_i.max_points == 20 and stage_i.percent == pytest.approx(60.0, abs=1e-9)
    assert stage_ii.points == 3.5 and stage_ii.max_points == 5 and stage_ii.percent == pytest.approx(70.0, abs=1e-9)
    assert result.total_percent == pytest.approx(190 / 3, abs=1e-9)
    assert result.certification is Certification.CERTIFIED  # stage I exactly at its 60 % threshold: inclusive
    assert [c.summary.mean for c in result.criteria] == [7, 5, 3.5]
    assert result.scoring_jurors == 2 and result.disagreements == ()
    print(f"hand-computed: stage I {stage_i.percent:.4f} %, stage II {stage_ii.percent:.4f} %, total {result.total_percent:.4f} %")


def test_certification_thresholds_and_completeness() -> None:
    edition = small_edition(total_min=70.0, stage_min=60.0)
    assert certify(edition, 70, {"I": 60, "II": 60}, 2) is Certification.CERTIFIED
    assert certify(edition, 69.999, {"I": 90, "II": 90}, 3) is Certification.NOT_CERTIFIED
    assert certify(edition, 95, {"I": 59.9, "II": 100}, 3) is Certification.NOT_CERTIFIED
    assert certify(edition, 95, {"I": 100, "II": None}, 3) is Certification.NOT_CERTIFIED
    assert certify(edition, 100, {"I": 100, "II": 100}, 1) is Certification.INCOMPLETE
    assert certify(edition, None, {}, 0) is Certification.INCOMPLETE


def test_exact_arithmetic_decides_a_threshold() -> None:
    # c1 (2.5, 8, 6) → 16.5/3, c2 (5.5, 7.5, 0) → 13/3, c3 (3.5, 0, 2) → 5.5/3:
    # total = (16.5 + 13 + 2 · 5.5) / 3 / 30 = 45 % exactly, while the same sum in floats gives
    # 44.99999999999999. At a 45 % threshold the dossier must be certified.
    edition = small_edition(total_min=45.0, stage_min=0)
    points = {"c1": {"a": 2.5, "b": 8, "c": 6}, "c2": {"a": 5.5, "b": 7.5, "c": 0}, "c3": {"a": 3.5, "b": 0, "c": 2}}
    naive = (sum(points["c1"].values()) / 3 + sum(points["c2"].values()) / 3 + 2 * (sum(points["c3"].values()) / 3)) / 30 * 100
    assert naive < 45.0  # the trap this test is about
    result = dossier_result(edition, DossierInfo("d", "cat", "x"), points, complete_jurors=3)
    assert result.total_percent == 45.0
    assert result.certification is Certification.CERTIFIED


def test_a_criterion_nobody_scored_leaves_the_total_undefined() -> None:
    edition = small_edition()
    result = dossier_result(edition, DossierInfo("d", "cat", "x"), {"c1": {"a": 10}, "c2": {"a": 10}}, complete_jurors=0)
    assert result.total_percent is None and result.stage("II").percent is None
    assert result.stage("I").percent == pytest.approx(100.0)
    assert result.certification is Certification.INCOMPLETE


def test_disagreement_threshold_is_a_fraction_of_the_scale() -> None:
    edition = small_edition()
    points = {"c1": {"a": 5, "b": 8}, "c2": {"a": 5, "b": 8.5}, "c3": {"a": 1, "b": 2.5}}
    result = dossier_result(edition, DossierInfo("d", "cat", "x"), points, complete_jurors=2)
    # c1: spread 3 = 0.3 × 10, not above; c2: 3.5 > 3; c3: 1.5 = 0.3 × 5, not above.
    assert result.disagreements == ("c2",)
    stricter = dossier_result(edition, DossierInfo("d", "cat", "x"), points, complete_jurors=2, threshold=0.2)
    assert stricter.disagreements == ("c1", "c2", "c3")
    assert [(d, c.criterion_id) for d, c in to_discuss([result, stricter])] == [
        ("d", "c2"), ("d", "c1"), ("d", "c2"), ("d", "c3")]


def test_trimmed_mean_drops_one_highest_and_one_lowest_from_four() -> None:
    edition = small_edition()
    points = {"c1": {"a": 1, "b": 6, "c": 7, "d": 10}}
    summary = dossier_result(edition, DossierInfo("d", "cat", "x"), points, complete_jurors=0).criteria[0].summary
    assert summary.mean == 6 and summary.trimmed_mean == 6.5 and summary.median == 6.5 and summary.spread == 9


def test_recused_jurors_scores_are_ignored_and_completeness_counted() -> None:
    edition = small_edition()
    ratings = [("a", "d1", "c1", 10), ("b", "d1", "c1", 0), ("a", "d1", "c2", 10), ("a", "d1", "c3", 5)]
    statuses = [("a", "d1", C), ("b", "d1", R)]
    [result] = score_dossiers(edition, [DossierInfo("d1", "cat", "x")], ratings, statuses)
    assert result.criteria[0].points == (("a", 10.0),)
    assert result.total_percent == pytest.approx(100.0)
    assert result.complete_jurors == 1 and result.certification is Certification.INCOMPLETE


def test_ranking_ties_share_a_place_and_are_listed_by_polish_name() -> None:
    placed = rank([
        ("d1", "Żary", 75.0, 60.0),
        ("d2", "Zabrze", 75.0, 60.0),
        ("d3", "Łódź", 80.0, 10.0),
        ("d4", "Lublin", 70.0, 90.0),
        ("d5", "Mława", None, None),
    ])
    assert [(p.dossier_id, p.place) for p in placed] == [("d3", 1), ("d2", 2), ("d1", 2), ("d4", 4), ("d5", None)]
    broken = rank([("a", "A", 75.0, 61.0), ("b", "B", 75.0, 60.0), ("c", "C", 75.0, 60.0), ("d", "D", 74.0, 99.0)])
    assert [p.place for p in broken] == [1, 2, 2, 4]
    assert sorted(["Mława", "Łódź", "Lublin", "Łask", "lato"], key=polish_sort_key) == ["lato", "Lublin", "Łask", "Łódź", "Mława"]


def test_ranking_per_category_uses_stage_two_to_break_ties() -> None:
    edition = small_edition()
    # Both total 60 %: d1 has stage II 100 % (c3 = 5), d2 stage II 20 % (c3 = 1).
    ratings = [("a", "d1", "c1", 4), ("a", "d1", "c2", 4), ("a", "d1", "c3", 5),
               ("a", "d2", "c1", 8), ("a", "d2", "c2", 8), ("a", "d2", "c3", 1)]
    results = score_dossiers(edition, [DossierInfo("d1", "cat", "B"), DossierInfo("d2", "cat", "A")], ratings, [])
    assert [r.total_percent for r in results] == [pytest.approx(60.0), pytest.approx(60.0)]
    assert [(p.dossier_id, p.place) for p in rank_by_category(results)["cat"]] == [("d1", 1), ("d2", 2)]


def test_juror_totals_need_every_criterion_and_normalisation_handles_few() -> None:
    edition = small_edition()
    ratings = [("a", "d1", "c1", 10), ("a", "d1", "c2", 10), ("a", "d1", "c3", 5),
               ("a", "d2", "c1", 0), ("a", "d2", "c2", 0), ("a", "d2", "c3", 0),
               ("b", "d1", "c1", 5), ("b", "d1", "c2", 5), ("b", "d1", "c3", 2.5),
               ("c", "d2", "c1", 4)]  # c did not finish d2: no total
    totals = juror_totals(edition, ratings)
    assert totals == {("a", "d1"): 100.0, ("a", "d2"): 0.0, ("b", "d1"): 50.0}
    normalised = normalised_totals(totals)
    # Pooled mean 50, pooled sd 50; a: z = ±0.707 → 85.36 / 14.64; b has one total: kept (too_few).
    assert normalised["d1"].treatments == ("z", "too_few")
    assert normalised["d1"].value == pytest.approx((50 + 50 / math.sqrt(2) + 50) / 2)
    assert normalised["d2"].value == pytest.approx(50 - 50 / math.sqrt(2))


names = st.text(alphabet="abcłóżźAŁŻ ", min_size=1, max_size=6)
values = st.one_of(st.none(), st.sampled_from([0.0, 25.0, 50.0, 50.0, 75.0, 100.0]))


@given(st.lists(st.tuples(names, values, st.sampled_from([None, 0.0, 50.0, 100.0])), max_size=25))
def test_ranking_is_a_permutation_with_standard_competition_places(entries) -> None:
    items = [(f"d{i}", name, value, tie) for i, (name, value, tie) in enumerate(entries)]
    placed = rank(items)
    assert sorted(p.dossier_id for p in placed) == sorted(i[0] for i in items)
    key = {i[0]: (i[2], -math.inf if i[3] is None else i[3]) for i in items}
    valued = [p for p in placed if p.place is not None]
    assert all(p.place is None for p in placed[len(valued):])
    for p in valued:
        better = sum(1 for q in valued if key[q.dossier_id] > key[p.dossier_id])
        assert p.place == better + 1


points_for = st.fixed_dictionaries({
    "c1": st.dictionaries(st.sampled_from("abcde"), st.integers(0, 20).map(lambda n: n / 2), max_size=5),
    "c2": st.dictionaries(st.sampled_from("abcde"), st.integers(0, 20).map(lambda n: n / 2), max_size=5),
    "c3": st.dictionaries(st.sampled_from("abcde"), st.integers(0, 10).map(lambda n: n / 2), max_size=5),
})


@given(points_for, st.integers(0, 5))
def test_totals_lie_between_0_and_100(points, complete) -> None:
    result = dossier_result(small_edition(), DossierInfo("d", "cat", "x"), points, complete_jurors=complete)
    for value in (result.total_percent, *(s.percent for s in result.stages)):
        assert value is None or 0.0 <= value <= 100.0
    assert (result.total_percent is None) == any(not points[c] for c in ("c1", "c2", "c3"))
    if result.certification is Certification.CERTIFIED:
        assert complete >= 2 and result.total_percent >= 60.0


def _exactly(edition: Edition, points: dict) -> tuple:
    """Stage and total figures straight from the definitions in Fractions: what the aggregation must give."""
    means = {c: sum(map(Fraction, v.values())) / len(v) for c, v in points.items() if v}

    def percent(criteria) -> Fraction | None:
        maximum = sum(Fraction(c.weight) * Fraction(c.max_points) for c in criteria)
        if maximum == 0 or any(c.id not in means for c in criteria):
            return None
        return sum(Fraction(c.weight) * means[c.id] for c in criteria) * 100 / maximum

    stages = []
    for stage in edition.stages:
        of_stage = edition.criteria_of_stage(stage.id)
        exact = percent(of_stage)
        subtotal = None if any(c.id not in means for c in of_stage) else float(sum(means[c.id] for c in of_stage))
        stages.append((subtotal, None if exact is None else float(exact)))
    total = percent(edition.criteria)
    return tuple(stages), None if total is None else float(total)


weights = st.sampled_from([0.0, 0.5, 1.0, 1.5, 2.0, 3.0, 0.1, 1 / 3])


@given(points_for, weights, weights, weights, st.sampled_from([("I", "I", "II"), ("I", "II", "II"), ("I", "I", "I")]))
def test_stage_and_total_figures_are_the_exact_ones(points, w1, w2, w3, stage_of) -> None:
    """Bit for bit the floats of the exact fractions, whatever the weights (zero, thirds) and stages."""
    base = small_edition()
    criteria = tuple(replace(c, weight=w, stage=StageId(s)) for c, w, s in zip(base.criteria, (w1, w2, w3), stage_of))
    edition = replace(base, criteria=criteria)
    result = dossier_result(edition, DossierInfo("d", "cat", "x"), points, complete_jurors=2)
    stages, total = _exactly(edition, points)
    assert tuple((s.points, s.percent) for s in result.stages) == stages
    assert result.total_percent == total
