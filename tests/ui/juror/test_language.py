"""Switching the language applies at once: pending edits are saved, the window is rebuilt in the new
language on the same dossier, the choice is remembered, and the core's messages follow."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt

from juror_app.domain.i18n import current_language

from .conftest import press, type_text


def test_switching_to_english_and_back(qtbot, open_workstation, demo_copy) -> None:
    workstation = open_workstation(demo_copy.profile, demo_copy.info())
    window = workstation.window
    window.dossiers.select("d0002")
    editor = window.scoring.editors()[0]
    editor.focus_points()
    editor.points.lineEdit().selectAll()  # the window may not be active here: no focus-in to select "—"
    type_text(editor.points.lineEdit(), "4")
    press(editor.points.lineEdit(), Qt.Key.Key_Return)
    assert workstation.session.scoring("d0002").criteria[0].points == 4, "the number typed is the one saved"
    type_text(editor.justification, "Standardy spisane, ale niemierzone.")
    assert editor._autosave.isActive(), "the justification is still being typed"
    assert window.menuBar().actions()[0].text() == "&Plik"

    window.actions.language_actions["en"].trigger()
    english = workstation.window
    assert english is not window, "the window is rebuilt in English"
    qtbot.addWidget(english)
    assert current_language() == "en" and QSettings().value("language") == "en"
    assert english.menuBar().actions()[0].text() == "&File"
    assert english.left.tabText(0) == "Dossiers"
    assert english.dossiers.progress_label.text() == "0 of 6 complete"
    assert english.scoring.current_dossier() == "d0002", "the juror stays on the same dossier"
    assert english.scoring.editors()[0].justification.toPlainText() == "Standardy spisane, ale niemierzone."
    assert "not scored" in english.scoring.missing.text(), "the core's messages follow the language"
    assert english.actions.language_actions["en"].isChecked()
    print(f"English: {english.dossiers.progress_label.text()!r}, {english.scoring.title.text()!r}, "
          f"status {english.scoring.status_chip.text()!r}")

    assert english.actions.undo.text() == "&Undo score I.1", "the undo history survives, named in English"
    english.undo()
    assert workstation.session.scoring("d0002").criteria[0].points is None

    english.actions.language_actions["pl"].trigger()
    polish = workstation.window
    qtbot.addWidget(polish)
    assert polish.dossiers.progress_label.text() == "0 z 6 ukończonych" and current_language() == "pl"
    assert polish.scoring.status_chip.text() == "nierozpoczęta", "after the undo, in Polish again"
