"""Simulated jurors for the demo: plausible scores, Polish justifications, conflicts, unfinished work.

Each dossier has a latent quality (from its institution's tier) and per-criterion strengths shared
by all its jurors, so jurors broadly agree; each juror adds a personal leniency (some lenient,
some harsh) and noise. A juror's work is produced as the edit log a real session would write
(including corrections), and the package's data is the log replayed, exactly as on a laptop.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Sequence

from juror_app.domain import edit_log
from juror_app.domain.codec import json_points
from juror_app.domain.model import ConflictDeclaration, Edition, Nomination, Score
from juror_app.domain.rules import dossier_status, justification_required
from juror_app.exchange.package import PackageContent
from juror_app.workflows.demo.data import DemoInstitution, DemoJuror

TIER_QUALITY = {"high": 0.84, "mid": 0.64, "low": 0.42}
P_CONFLICT = 0.03
P_NOT_STARTED = 0.05
P_IN_PROGRESS = 0.10
P_CORRECTION = 0.08
P_SKIP_MID_JUSTIFICATION = 0.15


@dataclass(frozen=True)
class DossierTruth:
    """What every juror of a dossier sees in common: its quality and per-criterion strengths."""

    dossier_id: str
    institution: DemoInstitution
    quality: float
    strengths: dict[str, float]


def dossier_truth(edition: Edition, dossier_id: str, institution: DemoInstitution, rng: random.Random) -> DossierTruth:
    quality = TIER_QUALITY[institution.tier] + rng.gauss(0, 0.06)
    return DossierTruth(dossier_id, institution, quality, {c.id: rng.gauss(0, 0.07) for c in edition.criteria})


def _band(share: float) -> str:
    return "low" if share < 0.4 else "high" if share >= 0.75 else "mid"


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


class _LogWriter:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.prev = edit_log.GENESIS

    def add(self, at: str, op: str, **fields) -> None:
        line, self.prev = edit_log.make_entry(prev_hash=self.prev, seq=len(self.lines) + 1, at=at, op=op, **fields)
        self.lines.append(line)


def simulate_package(
    *,
    edition: Edition,
    juror_id: str,
    juror: DemoJuror,
    dossiers: Sequence[DossierTruth],
    texts: dict,
    bundle_manifest_sha256: str,
    bundle_revision: int,
    rng: random.Random,
    start: datetime | None = None,
    revision: int = 1,
) -> PackageContent:
    """One juror's work on their assigned dossiers, as a package ready to sign."""
    clock = start or datetime(edition.year, 11, 8, 18, 0, tzinfo=timezone.utc)
    log = _LogWriter()
    justification_bank = texts["justifications"]
    order = list(dossiers)
    rng.shuffle(order)
    best = sorted(dossiers, key=lambda d: d.quality, reverse=True)[: max(1, len(dossiers) // 12)]

    def tick(minutes: float) -> str:
        nonlocal clock
        clock += timedelta(minutes=minutes, seconds=rng.randint(0, 59))
        return _stamp(clock)

    for truth in order:
        roll = rng.random()
        if roll < P_CONFLICT:
            reason = rng.choice(texts["conflict_reasons"])
            log.add(tick(rng.uniform(2, 20)), "conflict", dossier=truth.dossier_id, reason=reason)
            continue
        if roll < P_CONFLICT + P_NOT_STARTED:
            continue
        criteria = list(edition.criteria)
        if roll < P_CONFLICT + P_NOT_STARTED + P_IN_PROGRESS:
            criteria = criteria[: rng.randint(1, len(criteria) - 1)]
        clock += timedelta(hours=rng.uniform(0.5, 20))
        for criterion in criteria:
            share = truth.quality + truth.strengths[criterion.id] + juror.leniency + rng.gauss(0, 0.08)
            steps = round(max(0.0, min(1.0, share)) * criterion.max_points / criterion.step)
            points = json_points(round(steps * criterion.step, 6))
            band = _band(points / criterion.max_points)
            text = rng.choice(justification_bank[criterion.id][band]).format(short_name=truth.institution.institution.short_name)
            if not justification_required(criterion, points) and rng.random() < P_SKIP_MID_JUSTIFICATION:
                text = ""
            if rng.random() < P_CORRECTION:
                first = json_points(max(0.0, min(criterion.max_points, points + criterion.step * rng.choice([-2, -1, 1, 2]))))
                log.add(tick(rng.uniform(1, 6)), "score", dossier=truth.dossier_id, criterion=criterion.id,
                        points=first, justification=text)
            log.add(tick(rng.uniform(1, 8)), "score", dossier=truth.dossier_id, criterion=criterion.id,
                    points=points, justification=text)
        if truth in best and len(criteria) == len(edition.criteria) and edition.distinctions and rng.random() < 0.6:
            distinction = rng.choice(edition.distinctions)
            reasons = texts["nomination_reasons"].get(distinction.id) or ["Rozwiązania wyróżniające się na tle innych jednostek."]
            log.add(tick(rng.uniform(1, 5)), "nominate", dossier=truth.dossier_id, distinction=distinction.id,
                    reason=rng.choice(reasons).format(short_name=truth.institution.institution.short_name))
    return package_from_log(edition, juror_id, [d.dossier_id for d in dossiers], log.lines,
                            bundle_manifest_sha256=bundle_manifest_sha256, bundle_revision=bundle_revision,
                            revision=revision, created_at=_stamp(clock + timedelta(hours=1)))


def package_from_log(edition: Edition, juror_id: str, dossier_ids: Sequence[str], lines: Sequence[str], *,
                     bundle_manifest_sha256: str, bundle_revision: int, revision: int, created_at: str) -> PackageContent:
    """The package a juror's log gives: replay it and derive each dossier's status by the rules."""
    entries, _ = edit_log.parse_and_verify(lines)
    criteria_ids = {c.id for c in edition.criteria}
    state = edit_log.replay(entries)
    last_at: dict[tuple, str] = {}
    for e in entries:
        if e["op"] in ("score", "unscore"):
            last_at[(e["dossier"], e["criterion"])] = e["at"]
        elif e["op"] in ("conflict", "unconflict"):
            last_at[(e["dossier"],)] = e["at"]
        else:
            last_at[(e["dossier"], e["distinction"], "n")] = e["at"]
    by_dossier: dict[str, dict[str, tuple[float, str]]] = {}
    for (d, c), v in state.scores.items():
        by_dossier.setdefault(d, {})[c] = v
    statuses = {
        dossier_id: dossier_status(edition, by_dossier.get(dossier_id, {}), dossier_id in state.conflicts)
        for dossier_id in dossier_ids
    }
    return PackageContent(
        edition_id=edition.id,
        juror_id=juror_id,
        revision=revision,
        bundle_manifest_sha256=bundle_manifest_sha256,
        bundle_revision=bundle_revision,
        statuses=statuses,
        scores=tuple(
            Score(juror_id, d, c, p, j, last_at[(d, c)]) for (d, c), (p, j) in sorted(state.scores.items())
            if d in statuses and c in criteria_ids
        ),
        conflicts=tuple(
            ConflictDeclaration(juror_id, d, r, last_at[(d,)]) for d, r in sorted(state.conflicts.items()) if d in statuses
        ),
        nominations=tuple(
            Nomination(juror_id, d, k, r, last_at[(d, k, "n")]) for (d, k), r in sorted(state.nominations.items())
            if d in statuses
        ),
        log_lines=tuple(lines),
        created_at=created_at,
        criteria=tuple(c.id for c in edition.criteria),
    )
