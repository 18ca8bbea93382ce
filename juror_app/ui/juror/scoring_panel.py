"""The right pane: the open dossier's criteria grouped by stage, running subtotals, and its declarations.

Every edit becomes an undoable command that calls the workflow; the editor shows "Saved hh:mm:ss"
only after that call returned (committed). Pending edits are flushed before the juror leaves the
dossier, the window or the language, so nothing typed is lost silently.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from juror_app.domain.model import DossierStatus, Edition
from juror_app.domain.rules import Missing
from juror_app.ui.common import look
from juror_app.ui.common.look import set_text_colour
from juror_app.ui.common.wrapped_label import WrappedLabel
from juror_app.ui.juror import status_style, texts, undo
from juror_app.ui.juror.criterion_editor import CriterionEditor
from juror_app.ui.juror.declarations import DeclarationsBar
from juror_app.ui.juror.session import Session
from juror_app.ui.juror.style import GOOD, WARN, role
from juror_app.workflows.juror.queries import DossierScoring

MAX_MISSING_SHOWN = 4


class ScoringPanel(QWidget):
    problem = Signal(str)  # a refusal to show in the status bar

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.scoring: DossierScoring | None = None
        self._editors: dict[str, CriterionEditor] = {}
        self._stage_totals: dict[str, QLabel] = {}
        self._edition: Edition | None = None
        self._focused: str | None = None

        self.title = WrappedLabel()
        role(self.title, "dossierTitle")
        self.subtitle = WrappedLabel()
        role(self.subtitle, "muted")
        self.status_chip = QLabel()
        self.declarations = DeclarationsBar(session, self)
        self.declarations.problem.connect(self.problem)
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        role(self.missing, "missing")

        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 6, 0)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.body)
        self.totals = QLabel()
        role(self.totals, "totals")
        self.totals.setWordWrap(True)

        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.status_chip, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(head)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.declarations)
        layout.addWidget(self.missing)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.totals)
        session.dossier_changed.connect(self._dossier_changed)
        self.clear()

    # --- which dossier ----------------------------------------------------------------------------
    def clear(self) -> None:
        self.scoring = None
        self.title.setText(self.tr("No dossier open"))
        self.subtitle.setText(self.tr("Choose a dossier from the list to score it."))
        self.status_chip.hide()
        self.declarations.set_scoring(None)
        self.missing.hide()
        self.scroll.setEnabled(False)
        self.totals.clear()

    def show_dossier(self, dossier_id: str) -> None:
        self._build_editors(self.session.edition)
        self._focused = None  # "next criterion" in a newly opened dossier starts at its first
        self._show(self.session.scoring(dossier_id), force=True)
        self.scroll.verticalScrollBar().setValue(0)

    def current_dossier(self) -> str | None:
        return self.scoring.dossier_id if self.scoring else None

    def _dossier_changed(self, dossier_id: str) -> None:
        if self.scoring is not None and dossier_id == self.scoring.dossier_id:
            self._show(self.session.scoring(dossier_id), force=False)

    def _build_editors(self, edition: Edition | None) -> None:
        if edition is None or edition is self._edition:
            return
        self._edition = edition
        while self.body_layout.count():
            item = self.body_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self._editors.clear()
        self._stage_totals.clear()
        for stage in edition.stages:
            group = QFrame()
            group.setObjectName("stageGroup")
            group_layout = QVBoxLayout(group)
            group_layout.setContentsMargins(0, 8, 0, 8)
            heading = WrappedLabel(stage.name)
            role(heading, "stageHeading")
            heading.setToolTip(stage.description)
            group_layout.addWidget(heading)
            for criterion in edition.criteria_of_stage(stage.id):
                editor = CriterionEditor(criterion)
                editor.commit_requested.connect(self.commit)
                editor.focus_entered.connect(self._remember_focus)
                group_layout.addWidget(editor)
                self._editors[criterion.id] = editor
            subtotal = QLabel()
            role(subtotal, "subtotal")
            subtotal.setAlignment(Qt.AlignmentFlag.AlignRight)
            group_layout.addWidget(subtotal)
            self._stage_totals[stage.id.value] = subtotal
            self.body_layout.addWidget(group)
        self.body_layout.addStretch(1)

    def _show(self, scoring: DossierScoring, *, force: bool) -> None:
        self.scoring = scoring
        institution = scoring.institution
        self.title.setText(institution.name)
        place = texts.place_text(institution.city, institution.commune, institution.county, institution.voivodeship)
        self.subtitle.setText(f"{scoring.category} · {place}")
        self.status_chip.setText(texts.status_name(scoring.status))
        self.status_chip.setToolTip(texts.status_explanation(scoring.status))
        look.apply(self.status_chip, "statusChip", status_style.chip_look(scoring.status))
        self.status_chip.show()
        self.declarations.set_scoring(scoring)
        recused = scoring.status is DossierStatus.RECUSED
        self.scroll.setEnabled(True)
        for state in scoring.criteria:
            editor = self._editors.get(state.criterion.id)
            if editor is not None:
                editor.set_superseded(state.superseded)
                editor.set_state(state.points, state.justification, state.updated_at, force=force)
                editor.set_recused(recused)
        self._show_missing(scoring.missing, recused)
        self._show_totals(scoring)

    def _show_missing(self, missing: tuple[Missing, ...], recused: bool) -> None:
        if recused:
            self.missing.hide()
            return
        if not missing:
            self.missing.setText("✓ " + self.tr("Complete: every criterion is scored and justified where required."))
            set_text_colour(self.missing, GOOD)
        else:
            names = {c.id: c.name for c in self._edition.criteria} if self._edition else {}
            lines = [html.escape(m.message(names.get(m.criterion_id, ""))) for m in missing[:MAX_MISSING_SHOWN]]
            if len(missing) > MAX_MISSING_SHOWN:
                lines.append(self.tr("… and %n more", "", len(missing) - MAX_MISSING_SHOWN))
            heading = self.tr("Still missing (%n):", "", len(missing))
            self.missing.setText(f"<b>{heading}</b><br>" + "<br>".join(f"• {line}" for line in lines))
            set_text_colour(self.missing, WARN)
        self.missing.show()

    def _show_totals(self, scoring: DossierScoring) -> None:
        parts = []
        for total in scoring.stages:
            text = self.tr("Stage %1: %2 of %3 points").replace("%1", total.stage.value) \
                .replace("%2", texts.points_text(total.points)).replace("%3", texts.points_text(total.max_points))
            label = self._stage_totals.get(total.stage.value)
            if label is not None:
                scored = self.tr("%1 of %n criteria scored", "", total.criteria).replace("%1", str(total.scored))
                label.setText(f"<b>{html.escape(text)}</b> · {html.escape(scored)}")
            parts.append(html.escape(text))
        if scoring.status is DossierStatus.RECUSED:
            weighted = self.tr("No weighted total from you: you declared a conflict of interest, so this dossier "
                               "is excluded from your scoring")
        elif scoring.weighted_percent is None:
            weighted = self.tr("Weighted total: shown when every criterion is scored")
        else:
            weighted = self.tr("Weighted total: %1% of the maximum").replace(
                "%1", QLocale().toString(scoring.weighted_percent, "f", 1))
        self.totals.setText(" &nbsp;·&nbsp; ".join(parts) + f"<br><b>{html.escape(weighted)}</b>")

    # --- saving -----------------------------------------------------------------------------------
    def commit(self, criterion_id: str) -> bool:
        """Save one criterion's pending edit through an undoable command; True when nothing is left pending."""
        editor = self._editors.get(criterion_id)
        if editor is None or self.scoring is None or self.scoring.status is DossierStatus.RECUSED:
            return True
        if editor.unsaveable():
            editor.show_error(self.tr("Give the points first: a justification is saved together with its points."))
            return False
        before, after = editor.saved_state(), editor.local_state()
        if before == after:
            return True
        command = undo.ScoreEdit(self.session, self.scoring.dossier_id, criterion_id, editor.criterion.code,
                                 before, after, undo.Outcome())
        error = undo.push(self.session, command)
        if error is not None:
            editor.show_error(error.message())
            self.problem.emit(error.message())
            return False
        change = self.session.last_change
        editor.mark_saved(after, change.saved_at if change else "")
        return True

    def flush(self) -> list[str]:
        """Save every pending edit; return what could not be saved (e.g. a justification without points)."""
        problems = []
        for editor in self._editors.values():
            if editor.has_pending() and not self.commit(editor.criterion.id):
                problems.append(f"{editor.criterion.code} {editor.criterion.name}")
        return problems

    def discard_pending(self) -> None:
        if self.scoring is not None:
            self._show(self.session.scoring(self.scoring.dossier_id), force=True)

    # --- keyboard ---------------------------------------------------------------------------------
    def _remember_focus(self, criterion_id: str) -> None:
        self._focused = criterion_id
        self._scroll_to(self._editors[criterion_id])

    def _scroll_to(self, editor: CriterionEditor) -> None:
        """Show the criterion's heading when there is room, and always its points and justification whole
        (a card is taller than the panel on a 768-pixel screen: its top alone would cut the justification)."""
        self.scroll.ensureWidgetVisible(editor, 0, 24)
        self.scroll.ensureWidgetVisible(editor.entry, 0, 8)

    def focus_criterion(self, delta: int) -> bool:
        """Move the keyboard to the next (+1) or previous (-1) criterion's points; False at either end."""
        ids = list(self._editors)
        if not ids or self.scoring is None:
            return False
        if self._focused in ids and self._has_focus_inside():  # from where the juror is
            target = ids.index(self._focused) + delta
        else:
            target = 0 if delta > 0 else len(ids) - 1
        if not 0 <= target < len(ids):
            return False
        editor = self._editors[ids[target]]
        editor.focus_points()
        self._scroll_to(editor)
        return True

    def _has_focus_inside(self) -> bool:
        focus = QApplication.focusWidget()
        return focus is not None and self.isAncestorOf(focus)

    def editor(self, criterion_id: str) -> CriterionEditor:
        return self._editors[criterion_id]

    def editors(self) -> list[CriterionEditor]:
        return list(self._editors.values())
