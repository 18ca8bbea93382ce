"""The juror's window: cold start with 1,000 dossiers vs a bare PySide6 window; a 300-page PDF to its first page.

Cold start is measured as a person meets it (the program's bytecode compiled, as an install leaves
it): a fresh interpreter runs ``python -m juror_app
--profile DIR`` (the real entry point, offscreen), and the time runs from starting the process to
the main window being shown with its first dossier open and the event loop idle (two zero-timers
after the window is exposed). The baseline, interleaved in the same run, is a fresh interpreter
that imports PySide6 and shows an empty QMainWindow of the same size, to the same point. The
profile's juror is assigned every one of 1,000 dossiers (a demo with 3 jurors, 3 per dossier).

Two more windows are timed against the same baseline, to show what the goal leaves to the program:
the same widgets built with Qt alone (no project code; plain labels as in the window's cards), and
that Qt-only window started after importing the juror's window's modules (none of their code run).

Opening a PDF is measured in-process as the viewer does it (SHA-256 check of the file, then
``QPdfDocument.load``, then rendering page 1 at 150 dpi) on a 300-page text PDF written with
``juror_app.reports.pdf_writer``; the baseline is the same for a 1-page PDF.

Run: ``python tests/perf/run.py juror_ui`` (``--quick``: 100 dossiers, one sample each).
"""

from __future__ import annotations

import compileall
import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

import perfkit

INSTITUTIONS = {"full": 1000, "quick": 100}
PDF_PAGES = 300
START_GOAL_RATIO = 2.0
PDF_GOAL_SECONDS = 0.3

# The child scripts print "ready" once the window is up and the event loop is idle, then quit.
_READY = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

def when_idle(window):
    def check():
        handle = window.windowHandle()
        if window.isVisible() and handle is not None and handle.isExposed():
            QTimer.singleShot(0, lambda: QTimer.singleShot(0, done))
        else:
            QTimer.singleShot(5, check)
    def done():
        print("ready", flush=True)
        QApplication.instance().quit()
    QTimer.singleShot(0, check)
"""

APP_CHILD = _READY + """
import sys
import juror_app.ui.juror.launch as launch
launch.INDEX_DELAY_MS = 600_000  # text indexing starts later in real use too; keep it out of the window's start
real_start = launch.start

def start(app, args):
    window = real_start(app, args)
    assert window is not None and window.scoring.current_dossier() is not None
    when_idle(window)
    return window

launch.start = start
from juror_app.__main__ import main
sys.exit(main(["--profile", sys.argv[1]]))
"""

# The same widgets as the juror's window (list model of 1,000 rows, tabs, PDF view with the first
# dossier's PDF, 12 criterion cards) built with Qt alone: what the window would cost with no project
# code at all, to show how much of the gap to the bare window is ours.
QT_ONLY_CHILD = _READY + """
import os, sys
from PySide6.QtCore import QTimer, Qt, QAbstractTableModel, QModelIndex, QSortFilterProxyModel
from PySide6.QtWidgets import (QApplication, QMainWindow, QTreeView, QTabWidget, QSplitter, QWidget, QVBoxLayout,
    QHBoxLayout, QLabel, QLineEdit, QComboBox, QProgressBar, QDoubleSpinBox, QPlainTextEdit, QToolButton, QFrame,
    QScrollArea, QPushButton, QGridLayout)
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
app = QApplication(sys.argv[:1])
class M(QAbstractTableModel):
    def __init__(self, rows): super().__init__(); self.rows = rows
    def rowCount(self, p=QModelIndex()): return 0 if p.isValid() else len(self.rows)
    def columnCount(self, p=QModelIndex()): return 0 if p.isValid() else 5
    def data(self, i, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole: return self.rows[i.row()][i.column()]
        return None
rows = [(f"Urząd Gminy nr {i}", "Kategoria", "Miasto", "nierozpoczęta", "0/12") for i in range(1000)]
w = QMainWindow(); w.resize(1480, 900)
left = QWidget(); ll = QVBoxLayout(left)
for x in (QLabel("0 z 1000"), QProgressBar(), QLineEdit()): ll.addWidget(x)
f = QHBoxLayout(); f.addWidget(QComboBox()); f.addWidget(QComboBox()); ll.addLayout(f)
view = QTreeView(); proxy = QSortFilterProxyModel(); proxy.setSourceModel(M(rows)); view.setModel(proxy); view.setUniformRowHeights(True)
ll.addWidget(view)
tabs = QTabWidget(); tabs.addTab(left, "Teczki"); tabs.addTab(QWidget(), "Szukaj")
viewer = QWidget(); vl = QVBoxLayout(viewer); dt = QTabWidget()
for n in ("Formularz", "Polityka", "Klient", "Źródła"): dt.addTab(QWidget(), n)
vl.addWidget(dt); bar = QHBoxLayout()
for x in (QToolButton(), QLineEdit(), QComboBox(), QLineEdit(), QToolButton(), QToolButton()): bar.addWidget(x)
vl.addLayout(bar); pdf = QPdfView(); doc = QPdfDocument(pdf); doc.load(sys.argv[1]); pdf.setDocument(doc); vl.addWidget(pdf, 1)
scoring = QWidget(); sl = QVBoxLayout(scoring); sl.addWidget(QLabel("Urząd")); sl.addWidget(QLabel("sub"))
hb = QHBoxLayout(); hb.addWidget(QPushButton("Konflikt")); hb.addWidget(QPushButton("Nominuj")); sl.addLayout(hb)
sl.addWidget(QLabel("missing")); body = QWidget(); bl = QVBoxLayout(body)
def plain(text, wrap=False):
    label = QLabel(text); label.setTextFormat(Qt.TextFormat.PlainText); label.setWordWrap(wrap); return label
for c in range(12):  # as the window's cards: plain labels (code, name, scale, saved), wrapped description, levels
    fr = QFrame(); g = QGridLayout(fr); head = QHBoxLayout(); row = QHBoxLayout()
    for x in (plain(f"I.{c}"), plain("kryterium " * 4, True), plain("")): head.addWidget(x)
    g.addLayout(head, 0, 0); g.addWidget(plain("opis " * 60, True), 1, 0)
    g.addWidget(plain("\\n".join("0–1 · poziom" for _ in range(6))), 2, 0)
    for x in (plain("Punkty:"), QDoubleSpinBox(), QToolButton(), plain("0–10 pkt")): row.addWidget(x)
    g.addLayout(row, 3, 0); g.addWidget(QPlainTextEdit(), 4, 0); g.addWidget(plain("", True), 5, 0)
    g.addWidget(plain(""), 6, 0); bl.addWidget(fr)
sa = QScrollArea(); sa.setWidgetResizable(True); sa.setWidget(body); sl.addWidget(sa, 1); sl.addWidget(QLabel("totals"))
sp = QSplitter(); [sp.addWidget(x) for x in (tabs, viewer, scoring)]; w.setCentralWidget(sp)
w.menuBar().addMenu("Plik"); w.statusBar()
view.setCurrentIndex(proxy.index(0, 0))
w.show()
when_idle(w)
os._exit(app.exec())  # skips tearing down the PDF view at exit (not part of the measure)
"""

BARE_CHILD = _READY + """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1480, 900)
window.show()
when_idle(window)
sys.exit(app.exec())
"""

# The Qt-only window again, after importing the juror's window's modules (none of their code is run):
# how much of the start the import of the program's own modules costs by itself.
QT_IMPORTS_CHILD = QT_ONLY_CHILD.replace(
    "app = QApplication(sys.argv[:1])", "import juror_app.ui.juror.launch\napp = QApplication(sys.argv[:1])", 1)


def _environment(workdir: Path) -> dict[str, str]:
    """Offscreen, a scratch home, Polish; and bytecode caches allowed, as on a juror's laptop.

    An installed program starts from compiled bytecode (pip and PyInstaller compile it); a shell with
    PYTHONDONTWRITEBYTECODE would otherwise have every start compile the program's 60-odd modules.
    """
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "JUROR_APP_HOME": str(workdir / "home"),
                   "XDG_CONFIG_HOME": str(workdir / "config"), "JUROR_APP_LANG": "pl"}
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    return environment


def time_to_ready(script: str, args: list[str], env: dict[str, str]) -> float:
    """Seconds from starting a fresh interpreter to its "ready" line."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", script, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env=env, cwd=Path(__file__).resolve().parents[2])
    line = process.stdout.readline()
    seconds = time.perf_counter() - started
    _, err = process.communicate(timeout=120)
    if line.strip() != b"ready" or process.returncode != 0:
        raise RuntimeError(f"start failed ({process.returncode}): {line!r}\n{err.decode(errors='replace')[-3000:]}")
    return seconds


def make_profile(workdir: Path, institutions: int) -> tuple[Path, int]:
    from juror_app.workflows.demo.generate import DemoSettings
    from juror_app.workflows.demo.workstation import prepare_demo_workstation
    from juror_app.workflows.juror import queries as juror_queries

    settings = DemoSettings(institutions=institutions, jurors=3, per_dossier=3, seed=2026, with_packages=False)
    workstation = prepare_demo_workstation(workdir / "workstation", settings=settings)
    db = workstation.profile.open_db()
    try:
        assigned = len(juror_queries.dossier_rows(db))
    finally:
        db.close()
    return workstation.profile.folder, assigned


def make_pdf(path: Path, pages: int) -> Path:
    from juror_app.reports.pdf_writer import PdfWriter

    writer = PdfWriter(title=f"{pages} stron")
    line = ("Jednostka prowadzi rejestr skarg i wniosków, analizuje go co kwartał, a wnioski omawia kierownictwo; "
            "pełnomocnik ds. jakości raportuje wyniki ankiet satysfakcji klientów.")
    for number in range(1, pages + 1):
        page = writer.new_page()
        page.text(56, 60, f"Rozdział {number}: obsługa klienta w urzędzie", font="bold", size=14)
        for row in range(40):
            page.text(56, 90 + row * 17, f"{row + 1}. {line[: 90 - row % 20]}", size=9)
    writer.save(path)
    return path


def open_to_first_page(path: Path) -> None:
    """What the viewer does: check the bytes, load the PDF, render page 1 at 150 dpi."""
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument

    hashlib.sha256(path.read_bytes()).hexdigest()
    document = QPdfDocument()
    if document.load(str(path)) != QPdfDocument.Error.None_:
        raise RuntimeError(f"cannot load {path}")
    size = document.pagePointSize(0)
    image = document.render(0, QSize(round(size.width() * 150 / 72), round(size.height() * 150 / 72)))
    if image.isNull():
        raise RuntimeError("page 1 did not render")
    document.close()


def run(ctx: perfkit.Context) -> list[perfkit.Result]:
    institutions = INSTITUTIONS["quick" if ctx.quick else "full"]
    with perfkit.Timer() as setup:
        profile, assigned = make_profile(ctx.workdir, institutions)
    print(f"[juror_ui] profile with {assigned} dossiers made in {setup.seconds:.1f} s", flush=True)
    env = _environment(ctx.workdir)
    compileall.compile_dir(Path(__file__).resolve().parents[2] / "juror_app", quiet=1)  # as an install does
    time_to_ready(APP_CHILD, [str(profile)], env)  # warm the disk cache and the bytecode of both once
    time_to_ready(BARE_CHILD, [], env)
    first_pdf = str(min(p for p in (profile / "profile.documents").rglob("*") if p.is_file()))
    time_to_ready(QT_ONLY_CHILD, [first_pdf], env)
    samples_app: list[float] = []
    samples_bare: list[float] = []
    samples_qt: list[float] = []
    samples_imports: list[float] = []
    time_to_ready(QT_IMPORTS_CHILD, [first_pdf], env)
    for _ in range(ctx.repeats(7, quick=1)):  # interleaved: a slow minute on the shared VM falls on all
        samples_app.append(time_to_ready(APP_CHILD, [str(profile)], env))
        samples_bare.append(time_to_ready(BARE_CHILD, [], env))
        samples_qt.append(time_to_ready(QT_ONLY_CHILD, [first_pdf], env))
        samples_imports.append(time_to_ready(QT_IMPORTS_CHILD, [first_pdf], env))

    from PySide6.QtWidgets import QApplication

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    QApplication.instance() or QApplication(sys.argv[:1])
    big = make_pdf(ctx.workdir / f"{PDF_PAGES}-stron.pdf", PDF_PAGES)
    one = make_pdf(ctx.workdir / "1-strona.pdf", 1)
    open_to_first_page(big)
    open_to_first_page(one)
    opened = perfkit.measure_interleaved({"big": lambda: open_to_first_page(big), "one": lambda: open_to_first_page(one)},
                                         ctx.repeats(15, quick=3))
    return [
        perfkit.Result(
            "juror_ui", f"cold start to an interactive window, {assigned} dossiers", "s", samples_app,
            "bare PySide6 QMainWindow, fresh interpreter", samples_bare,
            goal=ctx.full_scale_goal(perfkit.ratio_under(START_GOAL_RATIO)),
            notes={"dossiers": assigned, "profile set-up (s)": round(setup.seconds, 1), "platform": "offscreen"}),
        perfkit.Result(
            "juror_ui", "the same widgets built with Qt alone (no project code), fresh interpreter", "s", samples_qt,
            "bare PySide6 QMainWindow, fresh interpreter", samples_bare),
        perfkit.Result(
            "juror_ui", "the same Qt-only widgets after importing the window's modules (none of their code run)", "s",
            samples_imports, "bare PySide6 QMainWindow, fresh interpreter", samples_bare),
        perfkit.Result(
            "juror_ui", f"open a {PDF_PAGES}-page PDF to its first rendered page", "s", opened["big"],
            "the same for a 1-page PDF", opened["one"], goal=perfkit.median_under(PDF_GOAL_SECONDS),
            notes={"pdf bytes": big.stat().st_size, "render": "150 dpi"}),
    ]


if __name__ == "__main__":  # runnable on its own too
    import tempfile

    with tempfile.TemporaryDirectory(prefix="bench-juror-ui-") as scratch:
        quick = "--quick" in sys.argv
        for result in run(perfkit.Context(quick=quick, repeat=None, workdir=Path(scratch))):
            print(f"{result.measure}: median {result.median * 1000:.0f} ms vs {result.baseline_name} "
                  f"{result.baseline_median * 1000:.0f} ms (ratio {result.ratio:.2f}); {result.verdict()}")
