"""Descriptive statistics of one set of scores: hand-computed cases and properties."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from juror_app.domain.statistics import (
    Summary,
    is_disagreement,
    summarize,
    trimmed_mean,
)

# Scores as jurors give them: whole or half points on a 0–10 scale (exact in binary floating point).
half_points = st.integers(min_value=0, max_value=20).map(lambda i: i / 2)
score_lists = st.lists(half_points, min_size=1, max_size=12)
TOL = 1e-9


def test_empty_set_has_only_a_count() -> None:
    assert summarize([]) == Summary(0, None, None, None, None, None, None, None)
    assert trimmed_mean([]) is None


def test_single_score() -> None:
    s = summarize([7])
    assert (s.n, s.mean, s.median, s.trimmed_mean, s.minimum, s.maximum) == (1, 7, 7, 7, 7, 7)
    assert s.sd is None
    assert s.spread == 0


def test_sd_of_two_and_four_is_root_two() -> None:
    # mean 3, squared deviations 1 + 1, divided by n - 1 = 1: variance 2.
    assert summarize([2, 4]).sd == pytest.approx(math.sqrt(2), abs=TOL)


def test_trimmed_mean_keeps_all_of_three_values() -> None:
    assert trimmed_mean([1, 2, 9]) == 4.0  # plain mean: (1 + 2 + 9) / 3


def test_trimmed_mean_drops_extremes_of_four_values() -> None:
    assert trimmed_mean([9, 1, 2, 4]) == 3.0  # drops 1 and 9: (2 + 4) / 2
    assert trimmed_mean([5, 5, 5, 0]) == 5.0  # drops one 0 and one 5


def test_summary_of_five_scores() -> None:
    s = summarize([8, 3, 10, 7, 7])
    assert s.n == 5
    assert s.mean == 7.0
    assert s.median == 7.0
    assert s.trimmed_mean == pytest.approx(22 / 3, abs=TOL)  # 7 + 7 + 8
    # deviations from 7: 1, -4, 3, 0, 0 -> sum of squares 26, / 4
    assert s.sd == pytest.approx(math.sqrt(26 / 4), abs=TOL)
    assert (s.minimum, s.maximum, s.spread) == (3.0, 10.0, 7.0)


def test_median_of_even_count_is_midpoint() -> None:
    assert summarize([1, 2, 4, 10]).median == 3.0


def test_non_finite_score_is_refused() -> None:
    with pytest.raises(ValueError):
        summarize([1.0, math.nan])
    with pytest.raises(ValueError):
        trimmed_mean([math.inf, 1.0, 2.0, 3.0])


def test_disagreement_threshold() -> None:
    # 30 % of 10 points = 3 points.
    assert is_disagreement(summarize([2, 6]), max_points=10, threshold_fraction=0.3)
    assert not is_disagreement(summarize([2, 5]), max_points=10, threshold_fraction=0.3)
    assert not is_disagreement(summarize([2, 4]), max_points=10, threshold_fraction=0.3)


def test_spread_equal_to_threshold_despite_rounding_is_not_disagreement() -> None:
    # 0.3 * 9 is 2.6999999999999997 in floating point; a spread of 2.7 must not count.
    assert 0.3 * 9 < 2.7
    at_threshold = Summary(2, 2.35, 2.35, 2.35, 1.9, 1.0, 3.7, 2.7)
    assert not is_disagreement(at_threshold, max_points=9, threshold_fraction=0.3)
    assert is_disagreement(summarize([1, 4]), max_points=9, threshold_fraction=0.3)


def test_fewer_than_two_scores_never_disagree() -> None:
    assert not is_disagreement(summarize([10]), max_points=10, threshold_fraction=0.0)
    assert not is_disagreement(summarize([]), max_points=10, threshold_fraction=0.0)


def test_disagreement_refuses_a_meaningless_scale() -> None:
    with pytest.raises(ValueError):
        is_disagreement(summarize([1, 2]), max_points=0, threshold_fraction=0.3)
    with pytest.raises(ValueError):
        is_disagreement(summarize([1, 2]), max_points=10, threshold_fraction=-0.1)


@settings(deadline=None)
@given(values=score_lists, data=st.data())
def test_summary_does_not_depend_on_order(values: list[float], data: st.DataObject) -> None:
    shuffled = data.draw(st.permutations(values))
    assert summarize(shuffled) == summarize(values)


@settings(deadline=None)
@given(values=score_lists)
def test_centres_lie_between_minimum_and_maximum(values: list[float]) -> None:
    s = summarize(values)
    assert s.minimum is not None and s.maximum is not None
    for centre in (s.mean, s.median, s.trimmed_mean):
        assert centre is not None
        assert s.minimum <= centre <= s.maximum
    assert s.spread == s.maximum - s.minimum


@settings(deadline=None)
@given(values=score_lists, shift=st.integers(min_value=-40, max_value=40).map(lambda i: i / 2))
def test_shift_moves_centres_and_keeps_dispersion(values: list[float], shift: float) -> None:
    before = summarize(values)
    after = summarize([v + shift for v in values])
    for name in ("mean", "median", "trimmed_mean", "minimum", "maximum"):
        assert getattr(after, name) == pytest.approx(getattr(before, name) + shift, abs=TOL)
    assert after.spread == pytest.approx(before.spread, abs=TOL)
    if before.sd is None:
        assert after.sd is None
    else:
        assert after.sd == pytest.approx(before.sd, abs=TOL)
