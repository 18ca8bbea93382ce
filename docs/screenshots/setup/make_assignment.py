"""Make the assignment screen's screenshots: the matrix, and the plan's preview, in Polish and English.

    python docs/screenshots/setup/make_assignment.py        # offscreen (QWidget.grab), no display needed

Writes ``assignment-matrix-<lang>.png`` and ``assignment-plan-<lang>.png`` beside this script. The scene:
the default demo edition after every juror's package was merged (the cells are scored, two known
conflicts bar their cells, one juror recused), in a second round: two new applicants' dossiers wait to
be assigned (named as problems), and the organizer gave d0001 to one more juror by hand (too many jurors:
a named problem). The screen stands in a window of a 1,366 × 768 laptop (less the room a title bar and
borders take); the plan dialog is shown over it with the preview of the second round.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")
WORK = Path(tempfile.mkdtemp(prefix="assignment-screens-"))
os.environ["JUROR_APP_HOME"] = str(WORK / "home")

from PySide6.QtCore import QCoreApplication, QEventLoop, QPoint, QRect, QSettings, QSize  # noqa: E402
from PySide6.QtGui import QColor, QPainter, QPixmap  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget  # noqa: E402

from juror_app.domain.model import Dossier, Institution  # noqa: E402
from juror_app.store.blobs import BlobStore  # noqa: E402
from juror_app.store.organizer_schema import open_organizer_db  # noqa: E402
from juror_app.ui.common import gui_gc, i18n, refcount_guard  # noqa: E402
from juror_app.ui.organizer import window_fit  # noqa: E402
from juror_app.ui.organizer.launch import open_session  # noqa: E402
from juror_app.ui.organizer.setup.assignment_model import CellState  # noqa: E402
from juror_app.ui.organizer.setup.assignment_plan_dialog import PlanDialog  # noqa: E402
from juror_app.ui.organizer.setup.assignment_screen import AssignmentScreen  # noqa: E402
from juror_app.ui.organizer.style import STYLE_SHEET  # noqa: E402
from juror_app.workflows.demo.generate import DemoSettings, generate_demo  # noqa: E402
from juror_app.workflows.organizer import assignment as workflow  # noqa: E402
from juror_app.workflows.organizer import setup as organizer_setup  # noqa: E402
from juror_app.workflows.organizer.merge import apply_merge, plan_merge  # noqa: E402

HERE = Path(__file__).resolve().parent
LAPTOP = QRect(0, 0, 1366, 768)
NEW = (("Urząd Gminy Stare Juchy", "Stare Juchy", "warmińsko-mazurskie"),
       ("Urząd Gminy Nowa Słupia", "Nowa Słupia", "świętokrzyskie"))


def settle(app: QApplication, rounds: int = 10) -> None:
    for _ in range(rounds):
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.01)


def scene(root: Path) -> Path:
    """The merged default demo, two new dossiers, and one juror more on d0001 by hand."""
    folder = root / "edycja"
    generate_demo(folder, DemoSettings())
    path = folder / "organizer.sqlite"
    db = open_organizer_db(path)
    try:
        apply_merge(db, plan_merge(db, sorted((folder / "packages").glob("*.pu-scores"))), db_path=path)
        category = db.execute("SELECT category_id FROM institutions WHERE kind = 'urzad_gminy' LIMIT 1").fetchone()
        category = category[0] if category else db.execute("SELECT id FROM categories ORDER BY position").fetchone()[0]
        institutions = [Institution(f"i09{n}", name, f"UG {town}", "urzad_gminy", category, town, region)
                        for n, (name, town, region) in enumerate(NEW, start=1)]
        dossiers = [Dossier(f"d09{n:02d}", i.id, category, f"Dokumentacja zgłoszeniowa: {i.name}")
                    for n, i in enumerate(institutions, start=1)]
        organizer_setup.add_dossiers(db, BlobStore.beside(path), institutions, dossiers, files={})
        matrix = workflow.assignment_matrix(db)
        extra = next(j.id for j in matrix.jurors if j.available and (j.id, "d0001") not in matrix.cells
                     and (j.id, "d0001") not in matrix.conflicts)
        workflow.set_assignment(db, extra, "d0001", True, by="Biuro Konkursu")
    finally:
        db.close()
    return folder


def framed(window: QWidget, dialog: QWidget) -> QPixmap:
    """The window with ``dialog`` over it where it opened, outlined (no window manager draws frames here)."""
    picture = window.grab()
    offset = dialog.geometry().topLeft() - window.geometry().topLeft()
    painter = QPainter(picture)
    painter.fillRect(QRect(offset + QPoint(6, 6), dialog.size()), QColor(0, 0, 0, 60))
    painter.drawPixmap(offset, dialog.grab())
    painter.setPen(QColor("#5b6472"))
    painter.drawRect(QRect(offset - QPoint(1, 1), dialog.size() + QSize(1, 1)))
    painter.end()
    return picture


def save(picture: QPixmap, name: str) -> None:
    path = HERE / name
    if not picture.save(str(path)):
        raise OSError(f"could not write {path}")
    print(f"wrote {path} ({picture.width()}×{picture.height()})")


def shoot(app: QApplication, template: Path, lang: str) -> None:
    folder = WORK / f"edition-{lang}"
    shutil.copytree(template, folder)
    i18n.install(app, lang)
    session = open_session(folder / "organizer.sqlite")
    window = QMainWindow()
    screen = AssignmentScreen(session)
    window.setCentralWidget(screen)
    window.setWindowTitle(screen.title())
    window_fit.fit_window(window, LAPTOP, window_fit.PREFERRED_SIZE)
    window.show()
    settle(app)
    scored = next(p for p, h in screen.matrix.cells.items() if h.value == "scored")
    conflict = next(iter(sorted(screen.matrix.conflicts)))
    for n in range(screen.problems.list.count()):  # the hand-made surplus, chosen in the problems list
        if "d0001" in screen.problems.list.item(n).text():
            screen.problems.list.setCurrentRow(n)
            break
    screen.go_to(conflict[1], conflict[0])  # then a barred cell: its juror in the panel below
    assert screen.model.state(*scored) is CellState.SCORED
    settle(app)
    save(window.grab(), f"assignment-matrix-{lang}.png")

    dialog = PlanDialog(session, screen.matrix, parent=screen)
    dialog.per_dossier.setValue(3)
    window_fit.fit_window(dialog, LAPTOP, QSize(900, 620))
    dialog.show()
    dialog.make_preview()
    settle(app)
    save(framed(window, dialog), f"assignment-plan-{lang}.png")
    dialog.reject()
    window.close()
    session.close()


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    refcount_guard.install(app)
    gui_gc.install(app)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(WORK / "settings"))
    QCoreApplication.setOrganizationName("KapitulaScreenshots")
    app.setStyleSheet(STYLE_SHEET)
    template = scene(WORK / "scene")
    for lang in ("pl", "en"):
        shoot(app, template, lang)
    shutil.rmtree(WORK, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
