"""How far the jurors agree: Krippendorff's alpha (interval), one-way ICC, and each juror's leniency.

The design is incomplete: each dossier has its own 3–5 jurors out of the whole Kapituła, so a
"unit" (a dossier, or a dossier × criterion) is rated by a different set of jurors each time. Both
reliability coefficients used here accept that design; both are computed from per-unit moments
(count, mean, sum of squared deviations) gathered in one pass, so 72,000 scores take a fraction of
a second and no list of value pairs is ever built.

Shared identity used by both coefficients, for the units that have at least two values:
``SS_total = Σ_u SS_u + Σ_u m_u (mean_u − grand mean)²`` (within + between units).
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from typing import NamedTuple

from juror_app.domain.errors import ValidationError


class DuplicateRatingError(ValidationError, ValueError):
    """The same juror has two values for the same unit: the data were merged wrongly.

    A ``ValueError`` for callers that treat it as a programming error, and a ``UserError`` (with a
    Polish and English message) for the organizer's merge dialog.
    """


class _UnitMoments(NamedTuple):  # a tuple: 48,000 of them are made for one edition's agreement table
    count: int
    mean: float
    sum_sq: float  # Σ (x − unit mean)²


def _finite(value: float) -> float:
    x = float(value)
    if not math.isfinite(x):
        raise ValueError(f"score must be a finite number, got {value!r}")
    return x


def _moments(values: Sequence[float]) -> _UnitMoments:
    """Count, mean and within-unit sum of squares; exactly 0 when all values are equal."""
    count = len(values)
    if min(values) == max(values):
        return _UnitMoments(count, values[0], 0.0)
    return _spread_moments(tuple(sorted(values)))


# Points lie on a step grid, so an edition's 24,000 units hold a few thousand distinct sets of values.
# ``fsum`` is exact, so the moments depend only on the set, not on its order: one computation per set.
@lru_cache(maxsize=65536)
def _spread_moments(values: tuple[float, ...]) -> _UnitMoments:
    mean = math.fsum(values) / len(values)
    return _UnitMoments(len(values), mean, math.fsum((x - mean) ** 2 for x in values))


def _pairable_moments(groups: Iterable[Sequence[float]]) -> list[_UnitMoments]:
    """Moments of every group with at least two values (others cannot be compared)."""
    result = []
    for group in groups:
        values = list(map(float, group))
        if not all(map(math.isfinite, values)):
            values = [_finite(v) for v in group]  # raises, naming the value as given
        if len(values) >= 2:
            result.append(_moments(values))
    return result


def _between_sum_sq(moments: Sequence[_UnitMoments], total: int) -> float:
    """Σ m_u (mean_u − grand mean)²; exactly 0 when all unit means are equal."""
    first = moments[0].mean
    if all(m.mean == first for m in moments):
        return 0.0
    grand = math.fsum(m.count * m.mean for m in moments) / total
    return math.fsum(m.count * (m.mean - grand) ** 2 for m in moments)


def units_from_ratings(
    ratings: Iterable[tuple[Hashable, Hashable, float]],
) -> dict[Hashable, dict[Hashable, float]]:
    """Group (juror, unit, value) triples as unit -> {juror: value}, refusing duplicates."""
    units: dict[Hashable, dict[Hashable, float]] = {}
    for juror, unit, value in ratings:
        by_juror = units.setdefault(unit, {})
        if juror in by_juror:
            raise DuplicateRatingError(
                "duplicate_rating",
                pl=f"Juror {juror!r} ma dwie oceny dla {unit!r}. Scalanie danych jest błędne: "
                "zaimportuj pakiety ponownie lub zgłoś błąd.",
                en=f"Juror {juror!r} has two scores for {unit!r}. The merged data are wrong: "
                "import the packages again or report the bug.",
                juror=juror,
                unit=unit,
            )
        by_juror[juror] = _finite(value)
    return units


def krippendorff_alpha_interval(
    units: Mapping[Hashable, Mapping[Hashable, float]],
) -> float | None:
    """Krippendorff's alpha for interval data, with missing values (incomplete designs).

    ``units`` maps unit id -> {coder id: value}; a missing value is simply absent. Units with
    fewer than two values are not pairable and are ignored. Returns None when alpha is undefined:
    no pairable unit, or no variation at all among the pairable values (expected disagreement 0).

    With n pairable values, m_u values in unit u and the squared-difference metric, the sums over
    ordered pairs of the coincidence matrix reduce to per-unit moments:
    observed disagreement D_o = (2/n) Σ_u m_u SS_u / (m_u − 1),
    expected disagreement D_e = 2 SS_total / (n − 1), and alpha = 1 − D_o / D_e.
    """
    return _alpha(_pairable_moments(unit.values() for unit in units.values()))


def _alpha(moments: Sequence[_UnitMoments]) -> float | None:
    if not moments:
        return None
    n = sum(m.count for m in moments)
    within = math.fsum(m.sum_sq for m in moments)
    total = within + _between_sum_sq(moments, n)
    if total == 0.0:
        return None  # every pairable value is the same: nothing to disagree about
    observed = math.fsum(m.count * m.sum_sq / (m.count - 1) for m in moments)
    return 1.0 - (n - 1) / n * observed / total


@dataclass(frozen=True)
class IccResult:
    """One-way random-effects ICC (Shrout & Fleiss 1979, case 1) and the ANOVA behind it."""

    icc_1_1: float | None  # Shrout & Fleiss ICC(1,1), single rater
    icc_1_k: float | None  # ICC(1,k), mean of k raters
    k: float  # raters per target used: k when balanced, else k0 (see icc_oneway)
    n_targets: int
    ms_between: float | None
    ms_within: float | None


def icc_oneway(units: Mapping[Hashable, Sequence[float]]) -> IccResult:
    """One-way ICC: each target rated by its own set of raters (the Kapituła's design).

    Targets with fewer than two ratings are left out. With g targets, N ratings and n_i ratings
    of target i: MS_between = SS_between / (g − 1), MS_within = SS_within / (N − g),
    ICC(1,1) = (MS_b − MS_w) / (MS_b + (k − 1) MS_w), ICC(1,k) = (MS_b − MS_w) / MS_b.

    ``k`` is the number of ratings per target when every target has the same number; otherwise
    the adjusted mean group size k0 = (N − Σ n_i² / N) / (g − 1) (which equals k for balanced
    data), and ICC(1,k) is then the reliability of the mean of k0 ratings. With one target k is
    its number of ratings; with none, 0.

    Undefined cases:
    - fewer than 2 targets: both ICCs and MS_between are None (MS_within is given for 1 target);
    - MS_within = 0 and MS_between > 0 (raters agree exactly on every target): both ICCs are 1.0;
    - MS_within = 0 and MS_between = 0 (all ratings equal): both ICCs are None;
    - MS_between = 0 and MS_within > 0: ICC(1,1) = −1 / (k − 1), its lower bound, and ICC(1,k)
      is None (it would be minus infinity).
    """
    return _icc(_pairable_moments(units.values()))


def _icc(moments: Sequence[_UnitMoments]) -> IccResult:
    g = len(moments)
    if g == 0:
        return IccResult(None, None, 0.0, 0, None, None)
    total = sum(m.count for m in moments)
    within = math.fsum(m.sum_sq for m in moments)
    ms_within = within / (total - g)
    if g == 1:
        return IccResult(None, None, float(total), 1, None, ms_within)
    k0 = float(Fraction(total * total - sum(m.count**2 for m in moments), total * (g - 1)))
    ms_between = _between_sum_sq(moments, total) / (g - 1)
    if ms_within == 0.0 and ms_between == 0.0:
        return IccResult(None, None, k0, g, ms_between, ms_within)
    icc_1_1 = (ms_between - ms_within) / (ms_between + (k0 - 1) * ms_within)
    icc_1_k = None if ms_between == 0.0 else (ms_between - ms_within) / ms_between
    return IccResult(icc_1_1, icc_1_k, k0, g, ms_between, ms_within)


def agreement_of(units: Iterable[Sequence[float]]) -> tuple[float | None, IccResult]:
    """Krippendorff's alpha and the one-way ICC of the same units, given as each unit's values.

    What an agreement table shows per criterion: equal to ``krippendorff_alpha_interval`` and
    ``icc_oneway`` of those units, with the per-unit moments both need gathered once.
    """
    moments = _pairable_moments(units)
    return _alpha(moments), _icc(moments)


@dataclass(frozen=True)
class Leniency:
    """How a juror scores compared with the co-jurors of the same units (positive: more lenient)."""

    juror: Hashable
    n_units: int  # units shared with at least one co-juror
    mean_deviation: float | None  # mean of (juror's value − mean of the other jurors' values)
    mean_abs_deviation: float | None


def leniency_profile(
    ratings: Iterable[tuple[Hashable, Hashable, float]],
) -> dict[Hashable, Leniency]:
    """Each juror's average deviation from the co-jurors on the units they share.

    ``ratings`` are (juror, unit, value) triples with one value per (juror, unit);
    a duplicate raises :class:`DuplicateRatingError` (a ``ValueError``). Every juror seen appears
    in the result, in order of first appearance; a juror who never shares a unit has
    ``n_units = 0`` and None deviations.
    """
    triples = list(ratings)
    units = units_from_ratings(triples)
    order = dict.fromkeys(juror for juror, _, _ in triples)
    deviations: dict[Hashable, list[float]] = {}
    for by_juror in units.values():
        m = len(by_juror)
        if m < 2:
            continue
        unit_sum = math.fsum(by_juror.values())
        for juror, value in by_juror.items():
            others_mean = (unit_sum - value) / (m - 1)
            deviations.setdefault(juror, []).append(value - others_mean)
    profile: dict[Hashable, Leniency] = {}
    for juror in order:
        devs = deviations.get(juror, [])
        if not devs:
            profile[juror] = Leniency(juror, 0, None, None)
            continue
        profile[juror] = Leniency(
            juror=juror,
            n_units=len(devs),
            mean_deviation=math.fsum(devs) / len(devs),
            mean_abs_deviation=math.fsum(abs(d) for d in devs) / len(devs),
        )
    return profile
