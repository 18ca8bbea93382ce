"""A keyboard-only evening: dossiers and criteria by shortcut, digits for points, Tab to the justification."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from .conftest import type_text

CTRL = Qt.KeyboardModifier.ControlModifier


def test_keyboard_only_scoring(qtbot, open_workstation, demo_copy) -> None:
    workstation = open_workstation(demo_copy.profile, demo_copy.info())
    window, session = workstation.window, workstation.session
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.dossiers.view.setFocus()
    assert window.scoring.current_dossier() == "d0001"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown, CTRL)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown, CTRL)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageUp, CTRL)
    assert window.scoring.current_dossier() == "d0002"

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down, CTRL)
    first, second = window.scoring.editors()[:2]
    assert QApplication.focusWidget() in (first.points, first.points.lineEdit())
    qtbot.keyClicks(QApplication.focusWidget(), "6")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # commits the points, on to the justification
    assert QApplication.focusWidget() is first.justification
    type_text(first.justification, "Karta usług dostępna w BIP i w punkcie obsługi.")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down, CTRL)  # from inside the text: next criterion
    assert QApplication.focusWidget() in (second.points, second.points.lineEdit())
    qtbot.waitUntil(lambda: not first.has_pending())
    state = session.scoring("d0002").criteria[0]
    assert (state.points, state.justification) == (6.0, "Karta usług dostępna w BIP i w punkcie obsługi.")

    qtbot.keyClicks(QApplication.focusWidget(), "3")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not second.has_pending())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up, CTRL)
    assert QApplication.focusWidget() in (first.points, first.points.lineEdit())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL)
    assert session.scoring("d0002").criteria[1].points is None, "Ctrl+Z in the points field undoes the last saved score"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert session.scoring("d0002").criteria[1].points == 3
    steps = [session.undo_stack.text(i) for i in range(session.undo_stack.count())]
    print(f"undo stack after the keyboard session: {steps}")
