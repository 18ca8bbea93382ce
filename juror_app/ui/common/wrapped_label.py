"""A word-wrapped plain-text label that remembers its height for each width it was asked about.

Qt's QLabel lays its text out again (shaping every word) each time a layout asks its height for a
width, and again, up to three times, for its size hints; layouts ask many times while a window is
built and shown. The juror's twelve criterion cards hold long descriptions: that repeated layout
was about a tenth of the window's start (counted in instructions with valgrind). Here each width is
laid out once, and the size hints are the height at a line of about 80 characters (what QLabel aims
for too) and, as the minimum, one line of a dozen characters: the card's height comes from
height-for-width, as it did.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QLabel, QWidget

_FORGET_ON = (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.LayoutDirectionChange)


class WrappedLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._heights: dict[int, int] = {}
        self._hint: QSize | None = None
        self.setTextFormat(Qt.TextFormat.PlainText)  # people's texts, never markup
        self.setWordWrap(True)
        self.setText(text)

    def _forget(self) -> None:
        self._heights.clear()
        self._hint = None

    def setText(self, text: str) -> None:
        if text != self.text():
            self._forget()
            super().setText(text)

    def setContentsMargins(self, *margins) -> None:
        self._forget()
        super().setContentsMargins(*margins)

    def sizeHint(self) -> QSize:
        if self._hint is None:
            margins = self.contentsMargins()
            width = min(self.fontMetrics().averageCharWidth() * 80, self.maximumWidth()) + margins.left() + margins.right()
            self._hint = QSize(width, self.heightForWidth(width))
        return self._hint

    def minimumSizeHint(self) -> QSize:
        margins, metrics = self.contentsMargins(), self.fontMetrics()
        return QSize(metrics.averageCharWidth() * 12 + margins.left() + margins.right(),
                     metrics.height() + margins.top() + margins.bottom())

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = super().heightForWidth(width)
        return height

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in _FORGET_ON:
            self._forget()
        super().changeEvent(event)
