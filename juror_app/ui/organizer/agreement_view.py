"""How far the jurors agree, per criterion, and how lenient or strict each juror is — with two charts.

Each dossier has its own few jurors (an incomplete design), so the coefficients are the ones that
accept it: Krippendorff's alpha (interval metric) and the one-way ICC (Shrout & Fleiss case 1). The
leniency profile compares each juror's own weighted totals with their co-jurors' on the same dossiers.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from juror_app.domain.model import Edition
from juror_app.domain.normalisation import (
    TREATMENT_NO_SPREAD,
    TREATMENT_TOO_FEW,
    TREATMENT_Z,
)
from juror_app.ui.organizer import charts, names, style
from juror_app.ui.organizer.labels import heading
from juror_app.ui.organizer.session import Snapshot
from juror_app.ui.organizer.table_model import (
    RIGHT,
    Column,
    RowTableModel,
    fit_columns,
    sort_number,
    sorted_view,
)
from juror_app.workflows.organizer.results import CriterionAgreement, JurorLeniency
from juror_app.workflows.organizer.ui_support import score_distribution

translate = QCoreApplication.translate
LOW_AGREEMENT = 0.667  # Krippendorff's own lowest value for tentative conclusions


def _coefficient(value: float | None) -> str:
    return names.number(value, 3)


def _low(value: float | None):
    return style.foreground(style.WARN) if value is not None and value < LOW_AGREEMENT else None


def agreement_columns(edition: Edition) -> list[Column[CriterionAgreement]]:
    criterion_names = {c.id: c.name for c in edition.criteria}
    return [
        Column(translate("AgreementView", "Criterion"), lambda a: a.code),
        Column(translate("AgreementView", "Criterion name"), lambda a: criterion_names.get(a.criterion_id, "")),
        Column(translate("AgreementView", "Dossiers"), lambda a: str(a.dossiers), sort=lambda a: a.dossiers, align=RIGHT,
               header_tooltip=translate("AgreementView", "Dossiers with points from at least two jurors")),
        Column(translate("AgreementView", "Krippendorff's α"), lambda a: _coefficient(a.alpha), sort=lambda a: sort_number(a.alpha),
               align=RIGHT, foreground=lambda a: _low(a.alpha),
               header_tooltip=translate("AgreementView", "Interval metric; 1 = full agreement, 0 = no better than chance. "
                                                         "Below 0.667 (shown in amber) conclusions are doubtful.")),
        Column(translate("AgreementView", "ICC(1,1)"), lambda a: _coefficient(a.icc_1_1), sort=lambda a: sort_number(a.icc_1_1),
               align=RIGHT, foreground=lambda a: _low(a.icc_1_1),
               header_tooltip=translate("AgreementView", "One-way ICC: how reliable one juror's points are")),
        Column(translate("AgreementView", "ICC(1,k)"), lambda a: _coefficient(a.icc_1_k), sort=lambda a: sort_number(a.icc_1_k),
               align=RIGHT, foreground=lambda a: _low(a.icc_1_k),
               header_tooltip=translate("AgreementView", "One-way ICC: how reliable the mean of the dossier's jurors is")),
        Column(translate("AgreementView", "k"), lambda a: names.number(a.k, 2), sort=lambda a: a.k, align=RIGHT,
               header_tooltip=translate("AgreementView", "Jurors per dossier (the mean used by ICC(1,k))")),
    ]


def treatment_name(value: str | None) -> str:
    return {
        TREATMENT_Z: translate("AgreementView", "z-score"),
        TREATMENT_TOO_FEW: translate("AgreementView", "kept raw (fewer than 2 totals)"),
        TREATMENT_NO_SPREAD: translate("AgreementView", "pooled mean (no spread)"),
    }.get(value or "", names.DASH)


def leniency_columns(juror_names: dict[str, str]) -> list[Column[JurorLeniency]]:
    def direction(l: JurorLeniency):
        if l.mean_deviation is None or abs(l.mean_deviation) < 0.05:
            return None
        return style.foreground(style.GOOD if l.mean_deviation > 0 else style.WARN)

    return [
        Column(translate("AgreementView", "Juror"), lambda l: l.juror_id),
        Column(translate("AgreementView", "Name"), lambda l: juror_names.get(l.juror_id, "")),
        Column(translate("AgreementView", "Dossiers compared"), lambda l: str(l.dossiers), sort=lambda l: l.dossiers, align=RIGHT),
        Column(translate("AgreementView", "Mean deviation (pp)"), lambda l: names.signed(l.mean_deviation),
               sort=lambda l: sort_number(l.mean_deviation), align=RIGHT, foreground=direction,
               header_tooltip=translate("AgreementView", "The juror's weighted total minus the co-jurors' on the same "
                                                         "dossiers, in percentage points: + more lenient, − stricter")),
        Column(translate("AgreementView", "Mean absolute deviation (pp)"), lambda l: names.number(l.mean_abs_deviation),
               sort=lambda l: sort_number(l.mean_abs_deviation), align=RIGHT),
        Column(translate("AgreementView", "Normalisation"), lambda l: treatment_name(l.normalisation)),
    ]


class AgreementView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.agreement = RowTableModel([], key=lambda a: a.criterion_id)
        self.agreement_table, _ = sorted_view(self.agreement)
        self.leniency = RowTableModel([], key=lambda l: l.juror_id)
        self.leniency_table, _ = sorted_view(self.leniency)
        note = QLabel(self.tr(
            "Each dossier has its own jurors, so agreement is measured with coefficients that allow it: Krippendorff's α "
            "(interval) and the one-way ICC. Values near 1 mean the jurors agree; amber marks values below 0.667."))
        note.setObjectName("note")
        note.setWordWrap(True)
        self.distribution_chart = charts.ChartCanvas(self)
        self.leniency_chart = charts.ChartCanvas(self)

        grid = QGridLayout(self)
        grid.addWidget(heading(self.tr("Agreement per criterion"), bottom=True), 0, 0)
        grid.addWidget(self.agreement_table, 1, 0)
        grid.addWidget(note, 2, 0)
        grid.addWidget(heading(self.tr("Juror leniency"), bottom=True), 3, 0)
        grid.addWidget(self.leniency_table, 4, 0)
        grid.addWidget(self.distribution_chart, 0, 1, 3, 1)
        grid.addWidget(self.leniency_chart, 3, 1, 2, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setRowStretch(1, 3)
        grid.setRowStretch(4, 2)

    def show_snapshot(self, snapshot: Snapshot) -> None:
        results = snapshot.results
        juror_names = {j.juror_id: j.name for j in results.jurors}
        self.agreement.set_columns(agreement_columns(results.edition), list(results.agreement))
        fit_columns(self.agreement_table)
        compared = [l for l in results.leniency if l.dossiers]
        self.leniency.set_columns(leniency_columns(juror_names), compared)
        fit_columns(self.leniency_table)
        charts.draw_distribution(
            self.distribution_chart,
            [charts.DistributionSeries(d.code, d.percents) for d in score_distribution(results)],
            title=self.tr("Score distribution per criterion"), y_label=self.tr("% of the criterion's maximum"),
            empty_text=self.tr("No scores merged yet"), mean_label=self.tr("mean"))
        charts.draw_leniency(
            self.leniency_chart,
            [charts.LeniencyBar(f"{l.juror_id} {names.surname(juror_names.get(l.juror_id, ''))}", l.mean_deviation)
             for l in compared if l.mean_deviation is not None],
            title=self.tr("Juror leniency"), x_label=self.tr("mean deviation from co-jurors (percentage points)"),
            empty_text=self.tr("No dossier scored by two jurors yet"), lenient_text=self.tr("more lenient"),
            strict_text=self.tr("stricter"))
