"""The matrix's small dialogs: taking away a sent or scored assignment, a juror's categories, leaving.

Each runs its workflow call itself when OK is pressed and stays open with the message when the core
refuses (a reason too short, the results locked), so nothing typed is lost; Cancel writes nothing.
Taking away work that went out or was scored needs the box ticked (an explicit confirmation) and a
reason, which goes into the assignment log with the organizer's name.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit, QWidget

from juror_app.domain.model import Category
from juror_app.domain.rules import check_reason
from juror_app.ui.organizer.decision_dialogs import _ActionDialog, remember_person, remembered_person


def _reason_field(placeholder: str) -> QPlainTextEdit:
    field = QPlainTextEdit()
    field.setPlaceholderText(placeholder)
    field.setTabChangesFocus(True)
    field.setFixedHeight(80)
    return field


class ReleaseDialog(_ActionDialog):
    """Confirm taking a dossier away from a juror who received it in a bundle or already scored it.

    ``release(reason, person)`` calls the workflow (with ``confirm_scored`` for scored work); for an
    assignment that was only sent, the reason is checked here, since the workflow does not ask for one.
    """

    def __init__(self, explanation: str, confirmation: str, release: Callable[[str, str], object], *,
                 scored: bool, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Take the dossier away from the juror"), explanation, self._run, parent)
        self._release = release
        self._scored = scored
        self.confirm = QCheckBox(confirmation)
        self.confirm.setObjectName("confirmRelease")
        self.reason = _reason_field(self.tr("e.g. the juror turned out to have worked for this institution"))
        self.person = QLineEdit(remembered_person())
        self.form.addRow(self.confirm)
        self.form.addRow(self.tr("Reason:"), self.reason)
        self.form.addRow(self.tr("Name:"), self.person)
        self.ok_button = self.buttons.button(self.buttons.StandardButton.Ok)
        self.ok_button.setText(self.tr("Take away"))
        self.ok_button.setEnabled(False)
        self.confirm.toggled.connect(self.ok_button.setEnabled)

    def _run(self) -> None:
        text = self.reason.toPlainText()
        if not self._scored:
            text = check_reason(text, what_pl="odebrania wysłanego przydziału", what_en="taking away a sent assignment")
        self._release(text, self.person.text().strip())
        if self.person.text().strip():
            remember_person(self.person.text())


class CategoriesDialog(_ActionDialog):
    """The categories a juror covers (a plan may be limited to covering jurors)."""

    def __init__(self, juror: str, categories: Sequence[Category], covered: Sequence[str],
                 save: Callable[[list[str]], object], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Categories covered by %1").replace("%1", juror), self.tr(
            "A plan made with \"only jurors who cover the category\" gives this juror only dossiers of the ticked "
            "categories. Assignments already made stay; the problems list names those outside the categories."),
            self._run, parent)
        self._save = save
        self.list = QListWidget()
        for category in categories:
            item = QListWidgetItem(category.name)
            item.setData(Qt.ItemDataRole.UserRole, category.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if category.id in covered else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.setMinimumHeight(min(260, 28 * max(3, len(categories))))
        self.form.addRow(self.list)

    def chosen(self) -> list[str]:
        return [str(self.list.item(n).data(Qt.ItemDataRole.UserRole)) for n in range(self.list.count())
                if self.list.item(n).checkState() == Qt.CheckState.Checked]

    def _run(self) -> None:
        self._save(self.chosen())


class LeftDialog(_ActionDialog):
    """Mark a juror as having left the jury, with the reason."""

    def __init__(self, juror: str, mark_left: Callable[[str, str], object], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("%1 left the jury").replace("%1", juror), self.tr(
            "No dossier can be assigned to a juror who left. The next plan releases their work that nobody scored "
            "and gives it to others; dossiers they already scored stay and wait for your decision."), self._run, parent)
        self._mark_left = mark_left
        self.reason = _reason_field(self.tr("e.g. resigned from the jury for health reasons"))
        self.person = QLineEdit(remembered_person())
        self.form.addRow(self.tr("Reason:"), self.reason)
        self.form.addRow(self.tr("Name:"), self.person)

    def _run(self) -> None:
        self._mark_left(self.reason.toPlainText(), self.person.text().strip())
        if self.person.text().strip():
            remember_person(self.person.text())
