"""Opening the workstation: which profile (demo, --profile, the default one, or a first run), then the window.

``start`` returns the main window, or None when there is nothing to show (the first run was
cancelled, the profile is open in another instance, the profile cannot be opened): the message has
then been shown already.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from juror_app.domain.errors import UserError
from juror_app.domain.i18n import current_language
from juror_app.ui.common import gui_gc, i18n, refcount_guard, single_instance
from juror_app.ui.common.errors import show_user_error
from juror_app.ui.common.first_paint import after_first_paint
from juror_app.ui.common.paths import data_folder
from juror_app.ui.common.tasks import Task
from juror_app.ui.common.tasks import start as start_task
from juror_app.ui.juror import undo
from juror_app.ui.juror.main_window import MainWindow
from juror_app.ui.juror.session import DemoInfo, Session
from juror_app.workflows.juror import ui_support as juror_ui_support
from juror_app.workflows.juror.profile import JurorProfile

INDEX_DELAY_MS = 1500  # the window first; the documents' text extraction (a child process) afterwards
STORE_DELAY_MS = 250  # sqlite-utils (for the first edit) is loaded this long after the window's first paint


def default_profile_folder() -> Path:
    return data_folder() / "profiles" / "default"


def prepare_demo(parent: QWidget | None = None) -> tuple[JurorProfile, DemoInfo]:
    """Generate the demo edition and a profile for its first juror in a fresh temporary folder (~3 s)."""
    from juror_app.ui.common.task_dialog import run_with_progress
    from juror_app.workflows.demo.workstation import (
        prepare_demo_workstation,  # only for the demo: keeps start-up lean
    )

    from juror_app.ui.common.demo_folder import make_demo_folder

    root = make_demo_folder("juror-app-demo-")  # removed at exit; a crashed one at the next demo start

    def work(progress, _cancelled):
        return prepare_demo_workstation(root, progress=lambda text: progress(0, 0, text))

    workstation = run_with_progress(
        parent, QCoreApplication.translate("Launch", "Demo edition"),
        QCoreApplication.translate("Launch", "Preparing the demo edition: dossiers, documents, keys…"),
        work, cancellable=False, show_after_ms=0)
    demo = DemoInfo(workstation.passphrase, str(workstation.edition_folder), workstation.juror_id)
    return workstation.profile, demo


class Workstation:
    """Keeps the session across windows: a language switch rebuilds the window, not the session."""

    def __init__(self, app: QApplication, session: Session) -> None:
        self.app = app
        self.session = session
        self.window = self._new_window()
        self.checks: list[Task] = []  # background checks, kept alive until they report
        app.aboutToQuit.connect(session.close)

    def _new_window(self) -> MainWindow:
        window = MainWindow(self.session)
        window.language_requested.connect(self.switch_language)
        window.show()
        return window

    def switch_language(self, language: str) -> MainWindow:
        """Apply the language at once: save pending edits, then rebuild the window in the new language."""
        old = self.window
        if not old.confirm_pending_saved():
            old.actions.language_actions[current_language()].setChecked(True)
            return old
        current = old.scoring.current_dossier()
        old.save_layout()
        QSettings().setValue("language", language)
        i18n.install(self.app, language)
        undo.retranslate(self.session.undo_stack)
        self.window = self._new_window()
        if current:
            self.window.dossiers.select(current)
        old.hide()
        old.deleteLater()
        return self.window

    def close(self) -> None:
        """Close the window (saving pending edits) and the session (releasing the profile lock)."""
        self.window.close()
        self.session.close()


def _check_database(workstation: Workstation) -> None:
    """SQLite's quick check in the background (it grows with the text index); a problem is reported."""
    profile = workstation.session.profile

    def work(_progress, _cancelled):
        conn = profile.open_connection()
        try:
            return juror_ui_support.database_problems(conn)
        finally:
            conn.close()

    def report(problems: list[str]) -> None:
        if problems:
            QMessageBox.warning(workstation.window, QCoreApplication.translate("Launch", "Database check"),
                                QCoreApplication.translate("Launch", "The profile database reports problems; export "
                                                           "your scores now and tell the organizer:\n\n%1")
                                .replace("%1", "\n".join(problems[:5])))

    task = Task(work)
    task.signals.finished.connect(report)
    workstation.checks.append(start_task(task))


def start(app: QApplication, args: argparse.Namespace) -> QWidget | None:
    refcount_guard.install(app)  # PySide6 6.12 on Python 3.11 would otherwise abort after long use
    gui_gc.install(app)  # Qt objects in garbage cycles must be destroyed on this thread, not a worker's
    demo: DemoInfo | None = None
    try:
        if getattr(args, "demo", False):
            profile, demo = prepare_demo()
        else:
            profile = JurorProfile(Path(getattr(args, "profile", None) or default_profile_folder()))
            if not profile.exists():
                from juror_app.ui.juror.first_run import (
                    FirstRunWizard,  # only on a first run
                )

                profile.folder.mkdir(parents=True, exist_ok=True)
                wizard = FirstRunWizard(profile.folder)
                wizard.exec()
                if not profile.exists():
                    if not wizard.wants_demo():
                        return None
                    profile, demo = prepare_demo()
        lock = single_instance.acquire(profile.lock_path)
        session = Session(profile, lock=lock, demo=demo)
    except UserError as exc:
        show_user_error(None, exc, QCoreApplication.translate("Launch", "Cannot open the profile"))
        return None
    workstation = Workstation(app, session)
    app._juror_workstation = workstation  # lives as long as the application (run_gui keeps only the window)
    session.indexer.start(INDEX_DELAY_MS)
    after_first_paint(workstation.window, STORE_DELAY_MS, session.preload_store)
    _check_database(workstation)
    bundle = getattr(args, "open", None) or getattr(args, "bundle", None)
    if bundle:
        QTimer.singleShot(0, lambda: workstation.window.import_bundle(Path(bundle)))
    return workstation.window
