"""Opening the organizer's side: a fresh demo edition, the database given with --db, or one picked in a dialog.

``start`` returns the main window, or None when there is nothing to show (no file picked, a wrong
file, the database open in another instance): the message has then been shown already. One
instance per edition database: a ``QLockFile`` on ``<database>.lock``, taken before the database is
opened (so a second instance never runs migrations beside the first).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from juror_app.domain.errors import StoreError, UserError
from juror_app.domain.i18n import current_language
from juror_app.ui.common import file_dialogs, i18n, single_instance
from juror_app.ui.common.errors import show_user_error
from juror_app.ui.common.task_dialog import run_with_progress
from juror_app.ui.organizer.main_window import OrganizerWindow
from juror_app.ui.organizer.session import OrganizerSession
from juror_app.ui.organizer.style import STYLE_SHEET
from juror_app.workflows.demo import organizer_demo
from juror_app.workflows.organizer import ui_support as support

LAST_DATABASE_KEY = "organizer/last_database"


def prepare_demo(parent: QWidget | None = None) -> organizer_demo.OrganizerDemo:
    """Generate the demo edition (database and the jurors' packages, not merged) in a fresh temporary folder."""
    from juror_app.ui.common.demo_folder import make_demo_folder

    root = make_demo_folder("juror-app-organizer-demo-")  # removed at exit; a crashed one at the next demo start

    def work(progress, _cancelled):
        return organizer_demo.prepare_organizer_demo(root, progress=lambda text: progress(0, 0, text))

    return run_with_progress(
        parent, QCoreApplication.translate("OrganizerLaunch", "Demo edition"),
        QCoreApplication.translate("OrganizerLaunch", "Preparing the demo edition: dossiers, jurors, their score packages…"),
        work, cancellable=False, show_after_ms=0)


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def open_session(db_path: Path, demo: organizer_demo.OrganizerDemo | None = None) -> OrganizerSession:
    """Take the instance lock, then open the edition; a wrong file or a second instance raises a UserError."""
    db_path = Path(db_path).absolute()
    try:
        lock = single_instance.acquire(lock_path(db_path))
    except single_instance.AlreadyRunning as exc:
        if exc.code != "already_running":
            raise
        pid = exc.details.get("pid")
        raise StoreError(
            "edition_already_open",
            pl=f"Ta baza edycji jest już otwarta w innym oknie programu{f' (proces {pid})' if pid else ''}. "
               "Przełącz się na tamto okno albo je zamknij i spróbuj ponownie.",
            en=f"This edition database is already open in another window of the program{f' (process {pid})' if pid else ''}. "
               "Switch to that window, or close it and try again.",
        ) from exc
    try:
        db = support.open_edition_database(db_path)
    except BaseException:
        lock.unlock()
        raise
    return OrganizerSession(db_path, db, lock=lock, demo=demo)


class OrganizerApp:
    """Keeps the session across windows: a language switch rebuilds the window, not the session."""

    def __init__(self, app: QApplication, session: OrganizerSession) -> None:
        self.app = app
        self.session = session
        self.window = self._new_window()
        app.aboutToQuit.connect(session.close)

    def _new_window(self) -> OrganizerWindow:
        window = OrganizerWindow(self.session)
        window.language_requested.connect(self.switch_language)
        window.show()
        return window

    def switch_language(self, language: str) -> OrganizerWindow:
        old = self.window
        if language == current_language():
            return old
        if old.import_dialog is not None and old.import_dialog.busy():
            old.menu_actions.language_actions[current_language()].setChecked(True)
            return old
        tab = old.tabs.currentIndex()
        old.save_layout()
        QSettings().setValue("language", language)
        i18n.install(self.app, language)
        self.window = self._new_window()
        self.window.tabs.setCurrentIndex(tab)
        old.hide()
        old.deleteLater()
        return self.window

    def close(self) -> None:
        self.window.close()
        self.session.close()


def _pick_database() -> Path | None:
    last = str(QSettings().value(LAST_DATABASE_KEY, "") or "")
    return file_dialogs.open_file(
        None, QCoreApplication.translate("OrganizerLaunch", "Open an edition database"),
        QCoreApplication.translate("OrganizerLaunch", "Edition database (*.sqlite *.db);;All files (*)"),
        kind="organizer/database", select=last or None)


def start(app: QApplication, args: argparse.Namespace) -> QWidget | None:
    app.setStyleSheet(STYLE_SHEET)
    demo: organizer_demo.OrganizerDemo | None = None
    try:
        if getattr(args, "demo", False):
            demo = prepare_demo()
            db_path: Path | None = demo.database
        else:
            db_path = Path(args.db) if getattr(args, "db", None) else _pick_database()
            if db_path is None:
                return None
        session = open_session(db_path, demo)
    except UserError as exc:
        show_user_error(None, exc, QCoreApplication.translate("OrganizerLaunch", "Cannot open the edition"))
        return None
    if demo is None:
        QSettings().setValue(LAST_DATABASE_KEY, str(session.db_path))
    organizer = OrganizerApp(app, session)
    app._organizer_app = organizer  # lives as long as the application (run_gui keeps only the window)
    opened = getattr(args, "open", None)
    if opened is not None and str(opened).lower().endswith(".pu-scores"):
        QTimer.singleShot(0, lambda: organizer.window.open_import([Path(opened)]))
    elif demo is not None:
        QTimer.singleShot(0, lambda: organizer.window.open_import())
    return organizer.window
