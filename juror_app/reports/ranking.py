"""The ranking per category: a chart of the weighted totals and the full table, one category per page.

The order and the shared places ("1, 2, 2, 4") are the domain's (:func:`juror_app.domain.scoring.rank`):
weighted total first, stage II as the tie-break. Dossiers without a total follow, without a place.
A category of hundreds (the national scale) charts its best ``CHART_MOST`` and tables all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from juror_app.domain.i18n import pick
from juror_app.domain.scoring import CERTIFICATION_NAMES, Certification
from juror_app.reports import formatting as fmt
from juror_app.reports.charts import ranking_chart, ranking_chart_size
from juror_app.reports.front_matter import FrontMatter, front_matter
from juror_app.reports.page_style import (
    DocumentContext,
    Numbering,
    PartBuilder,
    PartResult,
)

CHART_MOST = 30
_SHORT_DECISION = {
    Certification.CERTIFIED.value: ("certyfikat", "certified"),
    Certification.NOT_CERTIFIED.value: ("bez certyfikatu", "not certified"),
    Certification.INCOMPLETE.value: ("niekompletna", "incomplete"),
}


@dataclass(frozen=True)
class RankingLine:
    place: int | None
    dossier_id: str
    name: str
    short_name: str
    total_percent: float | None
    stage_percents: tuple[float | None, ...]  # in the edition's order of stages
    complete_jurors: int
    certification: str  # a Certification value
    distinctions: tuple[str, ...] = ()


@dataclass(frozen=True)
class CategoryRanking:
    name: str
    overview: str
    stage_names: tuple[str, ...]  # short: "Etap I", "Etap II"
    threshold: float | None  # the certification threshold of the weighted total, in %
    lines: tuple[RankingLine, ...]


def render_ranking(context: DocumentContext, items: Sequence[FrontMatter | CategoryRanking],
                   numbering: Numbering) -> PartResult:
    part = PartBuilder(context, numbering)
    for item in items:
        if isinstance(item, FrontMatter):
            front_matter(part, item)
            continue
        part.new_page()
        part.start_item()
        _category(part, item)
    return part.finish()


def _category(part: PartBuilder, c: CategoryRanking) -> None:
    lang, doc = part.lang, part.doc
    part.heading(c.name, 1)
    doc.paragraph(c.overview, size=8.5, color=(0.3, 0.3, 0.3), space_after=6)
    placed = [line for line in c.lines if line.total_percent is not None]
    if placed:
        shown = placed[:CHART_MOST]
        if len(placed) > len(shown):
            doc.paragraph(pick(f"Wykres: {len(shown)} najwyżej ocenionych z {len(placed)}.",
                               f"Chart: the best {len(shown)} of {len(placed)}.", lang), size=8, font="italic")
        width, height = ranking_chart_size(len(shown))
        scale = min(1.0, (doc.limit - doc.top) / height)
        width, height = width * scale, height * scale
        doc.ensure_space(height)
        if not part.counting:
            drawing = ranking_chart(part.writer, [(f"{line.place}. {line.short_name or line.name}", line.total_percent,
                                                   line.certification) for line in shown], c.threshold, lang)
            doc.page.place(drawing, doc.left + (doc.width - width) / 2, doc.y, width, height)
        doc.space(height + 8)
    header = [pick("Miejsce", "Place", lang), pick("Jednostka", "Institution", lang), pick("Wynik ważony", "Weighted total", lang),
              *c.stage_names, pick("Ukończone oceny", "Complete", lang), pick("Decyzja", "Decision", lang)]
    stage_width = 0.09
    rows = []
    for line in c.lines:
        decision = pick(*_SHORT_DECISION[line.certification], lang)
        if line.distinctions:
            decision += "; " + ", ".join(line.distinctions)
        rows.append([str(line.place) if line.place is not None else fmt.DASH, f"{line.name} ({line.dossier_id})",
                     fmt.percent(line.total_percent, lang=lang), *(fmt.percent(p, lang=lang) for p in line.stage_percents),
                     str(line.complete_jurors), decision])
    name_width = 1 - 0.09 - 0.11 - stage_width * len(c.stage_names) - 0.12 - 0.16
    doc.table(header, rows, widths=[0.09, name_width, 0.11, *[stage_width] * len(c.stage_names), 0.12, 0.16],
              align=["center", "left", "center", *["center"] * len(c.stage_names), "center", "left"], size=8)
    if c.lines:
        doc.paragraph(pick("Decyzja „niekompletna”: ", "Decision “incomplete”: ", lang)
                      + pick(*CERTIFICATION_NAMES[Certification.INCOMPLETE], lang) + ".", size=7.5,
                      color=(0.3, 0.3, 0.3))
