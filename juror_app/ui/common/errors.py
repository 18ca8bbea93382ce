"""No traceback ever reaches a dialog.

Expected problems arrive as :class:`~juror_app.domain.errors.UserError` and are shown with their
own message. Anything else is written with its traceback to ``logs/errors.log`` in the data folder,
and the person sees a short message saying the program goes on and where the details are — in words
that are true for whoever runs the window: a juror's scores are committed one by one and the file goes
to the organizer's office; the organizer *is* that office, and what is safe there is the edition
database (a merge and each decision are saved whole or not at all).
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path

from PySide6 import QtWidgets
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from shiboken6 import isValid

from juror_app.domain.errors import UserError

log = logging.getLogger("juror_app")
JUROR, ORGANIZER = "juror", "organizer"
_log_path: Path | None = None
_role = JUROR


def show_user_error(parent: QtWidgets.QWidget | None, error: UserError, title: str | None = None) -> None:
    """Show an expected problem with its own message (already in the user's language)."""
    QtWidgets.QMessageBox.warning(parent, title or QCoreApplication.translate("Errors", "Cannot do that"), error.message())


def log_path() -> Path | None:
    """Where unexpected errors are written (None before :func:`install`); the Help menu shows it."""
    return _log_path


def unexpected_text(role: str | None = None) -> str:
    """The short message for an unexpected error, for the juror's or the organizer's window."""
    where = str(_log_path) if _log_path else QCoreApplication.translate("Errors", "the log file")
    if (role or _role) == ORGANIZER:
        text = QCoreApplication.translate(
            "Errors",
            "Something unexpected went wrong; the last action may not have been completed. The program goes on, and "
            "what is already saved in the edition database is kept: a merge and each decision are saved whole or "
            "not at all.\n\nThe details were written to:\n%1\nBefore repeating the last action, check in the window "
            "whether it took effect. If the error comes back, give this file to whoever looks after the program "
            "for your office.")
    else:
        text = QCoreApplication.translate(
            "Errors",
            "Something unexpected went wrong. Your saved work is safe and the program goes on.\n\n"
            "The details were written to:\n%1\nPlease send this file to the organizer's office.")
    return text.replace("%1", where)


def show_unexpected(parent: QtWidgets.QWidget | None) -> None:
    QtWidgets.QMessageBox.critical(parent, QCoreApplication.translate("Errors", "Unexpected error"), unexpected_text())


class _LazyRotatingFile(logging.Handler):
    """Opens the rotating log file at the first record: ``logging.handlers`` (with sockets and pickle,
    ~10 ms) stays off the window's start, and a session without errors writes no file."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self._file: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self._file is None:
            from logging.handlers import RotatingFileHandler

            self._file = RotatingFileHandler(self.path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
            self._file.setFormatter(self.formatter)
        self._file.emit(record)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


class _Relay(QObject):
    """Carries exceptions from any thread to the GUI thread."""

    raised = Signal(object)


_relay: _Relay | None = None


def _handle(exc_type, exc, tb) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    if isinstance(exc, UserError):
        log.info("user error: %s", exc.code)
    else:
        log.error("unexpected error\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
    if _relay is not None and isValid(_relay):  # after quitting, the log is all there is
        _relay.raised.emit(exc)


def _show(exc: BaseException) -> None:
    parent = QtWidgets.QApplication.activeWindow()
    if isinstance(exc, UserError):
        show_user_error(parent, exc)
    else:
        show_unexpected(parent)


def install(log_folder: Path, role: str = JUROR) -> Path:
    """Log to ``log_folder/errors.log`` and route uncaught exceptions (any thread) to a short message
    worded for ``role`` (``"juror"`` or ``"organizer"``)."""
    global _relay, _log_path, _role
    _log_path = log_folder / "errors.log"
    _role = ORGANIZER if role == ORGANIZER else JUROR
    handler = _LazyRotatingFile(_log_path)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    _relay = _Relay()
    _relay.raised.connect(_show, Qt.QueuedConnection)
    sys.excepthook = _handle
    threading.excepthook = lambda args: _handle(args.exc_type, args.exc_value, args.exc_traceback)
    return _log_path
