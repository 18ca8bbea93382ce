"""Printed scoring summaries from the organizer's merged data: the protocol, the summaries per
institution, the ranking per category and the jurors' score sheets.

``build_report`` reads one consistent snapshot (:mod:`report_data`), lays the document out in parts —
in a process pool on both cores when it is big (:mod:`juror_app.reports.parallel`) — and joins them
with pypdf (:mod:`juror_app.reports.assembly`): bookmarks, page labels, metadata, and the results JSON
attached byte for byte as ``juror-app results --format json`` writes it. Every page names the data
code (:mod:`juror_app.reports.fingerprint`). ``progress(done, total, label)`` and ``cancelled()`` are
the shapes the GUI's background tasks use.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from enum import Enum
from pathlib import Path

from sqlite_utils import Database

from juror_app.domain.errors import UserError
from juror_app.domain.i18n import current_language, pick
from juror_app.domain.scoring import Certification
from juror_app.fsutil import atomic_write
from juror_app.reports import formatting as fmt
from juror_app.reports.assembly import DocumentInfo, assemble
from juror_app.reports.fingerprint import DataFingerprint
from juror_app.reports.formatting import stage_short
from juror_app.reports.front_matter import FrontMatter, Table
from juror_app.reports.institution_summary import render_summaries
from juror_app.reports.page_style import DocumentContext
from juror_app.reports.parallel import (
    PartJob,
    cancelled_error,
    chunked,
    default_workers,
    render_parts,
)
from juror_app.reports.protocol import (
    CategoryLaureates,
    DistinctionOutcome,
    JuryMember,
    Laureate,
    MergedPackage,
    Protocol,
    grouped_hex,
    render_protocol,
)
from juror_app.reports.ranking import CategoryRanking, RankingLine, render_ranking
from juror_app.reports.score_sheet import JurorSheet, render_sheets
from juror_app.workflows.organizer.report_data import (
    Snapshot,
    by_category,
    certification_overview,
    institution_items,
    juror_label,
    read_snapshot,
    sheet_items,
)

log = logging.getLogger(__name__)
Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]
RESULTS_ATTACHMENT = "wyniki.json"
POOL_FROM = 80  # institution pages' worth of work from which worker processes pay for their start-up


class ReportKind(str, Enum):
    PROTOCOL = "protocol"
    INSTITUTIONS = "institutions"
    RANKING = "ranking"
    SHEETS = "sheets"


KIND_TITLES = {
    ReportKind.PROTOCOL: ("Protokół posiedzenia Kapituły", "Protocol of the jury meeting"),
    ReportKind.INSTITUTIONS: ("Zestawienie ocen jednostek", "Summaries per institution"),
    ReportKind.RANKING: ("Ranking jednostek według kategorii", "Ranking per category"),
    ReportKind.SHEETS: ("Karty oceny członków Kapituły", "The jurors' score sheets"),
}


@dataclass(frozen=True)
class Report:
    kind: ReportKind
    pdf: bytes
    pages: int
    fingerprint: DataFingerprint
    results_json: bytes  # the attachment
    replaced: tuple[str, ...] = ()  # characters no embedded font has: printed as marked boxes

    def notice(self, lang: str | None = None) -> str:
        """What to tell the person who printed it about :attr:`replaced` ("" when nothing was replaced)."""
        return fmt.replacement_notice(self.replaced, lang)


def build_report(db: Database, kind: ReportKind | str, *, lang: str | None = None, generated_at: datetime | None = None,
                 workers: int | None = None, progress: Progress = lambda *_: None,
                 cancelled: Cancelled = lambda: False) -> Report:
    """Make one document from the organizer's database (see the module docstring)."""
    kind = ReportKind(kind)
    lang = lang or current_language()
    generated_at = (generated_at or datetime.now(timezone.utc)).replace(microsecond=0)
    progress(0, 1, pick("Odczyt scalonych ocen…", "Reading the merged scores…", lang))
    snapshot = read_snapshot(db, sheets=kind is ReportKind.SHEETS)
    if cancelled():
        raise cancelled_error()
    context = _context(snapshot, kind, generated_at, lang)
    source = source_pairs(snapshot, generated_at, lang)
    title = pick(*KIND_TITLES[kind], lang)
    if kind is ReportKind.PROTOCOL:
        jobs = [PartJob(render_protocol, (protocol(snapshot, title, source, lang),))]
    elif kind is ReportKind.RANKING:
        jobs = [PartJob(render_ranking, (ranking_front(snapshot, title, source, lang),
                                         *rankings(snapshot, lang)))]
    elif kind is ReportKind.INSTITUTIONS:
        front = institutions_front(snapshot, title, source, lang)
        items = institution_items(snapshot, lang)
        jobs = _jobs(render_summaries, front, items, workers, size=len(items))
    else:
        sheets = sheet_items(snapshot, lang)
        front = sheets_front(title, source, sheets, lang)
        jobs = _jobs(render_sheets, front, sheets, workers, size=sum(len(s.dossiers) for s in sheets) // 3)
    scale = 100

    def scaled(done: int, total: int, label: str) -> None:
        progress(int(90 * done / max(1, total)), scale, label)

    parts = render_parts(jobs, context, workers=_workers(workers, jobs), progress=scaled, cancelled=cancelled,
                         label=_label(kind, lang))
    if cancelled():
        raise cancelled_error()
    progress(92, scale, pick("Składanie dokumentu PDF…", "Assembling the PDF…", lang))
    info = DocumentInfo(
        title=f"{title} — {snapshot.edition.name}", lang=lang, created=generated_at, author=snapshot.edition.organizer,
        subject=title, keywords=context.keywords, fingerprint=snapshot.fingerprint.sha256,
        attachments=((RESULTS_ATTACHMENT, snapshot.results_json),),
    )
    pdf = assemble(parts, info)
    replaced = fmt.replaced_characters(parts)
    if replaced:
        log.info("%s: %s", kind.value, fmt.replacement_notice(replaced, "en"))
    progress(scale, scale, pick("Gotowe.", "Done.", lang))
    return Report(kind, pdf, sum(p.pages for p in parts), snapshot.fingerprint, snapshot.results_json, replaced)


def write_report(db: Database, kind: ReportKind | str, out: Path | str, **options) -> Report:
    """``build_report`` and write the PDF atomically (a half-written file never exists under ``out``)."""
    out = Path(out)
    if not out.parent.is_dir():
        raise UserError("no_such_folder", pl=f"Nie ma folderu „{out.parent}”. Podaj plik w istniejącym folderze.",
                        en=f"There is no folder “{out.parent}”. Give a file in an existing folder.")
    if out.is_dir():
        raise UserError("output_is_folder", pl=f"„{out}” jest folderem. Podaj nazwę pliku PDF, np. {out / 'protokol.pdf'}.",
                        en=f"“{out}” is a folder. Give the name of a PDF file, e.g. {out / 'protocol.pdf'}.")
    report = build_report(db, kind, **options)
    try:
        atomic_write(out, report.pdf)
    except OSError as exc:
        raise UserError(
            "report_save_failed",
            pl=f"Nie udało się zapisać pliku {out}: {exc.strerror or exc}. Sprawdź miejsce na dysku i prawo zapisu.",
            en=f"Could not save the file {out}: {exc.strerror or exc}. Check the free disk space and write permission.",
        ) from exc
    return report


def suggested_file_name(kind: ReportKind | str, year: int | None = None, lang: str | None = None) -> str:
    """A file name for "Save as": ``protokol-2026.pdf``, ``zestawienie-jednostek-2026.pdf`` …"""
    names = {ReportKind.PROTOCOL: ("protokol", "protocol"), ReportKind.INSTITUTIONS: ("zestawienie-jednostek", "institutions"),
             ReportKind.RANKING: ("ranking", "ranking"), ReportKind.SHEETS: ("karty-oceny", "score-sheets")}
    stem = pick(*names[ReportKind(kind)], lang)
    return f"{stem}-{year}.pdf" if year else f"{stem}.pdf"


# --- internals ------------------------------------------------------------------------------------

def _context(snapshot: Snapshot, kind: ReportKind, generated_at: datetime, lang: str) -> DocumentContext:
    edition = snapshot.edition
    lock = snapshot.results.lock
    notice = "" if lock is not None else pick("WERSJA ROBOCZA — wyniki nie są zablokowane do druku",
                                              "WORKING COPY — the results are not locked for printing", lang)
    code = snapshot.fingerprint.code
    return DocumentContext(
        lang=lang, title=pick(*KIND_TITLES[kind], lang), edition=edition.name, code=code,
        code_label=pick("Kod danych", "Data code", lang), generated_at=generated_at, notice=notice,
        author=edition.organizer, subject=pick(*KIND_TITLES[kind], lang),
        keywords=f"Przyjazny Urząd; {edition.year}; {edition.id}; " + pick(f"kod danych {code}", f"data code {code}", lang),
    )


def _jobs(render, front: FrontMatter, items: list, workers: int | None, *, size: int) -> list[PartJob]:
    """One part for a small document; the opening plus chunks for one made in worker processes.

    ``size`` is the work in institution pages (a score sheet's dossier costs about a third of one).
    """
    count = workers if workers is not None else (default_workers() if size >= POOL_FROM else 1)
    if count <= 1 or len(items) < 2:
        return [PartJob(render, (front, *items), units=len(items))]
    return [PartJob(render, (front,), units=0), *(PartJob(render, chunk) for chunk in chunked(items, workers=count))]


def _workers(requested: int | None, jobs: list[PartJob]) -> int:
    if len(jobs) == 1:
        return 1
    return requested if requested is not None else default_workers()


def _label(kind: ReportKind, lang: str) -> Callable[[int, int], str]:
    what = {ReportKind.INSTITUTIONS: ("Zestawienia jednostek", "Institution summaries"),
            ReportKind.SHEETS: ("Karty oceny", "Score sheets")}.get(kind)

    def label(done: int, total: int) -> str:
        if what is None:  # a short document: no count worth showing
            return pick(*KIND_TITLES[kind], lang) + "…"
        return pick(f"{what[0]}: {done} z {total}", f"{what[1]}: {done} of {total}", lang)

    return label

# --- what the documents say ------------------------------------------------------------------------

def source_pairs(snapshot: Snapshot, generated_at: datetime, lang: str) -> tuple[tuple[str, str], ...]:
    """Where a document's data comes from: the opening of every document."""
    edition, lock, fp = snapshot.edition, snapshot.results.lock, snapshot.fingerprint
    pairs = [(pick("Edycja", "Edition", lang), edition.name), (pick("Organizator", "Organizer", lang), edition.organizer)]
    if edition.meeting_date or edition.meeting_place:
        when = ", ".join(x for x in (fmt.long_date(edition.meeting_date, lang) if edition.meeting_date else "",
                                     edition.meeting_place) if x)
        pairs.append((pick("Posiedzenie Kapituły", "Jury meeting", lang), when))
    if lock is not None:
        state = pick(f"zablokowane do druku {fmt.timestamp(lock.locked_at, lang)} ({lock.locked_by})",
                     f"locked for printing {fmt.timestamp(lock.locked_at, lang)} ({lock.locked_by})", lang)
    else:
        state = pick("NIEZABLOKOWANE — wersja robocza; przed drukiem wersji ostatecznej zablokuj wyniki",
                     "NOT LOCKED — a working copy; lock the results before printing the final version", lang)
    pairs += [
        (pick("Stan wyników", "Results", lang), state),
        (pick("Scalone paczki ocen", "Merged score packages", lang),
         pick(f"{len(snapshot.packages)} (członkowie Kapituły: {len(snapshot.jurors)})",
              f"{len(snapshot.packages)} (jurors: {len(snapshot.jurors)})", lang)),
        (pick("Kod danych", "Data code", lang), f"{fp.code} (SHA-256 {fp.sha256[:16]}…)"),
        (pick("Wygenerowano", "Generated", lang), fmt.timestamp(generated_at, lang)),
    ]
    return tuple(pairs)


def _stage_names(snapshot: Snapshot, lang: str) -> tuple[str, ...]:
    return tuple(stage_short(s.id.value, lang) for s in snapshot.edition.stages)


def _rule(snapshot: Snapshot, lang: str) -> str:
    rule = snapshot.edition.certification_rule
    return rule.description or pick(f"Certyfikat: wynik ważony co najmniej {fmt.percent(rule.total_pct_min, 0, lang)}.",
                                     f"Certified: a weighted total of at least {fmt.percent(rule.total_pct_min, 0, lang)}.",
                                     lang)


def _overview_table(snapshot: Snapshot, lang: str) -> Table:
    rows = []
    for _, name, dossiers, _ in by_category(snapshot):
        counts = {c: sum(d.certification is c for d in dossiers) for c in Certification}
        rows.append((name, str(len(dossiers)), *(str(counts[c]) for c in Certification)))
    header = (pick("Kategoria", "Category", lang), pick("Jednostki", "Institutions", lang), pick("Certyfikat", "Certified", lang),
              pick("Bez certyfikatu", "Not certified", lang), pick("Niekompletne", "Incomplete", lang))
    return Table(header, tuple(rows), (0.42, 0.11, 0.13, 0.17, 0.17), ("left", "center", "center", "center", "center"))


def institutions_front(snapshot: Snapshot, title: str, source, lang: str) -> FrontMatter:
    threshold = fmt.percent(100 * snapshot.results.threshold, 0, lang)
    how = pick(
        "Każda jednostka ma własną stronę: punkty każdego członka Kapituły za każde kryterium, średnia i rozrzut "
        f"(najwyższa minus najniższa ocena); „rozbieżność” oznacza rozrzut większy niż {threshold} skali kryterium. "
        "Suma średnich i wynik % etapu liczone są z wagami kryteriów, wynik ważony — ze wszystkich kryteriów. "
        "Wykres pokazuje oceny w % maksymalnej liczby punktów kryterium.",
        "Each institution has its own page: every juror's points per criterion, the mean and the spread (highest minus "
        f"lowest); “disagreement” marks a spread above {threshold} of the criterion's scale. A stage's % and the "
        "weighted total use the criteria's weights. The chart shows points in % of each criterion's maximum.", lang)
    return FrontMatter(title, tuple(source), (how, _rule(snapshot, lang)),
                       pick("Jednostki według kategorii", "Institutions by category", lang), _overview_table(snapshot, lang))


def ranking_front(snapshot: Snapshot, title: str, source, lang: str) -> FrontMatter:
    how = pick("Kolejność w kategorii: wynik ważony malejąco, przy równym wyniku decyduje wynik etapu II; jednostki równe "
               "w obu dzielą miejsce. Jednostki bez pełnego wyniku są na końcu, bez miejsca.",
               "Order within a category: weighted total, descending; equal totals are separated by stage II; institutions "
               "equal in both share a place. Institutions without a full result come last, without a place.", lang)
    return FrontMatter(title, tuple(source), (how, _rule(snapshot, lang)),
                       pick("Podsumowanie kategorii", "Categories", lang), _overview_table(snapshot, lang))


def rankings(snapshot: Snapshot, lang: str) -> list[CategoryRanking]:
    names = {d.id: d.name for d in snapshot.edition.distinctions}
    awarded = {x.dossier_id: tuple(names.get(c[0], c[0]) for c in x.chosen) for x in snapshot.results.decisions}
    result = []
    for _, name, dossiers, places in by_category(snapshot):
        lines = tuple(RankingLine(
            place=places.get(d.dossier_id), dossier_id=d.dossier_id,
            name=snapshot.institutions.get(d.dossier_id, (d.name,))[0],
            short_name=snapshot.institutions.get(d.dossier_id, ("", ""))[1], total_percent=d.total_percent,
            stage_percents=tuple(getattr(d.stage(s.id.value), "percent", None) for s in snapshot.edition.stages),
            complete_jurors=d.complete_jurors, certification=d.certification.value,
            distinctions=awarded.get(d.dossier_id, ()),
        ) for d in dossiers)
        result.append(CategoryRanking(name, certification_overview(dossiers, lang), _stage_names(snapshot, lang),
                                      snapshot.edition.certification_rule.total_pct_min, lines))
    return result


def sheets_front(title: str, source, sheets: list[JurorSheet], lang: str) -> FrontMatter:
    how = pick("Karta każdego członka Kapituły zaczyna się na nowej stronie, ma własne numery stron (np. j001-1, "
               "j001-2) i kończy się miejscem na podpis. Dane pochodzą z ostatniej scalonej paczki ocen tej osoby; "
               "„stan ocen” to kod ostatniego wpisu jej dziennika zmian, ten sam, który drukuje karta w programie "
               "członka Kapituły.",
               "Each juror's sheet starts on a new page, has its own page numbers (e.g. j001-1, j001-2) and ends with a "
               "place for the signature. The data come from the juror's latest merged score package; the “state of "
               "scores” is the code of the last entry of the juror's edit log, the same the juror's own sheet prints.",
               lang)
    rows = []
    for sheet in sheets:
        states = [d.status for d in sheet.dossiers]
        revision = pick(f"wersja {sheet.revision}", f"revision {sheet.revision}", lang) if sheet.revision else fmt.DASH
        rows.append((f"{sheet.juror_id} {sheet.name}", revision, str(len(states)),
                     str(states.count("complete")), str(states.count("recused"))))
    table = Table((pick("Członek Kapituły", "Juror", lang), pick("Paczka ocen", "Score package", lang),
                   pick("Teczki", "Dossiers", lang), pick("Ukończone", "Complete", lang), pick("Wyłączenia", "Recusals", lang)),
                  tuple(rows), (0.44, 0.16, 0.12, 0.14, 0.14), ("left", "left", "center", "center", "center"))
    return FrontMatter(title, tuple(source), (how,), pick("Karty w tym dokumencie", "Sheets in this document", lang), table)


def protocol(snapshot: Snapshot, title: str, source, lang: str) -> Protocol:
    edition, fp = snapshot.edition, snapshot.fingerprint
    jury = tuple(JuryMember(j, name, affiliation, role == "chair") for j, (name, affiliation, role) in snapshot.jurors.items())
    categories = []
    for _, name, dossiers, places in by_category(snapshot):
        laureates = tuple(Laureate(places.get(d.dossier_id), d.dossier_id, snapshot.institutions.get(d.dossier_id, (d.name,))[0],
                                   d.total_percent, tuple(s.percent for s in d.stages))
                          for d in dossiers if d.certification is Certification.CERTIFIED)
        categories.append(CategoryLaureates(name, certification_overview(dossiers, lang), laureates))
    chosen: dict[str, list[str]] = {}
    proposed: dict[str, list[str]] = {}
    for decision in snapshot.results.decisions:
        institution = f"{snapshot.institutions.get(decision.dossier_id, (decision.dossier_id,))[0]} ({decision.dossier_id})"
        for distinction, note, _, _ in decision.chosen:
            chosen.setdefault(distinction, []).append(institution + (f": {note}" if note else ""))
        for distinction, juror_id, reason, _ in decision.nominations:
            proposed.setdefault(distinction, []).append(f"{institution} — {juror_label(snapshot, juror_id)}: {reason}")
    distinctions = tuple(DistinctionOutcome(d.name, d.description, tuple(chosen.get(d.id, ())), tuple(proposed.get(d.id, ())))
                         for d in edition.distinctions)
    packages = tuple(MergedPackage(p.juror_id, p.juror_name, p.revision, p.created_at, p.manifest_sha256)
                     for p in snapshot.packages)
    fingerprint = ((pick("Kod danych", "Data code", lang), fp.code),
                   (pick("Odcisk danych (SHA-256)", "Data fingerprint (SHA-256)", lang), grouped_hex(fp.sha256)),
                   (pick(f"SHA-256 załącznika {RESULTS_ATTACHMENT}", f"SHA-256 of the attachment {RESULTS_ATTACHMENT}", lang),
                    grouped_hex(fp.results_sha256)))
    recipe = pick(
        "Odcisk danych to SHA-256 tekstu złożonego z wierszy: „kapitula-przyjazny-urzad report-data v1”, "
        f"„results <SHA-256 załącznika {RESULTS_ATTACHMENT}>” i po jednym „package <członek> <wersja> <SHA-256 manifestu>” "
        "dla każdej paczki z tabeli poniżej, w jej kolejności; każdy wiersz kończy znak nowej linii. Załącznik tego PDF "
        "jest identyczny z wynikiem polecenia „juror-app results --format json”. Kod danych w stopce każdej strony to "
        "pierwsze 80 bitów odcisku (Crockford base32).",
        "The data fingerprint is the SHA-256 of a text of lines: “kapitula-przyjazny-urzad report-data v1”, "
        f"“results <SHA-256 of the attachment {RESULTS_ATTACHMENT}>” and one “package <juror> <revision> <SHA-256 of the "
        "manifest>” per package of the table below, in its order; each line ends with a newline. This PDF's attachment is "
        "identical to the output of “juror-app results --format json”. The data code in every page's footer is the "
        "first 80 bits of the fingerprint (Crockford base32).", lang)
    intro = pick("Protokół sporządzono na podstawie scalonych ocen członków Kapituły. Rozdział 4 wymienia dane, z których "
                 "powstał; ten sam kod danych jest w stopce każdej strony.",
                 "This protocol was made from the jurors' merged scores. Section 4 lists the data it was made from; the "
                 "same data code is in the footer of every page.", lang)
    return Protocol(FrontMatter(title, tuple(source), (intro,)), jury, _stage_names(snapshot, lang), tuple(categories),
                    distinctions, packages, fingerprint, recipe)
