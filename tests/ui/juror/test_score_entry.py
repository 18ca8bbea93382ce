"""Typing a score by keyboard: Tab never lands on "remove this score", and points outside the scale (or
off its steps) are refused at the field instead of being cut or rounded to another number (issue 11,
items 2 and 3)."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from juror_app.domain.model import StageId

from .conftest import press, type_text

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(open_workstation, demo_copy, qtbot):
    workstation = open_workstation(demo_copy.profile, demo_copy.info())
    workstation.window.activateWindow()
    qtbot.waitUntil(workstation.window.isActiveWindow)
    workstation.window.dossiers.select("d0001")
    return workstation


def _editor(workstation, code: str):
    return next(e for e in workstation.window.scoring.editors() if e.criterion.code == code)


def _stored(workstation, criterion_id: str):
    for state in workstation.session.scoring("d0001").criteria:
        if state.criterion.id == criterion_id:
            return state.points, state.justification
    raise KeyError(criterion_id)


def _log_ops(workstation) -> list[str]:
    rows = workstation.session.db.execute("SELECT line FROM edit_log ORDER BY seq").fetchall()
    return [json.loads(line)["op"] for (line,) in rows]


def _focused():
    return QApplication.focusWidget()


def _in_points(editor) -> bool:
    return _focused() in (editor.points, editor.points.lineEdit())


def _type_points(editor, text: str) -> None:
    editor.focus_points()
    editor.points.lineEdit().selectAll()
    type_text(editor.points.lineEdit(), text)


# --- item 2: the focus order --------------------------------------------------------------------------

def test_tab_goes_points_then_justification_then_the_next_criterion(window, qtbot) -> None:
    first, second = window.window.scoring.editors()[:2]
    _type_points(first, "6")
    qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
    assert _focused() is first.justification, f"Tab from the points went to {_focused()!r}"
    qtbot.waitUntil(lambda: _stored(window, first.criterion.id)[0] == 6)
    type_text(first.justification, " Karta usług w BIP")  # begins with a space: the key that removed the score
    qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
    assert _in_points(second), f"Tab from the justification went to {_focused()!r}"
    qtbot.waitUntil(lambda: not first.has_pending())
    assert _stored(window, first.criterion.id) == (6, "Karta usług w BIP")
    qtbot.keyClick(_focused(), Qt.Key.Key_Backtab)
    assert _focused() is first.justification, "Shift+Tab goes back the same way"
    qtbot.keyClick(_focused(), Qt.Key.Key_Backtab)
    assert _in_points(first)
    assert "unscore" not in _log_ops(window)
    print(f"focus chain: points → justification → next points; edit log {_log_ops(window)}")


def test_removing_a_score_is_a_deliberate_action_and_undoable(window, qtbot) -> None:
    editor = _editor(window, "I.1")
    assert editor.clear_button.focusPolicy() == Qt.FocusPolicy.NoFocus, "the × button is not in the Tab chain"
    _type_points(editor, "7")
    press(editor.points.lineEdit(), Qt.Key.Key_Return)
    type_text(editor.justification, "Procedury opisane.")
    editor.points.setFocus()
    qtbot.waitUntil(lambda: _stored(window, editor.criterion.id) == (7, "Procedury opisane."))
    press(_focused(), Qt.Key.Key_Space)  # a stray key in the field removes nothing
    press(editor.points.lineEdit(), Qt.Key.Key_Return)
    assert _stored(window, editor.criterion.id) == (7, "Procedury opisane.")
    press(_focused(), Qt.Key.Key_Delete, CTRL)  # the keyboard's deliberate way, in the help
    qtbot.waitUntil(lambda: _stored(window, editor.criterion.id) is None or _stored(window, editor.criterion.id)[0] is None)
    assert editor.points.points() is None
    window.window.undo()
    assert _stored(window, editor.criterion.id) == (7, "Procedury opisane.")
    qtbot.mouseClick(editor.clear_button, Qt.MouseButton.LeftButton)
    assert _stored(window, editor.criterion.id)[0] is None
    window.window.undo()
    editor.justification.setFocus()
    editor.justification.moveCursor(QTextCursor.MoveOperation.End)
    type_text(editor.justification, " Dodatek.")
    assert editor._autosave.isActive(), "still being typed (not autosaved yet) when × is clicked"
    editor.clear_button.click()  # a click on × takes no focus, so nothing else saves the text first
    assert _stored(window, editor.criterion.id)[0] is None
    window.window.undo()
    assert _stored(window, editor.criterion.id) == (7, "Procedury opisane. Dodatek."), "undo brings back all of it"
    print(f"edit log: {_log_ops(window)}")


def test_the_remove_button_never_throws_away_unsaved_text(window, qtbot) -> None:
    editor = _editor(window, "I.2")
    type_text(editor.justification, "Najpierw uzasadnienie, punkty później.")
    editor.clear_button.click()  # no score to remove
    assert editor.justification.toPlainText() == "Najpierw uzasadnienie, punkty później."
    assert _stored(window, editor.criterion.id)[0] is None
    window.window.scoring.discard_pending()  # closing would otherwise ask what to do with it (a modal box)


def test_the_help_describes_the_tab_order_as_it_is(window, qtbot, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: shown.append(text))
    window.window.actions.show_shortcuts()
    text = shown[0]
    assert "Tab" in text and "uzasadnieni" in text and "Ctrl+Del" in text
    print(text)


# --- item 3: points outside the scale -------------------------------------------------------------------

def test_points_above_the_maximum_are_refused_with_a_message_not_cut(window, qtbot) -> None:
    editor = _editor(window, "I.1")
    assert editor.criterion.max_points == 10
    _type_points(editor, "11")
    assert editor.points.lineEdit().text() == "11", "the second digit is taken, not dropped"
    press(editor.points.lineEdit(), Qt.Key.Key_Return)
    assert _stored(window, editor.criterion.id)[0] is None, "nothing saved: neither 1 nor 10"
    assert editor.error_label.isVisible() and "11" in editor.error_label.text() and "10" in editor.error_label.text()
    assert _in_points(editor), "the juror stays in the field to correct it"
    print(f"typed 11 in 0–10: {editor.error_label.text()!r}")
    qtbot.keyClick(_focused(), Qt.Key.Key_Tab)  # leaving the field does not save a corrected number either
    assert _stored(window, editor.criterion.id)[0] is None
    assert editor.error_label.isVisible()
    _type_points(editor, "9")
    press(editor.points.lineEdit(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not editor.has_pending())
    assert _stored(window, editor.criterion.id)[0] == 9 and editor.error_label.isHidden()
    _type_points(editor, "25")
    qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
    assert _stored(window, editor.criterion.id)[0] == 9, "a refused number leaves the saved score as it was"
    assert "25" in editor.error_label.text()
    assert editor.points.points() == 9, "the field shows the saved score again"
    assert "unscore" not in _log_ops(window)


def test_points_off_the_scale_steps_or_negative_are_refused(window, qtbot) -> None:
    stage_two = next(e for e in window.window.scoring.editors() if e.criterion.stage is StageId.II)
    assert stage_two.criterion.step == 0.5
    for typed in ("2,3", "2,55", "-1"):
        _type_points(stage_two, typed)
        assert stage_two.points.lineEdit().text() == typed
        press(stage_two.points.lineEdit(), Qt.Key.Key_Return)
        assert _stored(window, stage_two.criterion.id)[0] is None, typed
        assert stage_two.error_label.isVisible() and typed in stage_two.error_label.text()
        print(f"typed {typed}: {stage_two.error_label.text()!r}")
    _type_points(stage_two, "2,5")
    press(stage_two.points.lineEdit(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not stage_two.has_pending())
    assert _stored(window, stage_two.criterion.id)[0] == 2.5 and stage_two.error_label.isHidden()
