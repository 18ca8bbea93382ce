"""``juror-app merge``: check score packages and merge the acceptable ones in one transaction."""

from __future__ import annotations

import argparse

from juror_app.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    existing_file,
    open_organizer,
)
from juror_app.domain.i18n import pick


def add_parser(sub: argparse._SubParsersAction) -> None:
    merge = sub.add_parser("merge", help=pick("sprawdź i scal paczki ocen w bazie edycji", "check and merge score packages into the edition database"),
                           description=pick(
                               "Sprawdza każdą paczkę ocen (podpis, skróty, skład Kapituły, wersja) i scala przyjęte w jednej transakcji. "
                               "Dla każdego pliku wypisuje członka Kapituły, wersję i wynik (dla aktualizacji — listę zmian, dla odrzuconych — powód). "
                               "Kod wyjścia 1, jeśli choć jeden plik odrzucono (także nieaktualny, wstrzymany lub alarm); ponowny import tych samych plików niczego nie zmienia.",
                               "Checks every score package (signature, hashes, roster, revision) and merges the accepted ones in one transaction. "
                               "Prints per file the juror, revision and outcome (the changes for an update, the reason for a refusal). "
                               "Exit code 1 if any file was refused (stale, held and alarms included); importing the same files again changes nothing."))
    merge.add_argument("files", type=existing_file, nargs="+", metavar=pick("PLIK", "FILE"))
    merge.add_argument("--db", type=existing_file, dest="merge_db", required=True, metavar="organizer.sqlite")
    merge.add_argument("--allow-revision-jump", action="store_true", help=pick(
        "przyjmij paczkę, której wersja przeskakuje o ponad 1000 (świadoma decyzja organizatora)",
        "accept a package whose revision jumps by more than 1000 (the organizer's explicit decision)"))
    merge.set_defaults(handler=_run_merge)


def _planned_line(f, lang: str | None = None) -> list[str]:
    """One file of a merge plan as printed: name, juror, revision, outcome; then changes or the reason."""
    from juror_app.domain.i18n import count_en, count_pl
    from juror_app.workflows.organizer.package_checks import Outcome

    who = f"{f.juror_id} ({f.signer_name})" if f.juror_id and f.signer_name else (f.juror_id or "—")
    head = f"{f.path.name}: {who}, {pick('wersja', 'revision', lang)} {f.revision if f.revision is not None else '—'} — {f.outcome_name(lang)}"
    if f.outcome is Outcome.NEW and f.counts:
        head += " (" + pick(f"{count_pl(f.counts['dossiers'], 'teczka', 'teczki', 'teczek')}, "
                            f"{count_pl(f.counts['scores'], 'ocena', 'oceny', 'ocen')}",
                            f"{count_en(f.counts['dossiers'], 'dossier', 'dossiers')}, "
                            f"{count_en(f.counts['scores'], 'score', 'scores')}", lang) + ")"
    elif f.outcome is Outcome.UPDATE:
        head += " (" + pick(count_pl(len(f.changes), "zmiana", "zmiany", "zmian"),
                            count_en(len(f.changes), "change", "changes"), lang) + ")"
    lines = [head]
    lines += [f"    {change.describe(lang)}" for change in f.changes]
    if f.reason_pl and f.outcome is not Outcome.UPDATE and f.outcome is not Outcome.NEW:
        lines.append(f"    {pick('Powód', 'Reason', lang)}: {f.reason(lang)}")
    return lines


def _run_merge(args: argparse.Namespace) -> int:
    from juror_app.domain.i18n import count_en, count_pl
    from juror_app.workflows.organizer.merge import apply_merge, plan_merge
    from juror_app.workflows.organizer.outcomes import Outcome

    db = open_organizer(args.merge_db)
    plan = plan_merge(db, args.files, allow_revision_jump=args.allow_revision_jump)
    for planned in plan.files:
        print("\n".join(_planned_line(planned)))
    result = apply_merge(db, plan, db_path=args.merge_db)
    held = sum(f.outcome is Outcome.HELD for f in plan.files)
    refused = sum(f.refused for f in plan.files) - held
    print()
    print(pick(
        f"Scalono: {count_pl(len(result.merged), 'paczka', 'paczki', 'paczek')} "
        f"({count_pl(result.scores_written, 'ocena', 'oceny', 'ocen')}); zachowano jako dowód: {len(result.evidence)}; "
        f"nowe alarmy: {result.alarms_raised}; odrzucono: {refused}" + (f"; wstrzymano (alarm): {held}." if held else "."),
        f"Merged: {count_en(len(result.merged), 'package', 'packages')} ({count_en(result.scores_written, 'score', 'scores')}); "
        f"kept as evidence: {len(result.evidence)}; new alarms: {result.alarms_raised}; refused: {refused}"
        + (f"; held (alarm): {held}." if held else "."),
    ))
    if held or result.alarms_raised:
        print(pick(f"Alarmy i ich rozstrzyganie: juror-app alarms --db {args.merge_db}",
                   f"The alarms and how to resolve them: juror-app alarms --db {args.merge_db}"))
    return EXIT_FAILED if plan.any_refused else EXIT_OK
