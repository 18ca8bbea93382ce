"""A criterion's rubric levels, one per line, with the level of the current points marked.

Painted with the font's metrics instead of a rich-text QLabel: twelve rich-text labels, laid out
(with height-for-width, several times each) whenever the window starts, were about a third of the
scoring cards' cost. Long lines wrap at word boundaries like a label's.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

MARK = "▸"
CURRENT_COLOUR = "#1f3a68"
_WRAP = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
_UNBOUNDED = 1 << 20


class RubricView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lines: tuple[str, ...] = ()
        self._current: int | None = None
        self._heights: dict[int, tuple[int, ...]] = {}  # width → each line's height
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def set_levels(self, lines: tuple[str, ...], current: int | None) -> None:
        """Show ``lines`` (e.g. "8–9 · Standards measured"), marking the one at index ``current``."""
        if lines == self._lines and current == self._current:
            return
        self._lines, self._current = lines, current
        self._heights.clear()
        self.setAccessibleDescription(self.text())
        self.updateGeometry()
        self.update()

    def text(self) -> str:
        """The levels as shown, the current one marked with ▸ (also the accessible description)."""
        return "\n".join(f"{MARK} {line}" if i == self._current else f"   {line}" for i, line in enumerate(self._lines))

    # --- geometry -----------------------------------------------------------------------------------
    def _bold(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def _indent(self) -> int:
        return QFontMetrics(self._bold()).horizontalAdvance(MARK + " ")

    def _line_heights(self, width: int) -> tuple[int, ...]:
        heights = self._heights.get(width)
        if heights is None:
            normal, bold = QFontMetrics(self.font()), QFontMetrics(self._bold())
            inner = QRect(0, 0, max(1, width - self._indent()), _UNBOUNDED)
            heights = tuple((bold if i == self._current else normal).boundingRect(inner, _WRAP, line).height()
                            for i, line in enumerate(self._lines))
            self._heights[width] = heights
        return heights

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return sum(self._line_heights(width))

    def sizeHint(self) -> QSize:
        bold = QFontMetrics(self._bold())
        width = self._indent() + max((bold.horizontalAdvance(line) for line in self._lines), default=0)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        width = self._indent() + QFontMetrics(self.font()).horizontalAdvance("M") * 8
        return QSize(width, self.heightForWidth(width))

    # --- painting -----------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        indent, width = self._indent(), self.width()
        y = 0
        for i, height in enumerate(self._line_heights(width)):
            current = i == self._current
            if current:
                painter.setFont(self._bold())
                painter.setPen(QColor(CURRENT_COLOUR))
                painter.drawText(QRect(0, y, indent, height), _WRAP, MARK)
            else:
                painter.setFont(self.font())
                painter.setPen(self.palette().color(self.foregroundRole()))
            painter.drawText(QRect(indent, y, width - indent, height), _WRAP, self._lines[i])
            y += height
        painter.end()
