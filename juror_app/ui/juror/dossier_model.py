"""The dossier list's data: a table model over a row cache, and a filtering proxy with Polish collation.

The model holds one :class:`DossierRow` per assigned dossier (read once, in a few queries) and
refreshes a single row when an edit changes it (Anki's browser table works the same way), so an
edit costs one small query whether the juror has 6 dossiers or 1,000.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont

from juror_app.domain.model import DossierStatus
from juror_app.domain.text_folding import fold
from juror_app.ui.common.collation import SORT_ROLE, CollatingSortProxy
from juror_app.ui.juror import status_style, texts
from juror_app.workflows.juror.queries import DossierRow

ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2

COL_INSTITUTION, COL_CATEGORY, COL_CITY, COL_STATUS, COL_SCORED = range(5)
_STATUS_ORDER = {DossierStatus.NOT_STARTED: 0, DossierStatus.IN_PROGRESS: 1, DossierStatus.COMPLETE: 2,
                 DossierStatus.RECUSED: 3}



class DossierTableModel(QAbstractTableModel):
    def __init__(self, fetch_row: Callable[[str], DossierRow | None], parent=None) -> None:
        super().__init__(parent)
        self._fetch_row = fetch_row
        self._rows: list[DossierRow] = []
        self._index: dict[str, int] = {}
        self._search_keys: list[str] | None = None  # folded when the text filter is first used
        self._shared_names: set[str] = set()

    # --- loading ------------------------------------------------------------------------------------
    def set_rows(self, rows: list[DossierRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._index = {row.dossier_id: i for i, row in enumerate(self._rows)}
        self._search_keys = None
        seen: set[str] = set()
        self._shared_names = set()  # names two or more assigned offices have: their rows also say where they are
        for row in self._rows:
            name = row.institution.casefold()
            (self._shared_names if name in seen else seen).add(name)
        self.endResetModel()

    def refresh(self, dossier_id: str) -> None:
        """Re-read one dossier after an edit and repaint just its row."""
        i = self._index.get(dossier_id)
        if i is None:
            return
        row = self._fetch_row(dossier_id)
        if row is None:
            return
        self._rows[i] = row
        self.dataChanged.emit(self.index(i, 0), self.index(i, self.columnCount() - 1))

    @staticmethod
    def _search_key(row: DossierRow) -> str:
        return fold(" ".join((row.institution, row.short_name, row.city, row.category, row.voivodeship, row.county,
                              row.commune)))

    # --- access -------------------------------------------------------------------------------------
    def rows(self) -> list[DossierRow]:
        return list(self._rows)

    def row_at(self, i: int) -> DossierRow:
        return self._rows[i]

    def search_key(self, i: int) -> str:
        if self._search_keys is None:
            self._search_keys = [self._search_key(row) for row in self._rows]
        return self._search_keys[i]

    def position_of(self, dossier_id: str) -> int | None:
        return self._index.get(dossier_id)

    # --- Qt model -----------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                QCoreApplication.translate("DossierModel", "Institution"),
                QCoreApplication.translate("DossierModel", "Category"),
                QCoreApplication.translate("DossierModel", "City"),
                QCoreApplication.translate("DossierModel", "Status"),
                QCoreApplication.translate("DossierModel", "Scored"),
            )[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == COL_SCORED:
            return QCoreApplication.translate("DossierModel", "Criteria scored so far, of all criteria")
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == ID_ROLE:
            return row.dossier_id
        if role == STATUS_ROLE:
            return row.status.value
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if column == COL_STATUS:
            if role == Qt.ItemDataRole.DecorationRole:
                return status_style.dot_icon(row.status)
            if role == Qt.ItemDataRole.ForegroundRole:
                return status_style.text_colour(row.status)
        if role == Qt.ItemDataRole.FontRole and column == COL_INSTITUTION and row.nominated:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_SCORED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: DossierRow, column: int) -> str:
        if column == COL_INSTITUTION:
            name = row.institution
            if self._shared_names and name.casefold() in self._shared_names:
                place = texts.distinguishing_place(row.city, row.commune, row.county)
                name = f"{name} · {place}" if place else name
            return name + ("  ★" if row.nominated else "")
        if column == COL_CATEGORY:
            return row.category
        if column == COL_CITY:
            return row.city
        if column == COL_STATUS:
            return texts.status_name(row.status)
        return "—" if row.status is DossierStatus.RECUSED else f"{row.scored}/{row.criteria}"

    def _sort_key(self, row: DossierRow, column: int):
        if column == COL_INSTITUTION:
            return row.institution
        if column == COL_CATEGORY:
            return row.category
        if column == COL_CITY:
            return row.city
        if column == COL_STATUS:
            return _STATUS_ORDER[row.status] * 100_000 + row.position
        return row.scored * 100_000 + row.position

    def _tooltip(self, row: DossierRow, column: int) -> str:
        name = self._display(row, COL_INSTITUTION).replace("  ★", "")  # whole, as the list may shorten it
        lines = [name, texts.place_text(row.city, row.commune, row.county, row.voivodeship), row.category,
                 f"{texts.status_name(row.status)}: {texts.status_explanation(row.status)}"]
        if row.nominated:
            lines.append(QCoreApplication.translate("DossierModel", "★ nominated for a special distinction"))
        return "\n".join(lines)


class DossierFilterProxy(CollatingSortProxy):
    """Filters by category, status and a text (any case, any diacritics, ł included); sorts the Polish way."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._category: str | None = None
        self._status: DossierStatus | None = None
        self._words: list[str] = []
        self._pinned: str | None = None

    def set_pinned(self, dossier_id: str | None) -> None:
        """The open dossier stays listed while it is open, even when an edit takes it out of the filter."""
        if self._category is None and self._status is None and not self._words:
            self._pinned = dossier_id  # nothing is filtered out: no need to filter again
            return
        self._refilter(_pinned=dossier_id)

    def set_category(self, category_id: str | None) -> None:
        self._refilter(_category=category_id or None)

    def set_status(self, status: DossierStatus | None) -> None:
        self._refilter(_status=status)

    def set_text(self, text: str) -> None:
        self._refilter(_words=fold(text).split())

    def _refilter(self, **changes) -> None:
        self.beginFilterChange()
        for name, value in changes.items():
            setattr(self, name, value)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, DossierTableModel):
            return True
        row = model.row_at(source_row)
        if row.dossier_id == self._pinned:
            return True
        if self._category and row.category_id != self._category:
            return False
        if self._status is not None and row.status is not self._status:
            return False
        if not self._words:
            return True
        key = model.search_key(source_row)
        return all(word in key for word in self._words)

    def dossier_id_at(self, proxy_row: int) -> str | None:
        index = self.index(proxy_row, 0)
        return index.data(ID_ROLE) if index.isValid() else None
