"""The organizer's results: completeness, scores per dossier and criterion, agreement, leniency,
optional normalisation, rankings, decisions — built from the merged data, and written as JSON or CSV.

Choices stated here (the aggregation rules themselves are in :mod:`juror_app.domain.scoring`):

- **Leniency** is measured on each juror's own weighted total % of a dossier (only dossiers the juror
  scored on every criterion), against the co-jurors of the same dossiers: one figure per juror, in
  percentage points, which is what the meeting discusses ("juror X scores 6 pp above the others").
- **Normalisation** (optional) z-scores those same juror totals per juror and rescales them to the
  pooled mean and standard deviation (``domain.normalisation``); a dossier's normalised total is the
  mean of its jurors' normalised totals. A juror with fewer than 2 totals keeps the raw values
  ("too_few"); a juror whose totals are all equal gets the pooled mean ("no_spread"). The raw and
  normalised rankings are shown side by side and ``place_changed`` marks where the place differs.
- **Output is stable**: every query is ordered, nothing depends on the clock, so the same data gives
  byte-identical JSON and CSV (the only timestamps are those stored in the data).
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from juror_app.domain.agreement import agreement_of, leniency_profile
from juror_app.domain.errors import ValidationError
from juror_app.domain.model import DossierStatus, Edition, StageId
from juror_app.domain.normalisation import zscore_normalise
from juror_app.domain.scoring import (
    CERTIFICATION_NAMES,
    CriterionResult,
    DossierInfo,
    DossierResult,
    juror_totals,
    normalised_totals,
    rank,
    rank_by_category,
    score_dossiers,
)
from juror_app.store.edition_tables import read_edition
from juror_app.store.organizer_schema import (
    ResultsLock,
    disagreement_threshold,
    results_lock,
)
from juror_app.workflows.gc_pause import gc_paused

MISSING = "missing"  # assigned, but no merged package covers the dossier yet
CELL_STATES = (MISSING, *(s.value for s in DossierStatus))
CELL_NAMES = {  # (pl, en) for the completeness matrix's cells
    MISSING: ("brak paczki", "no package"),
    DossierStatus.NOT_STARTED.value: ("nierozpoczęta", "not started"),
    DossierStatus.IN_PROGRESS.value: ("w toku", "in progress"),
    DossierStatus.COMPLETE.value: ("ukończona", "complete"),
    DossierStatus.RECUSED.value: ("wyłączenie", "recused"),
}


@dataclass(frozen=True)
class JurorProgress:
    juror_id: str
    name: str
    assigned: int
    counts: dict[str, int]  # every state in CELL_STATES → number of dossiers
    latest_revision: int | None  # of the merged package
    latest_created_at: str | None
    latest_imported_at: str | None


@dataclass(frozen=True)
class CriterionAgreement:
    criterion_id: str
    code: str
    dossiers: int  # dossiers with at least two jurors' points
    alpha: float | None  # Krippendorff's alpha, interval metric
    icc_1_1: float | None
    icc_1_k: float | None
    k: float


@dataclass(frozen=True)
class JurorLeniency:
    juror_id: str
    dossiers: int  # dossiers compared with co-jurors
    mean_deviation: float | None  # percentage points of the weighted total; positive = more lenient
    mean_abs_deviation: float | None
    normalisation: str | None  # "z", "too_few", "no_spread"; None without normalisation or totals


@dataclass(frozen=True)
class RankingRow:
    category_id: str
    dossier_id: str
    name: str
    place: int | None
    total_percent: float | None
    stage_ii_percent: float | None
    normalised_place: int | None
    normalised_percent: float | None
    place_changed: bool


@dataclass(frozen=True)
class DossierDecisions:
    dossier_id: str
    chosen: tuple[tuple[str, str, str, str], ...]  # (distinction, note, decided_at, decided_by)
    nominations: tuple[tuple[str, str, str, str], ...]  # (distinction, juror, reason, nominated_at)


@dataclass(frozen=True)
class Results:
    edition: Edition
    threshold: float
    normalised: bool
    lock: ResultsLock | None
    jurors: tuple[JurorProgress, ...]
    completeness: tuple[tuple[str, str, str], ...]  # (juror, dossier, state), by juror then dossier
    dossiers: tuple[DossierResult, ...]  # by dossier id
    rankings: tuple[RankingRow, ...]  # by category (edition order), then place
    agreement: tuple[CriterionAgreement, ...]
    leniency: tuple[JurorLeniency, ...]
    to_discuss: tuple[tuple[str, str], ...]  # (dossier, criterion)
    decisions: tuple[DossierDecisions, ...]  # dossiers with a nomination or a decision


def _completeness(db: Database) -> tuple[tuple[JurorProgress, ...], tuple[tuple[str, str, str], ...]]:
    statuses = {(j, d): s for j, d, s in db.execute("SELECT juror_id, dossier_id, status FROM dossier_statuses")}
    cells = tuple(
        (j, d, statuses.get((j, d), MISSING))
        for j, d in db.execute("SELECT juror_id, dossier_id FROM assignments ORDER BY juror_id, dossier_id")
    )
    counts: dict[str, dict[str, int]] = {}
    for juror_id, _, state in cells:
        per = counts.setdefault(juror_id, dict.fromkeys(CELL_STATES, 0))
        per[state] += 1
    latest = {
        row[0]: row[1:] for row in db.execute(
            "SELECT juror_id, revision, created_at, imported_at FROM packages WHERE status = 'merged' ORDER BY juror_id, revision"
        )
    }
    progress = tuple(
        JurorProgress(juror_id, name, sum(counts.get(juror_id, {}).values()),
                      counts.get(juror_id, dict.fromkeys(CELL_STATES, 0)), *latest.get(juror_id, (None, None, None)))
        for juror_id, name in db.execute("SELECT id, name FROM jurors ORDER BY id")
    )
    return progress, cells


def _agreement(edition: Edition, dossiers: tuple[DossierResult, ...]) -> tuple[CriterionAgreement, ...]:
    rows = []
    for index, criterion in enumerate(edition.criteria):
        alpha, icc = agreement_of([[p for _, p in d.criteria[index].points] for d in dossiers])  # a unit: a dossier
        rows.append(CriterionAgreement(criterion.id, criterion.code, icc.n_targets, alpha, icc.icc_1_1, icc.icc_1_k, icc.k))
    return tuple(rows)


def _decisions(db: Database) -> tuple[DossierDecisions, ...]:
    chosen: dict[str, list[tuple[str, str, str, str]]] = {}
    for d, *rest in db.execute("SELECT dossier_id, distinction_id, note, decided_at, decided_by FROM decisions"
                               " ORDER BY dossier_id, distinction_id"):
        chosen.setdefault(d, []).append(tuple(rest))
    nominated: dict[str, list[tuple[str, str, str, str]]] = {}
    for d, *rest in db.execute("SELECT dossier_id, distinction_id, juror_id, reason, nominated_at FROM nominations"
                               " ORDER BY dossier_id, distinction_id, juror_id"):
        nominated.setdefault(d, []).append(tuple(rest))
    return tuple(DossierDecisions(d, tuple(chosen.get(d, ())), tuple(nominated.get(d, ())))
                 for d in sorted(set(chosen) | set(nominated)))


def build_results(db: Database, *, normalised: bool = False, threshold: float | None = None) -> Results:
    """Read the merged data (in one read transaction: a consistent snapshot) and compute everything the
    results views and exports show."""
    with db.atomic(), gc_paused():
        return _build(db, normalised, threshold)


def _build(db: Database, normalised: bool, threshold: float | None) -> Results:
    edition = read_edition(db)
    if edition is None:
        raise ValidationError("no_edition", pl="Baza nie zawiera edycji konkursu.", en="The database holds no edition.")
    threshold = disagreement_threshold(db) if threshold is None else threshold
    infos = [DossierInfo(*r) for r in db.execute(
        "SELECT d.id, d.category_id, i.name FROM dossiers d JOIN institutions i ON i.id = d.institution_id ORDER BY d.id")]
    # In the table's own order: every use below groups or sorts them itself (a sort of 62,000 rows in
    # SQLite cost a third of reading them).
    ratings = db.execute("SELECT juror_id, dossier_id, criterion_id, points FROM scores").fetchall()
    statuses = [(j, d, DossierStatus(s)) for j, d, s in
                db.execute("SELECT juror_id, dossier_id, status FROM dossier_statuses ORDER BY juror_id, dossier_id")]
    dossiers = tuple(score_dossiers(edition, infos, ratings, statuses, threshold=threshold))
    recused = {(j, d) for j, d, s in statuses if s is DossierStatus.RECUSED}
    totals = juror_totals(edition, (r for r in ratings if (r[0], r[1]) not in recused))
    triples = [(j, d, t) for (j, d), t in totals.items()]
    profile = leniency_profile(triples)
    treatments = {str(v.juror): v.treatment for v in zscore_normalise(triples)} if normalised else {}
    jurors, cells = _completeness(db)
    leniency = []
    for juror in jurors:
        p = profile.get(juror.juror_id)
        leniency.append(JurorLeniency(juror.juror_id, p.n_units if p else 0, p.mean_deviation if p else None,
                                      p.mean_abs_deviation if p else None, treatments.get(juror.juror_id)))
    return Results(
        edition=edition, threshold=threshold, normalised=normalised, lock=results_lock(db), jurors=jurors,
        completeness=cells, dossiers=dossiers,
        rankings=_rankings(edition, dossiers, normalised_totals(totals) if normalised else None),
        agreement=_agreement(edition, dossiers), leniency=tuple(leniency),
        to_discuss=tuple((d.dossier_id, c.criterion_id) for d in dossiers for c in d.criteria if c.disagreement),
        decisions=_decisions(db),
    )


def _rankings(edition: Edition, dossiers: tuple[DossierResult, ...], normalised: dict | None) -> tuple[RankingRow, ...]:
    raw = rank_by_category(dossiers)
    by_id = {d.dossier_id: d for d in dossiers}
    rows = []
    for category in edition.categories:
        placed = raw.get(category.id, [])
        norm_places = {}
        if normalised is not None:
            norm_places = {p.dossier_id: p for p in rank(
                (p.dossier_id, p.name, getattr(normalised.get(p.dossier_id), "value", None), None) for p in placed)}
        for p in placed:
            stage_ii = by_id[p.dossier_id].stage(StageId.II.value)
            n = norm_places.get(p.dossier_id)
            rows.append(RankingRow(
                category.id, p.dossier_id, p.name, p.place, p.value, stage_ii.percent if stage_ii else None,
                n.place if n else None, n.value if n else None,
                n is not None and n.place is not None and p.place is not None and n.place != p.place,
            ))
    return tuple(rows)


# --- JSON ------------------------------------------------------------------------------------

def _r(value: float | None, digits: int = 6) -> float | None:
    if value is None:
        return None
    rounded = round(value, digits)
    return 0.0 if rounded == 0 else rounded


def _summary(c: CriterionResult) -> dict[str, Any]:
    s = c.summary
    return {"n": s.n, "mean": _r(s.mean), "median": _r(s.median), "trimmed_mean": _r(s.trimmed_mean),
            "sd": _r(s.sd), "min": _r(s.minimum), "max": _r(s.maximum), "spread": _r(s.spread)}


def results_to_dict(results: Results) -> dict[str, Any]:
    """Plain data in a fixed order, for JSON (and for anything else that wants it)."""
    e = results.edition
    # Equal sets of points share one Summary object (domain.scoring caches them): each is written out
    # once, keyed by identity while ``results`` keeps them all alive.
    summaries: dict[int, dict[str, Any]] = {}

    def summary(c: CriterionResult) -> dict[str, Any]:
        written = summaries.get(id(c.summary))
        if written is None:
            written = summaries[id(c.summary)] = _summary(c)
        return written

    return {
        "edition": {"id": e.id, "name": e.name, "year": e.year,
                    "certification_rule": {"total_pct_min": e.certification_rule.total_pct_min,
                                           "stage_pct_min": dict(sorted(e.certification_rule.stage_pct_min.items()))}},
        "settings": {"disagreement_threshold": results.threshold, "normalised": results.normalised},
        "lock": None if results.lock is None else {"locked_at": results.lock.locked_at, "locked_by": results.lock.locked_by},
        "jurors": [{"id": j.juror_id, "name": j.name, "assigned": j.assigned, "counts": j.counts,
                    "latest_revision": j.latest_revision, "latest_created_at": j.latest_created_at,
                    "latest_imported_at": j.latest_imported_at} for j in results.jurors],
        "completeness": [{"juror": j, "dossier": d, "state": s} for j, d, s in results.completeness],
        "dossiers": [{
            "id": d.dossier_id, "category": d.category_id, "name": d.name,
            "criteria": [{"criterion": c.criterion_id, "points": dict(c.points), **summary(c),
                          "disagreement": c.disagreement} for c in d.criteria],
            "stages": [{"stage": s.stage, "points": _r(s.points), "max_points": s.max_points, "percent": _r(s.percent)}
                       for s in d.stages],
            "total_percent": _r(d.total_percent), "scoring_jurors": d.scoring_jurors,
            "complete_jurors": d.complete_jurors, "certification": d.certification.value,
        } for d in results.dossiers],
        "rankings": [{"category": r.category_id, "dossier": r.dossier_id, "place": r.place,
                      "total_percent": _r(r.total_percent), "stage_ii_percent": _r(r.stage_ii_percent),
                      "normalised_place": r.normalised_place, "normalised_percent": _r(r.normalised_percent),
                      "place_changed": r.place_changed} for r in results.rankings],
        "agreement": [{"criterion": a.criterion_id, "code": a.code, "dossiers": a.dossiers, "krippendorff_alpha": _r(a.alpha),
                       "icc_1_1": _r(a.icc_1_1), "icc_1_k": _r(a.icc_1_k), "k": _r(a.k)} for a in results.agreement],
        "leniency": [{"juror": l.juror_id, "dossiers": l.dossiers, "mean_deviation": _r(l.mean_deviation),
                      "mean_abs_deviation": _r(l.mean_abs_deviation), "normalisation": l.normalisation}
                     for l in results.leniency],
        "to_discuss": [{"dossier": d, "criterion": c} for d, c in results.to_discuss],
        "decisions": [{"dossier": d.dossier_id,
                       "chosen": [{"distinction": x, "note": n, "decided_at": at, "decided_by": by} for x, n, at, by in d.chosen],
                       "nominations": [{"distinction": x, "juror": j, "reason": r, "nominated_at": at}
                                       for x, j, r, at in d.nominations]} for d in results.decisions],
    }


def results_to_json(results: Results) -> bytes:
    """Compact UTF-8 JSON in a fixed order: the same data gives the same bytes.

    Not indented: ``json`` uses its fast C encoder only without ``indent`` (5× faster at national scale).
    """
    with gc_paused():  # no cycle check either: the tree is plain data made just above
        text = json.dumps(results_to_dict(results), ensure_ascii=False, separators=(",", ":"), allow_nan=False,
                          check_circular=False)
    return (text + "\n").encode("utf-8")


# --- CSV for Polish Excel ----------------------------------------------------------------------

def pl_number(value: float | None, digits: int = 4) -> str:
    """A number as Polish Excel reads it: decimal comma, no trailing zeros, "" for no value."""
    if value is None:
        return ""
    text = f"{round(value, digits):.{digits}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text.replace(".", ",")


def _text(value: str) -> str:
    """A text cell that Excel cannot mistake for a formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def results_to_csv(results: Results) -> bytes:
    """One row per dossier × criterion and one total row per dossier; UTF-8 with BOM, ``;``, ``\\r\\n``."""
    e = results.edition
    criteria = {c.id: c for c in e.criteria}
    categories = {c.id: c.name for c in e.categories}
    distinctions = {d.id: d.name for d in e.distinctions}
    by_id = {d.dossier_id: d for d in results.dossiers}
    decisions = {d.dossier_id: d for d in results.decisions}
    stage_headers = [h for s in e.stages for h in (f"Etap {s.id.value} – punkty", f"Etap {s.id.value} – %")]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(["Kategoria", "Teczka", "Jednostka", "Wiersz", "Kryterium", "Nazwa kryterium", "Etap", "Waga",
                     "Maks. pkt", "Punkty członków Kapituły", "Liczba ocen", "Średnia", "Mediana", "Średnia przycięta",
                     "Odchylenie standardowe", "Rozstęp", "Rozbieżność", *stage_headers, "Wynik ważony %", "Miejsce",
                     "Wynik po normalizacji %", "Miejsce po normalizacji", "Zmiana miejsca", "Ukończone oceny",
                     "Certyfikacja", "Wyróżnienia przyznane", "Nominacje członków Kapituły"])
    for row in results.rankings:
        d = by_id[row.dossier_id]
        lead = [_text(categories.get(d.category_id, d.category_id)), d.dossier_id, _text(d.name)]
        blank_totals = [""] * (len(stage_headers) + 9)
        for c in d.criteria:
            spec, s = criteria[c.criterion_id], c.summary
            writer.writerow([*lead, "kryterium", spec.code, _text(spec.name), spec.stage.value, pl_number(spec.weight),
                             pl_number(spec.max_points), " | ".join(f"{j}: {pl_number(p)}" for j, p in c.points), s.n,
                             pl_number(s.mean), pl_number(s.median), pl_number(s.trimmed_mean), pl_number(s.sd),
                             pl_number(s.spread), "tak" if c.disagreement else "", *blank_totals])
        decided = decisions.get(d.dossier_id)
        chosen = ", ".join(distinctions.get(x, x) for x, *_ in decided.chosen) if decided else ""
        nominated: dict[str, int] = {}
        for x, *_ in (decided.nominations if decided else ()):
            nominated[x] = nominated.get(x, 0) + 1
        stages = [v for s in d.stages for v in (pl_number(s.points), pl_number(s.percent))]
        writer.writerow([*lead, "razem", "", "", "", "", "", "", d.scoring_jurors,
                         "", "", "", "", "", "tak" if d.disagreements else "", *stages, pl_number(d.total_percent),
                         row.place or "", pl_number(row.normalised_percent), row.normalised_place or "",
                         "tak" if row.place_changed else "", d.complete_jurors, CERTIFICATION_NAMES[d.certification][0],
                         _text(chosen), _text(", ".join(f"{distinctions.get(x, x)} ({n})" for x, n in nominated.items()))])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
