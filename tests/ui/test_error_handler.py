"""The global error handler: an unexpected exception is logged with its traceback to the data folder's
log file and the user sees a short message (never the traceback); an expected problem shows its own text."""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtWidgets import QMessageBox

from juror_app.domain.errors import ValidationError
from juror_app.ui.common import errors


@pytest.fixture
def installed(tmp_path, monkeypatch, qapp):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    before = list(errors.log.handlers)
    shown: list[tuple[str, str]] = []
    for name in ("critical", "warning"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(
            lambda parent, title, text, *a, _name=name, **k: shown.append((_name, text))))
    (tmp_path / "logs").mkdir()  # as paths.log_folder() makes it
    path = errors.install(tmp_path / "logs")
    yield path, shown
    for handler in set(errors.log.handlers) - set(before):
        errors.log.removeHandler(handler)
        handler.close()


def _raise(exc: BaseException):
    try:
        raise exc
    except BaseException as caught:  # noqa: BLE001 - handed to the hook as Python would
        return type(caught), caught, caught.__traceback__


def test_unexpected_error_is_logged_with_its_traceback_and_shown_briefly(installed, qtbot):
    path, shown = installed
    assert not path.exists(), "no file is written while nothing went wrong"
    sys.excepthook(*_raise(RuntimeError("boom in a slot")))
    qtbot.waitUntil(lambda: bool(shown))
    kind, text = shown[0]
    assert kind == "critical"
    assert str(path) in text and "Traceback" not in text and "boom" not in text
    logged = path.read_text(encoding="utf-8")
    assert "Traceback" in logged and "RuntimeError: boom in a slot" in logged


def test_error_in_a_worker_thread_reaches_the_window_too(installed, qtbot):
    path, shown = installed
    worker = threading.Thread(target=lambda: (_ for _ in ()).throw(ValueError("in a thread")))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(shown))
    assert shown[0][0] == "critical"
    assert "ValueError: in a thread" in path.read_text(encoding="utf-8")


def test_expected_problem_shows_its_own_message(installed, qtbot):
    path, shown = installed
    problem = ValidationError("bad_thing", pl="Coś jest nie tak; zrób to inaczej.", en="Something is wrong; do it differently.")
    sys.excepthook(*_raise(problem))
    qtbot.waitUntil(lambda: bool(shown))
    assert shown[0] == ("warning", problem.message())
    assert "user error: bad_thing" in path.read_text(encoding="utf-8")


JUROR_WORDING = ("Zapisane oceny", "biura organizatora")


def test_the_organizer_gets_a_message_true_for_the_organizer(installed, qtbot, qapp):
    """The juror's wording ("your saved scores are safe… send this file to the organizer's office") is wrong for
    the organizer, who *is* the office: the organizer's message speaks of the edition database and the log."""
    from PySide6.QtCore import QTranslator

    from juror_app.ui.common.paths import translations_folder

    path, shown = installed
    polish = QTranslator()
    assert polish.load("common_pl", str(translations_folder()))
    qapp.installTranslator(polish)  # only for this test: removed below
    try:
        errors.install(path.parent, role="organizer")
        sys.excepthook(*_raise(RuntimeError("boom in the organizer's window")))
        qtbot.waitUntil(lambda: bool(shown))
        kind, text = shown[-1]
        print(text)
        assert kind == "critical" and str(path) in text and "boom" not in text
        assert not any(words in text for words in JUROR_WORDING), text
        assert "bazie edycji" in text and "w całości albo wcale" in text
        shown.clear()
        errors.install(path.parent, role="juror")
        sys.excepthook(*_raise(RuntimeError("boom in the juror's window")))
        qtbot.waitUntil(lambda: bool(shown))
        assert all(words in shown[-1][1] for words in JUROR_WORDING), "the juror keeps the juror's wording"
    finally:
        qapp.removeTranslator(polish)


def test_the_log_path_is_known_after_install(installed):
    path, _ = installed
    assert errors.log_path() == path
