"""How the window writes numbers, moments and the core's named states in the UI language.

The core's states (merge outcomes, completeness cells, certification) already carry their Polish and
English names; the window uses the same words as the command line (``juror-app merge``), so what the
office reads on screen matches what a script printed. Numbers follow the UI locale: "74,2" in Polish.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QLocale

from juror_app.domain.i18n import current_language, pick
from juror_app.domain.moments import local_moment
from juror_app.domain.scoring import CERTIFICATION_NAMES, Certification
from juror_app.ui.organizer import style
from juror_app.workflows.organizer.results import CELL_NAMES

DASH = "—"


def cell_name(state: str) -> str:
    return pick(*CELL_NAMES[state])


def cell_text(state: str) -> str:
    """A completeness cell: symbol and word (never colour alone)."""
    return f"{style.CELL_STYLE[state][2]} {cell_name(state)}"


def certification_name(value: Certification) -> str:
    return pick(*CERTIFICATION_NAMES[value])


def certification_short(value: Certification) -> str:
    """The certification for a table cell: the long "incomplete" explanation goes to the tooltip."""
    short = {
        Certification.CERTIFIED: QCoreApplication.translate("OrganizerNames", "certified"),
        Certification.NOT_CERTIFIED: QCoreApplication.translate("OrganizerNames", "not certified"),
        Certification.INCOMPLETE: QCoreApplication.translate("OrganizerNames", "incomplete"),
    }[value]
    return f"{style.CERTIFICATION_STYLE[value][2]} {short}"


def number(value: float | None, digits: int = 1) -> str:
    """A number in the UI locale with ``digits`` decimals ("7,3"); a dash when there is none."""
    if value is None:
        return DASH
    text = QLocale().toString(float(value), "f", digits)
    negative_zero = QLocale().toString(-0.0, "f", digits)
    return QLocale().toString(0.0, "f", digits) if text == negative_zero else text


def points(value: float | None) -> str:
    """Points as jurors give them: "7", "2,5"."""
    if value is None:
        return DASH
    if float(value).is_integer():
        return str(int(value))
    return QLocale().toString(float(value), "f", 1)


def percent(value: float | None, digits: int = 1) -> str:
    return DASH if value is None else f"{number(value, digits)}%"


def signed(value: float | None, digits: int = 1) -> str:
    """A deviation with its sign: "+6,2", "−3,0" (a real minus sign)."""
    if value is None:
        return DASH
    text = number(abs(value), digits)
    if text == number(0.0, digits):
        return text
    return ("+" if value > 0 else "−") + text


def moment(stamp: str | None) -> str:
    """A stored UTC moment ("2026-10-19T04:58:05Z") as local date and time ("2026-10-19 06:58")."""
    if not stamp:
        return DASH
    try:
        value = datetime.fromisoformat(stamp)  # Python 3.11 reads the trailing "Z"
    except ValueError:
        return stamp
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def human_moment(stamp: str | None) -> str:
    """A stored UTC moment for a sentence: "2 grudnia 2026, 09:26" in local time (tables use :func:`moment`)."""
    return local_moment(stamp, current_language()) or DASH


def surname(name: str) -> str:
    """A juror's surname for narrow places: the last word before any ", prof. UJ"-style suffix
    ("prof. dr hab. Halina Wierzbicka-Mróz" → "Wierzbicka-Mróz", "dr hab. Paweł Kądziela, prof. KUL" → "Kądziela")."""
    parts = name.split(",")[0].split()
    return parts[-1] if parts else name
