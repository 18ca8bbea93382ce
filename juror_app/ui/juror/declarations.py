"""A dossier's declarations on the scoring panel: conflict of interest and special-distinction nominations."""

from __future__ import annotations

import html

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from juror_app.domain.errors import UserError
from juror_app.ui.common.errors import show_user_error
from juror_app.ui.juror import undo
from juror_app.ui.juror.session import Session
from juror_app.ui.juror.style import role
from juror_app.workflows.juror.queries import DossierScoring


class DeclarationsBar(QWidget):
    problem = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.scoring: DossierScoring | None = None
        self.conflict_button = QPushButton(self.tr("Conflict of interest…"))
        self.conflict_button.setToolTip(self.tr("Declare that you cannot assess this dossier impartially (recusal)"))
        self.conflict_button.clicked.connect(self.declare_conflict)
        self.nominate_button = QPushButton(self.tr("Nominate for a distinction…"))
        self.nominate_button.setToolTip(self.tr("Propose this institution for a special distinction, "
                                                "e.g. the statuette “Innowacyjny Urząd”"))
        self.nominate_button.clicked.connect(lambda: self.nominate())
        self.recused_label = QLabel()
        self.recused_label.setWordWrap(True)
        role(self.recused_label, "recused")
        self.withdraw_conflict_button = QPushButton(self.tr("Withdraw declaration"))
        self.withdraw_conflict_button.clicked.connect(self.withdraw_conflict)
        self.nominations = QVBoxLayout()
        self.nominations.setContentsMargins(0, 0, 0, 0)

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.conflict_button)
        buttons.addWidget(self.nominate_button)
        buttons.addStretch(1)
        recused = QHBoxLayout()
        recused.setContentsMargins(0, 0, 0, 0)
        recused.addWidget(self.recused_label, 1)
        recused.addWidget(self.withdraw_conflict_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addLayout(buttons)
        layout.addLayout(recused)
        layout.addLayout(self.nominations)
        self.set_scoring(None)

    def set_scoring(self, scoring: DossierScoring | None) -> None:
        self.scoring = scoring
        has = scoring is not None
        recused = has and scoring.conflict_reason is not None
        self.conflict_button.setVisible(has and not recused)
        self.nominate_button.setVisible(has and not recused and bool(self._distinctions()))
        self.recused_label.setVisible(recused)
        self.withdraw_conflict_button.setVisible(recused)
        if recused:
            heading = self.tr("You recused yourself (conflict of interest):")
            self.recused_label.setText(f"<b>{html.escape(heading)}</b> {html.escape(scoring.conflict_reason or '')}")
        while self.nominations.count():
            item = self.nominations.takeAt(0)
            if item.layout() is not None:
                while item.layout().count():
                    child = item.layout().takeAt(0)
                    if child.widget() is not None:
                        child.widget().deleteLater()
        if not has:
            return
        names = {d.id: d.name for d in self._distinctions()}
        for distinction_id, reason in scoring.nominations.items():
            row = QHBoxLayout()
            heading = self.tr("Nominated: %1").replace("%1", names.get(distinction_id, distinction_id))
            label = QLabel(f"★ <b>{html.escape(heading)}</b> — {html.escape(reason)}")
            label.setWordWrap(True)
            edit = QPushButton(self.tr("Edit"))
            edit.clicked.connect(lambda _=False, d=distinction_id: self.nominate(d))
            withdraw = QPushButton(self.tr("Withdraw"))
            withdraw.clicked.connect(lambda _=False, d=distinction_id: self.withdraw_nomination(d))
            row.addWidget(label, 1)
            row.addWidget(edit)
            row.addWidget(withdraw)
            self.nominations.addLayout(row)

    def _distinctions(self):
        return self.session.edition.distinctions if self.session.edition else ()

    def _run(self, command: undo._WorkflowCommand) -> bool:
        error = undo.push(self.session, command)
        if error is not None:
            self._refused(error)
            return False
        return True

    def _refused(self, error: UserError) -> None:
        self.problem.emit(error.message())
        show_user_error(self.window(), error)

    # --- actions ------------------------------------------------------------------------------------
    def declare_conflict(self) -> bool:
        from juror_app.ui.juror.conflict_dialog import (
            ConflictDialog,  # on first use: a leaner start-up
        )

        scoring = self.scoring
        if scoring is None or scoring.conflict_reason is not None:
            return False
        scores = {s.criterion.id: (s.points, s.justification) for s in scoring.criteria if s.points is not None}
        dialog = ConflictDialog(scoring.institution.name, len(scores), parent=self.window())
        if dialog.exec() != ConflictDialog.DialogCode.Accepted:
            return False
        return self._run(undo.ConflictEdit(self.session, scoring.dossier_id, None, dialog.reason_text(), scores,
                                           undo.Outcome()))

    def withdraw_conflict(self) -> bool:
        scoring = self.scoring
        if scoring is None or scoring.conflict_reason is None:
            return False
        answer = QMessageBox.question(
            self.window(), self.tr("Withdraw declaration"),
            self.tr("Withdraw your conflict-of-interest declaration for %1? You will be able to score it again.")
            .replace("%1", scoring.institution.name))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self._run(undo.ConflictEdit(self.session, scoring.dossier_id, scoring.conflict_reason, None, {},
                                           undo.Outcome()))

    def nominate(self, distinction_id: str | None = None) -> bool:
        from juror_app.ui.juror.nomination_dialog import (
            NominationDialog,  # on first use: a leaner start-up
        )

        scoring = self.scoring
        if scoring is None or scoring.conflict_reason is not None:
            return False
        dialog = NominationDialog(scoring.institution.name, self._distinctions(), scoring.nominations,
                                  distinction_id, parent=self.window())
        if dialog.exec() != NominationDialog.DialogCode.Accepted or dialog.distinction_id() is None:
            return False
        chosen = dialog.distinction_id()
        return self._run(undo.NominationEdit(self.session, scoring.dossier_id, chosen, scoring.nominations.get(chosen),
                                             dialog.reason_text(), undo.Outcome()))

    def withdraw_nomination(self, distinction_id: str) -> bool:
        scoring = self.scoring
        if scoring is None or distinction_id not in scoring.nominations:
            return False
        return self._run(undo.NominationEdit(self.session, scoring.dossier_id, distinction_id,
                                             scoring.nominations[distinction_id], None, undo.Outcome()))
