"""``juror-app alarms``: list the alarms of an edition, and ``alarms resolve``: the organizer's explicit decision."""

from __future__ import annotations

import argparse

from juror_app.cli.common import EXIT_OK, existing_file, open_organizer, positive
from juror_app.domain.errors import ValidationError
from juror_app.domain.i18n import pick

MAX_ALARM_ID = 10**9


def add_parser(sub: argparse._SubParsersAction) -> None:
    alarms = sub.add_parser("alarms", help=pick("alarmy edycji: lista i rozstrzyganie", "the edition's alarms: list and resolve"),
                            description=pick(
                                "Wypisuje alarmy edycji (dwie różne paczki o tej samej wersji albo dziennik zmian, który nie "
                                "kontynuuje scalonego): otwarte najpierw, z obiema paczkami i poleceniem, które je rozstrzyga. "
                                "Dopóki alarm jest otwarty, żadna paczka tego członka Kapituły nie jest scalana.",
                                "Lists the edition's alarms (two different packages with the same revision, or an edit log that "
                                "does not continue the merged one): open ones first, with both packages and the command that "
                                "resolves them. While an alarm is open, no package of that juror is merged."))
    alarms.add_argument("--db", type=existing_file, dest="alarms_db", metavar="organizer.sqlite",
                        help=pick("plik bazy danych edycji", "the edition's database file"))
    actions = alarms.add_subparsers(dest="alarms_action", metavar=pick("DZIAŁANIE", "ACTION"),
                                    title=pick("działania", "actions"))
    resolve = actions.add_parser("resolve", help=pick("rozstrzygnij alarm", "resolve an alarm"), description=pick(
        "Rozstrzyga otwarty alarm: zapisuje, kto, kiedy i dlaczego, oraz którą z dwóch paczek uznano (--trust), albo że "
        "żadnej (--trust-none). Uznana paczka zachowana jako dowód zostaje scalona (gdy wyniki nie są zablokowane). "
        "Potem paczki tego członka Kapituły znów można scalać.",
        "Resolves an open alarm: records who, when and why, and which of the two packages is trusted (--trust), or that "
        "neither is (--trust-none). A trusted package kept as evidence is merged (unless the results are locked). "
        "Afterwards that juror's packages can be merged again."))
    resolve.add_argument("alarm_id", type=positive(MAX_ALARM_ID), metavar=pick("NR_ALARMU", "ALARM_ID"),
                         help=pick("numer alarmu z listy (juror-app alarms --db …)", "the alarm's number from the list (juror-app alarms --db …)"))
    resolve.add_argument("--db", type=existing_file, dest="resolve_db", metavar="organizer.sqlite",
                         help=pick("plik bazy danych edycji", "the edition's database file"))
    resolve.add_argument("--by", required=True, metavar=pick("KTO", "NAME"),
                         help=pick("kto rozstrzyga (imię i nazwisko)", "who resolves it (a name)"))
    resolve.add_argument("--reason", required=True, metavar=pick("POWÓD", "TEXT"),
                         help=pick("dlaczego (np. co wyjaśnił członek Kapituły)", "why (e.g. what the juror explained)"))
    trust = resolve.add_mutually_exclusive_group(required=True)
    trust.add_argument("--trust", metavar="SHA256", help=pick(
        "uznana paczka: skrót SHA-256 jej manifestu (co najmniej 8 pierwszych znaków, jak na liście)",
        "the trusted package: its manifest's SHA-256 (at least the first 8 characters, as listed)"))
    trust.add_argument("--trust-none", action="store_true", help=pick("nie uznawaj żadnej z dwóch paczek",
                                                                      "trust neither of the two packages"))
    resolve.set_defaults(handler=_run_resolve)
    alarms.set_defaults(handler=_run_list)


def _database(args: argparse.Namespace):
    path = getattr(args, "resolve_db", None) or args.alarms_db
    if path is None:
        raise ValidationError("db_required", pl="Podaj plik bazy edycji: --db organizer.sqlite.",
                              en="Give the edition's database file: --db organizer.sqlite.")
    return path


def alarm_lines(view, db_arg: str, lang: str | None = None) -> list[str]:
    """One alarm as printed: its state, what happened, both packages, and how to resolve it (or how it was)."""
    from juror_app.workflows.organizer.alarm_rule import readable_moment

    who = f"{view.juror_id} ({view.juror_name})" if view.juror_name else view.juror_id
    state = pick("OTWARTY", "OPEN", lang) if view.is_open else pick("rozstrzygnięty", "resolved", lang)
    lines = [f"{pick('Alarm nr', 'Alarm', lang)} {view.id} — {state}: {who} · {view.kind_name(lang)} · "
             f"{pick('wersja', 'revision', lang)} {view.revision} · {pick('podniesiony', 'raised', lang)} {readable_moment(view.raised_at)}",
             f"    {view.description(lang)}"]
    for label, p in zip("AB", view.packages):
        lines.append(f"    {label}: {p.manifest_sha256[:12]}…  {pick('wersja', 'revision', lang)} {p.revision if p.revision is not None else '—'}, "
                     f"{p.status_name(lang)}, {pick('plik', 'file', lang)} {p.original_name or '—'}")
    r = view.resolution
    if r is None:
        a, b = (p.manifest_sha256[:12] for p in view.packages)
        lines.append(f"    {pick('Rozstrzygnij', 'Resolve', lang)}: juror-app alarms resolve --db {db_arg} {view.id} "
                     f"--by \"…\" --reason \"…\" (--trust {a} | --trust {b} | --trust-none)")
        return lines
    trusted = view.package(r.trusted_manifest_sha256)
    if trusted is None:
        decision = pick("nie uznano żadnej paczki", "neither package trusted", lang)
    else:
        decision = pick(f"uznano paczkę {trusted.manifest_sha256[:12]}…", f"trusted package {trusted.manifest_sha256[:12]}…", lang)
        if r.trusted_merged:
            decision += pick(" (scalona przy rozstrzygnięciu)", " (merged by the resolution)", lang)
    lines.append(f"    {pick('Rozstrzygnięcie', 'Resolution', lang)}: {readable_moment(r.resolved_at)}, {r.resolved_by}: {decision}")
    lines.append(f"    {pick('Powód', 'Reason', lang)}: {r.reason}")
    return lines


def _run_list(args: argparse.Namespace) -> int:
    from juror_app.workflows.organizer.alarms import list_alarms

    path = _database(args)
    db = open_organizer(path)
    try:
        views = list_alarms(db)
    finally:
        db.close()
    for view in views:
        print("\n".join(alarm_lines(view, str(path))))
        print()
    opened = sum(v.is_open for v in views)
    print(pick(f"Otwarte alarmy: {opened}; rozstrzygnięte: {len(views) - opened}.",
               f"Open alarms: {opened}; resolved: {len(views) - opened}.") if views else pick("Brak alarmów.", "No alarms."))
    return EXIT_OK


def _run_resolve(args: argparse.Namespace) -> int:
    from juror_app.domain.i18n import count_en, count_pl
    from juror_app.workflows.organizer.alarm_rule import readable_moment
    from juror_app.workflows.organizer.alarms import resolve_alarm

    path = _database(args)
    db = open_organizer(path)
    try:
        result = resolve_alarm(db, args.alarm_id, by=args.by, reason=args.reason,
                               trust=None if args.trust_none else args.trust, db_path=path)
    finally:
        db.close()
    r = result.resolution
    trusted = r.trusted_manifest_sha256
    decision = pick("nie uznano żadnej paczki", "neither package was trusted") if trusted is None else pick(
        f"uznano paczkę {trusted[:12]}…", f"package {trusted[:12]}… was trusted")
    print(pick(f"Rozstrzygnięto alarm nr {result.alarm_id} ({r.resolved_by}, {readable_moment(r.resolved_at)}): {decision}.",
               f"Alarm {result.alarm_id} resolved ({r.resolved_by}, {readable_moment(r.resolved_at)}): {decision}."))
    if r.trusted_merged:
        print(pick(f"Uznaną paczkę scalono ({count_pl(result.scores_written, 'ocena', 'oceny', 'ocen')}).",
                   f"The trusted package was merged ({count_en(result.scores_written, 'score', 'scores')})."))
    if result.open_alarms_left:
        print(pick(f"Członek Kapituły {result.juror_id} ma jeszcze otwarte alarmy ({result.open_alarms_left}): "
                   "jego paczki pozostają wstrzymane.",
                   f"Juror {result.juror_id} still has open alarms ({result.open_alarms_left}): the juror's packages stay held."))
    else:
        print(pick(f"Paczki członka Kapituły {result.juror_id} można znów scalać (juror-app merge).",
                   f"Juror {result.juror_id}'s packages can be merged again (juror-app merge)."))
    return EXIT_OK
