"""The organizer's assignment of dossiers to jurors: plan, preview, apply; hand edits; the check.

How the screens and the command line use it:

- :func:`plan_assignment` reads the edition and plans incrementally (``domain.assignment``): nothing
  is written. Its :class:`AssignmentPreview` says what would be kept, added and released, the loads,
  and every constraint that cannot be met (per dossier, with the reason), and waits for decisions.
- :func:`apply_assignment` writes a preview in one transaction, after checking that nothing changed
  since it was made (a stale preview is refused: plan again). A preview that leaves a constraint
  unmet is written only with ``allow_partial=True``; :func:`assign` does both steps.
- :func:`set_assignment` is the matrix's hand edit: add a dossier to a juror (kept by later plans) or
  take it away (later plans do not give it back to that juror: ``assignment_exclusions``). Taking
  away scored work (or a recusal) is refused unless confirmed with a reason; the scores then go
  (the packages stay as evidence) and the reason is logged in ``assignment_events``.
- :func:`check_assignments` names every violated constraint of the assignment as it stands.
- :func:`assignment_matrix` is what the matrix screen shows; coverage, leaving and the rules are
  set with :func:`set_juror_categories`, :func:`mark_juror_left`, :func:`mark_juror_returned` and
  :func:`set_assignment_rules`.

Which assignments are "issued" comes from ``bundle_dossiers``, which ``export_bundle`` fills; an
assignment issued, scored or recused is never moved by a plan. Every change makes the bundles of the
jurors it touches out of date: re-issue them (``export_bundle``) so the jurors receive it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Iterable

from sqlite_utils import Database

from juror_app.domain.assignment import (
    Hold,
    Plan,
    PlanInput,
    Problem,
    plan,
)
from juror_app.domain.assignment_checks import check, conflicts_violated
from juror_app.domain.errors import ValidationError
from juror_app.domain.i18n import count_en, count_pl
from juror_app.domain.model import Assignment
from juror_app.domain.rules import check_reason
from juror_app.domain.timestamps import utc_now
from juror_app.store import assignment_tables as tables
from juror_app.store.assignment_tables import AssignmentRules, AssignmentState
from juror_app.store.organizer_schema import ensure_unlocked


@dataclass(frozen=True)
class AssignmentPreview:
    """A plan not yet written: what it keeps, adds and releases, and what it cannot meet."""

    plan: Plan
    only_covering: bool
    state_digest: str  # of what the plan was made from; apply refuses when the database has moved on
    dossiers: int
    jurors: int  # available jurors (those who left are not counted)
    jurors_left: int
    juror_names: dict[str, str]

    kept = property(lambda self: self.plan.kept)
    added = property(lambda self: self.plan.added)
    released = property(lambda self: self.plan.released)
    problems = property(lambda self: self.plan.problems)
    violations = property(lambda self: self.plan.violations)
    decisions = property(lambda self: self.plan.decisions)
    limits = property(lambda self: self.plan.limits)
    complete = property(lambda self: self.plan.complete)
    assignments = property(lambda self: self.plan.assignments)
    load = property(lambda self: self.plan.load)
    per_dossier = property(lambda self: self.plan.per_dossier)
    seed = property(lambda self: self.plan.seed)
    min_load = property(lambda self: self.plan.min_load)
    max_load = property(lambda self: self.plan.max_load)

    @property
    def changes(self) -> bool:
        return bool(self.plan.added or self.plan.released)

    @property
    def short_dossiers(self) -> tuple[str, ...]:
        """Dossiers left with fewer than k jurors."""
        return tuple(p.dossier_id for p in self.plan.problems if p.code == "too_few_jurors")

    @property
    def missing_places(self) -> int:
        counted: dict[str, int] = {}
        for (_, dossier_id), hold in self.plan.holds.items():
            if hold is not Hold.RECUSED:
                counted[dossier_id] = counted.get(dossier_id, 0) + 1
        return sum(max(0, self.plan.per_dossier - counted.get(d, 0)) for d in self.short_dossiers)

    @property
    def conflicts_violated(self) -> int:
        return conflicts_violated(self.plan.problems)

    @property
    def touched_jurors(self) -> tuple[str, ...]:
        """Jurors whose bundle the plan makes out of date."""
        return tuple(sorted({a.juror_id for a in self.plan.added} | {r.juror_id for r in self.plan.released}))

    def summary(self, lang: str | None = None) -> dict:
        """The figures of ``juror-app assign --json``; messages in ``lang``."""
        return {
            "per_dossier": self.per_dossier, "seed": self.seed, "only_covering_jurors": self.only_covering,
            "dossiers": self.dossiers, "jurors": self.jurors, "jurors_left": self.jurors_left,
            "unassigned": len(self.short_dossiers), "missing_places": self.missing_places,
            "conflicts_violated": self.conflicts_violated, "min_load": self.min_load, "max_load": self.max_load,
            "kept": len(self.kept), "added": len(self.added), "released": len(self.released),
            "complete": self.complete, "loads": dict(self.load),
            "added_assignments": [{"juror": a.juror_id, "dossier": a.dossier_id} for a in self.added],
            "released_assignments": [{"juror": r.juror_id, "dossier": r.dossier_id, "held": r.hold.value,
                                      "reason": r.reason.value, "message": r.describe(lang)} for r in self.released],
            "problems": [_problem_json(p, lang) for p in self.violations],
            "limits": [_problem_json(p, lang) for p in self.limits],
            "decisions": [_problem_json(p, lang) for p in self.decisions],
        }


def _problem_json(problem: Problem, lang: str | None) -> dict:
    return {"code": problem.code, "dossier": problem.dossier_id or None, "juror": problem.juror_id or None,
            "message": problem.message(lang)}


@dataclass(frozen=True)
class AppliedAssignment:
    preview: AssignmentPreview
    written_at: str

    @property
    def assignments(self) -> tuple[Assignment, ...]:
        return self.preview.assignments


# --- reading the edition ---------------------------------------------------------------------------

def _digest(state: AssignmentState) -> str:
    data = [
        [(d.id, d.institution_id, d.category_id) for d in state.dossiers],
        [(j.id, j.left_at is None, j.categories) for j in state.jurors],
        sorted(state.conflicts),
        [(e.juror_id, e.dossier_id, e.hold.value) for e in state.existing],
        sorted(state.sources.items()),
        list(state.excluded),
    ]
    return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode("utf-8")).hexdigest()


def _inputs(state: AssignmentState, per_dossier: int, only_covering: bool) -> PlanInput:
    return PlanInput.build(state.dossiers, state.plan_jurors(), per_dossier, conflicts=state.conflicts,
                           existing=state.existing, only_covering=only_covering, excluded=state.excluded)


def assignment_rules(db: Database) -> AssignmentRules | None:
    """The k, coverage requirement and seed the last plan used (or the organizer set); None before any."""
    return tables.read_rules(db)


def _rules(db: Database, per_dossier: int | None, only_covering: bool | None, seed: int | None) -> AssignmentRules:
    saved = tables.read_rules(db)
    if per_dossier is None:
        if saved is None:
            raise ValidationError(
                "per_dossier_unknown",
                pl="Nie ustalono jeszcze, ilu członków Kapituły ocenia każdą teczkę. Podaj tę liczbę (np. --per-dossier 3).",
                en="How many jurors score each dossier has not been set yet. Give the number (e.g. --per-dossier 3).")
        per_dossier = saved.per_dossier
    if isinstance(per_dossier, bool) or not isinstance(per_dossier, int) or per_dossier < 1:
        raise ValidationError("bad_per_dossier", pl="Liczba oceniających na teczkę musi wynosić co najmniej 1.",
                              en="The number of jurors per dossier must be at least 1.")
    if only_covering is None:
        only_covering = saved.only_covering_jurors if saved else False
    if seed is None:
        seed = saved.seed if saved else 0
    return AssignmentRules(per_dossier, bool(only_covering), int(seed))


def plan_assignment(db: Database, *, per_dossier: int | None = None, seed: int | None = None,
                    only_covering: bool | None = None) -> AssignmentPreview:
    """Plan over what exists (nothing is written). Unset arguments come from the edition's saved rules."""
    rules = _rules(db, per_dossier, only_covering, seed)
    state = tables.read_state(db)
    available = sum(1 for j in state.jurors if j.left_at is None)
    if rules.per_dossier > available:
        raise ValidationError(
            "not_enough_jurors",
            pl=f"Każdą teczkę ma ocenić {rules.per_dossier} osób, a w Kapitule jest tylko "
               f"{count_pl(available, 'dostępny członek', 'dostępnych członków', 'dostępnych członków')} Kapituły. "
               "Podaj mniejszą liczbę albo dodaj członków Kapituły.",
            en=f"Each dossier is to be scored by {rules.per_dossier}, but the jury has only "
               f"{count_en(available, 'available juror', 'available jurors')}. Give a smaller number or enrol more jurors.")
    made = plan(_inputs(state, rules.per_dossier, rules.only_covering_jurors), seed=rules.seed)
    names = {j.id: j.name for j in state.jurors}
    return AssignmentPreview(made, rules.only_covering_jurors, _digest(state), len(state.dossiers), available,
                             len(state.jurors) - available, names)


def apply_assignment(db: Database, preview: AssignmentPreview, *, allow_partial: bool = False,
                     by: str = "") -> AppliedAssignment:
    """Write a preview in one transaction: releases, additions, the rules used, and the log."""
    ensure_unlocked(db, action_pl="Nie zapisano przydziału", action_en="The assignment was not saved")
    if not preview.complete and not allow_partial:
        count = len(preview.violations)
        raise ValidationError(
            "assignment_incomplete",
            pl=f"Planu nie zapisano: {count_pl(count, 'warunek nie jest spełniony', 'warunki nie są spełnione', 'warunków nie jest spełnionych')}. "
               "Usuń przyczyny albo zapisz plan częściowy świadomie.",
            en=f"The plan was not saved: {count_en(count, 'constraint is', 'constraints are')} not met. "
               "Remove the causes or save the partial plan deliberately.")
    stamp = utc_now()
    with db.atomic():
        if _digest(tables.read_state(db)) != preview.state_digest:
            raise ValidationError(
                "assignment_changed",
                pl="Od przygotowania planu przydziały, skład Kapituły albo teczki się zmieniły. Zaplanuj ponownie.",
                en="The assignments, the jury or the dossiers changed since the plan was made. Plan again.")
        tables.delete_assignments(db, ((r.juror_id, r.dossier_id) for r in preview.released))
        tables.insert_assignments(db, ((a.juror_id, a.dossier_id) for a in preview.added), stamp)
        tables.save_rules(db, AssignmentRules(preview.per_dossier, preview.only_covering, preview.seed), stamp)
        events = [{"happened_at": stamp, "action": "release", "juror_id": r.juror_id, "dossier_id": r.dossier_id,
                   "reason": r.reason.value, "person": by, "details": {"held": r.hold.value}} for r in preview.released]
        events.append({"happened_at": stamp, "action": "plan", "person": by, "details": {
            "per_dossier": preview.per_dossier, "seed": preview.seed, "only_covering_jurors": preview.only_covering,
            "kept": len(preview.kept), "added": len(preview.added), "released": len(preview.released),
            "partial": not preview.complete}})
        tables.log_events(db, events)
    return AppliedAssignment(preview, stamp)


def assign(db: Database, *, per_dossier: int, seed: int = 0, only_covering: bool = False,
           allow_partial: bool = False, by: str = "") -> AppliedAssignment:
    """Plan and apply in one call (the demo's way; the screens preview first)."""
    preview = plan_assignment(db, per_dossier=per_dossier, seed=seed, only_covering=only_covering)
    return apply_assignment(db, preview, allow_partial=allow_partial, by=by)


def check_assignments(db: Database, *, per_dossier: int | None = None,
                      only_covering: bool | None = None) -> tuple[Problem, ...]:
    """Every violated constraint of the assignment as it stands (and the decisions waiting)."""
    rules = _rules(db, per_dossier, only_covering, None)
    return check(_inputs(tables.read_state(db), rules.per_dossier, rules.only_covering_jurors))


# --- hand edits ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class AssignmentEdit:
    """What one hand edit did; ``reissue`` names the juror whose bundle is now out of date, if any."""

    juror_id: str
    dossier_id: str
    assigned: bool
    changed: bool
    held_before: Hold | None
    removed: dict[str, int]  # rows of merged work removed per table (scores, statuses, …)
    reissue: str | None


def _require(db: Database, juror_id: str, dossier_id: str) -> None:
    if db.execute("SELECT 1 FROM jurors WHERE id = ?", [juror_id]).fetchone() is None:
        raise ValidationError("unknown_juror", pl=f"Nieznany członek Kapituły: {juror_id}.", en=f"Unknown juror: {juror_id}.")
    if db.execute("SELECT 1 FROM dossiers WHERE id = ?", [dossier_id]).fetchone() is None:
        raise ValidationError("unknown_dossier", pl=f"Nieznana teczka: {dossier_id}.", en=f"Unknown dossier: {dossier_id}.")


def _has_bundle(db: Database, juror_id: str) -> bool:
    return db.execute("SELECT 1 FROM bundles WHERE juror_id = ? LIMIT 1", [juror_id]).fetchone() is not None


def set_assignment(db: Database, juror_id: str, dossier_id: str, assigned: bool, *, confirm_scored: bool = False,
                   reason: str = "", by: str = "") -> AssignmentEdit:
    """Assign a dossier to a juror by hand (kept by later plans), or take it away (later plans do not
    give it back to that juror; assigning it by hand again lifts that).

    Adding is refused for a juror who left and for a known conflict (remove the conflict entry first).
    Taking away scored work or a recusal needs ``confirm_scored=True`` and a reason: the juror's merged
    scores, status, recusal and nominations for the dossier are deleted (the packages stay as evidence).
    """
    ensure_unlocked(db, action_pl="Nie zmieniono przydziału", action_en="The assignment was not changed")
    _require(db, juror_id, dossier_id)
    held = tables.holds(db).get((juror_id, dossier_id))
    reissue = juror_id if _has_bundle(db, juror_id) else None
    pair = f"{juror_id} → {dossier_id}"
    stamp = utc_now()
    if assigned:
        if held is not None:
            return AssignmentEdit(juror_id, dossier_id, True, False, held, {}, None)
        left = db.execute("SELECT left_at FROM jurors WHERE id = ?", [juror_id]).fetchone()[0]
        if left is not None:
            raise ValidationError("juror_left", pl=f"{pair}: ten członek Kapituły odszedł ({left}); nie można mu przydzielać teczek.",
                                  en=f"{pair}: this juror left ({left}); no dossiers can be assigned to them.")
        conflict = db.execute(
            "SELECT k.reason FROM known_conflicts k JOIN dossiers d ON d.institution_id = k.institution_id"
            " WHERE k.juror_id = ? AND d.id = ?", [juror_id, dossier_id]).fetchone()
        if conflict is not None:
            why = f" ({conflict[0].strip().rstrip('.')})" if conflict[0].strip() else ""
            raise ValidationError(
                "known_conflict",
                pl=f"{pair}: znany konflikt interesów z jednostką tej teczki{why}. Jeśli wpis jest błędny, najpierw go usuń.",
                en=f"{pair}: a known conflict of interest with this dossier's institution{why}. If the entry is wrong, remove it first.")
        with db.atomic():
            tables.lift_exclusion(db, juror_id, dossier_id)
            tables.insert_assignments(db, [(juror_id, dossier_id)], stamp, source="manual")
            tables.log_events(db, [{"happened_at": stamp, "action": "assign", "juror_id": juror_id,
                                    "dossier_id": dossier_id, "reason": (reason or "").strip(), "person": by}])
        return AssignmentEdit(juror_id, dossier_id, True, True, None, {}, reissue)
    if held is None:
        return AssignmentEdit(juror_id, dossier_id, False, False, None, {}, None)
    removed: dict[str, int] = {}
    if held in (Hold.SCORED, Hold.RECUSED):
        if not confirm_scored:
            scores = db.execute("SELECT count(*) FROM scores WHERE juror_id = ? AND dossier_id = ?",
                                [juror_id, dossier_id]).fetchone()[0]
            what_pl = "wyłączenie z oceny" if held is Hold.RECUSED else count_pl(scores, "ocenę", "oceny", "ocen")
            what_en = "a recusal" if held is Hold.RECUSED else count_en(scores, "score", "scores")
            raise ValidationError(
                "assignment_scored",
                pl=f"{pair}: teczka ma już {what_pl} tego członka Kapituły. Zwolnienie przydziału usunie je z bazy "
                   "(paczki zostają jako dowód): potwierdź to i podaj powód.",
                en=f"{pair}: the dossier already holds {what_en} of this juror. Releasing the assignment removes them "
                   "from the database (the packages stay as evidence): confirm it and give the reason.")
        text = check_reason(reason, what_pl="zwolnienia ocenionego przydziału", what_en="releasing a scored assignment")
        with db.atomic():
            removed = tables.remove_work(db, juror_id, dossier_id)
            tables.delete_assignments(db, [(juror_id, dossier_id)])
            tables.exclude(db, juror_id, dossier_id, text, stamp, by)
            tables.log_events(db, [{"happened_at": stamp, "action": "release", "juror_id": juror_id,
                                    "dossier_id": dossier_id, "reason": text, "person": by,
                                    "details": {"held": held.value, "removed": removed}}])
    else:
        with db.atomic():
            tables.delete_assignments(db, [(juror_id, dossier_id)])
            tables.exclude(db, juror_id, dossier_id, (reason or "").strip(), stamp, by)
            tables.log_events(db, [{"happened_at": stamp, "action": "unassign", "juror_id": juror_id,
                                    "dossier_id": dossier_id, "reason": (reason or "").strip(), "person": by,
                                    "details": {"held": held.value}}])
    return AssignmentEdit(juror_id, dossier_id, False, True, held, removed, reissue)


# --- the jury's availability, coverage, and the rules ---------------------------------------------

def set_juror_categories(db: Database, juror_id: str, category_ids: Iterable[str]) -> None:
    """The categories a juror covers (used when a plan may use only covering jurors)."""
    wanted = sorted(set(category_ids))
    known = {r[0] for r in db.execute("SELECT id FROM categories")}
    unknown = [c for c in wanted if c not in known]
    if db.execute("SELECT 1 FROM jurors WHERE id = ?", [juror_id]).fetchone() is None:
        raise ValidationError("unknown_juror", pl=f"Nieznany członek Kapituły: {juror_id}.", en=f"Unknown juror: {juror_id}.")
    if unknown:
        raise ValidationError("unknown_category", pl=f"Nieznana kategoria: {', '.join(unknown)}.",
                              en=f"Unknown category: {', '.join(unknown)}.")
    with db.atomic():
        tables.set_categories(db, juror_id, wanted)


def mark_juror_left(db: Database, juror_id: str, reason: str, *, by: str = "") -> None:
    """The juror left (or withdrew): the next plan releases their unscored work and refills it."""
    text = check_reason(reason, what_pl="odejścia z Kapituły", what_en="leaving the jury")
    if db.execute("SELECT 1 FROM jurors WHERE id = ?", [juror_id]).fetchone() is None:
        raise ValidationError("unknown_juror", pl=f"Nieznany członek Kapituły: {juror_id}.", en=f"Unknown juror: {juror_id}.")
    stamp = utc_now()
    with db.atomic():
        tables.set_left(db, juror_id, stamp, text)
        tables.log_events(db, [{"happened_at": stamp, "action": "juror_left", "juror_id": juror_id, "reason": text,
                                "person": by}])


def mark_juror_returned(db: Database, juror_id: str, *, by: str = "") -> None:
    """Undo :func:`mark_juror_left` (assignments released meanwhile are not given back)."""
    if db.execute("SELECT 1 FROM jurors WHERE id = ?", [juror_id]).fetchone() is None:
        raise ValidationError("unknown_juror", pl=f"Nieznany członek Kapituły: {juror_id}.", en=f"Unknown juror: {juror_id}.")
    with db.atomic():
        tables.set_left(db, juror_id, None, "")
        tables.log_events(db, [{"happened_at": utc_now(), "action": "juror_returned", "juror_id": juror_id, "person": by}])


def set_assignment_rules(db: Database, *, per_dossier: int, only_covering: bool = False, seed: int = 0) -> None:
    """Save the edition's rules without planning (the next plan and the check use them)."""
    rules = _rules(db, per_dossier, only_covering, seed)
    with db.atomic():
        tables.save_rules(db, rules, utc_now())


# --- the matrix screen's data --------------------------------------------------------------------

@dataclass(frozen=True)
class MatrixJuror:
    id: str
    name: str
    load: int  # dossiers that count (recusals do not)
    available: bool
    left_reason: str
    categories: tuple[str, ...]
    bundle_revision: int | None  # latest bundle issued, None before the first


@dataclass(frozen=True)
class MatrixDossier:
    id: str
    institution_id: str
    institution_name: str
    category_id: str
    category_name: str
    jurors: int  # jurors that count towards k


@dataclass(frozen=True)
class AssignmentMatrix:
    """Dossiers × jurors: each cell's hold, the known conflicts, the loads, every problem named."""

    per_dossier: int | None
    only_covering: bool
    jurors: tuple[MatrixJuror, ...]
    dossiers: tuple[MatrixDossier, ...]
    cells: dict[tuple[str, str], Hold]  # (juror, dossier) → hold; absent: not assigned
    conflicts: frozenset[tuple[str, str]]  # (juror, dossier) cells barred by a known conflict
    excluded: frozenset[tuple[str, str]]  # (juror, dossier) cells the organizer took away by hand
    problems: tuple[Problem, ...]  # empty until k is set
    conflict_reasons: dict[tuple[str, str], str] = field(default_factory=dict)  # (juror, dossier) → the conflict's reason

    def problems_of(self, *, dossier_id: str = "", juror_id: str = "") -> tuple[Problem, ...]:
        return tuple(p for p in self.problems
                     if (not dossier_id or p.dossier_id == dossier_id) and (not juror_id or p.juror_id == juror_id))


def assignment_matrix(db: Database) -> AssignmentMatrix:
    """Everything the assignment matrix shows, read in one go."""
    state = tables.read_state(db)
    rules = tables.read_rules(db)
    cells = {(e.juror_id, e.dossier_id): e.hold for e in state.existing}
    load: dict[str, int] = {}
    counted: dict[str, int] = {}
    for (juror_id, dossier_id), hold in cells.items():
        if hold is not Hold.RECUSED:
            load[juror_id] = load.get(juror_id, 0) + 1
            counted[dossier_id] = counted.get(dossier_id, 0) + 1
    revisions = dict(db.execute("SELECT juror_id, max(revision) FROM bundles GROUP BY juror_id").fetchall())
    jurors = tuple(MatrixJuror(j.id, j.name, load.get(j.id, 0), j.left_at is None, j.left_reason, j.categories,
                               revisions.get(j.id)) for j in state.jurors)
    names = dict(db.execute("SELECT id, name FROM institutions").fetchall())
    dossiers = tuple(MatrixDossier(d.id, d.institution_id, names.get(d.institution_id, ""), d.category_id,
                                   d.category_name, counted.get(d.id, 0)) for d in state.dossiers)
    by_institution: dict[str, list[str]] = {}
    for d in state.dossiers:
        by_institution.setdefault(d.institution_id, []).append(d.id)
    reasons = {(j, d): why for (j, i), why in state.conflicts.items() for d in by_institution.get(i, ())}
    barred = frozenset(reasons)
    problems: tuple[Problem, ...] = ()
    if rules is not None:
        problems = check(_inputs(state, rules.per_dossier, rules.only_covering_jurors))
    return AssignmentMatrix(rules.per_dossier if rules else None, bool(rules and rules.only_covering_jurors),
                            jurors, dossiers, cells, barred, frozenset(state.excluded), problems, reasons)
