"""Every constraint an assignment can break, named with its dossier, its juror and the reason.

One check serves both the planner (what its plan still cannot meet) and the organizer's hand edits
(``check_assignments`` in the organizer's workflow): a known conflict, a dossier with fewer or more
than k jurors, loads apart by more than one, a juror outside the dossier's category (when coverage is
required), an assignment of a juror who left. Scored work of a juror who left is not a violation but
a decision waiting for the organizer; loads that no plan could bring closer (the kept work and the
rules stand in the way) are a limit, named with the reason. Neither blocks a plan.
"""

from __future__ import annotations

from juror_app.domain.assignment import (
    DECISION,
    LIMIT,
    Hold,
    PlanDossier,
    PlanInput,
    Problem,
    eligible_mask,
    even_out,
    juror_masks,
)
from juror_app.domain.i18n import count_en, count_pl

MAX_NAMED = 8  # jurors named in one sentence about loads; the rest are counted


def check(inputs: PlanInput) -> tuple[Problem, ...]:
    """The problems of ``inputs.existing`` as it stands: per assignment, per dossier, then the loads."""
    bit, available, conflicted, covering = juror_masks(inputs)
    jurors = {j.id: j for j in inputs.jurors}
    by_dossier: dict[str, dict[str, Hold]] = {d.id: {} for d in inputs.dossiers}
    for e in inputs.existing:
        by_dossier[e.dossier_id][e.juror_id] = e.hold
    problems: list[Problem] = []
    for dossier in inputs.dossiers:
        held = by_dossier[dossier.id]
        for juror_id in sorted(held):
            problem = _assignment_problem(inputs, dossier, juror_id, held[juror_id], jurors, covering, bit)
            if problem is not None:
                problems.append(problem)
        counted = sum(1 for h in held.values() if h is not Hold.RECUSED)
        if counted < inputs.per_dossier:
            problems.append(_too_few(inputs, dossier, held, counted, bit, available, conflicted, covering))
        elif counted > inputs.per_dossier:
            problems.append(_too_many(inputs, dossier, held, counted))
    balance = _loads_problem(inputs, by_dossier, bit, available, conflicted, covering)
    if balance is not None:
        problems.append(balance)
    return tuple(problems)


def _name(dossier: PlanDossier) -> str:
    return dossier.category_name or dossier.category_id


def _assignment_problem(inputs: PlanInput, dossier: PlanDossier, juror_id: str, hold: Hold, jurors: dict,
                        covering: dict[str, int], bit: dict[str, int]) -> Problem | None:
    if hold is Hold.RECUSED:
        return None
    pair = f"{juror_id} → {dossier.id}"
    if not jurors[juror_id].available:
        if hold is Hold.SCORED:
            return Problem(
                "juror_left_scored",
                pl=f"{pair}: członek Kapituły odszedł, ale teczka ma już jego oceny, więc przydział zostaje i liczy się do wymaganych {inputs.per_dossier}. "
                   "Jeśli ma ją ocenić ktoś inny, zwolnij przydział ręcznie, podając powód (oceny zostaną usunięte).",
                en=f"{pair}: the juror left, but the dossier already holds their scores, so the assignment stays and counts towards the "
                   f"{inputs.per_dossier} required. If someone else should score it, release the assignment by hand and give the reason "
                   "(the scores will be removed).",
                dossier_id=dossier.id, juror_id=juror_id, level=DECISION)
        return Problem("juror_left",
                       pl=f"{pair}: członek Kapituły odszedł; ponowne planowanie zwolni ten przydział i przydzieli teczkę komuś innemu.",
                       en=f"{pair}: the juror left; planning again releases this assignment and gives the dossier to someone else.",
                       dossier_id=dossier.id, juror_id=juror_id)
    if (juror_id, dossier.institution_id) in inputs.conflicts:
        if hold is Hold.SCORED:
            advice_pl = ("teczka ma już jego oceny, więc plan jej nie ruszy: zdecyduj, czy zwolnić przydział "
                         "(podając powód; oceny zostaną usunięte), czy usunąć wpis o konflikcie")
            advice_en = ("the dossier already holds their scores, so the plan leaves it: decide whether to release the assignment "
                         "(with a reason; the scores will be removed) or to remove the conflict entry")
        else:
            advice_pl, advice_en = "ponowne planowanie zwolni ten przydział", "planning again releases this assignment"
        return Problem("known_conflict",
                       pl=f"{pair}: znany konflikt interesów z jednostką {dossier.institution_id}; {advice_pl}.",
                       en=f"{pair}: a known conflict of interest with the institution {dossier.institution_id}; {advice_en}.",
                       dossier_id=dossier.id, juror_id=juror_id)
    if inputs.only_covering and not covering.get(dossier.category_id, 0) & bit[juror_id]:
        return Problem("outside_category",
                       pl=f"{pair}: członek Kapituły nie obejmuje kategorii „{_name(dossier)}”.",
                       en=f"{pair}: the juror does not cover the category “{_name(dossier)}”.",
                       dossier_id=dossier.id, juror_id=juror_id)
    return None


def excluded_bits(inputs: PlanInput, bit: dict[str, int]) -> dict[str, int]:
    """Dossier → the jurors the organizer excluded from it by hand, as bits."""
    result: dict[str, int] = {}
    for juror_id, dossier_id in inputs.excluded:
        if juror_id in bit:
            result[dossier_id] = result.get(dossier_id, 0) | bit[juror_id]
    return result


def _barred(excluded: dict[str, int], dossier_id: str, held: dict[str, Hold], bit: dict[str, int]) -> tuple[int, int]:
    """(jurors recused from the dossier, jurors excluded from it by hand), as bits."""
    recused = sum(bit[j] for j, h in held.items() if h is Hold.RECUSED)
    return recused, excluded.get(dossier_id, 0) & ~recused


def _too_few(inputs: PlanInput, dossier: PlanDossier, held: dict[str, Hold], counted: int,
             bit: dict[str, int], available: int, conflicted: dict[str, int], covering: dict[str, int]) -> Problem:
    k = inputs.per_dossier
    recused, excluded = _barred(excluded_bits(inputs, bit), dossier.id, held, bit)
    eligible = eligible_mask(inputs, dossier, recused | excluded, conflicted, covering, available)
    members = sum(bit[j] for j in held)
    can_fill = (eligible & ~members).bit_count() >= k - counted
    total = len(inputs.jurors)
    left = total - available.bit_count()
    recused_n = (recused & available).bit_count()
    conflict_n = (conflicted.get(dossier.institution_id, 0) & available & ~recused).bit_count()
    excluded_n = (excluded & available & ~conflicted.get(dossier.institution_id, 0)).bit_count()
    outside_n = 0
    if inputs.only_covering:
        outside_n = (available & ~recused & ~excluded & ~conflicted.get(dossier.institution_id, 0)
                     & ~covering.get(dossier.category_id, 0)).bit_count()
    head_pl = f"{dossier.id}: obsadzono {counted} z {k} miejsc"
    head_en = f"{dossier.id}: {counted} of {k} places filled"
    if can_fill:
        return Problem("too_few_jurors",
                       pl=f"{head_pl}; ponowne planowanie może ją uzupełnić.",
                       en=f"{head_en}; planning again can fill it.", dossier_id=dossier.id)
    n = eligible.bit_count()
    category = _name(dossier)
    if inputs.only_covering:
        why_pl = (f"kategorii „{category}” nie obejmuje żaden członek Kapituły wolny od konfliktu interesów" if n == 0 else
                  f"kategorię „{category}” obejmuje bez konfliktu interesów tylko {count_pl(n, 'członek', 'członków', 'członków')} Kapituły")
        why_en = f"only {count_en(n, 'juror', 'jurors')} free of conflict cover{'s' if n == 1 else ''} the category “{category}”"
    else:
        why_pl = ("żaden członek Kapituły nie jest wolny od konfliktu interesów" if n == 0 else
                  f"bez konfliktu interesów jest tylko {count_pl(n, 'członek', 'członków', 'członków')} Kapituły")
        why_en = f"only {count_en(n, 'juror is', 'jurors are')} free of conflict"
    parts_pl, parts_en = [], []
    for number, pl, en in ((conflict_n, "znany konflikt interesów", "a known conflict"),
                           (recused_n, "wyłączenie z oceny tej teczki", "recused from this dossier"),
                           (excluded_n, "wykluczeni ręcznie", "excluded by hand"),
                           (left, "poza Kapitułą", "left the jury"),
                           (outside_n, "spoza kategorii", "outside the category")):
        if number:
            parts_pl.append(f"{pl}: {number}")
            parts_en.append(f"{en}: {number}")
    detail_pl = f" (spośród {total}: {', '.join(parts_pl)})" if parts_pl else ""
    detail_en = f" (of {total}: {', '.join(parts_en)})" if parts_en else ""
    return Problem("too_few_jurors", pl=f"{head_pl} — {why_pl}{detail_pl}.", en=f"{head_en} — {why_en}{detail_en}.",
                   dossier_id=dossier.id)


def _too_many(inputs: PlanInput, dossier: PlanDossier, held: dict[str, Hold], counted: int) -> Problem:
    firm = sum(1 for h in held.values() if h not in (Hold.PLANNED, Hold.RECUSED))
    if firm > inputs.per_dossier:
        why_pl = "; przydziały ponad liczbę są już wysłane, ocenione albo ustawione ręcznie — zwolnij zbędny ręcznie"
        why_en = "; the extra assignments were sent, scored or set by hand — release the one not needed by hand"
    else:
        why_pl, why_en = "; ponowne planowanie zwolni nadmiar", "; planning again releases the surplus"
    return Problem("too_many_jurors",
                   pl=f"{dossier.id}: {count_pl(counted, 'członek', 'członków', 'członków')} Kapituły zamiast {inputs.per_dossier}{why_pl}.",
                   en=f"{dossier.id}: {count_en(counted, 'juror', 'jurors')} instead of {inputs.per_dossier}{why_en}.",
                   dossier_id=dossier.id)


def _named(ids: list[str]) -> str:
    shown = ", ".join(ids[:MAX_NAMED])
    return shown + (f" (+{len(ids) - MAX_NAMED})" if len(ids) > MAX_NAMED else "")


def _loads_problem(inputs: PlanInput, by_dossier: dict[str, dict[str, Hold]], bit: dict[str, int], available: int,
                   conflicted: dict[str, int], covering: dict[str, int]) -> Problem | None:
    load = {j.id: 0 for j in inputs.jurors if j.available}
    firm = dict.fromkeys(load, 0)
    for held in by_dossier.values():
        for juror_id, hold in held.items():
            if juror_id in load and hold is not Hold.RECUSED:
                load[juror_id] += 1
                if hold is not Hold.PLANNED:
                    firm[juror_id] += 1
    if not load:
        return None
    low, high = min(load.values()), max(load.values())
    if high - low <= 1:
        return None
    head_pl = f"Obciążenia różnią się o więcej niż jeden: od {low} do {high} teczek na osobę"
    head_en = f"The loads are more than one apart: from {low} to {high} dossiers per juror"
    reachable = even_out(inputs)
    if reachable < high - low:
        return Problem("loads_unbalanced",
                       pl=f"{head_pl}; ponowne planowanie zmniejszy różnicę do {reachable}.",
                       en=f"{head_en}; planning again brings the difference down to {reachable}.")
    reasons_pl, reasons_en = [], []
    heavy = [j for j in load if firm[j] >= low + 2]
    if heavy:
        reasons_pl.append(f"przydziały już wysłane, ocenione albo ustawione ręcznie przekraczają {low + 1} u: {_named(heavy)}")
        reasons_en.append(f"assignments already sent, scored or set by hand exceed {low + 1} for: {_named(heavy)}")
    dossiers = {d.id: d for d in inputs.dossiers}
    by_hand = excluded_bits(inputs, bit)
    stuck = []
    for juror_id, juror_load in load.items():
        if juror_load > high - 2:
            continue
        openings = 0
        for dossier_id, held in by_dossier.items():
            if juror_id in held or not any(h is Hold.PLANNED for h in held.values()):
                continue
            recused, excluded = _barred(by_hand, dossier_id, held, bit)
            if eligible_mask(inputs, dossiers[dossier_id], recused | excluded, conflicted, covering, available) & bit[juror_id]:
                openings += 1
        if openings < high - 1 - juror_load:
            stuck.append(f"{juror_id} ({openings})")
    if stuck:
        reasons_pl.append("konflikty interesów, wyłączenia, zakres kategorii albo przydziały już wysłane pozwalają dać "
                          f"najmniej obciążonym tylko tyle teczek więcej: {_named(stuck)}")
        reasons_en.append("known conflicts, recusals, category coverage or assignments already sent leave the least loaded "
                          f"only this many more dossiers: {_named(stuck)}")
    if not reasons_pl:
        reasons_pl.append("konflikty interesów, wyłączenia i zakres kategorii nie pozwalają przenieść teczek "
                          "od najbardziej do najmniej obciążonych")
        reasons_en.append("known conflicts, recusals and category coverage leave no way to move dossiers "
                          "from the most to the least loaded")
    return Problem("loads_unbalanced", pl=f"{head_pl} i żaden plan nie wyrówna ich bardziej: {'; '.join(reasons_pl)}.",
                   en=f"{head_en}, and no plan can even them out further: {'; '.join(reasons_en)}.", level=LIMIT)


def conflicts_violated(problems: tuple[Problem, ...]) -> int:
    return sum(1 for p in problems if p.code == "known_conflict")
