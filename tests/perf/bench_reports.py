"""Printed summaries per institution: the national demo (2,000 charts) and a 200-institution edition, vs naive matplotlib.

Set-up (untimed, kept under the run's workdir): ``generate_demo`` at national scale (2,000 institutions, 60
jurors, 3 per dossier) with every package merged (``plan_merge`` + ``apply_merge``), and a 200-institution
edition (20 jurors) merged the same way.

- subject: ``build_report(db, "institutions")`` — snapshot, one page per institution with its table and
  chart, two layout passes for "Strona X z Y", both cores (a 2-process pool), pypdf assembly with bookmarks,
  labels and the results attachment. Charts: one reused matplotlib figure per process, fixed axes, no
  layout engine, static parts drawn once (Agg blitting), embedded as RGB pixels.
- baseline, in the same run, interleaved: the same pages in one process, but each chart made the naive
  way — a new ``Figure``, ``tight_layout``, ``savefig`` to a separate (vector) PDF — and every chart PDF
  merged after its institution's page with pypdf.
- notes: pages and size of each document, time per institution, and one chart drawn four ways (the
  reused raster figure as printed; the same figure saved as vector PDF; a new figure, raster; a new figure
  with tight layout saved as PDF) to show where the time goes.

Runs under ``tests/perf/run.py`` (``python tests/perf/run.py reports``).
"""

from __future__ import annotations

import io
import zlib
from datetime import datetime, timezone
from pathlib import Path

import perfkit
import pypdf
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from juror_app.reports import charts, institution_summary
from juror_app.reports.institution_summary import InstitutionSummary, render_summaries
from juror_app.reports.page_style import Numbering, PartBuilder
from juror_app.reports.parallel import default_workers
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


# --- one chart four ways ----------------------------------------------------------------------------

def chart_ways(items: list[InstitutionSummary], count: int) -> dict[str, str]:
    sample = items[:count]
    labels = [c.code for c in sample[0].criteria]
    chart = charts.institution_chart(labels, "pl")
    sizes: dict[str, int] = {}

    def reused_raster() -> None:
        total = 0
        for s in sample:
            means, points = _values(s)
            raster = chart.render(means, points, [c.disagreement for c in s.criteria])
            total += len(zlib.compress(raster.pixels, 6))  # what the PDF writer embeds
        sizes["reused, raster (as printed)"] = total

    def reused_vector() -> None:
        total = 0
        for s in sample:
            means, points = _values(s)
            chart.render(means, points, [c.disagreement for c in s.criteria])
            out = io.BytesIO()
            chart.figure.savefig(out, format="pdf")
            total += len(out.getvalue())
        sizes["reused, vector PDF"] = total

    def new_raster() -> None:
        total = 0
        for s in sample:
            figure = Figure(figsize=charts.INSTITUTION_SIZE, dpi=charts.DPI)
            canvas = FigureCanvasAgg(figure)
            ax = figure.add_subplot()
            means, _ = _values(s)
            ax.bar(range(len(means)), means)
            figure.tight_layout()
            canvas.draw()
            total += len(zlib.compress(charts._rgb(canvas).pixels, 6))
        sizes["new figure, raster"] = total

    def new_vector() -> None:
        sizes["new figure + tight_layout, vector PDF"] = sum(len(naive_chart_pdf(s)) for s in sample)

    ways = {"reused, raster (as printed)": reused_raster, "reused, vector PDF": reused_vector,
            "new figure, raster": new_raster, "new figure + tight_layout, vector PDF": new_vector}
    notes = {}
    for name, fn in ways.items():
        with perfkit.Timer() as timer:
            fn()
        notes[f"one chart, {name}"] = f"{timer.seconds / len(sample) * 1000:.1f} ms, {sizes[name] / len(sample) / 1024:.0f} KiB"
    return notes


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
