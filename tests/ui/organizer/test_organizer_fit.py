"""The organizer's window fits a laptop's screen (1,366 × 768), in Polish and English, on every tab.

It once opened 2,413 px wide on a 1,600 px display: a heading listing every juror still missing, the
completeness legend, the category choosers sized to the longest category and the charts' minimum sizes
forced the window's minimum width up, and the lock button, the last jurors, the charts and the
"Uzasadnienia" column were off-screen. Now no widget forces the window past the screen (at 125 % scaling
either); wide tables scroll inside.

Two checks: in this process, the window's minimum size hint on every tab and the geometry the window
takes for a 1,366 × 768 available area (every visible widget inside it); and in a child process whose
only screen *is* 1,366 × 768 (Qt's offscreen platform with a screen configuration), the geometry the
window opens with.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

from juror_app.ui.common import i18n
from juror_app.ui.organizer import window_fit
from juror_app.workflows.demo.generate import DemoSettings

from .conftest import WAIT_MS

LAPTOP = QRect(0, 0, 1366, 768)
FRAME = window_fit.FRAME_ALLOWANCE  # title bar and borders a window manager adds
ROOT = Path(__file__).resolve().parents[3]


# Where an office keeps its edition: the path is shown in the status line.
OFFICE_FOLDER = "Dokumenty/Konkurs Przyjazny Urząd 2026/XI edycja — baza organizatora (kopia robocza)"


@pytest.fixture
def demo_edition(demo_editions, tmp_path: Path) -> Path:
    """The edition ``juror-app --demo --role organizer`` opens (24 dossiers, 12 jurors), nothing merged yet."""
    folder = tmp_path / OFFICE_FOLDER
    shutil.copytree(demo_editions(DemoSettings()), folder)
    return folder


@pytest.fixture
def merged_demo_edition(demo_editions, tmp_path: Path) -> Path:
    folder = tmp_path / "merged" / OFFICE_FOLDER
    shutil.copytree(demo_editions(DemoSettings(), merged=True), folder)
    return folder


def visit_every_tab(qapp: QApplication, window) -> list[tuple[str, QSize]]:
    hints = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qapp.processEvents()
        hints.append((window.tabs.tabText(index), window.minimumSizeHint()))
    return hints


def outside(window: QWidget) -> list[str]:
    """Visible widgets of the current tab (and the window's bars) that reach past the window's edges."""
    bounds = window.rect()
    found = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window or widget.width() <= 0:
            continue
        if isinstance(widget.parentWidget(), QAbstractScrollArea) or widget.objectName().startswith("qt_scrollarea"):
            continue  # a scroll area's own viewport and bars: the area itself is checked
        if any(isinstance(a, QAbstractScrollArea) and a.viewport().isAncestorOf(widget) for a in _areas(widget)):
            continue  # content inside a scroll area scrolls
        rect = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
        if not bounds.contains(rect):
            found.append(f"{type(widget).__name__} {widget.objectName()!r} {rect.getRect()}")
    return found


def _areas(widget: QWidget):
    parent = widget.parentWidget()
    while parent is not None:
        yield parent
        parent = parent.parentWidget()


@pytest.mark.parametrize("lang", ["pl", "en"])
@pytest.mark.parametrize("state", ["nothing merged", "merged and locked"])
def test_the_window_fits_a_1366x768_screen_on_every_tab(qtbot, qapp, open_window, demo_edition, merged_demo_edition,
                                                         lang, state):
    i18n.install(qapp, lang)
    window = open_window(demo_edition if state == "nothing merged" else merged_demo_edition)
    if state != "nothing merged":
        from juror_app.store.organizer_schema import lock_results

        with qtbot.waitSignal(window.session.results_changed, timeout=WAIT_MS):
            window.session.change(lock_results, "Anna Nowak")
    room = LAPTOP.size() - FRAME
    hints = visit_every_tab(qapp, window)
    print(lang, state, "minimum size hints per tab:", [(t, h.width(), h.height()) for t, h in hints])
    scaled = QSize(round(LAPTOP.width() / 1.25), round(LAPTOP.height() / 1.25)) - FRAME  # the same laptop at 125 %
    for tab, hint in hints:
        assert hint.width() <= room.width() and hint.height() <= room.height(), f"{tab}: {hint} does not fit {room}"
        assert hint.width() <= scaled.width() and hint.height() <= scaled.height(), f"{tab}: {hint} past {scaled} (125 %)"

    window_fit.fit_window(window, LAPTOP, window_fit.PREFERRED_SIZE)
    qapp.processEvents()
    assert window_fit.room(LAPTOP).contains(window.geometry()), window.geometry()
    assert window.width() <= room.width() and window.height() <= room.height()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qapp.processEvents()
        assert window.size().boundedTo(room) == window.size(), f"{window.tabs.tabText(index)} enlarged the window"
        assert not outside(window), f"{window.tabs.tabText(index)}: {outside(window)}"
    if state != "nothing merged":
        decisions = window.decisions
        window.tabs.setCurrentWidget(decisions)
        qapp.processEvents()
        button = decisions.unlock_button
        assert button.isVisible() and window.rect().contains(QRect(button.mapTo(window, button.rect().topLeft()), button.size()))


def test_a_saved_geometry_larger_than_the_screen_is_brought_back_inside(qtbot, qapp, open_window, merged_demo_edition):
    window = open_window(merged_demo_edition)
    window.setGeometry(200, 150, 2413, 920)  # what a bigger monitor (or the old window) left in the settings
    window_fit.fit_window(window, LAPTOP, keep_size=True)
    qapp.processEvents()
    assert window_fit.room(LAPTOP).contains(window.geometry()), window.geometry()


SCREEN_PROBE = r'''
import json, shutil, sys, tempfile, time
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication
work = Path(tempfile.mkdtemp(prefix="fit-probe-"))
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "settings"))
app = QApplication([])
from juror_app.ui.common import i18n
from juror_app.ui.organizer.launch import open_session
from juror_app.ui.organizer.main_window import OrganizerWindow
from juror_app.ui.organizer.style import STYLE_SHEET
app.setStyleSheet(STYLE_SHEET)
out = []
for lang in ("pl", "en"):
    i18n.install(app, lang)
    folder = work / lang
    shutil.copytree(sys.argv[1], folder)
    session = open_session(folder / "organizer.sqlite")
    window = OrganizerWindow(session)
    window.show()
    deadline = time.monotonic() + 60
    while session.snapshot is None and time.monotonic() < deadline:
        app.processEvents(); time.sleep(0.01)
    tabs = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        app.processEvents()
        g = window.frameGeometry()
        tabs.append([window.tabs.tabText(index), g.x(), g.y(), g.width(), g.height(),
                     window.minimumSizeHint().width(), window.minimumSizeHint().height()])
    a = window.screen().availableGeometry()
    out.append({"lang": lang, "screen": [a.x(), a.y(), a.width(), a.height()], "tabs": tabs})
    while session.busy():
        app.processEvents(); time.sleep(0.01)
    window.close(); session.close()
print(json.dumps(out))
shutil.rmtree(work, ignore_errors=True)
'''


def test_the_window_opens_inside_a_1366x768_screen(tmp_path: Path, demo_edition: Path) -> None:
    """A real opening, on a process whose only screen is 1,366 × 768 (nothing merged: the widest state)."""
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"windowFrameMargins": True, "screens": [
        {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96, "logicalBaseDpi": 96,
         "dpr": 1}]}), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "JUROR_APP_HOME": str(tmp_path / "home"),
           "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", SCREEN_PROBE, str(demo_edition)], env=env, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    for entry in report:
        assert entry["screen"] == [0, 0, 1366, 768]
        for tab, x, y, width, height, min_width, min_height in entry["tabs"]:
            print(entry["lang"], tab, f"opened at {x},{y} {width}×{height}; minimum {min_width}×{min_height}")
            assert x >= 0 and y >= 0 and x + width <= 1366 and y + height <= 768, (entry["lang"], tab)


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_the_dialogs_fit_the_laptop_screen_too(qtbot, qapp, open_window, demo_edition, lang):
    """The import dialog (once asked for 1,180 × 760: past a 768 px screen with its title bar), the export and
    the Help pages: their minimum sizes fit, and each takes a size inside the screen."""
    from juror_app.ui.organizer.results_export_dialog import ResultsExportDialog

    i18n.install(qapp, lang)
    window = open_window(demo_edition)
    importing = window.open_import(sorted((demo_edition / "packages").glob("*.pu-scores")))
    qtbot.waitUntil(lambda: importing.state == "preview", timeout=WAIT_MS)
    window.menu_actions.export_results.trigger()
    exporting = window.findChild(ResultsExportDialog)
    dialogs = [importing, exporting]
    for action in (window.menu_actions.help_guide, window.menu_actions.help_shortcuts, window.menu_actions.help_about):
        action.trigger()
        dialogs.append(window.help_dialog)
    room = window_fit.room(LAPTOP)
    for dialog in dialogs:
        qapp.processEvents()
        hint = dialog.minimumSizeHint()
        assert hint.width() <= room.width() and hint.height() <= room.height(), (type(dialog).__name__, hint)
        window_fit.fit_window(dialog, LAPTOP, dialog.size().expandedTo(QSize(1180, 760)))
        assert room.contains(dialog.geometry()), (type(dialog).__name__, dialog.geometry())
        print(lang, type(dialog).__name__, "minimum", hint.width(), "×", hint.height())
        if dialog is not importing:
            dialog.reject()
