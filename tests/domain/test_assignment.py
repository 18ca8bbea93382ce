"""The assignment planner: k distinct jurors per dossier, loads as even as possible, conflicts avoided,
incremental over what already went out, deterministic for a seed, and a reason for what cannot be met.

The balance claims are checked against an independent oracle: max-flow computations (written here,
sharing nothing with the planner) of the smallest possible largest load and the largest possible
smallest load of any plan that keeps the fixed assignments.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from collections import deque

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from juror_app.domain.assignment import (
    Existing,
    Hold,
    PlanDossier,
    PlanInput,
    PlanJuror,
    Release,
    loads_are_balanced,
    plan,
    plan_assignments,
)
from juror_app.domain.assignment_checks import check
from juror_app.domain.errors import ValidationError

# --- an independent oracle -------------------------------------------------------------------------


def _max_flow(capacity: dict[tuple, int], source, sink) -> int:
    """Edmonds–Karp over a dict of arc capacities (small graphs only)."""
    residual = dict(capacity)
    adjacent: dict = {}
    for (u, v) in capacity:
        adjacent.setdefault(u, set()).add(v)
        adjacent.setdefault(v, set()).add(u)
        residual.setdefault((v, u), 0)
    flow = 0
    while True:
        parent = {source: None}
        queue = deque([source])
        while queue and sink not in parent:
            u = queue.popleft()
            for v in adjacent.get(u, ()):
                if v not in parent and residual[(u, v)] > 0:
                    parent[v] = u
                    queue.append(v)
        if sink not in parent:
            return flow
        v = sink
        while parent[v] is not None:
            residual[(parent[v], v)] -= 1
            residual[(v, parent[v])] += 1
            v = parent[v]
        flow += 1


def _free_part(inputs: PlanInput):
    """Per dossier: how many more jurors it can take and from whom; per juror: the fixed load.

    Valid only for inputs whose existing assignments all break no rule (as the strategies make them).
    """
    available = {j.id for j in inputs.jurors if j.available}
    covers = {j.id: j.categories for j in inputs.jurors}
    fixed_load = dict.fromkeys(available, 0)
    members: dict[str, set[str]] = {d.id: set() for d in inputs.dossiers}
    counted = dict.fromkeys(members, 0)
    recused: dict[str, set[str]] = {d.id: set() for d in inputs.dossiers}
    for e in inputs.existing:
        members[e.dossier_id].add(e.juror_id)
        if e.hold is Hold.RECUSED:
            recused[e.dossier_id].add(e.juror_id)
        else:
            counted[e.dossier_id] += 1
            if e.juror_id in fixed_load:
                fixed_load[e.juror_id] += 1
    need, candidates = {}, {}
    for d in inputs.dossiers:
        pool = [j for j in sorted(available) if (j, d.institution_id) not in inputs.conflicts and j not in members[d.id]
                and (j, d.id) not in inputs.excluded and (not inputs.only_covering or d.category_id in covers[j])]
        candidates[d.id] = pool
        need[d.id] = max(0, min(inputs.per_dossier - counted[d.id], len(pool)))
    return need, candidates, fixed_load


def best_max_load(inputs: PlanInput) -> int:
    need, candidates, fixed = _free_part(inputs)
    total = sum(need.values())
    for high in range(max(fixed.values(), default=0), max(fixed.values(), default=0) + total + 1):
        arcs = {("s", ("d", d)): n for d, n in need.items() if n}
        for d, pool in candidates.items():
            for j in pool:
                arcs[(("d", d), ("j", j))] = 1
        for j, f in fixed.items():
            arcs[(("j", j), "t")] = high - f
        if _max_flow(arcs, "s", "t") == total:
            return high
    raise AssertionError("unreachable")


def best_min_load(inputs: PlanInput) -> int:
    need, candidates, fixed = _free_part(inputs)
    best = min(fixed.values(), default=0)
    for low in range(best + 1, best + sum(need.values()) + 2):
        wanted = {j: max(0, low - f) for j, f in fixed.items()}
        arcs = {("s", ("j", j)): w for j, w in wanted.items() if w}
        for d, pool in candidates.items():
            for j in pool:
                arcs[(("j", j), ("d", d))] = 1
            if need[d]:
                arcs[(("d", d), "t")] = need[d]
        if _max_flow(arcs, "s", "t") < sum(wanted.values()):
            return low - 1
    return best + sum(need.values()) + 1


# --- strategies ------------------------------------------------------------------------------------

CATEGORIES = ("um", "uw", "sp")


@st.composite
def editions(draw, *, with_fixed: bool = True, with_departed: bool = False):
    n_jurors = draw(st.integers(2, 7))
    n_dossiers = draw(st.integers(1, 14))
    k = draw(st.integers(1, min(3, n_jurors)))
    only_covering = draw(st.booleans())
    jurors = []
    for i in range(n_jurors):
        covers = draw(st.sets(st.sampled_from(CATEGORIES)))
        jurors.append(PlanJuror(f"j{i}", frozenset(covers), not (with_departed and draw(st.integers(0, 5)) == 0)))
    institutions = draw(st.integers(1, n_dossiers))
    dossiers = [PlanDossier(f"d{i:02d}", f"i{draw(st.integers(0, institutions - 1))}", draw(st.sampled_from(CATEGORIES)))
                for i in range(n_dossiers)]
    conflicts = draw(st.sets(st.tuples(st.sampled_from([j.id for j in jurors]),
                                       st.sampled_from([d.institution_id for d in dossiers])), max_size=8))
    existing = []
    if with_fixed:
        for d in dossiers:
            for j in jurors:
                if draw(st.integers(0, 6)) == 0 and sum(e.dossier_id == d.id for e in existing) < k:
                    legal = j.available and (j.id, d.institution_id) not in conflicts and (
                        not only_covering or d.category_id in j.categories)
                    hold = draw(st.sampled_from([Hold.ISSUED, Hold.SCORED, Hold.RECUSED]))
                    if legal or hold is Hold.RECUSED:
                        existing.append(Existing(j.id, d.id, hold))
    held = {(e.juror_id, e.dossier_id) for e in existing}
    excluded = draw(st.sets(st.tuples(st.sampled_from([j.id for j in jurors]),
                                      st.sampled_from([d.id for d in dossiers])), max_size=6)) - held
    return PlanInput.build(dossiers, jurors, k, conflicts=conflicts, existing=existing, only_covering=only_covering,
                           excluded=excluded)


def _counted(result, dossier_id: str) -> int:
    return sum(1 for (j, d), h in result.holds.items() if d == dossier_id and h is not Hold.RECUSED)


# --- properties ------------------------------------------------------------------------------------

@settings(max_examples=150, deadline=None)
@given(editions(), st.integers(0, 2**32))
def test_loads_are_as_even_as_any_plan_that_keeps_the_fixed_part_allows(inputs: PlanInput, seed: int) -> None:
    result = plan(inputs, seed=seed)
    assert result.max_load == best_max_load(inputs)
    assert result.min_load == best_min_load(inputs)
    unbalanced = [p for p in result.problems if p.code == "loads_unbalanced"]
    assert bool(unbalanced) == (result.max_load - result.min_load > 1)


@settings(max_examples=150, deadline=None)
@given(editions(with_departed=True), st.integers(0, 2**32))
def test_k_distinct_jurors_no_conflict_and_the_fixed_part_kept(inputs: PlanInput, seed: int) -> None:
    result = plan(inputs, seed=seed)
    need, candidates, _ = _free_part(inputs)
    jurors = {j.id: j for j in inputs.jurors}
    for dossier in inputs.dossiers:
        assigned = result.jurors_of(dossier.id)
        assert len(assigned) == len(set(assigned))
        fixed_here = sum(1 for e in inputs.existing if e.dossier_id == dossier.id and e.hold is not Hold.RECUSED)
        possible = min(inputs.per_dossier, fixed_here + len(candidates[dossier.id]))
        assert _counted(result, dossier.id) == max(possible, fixed_here)
        short = [p for p in result.problems if p.code == "too_few_jurors" and p.dossier_id == dossier.id]
        assert bool(short) == (possible < inputs.per_dossier)
    for (juror_id, dossier_id), hold in result.holds.items():
        institution = next(d.institution_id for d in inputs.dossiers if d.id == dossier_id)
        if hold is Hold.PLANNED:
            assert (juror_id, institution) not in inputs.conflicts
            assert (juror_id, dossier_id) not in inputs.excluded
            assert jurors[juror_id].available
    for e in inputs.existing:
        assert result.holds.get((e.juror_id, e.dossier_id)) is e.hold  # every fixed assignment kept
    assert not result.released


@settings(max_examples=100, deadline=None)
@given(editions(with_departed=True), st.integers(0, 2**32), st.randoms(use_true_random=False))
def test_deterministic_for_a_seed_whatever_the_input_order(inputs: PlanInput, seed: int, rnd: random.Random) -> None:
    first = plan(inputs, seed=seed)
    shuffled = [list(inputs.dossiers), list(inputs.jurors), list(inputs.existing)]
    for items in shuffled:
        rnd.shuffle(items)
    again = plan(PlanInput.build(shuffled[0], shuffled[1], inputs.per_dossier, conflicts=inputs.conflicts,
                                 existing=shuffled[2], only_covering=inputs.only_covering,
                                 excluded=sorted(inputs.excluded, reverse=True)), seed=seed)
    assert again == first


@settings(max_examples=100, deadline=None)
@given(editions(with_departed=True), st.integers(0, 2**32), st.integers(0, 3))
def test_planning_an_already_planned_edition_again_changes_nothing(inputs: PlanInput, seed: int, firm: int) -> None:
    first = plan(inputs, seed=seed)
    holds = [Hold.PLANNED, Hold.MANUAL, Hold.ISSUED, Hold.PLANNED][firm]
    existing = [Existing(j, d, h if h is not Hold.PLANNED else holds) for (j, d), h in first.holds.items()]
    again = plan(PlanInput.build(inputs.dossiers, inputs.jurors, inputs.per_dossier, conflicts=inputs.conflicts,
                                 existing=existing, only_covering=inputs.only_covering, excluded=inputs.excluded),
                 seed=seed + 1)
    assert again.added == () and again.released == ()
    assert again.holds.keys() == first.holds.keys() and again.load == first.load
    assert [(p.code, p.dossier_id, p.juror_id) for p in again.problems] == \
        [(p.code, p.dossier_id, p.juror_id) for p in first.problems]
    if holds is Hold.PLANNED:
        assert again.problems == first.problems  # (the reasons name how firmly work is held)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 120), st.integers(3, 25), st.integers(1, 3), st.integers(0, 10_000))
def test_a_fresh_plan_gives_every_dossier_k_jurors_and_loads_within_one(n_dossiers: int, n_jurors: int, k: int, seed: int) -> None:
    dossiers = [(f"d{i}", f"i{i}") for i in range(n_dossiers)]
    result = plan_assignments(dossiers, [f"j{i}" for i in range(n_jurors)], k, seed=seed)
    for dossier_id, _ in dossiers:
        assert len(set(result.jurors_of(dossier_id))) == k
    assert sum(result.load.values()) == n_dossiers * k
    assert loads_are_balanced(result.load) and result.complete


def test_the_plan_is_the_same_in_processes_with_other_string_hashes() -> None:
    script = (
        "from juror_app.domain.assignment import plan_assignments as p\n"
        "r = p([(f'd{i}', f'i{i % 7}') for i in range(90)], [f'j{i}' for i in range(9)], 3,"
        " known_conflicts=[('j1', 'i3'), ('j2', 'i3'), ('j5', 'i0')], seed=11)\n"
        "print(sorted(r.holds))\n"
    )
    outputs = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": str(h)}).stdout for h in (1, 2, 3)}
    assert len(outputs) == 1


# --- rules for what exists -------------------------------------------------------------------------

def _edition(existing, *, jurors=None, conflicts=(), k=2, only_covering=False):
    dossiers = [PlanDossier(f"d{i}", f"i{i}", "um", "urzędy marszałkowskie") for i in range(1, 5)]
    jurors = jurors or [PlanJuror(f"j{i}") for i in range(1, 5)]
    return PlanInput.build(dossiers, jurors, k, conflicts=conflicts, existing=existing, only_covering=only_covering)


def test_a_juror_who_left_loses_unscored_work_keeps_scored_work_and_the_organizer_is_asked() -> None:
    jurors = [PlanJuror("j1", available=False), PlanJuror("j2"), PlanJuror("j3"), PlanJuror("j4")]
    existing = [Existing("j1", "d1", Hold.SCORED), Existing("j1", "d2", Hold.ISSUED), Existing("j1", "d3", Hold.PLANNED),
                Existing("j1", "d4", Hold.RECUSED)]
    result = plan(_edition(existing, jurors=jurors), seed=1)
    assert {(r.juror_id, r.dossier_id, r.reason) for r in result.released} == {
        ("j1", "d2", Release.JUROR_LEFT), ("j1", "d3", Release.JUROR_LEFT)}
    assert result.holds[("j1", "d1")] is Hold.SCORED and result.holds[("j1", "d4")] is Hold.RECUSED
    assert len(result.jurors_of("d1")) == 2  # the scored one counts towards k
    assert len(result.jurors_of("d4")) == 3  # the recusal does not
    assert [p.code for p in result.decisions] == ["juror_left_scored"] and result.decisions[0].juror_id == "j1"
    assert result.complete and loads_are_balanced(result.load) and "j1" not in result.load


def test_a_known_conflict_releases_unscored_work_but_scored_work_is_only_named() -> None:
    existing = [Existing("j1", "d1", Hold.SCORED), Existing("j2", "d2", Hold.ISSUED), Existing("j3", "d3", Hold.MANUAL)]
    result = plan(_edition(existing, conflicts=[("j1", "i1"), ("j2", "i2"), ("j3", "i3")]), seed=1)
    assert {(r.juror_id, r.dossier_id) for r in result.released} == {("j2", "d2"), ("j3", "d3")}
    assert all(r.reason is Release.KNOWN_CONFLICT for r in result.released)
    assert ("j1", "d1") in result.holds
    named = [p for p in result.violations if p.code == "known_conflict"]
    assert [(p.juror_id, p.dossier_id) for p in named] == [("j1", "d1")]
    assert "oceny" in named[0].message("pl") and "scores" in named[0].message("en")
    assert not result.complete


def test_a_planned_surplus_is_released_but_issued_work_over_k_is_only_named() -> None:
    existing = [Existing(j, "d1", Hold.PLANNED) for j in ("j1", "j2", "j3")] + \
               [Existing(j, "d2", Hold.ISSUED) for j in ("j1", "j2", "j3")]
    result = plan(_edition(existing), seed=3)
    assert [r.reason for r in result.released] == [Release.SURPLUS]
    assert len(result.jurors_of("d1")) == 2 and len(result.jurors_of("d2")) == 3
    assert [p.code for p in result.violations] == ["too_many_jurors"] and result.violations[0].dossier_id == "d2"


def test_a_pair_taken_away_by_hand_is_not_planned_again() -> None:
    existing = [Existing("j1", "d1", Hold.PLANNED)]
    inputs = _edition(existing, k=3)
    result = plan(PlanInput.build(inputs.dossiers, inputs.jurors, 3, existing=existing, excluded=[("j1", "d1"), ("j2", "d1")]))
    assert [(r.juror_id, r.reason) for r in result.released] == [("j1", Release.EXCLUDED)]
    assert result.jurors_of("d1") == ["j3", "j4"]
    [problem] = [p for p in result.violations if p.dossier_id == "d1"]
    assert "wykluczeni ręcznie: 2" in problem.message("pl") and "excluded by hand: 2" in problem.message("en")


def test_a_worked_example() -> None:
    """By hand: j1, j2 conflict with d1's institution, j2 and j4 with d3's; d2 went out to j1 and j2, j3 scored d3.

    Eight places for four jurors: two each. d1 can only go to j3 and j4. j3 already has d3, so j4 must
    take the other; d3 needs one more, and of j1, j2, j4 only j1 has no conflict. d4 gets the two jurors
    still at one: j2 and j4. No other plan has every load at two.
    """
    existing = [Existing("j1", "d2", Hold.ISSUED), Existing("j2", "d2", Hold.ISSUED), Existing("j3", "d3", Hold.SCORED)]
    inputs = _edition(existing, conflicts=[("j1", "i1"), ("j2", "i1"), ("j2", "i3"), ("j4", "i3")])
    for seed in range(20):
        result = plan(inputs, seed=seed)
        assert {d: result.jurors_of(d) for d in ("d1", "d2", "d3", "d4")} == {
            "d1": ["j3", "j4"], "d2": ["j1", "j2"], "d3": ["j1", "j3"], "d4": ["j2", "j4"]}
        assert [(a.juror_id, a.dossier_id) for a in result.kept] == [("j1", "d2"), ("j2", "d2"), ("j3", "d3")]
        assert [(a.juror_id, a.dossier_id) for a in result.added] == [
            ("j1", "d3"), ("j2", "d4"), ("j3", "d1"), ("j4", "d1"), ("j4", "d4")]
        assert result.load == {"j1": 2, "j2": 2, "j3": 2, "j4": 2} and result.problems == ()


def test_a_dossier_that_cannot_be_filled_says_why() -> None:
    jurors = [PlanJuror("j1", frozenset({"um"})), PlanJuror("j2", frozenset({"um"})), PlanJuror("j3", frozenset({"um"})),
              PlanJuror("j4", frozenset({"sp"})), PlanJuror("j5")]
    dossiers = [PlanDossier("d0042", "i42", "um", "urzędy marszałkowskie")]
    result = plan(PlanInput.build(dossiers, jurors, 3, conflicts=[("j3", "i42")], only_covering=True), seed=0)
    assert result.jurors_of("d0042") == ["j1", "j2"]
    [problem] = result.violations
    assert problem.code == "too_few_jurors" and problem.dossier_id == "d0042"
    assert problem.message("pl") == (
        "d0042: obsadzono 2 z 3 miejsc — kategorię „urzędy marszałkowskie” obejmuje bez konfliktu interesów "
        "tylko 2 członków Kapituły (spośród 5: znany konflikt interesów: 1, spoza kategorii: 2).")
    assert problem.message("en") == (
        "d0042: 2 of 3 places filled — only 2 jurors free of conflict cover the category “urzędy marszałkowskie” "
        "(of 5: a known conflict: 1, outside the category: 2).")


def test_loads_that_the_fixed_part_keeps_apart_are_named_with_the_reason() -> None:
    existing = [Existing("j1", f"d{i}", Hold.ISSUED) for i in range(1, 5)]
    inputs = _edition(existing, k=1)
    result = plan(PlanInput.build(list(inputs.dossiers) + [PlanDossier("d5", "i5")], inputs.jurors, 1,
                                  existing=existing), seed=0)
    assert result.load["j1"] == 4 and sorted(result.load.values()) == [0, 0, 1, 4]
    assert result.complete  # no plan could do better: named, but it does not block
    [problem] = result.limits
    assert problem.code == "loads_unbalanced"
    assert "od 0 do 4" in problem.message("pl") and "j1" in problem.message("pl")
    assert "from 0 to 4" in problem.message("en") and "j1" in problem.message("en")


def test_planned_but_unsent_work_is_moved_only_when_the_new_work_cannot_even_the_loads() -> None:
    existing = [Existing("j1", f"d{i}", Hold.PLANNED) for i in range(1, 5)]
    result = plan(_edition(existing, k=1), seed=0)
    assert result.load == {"j1": 1, "j2": 1, "j3": 1, "j4": 1}
    assert sorted(r.reason for r in result.released) == [Release.REBALANCED] * 3
    kept_with_new = plan(_edition(existing[:1], k=1), seed=0)
    assert kept_with_new.released == () and len(kept_with_new.added) == 3


def test_a_check_of_hand_edits_names_every_broken_rule() -> None:
    jurors = [PlanJuror("j1", frozenset({"sp"})), PlanJuror("j2"), PlanJuror("j3", available=False), PlanJuror("j4")]
    existing = [Existing("j1", "d1", Hold.MANUAL), Existing("j2", "d1", Hold.MANUAL), Existing("j4", "d1", Hold.MANUAL),
                Existing("j3", "d2", Hold.ISSUED), Existing("j2", "d3", Hold.PLANNED)]
    problems = check(_edition(existing, jurors=jurors, conflicts=[("j2", "i3")], only_covering=True))
    codes = {(p.code, p.dossier_id, p.juror_id) for p in problems}
    assert ("outside_category", "d1", "j1") in codes and ("outside_category", "d1", "j2") in codes
    assert ("too_many_jurors", "d1", "") in codes
    assert ("juror_left", "d2", "j3") in codes
    assert ("known_conflict", "d3", "j2") in codes
    assert ("too_few_jurors", "d4", "") in codes


def test_bad_inputs_are_refused_whole() -> None:
    with pytest.raises(ValidationError) as info:
        plan_assignments([("d1", "i1")], ["j1"], 0)
    assert info.value.code == "bad_per_dossier"
    with pytest.raises(ValidationError) as info:
        PlanInput.build([PlanDossier("d1", "i1")], [PlanJuror("j1")], 1, existing=[Existing("j9", "d1")])
    assert info.value.code == "assignment_unknown_party"
    result = plan_assignments([("d1", "i1")], ["j1", "j2"], 3)  # more than the jurors: said per dossier, not raised
    assert [p.code for p in result.violations] == ["too_few_jurors"] and "d1" in result.violations[0].message("pl")


def test_the_check_tells_loads_a_new_plan_can_even_out_from_loads_no_plan_can() -> None:
    planned = [Existing("j1", f"d{i}", Hold.PLANNED) for i in range(1, 5)]
    [movable] = check(_edition(planned, k=1))[-1:]
    assert movable.code == "loads_unbalanced" and movable.level == "violation"
    assert "ponowne planowanie zmniejszy różnicę do 0" in movable.message("pl")
    issued = [Existing("j1", f"d{i}", Hold.ISSUED) for i in range(1, 5)]
    [fixed] = check(_edition(issued, k=1))[-1:]
    assert fixed.code == "loads_unbalanced" and fixed.level == "limit" and "j1" in fixed.message("en")
