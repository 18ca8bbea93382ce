"""Command line: ``juror-app demo``, ``verify``, ``allowed-signers`` and the GUI's start-up flags.

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
    return parser


def _open_organizer(path: Path):
    from juror_app.store.organizer_schema import open_organizer_db

    return open_organizer_db(path)


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


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Parse arguments (language first, so argparse's own errors come in that language)."""
    argv = list(sys.argv[1:] if argv is None else argv)
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
