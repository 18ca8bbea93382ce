"""What the import dialog says about a bundle's changed scales, its checked documents and the refused ones.

Kept apart from the dialog's mechanics (states, background work) so each stays short; every text
goes through Qt's translation (context "ImportTexts"), counts with their own plural forms.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from juror_app.ui.juror import texts
from juror_app.workflows.juror.document_checks import CheckOutcome, RefusedDocument
from juror_app.workflows.juror.scale_change import ScaleChange




def _fill(template: str, *values: str) -> str:
    """Put ``values`` in for %1, %2, … in one pass (a title holding "%2" stays as it is)."""
    return re.sub(r"%(\d)", lambda m: values[int(m.group(1)) - 1] if 0 < int(m.group(1)) <= len(values) else m.group(0),
                  template)


def scale_change_lines(changes: tuple[ScaleChange, ...]) -> list[str]:
    """One line per criterion whose scale the bundle changes, with what happens to the juror's scores."""
    lines = []
    for change in changes:
        line = _fill(QCoreApplication.translate("ImportTexts", "%1 %2: %3 → %4."), change.code, change.name,
                     texts.scale_text(change.old_max_points, change.old_step),
                     texts.scale_text(change.new_max_points, change.new_step))
        if change.no_longer_fit:
            line += " " + QCoreApplication.translate(
                "ImportTexts", "%n of your scores no longer fit the new scale: they will be taken out and shown beside "
                "the criterion with their justification, for you to score again.", "", change.no_longer_fit)
        if change.still_fit:
            line += " " + QCoreApplication.translate(
                "ImportTexts", "%n score(s) still fit and are kept: check that they still say what you meant.", "",
                change.still_fit)
        lines.append(line)
    return lines


def scale_change_heading(changes: tuple[ScaleChange, ...]) -> str:
    return QCoreApplication.translate("ImportTexts", "The organizer changed the scale of %n criterion/criteria since your previous "
                      "version:", "", len(changes))


def superseded_text(count: int) -> str:
    return QCoreApplication.translate("ImportTexts", "%n score(s) no longer fit a changed scale: they were taken out (the organizer "
                      "will see that) and are shown beside their criterion with your old justification. Score them "
                      "again.", "", count)


def check_text(outcome: CheckOutcome) -> str:
    if outcome.left_unchecked:
        return QCoreApplication.translate("ImportTexts", "%n document(s) not checked yet: each is checked when you first open it, "
                          "and opens only if it passes.", "", outcome.left_unchecked)
    return QCoreApplication.translate("ImportTexts", "Documents checked: %n.", "", outcome.checked)


def refused_heading(count: int) -> str:
    return QCoreApplication.translate("ImportTexts", "The window will not open %n document(s): each shows its reason in place of "
                      "the document, with a way to open it in the system's PDF viewer at your own risk.", "", count)


def refused_line(document: RefusedDocument) -> str:
    """"d0001 · Urząd Miasta Dębica · „Formularz zgłoszeniowy”: Ten PDF jest chroniony hasłem."""
    return _fill(QCoreApplication.translate("ImportTexts", "%1 · %2 · “%3”: %4"), document.dossier_id, document.institution,
                 document.title, document.verdict.message())
