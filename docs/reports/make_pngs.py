"""Make the PNGs of the printed summaries shown in the README, from a fresh demo edition.

    python docs/reports/make_pngs.py            # writes docs/reports/*.png (needs pdftoppm, poppler-utils)

The demo (24 institutions, 12 jurors, seed 2026) is merged, one special distinction is awarded and the
results are locked, as before the jury meeting; then each kind of document is made and the first page
of each is rendered with ``pdftoppm -png -r 60 -f 1 -l 1`` (plus page 2 of the institution summaries,
the first institution's page with its chart, and the ranking page of the largest category, with its
chart: ``ranking-chart.png``). The juror's own sheet comes from a demo workstation of
juror j001 holding j001's demo scores, before export.
"""

from __future__ import annotations

import io
import subprocess
import sys
import tempfile
from pathlib import Path

import pypdf

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from juror_app.domain.i18n import set_language  # noqa: E402
from juror_app.store.organizer_schema import (  # noqa: E402
    choose_distinction,
    lock_results,
    open_organizer_db,
)
from juror_app.workflows.demo.generate import DemoSettings, generate_demo  # noqa: E402
from juror_app.workflows.demo.workstation import prepare_demo_workstation  # noqa: E402
from juror_app.workflows.juror import scoring as juror_scoring  # noqa: E402
from juror_app.workflows.juror.score_sheet import build_juror_sheet  # noqa: E402
from juror_app.workflows.organizer.merge import apply_merge, plan_merge  # noqa: E402
from juror_app.workflows.organizer.reports import build_report  # noqa: E402

HERE = Path(__file__).resolve().parent
SEED = 2026


def png(pdf: bytes, name: str, page: int = 1) -> Path:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "doc.pdf"
        source.write_bytes(pdf)
        stem = Path(tmp) / "page"
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page), "-singlefile", str(source),
                        str(stem)], check=True)
        target = HERE / f"{name}.png"
        target.write_bytes(stem.with_suffix(".png").read_bytes())
    print(f"{target.relative_to(ROOT)}")
    return target


def _largest_category_page(pdf: bytes) -> int:
    """The 1-based page of the category whose table has the most rows (a row per "%" of its total)."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    counts = [page.extract_text().count("%") for page in reader.pages]
    return max(range(1, len(counts)), key=lambda i: counts[i]) + 1


def organizer_documents(work: Path) -> None:
    folder = work / "edition"
    generate_demo(folder, DemoSettings(seed=SEED))
    db = open_organizer_db(folder / "organizer.sqlite")
    apply_merge(db, plan_merge(db, sorted((folder / "packages").glob("*.pu-scores"))), db_path=folder / "organizer.sqlite")
    nominated = db.execute("SELECT dossier_id, distinction_id FROM nominations ORDER BY dossier_id LIMIT 1").fetchone()
    if nominated:
        choose_distinction(db, *nominated, note="decyzja Kapituły na posiedzeniu", by="Biuro Konkursu")
    lock_results(db, "Biuro Konkursu")
    for kind in ("protocol", "institutions", "ranking", "sheets"):
        report = build_report(db, kind)
        png(report.pdf, kind)
        if kind == "institutions":
            png(report.pdf, "institutions-page-2", page=2)
        if kind == "ranking":
            png(report.pdf, "ranking-chart", page=_largest_category_page(report.pdf))
    juror_sheet(work, db)


def juror_sheet(work: Path, organizer) -> None:
    """Juror j001's workstation with j001's demo scores and declarations typed in, not yet exported."""
    station = prepare_demo_workstation(work / "workstation", seed=SEED)
    db = station.profile.open_db()
    assigned = {r[0] for r in db.execute("SELECT dossier_id FROM assigned_dossiers")}
    for dossier, criterion, points, text in organizer.execute(
            "SELECT dossier_id, criterion_id, points, justification FROM scores WHERE juror_id = ? ORDER BY dossier_id,"
            " criterion_id", [station.juror_id]):
        if dossier in assigned:
            juror_scoring.set_score(db, dossier_id=dossier, criterion_id=criterion, points=points, justification=text)
    for dossier, reason in organizer.execute("SELECT dossier_id, reason FROM conflicts WHERE juror_id = ?", [station.juror_id]):
        if dossier in assigned:
            juror_scoring.declare_conflict(db, dossier_id=dossier, reason=reason)
    png(build_juror_sheet(db).pdf, "juror-sheet")


if __name__ == "__main__":
    set_language("pl")
    with tempfile.TemporaryDirectory(prefix="report-pngs-") as scratch:
        organizer_documents(Path(scratch))
