"""Small pieces both windows draw the same way: a status dot, the language menu."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QMainWindow, QMenu

from juror_app.domain.i18n import current_language

LANGUAGES = (("pl", "Polski"), ("en", "English"))


@cache
def status_dot(colour: str, size: int) -> QIcon:
    """A filled circle of ``colour``; drawn at 2× so it stays crisp on high-DPI screens."""
    pixmap = QPixmap(size * 2, size * 2)
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


def language_menu(window: QMainWindow, menu: QMenu) -> tuple[QActionGroup, dict[str, QAction]]:
    """Checkable Polski / English entries in ``menu``; the group's ``triggered`` carries the code as data."""
    group = QActionGroup(window)
    actions: dict[str, QAction] = {}
    for code, name in LANGUAGES:
        action = QAction(name, window, checkable=True)
        action.setData(code)
        action.setChecked(code == current_language())
        group.addAction(action)
        menu.addAction(action)
        actions[code] = action
    return group, actions
