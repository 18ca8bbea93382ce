"""The score sheet ("karta oceny"): one juror's scores, justifications and declarations, to be signed.

The same layout serves the organizer (a sheet per juror, from the merged packages, naming the package
revision and hash the data came from) and the juror (their own sheet from the local store, printable
before export, naming the state of the edit log). Each juror's sheet is a section: it starts on a new
page, its pages are labelled ``j001-1``, ``j001-2`` … and its footer counts them ("Karta j001: s. 2 z
3"), so a signed sheet can be checked for completeness on its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from juror_app.domain.i18n import pick
from juror_app.domain.model import STATUS_NAMES
from juror_app.reports import formatting as fmt
from juror_app.reports.front_matter import FrontMatter, front_matter
from juror_app.reports.page_style import (
    DocumentContext,
    Numbering,
    PartBuilder,
    PartResult,
)

MISSING = "missing"  # assigned, but no merged package covers the dossier
KEEP_WITH_HEADING = 110  # points: a dossier's heading, its line and the first rows of its table stay together
_STATES = {s.value: names for s, names in STATUS_NAMES.items()} | {MISSING: ("brak paczki ocen", "no score package")}


@dataclass(frozen=True)
class SheetScore:
    code: str
    name: str
    max_points: float
    points: float | None
    justification: str


@dataclass(frozen=True)
class SheetStage:
    name: str  # short: "Etap I"
    points: float
    max_points: float
    scored: int
    criteria: int


@dataclass(frozen=True)
class SheetDossier:
    dossier_id: str
    institution: str
    category: str
    city: str
    status: str  # a DossierStatus value, or MISSING
    conflict: tuple[str, str] | None  # (reason, declared at)
    scores: tuple[SheetScore, ...]
    stages: tuple[SheetStage, ...]
    total_percent: float | None  # this juror's weighted total, when every criterion is scored
    nominations: tuple[tuple[str, str], ...] = ()  # (distinction name, reason)
    missing: tuple[str, ...] = ()  # what keeps the dossier from being complete (the juror's own sheet)


@dataclass(frozen=True)
class JurorSheet:
    juror_id: str
    name: str
    affiliation: str
    chair: bool | None  # None: the role is not known (the juror's own workstation does not hold it)
    source: tuple[tuple[str, str], ...]  # label → value lines saying where the data comes from
    dossiers: tuple[SheetDossier, ...]
    note: str = ""  # e.g. that no package has been merged yet
    revision: int | None = None  # of the package the sheet comes from (the organizer's sheets)


def state_name(status: str, lang: str) -> str:
    return pick(*_STATES.get(status, (status, status)), lang)


def render_sheets(context: DocumentContext, items: Sequence[FrontMatter | JurorSheet], numbering: Numbering) -> PartResult:
    """The opening (if given) and every juror's sheet, each in its own labelled section."""
    part = PartBuilder(context, numbering)
    for sheet in items:
        if isinstance(sheet, FrontMatter):
            front_matter(part, sheet)
            continue
        part.start_item()
        part.start_section(f"{sheet.juror_id}-", pick(f"Karta {sheet.juror_id}", f"Sheet {sheet.juror_id}", part.lang))
        _sheet(part, sheet)
    return part.finish()


def _sheet(part: PartBuilder, sheet: JurorSheet) -> None:
    lang, doc = part.lang, part.doc
    part.heading(pick(f"Karta oceny: {sheet.name}", f"Score sheet: {sheet.name}", lang), 1)
    who = f"{sheet.name} ({sheet.juror_id})"
    counts: dict[str, int] = {}
    for dossier in sheet.dossiers:
        counts[dossier.status] = counts.get(dossier.status, 0) + 1
    summary = ", ".join(f"{state_name(s, lang)}: {n}" for s, n in sorted(counts.items()))
    pairs = [
        (pick("Osoba oceniająca", "Juror", lang), who),
        *([(pick("Funkcja", "Role", lang), fmt.role_name(sheet.chair, lang))] if sheet.chair is not None else []),
        (pick("Afiliacja", "Affiliation", lang), sheet.affiliation or fmt.DASH),
        *sheet.source,
        (pick("Przydzielone teczki", "Assigned dossiers", lang), f"{len(sheet.dossiers)} ({summary})" if summary else "0"),
    ]
    doc.key_values(pairs, size=9)
    if sheet.note:
        doc.paragraph(sheet.note, size=9, font="italic")
    for dossier in sheet.dossiers:
        _dossier(part, dossier)
    _signature(part, sheet)


def _dossier(part: PartBuilder, d: SheetDossier) -> None:
    lang, doc = part.lang, part.doc
    doc.ensure_space(KEEP_WITH_HEADING)
    part.heading(f"{d.dossier_id} · {d.institution}", 2)
    doc.paragraph(pick(f"Kategoria: {d.category} · {d.city} · stan oceny: {state_name(d.status, lang)}",
                       f"Category: {d.category} · {d.city} · state: {state_name(d.status, lang)}", lang),
                  size=8.5, color=(0.3, 0.3, 0.3), space_after=4)
    if d.conflict is not None:
        reason, declared = d.conflict
        doc.paragraph(pick(f"Wyłączenie z oceny (konflikt interesów), zgłoszone {fmt.timestamp(declared, lang)}. "
                           f"Powód: {reason}",
                           f"Recused (conflict of interest), declared {fmt.timestamp(declared, lang)}. Reason: {reason}",
                           lang), size=9)
        return
    if d.status == MISSING:
        doc.paragraph(pick("Brak ocen: żadna scalona paczka nie obejmuje tej teczki.",
                           "No scores: no merged package covers this dossier.", lang), size=9, font="italic")
        return
    rows = [[f"{s.code} {s.name}", f"{fmt.points(s.points, lang)} / {fmt.points(s.max_points, lang)}",
             s.justification or (pick("(brak uzasadnienia)", "(no justification)", lang) if s.points is not None else "")]
            for s in d.scores]
    doc.table([pick("Kryterium", "Criterion", lang), pick("Punkty", "Points", lang),
               pick("Uzasadnienie", "Justification", lang)], rows, widths=[0.27, 0.11, 0.62],
              align=["left", "center", "left"], size=8, space_after=4)
    totals = [pick(f"{s.name}: {fmt.points(s.points, lang)} / {fmt.points(s.max_points, lang)} pkt"
                   f" ({s.scored} z {s.criteria} kryteriów)",
                   f"{s.name}: {fmt.points(s.points, lang)} / {fmt.points(s.max_points, lang)} pts"
                   f" ({s.scored} of {s.criteria} criteria)", lang) for s in d.stages]
    totals.append(pick("Wynik ważony: ", "Weighted total: ", lang) + (
        fmt.percent(d.total_percent, lang=lang) if d.total_percent is not None
        else pick("— (nie wszystkie kryteria ocenione)", "— (not every criterion scored)", lang)))
    doc.paragraph(" · ".join(totals), size=8.5, font="bold", space_after=4)
    for distinction, reason in d.nominations:
        doc.paragraph(pick(f"Nominacja do wyróżnienia „{distinction}”: {reason}",
                           f"Nomination for “{distinction}”: {reason}", lang), size=8.5, space_after=3)
    if d.missing:
        doc.paragraph(pick("Do uzupełnienia: ", "Still missing: ", lang) + "; ".join(d.missing), size=8.5,
                      color=(0.62, 0.1, 0.1), space_after=3)


def _signature(part: PartBuilder, sheet: JurorSheet) -> None:
    lang, doc = part.lang, part.doc
    doc.ensure_space(110)
    doc.space(14)
    doc.rule(color=(0.4, 0.4, 0.4))
    doc.paragraph(pick("Potwierdzam, że oceny i uzasadnienia na tej karcie są moimi ocenami przydzielonych mi teczek, "
                       "a zgłoszone wyłączenia obejmują wszystkie znane mi konflikty interesów.",
                       "I confirm that the scores and justifications on this sheet are my assessment of the dossiers "
                       "assigned to me, and that the recusals declared cover every conflict of interest I know of.", lang),
                  size=9, space_after=26)
    page, y = doc.page, doc.y
    left, width = doc.left, doc.width
    half = (width - 30) / 2
    page.line(left, y, left + half, y, width=0.6)
    page.line(left + half + 30, y, left + width, y, width=0.6)
    page.text(left, y + 11, pick("miejscowość i data", "place and date", lang), size=8, color=(0.35, 0.35, 0.35))
    page.text(left + half + 30, y + 11, pick(f"podpis: {sheet.name}", f"signature: {sheet.name}", lang), size=8,
              color=(0.35, 0.35, 0.35))
    doc.space(20)
