"""A criterion's rubric levels, one per line, with the level of the current points marked.

Painted with the font's metrics instead of a rich-text QLabel: twelve rich-text labels, laid out
(with height-for-width, several times each) whenever the window starts, were about a third of the
scoring cards' cost. Long lines wrap at word boundaries like a label's.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt
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
        self._metrics: tuple[QFont, QFontMetrics, QFontMetrics, int, tuple[int, ...]] | None = None
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def set_levels(self, lines: tuple[str, ...], current: int | None) -> None:
        """Show ``lines`` (e.g. "8–9 · Standards measured"), marking the one at index ``current``."""
        if lines == self._lines and current == self._current:
            return
        self._lines, self._current = lines, current
        self._forget_geometry()
        self.setAccessibleDescription(self.text())
        self.updateGeometry()
        self.update()

    def text(self) -> str:
        """The levels as shown, the current one marked with ▸ (also the accessible description)."""
        return "\n".join(f"{MARK} {line}" if i == self._current else f"   {line}" for i, line in enumerate(self._lines))

    # --- geometry -----------------------------------------------------------------------------------
    def _forget_geometry(self) -> None:
        self._heights.clear()
        self._metrics = None

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._forget_geometry()
            self.updateGeometry()
        super().changeEvent(event)

    def _measures(self) -> tuple[QFont, QFontMetrics, QFontMetrics, int, tuple[int, ...]]:
        """The bold font, both metrics, the mark's indent and each line's one-line width (kept until a change)."""
        if self._metrics is None:
            bold = QFont(self.font())
            bold.setBold(True)
            normal_metrics, bold_metrics = QFontMetrics(self.font()), QFontMetrics(bold)
            widths = tuple((bold_metrics if i == self._current else normal_metrics).horizontalAdvance(line)
                           for i, line in enumerate(self._lines))
            self._metrics = (bold, normal_metrics, bold_metrics, bold_metrics.horizontalAdvance(MARK + " "), widths)
        return self._metrics

    def _line_heights(self, width: int) -> tuple[int, ...]:
        heights = self._heights.get(width)
        if heights is None:
            _bold, normal, bold, indent, widths = self._measures()
            room = max(1, width - indent)
            inner = QRect(0, 0, room, _UNBOUNDED)
            heights = tuple(
                (bold if i == self._current else normal).height() if widths[i] <= room  # fits on one line
                else (bold if i == self._current else normal).boundingRect(inner, _WRAP, line).height()
                for i, line in enumerate(self._lines))
            self._heights[width] = heights
        return heights

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return sum(self._line_heights(width))

    def sizeHint(self) -> QSize:
        _bold, _normal, _bold_metrics, indent, widths = self._measures()
        width = indent + max(widths, default=0)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        _bold, normal, _bold_metrics, indent, _widths = self._measures()
        width = indent + normal.horizontalAdvance("M") * 8
        return QSize(width, self.heightForWidth(width))

    # --- painting -----------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        bold, _normal, _bold_metrics, indent, _widths = self._measures()
        width = self.width()
        y = 0
        for i, height in enumerate(self._line_heights(width)):
            current = i == self._current
            if current:
                painter.setFont(bold)
                painter.setPen(QColor(CURRENT_COLOUR))
                painter.drawText(QRect(0, y, indent, height), _WRAP, MARK)
            else:
                painter.setFont(self.font())
                painter.setPen(self.palette().color(self.foregroundRole()))
            painter.drawText(QRect(indent, y, width - indent, height), _WRAP, self._lines[i])
            y += height
        painter.end()
