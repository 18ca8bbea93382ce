"""``juror-app results``: the merged results as JSON or as CSV for Polish Excel."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from juror_app.cli.common import (
    EXIT_OK,
    existing_file,
    os_error_reason,
    read_organizer,
)
from juror_app.domain.errors import UserError
from juror_app.domain.i18n import pick


def add_parser(sub: argparse._SubParsersAction) -> None:
    results = sub.add_parser("results", help=pick("zapisz wyniki (JSON lub CSV dla Excela)", "write the results (JSON, or CSV for Excel)"),
                             description=pick(
                                 "Zapisuje wyniki ze scalonych ocen: kompletność, oceny i statystyki dla teczek i kryteriów, zgodność, rankingi, "
                                 "certyfikację i wyróżnienia. Te same dane dają zawsze identyczny plik. CSV otwiera się poprawnie w polskim Excelu.",
                                 "Writes the results of the merged scores: completeness, scores and statistics per dossier and criterion, agreement, "
                                 "rankings, certification and distinctions. The same data always gives an identical file. The CSV opens correctly in Polish Excel."))
    results.add_argument("--db", type=existing_file, dest="results_db", required=True, metavar="organizer.sqlite")
    results.add_argument("--format", choices=["json", "csv"], required=True, dest="results_format")
    results.add_argument("--out", type=Path, metavar=pick("PLIK", "FILE"), help=pick(
        "zapisz do pliku (domyślnie na standardowe wyjście)", "write to a file (standard output by default)"))
    results.add_argument("--normalised", action="store_true", help=pick(
        "dodaj ranking po normalizacji ocen członków Kapituły (z-score)", "add the ranking after normalising each juror's scores (z-scores)"))
    results.set_defaults(handler=_run_results)


def _run_results(args: argparse.Namespace) -> int:
    from juror_app.fsutil import atomic_write
    from juror_app.workflows.organizer.results import (
        build_results,
        results_to_csv,
        results_to_json,
    )

    if args.out is not None and not args.out.parent.is_dir():
        raise UserError(
            "no_such_folder",
            pl=f"Nie ma folderu „{args.out.parent}”. Podaj plik w istniejącym folderze.",
            en=f"There is no folder “{args.out.parent}”. Give a file in an existing folder.",
        )
    if args.out is not None and args.out.is_dir():
        example = args.out / f"wyniki.{args.results_format}"
        raise UserError(
            "output_is_folder",
            pl=f"„{args.out}” jest folderem. Podaj nazwę pliku, np. {example}.",
            en=f"“{args.out}” is a folder. Give the name of a file, e.g. {example}.",
        )
    if args.out is not None and not os.access(args.out.parent, os.W_OK):
        raise _not_saved(args.out, ("w tym folderze nie można zapisywać (brak uprawnień albo nośnik tylko do odczytu)",
                                    "this folder cannot be written to (no permission, or a read-only medium)"))
    results = build_results(read_organizer(args.results_db), normalised=args.normalised)
    data = results_to_json(results) if args.results_format == "json" else results_to_csv(results)
    if args.out is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return EXIT_OK
    try:
        atomic_write(args.out, data)
    except OSError as exc:
        raise _not_saved(args.out, os_error_reason(exc)) from exc
    return EXIT_OK


def _not_saved(out: Path, reason: tuple[str, str]) -> UserError:
    return UserError(
        "results_save_failed",
        pl=f"Nie udało się zapisać pliku {out}: {reason[0]}. Wybierz folder, w którym możesz zapisywać "
           "(nie na płycie ani w archiwum), i sprawdź miejsce na dysku.",
        en=f"Could not save the file {out}: {reason[1]}. Choose a folder you can write to (not on a disc or in an "
           "archive) and check the free disk space.",
    )
