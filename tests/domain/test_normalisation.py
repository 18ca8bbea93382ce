"""Per-juror z-score normalisation: hand-computed cases, the two special cases, properties."""

from __future__ import annotations

import math
import random
import statistics
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from juror_app.domain.agreement import DuplicateRatingError
from juror_app.domain.normalisation import NormalisedValue, zscore_normalise

TOL = 1e-9


def test_empty_input() -> None:
    assert zscore_normalise([]) == []


def test_hand_computed_two_jurors() -> None:
    # A gives 2, 4, 6 (mean 4, sd 2); B gives 7, 9 (mean 8, sd sqrt 2).
    # Pooled over 2, 4, 6, 7, 9: mean 5.6, squared deviations 12.96 + 2.56 + 0.16 + 1.96 + 11.56
    # = 29.2, sample sd sqrt(29.2 / 4) = sqrt(7.3).
    ratings = [("A", "u1", 2), ("A", "u2", 4), ("B", "u1", 7), ("A", "u3", 6), ("B", "u3", 9)]
    result = zscore_normalise(ratings)
    pooled_mean, pooled_sd = 5.6, math.sqrt(7.3)
    z_b = 1 / math.sqrt(2)
    expected = [
        ("A", "u1", 2.0, pooled_mean - pooled_sd),
        ("A", "u2", 4.0, pooled_mean),
        ("B", "u1", 7.0, pooled_mean - z_b * pooled_sd),
        ("A", "u3", 6.0, pooled_mean + pooled_sd),
        ("B", "u3", 9.0, pooled_mean + z_b * pooled_sd),
    ]
    assert [(v.juror, v.unit, v.raw) for v in result] == [e[:3] for e in expected]
    for value, (_, _, _, normalised) in zip(result, expected):
        assert value.treatment == "z"
        assert value.normalised == pytest.approx(normalised, abs=TOL)


def test_juror_with_one_rating_is_left_unchanged() -> None:
    result = zscore_normalise([("A", "u1", 2), ("A", "u2", 8), ("B", "u1", 9)])
    assert result[2] == NormalisedValue("B", "u1", 9.0, 9.0, "too_few")
    assert [v.treatment for v in result[:2]] == ["z", "z"]


def test_juror_without_spread_gets_pooled_mean() -> None:
    # Pooled over 2, 8, 5, 5: mean 5. C always gives 5.
    result = zscore_normalise([("A", "u1", 2), ("A", "u2", 8), ("C", "u1", 5), ("C", "u2", 5)])
    assert result[2] == NormalisedValue("C", "u1", 5.0, 5.0, "no_spread")
    assert result[3].treatment == "no_spread" and result[3].normalised == 5.0


def test_no_spread_uses_pooled_mean_not_own_mean() -> None:
    # Pooled over 0, 10, 9, 9: mean 7. C always gives 9, becomes 7.
    result = zscore_normalise([("A", "u1", 0), ("A", "u2", 10), ("C", "u1", 9), ("C", "u2", 9)])
    assert [v.normalised for v in result if v.juror == "C"] == [7.0, 7.0]


def test_lenient_and_strict_jurors_meet_on_one_scale() -> None:
    # Same opinion of the three units, B always two points higher: normalised values coincide.
    ratings = [("A", u, p) for u, p in (("u1", 3), ("u2", 5), ("u3", 7))]
    ratings += [("B", u, p + 2) for _, u, p in ratings]
    result = zscore_normalise(ratings)
    a_values = [v.normalised for v in result if v.juror == "A"]
    b_values = [v.normalised for v in result if v.juror == "B"]
    assert a_values == pytest.approx(b_values, abs=TOL)


def test_duplicate_and_non_finite_ratings_are_refused() -> None:
    with pytest.raises(DuplicateRatingError):
        zscore_normalise([("A", "u1", 2), ("A", "u1", 3)])
    with pytest.raises(ValueError):
        zscore_normalise([("A", "u1", 2), ("A", "u2", float("nan"))])


# ---------------------------------------------------------------- properties

half_points = st.integers(min_value=0, max_value=20).map(lambda i: i / 2)
rating_tables = st.dictionaries(
    keys=st.tuples(st.sampled_from("ABCDE"), st.integers(min_value=0, max_value=15)),
    values=half_points,
    min_size=1,
    max_size=40,
)


def _triples(table: dict[tuple[str, int], float]) -> list[tuple[str, int, float]]:
    return [(juror, unit, value) for (juror, unit), value in table.items()]


@settings(deadline=None)
@given(table=rating_tables)
def test_each_jurors_order_of_units_is_kept(table: dict[tuple[str, int], float]) -> None:
    result = zscore_normalise(_triples(table))
    for first in result:
        for second in result:
            if first.juror != second.juror:
                continue
            if first.raw < second.raw:
                assert first.normalised < second.normalised
            elif first.raw == second.raw:
                assert first.normalised == second.normalised


# Every juror has at least two ratings and not all equal: the "z" case throughout.
spread_tables = st.dictionaries(
    keys=st.sampled_from("ABCDE"),
    values=st.dictionaries(
        keys=st.integers(min_value=0, max_value=15), values=half_points, min_size=2, max_size=8
    ).filter(lambda by_unit: len(set(by_unit.values())) > 1),
    min_size=1,
    max_size=5,
).map(lambda by_juror: {(j, u): v for j, units in by_juror.items() for u, v in units.items()})


@settings(deadline=None)
@given(table=spread_tables)
def test_pooled_mean_kept_when_every_juror_is_normalised(
    table: dict[tuple[str, int], float],
) -> None:
    result = zscore_normalise(_triples(table))
    assert all(v.treatment == "z" for v in result)
    raw_mean = statistics.fmean(v.raw for v in result)
    assert statistics.fmean(v.normalised for v in result) == pytest.approx(raw_mean, abs=TOL)


@settings(deadline=None)
@given(table=rating_tables)
def test_output_follows_input_and_special_cases_as_documented(
    table: dict[tuple[str, int], float],
) -> None:
    triples = _triples(table)
    result = zscore_normalise(triples)
    assert [(v.juror, v.unit, v.raw) for v in result] == triples
    raw_values = [t[2] for t in triples]
    pooled_mean = statistics.fmean(raw_values)
    for value in result:
        own = [t[2] for t in triples if t[0] == value.juror]
        if len(own) < 2:
            assert (value.treatment, value.normalised) == ("too_few", value.raw)
        elif len(set(own)) == 1:
            assert value.treatment == "no_spread"
            assert value.normalised == pytest.approx(pooled_mean, abs=TOL)
        else:
            assert value.treatment == "z"


def test_national_scale_timing() -> None:
    rng = random.Random(7)
    jurors = [f"J{i:02d}" for i in range(60)]
    ratings = []
    for dossier in range(2000):
        for juror in rng.sample(jurors, 3):
            for criterion in range(12):
                ratings.append((juror, (dossier, criterion), float(rng.randint(0, 10))))
    started = time.perf_counter()
    result = zscore_normalise(ratings)
    seconds = time.perf_counter() - started
    print(f"\nz-score normalisation of {len(ratings):,} ratings: {seconds * 1000:.1f} ms")
    assert len(result) == 72_000
    assert all(v.treatment == "z" for v in result)
