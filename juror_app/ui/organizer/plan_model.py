"""The import dialog's preview table: one row per file, with what merging it would do.

A row exists from the moment a file is added ("checking…") and receives its
:class:`~juror_app.workflows.organizer.merge.PlannedFile` when the batch has been checked. The outcome is shown
as a symbol, a word and a colour together; the details column gives the reason in one line, and the
dialog's details pane the whole story (every change old → new, the alarm, the refusal).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from juror_app.domain.i18n import current_language
from juror_app.ui.organizer import names, style
from juror_app.ui.organizer.table_model import (
    CENTRE,
    Column,
    RowTableModel,
    sort_number,
)
from juror_app.workflows.organizer.merge import PlannedFile
from juror_app.workflows.organizer.package_checks import Outcome

MAX_CHANGES_SHOWN = 400
_OUTCOME_ORDER = {Outcome.EQUIVOCATION: 0, Outcome.FORK: 0, Outcome.REFUSED: 1, Outcome.HELD: 2, Outcome.STALE: 3,
                  Outcome.UPDATE: 4, Outcome.NEW: 5, Outcome.ALREADY_IMPORTED: 6}


translate = QCoreApplication.translate


@dataclass(frozen=True)
class PlanRow:
    path: Path
    planned: PlannedFile | None = None  # None while the file is being checked

    @property
    def outcome(self) -> Outcome | None:
        return self.planned.outcome if self.planned else None


def outcome_text(row: PlanRow) -> str:
    if row.planned is None:
        return translate("PlanModel", "checking…")
    return f"{style.OUTCOME_STYLE[row.planned.outcome][2]} {row.planned.outcome_name()}"


def juror_text(row: PlanRow) -> str:
    f = row.planned
    if f is None or not f.juror_id:
        return names.DASH
    return f"{f.juror_id} — {f.signer_name}" if f.signer_name else f.juror_id


def revision_text(row: PlanRow) -> str:
    f = row.planned
    if f is None or f.revision is None:
        return names.DASH
    if f.previous_revision is not None and f.outcome in (Outcome.UPDATE, Outcome.STALE):
        text = translate("PlanModel", "%1 (merged: %2)")
        return text.replace("%1", str(f.revision)).replace("%2", str(f.previous_revision))
    return str(f.revision)


def details_text(row: PlanRow) -> str:
    """One line for the table: what the file holds or why it is not merged."""
    f = row.planned
    if f is None:
        return ""
    if f.outcome is Outcome.NEW:
        return contents_text(f)
    if f.outcome is Outcome.UPDATE:
        changes = translate("PlanModel", "%n change(s) to the merged data", None, len(f.changes))
        return f"{changes} — {contents_text(f)}"
    if f.outcome is Outcome.ALREADY_IMPORTED and not f.reason():
        return translate("PlanModel", "Nothing to do: this package is already merged.")
    return f.reason()


def contents_text(f: PlannedFile) -> str:
    counts = f.counts
    if not counts:
        return ""
    return ", ".join((translate("PlanModel", "%n dossier(s)", None, counts.get("dossiers", 0)),
                      translate("PlanModel", "%n complete", None, counts.get("complete", 0)),
                      translate("PlanModel", "%n score(s)", None, counts.get("scores", 0))))


def plan_model() -> RowTableModel[PlanRow]:
    def fg(row: PlanRow):
        return style.foreground(style.OUTCOME_STYLE[row.outcome]) if row.outcome else None

    def bg(row: PlanRow):
        return style.background(style.OUTCOME_STYLE[row.outcome]) if row.outcome else None

    columns = [
        Column(translate("PlanModel", "File"), lambda r: r.path.name, tooltip=lambda r: str(r.path)),
        Column(translate("PlanModel", "Juror"), juror_text),
        Column(translate("PlanModel", "Revision"), revision_text, align=CENTRE,
               sort=lambda r: sort_number(r.planned.revision if r.planned else None)),
        Column(translate("PlanModel", "Outcome"), outcome_text, sort=lambda r: _OUTCOME_ORDER.get(r.outcome, 9),
               foreground=fg, background=bg, icon=lambda r: style.dot(style.OUTCOME_STYLE[r.outcome]) if r.outcome else None),
        Column(translate("PlanModel", "Details"), details_text, tooltip=lambda r: details_text(r) or None),
    ]
    return RowTableModel(columns, key=lambda r: str(r.path))


def details_html(row: PlanRow) -> str:
    """The details pane for one file: who, which revision, the outcome and its whole explanation."""
    e = html.escape
    f = row.planned
    parts = [(f"<p style='font-size:11pt'><b>{e(row.path.name)}</b><br>"
              f"<span style='color:#5b6472'>{e(str(row.path))}</span></p>")]
    if f is None:
        parts.append(f"<p>{e(outcome_text(row))}</p>")
        return "".join(parts)
    fg, bg, symbol = style.OUTCOME_STYLE[f.outcome]
    parts.append(f"<p><span style='color:{fg}; background:{bg}; font-weight:600'>&nbsp;{e(symbol)} "
                 f"{e(f.outcome_name())}&nbsp;</span></p>")
    alarm = {
        Outcome.EQUIVOCATION: translate("PlanModel", "ALARM: this juror signed two different packages with the same revision. "
                                        "Both are kept as evidence and nothing of this juror is merged; clarify it with the "
                                        "juror before anything else."),
        Outcome.FORK: translate("PlanModel", "ALARM: this package's edit log does not continue the juror's earlier one, so edits "
                                "already made would be lost. It is kept as evidence and nothing of this juror is merged; "
                                "clarify it with the juror and resolve the alarm."),
        Outcome.HELD: translate("PlanModel", "Held: this juror has an alarm that is not resolved yet. Nothing of this juror is "
                                "merged until the alarm is resolved (click the alarm badge in the status bar)."),
    }.get(f.outcome)
    if alarm:
        parts.append(f"<p style='color:{style.BAD[0]}; font-weight:600'>{e(alarm)}</p>")
    if f.reason():
        parts.append(f"<p>{e(f.reason())}</p>")
    facts = [
        (translate("PlanModel", "Juror"), juror_text(row)),
        (translate("PlanModel", "Revision"), revision_text(row)),
        (translate("PlanModel", "Created"), names.moment(f.created_at) if f.created_at else names.DASH),
        (translate("PlanModel", "Key"), f.key_fingerprint or names.DASH),
        (translate("PlanModel", "Contents"), contents_text(f) or names.DASH),
        (translate("PlanModel", "File SHA-256"), f.file_sha256 or names.DASH),
    ]
    parts.append("<table cellspacing='0' cellpadding='2'>" + "".join(
        f"<tr><td style='color:#5b6472; padding-right:10px'>{e(k)}</td><td>{e(v)}</td></tr>" for k, v in facts) + "</table>")
    if f.outcome is Outcome.UPDATE:
        lang = current_language()
        shown = f.changes[:MAX_CHANGES_SHOWN]
        heading = translate("PlanModel", "What changes (merged → this package):")
        parts.append(f"<p><b>{e(heading)}</b></p><ul>")
        parts += [f"<li>{e(c.describe(lang))}</li>" for c in shown]
        parts.append("</ul>")
        if len(f.changes) > len(shown):
            more = translate("PlanModel", "… and %n more change(s).", None, len(f.changes) - len(shown))
            parts.append(f"<p>{e(more)}</p>")
        if not f.changes:
            same = translate("PlanModel", "No score, status, conflict or nomination changes: only the revision is newer.")
            parts.append(f"<p>{e(same)}</p>")
    return "".join(parts)
