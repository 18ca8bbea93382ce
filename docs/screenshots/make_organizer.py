"""Make the organizer window's screenshots: every tab, the import dialog, the export and the Help menu's pages.

    python docs/screenshots/make_organizer.py            # offscreen (QWidget.grab), no display needed
    xvfb-run -s "-screen 0 1600x900x24" python docs/screenshots/make_organizer.py   # the same under Xvfb

Writes ``organizer-<view>-<lang>-<width>.png`` beside this script (import, completeness, results,
agreement, rankings, setup, decisions, export, help, shortcuts, about), in Polish and in English, for a
1,366 × 768 and a 1,600 × 900 screen: the window as it opens there (fitted to the screen, less the room
the system's title bar and borders take, which are not in the picture), dialogs over it where they open.
The decisions and later pictures show the results locked for printing. The scene is the
default demo edition where the office has already merged most packages and now imports a mixed batch:
new packages, an update (with its changes), one already imported, a stale revision, a tampered file
and an equivocating one (the alarm).
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
WORK = Path(tempfile.mkdtemp(prefix="organizer-screens-"))
os.environ["JUROR_APP_HOME"] = str(WORK / "home")

from PySide6.QtCore import QCoreApplication, QEventLoop, QPoint, QRect, QSettings, QSize  # noqa: E402
from PySide6.QtGui import QColor, QPainter, QPixmap  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from juror_app.domain import edit_log  # noqa: E402
from juror_app.exchange import container  # noqa: E402
from juror_app.exchange.package import read_package_content, write_package  # noqa: E402
from juror_app.store.edition_tables import read_edition  # noqa: E402
from juror_app.store.organizer_schema import lock_results, open_organizer_db  # noqa: E402
from juror_app.ui.common import errors, gui_gc, i18n, refcount_guard  # noqa: E402
from juror_app.ui.organizer import window_fit  # noqa: E402
from juror_app.ui.organizer.launch import open_session  # noqa: E402
from juror_app.ui.organizer.main_window import OrganizerWindow  # noqa: E402
from juror_app.ui.organizer.results_export_dialog import ResultsExportDialog  # noqa: E402
from juror_app.ui.organizer.style import STYLE_SHEET  # noqa: E402
from juror_app.workflows.demo.generate import DemoSettings, demo_key, generate_demo  # noqa: E402
from juror_app.workflows.demo.scoring import package_from_log  # noqa: E402
from juror_app.workflows.organizer.merge import apply_merge, plan_merge  # noqa: E402
from juror_app.workflows.organizer.package_checks import Outcome  # noqa: E402

HERE = Path(__file__).resolve().parent
SETTINGS = DemoSettings()
LATER = "2026-11-28T18:30:00Z"


def wait(app: QApplication, done, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there in time")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.01)


def settle(app: QApplication) -> None:
    for _ in range(10):
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def variant(db, base: Path, out: Path, edits: list[tuple[str, dict]], revision: int) -> None:
    """The juror's log of ``base`` continued with ``edits``, signed with the juror's demo key."""
    with container.open_container(base, container.PACKAGE) as opened:
        content = read_package_content(opened)
    lines = list(content.log_lines)
    prev = edit_log.line_hash(lines[-1])
    for op, fields in edits:
        line, prev = edit_log.make_entry(prev_hash=prev, seq=len(lines) + 1, at=LATER, op=op, **fields)
        lines.append(line)
    new = package_from_log(read_edition(db), content.juror_id, list(content.statuses), lines,
                           bundle_manifest_sha256=content.bundle_manifest_sha256, bundle_revision=content.bundle_revision,
                           revision=revision, created_at=LATER)
    name = db.execute("SELECT name FROM jurors WHERE id = ?", [content.juror_id]).fetchone()[0]
    write_package(out, juror_key=demo_key(SETTINGS.seed, f"juror-{int(content.juror_id[1:])}"), juror_name=name,
                  content=new, created_at=LATER)


def nth_score(base: Path, index: int):
    with container.open_container(base, container.PACKAGE) as opened:
        return read_package_content(opened).scores[index]


def rescore(base: Path, index: int, points: float, why: str) -> tuple[str, dict]:
    score = nth_score(base, index)
    return ("score", {"dossier": score.dossier_id, "criterion": score.criterion_id, "points": points, "justification": why})


def unscore(base: Path, index: int) -> tuple[str, dict]:
    score = nth_score(base, index)
    return ("unscore", {"dossier": score.dossier_id, "criterion": score.criterion_id})


def scene(root: Path) -> tuple[Path, list[Path]]:
    """The demo edition with j001–j008 merged (j004 at revision 3), and a mixed batch to import."""
    edition = root / "edycja"
    generate_demo(edition, SETTINGS)
    packages = sorted((edition / "packages").glob("*.pu-scores"))
    incoming = root / "poczta"
    incoming.mkdir()
    db = open_organizer_db(edition / "organizer.sqlite")
    j004_r2, j004_r3 = incoming / "j004-r2.pu-scores", incoming / "j004-r3.pu-scores"
    variant(db, packages[3], j004_r2, [rescore(packages[3], 0, 6, "Korekta po rozmowie z organizatorem.")], 2)
    variant(db, packages[3], j004_r3, [rescore(packages[3], 0, 6, "Korekta po rozmowie z organizatorem."),
                                       rescore(packages[3], 5, 8, "Dodatkowe dowody w raporcie tajemniczego klienta.")], 3)
    apply_merge(db, plan_merge(db, [*packages[:3], j004_r3, *packages[4:8]]), db_path=edition / "organizer.sqlite")
    update = incoming / "j001-r2.pu-scores"
    variant(db, packages[0], update, [rescore(packages[0], 0, 9, "Po lekturze raportu: wyższa ocena."),
                                      rescore(packages[0], 14, 3, "Brak potwierdzenia w źródłach zewnętrznych."),
                                      unscore(packages[0], 20)], 2)
    twin = incoming / "j006-r1-kopia.pu-scores"
    variant(db, packages[5], twin, [rescore(packages[5], 2, 2, "Inna treść paczki o tej samej wersji.")], 1)
    db.close()
    tampered = incoming / "j012-r1.pu-scores"
    data = bytearray(packages[11].read_bytes())
    data[len(data) // 2] ^= 0x20
    tampered.write_bytes(bytes(data))
    batch = [*packages[8:11], update, packages[1], j004_r2, tampered, twin]
    return edition, batch


SCREENS = ((1366, 768), (1600, 900))  # a laptop of the office, and a common monitor


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


def shoot(app: QApplication, template: Path, batch: list[Path], lang: str, screen: tuple[int, int]) -> None:
    width, height = screen
    folder = WORK / f"edition-{lang}-{width}"
    shutil.copytree(template.parent, folder)
    edition = folder / template.name
    batch = [folder / p.relative_to(template.parent) for p in batch]
    i18n.install(app, lang)
    session = open_session(edition / "organizer.sqlite")
    window = OrganizerWindow(session)
    available = QRect(0, 0, width, height)
    window_fit.fit_window(window, available, window_fit.PREFERRED_SIZE)  # as it opens on a screen of that size
    window.show()
    wait(app, lambda: session.snapshot is not None)
    suffix = f"{lang}-{width}"

    dialog = window.open_import(batch)
    wait(app, lambda: dialog.state == "preview")
    window_fit.fit_window(dialog, available, QSize(1180, 760))
    rows = dialog.model.rows()
    update_row = next(i for i, r in enumerate(rows) if r.outcome is Outcome.UPDATE)
    dialog.table.selectRow(dialog.proxy.mapFromSource(dialog.model.index(update_row, 0)).row())
    settle(app)
    save(framed(window, dialog), f"organizer-import-{suffix}.png")
    refreshed = [False]
    session.results_changed.connect(lambda _s: refreshed.__setitem__(0, True))
    dialog.apply()
    wait(app, lambda: dialog.state == "done" and refreshed[0])
    dialog.accept()
    settle(app)

    window.tabs.setCurrentWidget(window.completeness)
    settle(app)
    save(window.grab(), f"organizer-completeness-{suffix}.png")
    window.tabs.setCurrentWidget(window.results)
    window.results.threshold.setValue(30)
    discussed = window.results.discuss.rows()
    if discussed:
        window.results.select_dossier(discussed[0].dossier.dossier_id)
    settle(app)
    save(window.grab(), f"organizer-results-{suffix}.png")
    window.tabs.setCurrentWidget(window.agreement)
    settle(app)
    save(window.grab(), f"organizer-agreement-{suffix}.png")
    window.tabs.setCurrentWidget(window.rankings)
    window.rankings.normalise.setChecked(True)
    window.rankings.category.setCurrentIndex(window.rankings.category.findData("Starostwa powiatowe"))
    settle(app)
    save(window.grab(), f"organizer-rankings-{suffix}.png")
    window.tabs.setCurrentWidget(window.setup)
    settle(app)
    save(window.grab(), f"organizer-setup-{suffix}.png")
    refreshed[0] = False
    session.change(lock_results, "Anna Nowak")
    wait(app, lambda: refreshed[0])
    window.tabs.setCurrentWidget(window.decisions)
    window.decisions.distinction_table.selectRow(0)
    settle(app)
    save(window.grab(), f"organizer-decisions-{suffix}.png")

    window.menu_actions.export_results.trigger()
    export = window.findChild(ResultsExportDialog)
    folder_out = WORK / f"Dokumenty-{suffix}"
    folder_out.mkdir()
    export.path.setText(str(folder_out / Path(export.path.text()).name))
    export.export()
    wait(app, lambda: export.exported is not None)
    settle(app)
    save(framed(window, export), f"organizer-export-{suffix}.png")
    export.reject()
    for action, name in ((window.menu_actions.help_guide, "help"), (window.menu_actions.help_shortcuts, "shortcuts"),
                         (window.menu_actions.help_about, "about")):
        action.trigger()
        page = window.help_dialog
        window_fit.fit_window(page, available, page.size())
        settle(app)
        save(framed(window, page), f"organizer-{name}-{suffix}.png")
        page.reject()
    window.close()
    session.close()


def save(picture: QPixmap, name: str) -> None:
    path = HERE / name
    if not picture.save(str(path)):
        raise OSError(f"could not write {path}")
    print(f"wrote {path} ({picture.width()}×{picture.height()})")


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    refcount_guard.install(app)  # as the program does (ui/app.py): PySide6 6.12 on Python 3.11
    gui_gc.install(app)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(WORK / "settings"))
    QCoreApplication.setOrganizationName("KapitulaScreenshots")
    app.setStyleSheet(STYLE_SHEET)
    template, batch = scene(WORK / "scene")
    errors.install(WORK / "home")  # About shows where unexpected errors would be written
    for screen in SCREENS:
        for lang in ("pl", "en"):
            shoot(app, template, batch, lang, screen)
    shutil.rmtree(WORK, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
