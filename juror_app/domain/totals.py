"""One juror's totals for one dossier: points per stage and the weighted total as % of the maximum.

The weighted total gives each criterion ``weight × points / max_points``; dividing by the sum of
weights makes it a share of the maximum, so criteria on different scales (0–10, 0–5) count as the
edition intends.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from juror_app.domain.model import Edition, StageId


@dataclass(frozen=True)
class StageTotal:
    stage: StageId
    points: float
    max_points: float
    scored: int
    criteria: int

    @property
    def percent(self) -> float | None:
        return 100.0 * self.points / self.max_points if self.max_points else None


def stage_totals(edition: Edition, points: Mapping[str, float]) -> list[StageTotal]:
    """Points given so far per stage, against the stage's maximum."""
    result = []
    for stage in edition.stages:
        criteria = edition.criteria_of_stage(stage.id)
        scored = [c for c in criteria if c.id in points]
        result.append(StageTotal(stage.id, sum(points[c.id] for c in scored),
                                 sum(c.max_points for c in criteria), len(scored), len(criteria)))
    return result


def weighted_percent(edition: Edition, points: Mapping[str, float]) -> float | None:
    """The weighted total as % of the maximum; None until every criterion has points."""
    if any(c.id not in points for c in edition.criteria):
        return None
    weights = sum(c.weight for c in edition.criteria)
    if weights <= 0:
        return None
    return 100.0 * sum(c.weight * points[c.id] / c.max_points for c in edition.criteria) / weights
