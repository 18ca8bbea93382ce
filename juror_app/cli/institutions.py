"""``juror-app institutions import``: applicants from a CSV or XLSX file, previewed row by row, then written."""

from __future__ import annotations

import argparse
import sys

from juror_app.cli.common import EXIT_FAILED, EXIT_OK, existing_file, open_organizer
from juror_app.domain.errors import FormatError
from juror_app.domain.i18n import pick


def add_parser(sub: argparse._SubParsersAction) -> None:
    institutions = sub.add_parser(
        "institutions", help=pick("jednostki zgłoszone do konkursu (import z CSV/XLSX)",
                                  "the applicant institutions (import from CSV/XLSX)"),
        description=pick("Jednostki zgłoszone do edycji.", "The institutions that applied to the edition."))
    actions = institutions.add_subparsers(dest="institutions_action", metavar=pick("DZIAŁANIE", "ACTION"),
                                          title=pick("działania", "actions"))
    institutions.set_defaults(handler=lambda args: (institutions.print_help(sys.stderr), 2)[1])
    imp = actions.add_parser(
        "import", help=pick("zaimportuj jednostki z pliku CSV lub XLSX", "import institutions from a CSV or XLSX file"),
        description=pick(
            "Wczytuje listę jednostek z pliku CSV (jak zapisuje go Excel: separator ; lub ,, UTF-8 z BOM albo Windows-1250) "
            "lub XLSX (pierwszy arkusz). Nagłówek (po polsku lub angielsku): Nazwa (lub Nazwa jednostki), Kategoria (nazwa lub "
            "identyfikator), Województwo, Powiat, Gmina, Miejscowość, Adres, Osoba kontaktowa, E-mail, Telefon, Identyfikator. "
            "Dla każdego wiersza wypisuje, co się stanie: dodanie, aktualizacja (ze zmianami), bez zmian albo odrzucenie z powodem; "
            "potem zapisuje dodania i aktualizacje w jednej transakcji. Jednostkę rozpoznaje po identyfikatorze, a bez niego po "
            "nazwie i kategorii; pusta komórka nie zmienia zapisanej wartości. Dane kontaktowe zostają u organizatora. "
            "Limity: 20 MiB, 20 000 wierszy. Kod wyjścia 1, jeśli jakiś wiersz odrzucono albo pliku nie da się odczytać.",
            "Reads a list of institutions from a CSV file (as Excel writes it: ; or , delimited, UTF-8 with BOM or "
            "Windows-1250) or an XLSX file (the first sheet). Header (Polish or English): Nazwa/Name, Kategoria/Category (the "
            "category's name or id), Województwo/Voivodeship, Powiat/County, Gmina/Commune, Miejscowość/City, Adres/Address, "
            "Osoba kontaktowa/Contact person, E-mail, Telefon/Phone, Identyfikator/Id. Prints for every row what will happen: add, "
            "update (with the changes), unchanged, or refused with the reason; then writes the adds and updates in one "
            "transaction. An institution is matched by its id, else by name and category; an empty cell leaves the stored "
            "value. Contact data stays with the organizer. Limits: 20 MiB, 20,000 rows. Exit code 1 if any row was refused "
            "or the file cannot be read."))
    imp.add_argument("file", type=existing_file, metavar=pick("PLIK.csv|PLIK.xlsx", "FILE.csv|FILE.xlsx"))
    imp.add_argument("--db", type=existing_file, dest="institutions_db", required=True, metavar="E.sqlite")
    imp.add_argument("--dry-run", action="store_true", help=pick("tylko pokaż podgląd; niczego nie zapisuj",
                                                                 "only show the preview; write nothing"))
    imp.set_defaults(handler=_run_import)


def _run_import(args: argparse.Namespace) -> int:
    from juror_app.workflows.organizer.institution_import import (
        RowAction,
        apply_import,
        preview_import,
        render_preview,
    )

    db = open_organizer(args.institutions_db)
    try:
        preview = preview_import(db, args.file)
    except FormatError as exc:
        print(pick(f"Odrzucono plik {args.file.name}: ", f"Refused the file {args.file.name}: ") + exc.message(), file=sys.stderr)
        return EXIT_FAILED
    result = None
    if not args.dry_run and preview.writes:
        result = apply_import(db, preview)
    print(render_preview(preview, result=result))
    if args.dry_run:
        print(pick("Próba (--dry-run): niczego nie zapisano.", "Dry run (--dry-run): nothing was written."))
    elif result is None:
        print(pick("Nie było czego zapisać.", "There was nothing to write."))
    return EXIT_FAILED if preview.of(RowAction.REFUSED) else EXIT_OK
