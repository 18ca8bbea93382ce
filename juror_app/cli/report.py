"""``juror-app report``: printable PDFs of the merged results."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from juror_app.cli.common import (
    EXIT_OK,
    existing_file,
    read_organizer,
)
from juror_app.domain.i18n import pick


def add_parser(sub: argparse._SubParsersAction) -> None:
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
    report.add_argument("--db", type=existing_file, dest="report_db", required=True, metavar="organizer.sqlite")
    report.add_argument("--kind", choices=["protocol", "institutions", "ranking", "sheets"], required=True, dest="report_kind",
                        help=pick("rodzaj dokumentu", "the kind of document"))
    report.add_argument("--out", type=Path, required=True, dest="report_out", metavar=pick("PLIK.pdf", "FILE.pdf"),
                        help=pick("plik PDF do zapisania (zastępowany w całości albo wcale)",
                                  "the PDF file to write (replaced whole or not at all)"))
    report.set_defaults(handler=_run_report)


def _run_report(args: argparse.Namespace) -> int:
    from juror_app.domain.i18n import count_en, count_pl
    from juror_app.workflows.organizer.reports import write_report

    shown = [-1]

    def progress(done: int, total: int, label: str) -> None:
        tenth = 10 * done // total if total else 0
        if tenth > shown[0]:  # a line per tenth of the work, not one per item
            shown[0] = tenth
            print(label, file=sys.stderr, flush=True)

    report = write_report(read_organizer(args.report_db), args.report_kind, args.report_out, progress=progress)
    print(pick(f"Zapisano {args.report_out}: {count_pl(report.pages, 'strona', 'strony', 'stron')}, "
               f"kod danych {report.fingerprint.code}.",
               f"Wrote {args.report_out}: {count_en(report.pages, 'page', 'pages')}, data code {report.fingerprint.code}."))
    if report.replaced:
        print(report.notice(), file=sys.stderr)
    return EXIT_OK
