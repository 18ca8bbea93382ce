"""The organizer window's look, and the colours of outcomes and states — always beside a text and a symbol.

Colour is a second channel only: every coloured cell also carries a word and a symbol (✓, ▲, ✗, ⚠ …),
so the window reads the same in greyscale print, for colour-blind people and on a projector.
Soft backgrounds with dark text keep WCAG AA contrast on light themes.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon

from juror_app.domain.scoring import Certification
from juror_app.ui.common.widgets import status_dot
from juror_app.workflows.organizer.package_checks import Outcome
from juror_app.workflows.organizer.results import MISSING

STYLE_SHEET = """
QLabel#muted { color: #5b6472; }
QLabel#note { color: #374151; background: #f4f6fa; border: 1px solid #dde2ea; border-radius: 6px; padding: 6px 8px; }
QLabel#heading { font-size: 11pt; font-weight: 600; color: #1f2937; }
QLabel#alarm { color: #ffffff; background: #a4262c; border-radius: 6px; padding: 8px 10px; font-weight: 600; }
QLabel#locked { color: #5a4a8a; background: #ece8f6; border-radius: 6px; padding: 6px 10px; font-weight: 600; }
QLabel#open { color: #1d6b40; background: #e2f3e9; border-radius: 6px; padding: 6px 10px; }
QLabel#error { color: #a4262c; }
QLabel#summary { font-weight: 600; color: #1f2937; }
QStatusBar QLabel#demoBadge { color: #5a4a8a; background: #ece8f6; border-radius: 6px; padding: 1px 8px; }
QStatusBar QLabel#lockBadge { color: #5a4a8a; background: #ece8f6; border-radius: 6px; padding: 1px 8px; }
QStatusBar QLabel#alarmBadge { color: #ffffff; background: #a4262c; border-radius: 6px; padding: 1px 8px; }
"""

# (text colour, soft background, symbol)
GOOD = ("#1d6b40", "#e2f3e9")
INFO = ("#1f4f8a", "#e3edf9")
NEUTRAL = ("#4b5563", "#eef0f3")
WARN = ("#8a5300", "#fcf1dc")
BAD = ("#a4262c", "#fbe4e5")
ALARM = ("#ffffff", "#a4262c")
RECUSED = ("#5a4a8a", "#ece8f6")

OUTCOME_STYLE = {
    Outcome.NEW: (*GOOD, "✓"),
    Outcome.UPDATE: (*INFO, "▲"),
    Outcome.ALREADY_IMPORTED: (*NEUTRAL, "="),
    Outcome.STALE: (*WARN, "↺"),
    Outcome.EQUIVOCATION: (*ALARM, "⚠"),
    Outcome.FORK: (*ALARM, "⚠"),
    Outcome.HELD: (*WARN, "‖"),
    Outcome.REFUSED: (*BAD, "✗"),
}

CELL_STYLE = {
    MISSING: (*BAD, "✗"),
    "not_started": (*NEUTRAL, "○"),
    "in_progress": (*WARN, "◐"),
    "complete": (*GOOD, "✓"),
    "recused": (*RECUSED, "⊘"),
}

CERTIFICATION_STYLE = {
    Certification.CERTIFIED: (*GOOD, "✓"),
    Certification.NOT_CERTIFIED: (*NEUTRAL, "—"),
    Certification.INCOMPLETE: (*WARN, "…"),
}

DISAGREEMENT = (*BAD, "⚑")
PLACE_UP = (*GOOD, "▲")
PLACE_DOWN = (*WARN, "▼")


def foreground(style: tuple[str, str, str]) -> QColor:
    return QColor(style[0])


def background(style: tuple[str, str, str]) -> QColor:
    return QColor(style[1])




def dot(style: tuple[str, str, str], size: int = 12) -> QIcon:
    """A small round marker in the style's text colour (white on the alarm's red)."""
    return status_dot(style[0], size)


def chip(style: tuple[str, str, str]) -> str:
    """A style sheet for a label drawn as a small rounded chip in the style's colours."""
    fg, bg, _ = style
    return f"QLabel {{ color: {fg}; background: {bg}; border-radius: 8px; padding: 2px 10px; font-weight: 600; }}"
