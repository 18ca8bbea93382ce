"""Labels of the organizer's window that never push it wider than the screen.

A plain ``QLabel`` without word wrap asks for its whole text's width as its minimum: one heading that
listed every juror still missing made the window 2,413 px wide. Here headings wrap; the status line
(which Qt simply cuts on the right: the edition's name, the counts and the database path do not fit a
laptop) elides in the middle with the whole text in its tooltip; and banners carry an icon Qt paints
(``icons``) instead of a pictograph a font may lack.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

from juror_app.ui.organizer.icons import SIZE as ICON_SIZE

ICON_GAP = 6


def heading(text: str = "", *, bottom: bool = False) -> QLabel:
    """A section heading: bold, and wrapped when the window is narrow."""
    label = QLabel(text)
    label.setObjectName("heading")
    label.setWordWrap(True)
    if bottom:
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
    return label


class ElidedLabel(QLabel):
    """One line that shows as much of its text as fits, "…" in the middle, the whole text in the tooltip."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.set_full_text(text)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance("…") * 8, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance(self._full) + 8, super().sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = max(0, self.contentsRect().width() - 2 * self.margin())
        super().setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideMiddle, width))


class IconLabel(QLabel):
    """A label (word-wrapped or not) with a painted icon before its first line; ``set_icon(None)`` removes it."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *, wrap: bool = False) -> None:
        super().__init__(text, parent)
        self._icon: QIcon | None = None
        self.setWordWrap(wrap)

    def set_icon(self, icon: QIcon | None) -> None:
        self._icon = icon
        self.setIndent(ICON_SIZE + ICON_GAP if icon is not None else -1)
        self.update()

    def icon(self) -> QIcon | None:
        return self._icon

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._icon is None:
            return
        area = self.contentsRect().adjusted(self.margin(), self.margin(), -self.margin(), -self.margin())
        line = self.fontMetrics().height()
        if self.wordWrap() and self.heightForWidth(self.width()) > 0:
            top = area.top() + max(0, (line - ICON_SIZE) // 2)  # beside the first line
        else:
            top = area.top() + (area.height() - ICON_SIZE) // 2
        painter = QPainter(self)
        self._icon.paint(painter, QRect(area.left(), top, ICON_SIZE, ICON_SIZE))
        painter.end()
