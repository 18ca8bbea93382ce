"""``juror-app verify FILE`` and ``allowed-signers``: checking files, and the keys to check them with."""

from __future__ import annotations

import argparse
import sys

from juror_app.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    existing_file,
    read_organizer,
)
from juror_app.domain.i18n import pick


def add_parser(sub: argparse._SubParsersAction) -> None:
    verify = sub.add_parser("verify", help=pick("sprawdź plik wymiany (podpis, skróty, treść)", "check an exchange file (signature, hashes, content)"),
                            description=pick(
                                "Mówi, czym jest plik, kto go podpisał i czy przechodzi wszystkie kontrole. Kod wyjścia 0 tylko gdy wszystkie przechodzą.",
                                "Says what the file is, who signed it, and whether every check passes. Exit code 0 only if all pass."))
    verify.add_argument("file", type=existing_file, metavar=pick("PLIK", "FILE"))
    verify.add_argument("--db", type=existing_file, dest="verify_db", metavar="organizer.sqlite",
                        help=pick("baza edycji: sprawdź też skład Kapituły, edycję i wersję", "the edition database: also check roster, edition and revision"))
    verify.set_defaults(handler=_run_verify)

    signers = sub.add_parser("allowed-signers", help=pick("wypisz plik allowed_signers dla ssh-keygen -Y verify", "print an allowed_signers file for ssh-keygen -Y verify"))
    signers.add_argument("--db", type=existing_file, dest="signers_db", required=True, metavar="organizer.sqlite")
    signers.set_defaults(handler=_run_allowed_signers)


def _run_verify(args: argparse.Namespace) -> int:
    from juror_app.workflows.organizer.verify import verify_file

    db = read_organizer(args.verify_db) if args.verify_db else None
    report = verify_file(args.file, organizer_db=db)
    print(report.render())
    return EXIT_OK if report.ok else EXIT_FAILED


def _run_allowed_signers(args: argparse.Namespace) -> int:
    from juror_app.workflows.organizer.setup import allowed_signers

    sys.stdout.write(allowed_signers(read_organizer(args.signers_db)))
    return EXIT_OK
