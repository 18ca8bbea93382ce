"""Run something a while after a window has first been painted, however long the painting took.

Work that only prepares for later (loading sqlite-utils for the first edit) must not delay the
window; a timer started before ``show()`` could fire before the first paint on a slow machine.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, delay_ms: int, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._delay_ms = delay_ms
        self._then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(self._delay_ms, self._then)
            self.deleteLater()
        return False


def after_first_paint(widget: QWidget, delay_ms: int, then: Callable[[], None]) -> None:
    """Call ``then`` ``delay_ms`` after ``widget``'s first paint (at once if it is already on screen)."""
    if widget.isVisible() and widget.windowHandle() is not None and widget.windowHandle().isExposed():
        QTimer.singleShot(delay_ms, then)
    else:
        _FirstPaint(widget, delay_ms, then)
