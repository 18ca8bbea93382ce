"""Starting the window: language, error handling, then the juror's or the organizer's side."""

from __future__ import annotations

import argparse
import os
import sys

from juror_app import __version__


def run_gui(args: argparse.Namespace) -> int:
    from juror_app.ui.common.paths import data_folder, log_folder

    # matplotlib must not rebuild its font cache in a fresh temp folder at every start (PyInstaller).
    os.environ.setdefault("MPLCONFIGDIR", str(data_folder() / "matplotlib"))
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from juror_app.ui.common import errors, gui_gc, i18n, refcount_guard

    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    QCoreApplication.setOrganizationName("Kapitula")
    QCoreApplication.setApplicationName("juror-app")
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    QGuiApplication.setApplicationDisplayName("Kapituła „Przyjazny Urząd”")
    refcount_guard.install(app)  # PySide6 6.12 on Python 3.11 would otherwise abort after long use
    gui_gc.install(app)  # Qt objects in garbage cycles must be destroyed on this thread, not a worker's
    i18n.install(app, args.lang or os.environ.get("JUROR_APP_LANG") or _saved_language())
    errors.install(log_folder(), role=args.role)
    if args.role == "organizer":
        from juror_app.ui.organizer.launch import start
    else:
        from juror_app.ui.juror.launch import start
    window = start(app, args)
    if window is None:
        return 1
    return app.exec()


def _saved_language() -> str:
    from PySide6.QtCore import QSettings

    return str(QSettings().value("language", "pl"))
