"""The assignment matrix as a Qt table model: dossiers (rows) × jurors (columns), no widget per cell.

The first :data:`DOSSIER_COLUMNS` columns describe the dossier (id, institution, category, jurors
counted of k); one column per juror follows. A cell's state (:class:`CellState`) is looked up when Qt
asks for it, from the dictionaries of :class:`~juror_app.workflows.organizer.assignment.AssignmentMatrix`
(a few hash look-ups per painted cell), so building the model for 2,000 dossiers × 60 jurors is
indexing the problems once, not 120,000 objects. Each state has a symbol (painted in the cell), a word
(its tooltip and accessible text) and soft colours as a second channel only.

:class:`MatrixFilter` shows the rows of one category, of one juror, or only those with a problem.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFontMetrics

from juror_app.domain.assignment import DECISION, LIMIT, Hold, Problem
from juror_app.ui.organizer import style
from juror_app.ui.organizer.icons import warning_icon
from juror_app.workflows.organizer.assignment import AssignmentMatrix, MatrixDossier, MatrixJuror

ID, INSTITUTION, CATEGORY, COUNTED = range(4)
DOSSIER_COLUMNS = 4
STATE_ROLE = Qt.ItemDataRole.UserRole + 20  # a juror cell's CellState, as its value (Qt hands str enums back as str)
JUROR_ROLE = Qt.ItemDataRole.UserRole + 21  # the juror id of a column (header and cells)
DOSSIER_ROLE = Qt.ItemDataRole.UserRole + 22  # the dossier id of a row
PROBLEM_MARK = "!"


class CellState(str, Enum):
    PLANNED = "planned"
    MANUAL = "manual"
    ISSUED = "issued"
    SCORED = "scored"
    RECUSED = "recused"
    BARRED = "barred"  # a known conflict, not assigned
    EXCLUDED = "excluded"  # taken away by hand: later plans do not give it back to this juror
    EMPTY = "empty"

    @property
    def assigned(self) -> bool:
        return self in HELD


HELD = frozenset({CellState.PLANNED, CellState.MANUAL, CellState.ISSUED, CellState.SCORED, CellState.RECUSED})
FROM_HOLD = {Hold.PLANNED: CellState.PLANNED, Hold.MANUAL: CellState.MANUAL, Hold.ISSUED: CellState.ISSUED,
             Hold.SCORED: CellState.SCORED, Hold.RECUSED: CellState.RECUSED}

# (text colour, background, symbol); the word is translated in the model
CELL_LOOK = {
    CellState.PLANNED: (*style.INFO, "●"),
    CellState.MANUAL: (*style.INFO, "◆"),
    CellState.ISSUED: (*style.NEUTRAL, "▣"),
    CellState.SCORED: (*style.GOOD, "✓"),
    CellState.RECUSED: (*style.RECUSED, "⊘"),
    CellState.BARRED: (*style.BAD, "✗"),
    CellState.EXCLUDED: (*style.WARN, "⊖"),
    CellState.EMPTY: ("#4b5563", "", ""),
}
LEFT_BACKGROUND = "#e5e7eb"  # a juror who left: the whole column greyed (and "left" in its header)
LEVEL_LOOK = {"violation": style.BAD, LIMIT: style.WARN, DECISION: style.RECUSED}


class AssignmentModel(QAbstractTableModel):
    """Read-only: edits go through the workflow, then :meth:`set_matrix` with the re-read matrix."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.words = {
            CellState.PLANNED: self.tr("assigned by the plan (not sent yet)"),
            CellState.MANUAL: self.tr("assigned by hand (not sent yet)"),
            CellState.ISSUED: self.tr("issued in a bundle"),
            CellState.SCORED: self.tr("scored"),
            CellState.RECUSED: self.tr("recused (conflict declared by the juror)"),
            CellState.BARRED: self.tr("barred by a known conflict of interest"),
            CellState.EXCLUDED: self.tr("taken away by hand"),
            CellState.EMPTY: self.tr("not assigned"),
        }
        self.short_words = {
            CellState.PLANNED: self.tr("planned"), CellState.MANUAL: self.tr("by hand"),
            CellState.ISSUED: self.tr("issued"), CellState.SCORED: self.tr("scored"),
            CellState.RECUSED: self.tr("recused"), CellState.BARRED: self.tr("conflict"),
            CellState.EXCLUDED: self.tr("taken away"),
        }
        self._headers = (self.tr("Dossier"), self.tr("Institution"), self.tr("Category"), self.tr("Jurors"))
        self._header_tips = (
            self.tr("The dossier's id; a warning sign when one of its constraints is not met"),
            self.tr("The applicant institution"), self.tr("The dossier's category"),
            self.tr("Jurors who count towards the number each dossier needs (recusals do not), of that number"))
        self._left = self.tr("left")
        self._no_bundle = self.tr("no bundle yet")
        self._foreground = {s: QColor(look[0]) for s, look in CELL_LOOK.items()}
        self._background = {s: QColor(look[1]) for s, look in CELL_LOOK.items() if look[1]}
        self._bad = QColor(style.BAD[1])
        self._bad_text = QColor(style.BAD[0])
        self._left_background = QColor(LEFT_BACKGROUND)
        self._warning = warning_icon(style.BAD[0])
        self.matrix: AssignmentMatrix | None = None
        self.jurors: tuple[MatrixJuror, ...] = ()
        self.dossiers: tuple[MatrixDossier, ...] = ()
        self._row_of: dict[str, int] = {}
        self._column_of: dict[str, int] = {}
        self._cell_problems: dict[tuple[str, str], list[Problem]] = {}
        self._dossier_problems: dict[str, list[Problem]] = {}
        self._problem_rows: set[str] = set()
        self._categories: dict[str, str] = {}
        self.header_metrics: tuple[QFontMetrics, int] | None = None  # the header's font and a juror column's text width

    # --- contents ---------------------------------------------------------------------------------
    def set_matrix(self, matrix: AssignmentMatrix, category_names: dict[str, str] | None = None) -> None:
        """Show ``matrix``. The same dossiers and jurors: cells and headers repaint in place (the view keeps
        its scroll position, selection and column widths); otherwise the model is reset."""
        same = (self.matrix is not None and [d.id for d in matrix.dossiers] == [d.id for d in self.dossiers]
                and [j.id for j in matrix.jurors] == [j.id for j in self.jurors])
        if not same:
            self.beginResetModel()
        self.matrix = matrix
        self.jurors, self.dossiers = matrix.jurors, matrix.dossiers
        self._categories = dict(category_names or {})
        self._row_of = {d.id: n for n, d in enumerate(self.dossiers)}
        self._column_of = {j.id: DOSSIER_COLUMNS + n for n, j in enumerate(self.jurors)}
        self._cell_problems, self._dossier_problems = {}, {}
        for problem in matrix.problems:
            if problem.dossier_id and problem.juror_id:
                self._cell_problems.setdefault((problem.juror_id, problem.dossier_id), []).append(problem)
            elif problem.dossier_id:
                self._dossier_problems.setdefault(problem.dossier_id, []).append(problem)
        self._problem_rows = {d for (_, d) in self._cell_problems} | set(self._dossier_problems)
        if same:
            if self.dossiers:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self.dossiers) - 1, self.columnCount() - 1))
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        else:
            self.endResetModel()

    def juror_at(self, column: int) -> MatrixJuror | None:
        n = column - DOSSIER_COLUMNS
        return self.jurors[n] if 0 <= n < len(self.jurors) else None

    def dossier_at(self, row: int) -> MatrixDossier | None:
        return self.dossiers[row] if 0 <= row < len(self.dossiers) else None

    def row_of(self, dossier_id: str) -> int:
        return self._row_of.get(dossier_id, -1)

    def column_of(self, juror_id: str) -> int:
        return self._column_of.get(juror_id, -1)

    def state(self, juror_id: str, dossier_id: str) -> CellState:
        matrix = self.matrix
        if matrix is None:
            return CellState.EMPTY
        pair = (juror_id, dossier_id)
        hold = matrix.cells.get(pair)
        if hold is not None:
            return FROM_HOLD[hold]
        if pair in matrix.conflicts:
            return CellState.BARRED
        if pair in matrix.excluded:
            return CellState.EXCLUDED
        return CellState.EMPTY

    def problems_at(self, juror_id: str, dossier_id: str) -> list[Problem]:
        return self._cell_problems.get((juror_id, dossier_id), [])

    def dossier_problems(self, dossier_id: str) -> list[Problem]:
        """The dossier's own problems and those of its cells."""
        own = list(self._dossier_problems.get(dossier_id, []))
        return own + [p for (_, d), found in self._cell_problems.items() if d == dossier_id for p in found]

    def has_problem(self, dossier_id: str) -> bool:
        return dossier_id in self._problem_rows

    def holds_for(self, juror_id: str, dossier_id: str) -> bool:
        return self.matrix is not None and (juror_id, dossier_id) in self.matrix.cells

    def category_name(self, category_id: str) -> str:
        return self._categories.get(category_id, category_id)

    # --- Qt ---------------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.dossiers)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else DOSSIER_COLUMNS + len(self.jurors)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if section < DOSSIER_COLUMNS:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._header_tips[section]
            return None
        juror = self.juror_at(section)
        if juror is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            surname = juror.name.split()[-1] if juror.name.split() else ""
            if self.header_metrics is not None:  # each line elided on its own (Qt would clip the centred lines)
                metrics, width = self.header_metrics
                surname = metrics.elidedText(surname, Qt.TextElideMode.ElideRight, width)
            last = f"{juror.load} · r{juror.bundle_revision}" if juror.bundle_revision else f"{juror.load}"
            return f"{juror.id}\n{surname}\n{last if juror.available else self._left}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.juror_summary(juror)
        if role == Qt.ItemDataRole.BackgroundRole and not juror.available:
            return self._left_background
        if role == JUROR_ROLE:
            return juror.id
        return None

    def juror_summary(self, juror: MatrixJuror) -> str:
        """Everything the column says about a juror, in full (its header is short)."""
        lines = [f"{juror.id} — {juror.name}", self.tr("Load: %n dossier(s)", "", juror.load)]
        if juror.available:
            lines.append(self.tr("Available"))
        else:
            reason = juror.left_reason.strip()
            lines.append(self.tr("Left the jury: %1").replace("%1", reason) if reason else self.tr("Left the jury"))
        covered = ", ".join(self.category_name(c) for c in juror.categories)
        lines.append(self.tr("Categories covered: %1").replace("%1", covered) if covered
                     else self.tr("Categories covered: none set"))
        lines.append(self.tr("Latest bundle: revision %1").replace("%1", str(juror.bundle_revision))
                     if juror.bundle_revision else self.tr("Latest bundle: %1").replace("%1", self._no_bundle))
        for problem in self.matrix.problems_of(juror_id=juror.id) if self.matrix else ():
            if not problem.dossier_id:
                lines.append(problem.message())
        return "\n".join(lines)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        dossier = self.dossiers[index.row()]
        column = index.column()
        if column < DOSSIER_COLUMNS:
            return self._dossier_data(dossier, column, role)
        juror = self.jurors[column - DOSSIER_COLUMNS]
        if role == JUROR_ROLE:
            return juror.id
        if role == DOSSIER_ROLE:
            return dossier.id
        state = self.state(juror.id, dossier.id)
        if role == STATE_ROLE:
            return state.value
        if role == Qt.ItemDataRole.DisplayRole:
            symbol = CELL_LOOK[state][2]
            return symbol + PROBLEM_MARK if (juror.id, dossier.id) in self._cell_problems else symbol
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.BackgroundRole:
            if (juror.id, dossier.id) in self._cell_problems:
                return self._bad
            if not juror.available:
                return self._left_background
            return self._background.get(state)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._bad_text if (juror.id, dossier.id) in self._cell_problems else self._foreground[state]
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.cell_text(juror, dossier, state)
        return None

    def cell_text(self, juror: MatrixJuror, dossier: MatrixDossier, state: CellState) -> str:
        """The cell in words: its state, why (a conflict's reason, the bundle), and every problem on it."""
        head = f"{juror.id} {juror.name} → {dossier.id} {dossier.institution_name}"
        word = self.words[state]
        if state is CellState.ISSUED and juror.bundle_revision:
            word = self.tr("issued in bundle revision %1").replace("%1", str(juror.bundle_revision))
        lines = [f"{word[:1].upper()}{word[1:]}", head]
        matrix = self.matrix
        pair = (juror.id, dossier.id)
        if matrix is not None and pair in matrix.conflicts:
            reason = matrix.conflict_reasons.get(pair, "").strip()
            if state is CellState.BARRED:
                lines.append(self.tr("Cannot be assigned: a known conflict of interest with this institution."))
            if reason:
                lines.append(self.tr("Conflict: %1").replace("%1", reason))
        elif state is CellState.EXCLUDED:
            lines.append(self.tr("Later plans do not give it back to this juror; assigning it by hand lifts that."))
        if not juror.available:
            lines.append(self.tr("This juror left the jury."))
        lines += [p.message() for p in self._cell_problems.get(pair, ())]
        return "\n".join(lines)

    def _dossier_data(self, dossier: MatrixDossier, column: int, role: int) -> Any:
        if role == DOSSIER_ROLE:
            return dossier.id
        k = self.matrix.per_dossier if self.matrix else None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == ID:
                return dossier.id
            if column == INSTITUTION:
                return dossier.institution_name or dossier.institution_id
            if column == CATEGORY:
                return dossier.category_name
            if k is None:
                return str(dossier.jurors)
            mark = " ▼" if dossier.jurors < k else " ▲" if dossier.jurors > k else ""
            return f"{dossier.jurors}/{k}{mark}"
        if role == Qt.ItemDataRole.DecorationRole and column == ID and self.has_problem(dossier.id):
            return self._warning
        if role == Qt.ItemDataRole.ForegroundRole and column == COUNTED and k is not None and dossier.jurors != k:
            return self._bad_text
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COUNTED:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"{dossier.id} — {dossier.institution_name}", dossier.category_name]
            if k is not None:
                lines.append(self.tr("%1 of %2 jurors counted").replace("%1", str(dossier.jurors)).replace("%2", str(k)))
            lines += [p.message() for p in self.dossier_problems(dossier.id)]
            return "\n".join(lines)
        return None


class MatrixFilter(QSortFilterProxyModel):
    """Rows of one category, held by one juror, or with a problem (any combination); columns all kept."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.category_name = ""
        self.juror_id = ""
        self.problems_only = False

    def configure(self, *, category_name: str | None = None, juror_id: str | None = None,
                  problems_only: bool | None = None) -> None:
        self.beginFilterChange()
        if category_name is not None:
            self.category_name = category_name
        if juror_id is not None:
            self.juror_id = juror_id
        if problems_only is not None:
            self.problems_only = problems_only
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def active(self) -> bool:
        return bool(self.category_name or self.juror_id or self.problems_only)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        dossier = model.dossier_at(source_row)
        if dossier is None:
            return False
        if self.category_name and dossier.category_name != self.category_name:
            return False
        if self.juror_id and not model.holds_for(self.juror_id, dossier.id):
            return False
        if self.problems_only and not model.has_problem(dossier.id):
            return False
        return True
