"""The workstation's look: calm, light, readable; a few named roles used across its widgets.

Roles set colours, emphasis and soft "card" backgrounds through :mod:`juror_app.ui.common.look`
(no application style sheet: that would slow every widget's polish), so the platform's own style
still draws the controls and high-DPI scaling stays Qt's.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from juror_app.ui.common import look
from juror_app.ui.common.look import Look

GOOD, WARN, BAD, MUTED, INK = "#1d6b40", "#8a5300", "#a4262c", "#5b6472", "#1f2937"
SOFT, LINE = "#f4f6fa", "#dde2ea"

ROLES: dict[str, Look] = {
    "muted": Look(colour=MUTED),
    "warning": Look(colour=WARN),
    "error": Look(colour=BAD),
    "recused": Look(colour="#5a4a8a", background="#f3f0fa", padding=(6, 6)),
    "dossierTitle": Look(colour=INK, point_size=13, weight=600),
    "dialogHeading": Look(point_size=11, weight=600),
    "progressLabel": Look(colour=INK, weight=600),
    "totals": Look(background=SOFT, border=LINE, padding=(6, 8)),
    "subtotal": Look(colour=INK, padding=(2, 4)),
    "missing": Look(padding=(2, 0)),
    "fingerprint": Look(background=SOFT, border=LINE, padding=(10, 10)),
    "emptyState": Look(colour="#374151", point_size=11),
    "criterionEditor": Look(background="#ffffff", border=LINE),
    "stageHeading": Look(colour="#1f3a68", point_size=11, weight=600, padding=(4, 2)),
    "savedState": Look(colour=GOOD, padding=(0, 8)),
    "demoBadge": Look(colour="#5a4a8a", background="#ece8f6", padding=(1, 8)),
    "viewerMessage": Look(colour="#374151", point_size=11, padding=(24, 24)),
}


def role(widget: QWidget, name: str) -> None:
    """Give ``widget`` one of the workstation's roles (its object name too)."""
    look.apply(widget, name, ROLES[name])
