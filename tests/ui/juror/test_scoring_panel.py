"""The scoring panel: the rules shown as the juror types, "saved" only after the commit, nothing lost at close."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from juror_app.domain.errors import ValidationError
from juror_app.domain.model import StageId
from juror_app.workflows.juror import scoring as juror_scoring
from juror_app.workflows.juror.queries import dossier_scoring

from .conftest import press, type_text, when_modal


@pytest.fixture
def panel_window(open_workstation, demo_copy):
    workstation = open_workstation(demo_copy.profile, demo_copy.info())
    workstation.window.dossiers.select("d0001")
    return workstation


def _editor(window, code: str):
    return next(e for e in window.scoring.editors() if e.criterion.code == code)


def _enter_points(editor, text: str) -> None:
    editor.focus_points()
    editor.points.lineEdit().selectAll()
    type_text(editor.points.lineEdit(), text)
    press(editor.points.lineEdit(), Qt.Key.Key_Return)


def _stored(workstation, criterion_id: str):
    for state in workstation.session.scoring("d0001").criteria:
        if state.criterion.id == criterion_id:
            return state.points, state.justification
    raise KeyError(criterion_id)


def test_justification_required_at_the_extremes_is_shown(panel_window, qtbot) -> None:
    editor = _editor(panel_window.window, "I.1")
    _enter_points(editor, "5")
    assert editor.required_label.isHidden()
    _enter_points(editor, "10")
    assert editor.required_label.isVisible() and "wymagane" in editor.required_label.text()
    assert "▸ 10" in editor.rubric.text(), "the current rubric level is marked"
    print(f"at 10 points: {editor.required_label.text()!r}")
    status = panel_window.session.scoring("d0001")
    assert any(m.what == "justification" for m in status.missing)
    type_text(editor.justification, "Wzorcowa karta usług, mierzona co kwartał.")
    editor.points.setFocus()
    qtbot.waitUntil(lambda: not editor.has_pending())
    assert "✓" in editor.required_label.text()
    assert not any(m.criterion_id == editor.criterion.id for m in panel_window.session.scoring("d0001").missing)


def test_points_on_the_step_are_saved_and_keys_stay_in_range(panel_window, qtbot) -> None:
    stage_two = next(e for e in panel_window.window.scoring.editors() if e.criterion.stage is StageId.II)
    assert stage_two.criterion.step == 0.5
    _enter_points(stage_two, "2,5")
    qtbot.waitUntil(lambda: not stage_two.has_pending())
    assert _stored(panel_window, stage_two.criterion.id)[0] == 2.5
    _enter_points(stage_two, "9")  # above the maximum: refused at the field (tests/ui/juror/test_score_entry.py)
    assert stage_two.error_label.isVisible() and _stored(panel_window, stage_two.criterion.id)[0] == 2.5
    press(stage_two.points, Qt.Key.Key_PageUp)  # ten steps up, held at the top of the scale
    qtbot.waitUntil(lambda: not stage_two.has_pending())
    assert _stored(panel_window, stage_two.criterion.id)[0] == stage_two.criterion.max_points
    for _ in range(3):
        press(stage_two.points, Qt.Key.Key_PageDown)  # down to 0 and held there: arrows never remove a score
    qtbot.waitUntil(lambda: not stage_two.has_pending())
    assert _stored(panel_window, stage_two.criterion.id)[0] == 0
    print(f"typed 2,5 → 2,5; typed 9 → refused; PageUp → {stage_two.criterion.max_points}; PageDown ×3 → 0")


def test_saved_is_shown_only_after_the_workflow_returned(panel_window, qtbot, monkeypatch) -> None:
    editor = _editor(panel_window.window, "I.2")

    def refuse(db, **kwargs):
        raise ValidationError("disk_full", pl="Dysk jest pełny; zwolnij miejsce.", en="The disk is full.")

    monkeypatch.setattr(juror_scoring, "set_score", refuse)
    _enter_points(editor, "6")
    assert not editor.saved_label.text().startswith("Zapisano")
    assert editor.error_label.isVisible() and "Dysk jest pełny" in editor.error_label.text()
    assert editor.has_pending(), "the edit is kept, not silently dropped"
    assert panel_window.session.undo_stack.count() == 0, "a refused edit leaves no undo step"
    monkeypatch.undo()
    assert panel_window.window.scoring.commit(editor.criterion.id)
    assert editor.saved_label.text().startswith("Zapisano ") and not editor.error_label.isVisible()
    assert _stored(panel_window, editor.criterion.id) == (6.0, "")


def test_subtotals_and_the_weighted_total_follow_the_scores(panel_window, qtbot) -> None:
    window, session = panel_window.window, panel_window.session
    for criterion in session.edition.criteria:
        session.apply(juror_scoring.set_score, dossier_id="d0001", criterion_id=criterion.id,
                      points=criterion.max_points / 2, justification="")
    scoring = session.scoring("d0001")
    stage_one = next(t for t in scoring.stages if t.stage is StageId.I)
    label = window.scoring._stage_totals["I"].text()
    assert f"45 z {int(stage_one.max_points)} pkt" in label and "oceniono 9 z 9 kryteriów" in label
    assert "Wynik ważony: 50,0% maksimum" in window.scoring.totals.text()
    assert window.scoring.editors()[0].points.points() == 5
    print(f"stage I: {label!r}; totals: {window.scoring.totals.text()!r}")


def test_a_scrolling_wheel_does_not_change_an_unfocused_score(panel_window, qtbot) -> None:
    editor = _editor(panel_window.window, "I.3")
    panel_window.window.dossiers.view.setFocus()
    before = editor.points.value()
    wheel = QWheelEvent(QPointF(5, 5), QPointF(5, 5), QPoint(0, 0), QPoint(0, 120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(editor.points, wheel)
    assert editor.points.value() == before


def test_closing_saves_a_justification_being_typed(panel_window, qtbot, demo_copy) -> None:
    window = panel_window.window
    editor = _editor(window, "I.4")
    _enter_points(editor, "7")
    qtbot.waitUntil(lambda: not editor.has_pending())
    type_text(editor.justification, "Intranet i cotygodniowe spotkania zespołów; ankieta satysfakcji.")
    assert editor._autosave.isActive(), "typing pauses before autosave"
    assert window.close()
    db = demo_copy.profile.open_db()
    try:
        stored = {s.criterion.code: s.justification for s in dossier_scoring(db, "d0001").criteria}
    finally:
        db.close()
    assert stored["I.4"] == "Intranet i cotygodniowe spotkania zespołów; ankieta satysfakcji."


def test_a_justification_without_points_is_not_lost_silently(panel_window, qtbot) -> None:
    window = panel_window.window
    editor = _editor(window, "I.5")
    type_text(editor.justification, "Konsultacje online, ale bez raportu z wynikami.")
    window.scoring.commit(editor.criterion.id)
    assert "Najpierw podaj punkty" in editor.error_label.text()
    when_modal(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Cancel).click())
    assert not window.close(), "Cancel keeps the window open with the text"
    assert editor.justification.toPlainText().startswith("Konsultacje")
    when_modal(QMessageBox, lambda box: (print(f"asked: {box.text()!r}"),
                                         box.button(QMessageBox.StandardButton.Discard).click()))
    assert window.close()
