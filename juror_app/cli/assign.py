"""``juror-app assign``: plan the assignment of dossiers to jurors incrementally, show it, write it.

Exit codes: 0 every constraint met; 1 some cannot be met (each named) — then nothing is written
unless ``--allow-partial`` asks for the plan as it is; 2 bad arguments.
"""

from __future__ import annotations

import argparse
import json
import sys

from juror_app.cli.common import EXIT_FAILED, EXIT_OK, existing_file, open_organizer, positive, seed
from juror_app.domain.i18n import count_en, count_pl, pick

MAX_LISTED_DOSSIERS = 40  # added assignments listed per dossier up to this many dossiers; beyond, counted
LOADS_PER_LINE = 8


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "assign", help=pick("przydziel teczki członkom Kapituły (przyrostowo)", "assign dossiers to jurors (incrementally)"),
        description=pick(
            "Planuje przydział: każda teczka dostaje K członków Kapituły, obciążenia różnią się najwyżej o jeden, znane "
            "konflikty interesów są omijane. Przydziały już wysłane w paczkach, ocenione lub z wyłączeniem zostają; plan "
            "uzupełnia tylko to, czego brakuje (nowe teczki, członek Kapituły, który odszedł). Wypisuje, co zostaje, co "
            "dochodzi i co jest zwalniane, obciążenie każdego członka Kapituły i każdy niespełniony warunek z powodem. "
            "Kod wyjścia 1, jeśli nie wszystkie warunki da się spełnić: wtedy niczego nie zapisuje, chyba że podano "
            "--allow-partial. Ten sam stan i to samo ziarno dają zawsze ten sam plan.",
            "Plans the assignment: each dossier gets K jurors, loads differ by at most one, known conflicts of interest are "
            "avoided. Assignments already sent in bundles, scored or recused stay; the plan only fills what is missing "
            "(new dossiers, a juror who left). Prints what stays, what is added and what is released, each juror's load "
            "and every constraint not met with its reason. Exit code 1 if not every constraint can be met: then nothing "
            "is written unless --allow-partial is given. The same state and seed always give the same plan."))
    parser.add_argument("--db", type=existing_file, dest="assign_db", required=True, metavar="organizer.sqlite")
    parser.add_argument("--per-dossier", type=positive(100), required=True, metavar="K", help=pick(
        "ilu członków Kapituły ocenia każdą teczkę", "how many jurors score each dossier"))
    parser.add_argument("--seed", type=seed, metavar="S", help=pick(
        "ziarno losowania przy remisach (domyślnie to z poprzedniego planu albo 0)",
        "the seed for breaking ties (default: the previous plan's, or 0)"))
    parser.add_argument("--only-covering-jurors", action="store_true", help=pick(
        "przydzielaj teczkę tylko członkom Kapituły, którzy obejmują jej kategorię",
        "give a dossier only to jurors who cover its category"))
    parser.add_argument("--dry-run", action="store_true", help=pick(
        "tylko pokaż plan, niczego nie zapisuj", "only show the plan, write nothing"))
    parser.add_argument("--allow-partial", action="store_true", help=pick(
        "zapisz plan, nawet jeśli nie wszystkie warunki da się spełnić (kod wyjścia nadal 1)",
        "write the plan even if not every constraint can be met (the exit code is still 1)"))
    parser.add_argument("--json", action="store_true", dest="as_json", help=pick(
        "wypisz wynik jako jeden obiekt JSON", "print the result as one JSON object"))
    parser.set_defaults(handler=_run_assign)


def _run_assign(args: argparse.Namespace) -> int:
    from juror_app.domain.errors import ValidationError
    from juror_app.store.edition_tables import read_edition
    from juror_app.workflows.organizer.assignment import (
        apply_assignment,
        assignment_rules,
        plan_assignment,
    )

    db = open_organizer(args.assign_db)
    try:
        if read_edition(db) is None:
            raise ValidationError("no_edition", pl="Baza nie zawiera edycji konkursu.", en="The database holds no edition.")
        preview = plan_assignment(db, per_dossier=args.per_dossier, seed=args.seed,
                                  only_covering=args.only_covering_jurors)
        saved = assignment_rules(db)
        rules_change = saved is None or (saved.per_dossier, saved.only_covering_jurors, saved.seed) != (
            preview.per_dossier, preview.only_covering, preview.seed)
        allowed = preview.complete or args.allow_partial
        written = False
        if allowed and not args.dry_run and (preview.changes or rules_change):
            apply_assignment(db, preview, allow_partial=args.allow_partial, by="juror-app assign")
            written = True
    finally:
        db.close()
    if args.as_json:
        report = preview.summary()
        report.update(written=written, dry_run=args.dry_run,
                      reissue=list(preview.touched_jurors) if written else [])
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    else:
        print("\n".join(_report(preview, written=written, dry_run=args.dry_run, allowed=allowed)))
    return EXIT_OK if preview.complete else EXIT_FAILED


def _report(preview, *, written: bool, dry_run: bool, allowed: bool) -> list[str]:
    p = preview
    lines = [pick(
        f"Plan przydziału: {count_pl(p.dossiers, 'teczka', 'teczki', 'teczek')}, "
        f"{count_pl(p.jurors, 'dostępny członek', 'dostępnych członków', 'dostępnych członków')} Kapituły"
        + (f" (poza Kapitułą: {p.jurors_left})" if p.jurors_left else "")
        + f", {p.per_dossier} na teczkę, ziarno {p.seed}" + (", tylko obejmujący kategorię" if p.only_covering else "") + ".",
        f"Assignment plan: {count_en(p.dossiers, 'dossier', 'dossiers')}, {count_en(p.jurors, 'available juror', 'available jurors')}"
        + (f" ({p.jurors_left} left)" if p.jurors_left else "")
        + f", {p.per_dossier} per dossier, seed {p.seed}" + (", only jurors covering the category" if p.only_covering else "") + ".")]
    lines.append(pick(f"Zostaje: {len(p.kept)}, dochodzi: {len(p.added)}, zwolnione: {len(p.released)}.",
                      f"Kept: {len(p.kept)}, added: {len(p.added)}, released: {len(p.released)}."))
    lines.append(pick(f"Obciążenie: od {p.min_load} do {p.max_load} teczek na osobę:",
                      f"Load: {p.min_load} to {p.max_load} dossiers per juror:"))
    loads = [f"{j} {n}" for j, n in p.load.items()]
    lines += ["  " + ", ".join(loads[i:i + LOADS_PER_LINE]) for i in range(0, len(loads), LOADS_PER_LINE)]
    if p.released:
        lines.append(pick("Zwolnione przydziały:", "Released assignments:"))
        lines += [f"  {r.describe()}" for r in p.released]
    if p.added:
        by_dossier: dict[str, list[str]] = {}
        for a in p.added:
            by_dossier.setdefault(a.dossier_id, []).append(a.juror_id)
        if len(by_dossier) <= MAX_LISTED_DOSSIERS:
            lines.append(pick("Nowe przydziały:", "New assignments:"))
            lines += [f"  {d} → {', '.join(js)}" for d, js in sorted(by_dossier.items())]
        else:
            lines.append(pick(f"Nowe przydziały w {count_pl(len(by_dossier), 'teczce', 'teczkach', 'teczkach')}.",
                              f"New assignments in {count_en(len(by_dossier), 'dossier', 'dossiers')}."))
    if p.violations:
        lines.append(pick(f"Niespełnione warunki ({len(p.violations)}):", f"Constraints not met ({len(p.violations)}):"))
        lines += [f"  {problem.message()}" for problem in p.violations]
    if p.limits:
        lines.append(pick("Tak dobrze, jak pozwalają zachowane przydziały i zasady:",
                          "As good as the kept assignments and the rules allow:"))
        lines += [f"  {problem.message()}" for problem in p.limits]
    if p.decisions:
        lines.append(pick(f"Czeka na decyzję organizatora ({len(p.decisions)}):",
                          f"Waiting for the organizer's decision ({len(p.decisions)}):"))
        lines += [f"  {problem.message()}" for problem in p.decisions]
    if dry_run:
        lines.append(pick("Próba (--dry-run): niczego nie zapisano.", "Dry run (--dry-run): nothing was written."))
    elif not allowed:
        lines.append(pick("Niczego nie zapisano, bo nie wszystkie warunki da się spełnić. Usuń przyczyny albo, "
                          "aby mimo to zapisać ten plan, dodaj --allow-partial.",
                          "Nothing was written, because not every constraint can be met. Remove the causes or, "
                          "to write this plan anyway, add --allow-partial."))
    elif written and p.touched_jurors:
        lines.append(pick(f"Zapisano plan. Paczki z przydziałem są nieaktualne dla: {', '.join(p.touched_jurors)} — wydaj je ponownie.",
                          f"The plan was written. The assignment bundles are out of date for: {', '.join(p.touched_jurors)} — issue them again."))
    elif written:
        lines.append(pick("Zapisano zasady przydziału; przydziały bez zmian.", "The assignment rules were saved; the assignments did not change."))
    else:
        lines.append(pick("Nic do zmiany.", "Nothing to change."))
    return lines
