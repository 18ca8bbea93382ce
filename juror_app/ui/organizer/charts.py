"""Charts in the results views: the score distribution per criterion and the jurors' leniency.

matplotlib's Figure API (no pyplot: no global state, nothing shared between windows) on a
``FigureCanvasQTAgg``. Layout is fixed by hand (``subplots_adjust``) rather than by a layout engine,
which is where most of a small chart's drawing time goes; labels come from the caller, translated.
The margins are kept in pixels and turned into fractions at every resize, so tick labels and axis
titles keep their room however small a laptop's screen makes the chart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtWidgets import QSizePolicy, QWidget

from juror_app.ui.organizer import style

FONT_SIZE = 8.5
MINIMUM_WIDTH, MINIMUM_HEIGHT = 260, 170


class ChartCanvas(FigureCanvasQTAgg):
    """A canvas with its own figure; ``draw_*`` functions below fill it."""

    def __init__(self, parent: QWidget | None = None, width: float = 5.0, height: float = 3.2) -> None:
        figure = Figure(figsize=(width, height), dpi=100, facecolor="white")
        super().__init__(figure)
        self.setParent(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(MINIMUM_WIDTH, MINIMUM_HEIGHT)  # readable, and never wider than a laptop allows
        self.drawn = 0  # how many times a chart was drawn: tests check the canvas really rendered
        self._margins: tuple[int, int, int, int] | None = None

    def set_margins(self, left: int, right: int, top: int, bottom: int) -> None:
        """Room around the axes, in the widget's pixels (labels and titles go there)."""
        self._margins = (left, right, top, bottom)
        self._apply_margins()

    def _apply_margins(self) -> None:
        if self._margins is None:
            return
        width, height = self.figure.get_size_inches() * self.figure.dpi
        if width <= 1 or height <= 1:
            return
        left, right, top, bottom = (m * self.device_pixel_ratio for m in self._margins)
        self.figure.subplots_adjust(left=min(left / width, 0.45), right=max(1 - right / width, 0.55),
                                    top=max(1 - top / height, 0.55), bottom=min(bottom / height, 0.4))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)  # resizes the figure; the redraw follows
        self._apply_margins()

    def render_now(self) -> None:
        self.draw()
        self.drawn += 1


@dataclass(frozen=True)
class DistributionSeries:
    label: str  # the criterion's code, e.g. "I.3"
    percents: Sequence[float]  # every score as % of the criterion's maximum


def draw_distribution(canvas: ChartCanvas, series: Sequence[DistributionSeries], *, title: str, y_label: str,
                      empty_text: str, mean_label: str) -> None:
    """One box per criterion (scores as % of the criterion's maximum, so different scales compare), mean marked."""
    figure = canvas.figure
    figure.clear()
    ax = figure.add_subplot(1, 1, 1)
    canvas.set_margins(left=52, right=12, top=34, bottom=28)
    ax.set_title(title, fontsize=FONT_SIZE + 1, loc="left")
    present = [s for s in series if len(s.percents)]
    if not present:
        ax.set_axis_off()
        ax.text(0.5, 0.5, empty_text, ha="center", va="center", fontsize=FONT_SIZE + 1, color="#5b6472",
                transform=ax.transAxes)
        canvas.render_now()
        return
    positions = list(range(1, len(present) + 1))
    boxes = ax.boxplot([list(s.percents) for s in present], positions=positions, widths=0.55, patch_artist=True,
                       showfliers=True, medianprops={"color": "#1f2937", "linewidth": 1.4},
                       flierprops={"marker": "o", "markersize": 3, "markerfacecolor": "#8a94a6", "markeredgecolor": "none"})
    for patch in boxes["boxes"]:
        patch.set_facecolor(style.INFO[1])
        patch.set_edgecolor(style.INFO[0])
    means = [sum(s.percents) / len(s.percents) for s in present]
    ax.plot(positions, means, linestyle="none", marker="D", markersize=4, color=style.WARN[0], label=mean_label)
    ax.set_xticks(positions, [s.label for s in present], fontsize=FONT_SIZE)
    ax.set_ylim(-3, 103)
    ax.set_yticks([0, 25, 50, 75, 100])
    ax.tick_params(axis="y", labelsize=FONT_SIZE)
    ax.set_ylabel(y_label, fontsize=FONT_SIZE)
    ax.grid(axis="y", color="#e5e7eb", linewidth=0.8)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), fontsize=FONT_SIZE, frameon=False, borderaxespad=0.2)
    canvas.render_now()


@dataclass(frozen=True)
class LeniencyBar:
    label: str  # the juror, as the window names them
    deviation: float  # percentage points; positive = more lenient than the co-jurors


def draw_leniency(canvas: ChartCanvas, bars: Sequence[LeniencyBar], *, title: str, x_label: str, empty_text: str,
                  lenient_text: str, strict_text: str) -> None:
    """One horizontal bar per juror: mean deviation from co-jurors on the same dossiers, most lenient on top."""
    figure = canvas.figure
    figure.clear()
    ax = figure.add_subplot(1, 1, 1)
    canvas.set_margins(left=132, right=16, top=44, bottom=42)
    figure.text(0.01, 0.98, title, ha="left", va="top", fontsize=FONT_SIZE + 1)
    if not bars:
        ax.set_axis_off()  # the empty text in the middle says why
        ax.text(0.5, 0.5, empty_text, ha="center", va="center", fontsize=FONT_SIZE + 1, color="#5b6472",
                transform=ax.transAxes)
        canvas.render_now()
        return
    ordered = sorted(bars, key=lambda b: b.deviation)
    positions = list(range(len(ordered)))
    colours = [style.GOOD[0] if b.deviation > 0 else style.WARN[0] for b in ordered]
    # Hatching on the strict side: the direction reads without colour too (and the sign is on the axis).
    hatches = ["" if b.deviation > 0 else "///" for b in ordered]
    drawn = ax.barh(positions, [b.deviation for b in ordered], color=colours, height=0.6, edgecolor="white")
    for bar, hatch in zip(drawn, hatches):
        bar.set_hatch(hatch)
    ax.set_yticks(positions, [b.label for b in ordered], fontsize=FONT_SIZE)
    renderer = canvas.get_renderer()  # the jurors' names decide the left margin (measured, not guessed)
    widest = max(label.get_window_extent(renderer).width for label in ax.get_yticklabels())
    canvas.set_margins(left=int(widest / canvas.device_pixel_ratio) + 14, right=16, top=44, bottom=42)
    ax.axvline(0, color="#1f2937", linewidth=0.9)
    limit = max(1.0, max(abs(b.deviation) for b in ordered)) * 1.15
    ax.set_xlim(-limit, limit)
    ax.tick_params(axis="x", labelsize=FONT_SIZE)
    ax.set_xlabel(x_label, fontsize=FONT_SIZE)
    ax.grid(axis="x", color="#e5e7eb", linewidth=0.8)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.text(1.0, 1.02, lenient_text + " →", transform=ax.transAxes, ha="right", va="bottom", fontsize=FONT_SIZE,
            color=style.GOOD[0])
    ax.text(0.0, 1.02, "← " + strict_text, transform=ax.transAxes, ha="left", va="bottom", fontsize=FONT_SIZE,
            color=style.WARN[0])
    canvas.render_now()
