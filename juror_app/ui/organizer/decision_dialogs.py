"""Small dialogs of the decisions tab: who locks the results, why they are unlocked, which distinction to award.

Each dialog runs its action itself when OK is pressed and stays open with the message when the
core refuses (no name, a reason too short, the results locked meanwhile), so nothing typed is lost.
The organizer's name is remembered between sessions: it goes into the lock history and decisions.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from juror_app.domain.errors import UserError
from juror_app.domain.scoring import polish_sort_key
from juror_app.ui.organizer import style

PERSON_KEY = "organizer/person"


def remembered_person() -> str:
    return str(QSettings().value(PERSON_KEY, "") or "")


def remember_person(name: str) -> None:
    QSettings().setValue(PERSON_KEY, name.strip())


class _ActionDialog(QDialog):
    """A form whose OK runs ``act``; a UserError is shown inside the dialog, which stays open."""

    def __init__(self, title: str, intro: str, act: Callable[[], None], parent: QWidget | None) -> None:
        super().__init__(parent)
        self._act = act
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {style.BAD[0]};")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._try)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _try(self) -> None:
        try:
            self._act()
        except UserError as exc:
            self.error.setText(exc.message())
            self.error.show()
            return
        self.accept()


class LockDialog(_ActionDialog):
    def __init__(self, lock: Callable[[str], object], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Lock the results for printing"), self.tr(
            "Locking freezes the results for printing: imports, the threshold and distinctions are refused until the "
            "results are unlocked (with a reason). Who is locking them?"), self._run, parent)
        self._lock = lock
        self.person = QLineEdit(remembered_person())
        self.form.addRow(self.tr("Name:"), self.person)

    def _run(self) -> None:
        self._lock(self.person.text())
        remember_person(self.person.text())


class UnlockDialog(_ActionDialog):
    def __init__(self, unlock: Callable[[str, str], object], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Unlock the results"), self.tr(
            "Printed copies may already exist, so the reason for unlocking is kept in the lock history."), self._run, parent)
        self._unlock = unlock
        self.person = QLineEdit(remembered_person())
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr("e.g. a juror's corrected package arrived after the meeting"))
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(90)
        self.form.addRow(self.tr("Name:"), self.person)
        self.form.addRow(self.tr("Reason:"), self.reason)

    def _run(self) -> None:
        self._unlock(self.person.text(), self.reason.toPlainText())
        remember_person(self.person.text())


class AwardDialog(_ActionDialog):
    """Choose a special distinction for a dossier (preselected from a nomination, or any dossier)."""

    def __init__(self, award: Callable[[str, str, str, str], object], distinctions: Sequence[tuple[str, str]],
                 dossiers: Sequence[tuple[str, str]], *, distinction_id: str = "", dossier_id: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Award a special distinction"), self.tr(
            "The organizer decides; the jurors' nominations are advice. The decision is recorded with your name."), self._run, parent)
        self._award = award
        self.distinction = QComboBox()
        for did, name in distinctions:
            self.distinction.addItem(name, did)
        self.dossier = QComboBox()
        self.dossier.setMaxVisibleItems(20)
        for did, name in sorted(dossiers, key=lambda d: polish_sort_key(d[1])):
            self.dossier.addItem(f"{name} ({did})", did)
        if distinction_id:
            self.distinction.setCurrentIndex(max(0, self.distinction.findData(distinction_id)))
        if dossier_id:
            self.dossier.setCurrentIndex(max(0, self.dossier.findData(dossier_id)))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("optional, e.g. the Kapituła's justification"))
        self.person = QLineEdit(remembered_person())
        self.form.addRow(self.tr("Distinction:"), self.distinction)
        self.form.addRow(self.tr("Dossier:"), self.dossier)
        self.form.addRow(self.tr("Note:"), self.note)
        self.form.addRow(self.tr("Decided by:"), self.person)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)

    def _run(self) -> None:
        self._award(str(self.dossier.currentData()), str(self.distinction.currentData()), self.note.text(), self.person.text())
        if self.person.text().strip():
            remember_person(self.person.text())
