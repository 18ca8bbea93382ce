"""Dialogs whose content changes (a message appears, details are filled in) grow to hold it."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget


def grow_to_fit(window: QWidget) -> None:
    """Make ``window`` as high as its wrapped texts need at its width, and no lower from then on.

    A layout's minimum size leaves out height-for-width, so a message of several wrapped lines
    appearing at the bottom squeezed the count rows above it to a few pixels each. Widgets just added
    to a layout are shown by Qt a moment later, so the height is measured again then.
    """
    _grow(window)
    QTimer.singleShot(0, window, lambda: _grow(window))


def _grow(window: QWidget) -> None:
    layout = window.layout()
    layout.activate()
    needed = layout.totalHeightForWidth(window.width()) if layout.hasHeightForWidth() else layout.totalMinimumSize().height()
    window.setMinimumHeight(max(needed, layout.totalMinimumSize().height()))
    if window.height() < needed:
        window.resize(window.width(), needed)
