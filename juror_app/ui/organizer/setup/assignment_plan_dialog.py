"""Plan…: the organizer's rules (k, seed, coverage) → a preview of the plan → Apply or Cancel.

The preview is the workflow's :class:`~juror_app.workflows.organizer.assignment.AssignmentPreview`:
what is kept, added and released, each juror's load before and after, every constraint the plan cannot
meet and the decisions waiting for the organizer. Nothing is written before Apply, which runs off the
GUI thread on its own connection. A plan that leaves a constraint unmet is written only when the
organizer ticks the box that names what stays unmet; a preview that another change made stale is
refused by the workflow, and its message shown here (preview again).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from juror_app.domain.assignment import DECISION, LIMIT, Problem
from juror_app.domain.errors import UserError
from juror_app.ui.common.task_dialog import run_with_progress
from juror_app.ui.organizer import style
from juror_app.ui.organizer.decision_dialogs import remember_person, remembered_person
from juror_app.ui.organizer.icons import warning_icon
from juror_app.ui.organizer.session import OrganizerSession
from juror_app.ui.organizer.setup.assignment_model import LEVEL_LOOK
from juror_app.ui.organizer.table_model import RIGHT, Column, RowTableModel, fit_columns, sorted_view
from juror_app.workflows.organizer.assignment import (
    AppliedAssignment,
    AssignmentMatrix,
    AssignmentPreview,
    apply_assignment,
    assignment_rules,
    plan_assignment,
)

MAX_NAMED = 10  # dossiers named in the partial-plan box; the rest are counted


@dataclass(frozen=True)
class LoadRow:
    juror_id: str
    name: str
    before: int
    after: int | None  # None: the juror left (no load in the plan)


@dataclass(frozen=True)
class PairRow:
    juror_id: str
    name: str
    dossier_id: str
    institution: str
    why: str = ""


def problem_item(problem: Problem, words: dict[str, str]) -> QListWidgetItem:
    """A list entry for a problem: its level in words, the whole sentence, an icon in the level's colour."""
    item = QListWidgetItem(f"{words[problem.level]}: {problem.message()}")
    item.setIcon(warning_icon(LEVEL_LOOK.get(problem.level, style.BAD)[0]))
    item.setToolTip(problem.message())
    return item


def level_words() -> dict[str, str]:
    """How serious a problem is, in words (the list's icon colour says it a second time)."""
    translate = QCoreApplication.translate
    return {"violation": translate("AssignmentProblems", "Not met"), LIMIT: translate("AssignmentProblems", "Limit"),
            DECISION: translate("AssignmentProblems", "Your decision")}


class PlanDialog(QDialog):
    def __init__(self, session: OrganizerSession, matrix: AssignmentMatrix, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.matrix = matrix
        self.preview: AssignmentPreview | None = None
        self.applied: AppliedAssignment | None = None
        self._made_with: tuple[int, int, bool] | None = None
        self.setWindowTitle(self.tr("Plan the assignment"))
        available = sum(1 for j in matrix.jurors if j.available)
        rules = assignment_rules(session.db)

        intro = QLabel(self.tr(
            "The plan keeps every assignment already sent in a bundle, scored or recused, and fills only what is "
            "missing: new dossiers, a recusal, the work of a juror who left. Nothing is written until you apply it."))
        intro.setWordWrap(True)
        self.per_dossier = QSpinBox()
        self.per_dossier.setRange(1, max(1, available))
        self.per_dossier.setValue(min(max(1, available), rules.per_dossier if rules else min(3, max(1, available))))
        self.seed = QSpinBox()
        self.seed.setRange(0, 2_147_483_647)
        self.seed.setValue(rules.seed if rules else 0)
        self.seed.setToolTip(self.tr("The same seed and the same edition give the same plan; it only breaks ties."))
        self.only_covering = QCheckBox(self.tr("Only jurors who cover the dossier's category"))
        self.only_covering.setChecked(bool(rules and rules.only_covering_jurors))
        self.person = QLineEdit(remembered_person())
        for field, width in ((self.per_dossier, 120), (self.seed, 160), (self.person, 320)):
            field.setMaximumWidth(width)
        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.setDefault(True)
        form = QFormLayout()
        form.addRow(self.tr("Jurors per dossier:"), self.per_dossier)
        form.addRow(self.tr("Seed:"), self.seed)
        form.addRow("", self.only_covering)
        form.addRow(self.tr("Name:"), self.person)
        top = QHBoxLayout()
        top.addLayout(form, 1)
        top.addWidget(self.preview_button)

        self.summary = QLabel(self.tr("Choose the rules and press Preview."))
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.tabs = QTabWidget()
        self.added_model: RowTableModel[PairRow] = RowTableModel(self._pair_columns(with_why=False))
        self.added_view, _ = sorted_view(self.added_model, stretch_last=True)
        self.released_model: RowTableModel[PairRow] = RowTableModel(self._pair_columns(with_why=True))
        self.released_view, _ = sorted_view(self.released_model, stretch_last=True)
        self.loads_model: RowTableModel[LoadRow] = RowTableModel(self._load_columns())
        self.loads_view, _ = sorted_view(self.loads_model, stretch_last=True)
        self.problems = QListWidget()
        self.decisions = QListWidget()
        for listing in (self.problems, self.decisions):
            listing.setWordWrap(True)
        for view, name in ((self.added_view, "added"), (self.released_view, "released"), (self.loads_view, "loads"),
                           (self.problems, "problems"), (self.decisions, "decisions")):
            view.setObjectName(name)
            self.tabs.addTab(view, "")
        self._tab_titles(None)
        self.partial = QCheckBox()
        self.partial.setObjectName("allowPartial")
        self.partial.hide()
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.partial)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self.preview_button.clicked.connect(self.make_preview)
        self.apply_button.clicked.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        self.partial.toggled.connect(lambda _checked: self._update_apply())
        for changed in (self.per_dossier.valueChanged, self.seed.valueChanged, self.only_covering.toggled):
            changed.connect(lambda *_: self._update_apply())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(900, 640)

    # --- columns ---------------------------------------------------------------------------------
    def _pair_columns(self, *, with_why: bool) -> list[Column[PairRow]]:
        columns = [Column(self.tr("Juror"), lambda r: r.juror_id), Column(self.tr("Name"), lambda r: r.name),
                   Column(self.tr("Dossier"), lambda r: r.dossier_id),
                   Column(self.tr("Institution"), lambda r: r.institution, tooltip=lambda r: r.institution)]
        if with_why:
            columns.append(Column(self.tr("Why"), lambda r: r.why, tooltip=lambda r: r.why))
        return columns

    def _load_columns(self) -> list[Column[LoadRow]]:
        left = self.tr("left the jury")
        return [Column(self.tr("Juror"), lambda r: r.juror_id), Column(self.tr("Name"), lambda r: r.name),
                Column(self.tr("Now"), lambda r: str(r.before), sort=lambda r: r.before, align=RIGHT),
                Column(self.tr("After the plan"), lambda r: left if r.after is None else str(r.after),
                       sort=lambda r: -1 if r.after is None else r.after, align=RIGHT),
                Column(self.tr("Change"), lambda r: "" if r.after is None else f"{r.after - r.before:+d}",
                       sort=lambda r: 0 if r.after is None else r.after - r.before, align=RIGHT)]

    def _tab_titles(self, preview: AssignmentPreview | None) -> None:
        counts = (len(preview.added), len(preview.released), None, len(preview.violations) + len(preview.limits),
                  len(preview.decisions)) if preview else (0, 0, None, 0, 0)
        titles = (self.tr("Added (%1)"), self.tr("Released (%1)"), self.tr("Loads"), self.tr("Problems (%1)"),
                  self.tr("Decisions (%1)"))
        for n, (title, count) in enumerate(zip(titles, counts)):
            self.tabs.setTabText(n, title.replace("%1", str(count)) if count is not None else title)

    # --- preview -----------------------------------------------------------------------------------
    def inputs(self) -> tuple[int, int, bool]:
        return self.per_dossier.value(), self.seed.value(), self.only_covering.isChecked()

    def make_preview(self) -> None:
        k, seed, covering = self.inputs()
        open_db = self.session.open_db

        def work(_progress, _cancelled) -> AssignmentPreview:
            db = open_db()
            try:
                return plan_assignment(db, per_dossier=k, seed=seed, only_covering=covering)
            finally:
                db.close()

        self.error.hide()
        try:
            preview = run_with_progress(self, self.tr("Plan the assignment"), self.tr("Planning…"), work,
                                        cancellable=False)
        except UserError as refused:
            self.show_preview(None)
            self.show_error(refused.message())
            return
        self._made_with = (k, seed, covering)
        self.show_preview(preview)

    def show_preview(self, preview: AssignmentPreview | None) -> None:
        self.preview = preview
        self._tab_titles(preview)
        self.problems.clear()
        self.decisions.clear()
        if preview is None:
            self._made_with = None
            self.summary.setText(self.tr("Choose the rules and press Preview."))
            for model in (self.added_model, self.released_model, self.loads_model):
                model.set_rows([])
            self.partial.hide()
            self._update_apply()
            return
        names = preview.juror_names
        institutions = {d.id: d.institution_name for d in self.matrix.dossiers}
        self.added_model.set_rows([PairRow(a.juror_id, names.get(a.juror_id, ""), a.dossier_id,
                                           institutions.get(a.dossier_id, "")) for a in preview.added])
        self.released_model.set_rows([PairRow(r.juror_id, names.get(r.juror_id, ""), r.dossier_id,
                                              institutions.get(r.dossier_id, ""), r.describe().split(": ", 1)[-1])
                                      for r in preview.released])
        self.loads_model.set_rows([LoadRow(j.id, j.name, j.load, preview.load.get(j.id)) for j in self.matrix.jurors])
        for view in (self.added_view, self.released_view, self.loads_view):
            fit_columns(view, max_width=260)
        words = level_words()
        for problem in (*preview.violations, *preview.limits):
            self.problems.addItem(problem_item(problem, words))
        for problem in preview.decisions:
            self.decisions.addItem(problem_item(problem, words))
        self.summary.setText(self._summary(preview))
        unmet = [p for p in preview.violations]
        if unmet:
            dossiers = sorted({p.dossier_id for p in unmet if p.dossier_id})
            named = ", ".join(dossiers[:MAX_NAMED]) + (f" (+{len(dossiers) - MAX_NAMED})" if len(dossiers) > MAX_NAMED else "")
            text = self.tr("Save the partial plan anyway: %n constraint(s) stay unmet", "", len(unmet))
            if named:
                text += " — " + self.tr("dossiers: %1").replace("%1", named)
            self.partial.setText(text)
            self.partial.setChecked(False)
            self.partial.show()
            self.tabs.setCurrentWidget(self.problems)
        else:
            self.partial.setChecked(False)
            self.partial.hide()
            self.tabs.setCurrentWidget(self.added_view)
        self._update_apply()

    def _summary(self, preview: AssignmentPreview) -> str:
        parts = [self.tr("Kept %1, added %2, released %3.").replace("%1", str(len(preview.kept)))
                 .replace("%2", str(len(preview.added))).replace("%3", str(len(preview.released))),
                 self.tr("Loads after the plan: %1–%2 dossiers per juror.").replace("%1", str(preview.min_load))
                 .replace("%2", str(preview.max_load))]
        if preview.touched_jurors:
            parts.append(self.tr("%n juror(s) will need a new bundle revision.", "", len(preview.touched_jurors)))
        if not preview.changes:
            parts.append(self.tr("Nothing to change; applying saves the rules."))
        if preview.violations:
            parts.append(self.tr("%n constraint(s) cannot be met: see Problems.", "", len(preview.violations)))
        else:
            parts.append(self.tr("Every constraint is met."))
        if preview.decisions:
            parts.append(self.tr("%n decision(s) wait for you: see Decisions.", "", len(preview.decisions)))
        return " ".join(parts)

    def _update_apply(self) -> None:
        preview = self.preview
        current = preview is not None and self._made_with == self.inputs()
        allowed = current and (preview.complete or self.partial.isChecked())
        self.apply_button.setEnabled(bool(allowed))
        if preview is not None and not current:
            self.apply_button.setToolTip(self.tr("The rules changed since the preview: press Preview again."))
        elif preview is not None and not preview.complete and not self.partial.isChecked():
            self.apply_button.setToolTip(self.tr("Some constraints stay unmet: tick the box to save the partial plan."))
        else:
            self.apply_button.setToolTip("")

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    # --- apply ---------------------------------------------------------------------------------------
    def apply(self) -> None:
        preview = self.preview
        if preview is None or not self.apply_button.isEnabled():
            return
        allow_partial = not self.partial.isHidden() and self.partial.isChecked()
        person = self.person.text().strip()
        open_db = self.session.open_db

        def work(_progress, _cancelled) -> AppliedAssignment:
            db = open_db()
            try:
                return apply_assignment(db, preview, allow_partial=allow_partial, by=person)
            finally:
                db.close()

        try:
            self.applied = run_with_progress(self, self.tr("Plan the assignment"), self.tr("Saving the plan…"), work,
                                             cancellable=False)
        except UserError as refused:
            self.show_preview(None)
            self.show_error(refused.message())
            return
        if person:
            remember_person(person)
        self.accept()
