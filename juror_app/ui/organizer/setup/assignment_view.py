"""The matrix's table view: the dossier's columns stay in place while the jurors scroll sideways.

Qt's "frozen column" pattern: a second ``QTableView`` over the left edge of the main one, on the same
model and selection model, showing only the first ``frozen`` columns; the vertical scroll bars are tied
together and the horizontal header heights kept equal, so the rows line up. Keyboard moves that go left
under the frozen part scroll the main view so the current cell stays visible.

Space and a double-click on a juror's cell ask for that cell to be toggled (``toggle_requested``);
the screen decides what toggling means (assign, take away with a confirmation, or the refusal's message).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

DOSSIER_WIDTHS = (74, 170, 112, 58)  # id, institution, category, jurors counted: ~400 px of a laptop's width
JUROR_WIDTH = 62


class FrozenColumnsView(QTableView):
    toggle_requested = Signal(QModelIndex)  # an index of the view's model (the filter proxy)

    def __init__(self, frozen: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.frozen_count = frozen
        self.frozen = QTableView(self)
        self.frozen.setObjectName("frozenColumns")
        self.frozen.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.frozen.verticalHeader().hide()
        self.frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.frozen.setStyleSheet("QTableView#frozenColumns { border: none; border-right: 2px solid #9aa3b0; }")
        self.frozen.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.frozen.setWordWrap(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        row = self.fontMetrics().height() + 8
        for view in (self, self.frozen):
            view.verticalHeader().setDefaultSectionSize(row)
            view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            view.horizontalHeader().setHighlightSections(False)
            view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.horizontalHeader().setDefaultSectionSize(JUROR_WIDTH)
        self.horizontalHeader().setMinimumSectionSize(24)
        self.viewport().stackUnder(self.frozen)
        self.horizontalHeader().sectionResized.connect(self._section_resized)
        self.frozen.horizontalHeader().sectionResized.connect(self._frozen_section_resized)
        self.frozen.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(self.frozen.verticalScrollBar().setValue)
        self.frozen.doubleClicked.connect(self._double_clicked)
        self.doubleClicked.connect(self._double_clicked)

    # --- the model ---------------------------------------------------------------------------------
    def setModel(self, model) -> None:  # noqa: N802 - Qt's name
        super().setModel(model)
        self.frozen.setModel(model)
        self.frozen.setSelectionModel(self.selectionModel())
        model.modelReset.connect(self.arrange_columns)
        model.layoutChanged.connect(self.arrange_columns)
        self.arrange_columns()

    def arrange_columns(self) -> None:
        """Hide the juror columns in the frozen part and give every column its width (again after a reset)."""
        model = self.model()
        if model is None:
            return
        for column in range(model.columnCount()):
            self.frozen.setColumnHidden(column, column >= self.frozen_count)
            width = DOSSIER_WIDTHS[column] if column < len(DOSSIER_WIDTHS) else JUROR_WIDTH
            if column < self.frozen_count:
                self.frozen.setColumnWidth(column, width)
            self.setColumnWidth(column, width)
        self.update_frozen_geometry()

    def frozen_width(self) -> int:
        return sum(self.columnWidth(c) for c in range(min(self.frozen_count, self.model().columnCount()))) \
            if self.model() is not None else 0

    def _section_resized(self, column: int, _old: int, new: int) -> None:
        if column < self.frozen_count:
            self.frozen.setColumnWidth(column, new)
            self.update_frozen_geometry()

    def _frozen_section_resized(self, column: int, _old: int, new: int) -> None:
        if column < self.frozen_count and self.columnWidth(column) != new:
            self.setColumnWidth(column, new)

    def update_frozen_geometry(self) -> None:
        header = self.horizontalHeader().height()
        self.frozen.horizontalHeader().setFixedHeight(header)
        self.frozen.setGeometry(self.frameWidth(), self.frameWidth(), self.frozen_width(),
                                self.viewport().height() + header)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.update_frozen_geometry()

    def updateGeometries(self) -> None:  # noqa: N802 - Qt's name: the header's height may have changed
        super().updateGeometries()
        if hasattr(self, "frozen"):
            self.update_frozen_geometry()

    # --- keeping the current cell visible --------------------------------------------------------
    def moveCursor(self, action, modifiers):  # noqa: N802 - Qt's name
        current = super().moveCursor(action, modifiers)
        if current.isValid() and current.column() >= self.frozen_count:
            left = self.visualRect(current).left()
            if left < self.frozen_width():
                bar = self.horizontalScrollBar()
                bar.setValue(bar.value() + left - self.frozen_width())
        return current

    def scrollTo(self, index: QModelIndex, hint=QAbstractItemView.ScrollHint.EnsureVisible) -> None:  # noqa: N802
        if not index.isValid():
            return
        if index.column() >= self.frozen_count:
            super().scrollTo(index, hint)
            left = self.visualRect(index).left()
            if left < self.frozen_width():  # hidden under the frozen columns
                bar = self.horizontalScrollBar()
                bar.setValue(bar.value() + left - self.frozen_width())
        else:
            bar = self.horizontalScrollBar()
            value = bar.value()
            super().scrollTo(index, hint)
            bar.setValue(value)  # the dossier's columns are always visible: only scroll vertically

    def go_to(self, index: QModelIndex) -> None:
        """Make ``index`` current and selected, and scroll it into view (beside the frozen columns)."""
        if not index.isValid():
            return
        self.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    # --- toggling ------------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            index = self.currentIndex()
            if index.isValid() and index.column() >= self.frozen_count:
                self.toggle_requested.emit(index)
                event.accept()
                return
        super().keyPressEvent(event)

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid() and index.column() >= self.frozen_count:
            self.toggle_requested.emit(index)
