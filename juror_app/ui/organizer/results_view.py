"""Results per dossier and criterion, the disagreement threshold, and the list to discuss at the meeting.

Above: every dossier with its stage subtotals, weighted total, number of disagreements and
certification (filterable by category). Below, in two tabs: the selected dossier criterion by
criterion — each juror's points, mean, median, trimmed mean, standard deviation, and the range that
carries the disagreement flag — with its subtotals; and every (dossier, criterion) where the jurors'
range passes the threshold, which the organizer may change (it is stored with the edition and refused
while the results are locked).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from juror_app.domain.errors import UserError
from juror_app.domain.model import Criterion, Edition
from juror_app.domain.scoring import CriterionResult, DossierResult
from juror_app.store.organizer_schema import set_disagreement_threshold
from juror_app.ui.common.errors import show_user_error
from juror_app.ui.organizer import names, style
from juror_app.ui.organizer.category_filter import CategoryCombo
from juror_app.ui.organizer.session import OrganizerSession, Snapshot
from juror_app.ui.organizer.table_model import (
    CENTRE,
    RIGHT,
    ROW_ROLE,
    Column,
    RowTableModel,
    fit_columns,
    select_key,
    selected_row,
    sort_number,
    sorted_view,
)

translate = QCoreApplication.translate


@dataclass(frozen=True)
class DossierLine:
    result: DossierResult
    category: str
    assigned: int


@dataclass(frozen=True)
class CriterionLine:
    criterion: Criterion
    result: CriterionResult


@dataclass(frozen=True)
class DiscussLine:
    dossier: DossierResult
    criterion: Criterion
    result: CriterionResult


def _stage(stage_id: str):
    return lambda line: names.percent(getattr(line.result.stage(stage_id), "percent", None))


def _stage_sort(stage_id: str):
    return lambda line: sort_number(getattr(line.result.stage(stage_id), "percent", None))


def dossier_columns(edition: Edition) -> list[Column[DossierLine]]:
    disagreement = style.DISAGREEMENT
    codes = {c.id: c.code for c in edition.criteria}
    columns = [
        Column(translate("ResultsView", "Category"), lambda l: l.category),
        Column(translate("ResultsView", "Dossier"), lambda l: l.result.dossier_id),
        Column(translate("ResultsView", "Institution"), lambda l: l.result.name, tooltip=lambda l: l.result.name),
    ]
    for stage in edition.stages:
        columns.append(Column(f"{stage.id.value} %", _stage(stage.id.value), sort=_stage_sort(stage.id.value), align=RIGHT,
                              header_tooltip=translate("ResultsView", "Stage %1: %2").replace("%1", stage.id.value)
                              .replace("%2", stage.name)))
    columns += [
        Column(translate("ResultsView", "Total %"), lambda l: names.percent(l.result.total_percent),
               sort=lambda l: sort_number(l.result.total_percent), align=RIGHT,
               header_tooltip=translate("ResultsView", "Weighted total as % of the maximum")),
        Column("⚑",
               lambda l: f"{disagreement[2]} {len(l.result.disagreements)}" if l.result.disagreements else "",
               sort=lambda l: len(l.result.disagreements), align=CENTRE,
               foreground=lambda l: style.foreground(disagreement) if l.result.disagreements else None,
               background=lambda l: style.background(disagreement) if l.result.disagreements else None,
               tooltip=lambda l: ", ".join(codes.get(c, c) for c in l.result.disagreements) or None,
               header_tooltip=translate("ResultsView", "Criteria to discuss: the jurors' range is above the threshold")),
        Column(translate("ResultsView", "Complete"), lambda l: f"{l.result.complete_jurors} / {l.assigned}",
               sort=lambda l: l.result.complete_jurors, align=CENTRE,
               header_tooltip=translate("ResultsView", "Jurors who marked the dossier complete, of those assigned")),
        Column(translate("ResultsView", "Certification"), lambda l: names.certification_short(l.result.certification),
               foreground=lambda l: style.foreground(style.CERTIFICATION_STYLE[l.result.certification]),
               background=lambda l: style.background(style.CERTIFICATION_STYLE[l.result.certification]),
               tooltip=lambda l: names.certification_name(l.result.certification)),
    ]
    return columns


def criterion_columns(jurors: list[tuple[str, str]]) -> list[Column[CriterionLine]]:
    """Columns for one dossier's criteria: its own jurors' points between the criterion and the statistics."""
    def juror_points(juror_id: str):
        def text(line: CriterionLine) -> str:
            return names.points(dict(line.result.points).get(juror_id))
        return text

    def juror_sort(juror_id: str):
        return lambda line: sort_number(dict(line.result.points).get(juror_id))

    flag = style.DISAGREEMENT
    columns = [
        Column(translate("ResultsView", "Criterion"), lambda l: l.criterion.code, sort=lambda l: l.criterion.position,
               tooltip=lambda l: l.criterion.description or None),
        Column(translate("ResultsView", "Criterion name"), lambda l: l.criterion.name, tooltip=lambda l: l.criterion.name),
        Column(translate("ResultsView", "Max"), lambda l: names.points(l.criterion.max_points),
               sort=lambda l: l.criterion.max_points, align=RIGHT),
    ]
    for juror_id, name in jurors:
        columns.append(Column(juror_id, juror_points(juror_id), sort=juror_sort(juror_id), align=RIGHT,
                              header_tooltip=name))
    def statistic(header: str, field: str, tooltip: str | None = None) -> Column[CriterionLine]:
        return Column(header, lambda l: names.number(getattr(l.result.summary, field), 2),
                      sort=lambda l: sort_number(getattr(l.result.summary, field)), align=RIGHT, header_tooltip=tooltip)

    columns += [
        statistic(translate("ResultsView", "Mean"), "mean"),
        statistic(translate("ResultsView", "Median"), "median"),
        statistic(translate("ResultsView", "Trimmed mean"), "trimmed_mean", translate(
            "ResultsView", "With 4 or more scores the highest and the lowest are dropped; otherwise the mean")),
        statistic(translate("ResultsView", "SD"), "sd",
                  translate("ResultsView", "Sample standard deviation (needs 2 or more scores)")),
    ]
    # The range carries the disagreement flag: a symbol beside the number and a colour, never the colour alone.
    columns.append(Column(
        translate("ResultsView", "Range"),
        lambda l: names.number(l.result.summary.spread, 1) + (f" {flag[2]}" if l.result.disagreement else ""),
        sort=lambda l: sort_number(l.result.summary.spread), align=RIGHT,
        foreground=lambda l: style.foreground(flag) if l.result.disagreement else None,
        background=lambda l: style.background(flag) if l.result.disagreement else None,
        tooltip=lambda l: (translate("ResultsView", "To discuss at the meeting: the range is above the threshold")
                           if l.result.disagreement else None),
        header_tooltip=translate("ResultsView", "Highest minus lowest points; ⚑ = above the disagreement threshold")))
    return columns


def discuss_columns() -> list[Column[DiscussLine]]:
    return [
        Column(translate("ResultsView", "Dossier"), lambda l: l.dossier.dossier_id),
        Column(translate("ResultsView", "Institution"), lambda l: l.dossier.name, tooltip=lambda l: l.dossier.name),
        Column(translate("ResultsView", "Criterion"), lambda l: f"{l.criterion.code} {l.criterion.name}",
               sort=lambda l: l.criterion.position, tooltip=lambda l: l.criterion.name),
        Column(translate("ResultsView", "Range"),
               lambda l: f"{names.points(l.result.summary.spread)} / {names.points(l.criterion.max_points)}",
               sort=lambda l: sort_number(l.result.summary.spread) / (l.criterion.max_points or 1), align=CENTRE,
               foreground=lambda l: style.foreground(style.DISAGREEMENT),
               header_tooltip=translate("ResultsView", "Highest minus lowest points, of the criterion's maximum")),
        Column(translate("ResultsView", "Points"),
               lambda l: " · ".join(f"{j}: {names.points(p)}" for j, p in l.result.points)),
    ]


class ResultsView(QWidget):
    def __init__(self, session: OrganizerSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.snapshot: Snapshot | None = None

        self.category = CategoryCombo()
        self.category.currentIndexChanged.connect(self._filter_category)
        self.threshold = QDoubleSpinBox()
        self.threshold.setRange(5, 100)
        self.threshold.setSingleStep(5)
        self.threshold.setDecimals(0)
        self.threshold.setSuffix(" %")
        self.threshold.setToolTip(self.tr(
            "A criterion is flagged for discussion when its jurors' points differ (highest − lowest) by more than "
            "this share of the criterion's maximum."))
        self.apply_threshold = QPushButton(self.tr("Apply"))
        self.apply_threshold.clicked.connect(self.save_threshold)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Category:")))
        bar.addWidget(self.category)
        bar.addSpacing(24)
        bar.addWidget(QLabel(self.tr("Disagreement threshold:")))
        bar.addWidget(self.threshold)
        bar.addWidget(self.apply_threshold)
        bar.addSpacing(24)
        bar.addWidget(self.summary, 1)

        self.dossiers = RowTableModel([], key=lambda l: l.result.dossier_id)
        self.dossier_table, self.dossier_proxy = sorted_view(self.dossiers)
        self.dossier_table.selectionModel().selectionChanged.connect(lambda *_: self._show_dossier())
        self.detail_heading = QLabel()
        self.detail_heading.setObjectName("heading")
        self.detail_heading.setWordWrap(True)
        self.criteria = RowTableModel([], key=lambda l: l.criterion.id)
        self.criteria_table, _ = sorted_view(self.criteria)
        self.criteria_table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subtotals = QLabel()
        self.subtotals.setObjectName("note")
        self.subtotals.setWordWrap(True)
        self.subtotals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.detail_heading)
        detail_layout.addWidget(self.criteria_table, 1)
        detail_layout.addWidget(self.subtotals)

        self.discuss = RowTableModel(discuss_columns(), key=lambda l: (l.dossier.dossier_id, l.criterion.id))
        self.discuss_table, _ = sorted_view(self.discuss, stretch_last=True)
        self.discuss_table.doubleClicked.connect(self._open_discussed)
        self.discuss_heading = QLabel()
        self.discuss_heading.setObjectName("heading")
        discuss = QWidget()
        discuss_layout = QVBoxLayout(discuss)
        discuss_layout.setContentsMargins(0, 0, 0, 0)
        discuss_layout.addWidget(self.discuss_heading)
        discuss_layout.addWidget(self.discuss_table)

        # Full-width tables (no sideways scrolling on a laptop): the dossiers above, below them the selected
        # dossier criterion by criterion, or the list to discuss at the meeting.
        self.lower = QTabWidget()
        self.lower.setDocumentMode(True)
        self.lower.addTab(detail, self.tr("Selected dossier"))
        self.lower.addTab(discuss, self.tr("To discuss at the meeting"))
        down = QSplitter(Qt.Orientation.Vertical)
        down.addWidget(self.dossier_table)
        down.addWidget(self.lower)
        down.setSizes([380, 460])
        down.setChildrenCollapsible(False)
        self.splitters = {"results": down}
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(down, 1)

    # --- showing ----------------------------------------------------------------------------------------
    def show_snapshot(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        results = snapshot.results
        edition = results.edition
        selected = selected_row(self.dossier_table)
        categories = {c.id: c.name for c in edition.categories}
        assigned: dict[str, int] = {}
        for _, dossier_id, _ in results.completeness:
            assigned[dossier_id] = assigned.get(dossier_id, 0) + 1
        self.category.fill(edition.categories)
        self.dossiers.set_columns(dossier_columns(edition), [
            DossierLine(d, categories.get(d.category_id, d.category_id), assigned.get(d.dossier_id, 0)) for d in results.dossiers])
        fit_columns(self.dossier_table, max_width=480)
        self.dossier_table.setColumnHidden(0, True)  # the category: the filter above and the detail heading show it
        self._filter_category()
        criteria = {c.id: c for c in edition.criteria}
        by_id = {d.dossier_id: d for d in results.dossiers}
        lines = []
        for dossier_id, criterion_id in results.to_discuss:
            dossier = by_id[dossier_id]
            result = next(c for c in dossier.criteria if c.criterion_id == criterion_id)
            lines.append(DiscussLine(dossier, criteria[criterion_id], result))
        self.discuss.set_rows(lines)
        fit_columns(self.discuss_table)
        dossiers_to_discuss = len({l.dossier.dossier_id for l in lines})
        self.discuss_heading.setText(self.tr("To discuss at the meeting: %n criterion score(s)", "", len(lines)) + " " +
                                     self.tr("on %n dossier(s)", "", dossiers_to_discuss))
        self.lower.setTabText(1, self.tr("To discuss at the meeting (%1)").replace("%1", str(len(lines))))
        self.threshold.setValue(round(results.threshold * 100))
        locked = results.lock is not None
        self.threshold.setEnabled(not locked)
        self.apply_threshold.setEnabled(not locked)
        self.summary.setText(self.tr("%n dossier(s)", "", len(results.dossiers)) + " · " +
                             self.tr("%n to discuss", "", len(lines)))
        if not (selected and select_key(self.dossier_table, selected.result.dossier_id)):
            self.dossier_table.selectRow(0)
        self._show_dossier()

    def _filter_category(self) -> None:
        self.category.apply_to(self.dossier_proxy)

    def select_dossier(self, dossier_id: str) -> bool:
        if select_key(self.dossier_table, dossier_id):
            return True
        self.category.setCurrentIndex(0)
        return select_key(self.dossier_table, dossier_id)

    def _show_dossier(self) -> None:
        line: DossierLine | None = selected_row(self.dossier_table)
        if line is None or self.snapshot is None:
            self.criteria.set_rows([])
            self.detail_heading.setText(self.tr("Choose a dossier on the left."))
            self.subtotals.setText("")
            return
        results = self.snapshot.results
        edition = results.edition
        d = line.result
        jurors_of = sorted({j for c in d.criteria for j, _ in c.points})
        names_by_id = {j.juror_id: j.name for j in results.jurors}
        self.criteria.set_columns(criterion_columns([(j, names_by_id.get(j, j)) for j in jurors_of]),
                                  [CriterionLine(edition.criterion(c.criterion_id), c) for c in d.criteria])
        fit_columns(self.criteria_table, max_width=360)
        self.detail_heading.setText(f"{d.name} ({d.dossier_id}) — {line.category}")
        parts = []
        for stage in d.stages:
            parts.append(self.tr("Stage %1: %2 of %3 points (%4)").replace("%1", stage.stage)
                         .replace("%2", names.number(stage.points, 2)).replace("%3", names.points(stage.max_points))
                         .replace("%4", names.percent(stage.percent)))
        parts.append(self.tr("Weighted total: %1").replace("%1", names.percent(d.total_percent, 2)))
        parts.append(names.certification_name(d.certification))
        self.subtotals.setText(" · ".join(parts))

    def _open_discussed(self, index) -> None:
        line = index.data(ROW_ROLE)
        if line is not None and self.select_dossier(line.dossier.dossier_id):
            self.lower.setCurrentIndex(0)

    # --- the threshold ------------------------------------------------------------------------------------
    def save_threshold(self) -> None:
        value = self.threshold.value() / 100
        try:
            self.session.change(set_disagreement_threshold, value)
        except UserError as exc:
            show_user_error(self, exc, self.tr("The threshold was not changed"))
