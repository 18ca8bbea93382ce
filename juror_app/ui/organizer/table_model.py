"""One table model for the organizer's many read-only tables: rows of plain objects, columns described once.

Each :class:`Column` says how to show a row (text, sort key, colours, tooltip, icon); the model answers
Qt's roles from that, and :func:`sorted_view` wraps it in the Polish-collating proxy so names sort as
Polish readers expect (Ł after L) whatever the operating system's locale. Rows are replaced as a whole
when the results are rebuilt: a view keeps its sort order and, by row key, its selection.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from juror_app.ui.common.collation import SORT_ROLE, CollatingSortProxy

Row = TypeVar("Row")
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTRE = Qt.AlignmentFlag.AlignCenter


@dataclass
class Column(Generic[Row]):
    header: str
    text: Callable[[Row], str]
    sort: Callable[[Row], Any] | None = None  # numbers sort as numbers; None = by the text, Polish collation
    align: Qt.AlignmentFlag | None = None
    foreground: Callable[[Row], QColor | None] | None = None
    background: Callable[[Row], QColor | None] | None = None
    tooltip: Callable[[Row], str | None] | None = None
    icon: Callable[[Row], QIcon | None] | None = None
    header_tooltip: str | None = None


class RowTableModel(QAbstractTableModel, Generic[Row]):
    def __init__(self, columns: Sequence[Column[Row]], key: Callable[[Row], Any] = id, parent=None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[Row] = []
        self._key = key

    # --- contents ---------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def set_columns(self, columns: Sequence[Column[Row]], rows: Sequence[Row]) -> None:
        """Columns that depend on the data (a dossier's own jurors) change together with the rows."""
        self.beginResetModel()
        self._columns = list(columns)
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Row]:
        return list(self._rows)

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def columns(self) -> list[Column[Row]]:
        return list(self._columns)

    def column_of(self, header: str) -> int:
        return next(i for i, c in enumerate(self._columns) if c.header == header)

    # --- Qt ---------------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.header
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.header_tooltip
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == SORT_ROLE:
            return column.sort(row) if column.sort else column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.align
        if role == Qt.ItemDataRole.ForegroundRole and column.foreground:
            return column.foreground(row)
        if role == Qt.ItemDataRole.BackgroundRole and column.background:
            return column.background(row)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip:
            return column.tooltip(row)
        if role == Qt.ItemDataRole.DecorationRole and column.icon:
            return column.icon(row)
        if role == ROW_ROLE:
            return row
        if role == KEY_ROLE:
            return self._key(row)
        return None


def sort_number(value: float | None, missing: float = float("-inf")) -> float:
    """A sort key for an optional number: rows without a value go to one end."""
    return missing if value is None else float(value)


def sorted_view(model: RowTableModel, *, sortable: bool = True, stretch_last: bool = False
                ) -> tuple[QTableView, QSortFilterProxyModel]:
    """A read-only table view over ``model``, in the model's own order until a header is clicked; then sorted
    with Polish collation. ``stretch_last``: the last column (a text one) takes the remaining width."""
    proxy = CollatingSortProxy()
    proxy.setSourceModel(model)
    view = QTableView()
    view.setModel(proxy)
    view.setSortingEnabled(sortable)
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the model's order first
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setHighlightSections(False)
    header.setStretchLastSection(stretch_last)
    return view, proxy


def fit_columns(view: QTableView, *, max_width: int = 420) -> None:
    """Size the columns to their contents, none wider than ``max_width`` (the tooltip has the rest)."""
    header = view.horizontalHeader()
    view.resizeColumnsToContents()
    for column in range(header.count()):
        if header.sectionSize(column) > max_width:
            header.resizeSection(column, max_width)


def selected_row(view: QTableView) -> Any:
    """The row object under the view's current selection (through the proxy), or None."""
    indexes = view.selectionModel().selectedRows() if view.selectionModel() else []
    return indexes[0].data(ROW_ROLE) if indexes else None


def select_key(view: QTableView, key: Any) -> bool:
    """Select the row whose key is ``key`` (after a rebuild); False when it is gone."""
    model = view.model()
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if index.data(KEY_ROLE) == key:
            view.selectRow(row)
            view.scrollTo(index)
            return True
    return False
