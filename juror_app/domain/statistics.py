"""Descriptive statistics of one set of scores (for example the 3–5 jurors' points on one criterion).

The organizer looks at these per dossier and criterion to see the typical score and whether the
jurors disagree enough to discuss it at the meeting. Means are computed exactly (``statistics.mean``
converts to fractions and rounds once), so a mean always lies between the smallest and largest
score and a set of equal scores has exactly that score as its mean.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Summary:
    """What a table row or a chart needs to know about one set of scores."""

    n: int
    mean: float | None
    median: float | None
    trimmed_mean: float | None  # drops one highest and one lowest when n >= 4, else equals mean
    sd: float | None  # sample standard deviation (n - 1); None when n < 2
    minimum: float | None
    maximum: float | None
    spread: float | None  # maximum - minimum (the "range"); None when n == 0


def finite_floats(values: Iterable[float]) -> list[float]:
    """Return the values as floats; a NaN or infinity is a bug upstream, so refuse it loudly."""
    result = [float(v) for v in values]
    for v in result:
        if not math.isfinite(v):
            raise ValueError(f"score must be a finite number, got {v!r}")
    return result


def trimmed_mean(values: Sequence[float]) -> float | None:
    """Mean without the single highest and single lowest score once there are at least four.

    With three scores dropping two would leave one juror's opinion, so the plain mean is kept.
    None for no values.
    """
    data = finite_floats(values)
    if not data:
        return None
    if len(data) < 4:
        return float(statistics.mean(data))
    data.sort()
    return float(statistics.mean(data[1:-1]))


def summarize(values: Iterable[float]) -> Summary:
    """Summarise a set of scores; every field that needs more values than given is None."""
    data = sorted(finite_floats(values))
    n = len(data)
    if n == 0:
        return Summary(0, None, None, None, None, None, None, None)
    mean = float(statistics.mean(data))
    return Summary(
        n=n,
        mean=mean,
        median=float(statistics.median(data)),
        trimmed_mean=float(statistics.mean(data[1:-1])) if n >= 4 else mean,
        sd=float(statistics.stdev(data)) if n >= 2 else None,
        minimum=data[0],
        maximum=data[-1],
        spread=data[-1] - data[0],
    )


def is_disagreement(summary: Summary, *, max_points: float, threshold_fraction: float) -> bool:
    """True when the jurors' scores are further apart than ``threshold_fraction`` of the scale.

    Example: with ``max_points=10`` and ``threshold_fraction=0.3`` a spread above 3 points is a
    disagreement. A spread equal to the threshold (up to floating-point rounding, so that
    0.1 × 30 counts as 3) is not. A single score (or none) cannot disagree: False.
    """
    if not (math.isfinite(max_points) and max_points > 0):
        raise ValueError(f"max_points must be a positive number, got {max_points!r}")
    if not (math.isfinite(threshold_fraction) and threshold_fraction >= 0):
        raise ValueError(f"threshold_fraction must be zero or more, got {threshold_fraction!r}")
    if summary.n < 2 or summary.spread is None:
        return False
    threshold = threshold_fraction * max_points
    if math.isclose(summary.spread, threshold, rel_tol=1e-9, abs_tol=1e-12 * max_points):
        return False
    return summary.spread > threshold
