"""The assignment step: the matrix of dossiers × jurors, edited by hand or planned, every problem named.

What the organizer does here, and which workflow does it (``workflows/organizer/assignment.py``):

- **Plan…** (:class:`PlanDialog`): k, seed and coverage → a preview → Apply off the GUI thread;
- **toggle a cell** (double-click, Space, or the context menu) → ``set_assignment``. Taking away an
  assignment that went out in a bundle, or one the juror already scored or recused, asks for an explicit
  confirmation and a reason (:class:`ReleaseDialog`); a barred cell (a known conflict) and a juror who
  left are refused by the workflow, and its message is shown; nothing is changed then;
- **a juror's column** (its header's context menu, or the panel under the matrix): the categories the
  juror covers (``set_juror_categories``), left the jury / returned (``mark_juror_left`` / ``returned``);
- **the problems list** (``AssignmentMatrix.problems``): select one to go to its dossier and juror.

After every change the matrix is read again (in place: the view keeps its scroll position) and
``notify_changed()`` tells the window, whose bundles screen then shows who needs a new revision.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QWidget,
)

from juror_app.domain.errors import UserError
from juror_app.domain.model import Category
from juror_app.ui.common.errors import show_user_error
from juror_app.ui.organizer.category_filter import CategoryCombo
from juror_app.ui.organizer.decision_dialogs import remembered_person
from juror_app.ui.organizer.setup.assignment_dialogs import CategoriesDialog, LeftDialog, ReleaseDialog
from juror_app.ui.organizer.setup.assignment_model import (
    CELL_LOOK,
    COUNTED,
    DOSSIER_COLUMNS,
    PROBLEM_MARK,
    AssignmentModel,
    CellState,
    MatrixFilter,
)
from juror_app.ui.organizer.setup.assignment_panels import JurorPanel, ProblemsPanel
from juror_app.ui.organizer.setup.assignment_plan_dialog import PlanDialog
from juror_app.ui.organizer.setup.assignment_view import JUROR_WIDTH, FrozenColumnsView
from juror_app.ui.organizer.setup.base import SetupScreen
from juror_app.workflows.organizer import assignment as workflow
from juror_app.workflows.organizer.assignment import AssignmentEdit, AssignmentMatrix, MatrixDossier, MatrixJuror
from juror_app.workflows.organizer.institutions import categories_of
from juror_app.workflows.organizer.progress import Step


class AssignmentScreen(SetupScreen):
    step = Step.ASSIGNMENT

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.matrix: AssignmentMatrix | None = None
        self.categories: tuple[Category, ...] = ()
        self.model = AssignmentModel(self)
        self.proxy = MatrixFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view = FrozenColumnsView(DOSSIER_COLUMNS)
        self.view.setObjectName("assignmentMatrix")
        self.view.setModel(self.proxy)
        self.model.header_metrics = (self.view.horizontalHeader().fontMetrics(), JUROR_WIDTH - 8)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.horizontalHeader().setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

        self.plan_button = QPushButton(self.tr("Plan…"))
        self.plan_button.setToolTip(self.tr("Plan the assignment: preview what is kept, added and released, then apply"))
        self.category = CategoryCombo()
        self.juror = QComboBox()
        self.juror.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.juror.setMinimumContentsLength(18)
        self.problems_only = QCheckBox(self.tr("Only dossiers with problems"))
        self.shown = QLabel()
        self.shown.setObjectName("muted")
        tools = QHBoxLayout()
        tools.addWidget(self.plan_button)
        tools.addSpacing(12)
        tools.addWidget(QLabel(self.tr("Category:")))
        tools.addWidget(self.category)
        tools.addWidget(QLabel(self.tr("Juror:")))
        tools.addWidget(self.juror)
        tools.addWidget(self.problems_only)
        tools.addStretch(1)
        tools.addWidget(self.shown)
        self.legend = QLabel(self._legend())
        self.legend.setObjectName("muted")
        self.legend.setWordWrap(True)
        self.last_change = QLabel()
        self.last_change.setObjectName("note")
        self.last_change.setWordWrap(True)
        self.last_change.hide()

        self.problems = ProblemsPanel()
        self.juror_panel = JurorPanel()
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(self.problems)
        bottom.addWidget(self.juror_panel)
        bottom.setStretchFactor(0, 3)
        bottom.setStretchFactor(1, 1)
        bottom.setChildrenCollapsible(False)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.body.addLayout(tools)
        self.body.addWidget(self.legend)
        self.body.addWidget(self.last_change)
        self.body.addWidget(self.splitter, 1)

        self.plan_button.clicked.connect(self.open_plan)
        self.category.currentIndexChanged.connect(lambda _i: self._filter(category_name=self.category.chosen()))
        self.juror.currentIndexChanged.connect(lambda _i: self._filter(juror_id=str(self.juror.currentData() or "")))
        self.problems_only.toggled.connect(lambda on: self._filter(problems_only=on))
        self.view.toggle_requested.connect(self.toggle)
        self.view.customContextMenuRequested.connect(self._cell_menu)
        self.view.horizontalHeader().customContextMenuRequested.connect(self._header_menu)
        self.view.selectionModel().currentChanged.connect(lambda current, _previous: self._show_juror_of(current))
        self.problems.problem_chosen.connect(self.go_to)
        self.juror_panel.categories_requested.connect(self.edit_categories)
        self.juror_panel.left_requested.connect(self.mark_left)
        self.juror_panel.returned_requested.connect(self.mark_returned)
        self.reload()

    # --- reading ----------------------------------------------------------------------------------
    def reload(self) -> None:
        super().reload()
        db = self.session.db
        try:
            self.categories = categories_of(db)
        except UserError:
            self.categories = ()
        self.matrix = workflow.assignment_matrix(db)
        self.model.set_matrix(self.matrix, {c.id: c.name for c in self.categories})
        self.category.fill(self.categories)
        self._fill_jurors(self.matrix.jurors)
        self.problems.show_matrix(self.matrix)
        self._show_juror_of(self.view.currentIndex())
        self._count_shown()

    def _fill_jurors(self, jurors: tuple[MatrixJuror, ...]) -> None:
        current = self.juror.currentData()
        self.juror.blockSignals(True)
        self.juror.clear()
        self.juror.addItem(self.tr("All jurors"), "")
        for juror in jurors:
            self.juror.addItem(f"{juror.id} {juror.name}", juror.id)
        index = self.juror.findData(current) if current else 0
        self.juror.setCurrentIndex(max(0, index))
        self.juror.blockSignals(False)
        if current and index < 0:
            self._filter(juror_id="")

    def _legend(self) -> str:
        words = self.model.short_words
        parts = [f"{CELL_LOOK[s][2]} {words[s]}" for s in CELL_LOOK if s is not CellState.EMPTY]
        unmet = self.tr("a constraint is not met")
        parts.append(f"{PROBLEM_MARK} {unmet}")
        return "   ".join(parts)

    def _filter(self, **settings) -> None:
        self.proxy.configure(**settings)
        self._count_shown()
        if "juror_id" in settings:
            self._show_juror_of(self.view.currentIndex())

    def _count_shown(self) -> None:
        self.shown.setText(self.tr("%1 of %2 dossiers shown").replace("%1", str(self.proxy.rowCount()))
                           .replace("%2", str(self.model.rowCount())))

    def cell_at(self, index: QModelIndex) -> tuple[MatrixJuror | None, MatrixDossier | None]:
        """The juror and dossier of a view (proxy) index."""
        source = self.proxy.mapToSource(index)
        return self.model.juror_at(source.column()), self.model.dossier_at(source.row())

    def index_of(self, dossier_id: str, juror_id: str = "") -> QModelIndex:
        """The view's index of a cell (the dossier's "jurors" cell without a juror); invalid if not shown."""
        row = self.model.row_of(dossier_id)
        column = self.model.column_of(juror_id) if juror_id else COUNTED
        if row < 0 or column < 0:
            return QModelIndex()
        return self.proxy.mapFromSource(self.model.index(row, column))

    def go_to(self, dossier_id: str, juror_id: str = "") -> None:
        """Show a problem's cell: filters that hide its row are cleared first."""
        if not dossier_id:
            if juror_id:
                column = self.model.column_of(juror_id)
                if column >= 0 and self.proxy.rowCount():
                    self.view.go_to(self.proxy.index(0, column))
            return
        index = self.index_of(dossier_id, juror_id)
        if not index.isValid() and self.model.row_of(dossier_id) >= 0:
            for widget in (self.category, self.juror):
                widget.blockSignals(True)
                widget.setCurrentIndex(0)
                widget.blockSignals(False)
            self.category.setToolTip(self.category.currentText())
            self._filter(category_name="", juror_id="")
            index = self.index_of(dossier_id, juror_id)
        self.view.go_to(index)
        self.view.setFocus()

    def _show_juror_of(self, index: QModelIndex) -> None:
        juror, _ = self.cell_at(index) if index.isValid() else (None, None)
        if juror is None and self.juror.currentData():
            column = self.model.column_of(str(self.juror.currentData()))
            juror = self.model.juror_at(column)
        self.juror_panel.show_juror(juror, self.model)

    # --- changing -------------------------------------------------------------------------------------
    def _change(self, action: Callable, *args, **kwargs):
        """Run a workflow change on the session's connection, then re-read and tell the window."""
        result = self.session.change(action, *args, **kwargs)
        self.reload()
        self.notify_changed()
        return result

    def _try(self, action: Callable, *args, **kwargs):
        """:meth:`_change`, with a refusal shown in a message box (nothing was changed then)."""
        try:
            return self._change(action, *args, **kwargs)
        except UserError as refused:
            show_user_error(self, refused, self.tr("Not changed"))
            return None

    def toggle(self, index: QModelIndex) -> None:
        """Assign the cell's dossier to its juror, or take it away (with a confirmation where work is at stake)."""
        juror, dossier = self.cell_at(index)
        if juror is None or dossier is None:
            return
        state = self.model.state(juror.id, dossier.id)
        if state.assigned:
            self.take_away(juror, dossier, state)
        else:
            self.assign(juror, dossier)

    def assign(self, juror: MatrixJuror, dossier: MatrixDossier) -> None:
        edit = self._try(workflow.set_assignment, juror.id, dossier.id, True, by=remembered_person())
        if edit is not None:
            self._say(edit, self.tr("%1 assigned to %2 by hand.").replace("%1", dossier.id).replace("%2", juror.id))

    def take_away(self, juror: MatrixJuror, dossier: MatrixDossier, state: CellState) -> None:
        pair = f"{juror.id} {juror.name} → {dossier.id}"
        if state in (CellState.PLANNED, CellState.MANUAL):
            edit = self._try(workflow.set_assignment, juror.id, dossier.id, False, by=remembered_person())
        else:
            edit = self._confirm_release(juror, dossier, state, pair)
        if edit is not None:
            self._say(edit, self.tr("%1 taken away from %2.").replace("%1", dossier.id).replace("%2", juror.id))

    def _confirm_release(self, juror: MatrixJuror, dossier: MatrixDossier, state: CellState,
                         pair: str) -> AssignmentEdit | None:
        scored = state in (CellState.SCORED, CellState.RECUSED)
        if state is CellState.SCORED:
            explanation = self.tr(
                "%1: the juror's merged package holds work on this dossier (scores, a status or a nomination). Taking "
                "the dossier away deletes that work from the edition database; the packages stay as evidence. The "
                "juror's bundle becomes out of date, and a later plan gives the dossier to someone else.")
            confirmation = self.tr("I confirm: take the dossier away and delete the juror's work on it")
        elif state is CellState.RECUSED:
            explanation = self.tr(
                "%1: the juror declared a conflict of interest with this dossier. Taking the assignment away deletes "
                "that declaration from the edition database (the package stays as evidence).")
            confirmation = self.tr("I confirm: take the assignment away and delete the recusal")
        else:
            explanation = self.tr(
                "%1: the dossier went out in the juror's bundle (revision %2). Taking it away makes that bundle out of "
                "date: issue a new revision so the juror's app drops it. A later plan does not give it back to this "
                "juror.").replace("%2", str(juror.bundle_revision or ""))
            confirmation = self.tr("I confirm: take the sent dossier away from the juror")
        done: list[AssignmentEdit] = []

        def release(reason: str, person: str) -> None:
            done.append(self._change(workflow.set_assignment, juror.id, dossier.id, False,
                                     confirm_scored=scored, reason=reason, by=person))

        dialog = ReleaseDialog(explanation.replace("%1", pair), confirmation, release, scored=scored, parent=self)
        dialog.exec()
        return done[0] if done else None

    def _say(self, edit: AssignmentEdit, text: str) -> None:
        if edit.reissue:
            text += " " + self.tr("%1 needs a new bundle revision.").replace("%1", edit.reissue)
        removed = sum(edit.removed.values())
        if removed:
            text += " " + self.tr("%n row(s) of merged work removed.", "", removed)
        self.last_change.setText(text)
        self.last_change.show()

    # --- the jurors --------------------------------------------------------------------------------------
    def _juror(self, juror_id: str) -> MatrixJuror | None:
        return self.model.juror_at(self.model.column_of(juror_id))

    def edit_categories(self, juror_id: str) -> None:
        juror = self._juror(juror_id)
        if juror is None:
            return
        dialog = CategoriesDialog(f"{juror.id} {juror.name}", self.categories, juror.categories,
                                  lambda chosen: self._change(workflow.set_juror_categories, juror.id, chosen),
                                  parent=self)
        dialog.exec()

    def mark_left(self, juror_id: str) -> None:
        juror = self._juror(juror_id)
        if juror is None:
            return
        dialog = LeftDialog(f"{juror.id} {juror.name}", lambda reason, person: self._change(
            workflow.mark_juror_left, juror.id, reason, by=person), parent=self)
        dialog.exec()

    def mark_returned(self, juror_id: str) -> None:
        juror = self._juror(juror_id)
        if juror is None:
            return
        answer = QMessageBox.question(self, self.tr("Returned to the jury"), self.tr(
            "%1 is available again and the next plan may give them dossiers. Assignments released while they were "
            "away are not given back.").replace("%1", f"{juror.id} {juror.name}"))
        if answer == QMessageBox.StandardButton.Yes:
            self._try(workflow.mark_juror_returned, juror.id, by=remembered_person())

    # --- menus and the plan -----------------------------------------------------------------------------
    def _juror_actions(self, menu: QMenu, juror: MatrixJuror) -> None:
        menu.addAction(self.tr("Categories covered by %1…").replace("%1", juror.id), lambda: self.edit_categories(juror.id))
        if juror.available:
            menu.addAction(self.tr("%1 left the jury…").replace("%1", juror.id), lambda: self.mark_left(juror.id))
        else:
            menu.addAction(self.tr("%1 returned to the jury").replace("%1", juror.id), lambda: self.mark_returned(juror.id))
        menu.addAction(self.tr("Show only the dossiers of %1").replace("%1", juror.id),
                       lambda: self.juror.setCurrentIndex(max(0, self.juror.findData(juror.id))))

    def _header_menu(self, position: QPoint) -> None:
        juror = self.model.juror_at(self.view.horizontalHeader().logicalIndexAt(position.x()))
        if juror is None:
            return
        menu = QMenu(self)
        self._juror_actions(menu, juror)
        menu.exec(self.view.horizontalHeader().mapToGlobal(position))

    def cell_menu(self, index: QModelIndex) -> QMenu | None:
        """The context menu of a juror's cell (built, not shown: the tests read it too)."""
        juror, dossier = self.cell_at(index)
        if juror is None or dossier is None:
            return None
        state = self.model.state(juror.id, dossier.id)
        menu = QMenu(self)
        if state.assigned:
            dots = "…" if state in (CellState.ISSUED, CellState.SCORED, CellState.RECUSED) else ""
            menu.addAction(self.tr("Take %1 away from %2").replace("%1", dossier.id).replace("%2", juror.id) + dots,
                           lambda: self.take_away(juror, dossier, state))
        else:
            menu.addAction(self.tr("Assign %1 to %2").replace("%1", dossier.id).replace("%2", juror.id),
                           lambda: self.assign(juror, dossier))
        menu.addSeparator()
        self._juror_actions(menu, juror)
        return menu

    def _cell_menu(self, position: QPoint) -> None:
        menu = self.cell_menu(self.view.indexAt(position))
        if menu is not None:
            menu.exec(self.view.viewport().mapToGlobal(position))

    def open_plan(self) -> None:
        if self.matrix is None:
            return
        dialog = PlanDialog(self.session, self.matrix, parent=self)
        if dialog.exec() and dialog.applied is not None:
            applied = dialog.applied.preview
            self.session.refresh()
            self.reload()
            self.notify_changed()
            text = self.tr("Plan saved: kept %1, added %2, released %3.").replace("%1", str(len(applied.kept))) \
                .replace("%2", str(len(applied.added))).replace("%3", str(len(applied.released)))
            if applied.touched_jurors:
                text += " " + self.tr("New bundle revisions needed for: %1.").replace("%1", ", ".join(applied.touched_jurors))
            self.last_change.setText(text)
            self.last_change.show()
