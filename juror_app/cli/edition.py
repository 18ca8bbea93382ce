"""``juror-app edition new`` and ``edition show``: a new edition database with its organizer key; what it holds."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from juror_app.cli.common import EXIT_OK, existing_file, open_organizer
from juror_app.cli.passphrase import existing_passphrase, new_passphrase, passphrase_file_help
from juror_app.domain.i18n import count_en, count_pl, pick
from juror_app.domain.rules import format_points


def _year(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(pick(f"„{text}” nie jest rokiem", f"“{text}” is not a year")) from None
    if not 2000 <= value <= 2200:
        raise argparse.ArgumentTypeError(pick("rok musi być od 2000 do 2200", "the year must be 2000 to 2200"))
    return value


def _number(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(pick(f"„{text}” nie jest liczbą całkowitą", f"“{text}” is not a whole number")) from None
    if not 1 <= value <= 1000:
        raise argparse.ArgumentTypeError(pick("numer edycji musi być od 1 do 1000", "the edition number must be 1 to 1000"))
    return value


def _name(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError(pick("nazwa nie może być pusta", "the name cannot be empty"))
    return text.strip()


def add_parser(sub: argparse._SubParsersAction) -> None:
    edition = sub.add_parser(
        "edition", help=pick("nowa edycja konkursu; co zawiera edycja", "a new competition edition; what an edition holds"),
        description=pick("Tworzenie bazy nowej edycji (z kluczem organizatora) i jej podgląd.",
                         "Creating a new edition's database (with the organizer key), and showing one."))
    actions = edition.add_subparsers(dest="edition_action", metavar=pick("DZIAŁANIE", "ACTION"),
                                     title=pick("działania", "actions"))
    edition.set_defaults(handler=lambda args: _usage(edition))

    new = actions.add_parser(
        "new", help=pick("utwórz bazę nowej edycji z kluczem organizatora", "create a new edition's database with the organizer key"),
        description=pick(
            "Tworzy nową bazę edycji (plik nie może istnieć): strukturę z szablonu (domyślnie „przyjazny-urzad”: kategorie, "
            "dwa etapy, kryteria z poziomami skali, wyróżnienia, reguła certyfikacji), z kopii struktury wcześniejszej edycji "
            "(bez osób, teczek i ocen) albo pustą (tylko dwa etapy; paczek nie da się wydać, dopóki edycja nie jest kompletna). "
            "Klucz organizatora: nowy (--key-out, hasło dwa razy, Argon2id jak klucz członka Kapituły; plik nie może istnieć) "
            "albo istniejący (--key). Hasło z --passphrase-file PLIK (pierwszy wiersz) albo wpisywane bez echa.",
            "Creates a new edition database (the file must not exist): the structure from a template (default "
            "“przyjazny-urzad”: categories, two stages, criteria with rubric levels, distinctions, certification rule), "
            "from a copy of an earlier edition's structure (no people, dossiers or scores) or empty (the two stages only; "
            "no bundle can be issued until the edition is complete). The organizer key: a new one (--key-out, passphrase "
            "twice, Argon2id like a juror's key; the file must not exist) or an existing one (--key). The passphrase from "
            "--passphrase-file FILE (its first line) or typed without echo."))
    new.add_argument("--db", type=Path, dest="edition_db", required=True, metavar="E.sqlite",
                     help=pick("nowy plik bazy edycji", "the new edition database file"))
    new.add_argument("--name", type=_name, required=True, metavar=pick("NAZWA", "NAME"),
                     help=pick("nazwa edycji, np. „XII edycja Konkursu „Przyjazny Urząd” 2027”",
                               "the edition's name, e.g. “XII edycja Konkursu „Przyjazny Urząd” 2027”"))
    new.add_argument("--year", type=_year, required=True, metavar=pick("RRRR", "YYYY"))
    new.add_argument("--number", type=_number, metavar="N", help=pick(
        "numer edycji (domyślnie: numer wcześniejszej + 1 przy --copy-from, inaczej 1)",
        "the edition's number (default: the earlier one's + 1 with --copy-from, else 1)"))
    new.add_argument("--organizer", metavar=pick("NAZWA", "NAME"), help=pick(
        "organizator konkursu (domyślnie: jak we wcześniejszej edycji przy --copy-from)",
        "the competition's organizer (default: as in the earlier edition with --copy-from)"))
    start = new.add_mutually_exclusive_group()
    start.add_argument("--template", metavar="ID", help=pick("szablon struktury (domyślnie przyjazny-urzad)",
                                                             "the structure's template (default przyjazny-urzad)"))
    start.add_argument("--copy-from", type=existing_file, metavar="OLD.sqlite", help=pick(
        "skopiuj strukturę z bazy wcześniejszej edycji (ten plik nie zostanie zmieniony)",
        "copy the structure from an earlier edition's database (that file is not changed)"))
    start.add_argument("--empty", action="store_true", help=pick("pusta edycja: tylko dwa etapy", "an empty edition: the two stages only"))
    key = new.add_mutually_exclusive_group(required=True)
    key.add_argument("--key-out", type=Path, metavar="ORG.key", help=pick(
        "zapisz nowy klucz organizatora w tym pliku (nie może istnieć)", "write a new organizer key to this file (it must not exist)"))
    key.add_argument("--key", type=existing_file, dest="existing_key", metavar="ORG.key", help=pick(
        "użyj istniejącego klucza organizatora", "use an existing organizer key"))
    new.add_argument("--passphrase-file", type=existing_file, metavar=pick("PLIK", "FILE"), help=passphrase_file_help())
    new.set_defaults(handler=_run_new)

    show = actions.add_parser(
        "show", help=pick("pokaż kategorie, kryteria i liczby edycji", "show the edition's categories, criteria and counts"),
        description=pick("Pokazuje edycję: etapy, kategorie (z liczbą jednostek), kryteria, wyróżnienia, regułę certyfikacji, "
                         "liczby (jednostki, teczki, dokumenty, skład, przydziały, paczki, oceny) i czego brakuje przed wydaniem paczek.",
                         "Shows the edition: stages, categories (with their numbers of institutions), criteria, distinctions, the "
                         "certification rule, counts (institutions, dossiers, documents, roster, assignments, bundles, scores) and what "
                         "is missing before bundles can be issued."))
    show.add_argument("--db", type=existing_file, dest="edition_db", required=True, metavar="E.sqlite")
    show.add_argument("--json", action="store_true", help=pick("wypisz jako JSON", "print as JSON"))
    show.set_defaults(handler=_run_show)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def _run_new(args: argparse.Namespace) -> int:
    from juror_app.workflows.organizer.edition import (
        EditionStart,
        ExistingKey,
        NewKey,
        build_edition,
        check_database_path_free,
        new_edition,
    )
    from juror_app.workflows.organizer.organizer_key import check_key_path_free
    from juror_app.workflows.organizer.templates import DEFAULT_TEMPLATE, EditionHead

    if args.copy_from:
        start = EditionStart("copy", str(args.copy_from))
    elif args.empty:
        start = EditionStart("empty", "")
    else:
        start = EditionStart("template", args.template or DEFAULT_TEMPLATE)
    head = EditionHead(name=args.name, year=args.year, number=args.number, organizer=args.organizer)
    build_edition(head, start)  # refuse a bad start or name before asking for a passphrase
    check_database_path_free(args.edition_db)
    if args.key_out:
        check_key_path_free(args.key_out)
        passphrase, again = new_passphrase(args.passphrase_file)
        key = NewKey(args.key_out, passphrase, again)
    else:
        key = ExistingKey(args.existing_key, existing_passphrase(args.passphrase_file, args.existing_key))
    made = new_edition(args.edition_db, head, start, key)
    e = made.edition
    stage_counts = ", ".join(f"{s.id.value}: {len(e.criteria_of_stage(s.id))}" for s in e.stages)
    print(pick(
        f"Utworzono edycję „{e.name}” (rok {e.year}, nr {e.number}, identyfikator {e.id}) w {made.db_path}, {start.describe()}.",
        f"Created the edition “{e.name}” (year {e.year}, no. {e.number}, identifier {e.id}) in {made.db_path}, {start.describe()}."))
    print(pick(
        f"Kategorie: {len(e.categories)}; kryteria: {len(e.criteria)} (etap {stage_counts}); wyróżnienia: {len(e.distinctions)}.",
        f"Categories: {len(e.categories)}; criteria: {len(e.criteria)} (stage {stage_counts}); distinctions: {len(e.distinctions)}."))
    print(pick(
        f"Klucz organizatora: {made.key.path} ({'nowy' if made.key.created else 'istniejący'}), odcisk {made.key.fingerprint} "
        f"({made.key.ssh_fingerprint}). Podaj ten odcisk członkom Kapituły: porównają go przy pierwszym imporcie paczki.",
        f"Organizer key: {made.key.path} ({'new' if made.key.created else 'existing'}), fingerprint {made.key.fingerprint} "
        f"({made.key.ssh_fingerprint}). Give this fingerprint to the jurors: they compare it at their first bundle import."))
    if made.missing:
        print(pick("Przed wydaniem paczek z przydziałem uzupełnij:", "Before issuing assignment bundles, add:"))
        for problem in made.missing:
            print(f"  - {problem.message()}")
    return EXIT_OK


def _rule_text(edition, lang: str | None = None) -> str:
    rule = edition.certification_rule
    stages = ", ".join(pick(f"etap {s} ≥ {format_points(v)}%", f"stage {s} ≥ {format_points(v)}%", lang)
                       for s, v in sorted(rule.stage_pct_min.items()))
    text = pick(f"wynik ważony ≥ {format_points(rule.total_pct_min)}%", f"weighted total ≥ {format_points(rule.total_pct_min)}%", lang)
    return text + (f"; {stages}" if stages else "")


COUNT_NAMES = {
    "institutions": ("jednostki", "institutions"), "dossiers": ("teczki", "dossiers"),
    "documents": ("dokumenty", "documents"), "jurors": ("członkowie Kapituły", "jurors"),
    "assignments": ("przydziały", "assignments"), "bundles": ("wydane paczki z przydziałem", "bundles issued"),
    "packages": ("paczki ocen", "score packages"), "scores": ("oceny", "scores"),
}


def _run_show(args: argparse.Namespace) -> int:
    from juror_app.domain.codec import edition_to_dict
    from juror_app.workflows.organizer.edition import edition_summary

    summary = edition_summary(open_organizer(args.edition_db))
    e = summary.edition
    if args.json:
        print(json.dumps({
            **edition_to_dict(e, validate=False),
            "organizer_fingerprint": summary.organizer_fingerprint,
            "counts": summary.counts,
            "institutions_per_category": summary.institutions_per_category,
            "ready_to_issue": summary.ready_to_issue,
            "problems": [{"field": p.field, "code": p.code, "message": p.message(), "incomplete": p.incomplete}
                         for p in summary.problems],
            "changes": summary.changes,
            "outdated_bundles": {o.juror_id: [c.id for c in o.changes] for o in summary.outdated},
        }, ensure_ascii=False, indent=2))
        return EXIT_OK
    out = [pick(f"Edycja: {e.name} (rok {e.year}, nr {e.number}, identyfikator {e.id})",
                f"Edition: {e.name} (year {e.year}, no. {e.number}, identifier {e.id})")]
    if e.organizer:
        out.append(pick(f"Organizator: {e.organizer}", f"Organizer: {e.organizer}"))
    out.append(pick(f"Klucz organizatora: {summary.organizer_fingerprint or '—'}", f"Organizer key: {summary.organizer_fingerprint or '—'}"))
    out.append(pick("Etapy:", "Stages:"))
    out += [f"  {s.id.value} — {s.name}" for s in e.stages]
    out.append(pick(f"Kategorie ({len(e.categories)}):", f"Categories ({len(e.categories)}):"))
    for c in e.categories:
        n = summary.institutions_per_category.get(c.id, 0)
        out.append(f"  {c.name} [{c.id}] — " + pick(count_pl(n, "jednostka", "jednostki", "jednostek"),
                                                   count_en(n, "institution", "institutions")))
    out.append(pick(f"Kryteria ({len(e.criteria)}):", f"Criteria ({len(e.criteria)}):"))
    for c in e.criteria:
        out.append(f"  {c.code} [{c.id}] {c.name} — " + pick(
            f"etap {c.stage.value}, waga {format_points(c.weight)}, 0–{format_points(c.max_points)} pkt co {format_points(c.step)}, "
            f"{count_pl(len(c.levels), 'poziom', 'poziomy', 'poziomów')} skali",
            f"stage {c.stage.value}, weight {format_points(c.weight).replace(',', '.')}, 0–{format_points(c.max_points).replace(',', '.')} "
            f"points in steps of {format_points(c.step).replace(',', '.')}, {count_en(len(c.levels), 'rubric level', 'rubric levels')}"))
    out.append(pick("Wyróżnienia: ", "Distinctions: ") + (", ".join(d.name for d in e.distinctions) or "—"))
    out.append(pick("Reguła certyfikacji: ", "Certification rule: ") + _rule_text(e))
    out.append(pick("Liczby: ", "Counts: ") + ", ".join(
        f"{pick(*COUNT_NAMES[k])} {v}" for k, v in summary.counts.items()))
    if summary.ready_to_issue:
        out.append(pick("Edycja jest kompletna: można wydawać paczki z przydziałem.",
                        "The edition is complete: assignment bundles can be issued."))
    else:
        out.append(pick("Paczek z przydziałem nie można jeszcze wydać — brakuje lub jest błędne:",
                        "Assignment bundles cannot be issued yet — missing or wrong:"))
        out += [f"  - {p.message()}" for p in summary.problems]
    if summary.changes:
        out.append(pick(f"Zmiany edycji zapisane w historii: {summary.changes}.", f"Edition changes in the history: {summary.changes}."))
    for item in summary.outdated:
        out.append(pick(
            f"  Paczka członka {item.juror_id} jest nieaktualna ({count_pl(len(item.changes), 'zmiana', 'zmiany', 'zmian')} od jej wydania"
            + ("; zmiana skali ocen" if item.invalidating else "") + ")",
            f"  The bundle of juror {item.juror_id} is out of date ({count_en(len(item.changes), 'change', 'changes')} since it was issued"
            + ("; the scoring scale changed" if item.invalidating else "") + ")"))
    print("\n".join(out))
    return EXIT_OK
