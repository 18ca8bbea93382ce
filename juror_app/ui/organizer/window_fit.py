"""Windows and dialogs that fit the screen they open on, whatever size they would like or last had.

A laptop of the organizer's office has 1,366 × 768 pixels, less the task bar; a window asked for
1,500 × 920 (or restored at the size a bigger monitor left in the settings) would stand past its
edges, with nothing to say so. The size is bounded by the screen's *available* geometry, leaving room
for the title bar and borders the window manager draws around it, and the window is moved inside.
That can only work when nothing inside forces the window's minimum size past the screen:
``tests/ui/organizer/test_organizer_fit.py`` checks that on every tab.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# What a window manager typically adds around a window: borders, and the title bar above.
FRAME_MARGINS = QMargins(8, 32, 8, 8)
FRAME_ALLOWANCE = QSize(FRAME_MARGINS.left() + FRAME_MARGINS.right(), FRAME_MARGINS.top() + FRAME_MARGINS.bottom())
PREFERRED_SIZE = QSize(1500, 920)  # the main window on a large screen; bounded by smaller ones


def available_geometry(widget: QWidget) -> QRect:
    """The usable part (no task bar) of the screen ``widget`` is on, or will open on."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def room(available: QRect) -> QRect:
    """Where a window's own area (inside its frame) may lie on ``available``."""
    return available.marginsRemoved(FRAME_MARGINS)


def fit_window(widget: QWidget, available: QRect | None = None, preferred: QSize | None = None, *,
               keep_size: bool = False) -> QRect:
    """Size ``widget`` to ``preferred`` (or its current size with ``keep_size``) bounded by the screen, and move
    it inside: centred when newly sized, else only as far as needed. Returns the geometry it was given."""
    inside = room(available if available is not None else available_geometry(widget))
    wanted = widget.size() if keep_size or preferred is None else preferred
    size = wanted.boundedTo(inside.size()).expandedTo(widget.minimumSize())
    if keep_size:
        x = min(max(widget.x(), inside.left()), inside.right() + 1 - size.width())
        y = min(max(widget.y(), inside.top()), inside.bottom() + 1 - size.height())
    else:
        x = inside.left() + (inside.width() - size.width()) // 2
        y = inside.top() + (inside.height() - size.height()) // 2
    geometry = QRect(max(x, inside.left()), max(y, inside.top()), size.width(), size.height())
    widget.setGeometry(geometry)
    return geometry
