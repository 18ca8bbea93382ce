"""Aggregating the jurors' scores: per criterion, per stage, the weighted total, certification, ranking.

Decisions the printed results depend on:

- **Every score present counts**, whether or not the juror has marked the dossier complete: points
  given to a criterion are the juror's considered opinion even while other criteria are still open.
  How many jurors finished the dossier is shown beside the result (``complete_jurors``) and gates
  certification. A recused juror's scores on that dossier are ignored (packages cannot carry them;
  this is a second guard).
- **A criterion's value is the mean** of its jurors' points; ``statistics.summarize`` adds the median,
  trimmed mean, standard deviation and spread for display. A stage subtotal is the sum of its
  criteria's means; its percentage is Σ weight × mean / Σ weight × max × 100, and the weighted total
  is the same over every criterion. Both are computed with exact fractions, so a threshold or a tie
  is decided exactly, never by floating-point noise.
- **A criterion nobody scored** leaves its stage and the total undefined (None): such a dossier is
  neither ranked nor certified. It is never counted as 0 points.
- **Certification** follows ``edition.certification_rule``: the total and each listed stage at or
  above their thresholds (in %). A dossier with fewer than ``MIN_COMPLETE_JURORS`` (2) jurors who
  marked it complete is INCOMPLETE — not certified, whatever its numbers — because one juror's
  opinion is not a Kapituła's.
- **Disagreement**: a criterion's spread above ``threshold × max_points`` (0.3 by default).
- **Ranking per category** by total % (descending), ties broken by stage II %; dossiers equal on both
  share a place ("1, 2, 2, 4") and are listed by name in Polish alphabetical order. Dossiers without
  a total follow, without a place. Incomplete dossiers are ranked and flagged, not hidden.
- **A juror's own total** on a dossier (used for leniency and normalisation) exists only where the
  juror scored every criterion of it; it is that juror's weighted total %.
"""

from __future__ import annotations

import math
import unicodedata
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from fractions import Fraction
from functools import lru_cache
from operator import mul

from juror_app.domain.model import Criterion, DossierStatus, Edition, StageId
from juror_app.domain.normalisation import zscore_normalise
from juror_app.domain.statistics import Summary, is_disagreement, summarize

DEFAULT_DISAGREEMENT_THRESHOLD = 0.3
MIN_COMPLETE_JURORS = 2


class Certification(str, Enum):
    CERTIFIED = "certified"
    NOT_CERTIFIED = "not_certified"
    INCOMPLETE = "incomplete"


CERTIFICATION_NAMES = {
    Certification.CERTIFIED: ("certyfikat", "certified"),
    Certification.NOT_CERTIFIED: ("bez certyfikatu", "not certified"),
    Certification.INCOMPLETE: (
        f"ocena niekompletna (mniej niż {MIN_COMPLETE_JURORS} ukończone oceny)",
        f"incomplete (fewer than {MIN_COMPLETE_JURORS} complete assessments)",
    ),
}


@dataclass(frozen=True)
class DossierInfo:
    """What ranking needs to know about a dossier besides its scores."""

    dossier_id: str
    category_id: str
    name: str


@dataclass(frozen=True)
class CriterionResult:
    criterion_id: str
    points: tuple[tuple[str, float], ...]  # (juror id, points), by juror id
    summary: Summary
    disagreement: bool


@dataclass(frozen=True)
class StageResult:
    stage: str
    points: float | None  # sum of the stage's criteria's mean points
    max_points: float  # sum of the stage's criteria's maximum points
    percent: float | None  # weighted, 0–100


@dataclass(frozen=True)
class DossierResult:
    dossier_id: str
    category_id: str
    name: str
    criteria: tuple[CriterionResult, ...]  # in the edition's order of criteria
    stages: tuple[StageResult, ...]
    total_percent: float | None
    scoring_jurors: int  # jurors with at least one score on the dossier
    complete_jurors: int
    certification: Certification

    def stage(self, stage: str) -> StageResult | None:
        return next((s for s in self.stages if s.stage == stage), None)

    @property
    def disagreements(self) -> tuple[str, ...]:
        return tuple(c.criterion_id for c in self.criteria if c.disagreement)


@dataclass(frozen=True)
class Placed:
    """One line of a ranking; ``place`` is None for a dossier without a value."""

    dossier_id: str
    name: str
    place: int | None
    value: float | None
    tie_break: float | None


Rating = tuple[str, str, str, float]  # (juror id, dossier id, criterion id, points)


# Points lie on each criterion's step grid, so a national edition's 24,000 (dossier, criterion) sets of
# 3–5 scores hold only a few thousand distinct sorted tuples: summaries and exact means are computed
# once per tuple (statistics' exact means cost tens of microseconds each).
@lru_cache(maxsize=65536)
def _summary_of(values: tuple[float, ...]) -> Summary:
    return summarize(values)


@lru_cache(maxsize=65536)
def _exact_mean(values: tuple[float, ...]) -> tuple[int, int]:
    """The mean as an exact (numerator, denominator) pair (floats are exact binary fractions)."""
    total = _exact_sum(v.as_integer_ratio() for v in values)
    return total.numerator, total.denominator * len(values)


def _exact_ratio(terms: Iterable[tuple[int, int]]) -> tuple[int, int]:
    """Σ n/d exactly, as a (numerator, positive denominator) pair, not normalised."""
    num, den = 0, 1
    for n, d in terms:
        if d == den:
            num += n
        else:
            num, den = num * d + n * den, den * d
    return num, den


def _exact_sum(terms: Iterable[tuple[int, int]]) -> Fraction:
    """Σ n/d exactly, normalised once at the end (``Fraction`` normalises after every step: far slower)."""
    return Fraction(*_exact_ratio(terms))


_Term = tuple[str, int, int, int, int]  # criterion id, weight and maximum as integer ratios


def _terms(criteria: Iterable[Criterion]) -> list[_Term]:
    return [(c.id, *c.weight.as_integer_ratio(), *c.max_points.as_integer_ratio()) for c in criteria]


@dataclass(frozen=True)
class _Part:
    """A stage's criteria, or all of them, with what every dossier's percentage of them shares."""

    criterion_ids: tuple[str, ...]
    weights: tuple[tuple[str, int, int], ...]  # criterion id, weight as an integer ratio
    maximum: Fraction | None  # Σ weight × maximum points, exactly; None when it is 0
    max_points: float  # Σ maximum points, for display


def _part(criteria: Sequence[Criterion]) -> _Part:
    terms = _terms(criteria)
    maximum = _exact_sum((wn * mn, wd * md) for _, wn, wd, mn, md in terms)
    return _Part(tuple(c.id for c in criteria), tuple((cid, wn, wd) for cid, wn, wd, _, _ in terms),
                 maximum if maximum != 0 else None, float(sum(c.max_points for c in criteria)))


@dataclass(frozen=True)
class _Plan:
    """What aggregating any dossier of an edition needs from it, worked out once per edition."""

    criteria: tuple[tuple[str, float], ...]  # (id, maximum points) in the edition's order
    stages: tuple[tuple[str, _Part], ...]  # (stage id, its part) in the edition's order
    total: _Part
    stages_cover_criteria: bool  # every criterion in exactly one stage: the total's sum is the stages' sums'


def _plan(edition: Edition) -> _Plan:
    stages = tuple((s.id.value, _part(edition.criteria_of_stage(s.id))) for s in edition.stages)
    in_stages = sorted(cid for _, part in stages for cid in part.criterion_ids)
    return _Plan(tuple((c.id, c.max_points) for c in edition.criteria), stages, _part(edition.criteria),
                 in_stages == sorted(c.id for c in edition.criteria))


def _weighted_sum(part: _Part, means: Mapping[str, tuple[int, int]]) -> tuple[int, int] | None:
    """Σ weight × mean over the part's criteria, exactly; None when a criterion has no mean."""
    if any(cid not in means for cid in part.criterion_ids):
        return None
    return _exact_ratio((wn * means[cid][0], wd * means[cid][1]) for cid, wn, wd in part.weights)


def _percent(part: _Part, weighted: tuple[int, int] | None) -> Fraction | None:
    """Σ weight × mean / Σ weight × max × 100, exactly; None without a weighted sum or a maximum."""
    if weighted is None or part.maximum is None:
        return None
    num, den = weighted
    return Fraction(num * 100 * part.maximum.denominator, den * part.maximum.numerator)  # (num/den) × 100 / maximum


@lru_cache(maxsize=65536)
def _criterion_stats(values: tuple[float, ...], max_points: float,
                     threshold: float) -> tuple[Summary, tuple[int, int] | None, bool]:
    """Summary, exact mean (None without values) and disagreement of one sorted set of points."""
    summary = _summary_of(values)
    return (summary, _exact_mean(values) if values else None,
            is_disagreement(summary, max_points=max_points, threshold_fraction=threshold))


def certify(edition: Edition, total: Fraction | float | None, stage_percents: Mapping[str, Fraction | float | None],
            complete_jurors: int, *, min_complete: int = MIN_COMPLETE_JURORS) -> Certification:
    """Apply the edition's certification rule (thresholds inclusive) to one dossier."""
    if complete_jurors < min_complete:
        return Certification.INCOMPLETE
    rule = edition.certification_rule
    if total is None or Fraction(total) < Fraction(rule.total_pct_min):
        return Certification.NOT_CERTIFIED
    for stage, minimum in rule.stage_pct_min.items():
        value = stage_percents.get(stage)
        if value is None or Fraction(value) < Fraction(minimum):
            return Certification.NOT_CERTIFIED
    return Certification.CERTIFIED


def dossier_result(edition: Edition, dossier: DossierInfo, points: Mapping[str, Mapping[str, float]],
                   *, complete_jurors: int, threshold: float = DEFAULT_DISAGREEMENT_THRESHOLD) -> DossierResult:
    """Aggregate one dossier; ``points`` maps criterion id → {juror id: points}."""
    return _dossier_result(edition, _plan(edition), dossier, points, complete_jurors, threshold)


def _dossier_result(edition: Edition, plan: _Plan, dossier: DossierInfo, points: Mapping[str, Mapping[str, float]],
                    complete_jurors: int, threshold: float) -> DossierResult:
    criteria_results = []
    means: dict[str, tuple[int, int]] = {}
    jurors: set[str] = set()
    for criterion_id, max_points in plan.criteria:
        by_juror = points.get(criterion_id, {})
        jurors.update(by_juror)
        summary, mean, disagreement = _criterion_stats(tuple(sorted(map(float, by_juror.values()))), max_points, threshold)
        if mean is not None:
            means[criterion_id] = mean
        criteria_results.append(CriterionResult(criterion_id, tuple(sorted(by_juror.items())), summary, disagreement))
    stages = []
    exact_stage: dict[str, Fraction | None] = {}
    weighted_sums = []
    for stage_id, part in plan.stages:
        weighted = _weighted_sum(part, means)
        percent = _percent(part, weighted)
        exact_stage[stage_id] = percent
        subtotal = None
        if weighted is not None:  # every criterion of the stage has a mean
            num, den = _exact_ratio(means[cid] for cid in part.criterion_ids)
            subtotal = num / den  # int / int is correctly rounded: float(Fraction(num, den))
        stages.append(StageResult(stage_id, subtotal, part.max_points, None if percent is None else float(percent)))
        weighted_sums.append(weighted)
    if plan.stages_cover_criteria:
        total = _percent(plan.total, None if None in weighted_sums else _exact_ratio(weighted_sums))
    else:
        total = _percent(plan.total, _weighted_sum(plan.total, means))
    return DossierResult(
        dossier_id=dossier.dossier_id, category_id=dossier.category_id, name=dossier.name,
        criteria=tuple(criteria_results), stages=tuple(stages),
        total_percent=None if total is None else float(total),
        scoring_jurors=len(jurors), complete_jurors=complete_jurors,
        certification=certify(edition, total, exact_stage, complete_jurors),
    )


def score_dossiers(edition: Edition, dossiers: Iterable[DossierInfo], ratings: Iterable[Rating],
                   statuses: Iterable[tuple[str, str, DossierStatus]], *,
                   threshold: float = DEFAULT_DISAGREEMENT_THRESHOLD) -> list[DossierResult]:
    """Aggregate every dossier (in the order given) from (juror, dossier, criterion, points) ratings."""
    recused: set[tuple[str, str]] = set()
    complete: dict[str, int] = {}
    for juror_id, dossier_id, status in statuses:
        if status is DossierStatus.RECUSED:
            recused.add((juror_id, dossier_id))
        elif status is DossierStatus.COMPLETE:
            complete[dossier_id] = complete.get(dossier_id, 0) + 1
    grouped: defaultdict[str, defaultdict[str, dict[str, float]]] = defaultdict(lambda: defaultdict(dict))
    for juror_id, dossier_id, criterion_id, value in ratings:  # 62,000 at national scale: no setdefault({})
        if (juror_id, dossier_id) not in recused:
            grouped[dossier_id][criterion_id][juror_id] = float(value)
    plan = _plan(edition)
    return [
        _dossier_result(edition, plan, d, grouped.get(d.dossier_id, {}), complete.get(d.dossier_id, 0), threshold)
        for d in dossiers
    ]


# --- ranking ---------------------------------------------------------------------------------

_POLISH = "aąbcćdeęfghijklłmnńoóprsśtuvwxyzźż"
_POLISH_RANK = {ch: i for i, ch in enumerate(_POLISH)}


@lru_cache(maxsize=8192)  # the same names are ranked raw and normalised, and again at every refresh
def polish_sort_key(text: str) -> tuple:
    """Order names as a Polish reader expects (ą after a, ł after l, ż last), case-insensitively."""
    key = []
    for ch in text.casefold():
        if ch in _POLISH_RANK:
            key.append((1, _POLISH_RANK[ch]))
            continue
        base = unicodedata.normalize("NFD", ch)[0]
        key.append((1, _POLISH_RANK[base]) if base in _POLISH_RANK else (2 if ch.isalnum() else 0, ord(ch)))
    return tuple(key), text


def rank(entries: Iterable[tuple[str, str, float | None, float | None]]) -> list[Placed]:
    """Rank (dossier id, name, value, tie-break) entries: higher first, equal pairs share a place.

    Entries equal on value and tie-break get the same place, and the next place skips ("1, 2, 2, 4");
    they are listed by name. Entries without a value come last, without a place.
    """
    items = list(entries)
    valued = [e for e in items if e[2] is not None]
    valued.sort(key=lambda e: (-e[2], math.inf if e[3] is None else -e[3], polish_sort_key(e[1]), e[0]))
    result: list[Placed] = []
    for index, (dossier_id, name, value, tie_break) in enumerate(valued):
        previous = result[-1] if result else None
        same = previous is not None and previous.value == value and previous.tie_break == tie_break
        result.append(Placed(dossier_id, name, previous.place if same else index + 1, value, tie_break))
    rest = sorted((e for e in items if e[2] is None), key=lambda e: (polish_sort_key(e[1]), e[0]))
    result.extend(Placed(d, n, None, None, t) for d, n, _, t in rest)
    return result


def rank_by_category(results: Iterable[DossierResult]) -> dict[str, list[Placed]]:
    """Raw ranking per category: weighted total %, ties broken by stage II %."""
    by_category: dict[str, list[DossierResult]] = {}
    for r in results:
        by_category.setdefault(r.category_id, []).append(r)
    ranking = {}
    for category_id, members in by_category.items():
        ranking[category_id] = rank(
            (r.dossier_id, r.name, r.total_percent, getattr(r.stage(StageId.II.value), "percent", None)) for r in members
        )
    return ranking


def to_discuss(results: Iterable[DossierResult]) -> list[tuple[str, CriterionResult]]:
    """Every (dossier, criterion) where the jurors disagree, in dossier and criterion order."""
    return [(r.dossier_id, c) for r in results for c in r.criteria if c.disagreement]


# --- each juror's own totals: leniency and normalisation -------------------------------------

def juror_totals(edition: Edition, ratings: Iterable[Rating]) -> dict[tuple[str, str], float]:
    """(juror, dossier) → the juror's weighted total %, where the juror scored every criterion.

    Plain floating point (``math.fsum``): these feed leniency and normalisation, which are floating
    point themselves; no threshold or tie is decided on them.
    """
    by_pair: defaultdict[tuple[str, str], dict[str, float]] = defaultdict(dict)
    for juror_id, dossier_id, criterion_id, value in ratings:
        by_pair[juror_id, dossier_id][criterion_id] = float(value)
    maximum = math.fsum(c.weight * c.max_points for c in edition.criteria)
    ids = [c.id for c in edition.criteria]
    weights = [c.weight for c in edition.criteria]
    every = set(ids)
    totals = {}
    for pair in sorted(by_pair):
        points = by_pair[pair]
        if maximum > 0 and points.keys() >= every:  # scored every criterion
            totals[pair] = math.fsum(map(mul, weights, map(points.__getitem__, ids))) * 100 / maximum
    return totals


@dataclass(frozen=True)
class NormalisedTotal:
    dossier_id: str
    value: float  # mean of the jurors' normalised totals, in %
    jurors: int
    treatments: tuple[str, ...]  # per juror, as normalisation.zscore_normalise decided


def normalised_totals(totals: Mapping[tuple[Hashable, str], float]) -> dict[str, NormalisedTotal]:
    """Per dossier, the mean of its jurors' z-normalised totals (see ``normalisation``)."""
    values: dict[str, list[tuple[float, str]]] = {}
    for item in zscore_normalise((juror, dossier, total) for (juror, dossier), total in totals.items()):
        values.setdefault(item.unit, []).append((item.normalised, item.treatment))
    return {
        dossier_id: NormalisedTotal(dossier_id, math.fsum(v for v, _ in entries) / len(entries), len(entries),
                                    tuple(t for _, t in entries))
        for dossier_id, entries in values.items()
    }
