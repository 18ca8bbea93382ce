"""The document viewer's bars: the documents' tabs, then page and zoom, find, "Outline" and "PDF ↗", in one
row when the pane is wide enough and with the find bar on a row of its own when it is not.

Everything keeps the room its text needs (the find field its whole hint, the hit counter its longest
wording), so on a narrow pane (a 1,366-pixel laptop, or 150 % scaling) the find bar moves below the
page and zoom controls instead of being squeezed to "2 wystąpie".
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLayout, QLayoutItem, QTabBar, QVBoxLayout, QWidget, QWidgetItem


class RowOrTwo(QLayout):
    """``first | second | third`` in one row when the width allows them their room; else ``first … third``
    above and ``second`` below, across the whole width. ``second`` takes the width left over."""

    def __init__(self, first: QWidget, second: QWidget, third: QWidget, parent: QWidget | None = None,
                 spacing: int = 8) -> None:
        super().__init__(parent)
        self._gap = spacing
        self._items: list[QLayoutItem] = []
        for widget in (first, second, third):
            self.addChildWidget(widget)
            self._items.append(QWidgetItem(widget))

    # --- QLayout's interface ---------------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:  # only the three given widgets are laid out
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        first, second, third = self._items
        margins = self.contentsMargins()
        row = max(first.sizeHint().height(), third.sizeHint().height())
        if self._fits_one_row(width - margins.left() - margins.right()):
            height = max(row, second.sizeHint().height())
        else:
            height = row + self._gap // 2 + second.sizeHint().height()
        return height + margins.top() + margins.bottom()

    def sizeHint(self) -> QSize:
        margins = self.contentsMargins()
        width = sum(item.sizeHint().width() for item in self._items) + 2 * self._gap
        height = max(item.sizeHint().height() for item in self._items)
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:
        first, second, third = self._items
        margins = self.contentsMargins()
        width = max(first.sizeHint().width() + self._gap + third.sizeHint().width(), second.minimumSize().width())
        height = max(item.minimumSize().height() for item in self._items)
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        first, second, third = self._items
        area = self.contentsRect()
        row = max(first.sizeHint().height(), third.sizeHint().height())
        one_row = self._fits_one_row(area.width())
        if one_row:
            row = max(row, second.sizeHint().height())
        self._place(first, area.x(), area.y(), first.sizeHint().width(), row)
        right = area.right() + 1 - third.sizeHint().width()
        self._place(third, right, area.y(), third.sizeHint().width(), row)
        if one_row:
            left = area.x() + first.sizeHint().width() + self._gap
            self._place(second, left, area.y(), right - self._gap - left, row)
        else:
            self._place(second, area.x(), area.y() + row + self._gap // 2, area.width(), second.sizeHint().height())

    @staticmethod
    def _place(item: QLayoutItem, x: int, y: int, width: int, height: int) -> None:
        own = item.sizeHint().height()
        item.setGeometry(QRect(x, y + max(height - own, 0) // 2, max(width, 0), min(own, height)))

    def one_row(self) -> bool:
        """Whether the three are side by side now."""
        return self._fits_one_row(self.contentsRect().width())

    def _fits_one_row(self, width: int) -> bool:
        first, second, third = self._items
        return width >= first.sizeHint().width() + second.minimumSize().width() + third.sizeHint().width() + 2 * self._gap


class ViewerBar(QWidget):
    """The documents' tabs; then page and zoom | find | outline and external (find wrapping below when narrow)."""

    def __init__(self, tabs: QTabBar, toolbar: QWidget, find_bar: QWidget, side_buttons: tuple[QWidget, ...],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Tabs too many for the width are shortened ("Tajemniczy kl…"), each with its whole name in its tooltip.
        tabs.setElideMode(Qt.TextElideMode.ElideRight)
        tabs.setUsesScrollButtons(False)
        side = QWidget()
        side_layout = QHBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.setSpacing(2)
        for button in side_buttons:
            side_layout.addWidget(button)
        tools = QWidget()
        self.tools = RowOrTwo(toolbar, find_bar, side, tools)
        self.tools.setContentsMargins(4, 2, 4, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(tabs)
        layout.addWidget(tools)
