"""Decisions: the ranking per category with certification, the special distinctions, and the lock.

Certification follows the edition's rule (shown above the table). Special distinctions are chosen by
the organizer with the jurors' nominations beside them. Locking freezes the results for printing:
from then on imports, the threshold and distinctions are refused until someone unlocks them, giving a
reason that is kept in the lock history.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from juror_app.domain.errors import UserError
from juror_app.domain.model import Edition
from juror_app.domain.scoring import MIN_COMPLETE_JURORS, Certification, DossierResult
from juror_app.store.organizer_schema import (
    choose_distinction,
    lock_results,
    unlock_results,
    withdraw_distinction,
)
from juror_app.ui.common.errors import show_user_error
from juror_app.ui.organizer import icons, names, style
from juror_app.ui.organizer.category_filter import CategoryCombo
from juror_app.ui.organizer.labels import IconLabel, heading
from juror_app.ui.organizer.decision_dialogs import (
    AwardDialog,
    LockDialog,
    UnlockDialog,
)
from juror_app.ui.organizer.session import OrganizerSession, Snapshot
from juror_app.ui.organizer.table_model import (
    CENTRE,
    RIGHT,
    Column,
    RowTableModel,
    fit_columns,
    select_key,
    selected_row,
    sort_number,
    sorted_view,
)
from juror_app.workflows.organizer.results import RankingRow
from juror_app.workflows.organizer.ui_support import DistinctionRow, distinction_rows

translate = QCoreApplication.translate


@dataclass(frozen=True)
class DecisionLine:
    ranking: RankingRow
    dossier: DossierResult
    category: str
    category_position: int
    awarded: tuple[str, ...]  # distinction names


def decision_columns(edition: Edition) -> list[Column[DecisionLine]]:
    def cert(line: DecisionLine):
        return style.CERTIFICATION_STYLE[line.dossier.certification]

    columns = [
        Column(translate("DecisionsView", "Category"), lambda l: l.category,
               sort=lambda l: l.category_position * 100_000 + (l.ranking.place or 99_999)),
        Column(translate("DecisionsView", "Place"), lambda l: names.DASH if l.ranking.place is None else str(l.ranking.place),
               sort=lambda l: sort_number(l.ranking.place, float("inf")), align=CENTRE),
        Column(translate("DecisionsView", "Institution"), lambda l: l.dossier.name, tooltip=lambda l: l.dossier.dossier_id),
        Column(translate("DecisionsView", "Total %"), lambda l: names.percent(l.dossier.total_percent, 2),
               sort=lambda l: sort_number(l.dossier.total_percent), align=RIGHT),
    ]
    def stage_column(stage_id: str) -> Column[DecisionLine]:
        def percent(line: DecisionLine) -> float | None:
            return getattr(line.dossier.stage(stage_id), "percent", None)

        return Column(translate("DecisionsView", "Stage %1 %").replace("%1", stage_id), lambda l: names.percent(percent(l)),
                      sort=lambda l: sort_number(percent(l)), align=RIGHT)

    columns += [stage_column(stage.id.value) for stage in edition.stages]
    columns += [
        Column(translate("DecisionsView", "Complete"), lambda l: str(l.dossier.complete_jurors),
               sort=lambda l: l.dossier.complete_jurors, align=CENTRE,
               header_tooltip=translate("DecisionsView", "Jurors who marked the dossier complete")),
        Column(translate("DecisionsView", "Certification"), lambda l: names.certification_short(l.dossier.certification),
               foreground=lambda l: style.foreground(cert(l)), background=lambda l: style.background(cert(l)),
               tooltip=lambda l: names.certification_name(l.dossier.certification)),
        Column(translate("DecisionsView", "Distinctions awarded"), lambda l: ", ".join(l.awarded)),
    ]
    return columns


def distinction_columns() -> list[Column[DistinctionRow]]:
    def awarded(row: DistinctionRow) -> str:
        return "✓ " + translate("DecisionsView", "awarded") if row.chosen else ""

    def nominated_by(row: DistinctionRow) -> str:
        return ", ".join(f"{n.juror_id} {names.surname(n.juror_name)}" for n in row.nominations) or names.DASH

    def reasons(row: DistinctionRow) -> str:
        return "\n".join(f"{n.juror_name}: {n.reason}" for n in row.nominations) or None

    return [
        Column(translate("DecisionsView", "Distinction"), lambda r: r.distinction_name),
        Column(translate("DecisionsView", "Institution"), lambda r: r.institution, tooltip=lambda r: r.dossier_id),
        Column(translate("DecisionsView", "Nominations"), lambda r: str(len(r.nominations)), sort=lambda r: len(r.nominations),
               align=CENTRE),
        Column(translate("DecisionsView", "Nominated by"), nominated_by, tooltip=reasons),
        Column(translate("DecisionsView", "Decision"), awarded,
               foreground=lambda r: style.foreground(style.GOOD) if r.chosen else None,
               background=lambda r: style.background(style.GOOD) if r.chosen else None,
               tooltip=lambda r: (f"{r.chosen.decided_by} · {names.moment(r.chosen.decided_at)}" +
                                  (f"\n{r.chosen.note}" if r.chosen.note else "")) if r.chosen else None),
        Column(translate("DecisionsView", "Reasons"), lambda r: " · ".join(n.reason for n in r.nominations), tooltip=reasons),
    ]


class DecisionsView(QWidget):
    def __init__(self, session: OrganizerSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.snapshot: Snapshot | None = None

        self.lock_state = IconLabel(wrap=True)
        self.lock_button = QPushButton(self.tr("Lock the results for printing…"))
        self.lock_button.clicked.connect(self.lock)
        self.unlock_button = QPushButton(self.tr("Unlock…"))
        self.unlock_button.clicked.connect(self.unlock)
        lock_bar = QHBoxLayout()
        lock_bar.addWidget(self.lock_state, 1)
        lock_bar.addWidget(self.lock_button)
        lock_bar.addWidget(self.unlock_button)

        self.rule = QLabel()
        self.rule.setObjectName("note")
        self.rule.setWordWrap(True)
        self.category = CategoryCombo()
        self.category.currentIndexChanged.connect(self._filter_category)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        ranking_bar = QHBoxLayout()
        ranking_bar.addWidget(QLabel(self.tr("Category:")))
        ranking_bar.addWidget(self.category)
        ranking_bar.addSpacing(24)
        ranking_bar.addWidget(self.summary, 1)
        self.ranking = RowTableModel([], key=lambda l: l.dossier.dossier_id)
        self.ranking_table, self.ranking_proxy = sorted_view(self.ranking)
        ranking = QWidget()
        ranking_layout = QVBoxLayout(ranking)
        ranking_layout.setContentsMargins(0, 0, 0, 0)
        ranking_layout.addWidget(heading(self.tr("Ranking per category and certification")))
        ranking_layout.addWidget(self.rule)
        ranking_layout.addLayout(ranking_bar)
        ranking_layout.addWidget(self.ranking_table, 1)

        self.distinctions = RowTableModel(distinction_columns(), key=lambda r: (r.dossier_id, r.distinction_id))
        self.distinction_table, _ = sorted_view(self.distinctions, stretch_last=True)
        self.distinction_table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.award_button = QPushButton(self.tr("Award the selected"))
        self.award_button.clicked.connect(self.award_selected)
        self.withdraw_button = QPushButton(self.tr("Withdraw the selected"))
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        self.award_other_button = QPushButton(self.tr("Award to any dossier…"))
        self.award_other_button.clicked.connect(lambda: self.award())
        buttons = QHBoxLayout()
        buttons.addWidget(self.award_button)
        buttons.addWidget(self.withdraw_button)
        buttons.addWidget(self.award_other_button)
        buttons.addStretch(1)
        distinctions = QWidget()
        distinctions_layout = QVBoxLayout(distinctions)
        distinctions_layout.setContentsMargins(0, 0, 0, 0)
        distinctions_layout.addWidget(heading(self.tr("Special distinctions: the jurors' nominations and your decisions")))
        distinctions_layout.addWidget(self.distinction_table, 1)
        distinctions_layout.addLayout(buttons)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(ranking)
        splitter.addWidget(distinctions)
        splitter.setSizes([480, 300])
        splitter.setChildrenCollapsible(False)
        self.splitters = {"decisions": splitter}
        layout = QVBoxLayout(self)
        layout.addLayout(lock_bar)
        layout.addWidget(splitter, 1)

    # --- showing ----------------------------------------------------------------------------------------
    def show_snapshot(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        results = snapshot.results
        edition = results.edition
        categories = {c.id: (i, c.name) for i, c in enumerate(edition.categories)}
        titles = {d.id: d.name for d in edition.distinctions}
        awarded = {d.dossier_id: tuple(titles.get(x, x) for x, *_ in d.chosen) for d in results.decisions}
        by_id = {d.dossier_id: d for d in results.dossiers}
        lines = [DecisionLine(r, by_id[r.dossier_id], categories.get(r.category_id, (0, r.category_id))[1],
                              categories.get(r.category_id, (len(categories), ""))[0], awarded.get(r.dossier_id, ()))
                 for r in results.rankings]
        self.category.fill(edition.categories)
        self.ranking.set_columns(decision_columns(edition), lines)
        fit_columns(self.ranking_table)
        self._filter_category()
        certified = sum(1 for d in results.dossiers if d.certification is Certification.CERTIFIED)
        incomplete = sum(1 for d in results.dossiers if d.certification is Certification.INCOMPLETE)
        self.summary.setText(self.tr("Certified: %n dossier(s)", "", certified) + " · " +
                             self.tr("incomplete assessment: %n", "", incomplete))
        rule = edition.certification_rule
        stages = ", ".join(self.tr("stage %1 ≥ %2%").replace("%1", s).replace("%2", names.number(v, 0))
                           for s, v in sorted(rule.stage_pct_min.items()))
        text = self.tr("Certification rule: weighted total ≥ %1%").replace("%1", names.number(rule.total_pct_min, 0))
        if stages:
            text += ", " + stages
        text += "; " + self.tr("at least %n juror(s) marked the dossier complete.", "", MIN_COMPLETE_JURORS)
        if rule.description:
            text += "\n" + rule.description
        self.rule.setText(text)
        selected = selected_row(self.distinction_table)
        self.distinctions.set_rows(distinction_rows(results))
        fit_columns(self.distinction_table, max_width=320)
        if selected is not None:
            select_key(self.distinction_table, (selected.dossier_id, selected.distinction_id))
        self._show_lock()
        self._update_buttons()

    def _show_lock(self) -> None:
        lock = self.snapshot.results.lock if self.snapshot else None
        if lock is None:
            self.lock_state.setObjectName("open")
            self.lock_state.set_icon(icons.unlocked_icon(style.GOOD[0]))
            self.lock_state.setText(self.tr("The results are open: imports and decisions are allowed."))
        else:
            self.lock_state.setObjectName("locked")
            self.lock_state.set_icon(icons.lock_icon(style.RECUSED[0]))
            self.lock_state.setText(self.tr("Locked for printing by %1 on %2. Imports, the threshold and "
                                            "distinctions are refused until the results are unlocked.")
                                    .replace("%1", lock.locked_by).replace("%2", names.human_moment(lock.locked_at)))
        self.lock_state.style().unpolish(self.lock_state)
        self.lock_state.style().polish(self.lock_state)

    def locked(self) -> bool:
        return self.snapshot is not None and self.snapshot.results.lock is not None

    def _update_buttons(self) -> None:
        ready = self.snapshot is not None
        locked = self.locked()
        row: DistinctionRow | None = selected_row(self.distinction_table)
        self.lock_button.setVisible(not locked)
        self.lock_button.setEnabled(ready)
        self.unlock_button.setVisible(locked)
        self.award_button.setEnabled(ready and not locked and row is not None and row.chosen is None)
        self.withdraw_button.setEnabled(ready and not locked and row is not None and row.chosen is not None)
        self.award_other_button.setEnabled(ready and not locked and bool(self.snapshot.results.edition.distinctions))

    def _filter_category(self) -> None:
        self.category.apply_to(self.ranking_proxy)

    # --- acting -----------------------------------------------------------------------------------------
    def lock(self) -> LockDialog:
        dialog = LockDialog(lambda person: self.session.change(lock_results, person), self)
        dialog.open()
        return dialog

    def unlock(self) -> UnlockDialog:
        dialog = UnlockDialog(lambda person, reason: self.session.change(unlock_results, person, reason), self)
        dialog.open()
        return dialog

    def award(self, distinction_id: str = "", dossier_id: str = "") -> AwardDialog | None:
        if self.snapshot is None:
            return None
        results = self.snapshot.results
        dialog = AwardDialog(
            lambda dossier, distinction, note, by: self.session.change(choose_distinction, dossier, distinction, note=note, by=by),
            [(d.id, d.name) for d in results.edition.distinctions], [(d.dossier_id, d.name) for d in results.dossiers],
            distinction_id=distinction_id, dossier_id=dossier_id, parent=self)
        dialog.open()
        return dialog

    def award_selected(self) -> AwardDialog | None:
        row: DistinctionRow | None = selected_row(self.distinction_table)
        if row is None:
            return None
        return self.award(row.distinction_id, row.dossier_id)

    def withdraw_selected(self) -> None:
        row: DistinctionRow | None = selected_row(self.distinction_table)
        if row is None or row.chosen is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Withdraw the distinction"),
            self.tr("Withdraw “%1” from %2?").replace("%1", row.distinction_name).replace("%2", row.institution))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.session.change(withdraw_distinction, row.dossier_id, row.distinction_id)
        except UserError as exc:
            show_user_error(self, exc, self.tr("The distinction was not withdrawn"))
