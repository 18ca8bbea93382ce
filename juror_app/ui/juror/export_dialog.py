"""Exporting the signed score package, partial or complete, at any time.

Shows what the package will hold (counts per status, scores, nominations) and its revision, asks
for the key's passphrase and the target file, then signs and writes it in the background. The
file is written atomically; a wrong passphrase says so and writes nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from juror_app.domain.errors import UserError
from juror_app.domain.model import DossierStatus
from juror_app.ui.common import file_dialogs
from juror_app.ui.common.look import set_text_colour
from juror_app.ui.common.tasks import Task, start
from juror_app.ui.juror import texts
from juror_app.ui.juror.dialog_fit import grow_to_fit
from juror_app.ui.juror.session import Session
from juror_app.ui.juror.style import BAD, GOOD, role
from juror_app.workflows.juror import export as juror_export
from juror_app.workflows.juror.export import ExportPreview, ExportResult

SUFFIX = ".pu-scores"
PACKAGE_KIND = "juror/package"  # the folder exports remember (ui.common.file_dialogs)


class ExportDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.preview: ExportPreview = juror_export.export_preview(session.db)
        self.result: ExportResult | None = None
        self.error: UserError | None = None
        self._task: Task | None = None
        self.setWindowTitle(self.tr("Export the score package"))
        self.setMinimumWidth(600)

        intro = QLabel(self.tr("The package holds all your scores, declarations and nominations so far, signed with "
                               "your key. You can export at any time; a later export replaces this one at the "
                               "organizer's (it gets a higher version)."))
        intro.setWordWrap(True)
        summary = QFormLayout()
        summary.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        counts = self.preview.counts
        statuses = (DossierStatus.COMPLETE, DossierStatus.IN_PROGRESS, DossierStatus.NOT_STARTED, DossierStatus.RECUSED)
        for i, status in enumerate(statuses):
            summary.addRow(self.tr("Dossiers:") if i == 0 else "", QLabel(texts.status_count(status, counts[status])))
        summary.addRow(self.tr("Scores:"), QLabel(str(self.preview.scores)))
        summary.addRow(self.tr("Nominations:"), QLabel(str(self.preview.nominations)))
        summary.addRow(self.tr("Package version:"), QLabel(str(self.preview.revision)))
        unfinished = counts[DossierStatus.IN_PROGRESS] + counts[DossierStatus.NOT_STARTED]
        partial = QLabel(self.tr("%n dossier(s) not complete yet: this will be a partial package.", "", unfinished))
        role(partial, "warning")
        partial.setVisible(unfinished > 0)

        self.target = QLineEdit(str(self._default_target()))
        self.target.setToolTip(self.tr("Where to save the package; send this file to the organizer"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose_target)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target, 1)
        target_row.addWidget(browse)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("the passphrase of your signing key"))
        self.passphrase.returnPressed.connect(self.start_export)
        form = QFormLayout()
        form.addRow(self.tr("Save as:"), target_row)
        form.addRow(self.tr("Passphrase:"), self.passphrase)
        self.demo_hint = QLabel()
        role(self.demo_hint, "muted")
        self.demo_hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if session.demo is not None:
            hint = self.tr("Demo edition: the key's passphrase is “%1”.")
            self.demo_hint.setText(hint.replace("%1", session.demo.passphrase))
        self.demo_hint.setVisible(session.demo is not None)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()

        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(self.tr("Sign and save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        self.show_folder_button = self.buttons.addButton(self.tr("Show folder"), QDialogButtonBox.ButtonRole.ActionRole)
        self.show_folder_button.clicked.connect(self._show_folder)
        self.show_folder_button.hide()
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(summary)
        layout.addWidget(partial)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.demo_hint)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.passphrase.setFocus()

    def _default_target(self) -> Path:
        demo = self.session.demo
        folder = Path(demo.edition_folder) if demo is not None else file_dialogs.start_folder(PACKAGE_KIND)
        return folder / self.preview.suggested_name

    def _choose_target(self) -> None:
        chosen = file_dialogs.save_file(self, self.tr("Save the score package"), self.target.text().strip()
                                        or self.preview.suggested_name,
                                        self.tr("Score package (*%1)").replace("%1", SUFFIX), kind=PACKAGE_KIND,
                                        suffix=SUFFIX)
        if chosen:
            self.target.setText(str(chosen))

    # --- exporting ------------------------------------------------------------------------------------
    def start_export(self) -> None:
        if self._task is not None:
            return
        target = Path(self.target.text().strip()).expanduser()
        if not self.target.text().strip():
            self._show_error(self.tr("Choose where to save the package."))
            return
        if target.suffix != SUFFIX:
            target = target.with_name(target.name + SUFFIX)
            self.target.setText(str(target))
        if target.exists() and QMessageBox.question(
                self, self.windowTitle(), self.tr("The file “%1” exists. Replace it?").replace("%1", target.name)
        ) != QMessageBox.StandardButton.Yes:
            return
        profile, passphrase = self.session.profile, self.passphrase.text()

        def work(_progress, _cancelled):
            db = profile.open_db()
            try:
                return juror_export.export_package(profile, db, target, passphrase)
            finally:
                db.close()

        task = Task(work)
        task.signals.finished.connect(self._exported)
        task.signals.failed.connect(self._failed)
        self._task = start(task)
        self.progress.show()
        self.message.hide()
        self.export_button.setEnabled(False)

    def _exported(self, result: ExportResult) -> None:
        self._task = None
        self.result = result
        self.progress.hide()
        file_dialogs.remember(PACKAGE_KIND, result.path.parent)
        set_text_colour(self.message, GOOD)
        self.message.setText(self.tr("Saved the signed package, version %1, with %n score(s):", "", result.scores)
                             .replace("%1", str(result.revision)) + f"\n{result.path}\n\n"
                             + self.tr("Send this file to the organizer (by e-mail or on a USB stick)."))
        self.message.show()
        grow_to_fit(self)
        self.passphrase.clear()
        self.export_button.hide()
        self.show_folder_button.show()

    def _failed(self, exc: BaseException) -> None:
        self._task = None
        self.progress.hide()
        self.export_button.setEnabled(True)
        self.error = exc if isinstance(exc, UserError) else None
        if self.error is not None:
            self._show_error(self.error.message() + "\n" + self.tr("No file was written."))
        else:
            self._show_error(self.tr("An unexpected error stopped the export; the details were written to the log "
                                     "file. No file was written."))
        self.passphrase.setFocus()
        self.passphrase.selectAll()

    def _show_error(self, text: str) -> None:
        set_text_colour(self.message, BAD)
        self.message.setText(text)
        self.message.show()
        grow_to_fit(self)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        grow_to_fit(self)

    def busy(self) -> bool:
        return self._task is not None

    def reject(self) -> None:
        if self._task is None:  # signing takes a moment; the file appears whole or not at all
            super().reject()

    def _show_folder(self) -> None:
        if self.result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result.path.parent)))
