"""The Help menu: how the organizer's side works today, its keyboard shortcuts, and "About".

The guide says only what the window does now (an edition is not yet set up here: today it comes from
``juror-app demo``); the shortcuts are read from the window's own actions, so the list cannot drift from
the menus; "About" names the version, the edition database and the error log a bug report needs.
"""

from __future__ import annotations

import html
import platform
import sys

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, QSize, qVersion
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMainWindow, QTextBrowser, QVBoxLayout, QWidget

from juror_app import __version__
from juror_app.ui.common import errors
from juror_app.ui.organizer import window_fit
from juror_app.ui.organizer.actions import OrganizerActions
from juror_app.ui.organizer.session import OrganizerSession

translate = QCoreApplication.translate


class TextDialog(QDialog):
    """A titled page of selectable text (paths can be copied) with a Close button."""

    def __init__(self, title: str, body_html: str, parent: QWidget | None = None, *, width: int = 640,
                 height: int = 560) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(body_html)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        window_fit.fit_window(self, window_fit.available_geometry(parent or self), QSize(width, height))

    def text(self) -> str:
        return self.browser.toPlainText()


def _section(title: str, *paragraphs: str) -> str:
    return f"<h3>{html.escape(title)}</h3>" + "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)


def guide_html() -> str:
    parts = [
        _section(translate("OrganizerHelp", "The edition database"), translate("OrganizerHelp",
            "This window works on one edition database (a .sqlite file); the status line at the bottom names it, and "
            "one database can be open in only one window at a time. Setting up an edition — categories and criteria, "
            "applicants and their documents, the jurors, the assignment and the jurors' bundles — is not done in this "
            "window yet: today “juror-app demo” makes a complete demo edition, and “juror-app --demo --role organizer” "
            "opens one.")),
        _section(translate("OrganizerHelp", "1. Import the jurors' score packages"), translate("OrganizerHelp",
            "File → Import score packages (or drop .pu-scores files or a folder on the window). Every file is checked "
            "first — signature, contents, roster, edition, the bundle it was made against, revision history — and "
            "nothing changes while checking. The preview says per file: new, update (with every change, old → new), "
            "already imported, stale, refused with the reason, or an ALARM when one juror signed two different "
            "packages with the same revision."), translate("OrganizerHelp",
            "“Merge” applies every acceptable file in one transaction; “Cancel” changes nothing. The packages are "
            "kept beside the database as evidence. Importing the same files again changes nothing.")),
        _section(translate("OrganizerHelp", "2. See who is missing and where the jurors disagree"), translate("OrganizerHelp",
            "Completeness: each juror's progress and latest package, and the dossiers × jurors matrix. Results: every "
            "dossier with its stage subtotals, weighted total and certification; for the selected dossier each "
            "juror's points per criterion with the mean, median, trimmed mean, standard deviation and range. A "
            "criterion is flagged for discussion when its range is above the disagreement threshold, which you may "
            "change; “To discuss at the meeting” lists them all."), translate("OrganizerHelp",
            "Agreement: Krippendorff's α and the one-way ICC per criterion, and how lenient or strict each juror is "
            "compared with the co-jurors of the same dossiers.")),
        _section(translate("OrganizerHelp", "3. Rankings and decisions"), translate("OrganizerHelp",
            "Rankings: per category, by the weighted total; “Normalise” adds the ranking after normalising each "
            "juror's scores beside it and highlights every place that changes. The raw ranking stays the official "
            "one."), translate("OrganizerHelp",
            "Decisions: certification by the edition's rule, and the special distinctions: the jurors' nominations, "
            "and your decision, recorded with your name.")),
        _section(translate("OrganizerHelp", "4. Lock, print, export"), translate("OrganizerHelp",
            "Decisions → “Lock the results for printing” freezes them: imports, the threshold and distinctions are "
            "refused until they are unlocked with a reason, which is kept in the lock history. Printouts made while "
            "the results are not locked say “working copy” on every page."), translate("OrganizerHelp",
            "Printouts: the protocol of the jury meeting, a summary per institution, the ranking per category and "
            "the jurors' score sheets — previewed, then printed or saved as PDF; every page carries the code of the "
            "data it was made from."), translate("OrganizerHelp",
            "File → Export results: CSV for Excel or JSON, the same file as “juror-app results” writes.")),
        _section(translate("OrganizerHelp", "The command line"), translate("OrganizerHelp",
            "The same work can be scripted: “juror-app merge”, “juror-app results”, “juror-app report” and "
            "“juror-app verify” (each with --help).")),
    ]
    return "".join(parts)


def shortcut_rows(actions: OrganizerActions) -> list[tuple[str, str]]:
    """(keys, what) for every action of the window that has a shortcut, in menu order."""
    rows = []
    for action in actions.all_actions():
        if action.shortcut().isEmpty():
            continue
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        rows.append((keys, action.text().replace("&", "").rstrip("…")))
    return rows


def shortcuts_html(actions: OrganizerActions) -> str:
    rows = shortcut_rows(actions) + [(translate("OrganizerHelp", "drag and drop"), translate("OrganizerHelp", "score packages or a folder onto the window: import them"))]
    body = "".join(f"<tr><td style='padding-right:18px'><b>{html.escape(k)}</b></td><td>{html.escape(t)}</td></tr>"
                   for k, t in rows)
    return f"<table cellspacing='0' cellpadding='3'>{body}</table>"


def about_html(session: OrganizerSession) -> str:
    log = errors.log_path()
    if log is None:
        log_text = translate("OrganizerHelp", "not set up (the window was started without the error handler)")
    elif log.is_file():
        log_text = str(log)
    else:
        log_text = translate("OrganizerHelp", "%1 (no error has been recorded)").replace("%1", str(log))
    rows = [
        (translate("OrganizerHelp", "Version"), __version__),
        (translate("OrganizerHelp", "Edition database"), str(session.db_path)),
        (translate("OrganizerHelp", "Error log"), log_text),
        (translate("OrganizerHelp", "Python, Qt"), f"Python {platform.python_version()}, Qt {qVersion()} (PySide6 {pyside_version})"),
        (translate("OrganizerHelp", "System"), f"{platform.system()} {platform.release()} ({sys.platform})"),
    ]
    body = "".join(f"<tr><td style='padding-right:14px; color:#5b6472'>{html.escape(k)}</td><td>{html.escape(v)}</td></tr>"
                   for k, v in rows)
    intro = translate("OrganizerHelp", "The organizer's side of the program for the Kapituła of the “Przyjazny Urząd” competition: merging the "
               "jurors' signed score packages, results, agreement, rankings, decisions and printouts.")
    return f"<h3>Kapituła „Przyjazny Urząd” — juror-app</h3><p>{html.escape(intro)}</p><table>{body}</table>"


def connect_help(window: QMainWindow, actions: OrganizerActions, session: OrganizerSession) -> None:
    def show(title: str, body: str, **size) -> TextDialog:
        dialog = TextDialog(title, body, window, **size)
        dialog.finished.connect(lambda _code: dialog.deleteLater())
        dialog.open()
        window.help_dialog = dialog  # the last one opened, for tests and for raising it again
        return dialog

    actions.help_guide.triggered.connect(lambda: show(translate("OrganizerHelp", "How the organizer works"), guide_html(), width=720, height=640))
    actions.help_shortcuts.triggered.connect(lambda: show(translate("OrganizerHelp", "Keyboard shortcuts"), shortcuts_html(actions),
                                                          width=520, height=360))
    actions.help_about.triggered.connect(lambda: show(translate("OrganizerHelp", "About juror-app"), about_html(session), width=620, height=360))

