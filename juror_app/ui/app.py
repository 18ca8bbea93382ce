"""Starting the window: language, error handling, then the juror's or the organizer's side."""

from __future__ import annotations

import argparse
import os
import sys

from juror_app import __version__


def run_gui(args: argparse.Namespace) -> int:
    missing = missing_display()
    if missing is not None:
        print(_cannot_open_window(missing), file=sys.stderr)
        return 1
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
    app = QApplication.instance() or _new_application(QApplication)
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


# --- no display: say so instead of Qt's abort ---------------------------------------------------------

def missing_display(environ: dict[str, str] | None = None) -> tuple[str, str] | None:
    """Why no window can open here (Polish, English), or None; checked before Qt, which would abort.

    Only where Qt uses X11 or Wayland (Linux and the BSDs) and no other platform was chosen
    (``QT_QPA_PLATFORM=offscreen`` for tests, ``wayland``…). A local X display named in ``DISPLAY``
    must have its socket.
    """
    env = os.environ if environ is None else environ
    if sys.platform in ("win32", "darwin") or sys.platform.startswith("cygwin"):
        return None
    platform = env.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return None
    if not platform and env.get("WAYLAND_DISPLAY"):
        return None
    display = env.get("DISPLAY", "")
    if not display:
        return ("nie ma ekranu graficznego (zmienne DISPLAY i WAYLAND_DISPLAY są puste: to sesja tekstowa albo ssh bez -X)",
                "there is no graphical display (DISPLAY and WAYLAND_DISPLAY are empty: a text session, or ssh without -X)")
    if not _display_answers(display):
        return (f"ekran graficzny „{display}” (zmienna DISPLAY) nie odpowiada", f"the display “{display}” (DISPLAY) does not answer")
    return None


def _display_answers(display: str) -> bool:
    """A local X display's socket is there (a stat: the usual start pays nothing more), or it accepts a connection.

    Remote displays and forms not known here are left to Qt; its failure is reported by :func:`_new_application`.
    """
    host, _, rest = display.rpartition(":")
    number = rest.split(".")[0]
    if not number.isdigit() or host not in ("", "unix"):
        return True
    path = f"/tmp/.X11-unix/X{number}"
    if os.path.exists(path):
        return True
    if not sys.platform.startswith("linux"):
        return False
    import socket

    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(2)
            sock.connect("\0" + path)  # Linux's abstract socket, where an X server may listen without the file
    except OSError:
        return False
    return True


def _cannot_open_window(reason: tuple[str, str], details: str = "") -> str:
    from juror_app.domain.i18n import pick

    text = pick(
        f"Nie można otworzyć okna programu: {reason[0]}. Uruchom program w sesji graficznej (albo ustaw DISPLAY); "
        "polecenia bez okna działają i tu: juror-app --help.",
        f"Cannot open the program's window: {reason[1]}. Start the program in a graphical session (or set DISPLAY); "
        "the commands without a window work here too: juror-app --help.",
    )
    return text + (f"\n\n{details}" if details else "")


def _new_application(application_class):
    """Create the QApplication; if Qt finds no usable platform (it would abort), say what is wrong and exit 1."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    said: list[str] = []

    def handler(kind, _context, message: str) -> None:
        said.append(message)
        if kind == QtMsgType.QtFatalMsg:
            print(_cannot_open_window(("Qt nie może użyć ekranu graficznego", "Qt cannot use the graphical display"),
                                      "\n".join(said)), file=sys.stderr, flush=True)
            os._exit(1)  # Qt aborts right after a fatal message: leave first, without a core dump

    previous = qInstallMessageHandler(handler)
    try:
        return application_class(sys.argv[:1])
    finally:
        qInstallMessageHandler(previous)
