"""Calm colours for a dossier's status, always shown together with its name (never colour alone)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from juror_app.domain.model import DossierStatus

# (text colour, soft background): readable on light themes, AA contrast for the text.
_COLOURS = {
    DossierStatus.NOT_STARTED: ("#4b5563", "#eef0f3"),
    DossierStatus.IN_PROGRESS: ("#8a5300", "#fcf1dc"),
    DossierStatus.COMPLETE: ("#1d6b40", "#e2f3e9"),
    DossierStatus.RECUSED: ("#5a4a8a", "#ece8f6"),
}


def text_colour(status: DossierStatus) -> QColor:
    return QColor(_COLOURS[status][0])


def background_colour(status: DossierStatus) -> QColor:
    return QColor(_COLOURS[status][1])


@cache
def _dot(colour: str, size: int) -> QIcon:
    pixmap = QPixmap(size * 2, size * 2)  # drawn at 2× so it stays crisp on high-DPI screens
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


def dot_icon(status: DossierStatus, size: int = 12) -> QIcon:
    return _dot(_COLOURS[status][0], size)


def chip_style(status: DossierStatus) -> str:
    """A style sheet for a label shown as a small rounded chip in the status colours."""
    fg, bg = _COLOURS[status]
    return f"QLabel {{ color: {fg}; background: {bg}; border-radius: 8px; padding: 2px 10px; font-weight: 600; }}"
