"""Assigning dossiers to jurors: k jurors per dossier, balanced load, known conflicts avoided."""

from __future__ import annotations

import heapq
import random
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from juror_app.domain.errors import ValidationError
from juror_app.domain.model import Assignment


@dataclass(frozen=True)
class AssignmentPlan:
    assignments: tuple[Assignment, ...]
    load: dict[str, int]

    def jurors_of(self, dossier_id: str) -> list[str]:
        return [a.juror_id for a in self.assignments if a.dossier_id == dossier_id]


def plan_assignments(
    dossiers: Sequence[tuple[str, str]],
    jurors: Sequence[str],
    per_dossier: int,
    *,
    known_conflicts: Iterable[tuple[str, str]] = (),
    seed: int = 0,
) -> AssignmentPlan:
    """Give each dossier ``per_dossier`` distinct jurors, keeping loads within one of each other.

    ``dossiers`` are (dossier id, institution id) pairs; ``known_conflicts`` are (juror id,
    institution id) pairs that must not meet. Each dossier takes the least-loaded jurors who are
    free of conflict (ties broken by a seeded shuffle, so a plan can be reproduced).
    """
    if per_dossier < 1:
        raise ValidationError(
            "bad_per_dossier",
            pl="Liczba oceniających na teczkę musi wynosić co najmniej 1.",
            en="The number of jurors per dossier must be at least 1.",
        )
    if per_dossier > len(jurors):
        raise ValidationError(
            "not_enough_jurors",
            pl=f"Za mało członków Kapituły ({len(jurors)}), by każdą teczkę ocenił {per_dossier}.",
            en=f"Not enough jurors ({len(jurors)}) for {per_dossier} per dossier.",
        )
    blocked: dict[str, set[str]] = {}
    for juror, institution in known_conflicts:
        blocked.setdefault(institution, set()).add(juror)
    rng = random.Random(seed)
    tie = {j: rng.random() for j in jurors}
    heap = [(0, tie[j], j) for j in jurors]
    heapq.heapify(heap)
    load = {j: 0 for j in jurors}
    order = list(dossiers)
    rng.shuffle(order)
    chosen_all: list[Assignment] = []
    for dossier_id, institution_id in order:
        excluded = blocked.get(institution_id, set())
        taken: list[tuple[int, float, str]] = []
        skipped: list[tuple[int, float, str]] = []
        while heap and len(taken) < per_dossier:
            item = heapq.heappop(heap)
            (skipped if item[2] in excluded else taken).append(item)
        if len(taken) < per_dossier:
            raise ValidationError(
                "conflicts_block_assignment",
                pl=f"Teczki {dossier_id} nie można przydzielić {per_dossier} osobom bez konfliktu interesów.",
                en=f"Dossier {dossier_id} cannot go to {per_dossier} jurors free of conflict.",
            )
        for count, t, juror in taken:
            load[juror] = count + 1
            chosen_all.append(Assignment(juror, dossier_id))
            heapq.heappush(heap, (count + 1, t, juror))
        for item in skipped:
            heapq.heappush(heap, item)
    chosen_all.sort(key=lambda a: (a.juror_id, a.dossier_id))
    return AssignmentPlan(tuple(chosen_all), load)


def loads_are_balanced(load: Mapping[str, int]) -> bool:
    return not load or max(load.values()) - min(load.values()) <= 1
