"""Command line: ``juror-app demo``, ``verify``, ``allowed-signers``, ``merge``, ``results`` and the GUI's start-up flags.

Every subcommand says what is wrong and what to do on bad input, in Polish by default
(``--lang en`` or ``JUROR_APP_LANG=en`` for English), and exits non-zero. Exit codes: 0 success,
1 a check failed or a file was refused, 2 bad arguments or input.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Callable, Sequence

from juror_app import __version__, cli_text
from juror_app.domain.errors import UserError
from juror_app.domain.i18n import pick, set_language

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2

Handler = Callable[[argparse.Namespace], int]


def _positive(limit: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(pick(f"„{text}” nie jest liczbą całkowitą", f"“{text}” is not a whole number")) from None
        if not 1 <= value <= limit:
            raise argparse.ArgumentTypeError(pick(f"wartość musi być od 1 do {limit}", f"the value must be 1 to {limit}"))
        return value
    return parse


def _seed(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(pick(f"„{text}” nie jest liczbą całkowitą", f"“{text}” is not a whole number")) from None


def _existing_file(text: str) -> Path:
    path = Path(text)
    if not path.is_file():
        raise argparse.ArgumentTypeError(pick(f"nie ma pliku „{text}”", f"there is no file “{text}”"))
    return path


def build_parser() -> argparse.ArgumentParser:
    cli_text.install()
    parser = argparse.ArgumentParser(
        prog="juror-app",
        description=pick(
            "Kapituła konkursu „Przyjazny Urząd”: ocena teczek offline, podpisane paczki ocen, scalanie i zestawienia. "
            "Bez polecenia uruchamia okno programu.",
            "Jury of the “Przyjazny Urząd” competition: offline scoring, signed score packages, merging and summaries. "
            "Without a command it opens the program's window.",
        ),
    )
    parser.add_argument("--version", action="version", version=f"juror-app {__version__}")
    parser.add_argument("--lang", choices=["pl", "en"], help=pick("język komunikatów (domyślnie pl)", "language of messages (default pl)"))
    parser.add_argument("--demo", action="store_true", help=pick(
        "otwórz program na edycji demonstracyjnej (nowy tymczasowy profil)",
        "open the program on the demo edition (a fresh temporary profile)"))
    parser.add_argument("--role", choices=["juror", "organizer"], default="juror", help=pick(
        "okno członka Kapituły (domyślnie) albo organizatora", "the juror's window (default) or the organizer's"))
    parser.add_argument("--db", type=Path, help=pick("plik bazy danych edycji (organizator)", "the edition's database file (organizer)"))
    parser.add_argument("--profile", type=Path, help=pick("folder profilu członka Kapituły", "the juror's profile folder"))
    parser.add_argument("--open", type=_existing_file, metavar=pick("PLIK", "FILE"), help=pick(
        "otwórz plik w oknie: paczkę z przydziałem (.pu-bundle) albo paczki ocen (.pu-scores)",
        "open a file in the window: an assignment bundle (.pu-bundle) or score packages (.pu-scores)"))
    sub = parser.add_subparsers(dest="command", metavar=pick("POLECENIE", "COMMAND"), title=pick("polecenia", "commands"))

    demo = sub.add_parser("demo", help=pick("zapisz symulowaną edycję (baza, klucze, paczki)", "write a simulated edition (database, keys, files)"),
                          description=pick(
                              "Zapisuje w OUTDIR kompletną symulowaną edycję: organizer.sqlite, keys/ (klucze demonstracyjne, hasła w keys/README.md), "
                              "enrollments/, bundles/ (paczka z przydziałem dla każdego członka Kapituły) i packages/ (podpisane paczki ocen).",
                              "Writes a complete simulated edition into OUTDIR: organizer.sqlite, keys/ (demo keys, passphrases in keys/README.md), "
                              "enrollments/, bundles/ (one assignment bundle per juror) and packages/ (signed score packages)."))
    demo.add_argument("outdir", type=Path, metavar="OUTDIR", help=pick("nowy lub pusty folder", "a new or empty folder"))
    demo.add_argument("--institutions", type=_positive(20_000), default=24, metavar="N", help=pick("liczba jednostek (domyślnie 24)", "number of institutions (default 24)"))
    demo.add_argument("--jurors", type=_positive(500), default=12, metavar="M", help=pick("liczba członków Kapituły (domyślnie 12)", "number of jurors (default 12)"))
    demo.add_argument("--per-dossier", type=_positive(50), default=3, metavar="K", help=pick("oceniających na teczkę (domyślnie 3)", "jurors per dossier (default 3)"))
    demo.add_argument("--seed", type=_seed, default=2026, metavar="S", help=pick("ziarno losowania (domyślnie 2026)", "random seed (default 2026)"))
    demo.set_defaults(handler=_run_demo)

    verify = sub.add_parser("verify", help=pick("sprawdź plik wymiany (podpis, skróty, treść)", "check an exchange file (signature, hashes, content)"),
                            description=pick(
                                "Mówi, czym jest plik, kto go podpisał i czy przechodzi wszystkie kontrole. Kod wyjścia 0 tylko gdy wszystkie przechodzą.",
                                "Says what the file is, who signed it, and whether every check passes. Exit code 0 only if all pass."))
    verify.add_argument("file", type=_existing_file, metavar=pick("PLIK", "FILE"))
    verify.add_argument("--db", type=_existing_file, dest="verify_db", metavar="organizer.sqlite",
                        help=pick("baza edycji: sprawdź też skład Kapituły, edycję i wersję", "the edition database: also check roster, edition and revision"))
    verify.set_defaults(handler=_run_verify)

    signers = sub.add_parser("allowed-signers", help=pick("wypisz plik allowed_signers dla ssh-keygen -Y verify", "print an allowed_signers file for ssh-keygen -Y verify"))
    signers.add_argument("--db", type=_existing_file, dest="signers_db", required=True, metavar="organizer.sqlite")
    signers.set_defaults(handler=_run_allowed_signers)

    merge = sub.add_parser("merge", help=pick("sprawdź i scal paczki ocen w bazie edycji", "check and merge score packages into the edition database"),
                           description=pick(
                               "Sprawdza każdą paczkę ocen (podpis, skróty, skład Kapituły, wersja) i scala przyjęte w jednej transakcji. "
                               "Dla każdego pliku wypisuje członka Kapituły, wersję i wynik (dla aktualizacji — listę zmian, dla odrzuconych — powód). "
                               "Kod wyjścia 1, jeśli choć jeden plik odrzucono (także nieaktualny lub alarm); ponowny import tych samych plików niczego nie zmienia.",
                               "Checks every score package (signature, hashes, roster, revision) and merges the accepted ones in one transaction. "
                               "Prints per file the juror, revision and outcome (the changes for an update, the reason for a refusal). "
                               "Exit code 1 if any file was refused (stale and alarms included); importing the same files again changes nothing."))
    merge.add_argument("files", type=_existing_file, nargs="+", metavar=pick("PLIK", "FILE"))
    merge.add_argument("--db", type=_existing_file, dest="merge_db", required=True, metavar="organizer.sqlite")
    merge.add_argument("--allow-revision-jump", action="store_true", help=pick(
        "przyjmij paczkę, której wersja przeskakuje o ponad 1000 (świadoma decyzja organizatora)",
        "accept a package whose revision jumps by more than 1000 (the organizer's explicit decision)"))
    merge.set_defaults(handler=_run_merge)

    results = sub.add_parser("results", help=pick("zapisz wyniki (JSON lub CSV dla Excela)", "write the results (JSON, or CSV for Excel)"),
                             description=pick(
                                 "Zapisuje wyniki ze scalonych ocen: kompletność, oceny i statystyki dla teczek i kryteriów, zgodność, rankingi, "
                                 "certyfikację i wyróżnienia. Te same dane dają zawsze identyczny plik. CSV otwiera się poprawnie w polskim Excelu.",
                                 "Writes the results of the merged scores: completeness, scores and statistics per dossier and criterion, agreement, "
                                 "rankings, certification and distinctions. The same data always gives an identical file. The CSV opens correctly in Polish Excel."))
    results.add_argument("--db", type=_existing_file, dest="results_db", required=True, metavar="organizer.sqlite")
    results.add_argument("--format", choices=["json", "csv"], required=True, dest="results_format")
    results.add_argument("--out", type=Path, metavar=pick("PLIK", "FILE"), help=pick(
        "zapisz do pliku (domyślnie na standardowe wyjście)", "write to a file (standard output by default)"))
    results.add_argument("--normalised", action="store_true", help=pick(
        "dodaj ranking po normalizacji ocen członków Kapituły (z-score)", "add the ranking after normalising each juror's scores (z-scores)"))
    results.set_defaults(handler=_run_results)

    report = sub.add_parser("report", help=pick("zapisz zestawienie do druku (PDF)", "write a printable summary (PDF)"),
                            description=pick(
                                "Zapisuje dokument PDF ze scalonych ocen: protocol — protokół posiedzenia Kapituły, institutions — "
                                "zestawienie ocen każdej jednostki z wykresem, ranking — ranking w kategoriach, sheets — karty oceny "
                                "członków Kapituły do podpisu. Każda strona podaje kod danych, z których powstała; wyniki "
                                "(jak z polecenia results --format json) są dołączone do PDF jako wyniki.json.",
                                "Writes a PDF document of the merged scores: protocol — the protocol of the jury meeting, institutions — "
                                "each institution's scores with a chart, ranking — the ranking per category, sheets — the jurors' score "
                                "sheets to sign. Every page names the code of the data it was made from; the results (as from "
                                "results --format json) are attached to the PDF as wyniki.json."))
    report.add_argument("--db", type=_existing_file, dest="report_db", required=True, metavar="organizer.sqlite")
    report.add_argument("--kind", choices=["protocol", "institutions", "ranking", "sheets"], required=True, dest="report_kind",
                        help=pick("rodzaj dokumentu", "the kind of document"))
    report.add_argument("--out", type=Path, required=True, dest="report_out", metavar=pick("PLIK.pdf", "FILE.pdf"),
                        help=pick("plik PDF do zapisania (zastępowany w całości albo wcale)",
                                  "the PDF file to write (replaced whole or not at all)"))
    report.set_defaults(handler=_run_report)
    return parser


def _open_organizer(path: Path):
    from juror_app.store.organizer_schema import open_existing_organizer_db

    return open_existing_organizer_db(path)


def _run_demo(args: argparse.Namespace) -> int:
    from juror_app.workflows.demo import DemoSettings, generate_demo

    if args.per_dossier > args.jurors:
        raise UserError(
            "per_dossier_exceeds_jurors",
            pl=f"--per-dossier ({args.per_dossier}) nie może być większe niż --jurors ({args.jurors}).",
            en=f"--per-dossier ({args.per_dossier}) cannot exceed --jurors ({args.jurors}).",
        )
    settings = DemoSettings(institutions=args.institutions, jurors=args.jurors, per_dossier=args.per_dossier, seed=args.seed)
    summary = generate_demo(args.outdir, settings, progress=lambda msg: print(msg, file=sys.stderr))
    print(summary.render())
    return EXIT_OK


def _run_verify(args: argparse.Namespace) -> int:
    from juror_app.workflows.verify import verify_file

    db = _open_organizer(args.verify_db) if args.verify_db else None
    report = verify_file(args.file, organizer_db=db)
    print(report.render())
    return EXIT_OK if report.ok else EXIT_FAILED


def _run_allowed_signers(args: argparse.Namespace) -> int:
    from juror_app.workflows.organizer_setup import allowed_signers

    sys.stdout.write(allowed_signers(_open_organizer(args.signers_db)))
    return EXIT_OK


def _planned_line(f, lang: str | None = None) -> list[str]:
    """One file of a merge plan as printed: name, juror, revision, outcome; then changes or the reason."""
    from juror_app.domain.i18n import count_en, count_pl
    from juror_app.workflows.package_checks import Outcome

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
    from juror_app.workflows.merge import apply_merge, plan_merge

    db = _open_organizer(args.merge_db)
    plan = plan_merge(db, args.files, allow_revision_jump=args.allow_revision_jump)
    for planned in plan.files:
        print("\n".join(_planned_line(planned)))
    result = apply_merge(db, plan, db_path=args.merge_db)
    refused = sum(f.refused for f in plan.files)
    print()
    print(pick(
        f"Scalono: {count_pl(len(result.merged), 'paczka', 'paczki', 'paczek')} "
        f"({count_pl(result.scores_written, 'ocena', 'oceny', 'ocen')}); zachowano jako dowód: {len(result.evidence)}; "
        f"nowe alarmy: {result.alarms_raised}; odrzucono: {refused}.",
        f"Merged: {count_en(len(result.merged), 'package', 'packages')} ({count_en(result.scores_written, 'score', 'scores')}); "
        f"kept as evidence: {len(result.evidence)}; new alarms: {result.alarms_raised}; refused: {refused}.",
    ))
    return EXIT_FAILED if plan.any_refused else EXIT_OK


def _run_results(args: argparse.Namespace) -> int:
    from juror_app.fsutil import atomic_write
    from juror_app.workflows.results import build_results, results_to_csv, results_to_json

    if args.out is not None and not args.out.parent.is_dir():
        raise UserError(
            "no_such_folder",
            pl=f"Nie ma folderu „{args.out.parent}”. Podaj plik w istniejącym folderze.",
            en=f"There is no folder “{args.out.parent}”. Give a file in an existing folder.",
        )
    results = build_results(_open_organizer(args.results_db), normalised=args.normalised)
    data = results_to_json(results) if args.results_format == "json" else results_to_csv(results)
    if args.out is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        atomic_write(args.out, data)
    return EXIT_OK


def _run_report(args: argparse.Namespace) -> int:
    from juror_app.domain.i18n import count_en, count_pl
    from juror_app.workflows.reports import write_report

    shown = [-1]

    def progress(done: int, total: int, label: str) -> None:
        tenth = 10 * done // total if total else 0
        if tenth > shown[0]:  # a line per tenth of the work, not one per item
            shown[0] = tenth
            print(label, file=sys.stderr, flush=True)

    report = write_report(_open_organizer(args.report_db), args.report_kind, args.report_out, progress=progress)
    print(pick(f"Zapisano {args.report_out}: {count_pl(report.pages, 'strona', 'strony', 'stron')}, "
               f"kod danych {report.fingerprint.code}.",
               f"Wrote {args.report_out}: {count_en(report.pages, 'page', 'pages')}, data code {report.fingerprint.code}."))
    return EXIT_OK


OPENABLE_SUFFIXES = (".pu-bundle", ".pu-scores")


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Parse arguments (language first, so argparse's own errors come in that language).

    A bare bundle or package file as the first argument (how the system opens a double-clicked
    file with the program) means ``--open FILE``.
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0].lower().endswith(OPENABLE_SUFFIXES) and Path(argv[0]).is_file():
        argv = ["--open", argv[0], *argv[1:]]
    for i, item in enumerate(argv):
        if item == "--lang" and i + 1 < len(argv):
            set_language(argv[i + 1])
        elif item.startswith("--lang="):
            set_language(item.split("=", 1)[1])
    return build_parser().parse_args(argv)


def run_command(args: argparse.Namespace) -> int:
    """Run a parsed subcommand; a UserError becomes its message on stderr and exit code 2."""
    try:
        return args.handler(args)
    except UserError as exc:
        print(pick("Błąd: ", "Error: ") + exc.message(), file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(pick("Przerwano.", "Interrupted."), file=sys.stderr)
        return 130


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point for the subcommands (the GUI is started by ``juror_app.__main__``)."""
    args = parse(argv)
    if getattr(args, "handler", None) is None:
        build_parser().print_help()
        return EXIT_USAGE
    return run_command(args)
