"""Assigning dossiers to jurors, incrementally: k jurors per dossier, balanced loads, conflicts avoided.

The planner takes the edition as it stands — the assignments that already exist and how firmly each
is held (:class:`Hold`) — and changes as little as it can:

1. it **keeps** every assignment that went out in a bundle, carries scores, or records a recusal, and
   every other one that breaks no rule;
2. it **releases** what must go: work of a juror who left or of a known conflict that nobody scored,
   a planned assignment outside the juror's categories (when coverage is required), a planned
   surplus over k. Scored work is never released: it is named for the organizer's decision;
3. it **fills** each dossier up to k, least-loaded eligible juror first (ties broken by a seeded
   draw, so a seed reproduces a plan);
4. it **balances**: while a juror carries at least two dossiers more than another and a chain of
   moves of not-yet-sent assignments can shift one dossier from the first to the second, it makes
   that move. Each move lowers the sum of squared loads; when no such chain is left the loads are
   as even as the kept assignments and the eligibility rules allow (on this kind of problem a
   minimum of the squared sum also has the smallest maximum and the largest minimum load), so they
   are within one whenever that is possible. Moves touch the assignments added by this plan first,
   and planned-but-unsent ones only if that is not enough.

Why something could not be met (a dossier short of k, loads apart by more than one) is reported per
dossier by :mod:`juror_app.domain.assignment_checks`, not raised for the whole plan.
"""

from __future__ import annotations

import heapq
import random
from dataclasses import dataclass, field
from enum import Enum
from typing import Iterable, Sequence

from juror_app.domain.errors import ValidationError
from juror_app.domain.model import Assignment


class Hold(str, Enum):
    """How firmly an existing assignment is held, weakest first."""

    PLANNED = "planned"  # made by the planner, not sent yet: may be moved to even out the loads
    MANUAL = "manual"  # set by the organizer by hand, not sent yet: kept unless it breaks a hard rule
    ISSUED = "issued"  # in the juror's latest bundle: kept
    SCORED = "scored"  # the juror's merged package holds work on it: never moved without a decision
    RECUSED = "recused"  # the juror declared a conflict: kept as the record, counts towards nothing


FIXED = frozenset({Hold.ISSUED, Hold.SCORED, Hold.RECUSED})  # what the planner never moves to balance


class Release(str, Enum):
    """Why the plan lets an existing assignment go."""

    JUROR_LEFT = "juror_left"
    KNOWN_CONFLICT = "known_conflict"
    EXCLUDED = "excluded"
    OUTSIDE_CATEGORY = "outside_category"
    SURPLUS = "surplus"
    REBALANCED = "rebalanced"


RELEASE_NAMES = {
    Release.JUROR_LEFT: ("członek Kapituły odszedł", "the juror left"),
    Release.KNOWN_CONFLICT: ("znany konflikt interesów", "a known conflict of interest"),
    Release.EXCLUDED: ("organizator wykluczył tę parę ręcznie", "the organizer excluded this pair by hand"),
    Release.OUTSIDE_CATEGORY: ("poza kategoriami członka Kapituły", "outside the juror's categories"),
    Release.SURPLUS: ("teczka miała więcej osób, niż trzeba", "the dossier had more jurors than needed"),
    Release.REBALANCED: ("przeniesiona, by wyrównać obciążenia", "moved to even out the loads"),
}


@dataclass(frozen=True)
class PlanDossier:
    id: str
    institution_id: str
    category_id: str = ""
    category_name: str = ""  # for messages; the id when empty


@dataclass(frozen=True)
class PlanJuror:
    id: str
    categories: frozenset[str] = frozenset()  # the categories the juror covers (used when coverage is required)
    available: bool = True  # False: left the Kapituła (or withdrew)


@dataclass(frozen=True)
class Existing:
    juror_id: str
    dossier_id: str
    hold: Hold = Hold.PLANNED


@dataclass(frozen=True)
class PlanInput:
    """Everything the planner and the checks read: the edition's state, no I/O."""

    dossiers: tuple[PlanDossier, ...]
    jurors: tuple[PlanJuror, ...]
    per_dossier: int
    conflicts: frozenset[tuple[str, str]] = frozenset()  # (juror id, institution id)
    existing: tuple[Existing, ...] = ()
    only_covering: bool = False  # only jurors who cover the dossier's category
    excluded: frozenset[tuple[str, str]] = frozenset()  # (juror, dossier) pairs the organizer took away by hand

    @staticmethod
    def build(dossiers: Iterable[PlanDossier], jurors: Iterable[PlanJuror], per_dossier: int, *,
              conflicts: Iterable[tuple[str, str]] = (), existing: Iterable[Existing] = (),
              only_covering: bool = False, excluded: Iterable[tuple[str, str]] = ()) -> "PlanInput":
        """Validated and in a canonical order (by id), so that a plan does not depend on input order."""
        made = PlanInput(tuple(sorted(dossiers, key=lambda d: d.id)), tuple(sorted(jurors, key=lambda j: j.id)),
                         per_dossier, frozenset((str(j), str(i)) for j, i in conflicts),
                         tuple(sorted(existing, key=lambda e: (e.dossier_id, e.juror_id))), only_covering,
                         frozenset((str(j), str(d)) for j, d in excluded))
        made.validate()
        return made

    def validate(self) -> None:
        if isinstance(self.per_dossier, bool) or not isinstance(self.per_dossier, int) or self.per_dossier < 1:
            raise ValidationError("bad_per_dossier", pl="Liczba oceniających na teczkę musi wynosić co najmniej 1.",
                                  en="The number of jurors per dossier must be at least 1.")
        for what, ids in (("dossier", [d.id for d in self.dossiers]), ("juror", [j.id for j in self.jurors])):
            if len(set(ids)) != len(ids):
                raise ValidationError(f"duplicate_{what}", pl=f"Powtórzony identyfikator ({what}).",
                                      en=f"A {what} id appears twice.")
        dossiers = {d.id for d in self.dossiers}
        jurors = {j.id for j in self.jurors}
        pairs = [(e.juror_id, e.dossier_id) for e in self.existing]
        if len(set(pairs)) != len(pairs):
            raise ValidationError("duplicate_assignment", pl="Ten sam przydział podano dwa razy.",
                                  en="The same assignment was given twice.")
        for juror_id, dossier_id in pairs:
            if juror_id not in jurors or dossier_id not in dossiers:
                raise ValidationError(
                    "assignment_unknown_party",
                    pl=f"Przydział {juror_id} → {dossier_id} wskazuje nieznanego członka Kapituły albo nieznaną teczkę.",
                    en=f"The assignment {juror_id} → {dossier_id} names an unknown juror or dossier.")


@dataclass(frozen=True)
class Released:
    juror_id: str
    dossier_id: str
    hold: Hold
    reason: Release

    def describe(self, lang: str | None = None) -> str:
        from juror_app.domain.i18n import pick

        return f"{self.juror_id} → {self.dossier_id}: " + pick(*RELEASE_NAMES[self.reason], lang)


VIOLATION = "violation"  # planning again, or the organizer, must put it right: a plan with one is not complete
LIMIT = "limit"  # as good as the kept assignments and the rules allow (loads): named, does not block
DECISION = "decision"  # waits for the organizer (scored work of a juror who left): named, does not block


@dataclass(frozen=True)
class Problem:
    """A constraint the plan (or the current assignment) does not meet, said in both languages."""

    code: str
    pl: str
    en: str
    dossier_id: str = ""
    juror_id: str = ""
    level: str = VIOLATION

    @property
    def decision(self) -> bool:
        return self.level == DECISION

    def message(self, lang: str | None = None) -> str:
        from juror_app.domain.i18n import pick

        return pick(self.pl, self.en, lang)


@dataclass(frozen=True)
class Plan:
    """The assignment after planning, what it keeps, adds and releases, the loads, and what is wrong."""

    per_dossier: int
    seed: int
    holds: dict[tuple[str, str], Hold]  # (juror, dossier) → hold, for every assignment of the result
    kept: tuple[Assignment, ...]
    added: tuple[Assignment, ...]
    released: tuple[Released, ...]
    load: dict[str, int]  # available juror → dossiers that count (recusals do not)
    problems: tuple[Problem, ...] = field(default=())

    @property
    def assignments(self) -> tuple[Assignment, ...]:
        """Every assignment of the result, by juror then dossier."""
        return tuple(Assignment(j, d) for j, d in sorted(self.holds))

    def jurors_of(self, dossier_id: str) -> list[str]:
        return sorted(j for j, d in self.holds if d == dossier_id)

    @property
    def violations(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.level == VIOLATION)

    @property
    def limits(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.level == LIMIT)

    @property
    def decisions(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.level == DECISION)

    @property
    def complete(self) -> bool:
        """Every constraint met as far as any plan could (limits and decisions do not count against it)."""
        return not self.violations

    @property
    def min_load(self) -> int:
        return min(self.load.values(), default=0)

    @property
    def max_load(self) -> int:
        return max(self.load.values(), default=0)


def plan(inputs: PlanInput, *, seed: int = 0) -> Plan:
    """Plan incrementally over ``inputs.existing`` (see the module's docstring for the rules)."""
    from juror_app.domain.assignment_checks import check

    inputs = PlanInput.build(inputs.dossiers, inputs.jurors, inputs.per_dossier, conflicts=inputs.conflicts,
                             existing=inputs.existing, only_covering=inputs.only_covering, excluded=inputs.excluded)
    state = _State(inputs, seed)  # (in canonical order: a plan does not depend on how the input was ordered)
    state.release_what_must_go()
    state.fill()
    state.balance(include_planned=False)
    if state.spread() > 1:
        state.balance(include_planned=True)
    result = state.result()
    existing = tuple(Existing(j, d, h) for (j, d), h in sorted(result.holds.items(), key=lambda x: (x[0][1], x[0][0])))
    problems = check(PlanInput(inputs.dossiers, inputs.jurors, inputs.per_dossier, inputs.conflicts, existing,
                               inputs.only_covering, inputs.excluded))
    return Plan(result.per_dossier, seed, result.holds, result.kept, result.added, result.released, result.load,
                problems)


def plan_assignments(dossiers: Sequence[tuple[str, str]], jurors: Sequence[str], per_dossier: int, *,
                     known_conflicts: Iterable[tuple[str, str]] = (), seed: int = 0) -> Plan:
    """A fresh plan from (dossier, institution) pairs and juror ids: the short form for benchmarks and tests."""
    return plan(PlanInput.build([PlanDossier(d, i) for d, i in dossiers], [PlanJuror(j) for j in jurors],
                                per_dossier, conflicts=known_conflicts), seed=seed)


def even_out(inputs: PlanInput) -> int:
    """The spread of loads that moving only planned, unsent assignments can reach (nothing added or released)."""
    state = _State(inputs, 0)
    state.balance(include_planned=True)
    return state.spread()


def loads_are_balanced(load: dict[str, int]) -> bool:
    return not load or max(load.values()) - min(load.values()) <= 1


def eligible_mask(inputs: PlanInput, dossier: PlanDossier, barred: int, conflicted: dict[str, int],
                  covering: dict[str, int], available: int) -> int:
    """Jurors (a bit each) who may take ``dossier``: available, no known conflict, not ``barred`` (recused
    from it or excluded by hand), covering its category when that is required."""
    mask = available & ~conflicted.get(dossier.institution_id, 0) & ~barred
    if inputs.only_covering:
        mask &= covering.get(dossier.category_id, 0)
    return mask


def juror_masks(inputs: PlanInput) -> tuple[dict[str, int], int, dict[str, int], dict[str, int]]:
    """(juror → bit, available jurors, institution → conflicted jurors, category → covering jurors)."""
    bit = {j.id: 1 << i for i, j in enumerate(inputs.jurors)}
    available = 0
    covering: dict[str, int] = {}
    for juror in inputs.jurors:
        if juror.available:
            available |= bit[juror.id]
        for category in juror.categories:
            covering[category] = covering.get(category, 0) | bit[juror.id]
    conflicted: dict[str, int] = {}
    for juror_id, institution_id in sorted(inputs.conflicts):
        if juror_id in bit:
            conflicted[institution_id] = conflicted.get(institution_id, 0) | bit[juror_id]
    return bit, available, conflicted, covering


class _State:
    """The plan being made, with jurors as bits (index = position by id) for quick set arithmetic."""

    def __init__(self, inputs: PlanInput, seed: int) -> None:
        self.inputs = inputs
        self.seed = seed
        self.k = inputs.per_dossier
        self.jurors = [j.id for j in inputs.jurors]
        self.index = {j: i for i, j in enumerate(self.jurors)}
        _, self.available, conflicted, covering = juror_masks(inputs)
        rng = random.Random(seed)
        self.tie = [rng.random() for _ in self.jurors]  # the same draws as the first planner: plans stay as they were
        self.order = list(range(len(inputs.dossiers)))
        rng.shuffle(self.order)
        self.dossier_index = {d.id: n for n, d in enumerate(inputs.dossiers)}
        count = len(inputs.dossiers)
        self.holds: list[dict[int, Hold]] = [{} for _ in range(count)]  # dossier → juror index → hold
        recused = [0] * count
        for e in inputs.existing:
            n, i = self.dossier_index[e.dossier_id], self.index[e.juror_id]
            self.holds[n][i] = e.hold
            if e.hold is Hold.RECUSED:
                recused[n] |= 1 << i
        for juror_id, dossier_id in sorted(inputs.excluded):
            if juror_id in self.index and dossier_id in self.dossier_index:
                recused[self.dossier_index[dossier_id]] |= 1 << self.index[juror_id]
        self.initial = {(self.jurors[i], inputs.dossiers[n].id): h
                        for n, held in enumerate(self.holds) for i, h in held.items()}
        self.eligible = [eligible_mask(inputs, d, recused[n], conflicted, covering, self.available)
                         for n, d in enumerate(inputs.dossiers)]
        self.members = [sum(1 << i for i in held) for held in self.holds]
        self.counted = [sum(1 for h in held.values() if h is not Hold.RECUSED) for held in self.holds]
        self.load = [0] * len(self.jurors)
        for held in self.holds:
            for i, h in held.items():
                if h is not Hold.RECUSED:
                    self.load[i] += 1
        self.new: set[tuple[int, int]] = set()  # (dossier, juror) added by this plan
        self.reasons: dict[tuple[str, str], Release] = {}

    # --- 2. what must go ----------------------------------------------------------------------
    def _drop(self, n: int, i: int, reason: Release) -> None:
        del self.holds[n][i]
        self.members[n] &= ~(1 << i)
        self.counted[n] -= 1
        self.load[i] -= 1
        self.reasons[(self.jurors[i], self.inputs.dossiers[n].id)] = reason

    def release_what_must_go(self) -> None:
        inputs = self.inputs
        for n, dossier in enumerate(inputs.dossiers):
            for i, hold in sorted(self.holds[n].items()):
                if hold in (Hold.SCORED, Hold.RECUSED):
                    continue  # scored work waits for the organizer's decision; a recusal is a record
                juror = inputs.jurors[i]
                if not juror.available:
                    self._drop(n, i, Release.JUROR_LEFT)
                elif (juror.id, dossier.institution_id) in inputs.conflicts:
                    self._drop(n, i, Release.KNOWN_CONFLICT)
                elif (juror.id, dossier.id) in inputs.excluded and hold is not Hold.ISSUED:
                    self._drop(n, i, Release.EXCLUDED)
                elif hold is Hold.PLANNED and not (self.eligible[n] >> i) & 1:
                    self._drop(n, i, Release.OUTSIDE_CATEGORY)
        for n in range(len(inputs.dossiers)):
            surplus = self.counted[n] - self.k
            if surplus <= 0:
                continue
            planned = [i for i, h in self.holds[n].items() if h is Hold.PLANNED]
            planned.sort(key=lambda i: (-self.load[i], -self.tie[i]))  # the busiest give theirs up first
            for i in planned[:surplus]:
                self._drop(n, i, Release.SURPLUS)

    # --- 3. fill -------------------------------------------------------------------------------
    def fill(self) -> None:
        """Least-loaded eligible juror first, dossiers in a seeded order."""
        heap = [(self.load[i], self.tie[i], i) for i in range(len(self.jurors)) if (self.available >> i) & 1]
        heapq.heapify(heap)
        for n in self.order:
            need = self.k - self.counted[n]
            if need <= 0:
                continue
            free = self.eligible[n] & ~self.members[n]
            taken, skipped = [], []
            while heap and len(taken) < need:
                item = heapq.heappop(heap)
                (taken if (free >> item[2]) & 1 else skipped).append(item)
            for _, tie, i in taken:
                self._add(n, i)
                heapq.heappush(heap, (self.load[i], tie, i))
            for item in skipped:
                heapq.heappush(heap, item)

    def _add(self, n: int, i: int) -> None:
        self.holds[n][i] = Hold.PLANNED
        self.members[n] |= 1 << i
        self.counted[n] += 1
        self.load[i] += 1
        self.new.add((n, i))

    # --- 4. balance ------------------------------------------------------------------------------
    def spread(self) -> int:
        loads = [self.load[i] for i in range(len(self.jurors)) if (self.available >> i) & 1]
        return max(loads) - min(loads) if loads else 0

    def balance(self, *, include_planned: bool) -> None:
        """Shift dossiers along chains of movable assignments while that evens the loads out."""
        movable: list[dict[int, None]] = [{} for _ in self.jurors]  # juror → dossiers it may give away (ordered)
        for n in self.order:
            for i, hold in self.holds[n].items():
                if (n, i) in self.new or (include_planned and hold is Hold.PLANNED):
                    movable[i][n] = None
        people = [i for i in range(len(self.jurors)) if (self.available >> i) & 1]
        while True:
            lowest = min((self.load[i] for i in people), default=0)
            skip = 0
            moved = False
            for source in sorted(people, key=lambda i: (-self.load[i], self.tie[i])):
                if self.load[source] - lowest < 2:
                    break
                if (skip >> source) & 1:
                    continue
                path, reached = self._find_path(source, movable)
                if path:
                    self._shift(path, movable)
                    moved = True
                    break
                skip |= reached  # whoever it reaches reaches no more than it does
            if not moved:
                return

    def _find_path(self, source: int, movable: list[dict[int, None]]) -> tuple[list[int], int]:
        """A chain source → … → a juror carrying at least two dossiers fewer; breadth first."""
        limit = self.load[source] - 2
        parent = {source: -1}
        reached = 1 << source
        queue = [source]
        for u in queue:
            neighbours = 0
            for n in movable[u]:
                neighbours |= self.eligible[n] & ~self.members[n]
            neighbours &= ~reached
            while neighbours:
                low = neighbours & -neighbours
                v = low.bit_length() - 1
                neighbours ^= low
                reached |= low
                parent[v] = u
                if self.load[v] <= limit:
                    path = [v]
                    while parent[path[-1]] != -1:
                        path.append(parent[path[-1]])
                    return path[::-1], reached
                queue.append(v)
        return [], reached

    def _shift(self, path: list[int], movable: list[dict[int, None]]) -> None:
        """Apply a chain from its far end: each juror hands one movable dossier to the next."""
        for u, v in reversed(list(zip(path, path[1:]))):
            n = next(n for n in movable[u] if (self.eligible[n] >> v) & 1 and not (self.members[n] >> v) & 1)
            hold = self.holds[n].pop(u)
            self.holds[n][v] = Hold.PLANNED
            self.members[n] = (self.members[n] & ~(1 << u)) | (1 << v)
            del movable[u][n]
            movable[v][n] = None
            if (n, u) in self.new:
                self.new.discard((n, u))
            elif hold is Hold.PLANNED:
                self.reasons[(self.jurors[u], self.inputs.dossiers[n].id)] = Release.REBALANCED
            self.new.add((n, v))
        self.load[path[0]] -= 1
        self.load[path[-1]] += 1

    # --- the result ------------------------------------------------------------------------------
    def result(self) -> Plan:
        holds: dict[tuple[str, str], Hold] = {}
        for n, dossier in enumerate(self.inputs.dossiers):
            for i, hold in self.holds[n].items():
                holds[(self.jurors[i], dossier.id)] = hold
        kept = tuple(Assignment(j, d) for (j, d) in sorted(holds) if (j, d) in self.initial)
        added = tuple(Assignment(j, d) for (j, d) in sorted(holds) if (j, d) not in self.initial)
        released = tuple(
            Released(j, d, self.initial[(j, d)], self.reasons.get((j, d), Release.REBALANCED))
            for (j, d) in sorted(self.initial) if (j, d) not in holds
        )
        load = {self.jurors[i]: self.load[i] for i in range(len(self.jurors)) if (self.available >> i) & 1}
        return Plan(self.k, self.seed, dict(sorted(holds.items())), kept, added, released, load)
