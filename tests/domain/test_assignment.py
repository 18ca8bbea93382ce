"""Assignment planning: k distinct jurors per dossier, balanced load, known conflicts avoided."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from juror_app.domain.assignment import loads_are_balanced, plan_assignments
from juror_app.domain.errors import ValidationError


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 120), st.integers(3, 25), st.integers(1, 3), st.integers(0, 10_000))
def test_every_dossier_gets_k_distinct_jurors_and_loads_balance(n_dossiers: int, n_jurors: int, k: int, seed: int) -> None:
    dossiers = [(f"d{i}", f"i{i}") for i in range(n_dossiers)]
    jurors = [f"j{i}" for i in range(n_jurors)]
    plan = plan_assignments(dossiers, jurors, k, seed=seed)
    for dossier_id, _ in dossiers:
        chosen = plan.jurors_of(dossier_id)
        assert len(chosen) == k and len(set(chosen)) == k
    assert sum(plan.load.values()) == n_dossiers * k
    assert loads_are_balanced(plan.load)


def test_known_conflicts_are_avoided_and_plans_reproduce() -> None:
    dossiers = [(f"d{i}", f"i{i % 5}") for i in range(40)]
    jurors = [f"j{i}" for i in range(8)]
    conflicts = [("j0", "i0"), ("j1", "i0"), ("j2", "i3")]
    plan = plan_assignments(dossiers, jurors, 3, known_conflicts=conflicts, seed=7)
    for a in plan.assignments:
        institution = dict(dossiers)[a.dossier_id]
        assert (a.juror_id, institution) not in conflicts
    assert plan == plan_assignments(dossiers, jurors, 3, known_conflicts=conflicts, seed=7)
    print(f"loads with 3 conflicts: min {min(plan.load.values())}, max {max(plan.load.values())}")
    assert max(plan.load.values()) - min(plan.load.values()) <= 2


def test_impossible_plans_say_why() -> None:
    with pytest.raises(ValidationError) as info:
        plan_assignments([("d1", "i1")], ["j1", "j2"], 3)
    assert info.value.code == "not_enough_jurors"
    with pytest.raises(ValidationError) as info:
        plan_assignments([("d1", "i1")], ["j1", "j2"], 2, known_conflicts=[("j1", "i1")])
    assert info.value.code == "conflicts_block_assignment"
    assert "d1" in info.value.message("pl")
