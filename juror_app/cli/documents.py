"""``juror-app documents import`` and ``documents list``: the dossiers' PDFs from a folder, previewed file by file.

Exit codes: 0 every file added (or already there, or a skipped system file); 1 a file was refused
(the others are written: run it again after fixing or removing that file, already attached ones
are left as they are); 2 bad arguments, a folder that cannot be read, or a PDF check that cannot start.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from juror_app.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, existing_file, open_organizer, read_organizer
from juror_app.domain.i18n import count_en, count_pl, pick
from juror_app.domain.model import DocumentKind

# Names a person may type for --kind (the stored value, or a Polish word), folded to the kind.
KIND_ALIASES = {
    **{k.value: k for k in DocumentKind},
    "formularz": DocumentKind.APPLICATION_FORM, "zgloszenie": DocumentKind.APPLICATION_FORM,
    "polityka-jakosci": DocumentKind.QUALITY_POLICY,
    "tajemniczy-klient": DocumentKind.MYSTERY_CLIENT_REPORT, "mystery-client": DocumentKind.MYSTERY_CLIENT_REPORT,
    "informacja-zewnetrzna": DocumentKind.EXTERNAL_INFORMATION, "external": DocumentKind.EXTERNAL_INFORMATION,
    "inny": DocumentKind.OTHER,
}


def existing_folder(text: str) -> Path:
    path = Path(text)
    if not path.is_dir():
        what = pick("to plik, a nie folder", "it is a file, not a folder") if path.exists() else pick(
            "nie ma takiego folderu", "there is no such folder")
        raise argparse.ArgumentTypeError(pick(f"„{text}”: {what}", f"“{text}”: {what}"))
    return path


def document_kind(text: str) -> DocumentKind:
    from juror_app.domain.document_rules import name_key

    kind = KIND_ALIASES.get(name_key(text).replace(" ", "-")) or KIND_ALIASES.get(text.strip().lower())
    if kind is None:
        listed = ", ".join(k.value for k in DocumentKind)
        raise argparse.ArgumentTypeError(pick(f"nieznany rodzaj „{text}”; rodzaje: {listed} (albo: formularz, "
                                              "polityka-jakosci, tajemniczy-klient, informacja-zewnetrzna, inny)",
                                              f"unknown kind “{text}”; the kinds: {listed}"))
    return kind


def add_parser(sub: argparse._SubParsersAction) -> None:
    documents = sub.add_parser(
        "documents", help=pick("dokumenty teczek (PDF z folderu)", "the dossiers' documents (PDFs from a folder)"),
        description=pick("Dokumenty PDF teczek zgłoszeniowych.", "The PDF documents of the dossiers."))
    actions = documents.add_subparsers(dest="documents_action", metavar=pick("DZIAŁANIE", "ACTION"),
                                       title=pick("działania", "actions"))
    documents.set_defaults(handler=lambda args: (documents.print_help(sys.stderr), EXIT_USAGE)[1])
    imp = actions.add_parser(
        "import", help=pick("dołącz PDF-y z folderu do teczek", "attach PDFs from a folder to the dossiers"),
        description=pick(
            "Dołącza do teczek pliki PDF z folderu: jeden podfolder na jednostkę, nazwany jej identyfikatorem (i0007), "
            "identyfikatorem teczki (d0007) albo nazwą jednostki (wielkość liter, polskie znaki i odstępy nie mają "
            "znaczenia), albo pliki, których nazwa zaczyna się od identyfikatora jednostki (i0007 formularz.pdf). Rodzaj "
            "dokumentu odczytuje z nazwy (formularz/zgłoszenie/wniosek, polityka jakości, tajemniczy klient, informacja "
            "zewnętrzna/opinia; inaczej: inny), chyba że podano --kind. Każdy PDF sprawdza w osobnym procesie z limitami "
            "(uszkodzony, zaszyfrowany, bez stron, za dużo stron, za duży). Wypisuje każdy znaleziony plik: dodany, już "
            "w teczce, pominięty (plik systemowy) albo odrzucony z powodem; potem zapisuje dodane w jednej transakcji. "
            "Ponowny import tego samego folderu niczego nie dodaje; nowe pliki (np. raporty II etapu) dochodzą do teczek "
            "i trafiają do następnej wersji paczek. Kod wyjścia 1, jeśli jakiś plik odrzucono.",
            "Attaches the PDF files of a folder to the dossiers: one subfolder per institution, named by its id (i0007), "
            "its dossier's id (d0007) or the institution's name (letter case, Polish letters and spacing do not matter), "
            "or files whose names start with the institution's id (i0007 formularz.pdf). The document's kind is read "
            "from its name (formularz/zgłoszenie/wniosek/application form, polityka jakości/quality policy, tajemniczy "
            "klient/mystery, informacja zewnętrzna/opinia/external; else: other) unless --kind is given. Each PDF is "
            "checked in a separate capped process (broken, encrypted, no pages, too many pages, too large). Prints every "
            "file found: added, already attached, skipped (a system file) or refused with the reason; then writes the "
            "added ones in one transaction. Importing the same folder again adds nothing; new files (e.g. stage II "
            "reports) join their dossiers and go out in the next bundle revision. Exit code 1 if a file was refused."))
    imp.add_argument("folder", type=existing_folder, metavar=pick("FOLDER", "FOLDER"))
    imp.add_argument("--db", type=existing_file, dest="documents_db", required=True, metavar="E.sqlite")
    imp.add_argument("--dry-run", action="store_true", help=pick("tylko pokaż podgląd; niczego nie zapisuj",
                                                                 "only show the preview; write nothing"))
    imp.add_argument("--kind", type=document_kind, metavar=pick("RODZAJ", "KIND"), help=pick(
        "rodzaj każdego dodawanego dokumentu zamiast odczytanego z nazwy: " + ", ".join(k.value for k in DocumentKind),
        "the kind of every added document instead of the one read from its name: " + ", ".join(k.value for k in DocumentKind)))
    imp.add_argument("--full-check", action="store_true", help=pick(
        "sprawdź każdy PDF tak jak program członka Kapituły (tekst każdej strony, pierwsza strona narysowana; wolniej)",
        "check every PDF as the juror's program does (every page's text, the first page drawn; slower)"))
    imp.set_defaults(handler=_run_import)
    listing = actions.add_parser(
        "list", help=pick("pokaż dokumenty teczek", "list the dossiers' documents"),
        description=pick("Wypisuje teczki z ich dokumentami (rodzaj, etap, tytuł, strony, skąd pochodzi) i teczki "
                         "bez dokumentów. Niczego nie zmienia.",
                         "Lists the dossiers with their documents (kind, stage, title, pages, where it came from) and "
                         "the dossiers without documents. Changes nothing."))
    listing.add_argument("--db", type=existing_file, dest="documents_db", required=True, metavar="E.sqlite")
    listing.add_argument("--dossier", metavar="ID", help=pick("tylko ta teczka", "only this dossier"))
    listing.set_defaults(handler=_run_list)


def _run_import(args: argparse.Namespace) -> int:
    from juror_app.workflows.organizer.documents import (
        FileOutcome,
        apply_documents,
        preview_documents,
        render_preview,
    )
    from juror_app.workflows.pdf_check import Depth

    db = open_organizer(args.documents_db)
    try:
        preview = preview_documents(db, args.folder, depth=Depth.FULL if args.full_check else Depth.STRUCTURE)
        if args.kind is not None:
            for item in preview.of(FileOutcome.ADD):
                preview = preview.with_kind(item.relative, args.kind)
        result = None
        if not args.dry_run and preview.writes:
            result = apply_documents(db, preview)
    finally:
        db.close()
    print(render_preview(preview, result=result))
    if args.dry_run:
        print(pick("Próba (--dry-run): niczego nie zapisano.", "Dry run (--dry-run): nothing was written."))
    elif result is None:
        print(pick("Nie było czego zapisać.", "There was nothing to write."))
    return EXIT_FAILED if preview.of(FileOutcome.REFUSED) else EXIT_OK


def _run_list(args: argparse.Namespace) -> int:
    from juror_app.domain.document_rules import stage_of
    from juror_app.domain.errors import ValidationError
    from juror_app.workflows.organizer.document_edits import dossiers_with_documents, kind_name

    db = read_organizer(args.documents_db)
    try:
        dossiers = dossiers_with_documents(db)
    finally:
        db.close()
    if args.dossier is not None:
        dossiers = [d for d in dossiers if d.dossier_id == args.dossier]
        if not dossiers:
            raise ValidationError("unknown_dossier", pl=f"Nie ma teczki „{args.dossier}”.",
                                  en=f"There is no dossier “{args.dossier}”.")
    for dossier in dossiers:
        count = len(dossier.documents)
        print(f"{dossier.dossier_id} [{dossier.institution_id}] {dossier.institution_name} — "
              + pick(count_pl(count, "dokument", "dokumenty", "dokumentów"), count_en(count, "document", "documents")))
        for doc in dossier.documents:
            stage = stage_of(DocumentKind(doc.kind)).value
            source = pick(f"; z pliku „{doc.original_name}”", f"; from “{doc.original_name}”") if doc.original_name else ""
            print(pick(f"  {doc.id}: {kind_name(doc.kind)} (etap {stage}), „{doc.title}”, "
                       f"{count_pl(doc.pages, 'strona', 'strony', 'stron')}, {doc.size} B{source}",
                       f"  {doc.id}: {kind_name(doc.kind)} (stage {stage}), “{doc.title}”, "
                       f"{count_en(doc.pages, 'page', 'pages')}, {doc.size} B{source}"))
    empty = [d.dossier_id for d in dossiers if d.empty]
    print(pick(f"Teczek: {len(dossiers)}; bez dokumentów: {len(empty)}", f"Dossiers: {len(dossiers)}; without documents: "
               f"{len(empty)}") + (f" ({', '.join(empty[:50])}{', …' if len(empty) > 50 else ''})" if empty else "") + ".")
    return EXIT_OK
