"""Who is missing: each juror's progress with the latest package, and the dossier × juror matrix.

Rows of the matrix are dossiers and columns jurors, so a national edition (2,000 dossiers, 60 jurors)
scrolls down rather than across. A cell is the juror's state on an assigned dossier — no package,
not started, in progress, complete, recused — written as a symbol and a word on a soft colour; an
empty cell is a dossier not assigned to that juror.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from juror_app.ui.organizer import icons, names, style
from juror_app.ui.organizer.labels import IconLabel, heading
from juror_app.ui.organizer.session import Snapshot
from juror_app.ui.organizer.table_model import (
    CENTRE,
    RIGHT,
    Column,
    RowTableModel,
    fit_columns,
    sort_number,
    sorted_view,
)
from juror_app.workflows.organizer.results import CELL_STATES, MISSING, JurorProgress

translate = QCoreApplication.translate


@dataclass(frozen=True)
class MatrixRow:
    dossier_id: str
    institution: str
    category: str
    states: dict[str, str]  # juror id → state, for the jurors assigned to the dossier

    @property
    def done(self) -> int:
        return sum(s in ("complete", "recused") for s in self.states.values())


def progress_fraction(juror: JurorProgress) -> float | None:
    done = juror.counts.get("complete", 0) + juror.counts.get("recused", 0)
    return done / juror.assigned if juror.assigned else None


def _progress_style(juror: JurorProgress) -> tuple[str, str, str]:
    if juror.assigned and juror.counts.get(MISSING, 0) == juror.assigned:
        return style.CELL_STYLE[MISSING]
    fraction = progress_fraction(juror)
    return style.CELL_STYLE["complete"] if fraction == 1 else style.CELL_STYLE["in_progress"]


def _progress_text(juror: JurorProgress) -> str:
    if juror.assigned and juror.counts.get(MISSING, 0) == juror.assigned:
        return f"{style.CELL_STYLE[MISSING][2]} " + translate("CompletenessView", "no package yet")
    done = juror.counts.get("complete", 0) + juror.counts.get("recused", 0)
    fraction = progress_fraction(juror) or 0.0
    return f"{_progress_style(juror)[2]} {done} / {juror.assigned} ({names.number(fraction * 100, 0)}%)"


def juror_columns() -> list[Column[JurorProgress]]:
    def count(state: str):
        return lambda j: str(j.counts.get(state, 0))

    def count_sort(state: str):
        return lambda j: j.counts.get(state, 0)

    def count_fg(state: str):
        return lambda j: style.foreground(style.CELL_STYLE[state]) if j.counts.get(state, 0) else None

    columns = [
        Column(translate("CompletenessView", "Juror"), lambda j: j.juror_id),
        Column(translate("CompletenessView", "Name"), lambda j: j.name),
        Column(translate("CompletenessView", "Progress"), _progress_text, sort=lambda j: sort_number(progress_fraction(j)),
               foreground=lambda j: style.foreground(_progress_style(j)), background=lambda j: style.background(_progress_style(j)),
               header_tooltip=translate("CompletenessView", "Dossiers complete or recused, of those assigned")),
        Column(translate("CompletenessView", "Assigned"), lambda j: str(j.assigned), sort=lambda j: j.assigned, align=RIGHT),
    ]
    for state in CELL_STATES:
        columns.append(Column(names.cell_text(state), count(state), sort=count_sort(state), align=RIGHT,
                              foreground=count_fg(state)))
    columns += [
        Column(translate("CompletenessView", "Latest revision"),
               lambda j: names.DASH if j.latest_revision is None else str(j.latest_revision),
               sort=lambda j: sort_number(j.latest_revision), align=CENTRE),
        Column(translate("CompletenessView", "Package made"), lambda j: names.moment(j.latest_created_at),
               sort=lambda j: j.latest_created_at or ""),
        Column(translate("CompletenessView", "Imported"), lambda j: names.moment(j.latest_imported_at),
               sort=lambda j: j.latest_imported_at or ""),
    ]
    return columns


def matrix_columns(jurors: list[JurorProgress]) -> list[Column[MatrixRow]]:
    def cell(juror_id: str):
        return lambda r: names.cell_text(r.states[juror_id]) if juror_id in r.states else ""

    def cell_sort(juror_id: str):
        return lambda r: CELL_STATES.index(r.states[juror_id]) if juror_id in r.states else -1

    def cell_fg(juror_id: str):
        return lambda r: style.foreground(style.CELL_STYLE[r.states[juror_id]]) if juror_id in r.states else None

    def cell_bg(juror_id: str):
        return lambda r: style.background(style.CELL_STYLE[r.states[juror_id]]) if juror_id in r.states else None

    def cell_tip(juror: JurorProgress):
        return lambda r: f"{juror.name} — {r.institution}: {names.cell_name(r.states[juror.juror_id])}" \
            if juror.juror_id in r.states else None

    columns = [
        Column(translate("CompletenessView", "Dossier"), lambda r: r.dossier_id),
        Column(translate("CompletenessView", "Institution"), lambda r: r.institution, tooltip=lambda r: r.category),
        Column(translate("CompletenessView", "Done"), lambda r: f"{r.done} / {len(r.states)}",
               sort=lambda r: r.done / len(r.states) if r.states else -1.0, align=CENTRE,
               header_tooltip=translate("CompletenessView", "Jurors who completed the dossier or recused themselves")),
    ]
    for juror in jurors:
        columns.append(Column(f"{juror.juror_id}\n{names.surname(juror.name)}", cell(juror.juror_id),
                              sort=cell_sort(juror.juror_id), foreground=cell_fg(juror.juror_id),
                              background=cell_bg(juror.juror_id), tooltip=cell_tip(juror), header_tooltip=juror.name))
    return columns


def matrix_rows(snapshot: Snapshot) -> list[MatrixRow]:
    results = snapshot.results
    categories = {c.id: c.name for c in results.edition.categories}
    states: dict[str, dict[str, str]] = {}
    for juror_id, dossier_id, state in results.completeness:
        states.setdefault(dossier_id, {})[juror_id] = state
    return [MatrixRow(d.dossier_id, d.name, categories.get(d.category_id, d.category_id), states.get(d.dossier_id, {}))
            for d in results.dossiers]


class CompletenessView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.alarm = IconLabel(wrap=True)
        self.alarm.setObjectName("alarm")
        self.alarm.set_icon(icons.warning_icon(style.ALARM[0]))
        self.alarm.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.alarm.hide()
        self.summary = heading()  # lists the jurors still missing: it wraps rather than widen the window
        self.jurors = RowTableModel(juror_columns(), key=lambda j: j.juror_id)
        self.juror_table, _ = sorted_view(self.jurors)
        self.matrix = RowTableModel(matrix_columns([]), key=lambda r: r.dossier_id)
        self.matrix_table, _ = sorted_view(self.matrix)
        self.matrix_table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.matrix_table.setSelectionBehavior(self.matrix_table.SelectionBehavior.SelectItems)

        legend_text = QLabel(self.tr("Each cell: the juror's state on a dossier assigned to them."))
        legend_text.setWordWrap(True)
        legend = QHBoxLayout()
        for state in CELL_STATES:
            chip = QLabel(names.cell_text(state))
            chip.setStyleSheet(style.chip(style.CELL_STYLE[state]))
            legend.addWidget(chip)
        legend.addStretch(1)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(heading(self.tr("Jurors: progress and the latest package merged")))
        top_layout.addWidget(self.juror_table)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(heading(self.tr("Dossiers × jurors")))
        bottom_layout.addWidget(legend_text)
        bottom_layout.addLayout(legend)
        bottom_layout.addWidget(self.matrix_table)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setSizes([300, 500])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.alarm)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)

    def show_snapshot(self, snapshot: Snapshot) -> None:
        results = snapshot.results
        jurors = list(results.jurors)
        self.jurors.set_rows(jurors)
        fit_columns(self.juror_table)
        assigned = [j for j in jurors if j.assigned]
        self.matrix.set_columns(matrix_columns(assigned), matrix_rows(snapshot))
        fit_columns(self.matrix_table, max_width=300)
        with_package = sum(1 for j in assigned if j.latest_revision is not None)
        missing = [j for j in assigned if j.latest_revision is None]
        text = self.tr("Packages merged from %1 of %2 jurors.").replace("%1", str(with_package)).replace("%2", str(len(assigned)))
        if missing:
            text += " " + self.tr("Still missing: %1.").replace("%1", ", ".join(f"{j.juror_id} ({names.surname(j.name)})"
                                                                              for j in missing))
        self.summary.setText(text)
        if snapshot.alarms:
            lines = [(self.tr("ALARM — juror %1 (%2): the package with revision %3 does not continue the merged edit log "
                              "(noticed %4). It is kept as evidence; clarify it with the juror.") if a.kind == "fork" else
                      self.tr("ALARM — juror %1 (%2) signed two different packages with revision %3 (noticed %4). Both are kept "
                              "as evidence; clarify it with the juror."))
                     .replace("%1", a.juror_id).replace("%2", a.juror_name).replace("%3", str(a.revision))
                     .replace("%4", names.human_moment(a.raised_at)) for a in snapshot.alarms]
            self.alarm.setText("\n".join(lines))
        self.alarm.setVisible(bool(snapshot.alarms))
