"""Command line: one module per subcommand (``demo``, ``verify``, ``merge``, …) and the GUI's start-up flags.

Every subcommand says what is wrong and what to do on bad input, in Polish by default
(``--lang en`` or ``JUROR_APP_LANG=en`` for English), and exits non-zero. Exit codes: 0 success,
1 a check failed or a file was refused, 2 bad arguments or input.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Sequence

from juror_app import __version__
from juror_app.cli import alarms, argparse_pl, assign, demo, edition, institutions, merge, report, results, verify
from juror_app.cli import documents, enroll
from juror_app.cli.common import EXIT_FAILED, EXIT_USAGE, existing_file, os_error_message
from juror_app.domain.errors import UserError
from juror_app.domain.i18n import pick, set_language

COMMANDS = (demo, edition, institutions, documents, assign, verify, merge, alarms, results, report, enroll)  # each adds its subcommands to the parser, in this order


def build_parser() -> argparse.ArgumentParser:
    argparse_pl.install()
    parser = argparse.ArgumentParser(
        prog="juror-app",
        description=pick(
            "Kapituła konkursu „Przyjazny Urząd”: ocena teczek offline, podpisane paczki ocen, scalanie i zestawienia. "
            "Bez polecenia uruchamia okno programu.",
            "Jury of the “Przyjazny Urząd” competition: offline scoring, signed score packages, merging and summaries. "
            "Without a command it opens the program's window.",
        ),
    )
    parser.add_argument("--version", action="version", version=f"juror-app {__version__}",
                        help=pick("pokaż wersję programu i zakończ", "show the program's version and exit"))
    parser.add_argument("--lang", choices=LANGUAGES, help=pick("język komunikatów (domyślnie pl)", "language of messages (default pl)"))
    parser.add_argument("--demo", action="store_true", help=pick(
        "otwórz program na edycji demonstracyjnej (nowy tymczasowy profil)",
        "open the program on the demo edition (a fresh temporary profile)"))
    parser.add_argument("--role", choices=["juror", "organizer"], default="juror", help=pick(
        "okno członka Kapituły (domyślnie) albo organizatora", "the juror's window (default) or the organizer's"))
    parser.add_argument("--db", type=Path, help=pick("plik bazy danych edycji (organizator)", "the edition's database file (organizer)"))
    parser.add_argument("--profile", type=Path, help=pick("folder profilu członka Kapituły", "the juror's profile folder"))
    parser.add_argument("--open", type=existing_file, metavar=pick("PLIK", "FILE"), help=pick(
        "otwórz plik w oknie: paczkę z przydziałem (.pu-bundle) albo paczki ocen (.pu-scores)",
        "open a file in the window: an assignment bundle (.pu-bundle) or score packages (.pu-scores)"))
    sub = parser.add_subparsers(dest="command", metavar=pick("POLECENIE", "COMMAND"), title=pick("polecenia", "commands"))

    for command in COMMANDS:
        command.add_parser(sub)
    for subcommand in sub.choices.values():  # ``juror-app verify FILE --lang en`` works as well as before the command
        subcommand.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS,
                                help=pick("język komunikatów (domyślnie pl)", "language of messages (default pl)"))
    return parser


LANGUAGES = ["pl", "en"]
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
    """Run a parsed subcommand; a UserError or a file the system refused becomes a message on stderr and exit 2.

    Output piped into a program that stops reading (``juror-app verify … | head``) ends the command
    quietly, as other command-line tools do.
    """
    try:
        code = args.handler(args)
        sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's last flush
        return code
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_FAILED
    except UserError as exc:
        print(pick("Błąd: ", "Error: ") + exc.message(), file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:  # a folder that cannot be written, a file that cannot be read: say which and why
        print(pick("Błąd: ", "Error: ") + os_error_message(exc), file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(pick("Przerwano.", "Interrupted."), file=sys.stderr)
        return 130


def _silence_stdout() -> None:
    """Point standard output at the null device, so that Python's final flush finds no closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point for the subcommands (the GUI is started by ``juror_app.__main__``)."""
    args = parse(argv)
    if getattr(args, "handler", None) is None:
        build_parser().print_help()
        return EXIT_USAGE
    return run_command(args)
