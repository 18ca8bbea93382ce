"""Charts for the printed summaries: matplotlib's Figure API (no pyplot), drawn as vector graphics.

Why this shape (measured in ``tests/perf/bench_reports.py``): a national edition prints 2,000
institution charts. A new figure with a layout engine saved by matplotlib's PDF backend costs ~80 ms
a chart and carries its own fonts (~17 KiB), and each such PDF must then be merged. Here each
process keeps ONE figure per chart kind with fixed axes (no tight/constrained layout), and
:mod:`pdf_matplotlib` draws it straight into the document being written, in the document's own
fonts. The static parts — axes, ticks, grid, legend — are drawn once per document part as a Form
XObject that every institution's page reuses; for each institution only the bars (one collection)
and the dots are drawn. Vector output is sharp at any zoom or printer resolution, and a chart costs
a few hundred bytes instead of a ~20 KiB image at 150 ppi.

Values are percentages of each criterion's maximum, so criteria on different scales (0–10 in stage
I, 0–5 in stage II) share one axis.
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence

import numpy as np
from matplotlib import rc_context
from matplotlib.backend_bases import FigureCanvasBase
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from juror_app.domain.i18n import pick
from juror_app.reports.pdf_matplotlib import DPI, DrawingRenderer
from juror_app.reports.pdf_writer import Drawing, Page, PdfWriter

INSTITUTION_SIZE = (6.6, 2.3)  # inches: the chart's printed size (the text column is 6.9 in)
MEAN_COLOR = "#9db7d5"
FLAG_COLOR = "#f0b27a"  # a criterion on which the jurors disagree
POINT_COLOR = "#1f3b66"
CERTIFIED_COLOR = "#3f7f5f"
NOT_CERTIFIED_COLOR = "#a9a9a9"
INCOMPLETE_COLOR = "#e3c26f"
GRID_COLOR = "#dddddd"
TEXT_SIZE = 7.0
BAR_WIDTH = 0.62  # in criteria (x axis units)
_RC = {"text.parse_math": False, "font.family": "DejaVu Sans"}  # a "$" in a name is text, not mathtext


def _figure(size: tuple[float, float]) -> Figure:
    figure = Figure(figsize=size, dpi=DPI, layout=None)
    FigureCanvasBase(figure)  # matplotlib's draw events need a canvas; drawing goes to DrawingRenderer
    figure.patch.set_visible(False)  # the page is the background
    return figure


def draw_figure(figure: Figure, writer: PdfWriter) -> Drawing:
    """The whole figure (but its animated artists) as a drawing of ``writer``."""
    width, height = figure.get_size_inches() * 72
    drawing = writer.new_drawing(width, height)
    figure.draw(DrawingRenderer(drawing))
    return drawing


def institution_chart_size() -> tuple[float, float]:
    """Printed size (points) of an institution chart: the layout reserves it even when only counting pages."""
    return INSTITUTION_SIZE[0] * 72, INSTITUTION_SIZE[1] * 72


class InstitutionChart:
    """Jurors' points (dots) and their mean (bar) per criterion, in % of the criterion's maximum."""

    def __init__(self, labels: Sequence[str], lang: str) -> None:
        self.labels = tuple(labels)
        self.lang = lang
        with rc_context(_RC):
            self.figure = _figure(INSTITUTION_SIZE)
            self._build()
        self._backgrounds: weakref.WeakKeyDictionary[PdfWriter, str] = weakref.WeakKeyDictionary()

    def _build(self) -> None:
        lang = self.lang
        ax = self.axes = self.figure.add_axes((0.075, 0.15, 0.915, 0.7))
        count = len(self.labels)
        ax.set_xlim(-0.6, count - 0.4)
        ax.set_ylim(0, 105)
        ax.set_xticks(range(count), self.labels, fontsize=TEXT_SIZE)
        ax.set_yticks([0, 25, 50, 75, 100], ["0%", "25%", "50%", "75%", "100%"], fontsize=TEXT_SIZE)
        ax.tick_params(length=2, pad=2)
        ax.grid(axis="y", color=GRID_COLOR, linewidth=0.6)
        ax.set_axisbelow(True)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        # all bars in ONE collection, the dots in one scatter: drawn per institution, the rest once
        self.bars = PolyCollection([], closed=True, animated=True, linewidths=0, zorder=2)
        ax.add_collection(self.bars, autolim=False)
        self.dots = ax.scatter([], [], s=13, color=POINT_COLOR, zorder=3, animated=True, linewidths=0)
        handles = [
            Patch(color=MEAN_COLOR, label=pick("średnia", "mean", lang)),
            Patch(color=FLAG_COLOR, label=pick("średnia — rozbieżne oceny", "mean — jurors disagree", lang)),
            Line2D([], [], marker="o", linestyle="", markersize=3.5, color=POINT_COLOR,
                   label=pick("ocena członka Kapituły", "a juror's points", lang)),
        ]
        self.figure.legend(handles=handles, loc="upper right", bbox_to_anchor=(0.99, 1.0), ncol=3, frameon=False,
                           fontsize=TEXT_SIZE, handlelength=1.2, columnspacing=1.2)
        self.figure.text(0.075, 0.93, pick("% maksymalnej liczby punktów kryterium", "% of the criterion's maximum", lang),
                         fontsize=TEXT_SIZE, color="#555555")

    def background(self, writer: PdfWriter) -> str:
        """The static parts as a form of ``writer`` (drawn once per document)."""
        name = self._backgrounds.get(writer)
        if name is None:
            name = self._backgrounds[writer] = writer.form(draw_figure(self.figure, writer))
        return name

    def data(self, writer: PdfWriter, means: Sequence[float | None], points: Sequence[Sequence[float]],
             flagged: Sequence[bool]) -> Drawing:
        """The bars and dots of one institution: ``means`` and each list in ``points`` per criterion,
        in %; ``flagged`` marks disagreement."""
        if not (len(means) == len(points) == len(flagged) == len(self.labels)):
            raise ValueError("one mean, one list of points and one flag per criterion")
        half = BAR_WIDTH / 2
        self.bars.set_verts([[(i - half, 0.0), (i - half, mean), (i + half, mean), (i + half, 0.0)]
                             for i, mean in enumerate(means) if mean is not None])
        self.bars.set_facecolors([FLAG_COLOR if flag else MEAN_COLOR for mean, flag in zip(means, flagged) if mean is not None])
        offsets = [(i + (k - (len(values) - 1) / 2) * 0.11, float(v))
                   for i, values in enumerate(points) for k, v in enumerate(values)]
        self.dots.set_offsets(np.array(offsets, dtype=float).reshape(-1, 2))
        width, height = self.size()
        drawing = writer.new_drawing(width, height)
        renderer = DrawingRenderer(drawing)
        self.bars.draw(renderer)
        self.dots.draw(renderer)
        return drawing

    def draw(self, page: Page, x: float, y: float, means: Sequence[float | None], points: Sequence[Sequence[float]],
             flagged: Sequence[bool]) -> None:
        """The chart at its printed size with its top-left corner at (x, y) on ``page``."""
        width, height = self.size()
        page.place(self.background(page.writer), x, y, width, height)
        page.place(self.data(page.writer, means, points, flagged), x, y, width, height)

    @staticmethod
    def size() -> tuple[float, float]:
        return institution_chart_size()


_institution_charts: dict[tuple[tuple[str, ...], str], InstitutionChart] = {}


def institution_chart(labels: Sequence[str], lang: str) -> InstitutionChart:
    """This process's chart for these criteria labels (built on first use, then reused)."""
    key = (tuple(labels), lang)
    chart = _institution_charts.get(key)
    if chart is None:
        _institution_charts.clear()  # one edition at a time: keep a single figure alive
        chart = _institution_charts[key] = InstitutionChart(labels, lang)
    return chart


# --- ranking ---------------------------------------------------------------------------------------

CERTIFIED, NOT_CERTIFIED, INCOMPLETE = "certified", "not_certified", "incomplete"
_STATE_COLORS = {CERTIFIED: CERTIFIED_COLOR, NOT_CERTIFIED: NOT_CERTIFIED_COLOR, INCOMPLETE: INCOMPLETE_COLOR}
RANKING_WIDTH = 6.6
LABEL_AREA = 2.25  # inches left of the bars for "12. UMiG Twardogóra"
BAR_PITCH = 0.17  # inches per bar
_ranking: dict[str, Figure] = {}


def _ranking_figure() -> Figure:
    if "figure" not in _ranking:
        _ranking["figure"] = _figure((RANKING_WIDTH, 2.0))
    return _ranking["figure"]


def ranking_chart_size(bars: int) -> tuple[float, float]:
    """Printed size (points) of a ranking chart of ``bars`` bars."""
    return RANKING_WIDTH * 72, (0.75 + BAR_PITCH * max(bars, 1)) * 72


def _fit_label(text: str, limit: int = 36) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _percent_label(value: float, lang: str) -> str:
    text = f"{value:.1f}%"
    return text.replace(".", ",") if lang == "pl" else text


def ranking_chart(writer: PdfWriter, entries: Sequence[tuple[str, float | None, str]], threshold: float | None,
                  lang: str) -> Drawing:
    """Horizontal bars of the weighted total %, best first: (label, value, certification state) each.

    Entries without a value are left out (they have no place). The figure is reused; its height
    follows the number of bars, the label area and axes stay fixed in inches.
    """
    with rc_context(_RC):
        return _ranking_chart(writer, entries, threshold, lang)


def _ranking_chart(writer: PdfWriter, entries: Sequence[tuple[str, float | None, str]], threshold: float | None,
                   lang: str) -> Drawing:
    shown = [(label, value, state) for label, value, state in entries if value is not None]
    figure = _ranking_figure()
    height = ranking_chart_size(len(shown))[1] / 72
    figure.clear()
    figure.set_size_inches(RANKING_WIDTH, height)
    bottom, top = 0.42 / height, 1 - 0.3 / height
    ax = figure.add_axes((LABEL_AREA / RANKING_WIDTH, bottom, 1 - (LABEL_AREA + 0.15) / RANKING_WIDTH, top - bottom))
    ys = list(range(len(shown)))
    ax.barh(ys, [v for _, v, _ in shown], height=0.7, color=[_STATE_COLORS.get(s, NOT_CERTIFIED_COLOR) for *_, s in shown])
    ax.set_yticks(ys, [_fit_label(label) for label, _, _ in shown], fontsize=TEXT_SIZE)
    ax.set_ylim(max(len(shown), 1) - 0.5, -0.5)
    ax.set_xlim(0, 108)  # room for the value beside a 100% bar
    ax.set_xticks([0, 20, 40, 60, 80, 100], ["0%", "20%", "40%", "60%", "80%", "100%"], fontsize=TEXT_SIZE)
    ax.tick_params(length=2, pad=2)
    ax.grid(axis="x", color=GRID_COLOR, linewidth=0.6)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for y, (_, value, _) in zip(ys, shown):
        # on white, above the threshold line that may run through it
        ax.text(min(value, 100) + 0.8, y, _percent_label(value, lang), va="center", fontsize=TEXT_SIZE - 1, color="#333333",
                zorder=4, bbox={"boxstyle": "square,pad=0.15", "facecolor": "white", "edgecolor": "none"})
    if threshold is not None:
        ax.axvline(threshold, color="#8b1a1a", linewidth=0.9, linestyle=(0, (4, 2)), zorder=3)
    handles = [Patch(color=CERTIFIED_COLOR, label=pick("certyfikat", "certified", lang)),
               Patch(color=NOT_CERTIFIED_COLOR, label=pick("bez certyfikatu", "not certified", lang)),
               Patch(color=INCOMPLETE_COLOR, label=pick("ocena niekompletna", "incomplete", lang))]
    if threshold is not None:
        handles.append(Line2D([], [], color="#8b1a1a", linewidth=0.9, linestyle=(0, (4, 2)),
                              label=pick(f"próg certyfikacji ({threshold:g}%)".replace(".", ","),
                                         f"certification threshold ({threshold:g}%)", lang)))
    figure.legend(handles=handles, loc="upper right", bbox_to_anchor=(0.99, 1.0), ncol=len(handles), frameon=False,
                  fontsize=TEXT_SIZE, handlelength=1.2, columnspacing=1.0)
    return draw_figure(figure, writer)
