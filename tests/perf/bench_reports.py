"""Printed summaries per institution: the national demo (2,000 charts) and a 200-institution edition, vs naive matplotlib.

Set-up (untimed, kept under the run's workdir): ``generate_demo`` at national scale (2,000 institutions, 60
jurors, 3 per dossier) with every package merged (``plan_merge`` + ``apply_merge``), and a 200-institution
edition (20 jurors) merged the same way.

- subject: ``build_report(db, "institutions")`` — snapshot, one page per institution with its table and
  chart, two layout passes for "Strona X z Y", both cores (a 2-process pool), pypdf assembly with bookmarks,
  labels and the results attachment. Charts: one reused matplotlib figure per process, fixed axes, no
  layout engine, drawn as vectors into the document by ``pdf_matplotlib`` — the static parts once per
  part as a Form XObject, the bars and dots per institution.
- baseline, in the same run, interleaved: the same pages in one process, but each chart made the naive
  way — a new ``Figure``, ``tight_layout``, ``savefig`` to a separate (vector) PDF — and every chart PDF
  merged after its institution's page with pypdf.
- notes: pages and size of each document, time per institution, and one chart made each way considered
  (time and bytes a chart): as printed (vector into the writer); the same figure rasterised by Agg at
  150 ppi with blitting (the previous design); the same figure saved by matplotlib's PDF backend, alone and
  merged onto a page with pypdf; the bars and dots drawn with the writer's own primitives at matplotlib's
  positions; a new figure with tight layout saved as PDF (the naive way).

Runs under ``tests/perf/run.py`` (``python tests/perf/run.py reports``).
"""

from __future__ import annotations

import io
import zlib
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import perfkit
import pypdf
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from juror_app.reports import charts, institution_summary
from juror_app.reports.institution_summary import InstitutionSummary, render_summaries
from juror_app.reports.page_style import Numbering, PartBuilder
from juror_app.reports.parallel import default_workers
from juror_app.reports.pdf_writer import Drawing, PdfWriter
from juror_app.store.organizer_schema import open_organizer_db
from juror_app.workflows.demo.generate import DemoSettings, generate_demo
from juror_app.workflows.organizer import reports
from juror_app.workflows.organizer.merge import apply_merge, plan_merge
from juror_app.workflows.organizer.report_data import institution_items, read_snapshot

SPEED_GOAL = 3.0  # times faster than the naive baseline
EDITION_GOAL_S = 30.0


def merged_demo(folder: Path, settings: DemoSettings) -> Path:
    """A demo edition with every package merged; made once per run (the set-up is not timed)."""
    db_path = folder / "organizer.sqlite"
    if not db_path.exists():
        generate_demo(folder, settings)
        db = open_organizer_db(db_path)
        apply_merge(db, plan_merge(db, sorted((folder / "packages").glob("*.pu-scores"))), db_path=db_path)
        db.close()
    return db_path


def subject(db_path: Path) -> reports.Report:
    db = open_organizer_db(db_path)
    try:
        return reports.build_report(db, "institutions")
    finally:
        db.close()


# --- the naive baseline ----------------------------------------------------------------------------

def _values(s: InstitutionSummary) -> tuple[list[float], list[list[float]]]:
    means = [0.0 if c.mean is None else 100 * c.mean / c.max_points for c in s.criteria]
    points = [[100 * p / c.max_points for p in c.points if p is not None] for c in s.criteria]
    return means, points


def naive_chart_pdf(s: InstitutionSummary) -> bytes:
    """One chart the usual way: a new figure, a layout engine, its own vector PDF."""
    figure = Figure(figsize=charts.INSTITUTION_SIZE)
    ax = figure.add_subplot()
    means, points = _values(s)
    labels = [c.code for c in s.criteria]
    ax.bar(range(len(means)), means, width=0.62, color=[charts.FLAG_COLOR if c.disagreement else charts.MEAN_COLOR
                                                         for c in s.criteria], label="średnia")
    xs = [i + (k - (len(v) - 1) / 2) * 0.11 for i, v in enumerate(points) for k in range(len(v))]
    ax.scatter(xs, [p for v in points for p in v], s=13, color=charts.POINT_COLOR, zorder=3, label="ocena członka Kapituły")
    ax.set_xticks(range(len(labels)), labels, fontsize=7)
    ax.set_ylim(0, 105)
    ax.set_ylabel("% maks. punktów", fontsize=7)
    ax.legend(fontsize=7, ncol=2, loc="upper right")
    figure.tight_layout()
    out = io.BytesIO()
    figure.savefig(out, format="pdf")
    return out.getvalue()


def _space_only(part: PartBuilder, s: InstitutionSummary) -> None:
    """The text pages keep the chart's space; the chart comes as its own PDF page."""
    width, height = charts.institution_chart_size()
    part.doc.ensure_space(height)
    part.doc.space(height + 6)


def naive(db_path: Path) -> int:
    db = open_organizer_db(db_path)
    try:
        snapshot = read_snapshot(db)
    finally:
        db.close()
    items = institution_items(snapshot, "pl")
    context = reports._context(snapshot, reports.ReportKind.INSTITUTIONS, datetime.now(timezone.utc), "pl")
    original = institution_summary._chart
    institution_summary._chart = _space_only
    try:
        text = render_summaries(context, items, Numbering())
    finally:
        institution_summary._chart = original
    pages = pypdf.PdfReader(io.BytesIO(text.pdf))
    out = pypdf.PdfWriter()
    first = 0
    for item, count in zip(items, text.items):
        out.append(pages, pages=list(range(first, first + count)), import_outline=False)
        first += count
        out.append(pypdf.PdfReader(io.BytesIO(naive_chart_pdf(item))), import_outline=False)
    out.add_attachment("wyniki.json", snapshot.results_json)
    buffer = io.BytesIO()
    out.write(buffer)
    return len(out.pages)


# --- one chart, each way considered ------------------------------------------------------------------

def _raster_chart(labels: list[str]):
    """The previous design: the same figure at 150 ppi by Agg, static parts blitted."""
    chart = charts.InstitutionChart(labels, "pl")  # a private copy: the shared one stays vector
    chart.figure.set_dpi(150)
    canvas = FigureCanvasAgg(chart.figure)
    canvas.draw()
    return chart, canvas, canvas.copy_from_bbox(chart.figure.bbox)


def _primitive_data(chart: charts.InstitutionChart, drawing: Drawing, s: InstitutionSummary) -> None:
    """Bars and dots as the writer's own rectangles and circles, placed by the axes' data transform."""
    means, points = _values(s)
    to_points = chart.axes.transData.transform
    half = charts.BAR_WIDTH / 2
    ops = drawing.ops
    for i, (mean, c) in enumerate(zip(means, s.criteria)):
        (x0, y0), (x1, y1) = to_points([(i - half, 0), (i + half, mean)])
        color = charts.FLAG_COLOR if c.disagreement else charts.MEAN_COLOR
        rgb = " ".join(f"{int(color[k:k + 2], 16) / 255:.3f}" for k in (1, 3, 5))
        ops.append(f"{rgb} rg {x0:.2f} {y0:.2f} {x1 - x0:.2f} {y1 - y0:.2f} re f")
    ops.append("0.122 0.231 0.4 rg")
    for i, values in enumerate(points):
        for k, v in enumerate(values):
            x, y = to_points((i + (k - (len(values) - 1) / 2) * 0.11, v))
            r, c = 1.8, 1.8 * 0.5523
            ops.append(f"{x + r:.2f} {y:.2f} m {x + r:.2f} {y + c:.2f} {x + c:.2f} {y + r:.2f} {x:.2f} {y + r:.2f} c "
                       f"{x - c:.2f} {y + r:.2f} {x - r:.2f} {y + c:.2f} {x - r:.2f} {y:.2f} c "
                       f"{x - r:.2f} {y - c:.2f} {x - c:.2f} {y - r:.2f} {x:.2f} {y - r:.2f} c "
                       f"{x + c:.2f} {y - r:.2f} {x + r:.2f} {y - c:.2f} {x + r:.2f} {y:.2f} c f")


def chart_ways(items: list[InstitutionSummary], count: int) -> dict[str, str]:
    sample = items[:count]
    labels = [c.code for c in sample[0].criteria]
    chart = charts.institution_chart(labels, "pl")
    width, height = charts.institution_chart_size()
    sizes: dict[str, int] = {}

    def vector_into_the_writer() -> None:
        writer = PdfWriter()
        for s in sample:
            means, points = _values(s)
            chart.draw(writer.new_page(), 50, 80, means, points, [c.disagreement for c in s.criteria])
        sizes[VECTOR] = len(writer.to_bytes())

    def primitives() -> None:
        writer = PdfWriter()
        for s in sample:
            page = writer.new_page()
            page.place(chart.background(writer), 50, 80, width, height)
            drawing = writer.new_drawing(width, height)
            _primitive_data(chart, drawing, s)
            page.place(drawing, 50, 80, width, height)
        sizes[PRIMITIVES] = len(writer.to_bytes())

    def raster() -> None:
        figure_chart, canvas, background = _raster_chart(labels)
        total = 0
        for s in sample:
            means, points = _values(s)
            canvas.restore_region(background)
            half = charts.BAR_WIDTH / 2
            figure_chart.bars.set_verts([[(i - half, 0.0), (i - half, m), (i + half, m), (i + half, 0.0)]
                                         for i, m in enumerate(means)])
            figure_chart.axes.draw_artist(figure_chart.bars)
            offsets = [(i + (k - (len(v) - 1) / 2) * 0.11, p) for i, v in enumerate(points) for k, p in enumerate(v)]
            figure_chart.dots.set_offsets(np.array(offsets, dtype=float).reshape(-1, 2))
            figure_chart.axes.draw_artist(figure_chart.dots)
            rgba = np.asarray(canvas.buffer_rgba())
            total += len(zlib.compress(rgba[:, :, :3].tobytes(), 6))  # what the writer embedded
        sizes[RASTER] = total

    def matplotlib_pdf(merge: bool) -> None:
        total = 0
        page_pdf = PdfWriter()
        page_pdf.new_page().text(50, 50, "Zestawienie")
        base = page_pdf.to_bytes()
        out = pypdf.PdfWriter()
        for s in sample:
            means, points = _values(s)
            chart.data(PdfWriter(), means, points, [c.disagreement for c in s.criteria])  # sets the artists
            for artist in (chart.bars, chart.dots):
                artist.set_animated(False)
            buffer = io.BytesIO()
            chart.figure.savefig(buffer, format="pdf")
            for artist in (chart.bars, chart.dots):
                artist.set_animated(True)
            total += len(buffer.getvalue())
            if merge:
                page = out.add_page(pypdf.PdfReader(io.BytesIO(base)).pages[0])
                page.merge_transformed_page(pypdf.PdfReader(buffer).pages[0], pypdf.Transformation().translate(50, 500))
        if merge:
            merged = io.BytesIO()
            out.write(merged)
            total = len(merged.getvalue())
        sizes[MPL_MERGED if merge else MPL_PDF] = total

    def new_vector() -> None:
        sizes[NAIVE] = sum(len(naive_chart_pdf(s)) for s in sample)

    ways = {VECTOR: vector_into_the_writer, PRIMITIVES: primitives, RASTER: raster,
            MPL_PDF: lambda: matplotlib_pdf(False), MPL_MERGED: lambda: matplotlib_pdf(True), NAIVE: new_vector}
    notes = {}
    for name, fn in ways.items():
        with perfkit.Timer() as timer:
            fn()
        notes[f"one chart, {name}"] = f"{timer.seconds / len(sample) * 1000:.1f} ms, {sizes[name] / len(sample) / 1024:.1f} KiB"
    return notes


VECTOR = "vector into the writer, axes once per part (as printed)"
PRIMITIVES = "axes once per part, bars and dots as the writer's own primitives"
RASTER = "same figure, Agg raster 150 ppi with blitting (before)"
MPL_PDF = "same figure, matplotlib's PDF backend"
MPL_MERGED = "same figure, matplotlib's PDF backend merged onto a page with pypdf (whole page)"
NAIVE = "new figure + tight_layout, matplotlib's PDF backend"


def run(ctx: perfkit.Context) -> list[perfkit.Result]:
    national = DemoSettings(institutions=ctx.size(full=2000, quick=100), jurors=ctx.size(full=60, quick=6), per_dossier=3,
                            seed=2026)
    edition = DemoSettings(institutions=ctx.size(full=200, quick=40), jurors=ctx.size(full=20, quick=6), per_dossier=3,
                           seed=2027)
    with perfkit.Timer() as setup:
        national_db = merged_demo(ctx.workdir / "national", national)
        edition_db = merged_demo(ctx.workdir / "edition", edition)
    print(f"[reports] merged demos of {national.institutions} and {edition.institutions} institutions made in "
          f"{setup.seconds:.0f} s", flush=True)
    subject(edition_db)  # warm-up: fonts prepared, matplotlib imported, figure built

    repeat = ctx.repeats(2)
    made: dict[str, reports.Report] = {}
    national_samples = perfkit.measure_interleaved(
        {"ours": lambda: made.__setitem__("national", subject(national_db)), "naive": lambda: naive(national_db)}, repeat)
    edition_samples = perfkit.measure_interleaved(
        {"ours": lambda: made.__setitem__("edition", subject(edition_db)), "naive": lambda: naive(edition_db)},
        ctx.repeats(3))

    db = open_organizer_db(edition_db)
    items = institution_items(read_snapshot(db), "pl")
    db.close()
    ways = chart_ways(items, min(len(items), 40))
    speed = perfkit.Goal(f"≥ {SPEED_GOAL:g}× faster (ratio ≤ {1 / SPEED_GOAL:.2f})", lambda r: r.ratio <= 1 / SPEED_GOAL)

    def notes(key: str, settings: DemoSettings, samples: dict[str, list[float]]) -> dict[str, str]:
        report = made[key]
        median = perfkit.median(samples["ours"])
        return {"document": f"{report.pages:,} pages, {len(report.pdf) / (1 << 20):.1f} MiB",
                "per institution": f"{median / settings.institutions * 1000:.1f} ms (baseline "
                                   f"{perfkit.median(samples['naive']) / settings.institutions * 1000:.1f} ms)",
                "workers": str(default_workers())}

    print(f"[reports] national {perfkit.median(national_samples['ours']):.1f} s vs naive "
          f"{perfkit.median(national_samples['naive']):.1f} s", flush=True)
    return [
        perfkit.Result("reports", f"institution summaries, {national.institutions:,} institutions (national demo)", "s",
                       national_samples["ours"], "naive: new figure + separate PDF per chart, merged", national_samples["naive"],
                       goal=ctx.full_scale_goal(speed), notes=notes("national", national, national_samples) | ways),
        perfkit.Result("reports", f"institution summaries, {edition.institutions} institutions (an edition)", "s",
                       edition_samples["ours"], "naive: new figure + separate PDF per chart, merged", edition_samples["naive"],
                       goal=ctx.full_scale_goal(perfkit.median_under(EDITION_GOAL_S)),
                       notes=notes("edition", edition, edition_samples)),
    ]
