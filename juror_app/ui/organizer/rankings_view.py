"""Rankings per category, raw and — when the organizer turns normalisation on — normalised side by side.

Normalisation offsets lenient and strict jurors (per-juror z-scores rescaled to the pooled mean and
standard deviation; ``juror_app.workflows.organizer.results``). The raw ranking stays the official one; the
normalised one is shown beside it, and every dossier whose place differs is highlighted with the
direction and size of the move, so the meeting can discuss exactly those.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from juror_app.ui.organizer import names, style
from juror_app.ui.organizer.category_filter import CategoryCombo
from juror_app.ui.organizer.session import Snapshot
from juror_app.ui.organizer.table_model import (
    CENTRE,
    RIGHT,
    ROW_ROLE,
    Column,
    RowTableModel,
    fit_columns,
    sort_number,
    sorted_view,
)
from juror_app.workflows.organizer.results import RankingRow
from juror_app.workflows.organizer.ui_support import (
    normalisation_special_cases,
    place_shift,
)

translate = QCoreApplication.translate
NORMALISED_COLUMNS = (5, 6, 7)  # normalised place, normalised %, change


@dataclass(frozen=True)
class RankLine:
    row: RankingRow
    category: str
    category_position: int


def _shift_style(line: RankLine):
    shift = place_shift(line.row)
    if not line.row.place_changed or shift is None:
        return None
    return style.PLACE_UP if shift > 0 else style.PLACE_DOWN


def _shift_text(line: RankLine) -> str:
    shift = place_shift(line.row)
    chosen = _shift_style(line)
    if chosen is None or shift is None:
        return ""
    word = translate("RankingsView", "up %n", None, shift) if shift > 0 else translate("RankingsView", "down %n", None, -shift)
    return f"{chosen[2]} {word}"


def _place(value: int | None) -> str:
    return names.DASH if value is None else str(value)


def ranking_columns() -> list[Column[RankLine]]:
    def fg(line: RankLine):
        chosen = _shift_style(line)
        return style.foreground(chosen) if chosen else None

    def bg(line: RankLine):
        chosen = _shift_style(line)
        return style.background(chosen) if chosen else None

    return [
        Column(translate("RankingsView", "Category"), lambda l: l.category,
               sort=lambda l: l.category_position * 100_000 + (l.row.place or 99_999)),
        Column(translate("RankingsView", "Place"), lambda l: _place(l.row.place), sort=lambda l: sort_number(l.row.place, float("inf")),
               align=CENTRE),
        Column(translate("RankingsView", "Institution"), lambda l: l.row.name, tooltip=lambda l: l.row.dossier_id),
        Column(translate("RankingsView", "Total %"), lambda l: names.percent(l.row.total_percent, 2),
               sort=lambda l: sort_number(l.row.total_percent), align=RIGHT),
        Column(translate("RankingsView", "Stage II %"), lambda l: names.percent(l.row.stage_ii_percent),
               sort=lambda l: sort_number(l.row.stage_ii_percent), align=RIGHT,
               header_tooltip=translate("RankingsView", "Breaks ties of the total")),
        Column(translate("RankingsView", "Normalised place"), lambda l: _place(l.row.normalised_place),
               sort=lambda l: sort_number(l.row.normalised_place, float("inf")), align=CENTRE, foreground=fg, background=bg),
        Column(translate("RankingsView", "Normalised %"), lambda l: names.percent(l.row.normalised_percent, 2),
               sort=lambda l: sort_number(l.row.normalised_percent), align=RIGHT, foreground=fg, background=bg),
        Column(translate("RankingsView", "Change"), _shift_text, sort=lambda l: sort_number(place_shift(l.row), 0.0),
               align=CENTRE, foreground=fg, background=bg,
               header_tooltip=translate("RankingsView", "How normalisation moves the dossier within its category")),
    ]


class RankingsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.snapshot: Snapshot | None = None
        self.normalise = QCheckBox(self.tr("Normalise jurors' scores and show both rankings side by side"))
        self.normalise.setToolTip(self.tr("Offsets lenient and strict jurors; the raw ranking stays the official one."))
        self.normalise.toggled.connect(self._apply_toggle)
        self.category = CategoryCombo()
        self.category.currentIndexChanged.connect(self._filter_category)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Category:")))
        bar.addWidget(self.category)
        bar.addSpacing(24)
        bar.addWidget(self.normalise)
        bar.addStretch(1)
        self.note = QLabel()
        self.note.setObjectName("note")
        self.note.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.model = RowTableModel(ranking_columns(), key=lambda l: l.row.dossier_id)
        self.table, self.proxy = sorted_view(self.model)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.note)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self._apply_toggle(False)

    def show_snapshot(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        results = snapshot.results
        categories = {c.id: (i, c.name) for i, c in enumerate(results.edition.categories)}
        self.category.fill(results.edition.categories)
        self.model.set_rows([RankLine(r, categories.get(r.category_id, (0, r.category_id))[1],
                                      categories.get(r.category_id, (len(categories), ""))[0]) for r in results.rankings])
        fit_columns(self.table)
        self._filter_category()  # and applies the toggle

    def changed_places(self) -> list[RankingRow]:
        """The rows shown (the category filter applies) whose place normalisation changes."""
        shown = (self.proxy.index(r, 0).data(ROW_ROLE) for r in range(self.proxy.rowCount()))
        return [line.row for line in shown if line.row.place_changed]

    def _apply_toggle(self, on: bool) -> None:
        for column in NORMALISED_COLUMNS:
            self.table.setColumnHidden(column, not on)
        if on:
            fit_columns(self.table)  # hidden columns were not measured
        self.note.setVisible(on)
        self.summary.setVisible(on)
        if not on or self.snapshot is None:
            return
        cases = normalisation_special_cases(self.snapshot.results)
        note = self.tr(
            "Normalisation: each juror's weighted totals become z-scores (the juror's own mean and standard deviation) "
            "and are rescaled to the mean and standard deviation of all jurors' totals; a dossier's normalised total is "
            "the mean over its jurors. A juror with fewer than 2 totals keeps the raw values; a juror whose totals are "
            "all equal gets the pooled mean. The raw ranking remains the official one.")
        few = cases.get("too_few", [])
        flat = cases.get("no_spread", [])
        if few:
            note += "\n" + self.tr("Kept raw (fewer than 2 totals): %1.").replace("%1", ", ".join(few))
        if flat:
            note += "\n" + self.tr("Set to the pooled mean (no spread): %1.").replace("%1", ", ".join(flat))
        if not few and not flat:
            note += "\n" + self.tr("In this edition every juror with totals has at least 2 of them and some spread.")
        self.note.setText(note)
        changed = len(self.changed_places())
        self.summary.setText(self.tr("Normalisation changes the place of %n dossier(s) (highlighted).", "", changed))

    def _filter_category(self) -> None:
        self.category.apply_to(self.proxy)
        self._apply_toggle(self.normalise.isChecked())
