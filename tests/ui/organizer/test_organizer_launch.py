"""Starting the organizer's side: the demo, --db, wrong files, one instance per database, the language."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from juror_app.domain.errors import StoreError
from juror_app.store.organizer_schema import open_organizer_db
from juror_app.ui.organizer import launch
from juror_app.workflows.organizer.package_checks import Outcome

from .conftest import WAIT_MS, database, when_modal


def _args(**values) -> argparse.Namespace:
    return argparse.Namespace(**{"demo": False, "db": None, "profile": None, "lang": None, "role": "organizer", **values})


@pytest.fixture
def started(qapp: QApplication, qtbot):
    """Call ``launch.start`` and close what it opened afterwards."""
    opened: list[launch.OrganizerApp] = []

    def start(args: argparse.Namespace):
        window = launch.start(qapp, args)
        if window is not None:
            qtbot.addWidget(window)
            opened.append(qapp._organizer_app)
        return window

    yield start
    for organizer in opened:
        dialog = organizer.window.import_dialog
        if dialog is not None:
            qtbot.waitUntil(lambda d=dialog: not d.busy(), timeout=WAIT_MS)
            dialog.reject()
        qtbot.waitUntil(lambda o=organizer: not o.session.busy(), timeout=WAIT_MS)
        organizer.close()


def refused_with(started, args: argparse.Namespace) -> str:
    """Start expecting a refusal: return the message box's text (the box is closed)."""
    texts: list[str] = []
    when_modal(QMessageBox, lambda box: (texts.append(box.text()), box.accept()))
    assert started(args) is None
    assert texts, "a message was shown"
    return texts[0]


def test_demo_start_opens_the_window_and_offers_the_demo_packages(started, qtbot) -> None:
    window = started(_args(demo=True))
    assert window is not None and window.session.demo is not None
    demo = window.session.demo
    assert demo.database.is_file() and len(list(demo.packages.glob("*.pu-scores"))) == 12
    qtbot.waitUntil(lambda: window.import_dialog is not None and window.import_dialog.isVisible(), timeout=WAIT_MS)
    dialog = window.import_dialog
    assert dialog.demo_button is not None
    dialog.demo_button.click()
    qtbot.waitUntil(lambda: dialog.state == "preview", timeout=WAIT_MS)
    assert {row.outcome for row in dialog.model.rows()} == {Outcome.NEW} and len(dialog.model.rows()) == 12
    assert window.demo_badge is not None and window.demo_badge.text() == "Edycja demonstracyjna"
    print(f"demo edition in {demo.folder}: {len(dialog.model.rows())} packages ready to merge")


def test_db_start_and_one_instance_per_database(started, merged_edition: Path) -> None:
    window = started(_args(db=str(database(merged_edition))))
    assert window is not None and window.session.demo is None
    assert Path(str(database(merged_edition)) + ".lock").exists()
    message = refused_with(started, _args(db=str(database(merged_edition))))
    assert "już otwarta" in message
    with pytest.raises(StoreError) as second:
        launch.open_session(database(merged_edition))
    assert second.value.code == "edition_already_open"
    print("second instance:", message)


def test_a_wrong_file_gets_a_clear_message_and_stays_untouched(started, tmp_path: Path) -> None:
    text = tmp_path / "notatki.sqlite"
    text.write_text("To nie jest baza danych.\n", encoding="utf-8")
    before = text.read_bytes()
    message = refused_with(started, _args(db=str(text)))
    assert "nie jest plikiem bazy danych SQLite" in message and text.read_bytes() == before
    missing = refused_with(started, _args(db=str(tmp_path / "brak.sqlite")))
    assert "nie istnieje" in missing
    empty_edition = tmp_path / "pusta.sqlite"
    open_organizer_db(empty_edition).close()
    assert "nie zawiera jeszcze edycji" in refused_with(started, _args(db=str(empty_edition)))
    assert not Path(str(text) + ".lock").exists(), "a refused file leaves no lock behind"
    print("wrong file:", message)


def test_switching_the_language_rebuilds_the_window(started, qtbot, qapp: QApplication, merged_edition: Path) -> None:
    window = started(_args(db=str(database(merged_edition))))
    organizer = qapp._organizer_app
    qtbot.waitUntil(lambda: organizer.session.results is not None, timeout=WAIT_MS)
    assert window.tabs.tabText(1) == "Wyniki"
    english = organizer.switch_language("en")
    assert english is not window and english.tabs.tabText(1) == "Results"
    assert english.results.dossiers.rowCount() == len(organizer.session.results.dossiers), "shown at once, no re-read"
    assert english.results.summary.text().startswith("12 dossiers")
    polish = organizer.switch_language("pl")
    assert polish.tabs.tabText(1) == "Wyniki" and polish.results.summary.text().startswith("12 teczek")
