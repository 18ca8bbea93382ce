"""The category chooser above the results, rankings and decisions tables (one widget, three tabs).

Category names are long ("Ośrodki pomocy społecznej i inne jednostki"); a combo box sized to its
longest item pushed the window's minimum width up. This one is about 18 characters wide, shows the
whole name in its tooltip, and its list opens as wide as the longest name.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRegularExpression, QSortFilterProxyModel
from PySide6.QtWidgets import QComboBox, QStyle, QWidget

from juror_app.domain.model import Category

SHOWN_CHARACTERS = 18


class CategoryCombo(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(SHOWN_CHARACTERS)
        self.currentIndexChanged.connect(lambda _index: self.setToolTip(self.currentText()))

    def fill(self, categories: Sequence[Category]) -> None:
        """"All categories" and one entry per category, keeping the current choice (no signal is sent)."""
        current = self.currentData()
        self.blockSignals(True)
        self.clear()
        self.addItem(self.tr("All categories"), "")
        for category in categories:
            self.addItem(category.name, category.name)
        index = self.findData(current) if current else 0
        self.setCurrentIndex(max(0, index))
        self.setToolTip(self.currentText())
        self.blockSignals(False)
        widest = max((self.fontMetrics().horizontalAdvance(self.itemText(i)) for i in range(self.count())), default=0)
        scroll = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self.view().setMinimumWidth(widest + scroll + 24)

    def chosen(self) -> str:
        """The chosen category's name, or "" for all."""
        return str(self.currentData() or "")

    def apply_to(self, proxy: QSortFilterProxyModel, column: int = 0) -> None:
        """Show only the chosen category's rows (``column`` holds the category's name)."""
        name = self.chosen()
        proxy.setFilterKeyColumn(column)
        proxy.setFilterRegularExpression(QRegularExpression(f"^{QRegularExpression.escape(name)}$" if name else ""))
