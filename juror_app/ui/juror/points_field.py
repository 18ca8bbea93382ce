"""The points field of one criterion: a number on the criterion's scale, or "—" for "not scored".

It never saves a number other than the one typed. A spin box's own validator drops a key that would
leave the range ("11" in a 0–10 field became "1") and rounds off-step numbers on Enter; here every
number can be typed, and Enter or leaving the field with one that is not on the scale (above the
maximum, below 0, between two steps, or nothing at all) is refused: :attr:`PointsField.refused`
says why, the saved score stays as it was and the field shows it again when the juror leaves.
Removing a score is deliberate: Ctrl+Delete here (or the × beside the field), never a stray key.
"""

from __future__ import annotations

import math
import re

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QValidator, QWheelEvent
from PySide6.QtWidgets import QAbstractSpinBox, QDoubleSpinBox, QWidget

from juror_app.domain.model import Criterion

_NUMBER = re.compile(r"[+-]?\d*(?:[.,]\d*)?")
ABOVE, BELOW, OFF_STEP, EMPTY = "above", "below", "off_step", "empty"


def parse_points(text: str) -> float | None:
    """A typed number, with a decimal comma or point ("2,5", "2.5"); None when it is not one (yet)."""
    text = text.strip()
    if not _NUMBER.fullmatch(text) or not any(ch.isdigit() for ch in text):
        return None
    return float(text.replace(",", "."))


class PointsField(QDoubleSpinBox):
    """Points from 0 to the maximum in the criterion's steps; the blank "—" below 0 means "not scored"."""

    refused = Signal(str, str)  # the text typed, why: ABOVE, BELOW, OFF_STEP or EMPTY
    clear_requested = Signal()

    def __init__(self, criterion: Criterion, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.criterion = criterion
        self.step = criterion.step
        self.setDecimals(0 if float(criterion.step).is_integer() else 1)
        self.setRange(-criterion.step, criterion.max_points)
        self.setSingleStep(criterion.step)
        self.setSpecialValueText("—")
        self.setKeyboardTracking(False)  # commit on Enter / leaving the field / arrows, not per digit
        # A number that is not on the scale is refused (see refusal()); if it still reaches Qt's own
        # correction, the field goes back to its value instead of taking the nearest allowed one.
        self.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToPreviousValue)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setMinimumWidth(72)
        self.setValue(-criterion.step)

    # --- what is typed ---------------------------------------------------------------------------------
    def validate(self, text: str, pos: int) -> object:
        """Any number may be typed (so "11" shows as typed); only one on the scale is Acceptable."""
        if text.strip() == self.specialValueText():
            return QValidator.State.Acceptable, text, pos
        stripped = text.strip()
        if stripped == "" or _NUMBER.fullmatch(stripped):
            state = QValidator.State.Acceptable if self.refusal(text) is None else QValidator.State.Intermediate
            return state, text, pos
        return QValidator.State.Invalid, text, pos

    def valueFromText(self, text: str) -> float:
        value = parse_points(text)
        return self.minimum() if value is None else value

    def refusal(self, text: str | None = None) -> str | None:
        """Why ``text`` (the field's text by default) cannot be saved, or None if it can."""
        text = self.lineEdit().text() if text is None else text
        if text.strip() == self.specialValueText():
            return None
        value = parse_points(text)
        if value is None:
            return EMPTY
        if value < 0:
            return BELOW
        if value > self.criterion.max_points + 1e-9:
            return ABOVE
        steps = value / self.step
        if not math.isclose(steps, round(steps), abs_tol=1e-6):
            return OFF_STEP
        return None

    def _refuse_if_off_scale(self) -> bool:
        """Tell why the typed text is refused (True), or let it through (False)."""
        text = self.lineEdit().text()
        reason = self.refusal(text)
        if reason is None:
            return False
        if reason == EMPTY and self.value() < 0:
            return False  # emptied a field that held no score: nothing to say
        self.refused.emit(text.strip(), reason)
        return True

    # --- the value ---------------------------------------------------------------------------------------
    def points(self) -> float | None:
        value = self.value()
        if value < 0:
            return None
        return round(round(value / self.step) * self.step, 6)

    def set_points(self, points: float | None) -> None:
        self.blockSignals(True)
        self.setValue(-self.step if points is None else points)
        self.blockSignals(False)

    def stepBy(self, steps: int) -> None:
        """Arrows, PageUp/PageDown and the wheel stay on the scale: they never step a score down to "—"."""
        if self.refusal() is not None:  # a refused number in the field: step from the saved score
            self.lineEdit().setText(self.textFromValue(self.value()) if self.value() >= 0 else self.specialValueText())
        if self.value() >= 0 and self.value() + steps * self.step < 0:
            if self.value() > 0:
                self.setValue(0)
            return
        super().stepBy(steps)

    # --- keys and focus --------------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        """Ctrl+Z / Ctrl+Shift+Z in the points field undo the last saved edit, not the field's typing
        (a score is saved as soon as it is entered, so the window's undo is the one that means something)."""
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and (
                event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)):
            event.ignore()
            return False
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.clear_requested.emit()
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._refuse_if_off_scale():
            self.lineEdit().selectAll()  # stay here, with the refused text, to type it again
            event.accept()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._refuse_if_off_scale()  # Qt then shows the saved value again (CorrectToPreviousValue)
        super().focusOutEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()  # scrolling the panel past a field must not change a score

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        QTimer.singleShot(0, self.selectAll)  # typing a digit replaces the value
