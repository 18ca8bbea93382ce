"""Declaring a conflict of interest for one dossier, with the reason (a recused dossier takes no scores)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from juror_app.domain.rules import MAX_REASON_CHARS, MIN_JUSTIFICATION_CHARS
from juror_app.ui.juror.style import role


class ConflictDialog(QDialog):
    def __init__(self, institution: str, scored: int, reason: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Conflict of interest"))
        self.setMinimumWidth(480)
        intro = QLabel(self.tr("Declare a conflict of interest for <b>%1</b> if you cannot assess it impartially "
                               "(for example you work with it, advise it, or someone close to you does). "
                               "You will not score this dossier; the organizer sees the declaration and its reason.")
                       .replace("%1", institution))
        intro.setWordWrap(True)
        self.warning = QLabel(self.tr("The %n score(s) you already gave this dossier will be withdrawn "
                                      "(undo brings them back).", "", scored))
        self.warning.setWordWrap(True)
        role(self.warning, "warning")
        self.warning.setVisible(scored > 0)
        self.reason = QPlainTextEdit(reason)
        self.reason.setPlaceholderText(self.tr("Reason, e.g. “I worked in this office until 2023.”"))
        self.reason.setTabChangesFocus(True)
        self.reason.textChanged.connect(self._check)
        self.hint = QLabel()
        role(self.hint, "muted")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Declare conflict"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.warning)
        layout.addWidget(QLabel(self.tr("Reason:")))
        layout.addWidget(self.reason)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self._check()
        self.reason.setFocus()

    def reason_text(self) -> str:
        return self.reason.toPlainText().strip()

    def _check(self) -> None:
        length = len(self.reason_text())
        ok = MIN_JUSTIFICATION_CHARS <= length <= MAX_REASON_CHARS
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        if length < MIN_JUSTIFICATION_CHARS:
            self.hint.setText(self.tr("At least %n characters.", "", MIN_JUSTIFICATION_CHARS))
        elif length > MAX_REASON_CHARS:
            self.hint.setText(self.tr("At most %n characters.", "", MAX_REASON_CHARS))
        else:
            self.hint.clear()
