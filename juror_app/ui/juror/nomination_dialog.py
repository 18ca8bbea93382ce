"""Nominating a dossier for a special distinction (e.g. the statuette "Innowacyjny Urząd"), with the reason."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from juror_app.domain.model import Distinction
from juror_app.domain.rules import MAX_REASON_CHARS, MIN_JUSTIFICATION_CHARS
from juror_app.ui.juror.style import role


class NominationDialog(QDialog):
    def __init__(self, institution: str, distinctions: tuple[Distinction, ...], existing: dict[str, str],
                 chosen: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Nominate for a special distinction"))
        self.setMinimumWidth(520)
        self._existing = dict(existing)
        intro = QLabel(self.tr("Propose <b>%1</b> for a special distinction. The jury decides at its meeting; "
                               "your reason helps it.").replace("%1", institution))
        intro.setWordWrap(True)
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        self._ids: list[str] = []
        for i, distinction in enumerate(distinctions):
            radio = QRadioButton(distinction.name + (self.tr(" (already nominated)") if distinction.id in existing else ""))
            radio.setToolTip(distinction.description)
            self.group.addButton(radio, i)
            self._ids.append(distinction.id)
            description = QLabel(distinction.description)
            description.setWordWrap(True)
            role(description, "muted")
            description.setContentsMargins(24, 0, 0, 6)
            layout.addWidget(radio)
            layout.addWidget(description)
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr("Why this institution deserves the distinction"))
        self.reason.setTabChangesFocus(True)
        self.reason.textChanged.connect(self._check)
        self.hint = QLabel()
        role(self.hint, "muted")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Nominate"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(QLabel(self.tr("Reason:")))
        layout.addWidget(self.reason)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.group.idToggled.connect(self._chosen)
        start = self._ids.index(chosen) if chosen in self._ids else 0
        if self._ids:
            self.group.button(start).setChecked(True)
        self._check()

    def distinction_id(self) -> str | None:
        i = self.group.checkedId()
        return self._ids[i] if 0 <= i < len(self._ids) else None

    def reason_text(self) -> str:
        return self.reason.toPlainText().strip()

    def _chosen(self, _id: int, checked: bool) -> None:
        if checked:
            self.reason.setPlainText(self._existing.get(self.distinction_id() or "", ""))
            self.reason.moveCursor(QTextCursor.MoveOperation.End)  # editing a reason usually means adding to it

    def _check(self) -> None:
        length = len(self.reason_text())
        ok = self.distinction_id() is not None and MIN_JUSTIFICATION_CHARS <= length <= MAX_REASON_CHARS
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        self.hint.setText(self.tr("At least %n characters.", "", MIN_JUSTIFICATION_CHARS)
                          if length < MIN_JUSTIFICATION_CHARS else "")
