"""Calm colours for a dossier's status, always shown together with its name (never colour alone)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon

from juror_app.domain.model import DossierStatus
from juror_app.ui.common.look import Look
from juror_app.ui.common.widgets import status_dot

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




def dot_icon(status: DossierStatus, size: int = 12) -> QIcon:
    return status_dot(_COLOURS[status][0], size)


def chip_look(status: DossierStatus) -> Look:
    """A label shown as a small rounded chip in the status colours."""
    fg, bg = _COLOURS[status]
    return Look(colour=fg, background=bg, radius=8, padding=(2, 10), weight=600)
