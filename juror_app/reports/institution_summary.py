"""The summary per institution: each juror's points per criterion with the mean and spread, a chart,
stage subtotals, the weighted total and the decision — one page per institution as a rule.

Institutions come grouped by category (the first of each carries the :class:`CategoryStart`), in ranking order,
so the summaries follow the ranking the meeting discusses. The chart shows every point in % of the
criterion's maximum (criteria of stage I and II have different scales).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from juror_app.domain.i18n import pick
from juror_app.domain.scoring import CERTIFICATION_NAMES, Certification
from juror_app.reports import formatting as fmt
from juror_app.reports.charts import institution_chart, institution_chart_size
from juror_app.reports.front_matter import FrontMatter, front_matter
from juror_app.reports.page_style import (
    DocumentContext,
    Numbering,
    PartBuilder,
    PartResult,
)

DECISION_COLORS = {
    Certification.CERTIFIED.value: (0.15, 0.45, 0.3),
    Certification.NOT_CERTIFIED.value: (0.3, 0.3, 0.3),
    Certification.INCOMPLETE.value: (0.62, 0.42, 0.05),
}


@dataclass(frozen=True)
class CategoryStart:
    name: str
    overview: str  # "24 jednostki; certyfikat: 10, bez certyfikatu: 12, ocena niekompletna: 2"


@dataclass(frozen=True)
class CriterionLine:
    code: str
    name: str
    max_points: float
    points: tuple[float | None, ...]  # one per juror of the summary, in its order
    mean: float | None
    spread: float | None
    disagreement: bool


@dataclass(frozen=True)
class StageLine:
    name: str  # short: "Etap I"
    points: float | None  # the sum of the criteria's means
    max_points: float
    percent: float | None  # weighted


@dataclass(frozen=True)
class InstitutionSummary:
    dossier_id: str
    name: str
    category: str
    place: str  # "3 z 24" / "—"
    location: str  # "Twardogóra (dolnośląskie)"
    jurors: tuple[tuple[str, str], ...]  # (juror id, name): the columns
    criteria: tuple[CriterionLine, ...]
    stages: tuple[StageLine, ...]
    total_percent: float | None
    certification: str  # a Certification value
    complete_jurors: int
    recusals: tuple[str, ...] = ()  # "j007 dr … — reason"
    distinctions: tuple[str, ...] = ()  # chosen by the organizer
    nominations: tuple[str, ...] = ()  # jurors' proposals
    opens: CategoryStart | None = None  # set on the first institution of a category


def render_summaries(context: DocumentContext, items: Sequence[FrontMatter | InstitutionSummary],
                     numbering: Numbering) -> PartResult:
    """The opening (if given) and the institution summaries, each institution on a new page, the first
    of a category under the category's heading."""
    part = PartBuilder(context, numbering)
    for item in items:
        if isinstance(item, FrontMatter):
            front_matter(part, item)
            continue
        part.new_page()
        part.start_item()
        if item.opens is not None:
            part.heading(item.opens.name, 1)
            part.doc.paragraph(item.opens.overview, size=8.5, color=(0.3, 0.3, 0.3), space_after=6)
        _summary(part, item)
    return part.finish()


def _summary(part: PartBuilder, s: InstitutionSummary) -> None:
    lang, doc = part.lang, part.doc
    part.heading(s.name, 2)
    doc.paragraph(pick(f"Teczka {s.dossier_id} · {s.category} · {s.location} · miejsce w kategorii: {s.place}",
                       f"Dossier {s.dossier_id} · {s.category} · {s.location} · place in the category: {s.place}", lang),
                  size=8.5, color=(0.3, 0.3, 0.3), space_after=6)
    _decision(part, s)
    ids = [juror_id for juror_id, _ in s.jurors]
    juror_width = 0.075
    name_width = max(0.2, 1 - 0.1 * 2 - 0.13 - juror_width * len(ids))
    header = [pick("Kryterium", "Criterion", lang), *ids, pick("Średnia", "Mean", lang), pick("Rozrzut", "Spread", lang),
              pick("Uwagi", "Notes", lang)]
    rows = [[f"{c.code} {c.name} (0–{fmt.points(c.max_points, lang)})", *(fmt.points(p, lang) for p in c.points),
             fmt.number(c.mean, 2, lang), fmt.points(c.spread, lang),
             pick("rozbieżność", "disagreement", lang) if c.disagreement else ""] for c in s.criteria]
    doc.table(header, rows, widths=[name_width, *[juror_width] * len(ids), 0.1, 0.1, 0.13],
              align=["left", *["center"] * len(ids), "center", "center", "left"], size=8, space_after=3)
    if s.jurors:
        legend = "; ".join(f"{juror_id}: {name}" for juror_id, name in s.jurors)
        doc.paragraph(pick("Oceniający: ", "Jurors: ", lang) + legend, size=7.5, color=(0.3, 0.3, 0.3), space_after=6)
    _chart(part, s)
    notes = [*(pick("Wyłączenie: ", "Recusal: ", lang) + r for r in s.recusals),
             *(pick("Przyznane wyróżnienie: ", "Distinction awarded: ", lang) + d for d in s.distinctions),
             *(pick("Nominacja: ", "Nomination: ", lang) + n for n in s.nominations)]
    if notes:
        doc.bullets(notes, size=8.5)


def _decision(part: PartBuilder, s: InstitutionSummary) -> None:
    lang, doc = part.lang, part.doc
    rows = [[st.name, fmt.number(st.points, 2, lang), fmt.points(st.max_points, lang), fmt.percent(st.percent, lang=lang)]
            for st in s.stages]
    rows.append([pick("Wynik ważony", "Weighted total", lang), "", "", fmt.percent(s.total_percent, lang=lang)])
    doc.table([pick("Etap", "Stage", lang), pick("Suma średnich", "Sum of means", lang), pick("Maks.", "Max.", lang),
               pick("Wynik %", "Score %", lang)], rows, widths=[0.34, 0.22, 0.2, 0.24],
              align=["left", "center", "center", "center"], size=8.5, zebra=False, space_after=4)
    name = pick(*CERTIFICATION_NAMES[Certification(s.certification)], lang)
    text = pick(f"Decyzja: {name} (ukończone oceny: {s.complete_jurors})",
                f"Decision: {name} (complete assessments: {s.complete_jurors})", lang)
    doc.paragraph(text, size=10, font="bold", color=DECISION_COLORS.get(s.certification, (0, 0, 0)), space_after=8)


def _chart(part: PartBuilder, s: InstitutionSummary) -> None:
    """The chart at its printed size; while counting pages only its space is taken."""
    doc = part.doc
    width, height = institution_chart_size()
    doc.ensure_space(height)
    if not part.counting:
        means = [None if c.mean is None else 100 * c.mean / c.max_points for c in s.criteria]
        points = [[100 * p / c.max_points for p in c.points if p is not None] for c in s.criteria]
        chart = institution_chart([c.code for c in s.criteria], part.lang)
        chart.draw(doc.page, doc.left + (doc.width - width) / 2, doc.y, means, points, [c.disagreement for c in s.criteria])
    doc.space(height + 6)
