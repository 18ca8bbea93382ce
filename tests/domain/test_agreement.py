"""Inter-rater agreement: published known answers, hand-computed cases, properties and scale."""

from __future__ import annotations

import math
import random
import time
from fractions import Fraction

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from juror_app.domain.agreement import (
    DuplicateRatingError,
    agreement_of,
    icc_oneway,
    krippendorff_alpha_interval,
    leniency_profile,
    units_from_ratings,
)
from juror_app.domain.errors import UserError

EXACT_TOL = 1e-9  # agreement with a hand computation in exact fractions

# Shrout & Fleiss (1979), Table 2: 6 targets (rows) rated by judges 1-4 (columns).
SHROUT_FLEISS = [
    [9, 2, 5, 8],
    [6, 1, 3, 2],
    [8, 4, 6, 8],
    [7, 1, 2, 6],
    [10, 5, 6, 9],
    [6, 2, 4, 7],
]

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": 4 observers x 12 units,
# None = missing value.
_ = None
KRIPPENDORFF_2011 = {
    "A": [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
    "B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
    "C": [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
    "D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
}


def _units_by_column(table: dict[str, list[int | None]]) -> dict[int, dict[str, float]]:
    n_units = len(next(iter(table.values())))
    return {
        unit: {coder: row[unit] for coder, row in table.items() if row[unit] is not None}
        for unit in range(n_units)
    }


def _oneway_mean_squares(rows: list[list[int]]) -> tuple[Fraction, Fraction]:
    """MS_between and MS_within by the textbook one-way ANOVA, in exact fractions."""
    all_values = [Fraction(x) for row in rows for x in row]
    grand = sum(all_values) / len(all_values)
    ss_between = Fraction(0)
    ss_within = Fraction(0)
    for row in rows:
        row_mean = Fraction(sum(row), len(row))
        ss_between += len(row) * (row_mean - grand) ** 2
        ss_within += sum((x - row_mean) ** 2 for x in row)
    return ss_between / (len(rows) - 1), ss_within / (len(all_values) - len(rows))


# ---------------------------------------------------------------- ICC, Shrout & Fleiss Table 2


def test_icc_shrout_fleiss_table_2_published_values() -> None:
    result = icc_oneway(dict(enumerate(SHROUT_FLEISS)))
    print(f"\nShrout & Fleiss Table 2: ICC(1,1) = {result.icc_1_1:.4f}, ICC(1,4) = {result.icc_1_k:.4f}")
    assert result.n_targets == 6
    assert result.k == 4.0
    # Published to two decimals: ICC(1,1) = 0.17, ICC(1,4) = 0.44.
    assert round(result.icc_1_1, 2) == 0.17
    assert round(result.icc_1_k, 2) == 0.44


def test_icc_shrout_fleiss_table_2_exact_against_hand_anova() -> None:
    ms_b, ms_w = _oneway_mean_squares(SHROUT_FLEISS)
    assert (ms_b, ms_w) == (Fraction(1349, 120), Fraction(451, 72))  # 11.2417 and 6.2639
    k = 4
    expected_1_1 = (ms_b - ms_w) / (ms_b + (k - 1) * ms_w)
    expected_1_k = (ms_b - ms_w) / ms_b
    result = icc_oneway(dict(enumerate(SHROUT_FLEISS)))
    # Tolerance 1e-9: float arithmetic against exact fractions.
    assert result.ms_between == pytest.approx(float(ms_b), abs=EXACT_TOL)
    assert result.ms_within == pytest.approx(float(ms_w), abs=EXACT_TOL)
    assert result.icc_1_1 == pytest.approx(float(expected_1_1), abs=EXACT_TOL)
    assert result.icc_1_k == pytest.approx(float(expected_1_k), abs=EXACT_TOL)


# ---------------------------------------------------------------- ICC, hand-computed cases


def test_icc_identical_raters_is_one() -> None:
    # Every rater gives the same score to a target; targets differ: MS_within = 0.
    result = icc_oneway({"a": [3, 3, 3], "b": [7, 7, 7], "c": [5, 5, 5]})
    assert result.ms_within == 0.0
    assert result.ms_between == pytest.approx(12.0, abs=EXACT_TOL)  # 3 * (4 + 4 + 0) / 2
    assert result.icc_1_1 == 1.0
    assert result.icc_1_k == 1.0


def test_icc_all_equal_is_undefined() -> None:
    result = icc_oneway({"a": [4, 4], "b": [4, 4, 4]})
    assert (result.icc_1_1, result.icc_1_k) == (None, None)
    assert (result.ms_between, result.ms_within) == (0.0, 0.0)


def test_icc_no_between_target_variance_gives_lower_bound() -> None:
    # Targets have equal means (5), raters disagree: ICC(1,1) = -1 / (k - 1) = -1 with k = 2.
    result = icc_oneway({"a": [4, 6], "b": [6, 4], "c": [3, 7]})
    assert result.ms_between == 0.0
    assert result.icc_1_1 == pytest.approx(-1.0, abs=EXACT_TOL)
    assert result.icc_1_k is None


def test_icc_leaves_out_single_ratings_and_needs_two_targets() -> None:
    one_target = icc_oneway({"a": [1, 3], "b": [9]})
    assert one_target.n_targets == 1
    assert (one_target.icc_1_1, one_target.icc_1_k, one_target.ms_between) == (None, None, None)
    assert one_target.ms_within == pytest.approx(2.0, abs=EXACT_TOL)
    assert one_target.k == 2.0
    empty = icc_oneway({})
    assert (empty.n_targets, empty.k, empty.icc_1_1) == (0, 0.0, None)


def test_icc_unbalanced_uses_adjusted_group_size() -> None:
    units = {"a": [2, 4], "b": [5, 6, 7], "c": [1, 3, 2, 6]}
    result = icc_oneway(units)
    sizes = [2, 3, 4]
    n_total = sum(sizes)
    k0 = Fraction(n_total * n_total - sum(s * s for s in sizes), n_total * (len(sizes) - 1))
    assert result.k == pytest.approx(float(k0), abs=EXACT_TOL)  # 26/9 = 2.888...
    ms_b, ms_w = _oneway_mean_squares(list(units.values()))
    expected = (ms_b - ms_w) / (ms_b + (k0 - 1) * ms_w)
    assert result.icc_1_1 == pytest.approx(float(expected), abs=EXACT_TOL)
    assert result.icc_1_k == pytest.approx(float((ms_b - ms_w) / ms_b), abs=EXACT_TOL)


# ---------------------------------------------------------------- Krippendorff's alpha


def test_alpha_krippendorff_2011_missing_values_published_value() -> None:
    alpha = krippendorff_alpha_interval(_units_by_column(KRIPPENDORFF_2011))
    print(f"\nKrippendorff (2011) interval alpha = {alpha:.6f} (published 0.849)")
    # Published to three decimals: tolerance 5e-4.
    assert alpha == pytest.approx(0.849, abs=5e-4)


def test_alpha_krippendorff_2011_exact_against_coincidence_pairs() -> None:
    # Textbook definition over ordered pairs of values, in exact fractions (independent of the
    # per-unit moment shortcut used by the implementation).
    units = [list(u.values()) for u in _units_by_column(KRIPPENDORFF_2011).values()]
    pairable = [[Fraction(v) for v in u] for u in units if len(u) >= 2]
    values = [v for u in pairable for v in u]
    n = len(values)
    d_o = sum(
        sum((a - b) ** 2 for i, a in enumerate(u) for j, b in enumerate(u) if i != j) / (len(u) - 1)
        for u in pairable
    ) / n
    d_e = sum(
        (a - b) ** 2 for i, a in enumerate(values) for j, b in enumerate(values) if i != j
    ) / (n * (n - 1))
    expected = 1 - d_o / d_e
    alpha = krippendorff_alpha_interval(_units_by_column(KRIPPENDORFF_2011))
    assert alpha == pytest.approx(float(expected), abs=EXACT_TOL)


def test_alpha_perfect_agreement_is_one() -> None:
    units = {"u1": {"A": 2, "B": 2}, "u2": {"A": 5, "B": 5, "C": 5}, "u3": {"B": 9, "C": 9}}
    assert krippendorff_alpha_interval(units) == 1.0


def test_alpha_hand_computed_two_units() -> None:
    # Units {1, 3} and {5, 5}: n = 4, SS_u = 2 and 0, SS_total = 12 (mean 3.5).
    # alpha = 1 - (n - 1)/n * sum(m SS_u / (m - 1)) / SS_total = 1 - 3/4 * 4 / 11 = 8/11.
    units = {"u1": {"A": 1, "B": 3}, "u2": {"A": 5, "C": 5}}
    assert krippendorff_alpha_interval(units) == pytest.approx(8 / 11, abs=EXACT_TOL)


def test_alpha_undefined_cases() -> None:
    assert krippendorff_alpha_interval({}) is None
    assert krippendorff_alpha_interval({"u1": {"A": 3}, "u2": {"B": 7}}) is None  # not pairable
    assert krippendorff_alpha_interval({"u1": {"A": 3, "B": 3}, "u2": {"A": 3, "C": 3}}) is None


def test_alpha_ignores_unpairable_units() -> None:
    units = {"u1": {"A": 1, "B": 3}, "u2": {"A": 5, "C": 5}}
    with_singletons = {**units, "u3": {"A": 10}, "u4": {}}
    assert krippendorff_alpha_interval(with_singletons) == krippendorff_alpha_interval(units)


# ---------------------------------------------------------------- leniency


def test_leniency_of_juror_always_one_above_others() -> None:
    ratings = [
        ("lenient", "d1", 8), ("B", "d1", 7), ("C", "d1", 7),
        ("lenient", "d2", 5), ("B", "d2", 3), ("D", "d2", 5),
        ("lenient", "d3", 10), ("C", "d3", 9),
    ]
    profile = leniency_profile(ratings)
    assert profile["lenient"].n_units == 3
    assert profile["lenient"].mean_deviation == 1.0
    assert profile["lenient"].mean_abs_deviation == 1.0
    # B: d1: 7 - 7.5 = -0.5; d2: 3 - 5 = -2  -> mean -1.25, mean absolute 1.25
    assert profile["B"].mean_deviation == pytest.approx(-1.25, abs=EXACT_TOL)
    assert profile["B"].mean_abs_deviation == pytest.approx(1.25, abs=EXACT_TOL)
    # D: d2: 5 - 4 = +1
    assert (profile["D"].n_units, profile["D"].mean_deviation) == (1, 1.0)


def test_leniency_lists_every_juror_in_order_of_appearance() -> None:
    profile = leniency_profile([("A", "u1", 3), ("B", "u2", 4), ("C", "u1", 5)])
    assert list(profile) == ["A", "B", "C"]
    assert profile["B"].n_units == 0
    assert profile["B"].mean_deviation is None and profile["B"].mean_abs_deviation is None
    assert profile["A"].mean_deviation == -2.0 and profile["C"].mean_deviation == 2.0


def test_duplicate_rating_is_refused() -> None:
    ratings = [("A", "u1", 3), ("B", "u1", 4), ("A", "u1", 5)]
    with pytest.raises(ValueError):
        leniency_profile(ratings)
    with pytest.raises(DuplicateRatingError) as caught:
        units_from_ratings(ratings)
    assert isinstance(caught.value, UserError)
    assert caught.value.code == "duplicate_rating"
    assert "dwie oceny" in caught.value.message("pl")
    assert "two scores" in caught.value.message("en")


def test_non_finite_score_is_refused() -> None:
    with pytest.raises(ValueError):
        krippendorff_alpha_interval({"u": {"A": 1.0, "B": float("nan")}})
    with pytest.raises(ValueError):
        icc_oneway({"u": [1.0, float("inf")], "v": [1.0, 2.0]})


# ---------------------------------------------------------------- properties

scores = st.integers(min_value=0, max_value=10).map(float)
unit_tables = st.dictionaries(
    keys=st.integers(min_value=0, max_value=30),
    values=st.dictionaries(keys=st.sampled_from("ABCDEFG"), values=scores, max_size=5),
    min_size=1,
    max_size=12,
)
nonzero_factors = st.integers(min_value=-20, max_value=20).filter(bool).map(lambda i: i / 2)
offsets = st.integers(min_value=-100, max_value=100).map(lambda i: i / 2)


@settings(deadline=None)
@given(units=unit_tables, a=nonzero_factors, b=offsets)
def test_alpha_invariant_to_affine_transform(
    units: dict[int, dict[str, float]], a: float, b: float
) -> None:
    before = krippendorff_alpha_interval(units)
    transformed = {u: {c: a * v + b for c, v in vals.items()} for u, vals in units.items()}
    after = krippendorff_alpha_interval(transformed)
    if before is None:
        assert after is None
    else:
        assert after == pytest.approx(before, abs=1e-9)


def _alpha_by_the_formula(units: list[list[float]]) -> float | None:
    """Krippendorff's alpha from the docstring's formula, each unit's moments computed in place."""
    moments = []
    for values in (u for u in units if len(u) >= 2):
        mean = values[0] if min(values) == max(values) else math.fsum(values) / len(values)
        moments.append((len(values), mean, 0.0 if min(values) == max(values) else math.fsum((x - mean) ** 2 for x in values)))
    if not moments:
        return None
    n = sum(m for m, _, _ in moments)
    within = math.fsum(ss for _, _, ss in moments)
    if all(mean == moments[0][1] for _, mean, _ in moments):
        between = 0.0
    else:
        grand = math.fsum(m * mean for m, mean, _ in moments) / n
        between = math.fsum(m * (mean - grand) ** 2 for m, mean, _ in moments)
    if within + between == 0.0:
        return None
    return 1.0 - (n - 1) / n * math.fsum(m * ss / (m - 1) for m, _, ss in moments) / (within + between)


@settings(deadline=None)
@given(units=st.lists(st.lists(st.floats(min_value=-1e6, max_value=1e6), max_size=5), max_size=12),
       seed=st.integers(0, 1000))
def test_agreement_of_equals_both_coefficients_whatever_the_order(units: list[list[float]], seed: int) -> None:
    """One pass for both coefficients, moments remembered per set of values: the same floats, bit
    for bit, as each coefficient on its own, in any order of units and of values within them."""
    alpha, icc = agreement_of(units)
    assert alpha == _alpha_by_the_formula(units)
    assert alpha == krippendorff_alpha_interval({i: dict(enumerate(u)) for i, u in enumerate(units)})
    assert icc == icc_oneway(dict(enumerate(units)))
    shuffled = [random.Random(seed + i).sample(u, len(u)) for i, u in enumerate(units)]
    random.Random(seed).shuffle(shuffled)
    assert agreement_of(shuffled) == (alpha, icc)


@settings(deadline=None)
@given(units=unit_tables)
def test_alpha_at_most_one(units: dict[int, dict[str, float]]) -> None:
    alpha = krippendorff_alpha_interval(units)
    assume(alpha is not None)
    assert alpha <= 1.0 + 1e-12


@settings(deadline=None)
@given(
    units=st.dictionaries(
        keys=st.integers(0, 50),
        values=st.lists(scores, min_size=2, max_size=5),
        min_size=2,
        max_size=15,
    )
)
def test_icc_mean_of_k_at_least_single_rater_when_positive(units: dict[int, list[float]]) -> None:
    result = icc_oneway(units)
    assert result.k >= 2.0
    assume(result.icc_1_1 is not None and result.icc_1_1 > 0)
    assert result.icc_1_k is not None
    assert result.icc_1_k >= result.icc_1_1 - 1e-12


@settings(deadline=None)
@given(
    units=unit_tables.filter(lambda t: any(len(v) >= 2 for v in t.values())),
)
def test_leniency_deviations_cancel_out(units: dict[int, dict[str, float]]) -> None:
    # Within a unit, each juror's deviation from the others' mean sums to zero over its jurors,
    # so the count-weighted mean deviations of all jurors sum to zero.
    ratings = [(juror, unit, v) for unit, vals in units.items() for juror, v in vals.items()]
    profile = leniency_profile(ratings)
    weighted = sum(p.n_units * p.mean_deviation for p in profile.values() if p.n_units)
    assert weighted == pytest.approx(0.0, abs=1e-9)
    for p in profile.values():
        if p.n_units:
            assert abs(p.mean_deviation) <= p.mean_abs_deviation + 1e-12


# ---------------------------------------------------------------- national scale


def _national_edition(seed: int = 2024) -> list[tuple[str, tuple[int, int], float]]:
    """2,000 dossiers x 12 criteria x 3 jurors out of 60: 72,000 (juror, unit, points) ratings."""
    rng = random.Random(seed)
    jurors = [f"J{i:02d}" for i in range(60)]
    leniency = {j: rng.gauss(0, 0.7) for j in jurors}
    ratings = []
    for dossier in range(2000):
        quality = rng.uniform(2, 8)
        panel = rng.sample(jurors, 3)
        for criterion in range(12):
            for juror in panel:
                points = quality + leniency[juror] + rng.gauss(0, 1.2)
                ratings.append((juror, (dossier, criterion), float(min(10, max(0, round(points))))))
    return ratings


def test_national_scale_timing() -> None:
    ratings = _national_edition()
    assert len(ratings) == 72_000
    units = units_from_ratings(ratings)
    by_unit = {unit: list(vals.values()) for unit, vals in units.items()}

    started = time.perf_counter()
    alpha = krippendorff_alpha_interval(units)
    alpha_seconds = time.perf_counter() - started

    started = time.perf_counter()
    icc = icc_oneway(by_unit)
    icc_seconds = time.perf_counter() - started

    started = time.perf_counter()
    profile = leniency_profile(ratings)
    leniency_seconds = time.perf_counter() - started

    print(
        f"\n72,000 ratings, {len(units)} units: alpha = {alpha:.4f} in {alpha_seconds * 1000:.1f} ms; "
        f"ICC(1,1) = {icc.icc_1_1:.4f}, ICC(1,3) = {icc.icc_1_k:.4f} in {icc_seconds * 1000:.1f} ms; "
        f"leniency of {len(profile)} jurors in {leniency_seconds * 1000:.1f} ms"
    )
    assert icc.n_targets == 24_000 and icc.k == 3.0
    assert alpha is not None and 0 < alpha < 1
    assert len(profile) == 60
    assert all(p.n_units > 0 for p in profile.values())
