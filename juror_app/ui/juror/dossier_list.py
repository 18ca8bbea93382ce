"""The left pane: the juror's progress, filters, and the list of assigned dossiers."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from juror_app.domain.model import Category, DossierStatus
from juror_app.ui.juror import texts
from juror_app.ui.juror.dossier_model import (
    COL_CATEGORY,
    COL_CITY,
    COL_INSTITUTION,
    COL_SCORED,
    COL_STATUS,
    ID_ROLE,
    DossierFilterProxy,
    DossierTableModel,
)
from juror_app.ui.juror.style import role
from juror_app.workflows.juror.queries import DossierRow, status_counts


class TwoLineDelegate(QStyledItemDelegate):
    """Names on up to two lines; a longer one loses its middle, not its end ("Starostwo Powiatowe … w Lipsku"),
    so that rows differing only at the end stay told apart. The list has uniform row heights: the first row's
    hint sets them all."""

    LINES = 2

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._fitted: dict[tuple[str, int, str], str] = {}

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), max(hint.height(), option.fontMetrics.lineSpacing() * self.LINES + 6))

    def paint(self, painter, option: QStyleOptionViewItem, index) -> None:
        item = self._item(option, index)
        item.widget.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, item.widget)

    def shown_text(self, option: QStyleOptionViewItem, index) -> str:
        """The text the cell shows (whole, or cut in the middle)."""
        return self._item(option, index).text

    def _item(self, option: QStyleOptionViewItem, index) -> QStyleOptionViewItem:
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        style = item.widget.style() if item.widget else QApplication.style()
        width = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, item, item.widget).width() - 6
        item.text = self.fitted(item.text, item.font, width)
        return item

    def fitted(self, text: str, font: QFont, width: int) -> str:
        """``text`` as shown in ``width`` pixels: whole when it wraps into two lines, else cut in the middle."""
        key = (text, width, font.key())
        if key not in self._fitted:
            if len(self._fitted) > 4096:
                self._fitted.clear()
            self._fitted[key] = self._fit(text, QFontMetrics(font), max(width, 1))
        return self._fitted[key]

    def _fit(self, text: str, metrics: QFontMetrics, width: int) -> str:
        def lines(candidate: str) -> int:
            bound = metrics.boundingRect(QRect(0, 0, width, 1 << 16), int(Qt.TextFlag.TextWordWrap), candidate)
            return round(bound.height() / metrics.lineSpacing())

        if lines(text) <= self.LINES:
            return text
        low, high, best = width, width * self.LINES, metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, width)
        while low <= high:  # the longest middle-cut text that still wraps into two lines
            middle = (low + high) // 2
            candidate = metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, middle)
            if lines(candidate) <= self.LINES:
                best, low = candidate, middle + 1
            else:
                high = middle - 1
        return best


class DossierList(QWidget):
    dossier_selected = Signal(str)

    def __init__(self, model: DossierTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = DossierFilterProxy(self)
        self.proxy.setSourceModel(model)

        self.progress_label = QLabel()
        role(self.progress_label, "progressLabel")
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setMaximumHeight(6)

        self.text_filter = QLineEdit()
        self.text_filter.setPlaceholderText(self.tr("Filter by name or town…"))
        self.text_filter.setClearButtonEnabled(True)
        self.text_filter.setToolTip(self.tr("Shows only dossiers whose institution, town or category contains these words "
                                            "(letters with or without Polish diacritics)"))
        self.text_filter.textChanged.connect(self.proxy.set_text)
        self.category_filter = QComboBox()
        self.category_filter.setToolTip(self.tr("Show only one category"))
        self.category_filter.currentIndexChanged.connect(
            lambda _: self.proxy.set_category(self.category_filter.currentData()))
        self.status_filter = QComboBox()
        self.status_filter.setToolTip(self.tr("Show only dossiers with this status"))
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in DossierStatus:
            self.status_filter.addItem(texts.status_name(status), status.value)
        self.status_filter.currentIndexChanged.connect(self._status_chosen)

        self.view = QTreeView()
        self.view.setModel(self.proxy)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the bundle's order until a header is clicked
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAllColumnsShowFocus(True)
        # Names on up to two lines, cut in the middle past that (TwoLineDelegate); the whole name is in every
        # row's tooltip.
        self.view.setWordWrap(True)
        self.view.setItemDelegateForColumn(COL_INSTITUTION, TwoLineDelegate(self.view))
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_INSTITUTION, QHeaderView.ResizeMode.Stretch)
        # Widths from the longest possible text, not ResizeToContents: that would ask the model for every
        # row's every cell on each layout (176,000 calls at 1,000 dossiers, a second of start-up).
        metrics = self.view.fontMetrics()
        longest_status = max((texts.status_name(s) for s in DossierStatus), key=metrics.horizontalAdvance)
        widths = {COL_STATUS: metrics.horizontalAdvance(longest_status) + 40,
                  COL_SCORED: metrics.horizontalAdvance("00/00") + 24}
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, max(width, metrics.horizontalAdvance(model.headerData(
                column, Qt.Orientation.Horizontal) or "") + 28))
        # Category and town are in the filters and the tooltip: the pane stays narrow, the names readable.
        self.view.setColumnHidden(COL_CATEGORY, True)
        self.view.setColumnHidden(COL_CITY, True)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)

        filters = QHBoxLayout()
        filters.addWidget(self.category_filter, 3)
        filters.addWidget(self.status_filter, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.text_filter)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        self._current: str | None = None

    # --- data ---------------------------------------------------------------------------------------
    def set_rows(self, rows: list[DossierRow], categories: tuple[Category, ...]) -> None:
        self.category_filter.blockSignals(True)
        self.category_filter.clear()
        self.category_filter.addItem(self.tr("All categories"), None)
        present = {row.category_id for row in rows}
        for category in categories:
            if category.id in present:
                self.category_filter.addItem(category.name, category.id)
        self.category_filter.blockSignals(False)
        self.proxy.set_category(None)
        self._current = None  # a new assignment: selecting the same dossier again opens it again (its criteria may differ)
        self.model.set_rows(rows)
        self._update_progress()

    def refresh(self, dossier_id: str) -> None:
        self.model.refresh(dossier_id)
        self._update_progress()

    def _update_progress(self) -> None:
        counts = status_counts(self.model.rows())
        to_score = sum(counts.values()) - counts[DossierStatus.RECUSED]
        done = counts[DossierStatus.COMPLETE]
        self.progress_label.setText(self.tr("%1 of %n complete", "", to_score).replace("%1", str(done)))
        self.progress_bar.setMaximum(max(1, to_score))
        self.progress_bar.setValue(done)
        details = [texts.status_count(status, counts[status]) for status in DossierStatus]
        self.progress_label.setToolTip("\n".join(details))

    # --- selection ----------------------------------------------------------------------------------
    def current_id(self) -> str | None:
        return self._current

    def select(self, dossier_id: str) -> bool:
        """Make ``dossier_id`` current (clearing the filters if they hide it)."""
        source_row = self.model.position_of(dossier_id)
        if source_row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid():
            self.clear_filters()
            index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(index)
        return True

    def step(self, delta: int) -> bool:
        """Move to the next (+1) or previous (-1) dossier as listed; False at either end."""
        count = self.proxy.rowCount()
        if count == 0:
            return False
        current = self.view.currentIndex()
        row = current.row() + delta if current.isValid() else (0 if delta > 0 else count - 1)
        if not 0 <= row < count:
            return False
        dossier_id = self.proxy.dossier_id_at(row)
        return bool(dossier_id) and self.select(dossier_id)

    def clear_filters(self) -> None:
        self.text_filter.clear()
        self.category_filter.setCurrentIndex(0)
        self.status_filter.setCurrentIndex(0)

    def _status_chosen(self) -> None:
        value = self.status_filter.currentData()
        self.proxy.set_status(DossierStatus(value) if value else None)

    def _current_changed(self, current, _previous) -> None:
        dossier_id = current.data(ID_ROLE) if current.isValid() else None
        if dossier_id and dossier_id != self._current:
            self._current = dossier_id
            self.proxy.set_pinned(dossier_id)
            self.dossier_selected.emit(dossier_id)
