"""Small icons the window paints itself: a padlock (closed and open) and a warning sign.

The lock badge once began with "🔒", a pictograph no font on a stock Linux desktop has (an empty
box there), and a colour emoji elsewhere. Qt draws these with a painter instead, in the badge's own
colour, so they look the same on every system; each is made at 1× and 2× for high-DPI screens.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

SIZE = 16


def _icon(draw, colour: str, size: int) -> QIcon:
    icon = QIcon()
    for ratio in (1.0, 2.0):
        pixmap = QPixmap(round(size * ratio), round(size * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        draw(painter, QColor(colour), float(size))
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def _padlock(painter: QPainter, colour: QColor, s: float, *, open_: bool) -> None:
    pen = QPen(colour, max(1.5, s * 0.12))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    shackle = QPainterPath()
    left, right, top, base = s * 0.30, s * 0.70, s * 0.10, s * 0.48
    shackle.moveTo(left, base if not open_ else s * 0.34)
    shackle.lineTo(left, s * 0.34)
    shackle.arcTo(QRectF(left, top, right - left, (right - left)), 180, -180)
    shackle.lineTo(right, base)
    if open_:  # the shackle lifted and turned aside: drawn shifted up on its left leg
        shackle.translate(-s * 0.0, -s * 0.08)
    painter.drawPath(shackle)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawRoundedRect(QRectF(s * 0.16, s * 0.46, s * 0.68, s * 0.46), s * 0.08, s * 0.08)
    painter.setBrush(QColor(255, 255, 255, 220))
    painter.drawEllipse(QPointF(s * 0.5, s * 0.66), s * 0.07, s * 0.07)


def _warning(painter: QPainter, colour: QColor, s: float) -> None:
    pen = QPen(colour, max(1.4, s * 0.1))
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPolygon(QPolygonF([QPointF(s * 0.5, s * 0.08), QPointF(s * 0.95, s * 0.9), QPointF(s * 0.05, s * 0.9)]))
    bar = QPen(colour, max(1.6, s * 0.12))
    bar.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(bar)
    painter.drawLine(QPointF(s * 0.5, s * 0.38), QPointF(s * 0.5, s * 0.62))
    painter.drawPoint(QPointF(s * 0.5, s * 0.77))


@cache
def lock_icon(colour: str, size: int = SIZE) -> QIcon:
    """A closed padlock: the results are frozen for printing."""
    return _icon(lambda p, c, s: _padlock(p, c, s, open_=False), colour, size)


@cache
def unlocked_icon(colour: str, size: int = SIZE) -> QIcon:
    """An open padlock: the results may change."""
    return _icon(lambda p, c, s: _padlock(p, c, s, open_=True), colour, size)


@cache
def warning_icon(colour: str, size: int = SIZE) -> QIcon:
    """A warning triangle with an exclamation mark (alarms)."""
    return _icon(_warning, colour, size)
