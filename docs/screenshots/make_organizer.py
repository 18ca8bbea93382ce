"""Make the organizer window's screenshots: the import dialog with mixed outcomes, results, agreement, rankings.

    python docs/screenshots/make_organizer.py            # offscreen (QWidget.grab), no display needed
    xvfb-run -s "-screen 0 1600x1000x24" python docs/screenshots/make_organizer.py   # the same under Xvfb

Writes ``organizer-<view>-<lang>.png`` beside this script (import, results, agreement, rankings,
completeness, decisions), in Polish and in English. The scene is the
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

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from juror_app.domain import edit_log  # noqa: E402
from juror_app.exchange import container  # noqa: E402
from juror_app.exchange.package import read_package_content, write_package  # noqa: E402
from juror_app.store.edition_tables import read_edition  # noqa: E402
from juror_app.store.organizer_schema import open_organizer_db  # noqa: E402
from juror_app.ui.common import i18n  # noqa: E402
from juror_app.ui.organizer.launch import open_session  # noqa: E402
from juror_app.ui.organizer.main_window import OrganizerWindow  # noqa: E402
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


def shoot(app: QApplication, template: Path, batch: list[Path], lang: str) -> None:
    folder = WORK / f"edition-{lang}"
    shutil.copytree(template.parent, folder)
    edition = folder / template.name
    batch = [folder / p.relative_to(template.parent) for p in batch]
    i18n.install(app, lang)
    session = open_session(edition / "organizer.sqlite")
    window = OrganizerWindow(session)
    window.resize(1600, 960)
    window.show()
    wait(app, lambda: session.snapshot is not None)

    dialog = window.open_import(batch)
    wait(app, lambda: dialog.state == "preview")
    rows = dialog.model.rows()
    update_row = next(i for i, r in enumerate(rows) if r.outcome is Outcome.UPDATE)
    dialog.table.selectRow(dialog.proxy.mapFromSource(dialog.model.index(update_row, 0)).row())
    dialog.resize(1400, 860)
    settle(app)
    save(dialog, f"organizer-import-{lang}.png")
    refreshed = [False]
    session.results_changed.connect(lambda _s: refreshed.__setitem__(0, True))
    dialog.apply()
    wait(app, lambda: dialog.state == "done" and refreshed[0])
    dialog.accept()
    settle(app)

    window.tabs.setCurrentWidget(window.results)
    window.results.threshold.setValue(30)
    discussed = window.results.discuss.rows()
    if discussed:
        window.results.select_dossier(discussed[0].dossier.dossier_id)
    settle(app)
    save(window, f"organizer-results-{lang}.png")
    window.tabs.setCurrentWidget(window.agreement)
    settle(app)
    save(window, f"organizer-agreement-{lang}.png")
    window.tabs.setCurrentWidget(window.rankings)
    window.rankings.normalise.setChecked(True)
    window.rankings.category.setCurrentIndex(window.rankings.category.findData("Starostwa powiatowe"))
    settle(app)
    save(window, f"organizer-rankings-{lang}.png")
    window.tabs.setCurrentWidget(window.completeness)
    settle(app)
    save(window, f"organizer-completeness-{lang}.png")
    window.tabs.setCurrentWidget(window.decisions)
    window.decisions.distinction_table.selectRow(0)
    settle(app)
    save(window, f"organizer-decisions-{lang}.png")
    window.close()
    session.close()


def save(widget: QWidget, name: str) -> None:
    path = HERE / name
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(f"wrote {path}")


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(WORK / "settings"))
    QCoreApplication.setOrganizationName("KapitulaScreenshots")
    app.setStyleSheet(STYLE_SHEET)
    template, batch = scene(WORK / "scene")
    for lang in ("pl", "en"):
        shoot(app, template, batch, lang)
    shutil.rmtree(WORK, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
