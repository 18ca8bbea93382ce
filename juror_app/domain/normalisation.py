"""Optional per-juror z-score normalisation, to offset lenient and strict jurors.

Each dossier has its own few jurors, so a lenient juror lifts the dossiers they happen to score.
Normalising puts every juror's scores on a common scale before averaging: for juror j with
sample mean m_j and sample standard deviation s_j, z = (x − m_j) / s_j, and the value reported is
pooled_mean + z × pooled_sd, where the pooled mean and sample standard deviation are taken over
all ratings given (all jurors, before normalisation), so the result reads in points again.

Two special cases, as implemented:

- ``"too_few"``: a juror with fewer than 2 ratings has no spread to divide by; their values are
  left unchanged (normalised = raw).
- ``"no_spread"``: a juror whose ratings are all equal (s_j = 0) is taken as z = 0 for every
  rating, so each normalised value is the pooled mean.

All other ratings have treatment ``"z"``. The pooled values include the ratings of jurors in
either special case. A juror's order of units is preserved (ties stay ties).
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

from juror_app.domain.agreement import units_from_ratings

TREATMENT_Z = "z"
TREATMENT_TOO_FEW = "too_few"
TREATMENT_NO_SPREAD = "no_spread"


@dataclass(frozen=True)
class NormalisedValue:
    """One rating before and after normalisation, with how it was treated."""

    juror: Hashable
    unit: Hashable
    raw: float
    normalised: float
    treatment: str  # "z", "too_few" or "no_spread" (see the module docstring)


def _mean_and_sd(values: Sequence[float]) -> tuple[float, float]:
    """Mean and sample standard deviation (n ≥ 2); the sd is exactly 0 when all values are equal."""
    if min(values) == max(values):
        return values[0], 0.0
    mean = math.fsum(values) / len(values)
    return mean, math.sqrt(math.fsum((x - mean) ** 2 for x in values) / (len(values) - 1))


def zscore_normalise(
    ratings: Iterable[tuple[Hashable, Hashable, float]],
) -> list[NormalisedValue]:
    """Normalise (juror, unit, value) triples per juror; the output follows the input order.

    One value per (juror, unit): a duplicate raises ``DuplicateRatingError`` (a ``ValueError``).
    """
    triples = list(ratings)
    units_from_ratings(triples)  # validates: finite values, no duplicate (juror, unit)
    raw = [float(value) for _, _, value in triples]
    if not raw:
        return []

    by_juror: dict[Hashable, list[float]] = {}
    for (juror, _, _), value in zip(triples, raw):
        by_juror.setdefault(juror, []).append(value)
    juror_scale = {
        juror: _mean_and_sd(values) for juror, values in by_juror.items() if len(values) >= 2
    }
    pooled_mean, pooled_sd = _mean_and_sd(raw) if len(raw) >= 2 else (raw[0], 0.0)

    result = []
    for (juror, unit, _), value in zip(triples, raw):
        scale = juror_scale.get(juror)
        if scale is None:
            result.append(NormalisedValue(juror, unit, value, value, TREATMENT_TOO_FEW))
        elif scale[1] == 0.0:
            result.append(NormalisedValue(juror, unit, value, pooled_mean, TREATMENT_NO_SPREAD))
        else:
            z = (value - scale[0]) / scale[1]
            normalised = pooled_mean + z * pooled_sd
            result.append(NormalisedValue(juror, unit, value, normalised, TREATMENT_Z))
    return result
