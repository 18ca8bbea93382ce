"""The panels under the assignment matrix: every problem named (select one to go to its cell), the loads,
and the juror of the current column with what can be changed about them.

Both are views of the matrix the screen read; they write nothing themselves: the juror panel's
buttons ask the screen (``categories_requested``, ``left_requested``, ``returned_requested``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from juror_app.domain.assignment import Problem
from juror_app.ui.organizer.labels import heading
from juror_app.ui.organizer.setup.assignment_model import AssignmentModel
from juror_app.ui.organizer.setup.assignment_plan_dialog import level_words, problem_item
from juror_app.workflows.organizer.assignment import AssignmentMatrix, MatrixJuror

PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 30  # (dossier id, juror id) of a problem entry


class ProblemsPanel(QWidget):
    """The loads in one line, then every violated constraint, limit and waiting decision."""

    problem_chosen = Signal(str, str)  # dossier id, juror id (either may be "")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = heading()
        self.loads = QLabel()
        self.loads.setObjectName("assignmentLoads")
        self.loads.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("assignmentProblems")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.currentItemChanged.connect(self._chosen)
        self.list.itemActivated.connect(self._chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.loads)
        layout.addWidget(self.list, 1)

    def show_matrix(self, matrix: AssignmentMatrix) -> None:
        self.loads.setText(self._loads_text(matrix))
        self.list.blockSignals(True)
        self.list.clear()
        words = level_words()
        for problem in matrix.problems:
            item = problem_item(problem, words)
            item.setData(PROBLEM_ROLE, (problem.dossier_id, problem.juror_id))
            self.list.addItem(item)
        self.list.blockSignals(False)
        count = len(matrix.problems)
        if matrix.per_dossier is None:
            self.title.setText(self.tr("Problems"))
        elif count:
            self.title.setText(self.tr("Problems: %n", "", count))
        else:
            self.title.setText(self.tr("Problems: none, every constraint is met"))

    def _loads_text(self, matrix: AssignmentMatrix) -> str:
        available = [j for j in matrix.jurors if j.available]
        left = len(matrix.jurors) - len(available)
        if matrix.per_dossier is None:
            return self.tr("How many jurors score each dossier has not been set yet: make a plan (Plan…).")
        loads = [j.load for j in available]
        text = self.tr("Loads: %1–%2 dossiers per available juror; %3 per dossier; %4 dossiers, %5 jurors available")
        text = (text.replace("%1", str(min(loads, default=0))).replace("%2", str(max(loads, default=0)))
                .replace("%3", str(matrix.per_dossier)).replace("%4", str(len(matrix.dossiers)))
                .replace("%5", str(len(available))))
        if left:
            text += self.tr(", %n left", "", left)
        return text + "."

    def _chosen(self, item, *_args) -> None:
        if item is None:
            return
        dossier_id, juror_id = item.data(PROBLEM_ROLE) or ("", "")
        self.problem_chosen.emit(dossier_id or "", juror_id or "")

    def problems(self) -> list[str]:
        return [self.list.item(n).text() for n in range(self.list.count())]


class JurorPanel(QWidget):
    """The juror of the current column: everything its header abbreviates, and the buttons to change it."""

    categories_requested = Signal(str)
    left_requested = Signal(str)
    returned_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.juror: MatrixJuror | None = None
        self.title = heading(self.tr("Juror"))
        self.details = QLabel(self.tr("Choose a cell or a column to see its juror here."))
        self.details.setObjectName("jurorDetails")
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.categories_button = QPushButton(self.tr("Categories…"))
        self.left_button = QPushButton(self.tr("Left the jury…"))
        self.returned_button = QPushButton(self.tr("Returned"))
        for button in (self.categories_button, self.left_button, self.returned_button):
            button.setEnabled(False)
        self.categories_button.clicked.connect(lambda: self.juror and self.categories_requested.emit(self.juror.id))
        self.left_button.clicked.connect(lambda: self.juror and self.left_requested.emit(self.juror.id))
        self.returned_button.clicked.connect(lambda: self.juror and self.returned_requested.emit(self.juror.id))
        buttons = QHBoxLayout()
        buttons.addWidget(self.categories_button)
        buttons.addWidget(self.left_button)
        buttons.addWidget(self.returned_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.details, 1)
        layout.addLayout(buttons)

    def show_juror(self, juror: MatrixJuror | None, model: AssignmentModel) -> None:
        self.juror = juror
        if juror is None:
            self.details.setText(self.tr("Choose a cell or a column to see its juror here."))
        else:
            self.details.setText(model.juror_summary(juror))
        self.categories_button.setEnabled(juror is not None)
        self.left_button.setEnabled(juror is not None and juror.available)
        self.returned_button.setEnabled(juror is not None and not juror.available)
        self.left_button.setVisible(juror is None or juror.available)
        self.returned_button.setVisible(juror is not None and not juror.available)


def problem_at(problems: tuple[Problem, ...], dossier_id: str, juror_id: str) -> Problem | None:
    return next((p for p in problems if p.dossier_id == dossier_id and p.juror_id == juror_id), None)
