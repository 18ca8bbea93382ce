"""One criterion on the scoring panel: what it asks, its rubric levels, the points and the justification.

The editor only holds what the juror is typing; it asks the panel to commit (points confirmed,
justification paused or left) and shows "Saved 18:42:07" only when the panel reports that the
workflow returned, i.e. the edit is committed. Trailing spaces never count as a change (the store
keeps justifications stripped), so saving never moves the cursor under the juror's fingers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from juror_app.domain.model import Criterion
from juror_app.domain.rules import MIN_JUSTIFICATION_CHARS, justification_required
from juror_app.ui.common.look import set_text_colour
from juror_app.ui.common.wrapped_label import WrappedLabel
from juror_app.ui.juror import texts
from juror_app.ui.juror.points_field import ABOVE, BELOW, EMPTY, PointsField
from juror_app.ui.juror.rubric_view import RubricView
from juror_app.ui.juror.style import GOOD, MUTED, WARN, role

if TYPE_CHECKING:
    from juror_app.store.superseded_scores import SupersededScore

AUTOSAVE_MS = 1500
OLD_JUSTIFICATION_SHOWN = 280  # characters of a superseded justification shown in the card (all of it in the tooltip)
ScoreState = tuple[float, str] | None


class CriterionEditor(QFrame):
    commit_requested = Signal(str)  # criterion id
    focus_entered = Signal(str)

    def __init__(self, criterion: Criterion, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.criterion = criterion
        self._saved: ScoreState = None
        self._superseded: SupersededScore | None = None
        self.rescore_notice: WrappedLabel | None = None  # made when first needed: most criteria never need it
        self.reuse_button: QPushButton | None = None
        role(self, "criterionEditor")
        self.setFrameShape(QFrame.Shape.NoFrame)  # the card's border is painted by its role

        code = QLabel(criterion.code)  # plain labels: rich text is laid out again at every size asked
        bold = code.font()
        bold.setBold(True)
        code.setFont(bold)
        title = WrappedLabel(criterion.name)
        scale = self.tr("0–%1 points, in steps of %2").replace("%1", texts.points_text(criterion.max_points)) \
            .replace("%2", texts.points_text(criterion.step))
        self.scale_label = QLabel(scale)
        role(self.scale_label, "muted")
        self.saved_label = QLabel()
        self.saved_label.setObjectName("savedLabel")
        self.description = WrappedLabel(criterion.description)
        role(self.description, "muted")
        self.rubric = RubricView()
        self.rubric.setToolTip("\n\n".join(
            f"{self._range(level.points_from, level.points_to)}  {level.label}\n{level.description}".strip()
            for level in criterion.levels))

        self.points = PointsField(criterion)
        self.points.setToolTip(self.tr("Points for %1: type a number and press Enter (— means not scored)")
                               .replace("%1", criterion.code))
        self.points.valueChanged.connect(self._points_changed)
        self.points.refused.connect(self._points_refused)
        self.points.clear_requested.connect(self._clear_points)
        # Out of the Tab chain: Tab goes from the points to the justification, and a space typed after
        # Tab must never land on "remove". Removing stays a click here, or Ctrl+Delete in the field.
        self.clear_button = QToolButton(text="×", autoRaise=True)
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clear_button.setToolTip(self.tr("Remove this score and its justification (Ctrl+Delete in the points "
                                             "field; Ctrl+Z brings it back)"))
        self.clear_button.clicked.connect(self._clear_points)
        self.justification = QPlainTextEdit()
        self.justification.setTabChangesFocus(True)
        self.justification.setPlaceholderText(self.tr("Justification: what in the documents supports this score"))
        self.justification.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.justification.textChanged.connect(self._text_changed)
        self.justification.installEventFilter(self)
        self.points.installEventFilter(self)
        self.required_label = WrappedLabel()
        role(self.required_label, "warning")
        self.error_label = QLabel()
        role(self.error_label, "error")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self._autosave = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._autosave.timeout.connect(lambda: self.commit_requested.emit(self.criterion.id))

        head = QHBoxLayout()
        head.addWidget(code, 0, Qt.AlignmentFlag.AlignTop)
        head.addSpacing(4)
        head.addWidget(title, 1)
        head.addWidget(self.saved_label, 0, Qt.AlignmentFlag.AlignTop)
        points_row = QHBoxLayout()
        points_label = QLabel(self.tr("Points:"))
        points_label.setBuddy(self.points)
        points_row.addWidget(points_label)
        points_row.addWidget(self.points)
        points_row.addWidget(self.clear_button)
        points_row.addWidget(self.scale_label)
        points_row.addStretch(1)
        # What the juror types, in one widget the panel scrolls into view whole (points to messages).
        self.entry = QWidget()
        entry = QVBoxLayout(self.entry)
        entry.setContentsMargins(0, 0, 0, 0)
        entry.setSpacing(4)
        entry.addLayout(points_row)
        self._entry_layout = entry
        entry.addWidget(self.error_label)
        entry.addWidget(self.justification)
        entry.addWidget(self.required_label)
        layout = QGridLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setVerticalSpacing(4)
        layout.addLayout(head, 0, 0)
        layout.addWidget(self.description, 1, 0)
        layout.addWidget(self.rubric, 2, 0)
        layout.addWidget(self.entry, 3, 0)
        self._update_hints()

    # --- state --------------------------------------------------------------------------------------
    def set_state(self, points: float | None, justification: str, saved_at: str | None, *, force: bool = False) -> None:
        """Show what the store holds. Local edits not yet saved are kept unless the stored state changed."""
        stored: ScoreState = None if points is None else (points, justification or "")
        if not force and stored == self._saved and self.has_pending():
            return
        self._saved = stored
        self.points.set_points(points)
        if self.justification.toPlainText().strip() != (justification or ""):
            self.justification.blockSignals(True)
            self.justification.setPlainText(justification or "")
            self.justification.blockSignals(False)
        self._autosave.stop()
        self.error_label.hide()
        self._show_saved(saved_at)
        self._update_hints()

    def set_superseded(self, old: SupersededScore | None) -> None:
        """Show the score given before this criterion's scale changed (the import set it aside), if any.

        Unscored since: "re-score needed: you gave 7 of 10 before the scale changed to 0–5", the old
        justification and a button to reuse it. Scored again: a quiet line saying what it was.
        """
        self._superseded = old
        if old is None:
            if self.rescore_notice is not None:
                self.rescore_notice.hide()
                self.reuse_button.hide()
            return
        if self.rescore_notice is None:
            self.rescore_notice = WrappedLabel()
            self.rescore_notice.setObjectName("rescoreNotice")
            self.reuse_button = QPushButton(self.tr("Use the old justification"))
            self.reuse_button.setToolTip(self.tr("Put the justification you wrote before the scale changed into the "
                                                 "field; it is saved with the new points"))
            self.reuse_button.clicked.connect(self.reuse_old_justification)
            row = QHBoxLayout()
            row.addWidget(self.reuse_button)
            row.addStretch(1)
            self._entry_layout.insertWidget(1, self.rescore_notice)
            self._entry_layout.insertLayout(2, row)
        self._show_superseded()

    def _show_superseded(self) -> None:
        old, notice = self._superseded, self.rescore_notice
        if old is None or notice is None:
            return
        given = self.tr("%1 of %2").replace("%1", texts.points_text(old.points)) \
            .replace("%2", texts.points_text(old.old_max_points))
        scale = texts.scale_text(old.new_max_points, old.new_step)
        text = old.justification
        shown = text if len(text) <= OLD_JUSTIFICATION_SHOWN else text[:OLD_JUSTIFICATION_SHOWN].rstrip() + "…"
        if self.points.points() is None:
            message = self.tr("Re-score needed: you gave %1 before the scale changed to %2.") \
                .replace("%1", given).replace("%2", scale)
            if text:
                message += "\n" + self.tr("Your justification then: “%1”").replace("%1", shown)
            set_text_colour(notice, WARN)
        else:
            message = self.tr("Before the scale changed to %2 you gave %1.").replace("%1", given).replace("%2", scale)
            set_text_colour(notice, MUTED)
        notice.setText(message)
        notice.setToolTip(text)
        notice.show()
        current = self.justification.toPlainText().strip()
        self.reuse_button.setVisible(bool(text) and current != text)

    def reuse_old_justification(self) -> None:
        """The superseded justification into the field, to be saved with the new points the juror types next."""
        old = self._superseded
        if old is None or not self.justification.isEnabled():
            return
        self.justification.blockSignals(True)  # no autosave of a justification without its points
        self.justification.setPlainText(old.justification)
        self.justification.blockSignals(False)
        self._update_hints()
        if self.local_state() != self._saved:
            self.saved_label.setText(self.tr("not saved yet…"))
            set_text_colour(self.saved_label, WARN)
        self._show_superseded()
        if self.points.points() is None:
            self.focus_points()
        else:
            self._autosave.start()

    def saved_state(self) -> ScoreState:
        return self._saved

    def local_state(self) -> ScoreState:
        points = self.points.points()
        return None if points is None else (points, self.justification.toPlainText().strip())

    def has_pending(self) -> bool:
        return self.local_state() != self._saved or self.unsaveable()

    def unsaveable(self) -> bool:
        """A justification typed before any points: it cannot be stored until points are given."""
        return self.points.points() is None and bool(self.justification.toPlainText().strip())

    def mark_saved(self, state: ScoreState, saved_at: str) -> None:
        self._saved = state
        self.error_label.hide()
        self._show_saved(saved_at)
        self._update_hints()

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def set_recused(self, recused: bool) -> None:
        for widget in (self.points, self.clear_button, self.justification, self.reuse_button):
            if widget is not None:
                widget.setEnabled(not recused)

    def focus_points(self) -> None:
        self.points.setFocus(Qt.FocusReason.TabFocusReason)

    # --- reactions ----------------------------------------------------------------------------------
    def _points_changed(self, _value: float) -> None:
        self.error_label.hide()
        self._update_hints()
        self._autosave.stop()
        self.commit_requested.emit(self.criterion.id)

    def _clear_points(self) -> None:
        """Remove the score with its justification (the store keeps no justification without points);
        one undoable step, so Ctrl+Z brings both back, as they were when the juror removed them."""
        if not self.points.isEnabled():
            return
        if self._saved is None:
            return  # no score to remove; a justification typed before its points stays where it is
        if self.local_state() != self._saved and not self.unsaveable():
            self._autosave.stop()
            self.commit_requested.emit(self.criterion.id)  # save what is being typed first: undo brings it back
        self.points.set_points(None)
        self.justification.blockSignals(True)
        self.justification.clear()
        self.justification.blockSignals(False)
        self._points_changed(self.points.value())

    def _points_refused(self, typed: str, reason: str) -> None:
        """Say at the field why the typed number was not saved (the saved score stays as it was)."""
        top = texts.points_text(self.criterion.max_points)
        if reason == EMPTY:
            message = self.tr("The points field is empty, so nothing was changed. To remove this score, press "
                              "Ctrl+Delete in the field or click ×.")
        elif reason == ABOVE:
            message = self.tr("%1 is more than this criterion's maximum of %2 points: not saved. Type a number "
                              "from 0 to %2.")
        elif reason == BELOW:
            message = self.tr("%1 is less than 0: not saved. Type a number from 0 to %2.")
        else:
            value = float(typed.replace(",", "."))
            lower = int(value // self.criterion.step) * self.criterion.step
            message = self.tr("%1 is not on this criterion's scale (steps of %3): not saved. Type, for example, "
                              "%4 or %5.").replace("%3", texts.points_text(self.criterion.step)) \
                .replace("%4", texts.points_text(lower)).replace("%5", texts.points_text(lower + self.criterion.step))
        self.show_error(message.replace("%1", typed).replace("%2", top))

    def _text_changed(self) -> None:
        self._update_hints()
        if self.local_state() != self._saved:
            self.saved_label.setText(self.tr("not saved yet…"))
            set_text_colour(self.saved_label, WARN)
        self._autosave.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and watched is self.justification:
            if self._autosave.isActive():
                self._autosave.stop()
                self.commit_requested.emit(self.criterion.id)
        elif event.type() == QEvent.Type.FocusIn:
            self.focus_entered.emit(self.criterion.id)
        return False

    def _show_saved(self, saved_at: str | None) -> None:
        if saved_at:
            self.saved_label.setText(self.tr("Saved %1").replace("%1", texts.local_time(saved_at)))
            set_text_colour(self.saved_label, GOOD)
        elif self._saved is None:
            self.saved_label.setText(self.tr("not scored"))
            set_text_colour(self.saved_label, "#6b7280")

    def _update_hints(self) -> None:
        self._show_superseded()
        points = self.points.points()
        level = self.criterion.level_for(points) if points is not None else None
        levels = self.criterion.levels
        self.rubric.set_levels(
            tuple(f"{self._range(c.points_from, c.points_to)} · {c.label}" for c in levels),
            next((i for i, c in enumerate(levels) if c is level), None))
        required = points is not None and justification_required(self.criterion, points)
        short = len(self.justification.toPlainText().strip()) < MIN_JUSTIFICATION_CHARS
        if required and short:
            self.required_label.setText(self.tr("A justification is required at the lowest and the highest level of "
                                                "the scale (at least %n characters).", "", MIN_JUSTIFICATION_CHARS))
            self.required_label.show()
        elif required:
            self.required_label.setText(self.tr("Justification required at this level: written ✓"))
            self.required_label.show()
        else:
            self.required_label.hide()

    @staticmethod
    def _range(low: float, high: float) -> str:
        return texts.points_text(low) if low == high else f"{texts.points_text(low)}–{texts.points_text(high)}"
