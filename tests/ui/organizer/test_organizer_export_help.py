"""File → Export results… and the Help menu of the organizer's window, driven through their widgets.

The export writes the bytes ``juror-app results`` writes for the same data (CSV for Excel or JSON,
optionally with the normalised ranking), in the background, and starts in the documents folder; a
file in a folder that does not exist is refused with the message and nothing is written. Help has
a guide, the keyboard shortcuts read from the window's actions, and "About" with the version, the
edition database and the error log.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from juror_app import __version__
from juror_app.ui.common import errors, file_dialogs
from juror_app.ui.organizer import results_export_dialog
from juror_app.ui.organizer.help_dialog import TextDialog
from juror_app.ui.organizer.results_export_dialog import ResultsExportDialog

from .conftest import WAIT_MS, database, when_modal


@pytest.fixture
def cli_run(capsys: pytest.CaptureFixture):
    """``cli_run(*argv) -> (exit code, stdout, stderr)`` through the command line's own entry point."""
    from juror_app import cli

    def run(*argv: str) -> tuple[int, str, str]:
        code = cli.main(list(argv))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def open_export(qtbot, window) -> ResultsExportDialog:
    window.menu_actions.export_results.trigger()
    dialog = window.findChild(ResultsExportDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def cli_bytes(cli_run, folder: Path, tmp_path: Path, fmt: str, normalised: bool) -> bytes:
    out = tmp_path / f"cli-{fmt}-{normalised}.{fmt}"
    code, _, err = cli_run("results", "--db", str(database(folder)), "--format", fmt, "--out", str(out),
                           *(["--normalised"] if normalised else []))
    assert code == 0, err
    return out.read_bytes()


def test_export_writes_the_command_lines_bytes_off_the_gui_thread(qtbot, open_window, merged_edition: Path, tmp_path: Path,
                                                                 cli_run, monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_window(merged_edition)
    threads: list[threading.Thread] = []
    real_export = results_export_dialog.export_results

    def recording(*args, **kwargs):
        threads.append(threading.current_thread())
        return real_export(*args, **kwargs)

    monkeypatch.setattr(results_export_dialog, "export_results", recording)
    dialog = open_export(qtbot, window)
    documents = file_dialogs.documents_folder()  # the documents folder (home where there is none), nothing remembered yet
    suggested = Path(dialog.path.text())
    assert suggested.parent == documents and suggested.name == f"wyniki-{window.session.results.edition.year}.csv"

    asked: list[Path] = []
    picked = tmp_path / "dla-kapituly"

    def choose(parent, title, start, filters):
        asked.append(start)
        return picked

    monkeypatch.setattr(results_export_dialog, "choose_results_file", choose)
    dialog.pick_file()
    assert asked == [suggested], "the file dialog starts in the documents folder"
    assert dialog.path.text() == str(picked.with_suffix(".csv")), "the format's suffix is added"

    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.exported is not None, timeout=WAIT_MS)
    csv_file = picked.with_suffix(".csv")
    assert csv_file.read_bytes() == cli_bytes(cli_run, merged_edition, tmp_path, "csv", False)
    assert threads and all(t is not threading.main_thread() for t in threads), "written off the GUI thread"
    assert str(csv_file) in dialog.message.text() and "12 teczek" in dialog.message.text()
    print("export:", dialog.message.text())

    dialog.json.setChecked(True)
    assert dialog.path.text() == str(picked.with_suffix(".json"))
    dialog.normalised.setChecked(True)
    dialog.exported = None
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.exported is not None, timeout=WAIT_MS)
    assert picked.with_suffix(".json").read_bytes() == cli_bytes(cli_run, merged_edition, tmp_path, "json", True)
    assert dialog.exported.normalised and dialog.exported.format == "json"
    dialog.reject()


def test_a_bad_target_is_refused_with_its_message_and_nothing_is_written(qtbot, open_window, merged_edition: Path,
                                                                          tmp_path: Path) -> None:
    window = open_window(merged_edition)
    dialog = open_export(qtbot, window)
    qtbot.waitExposed(dialog)
    dialog.resize(dialog.minimumWidth(), dialog.height())  # narrow: the message wraps onto several lines
    dialog.path.setText(str(tmp_path / "nie-ma-takiego-folderu" / "wyniki.csv"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.isVisible() and not dialog.busy(), timeout=WAIT_MS)
    assert "Nie ma folderu" in dialog.message.text() and "Niczego nie zapisano" in dialog.message.text()
    assert not (tmp_path / "nie-ma-takiego-folderu").exists() and dialog.isVisible()
    rows = [w for w in (dialog.csv, dialog.json, dialog.normalised, dialog.path, dialog.message, dialog.export_button)]
    spans = sorted((w.mapTo(dialog, w.rect().topLeft()).y(), w.mapTo(dialog, w.rect().bottomLeft()).y()) for w in rows)
    assert all(top > previous_bottom for (_, previous_bottom), (top, _) in zip(spans, spans[1:])), \
        f"the message squashed the rows above it: {spans}"

    dialog.path.setText("")
    assert not dialog.export() and "Podaj plik" in dialog.message.text()

    existing = tmp_path / "wyniki.csv"
    existing.write_bytes(b"earlier\n")
    dialog.path.setText(str(existing))
    when_modal(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.No).click())
    assert not dialog.export(), "not replaced without asking"
    assert existing.read_bytes() == b"earlier\n"
    dialog.reject()


def test_the_help_menu(qtbot, open_window, merged_edition: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(errors, "_log_path", tmp_path / "logs" / "errors.log")
    window = open_window(merged_edition)
    menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert menus[-1] == "Pomoc", menus
    help_menu = window.menuBar().actions()[-1].menu()
    assert [a.text().replace("&", "") for a in help_menu.actions() if a.text()] == [
        "Jak działa strona organizatora", "Skróty klawiszowe", "O programie juror-app"]

    window.menu_actions.help_guide.trigger()
    guide = window.help_dialog
    assert isinstance(guide, TextDialog) and guide.isVisible()
    text = guide.text()
    for words in ("Importuj paczki ocen", "jednej transakcji", "Zablokuj wyniki do druku", "Eksportuj wyniki",
                  "juror-app demo", "nie odbywa się jeszcze w tym oknie"):
        assert words in text, words
    guide.reject()

    window.menu_actions.help_shortcuts.trigger()
    shortcuts = window.help_dialog.text()
    for action in window.menu_actions.all_actions():
        if not action.shortcut().isEmpty():
            assert action.shortcut().toString() in shortcuts, action.text()
    for keys in ("Ctrl+I", "Ctrl+E", "Ctrl+P", "Ctrl+Q", "F1", "F5"):
        assert keys in shortcuts, keys
    window.help_dialog.reject()

    window.menu_actions.help_about.trigger()
    about = window.help_dialog.text()
    assert __version__ in about and str(database(merged_edition)) in about
    assert str(tmp_path / "logs" / "errors.log") in about and "nie zapisano jeszcze żadnego błędu" in about
    print(about)
    window.help_dialog.reject()
