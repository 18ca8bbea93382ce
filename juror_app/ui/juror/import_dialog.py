"""Importing an assignment bundle: verify it, compare the organizer's fingerprint, import with progress.

Four steps in one dialog. (1) The whole file is verified in the background (signature, every
document's SHA-256) and nothing is kept yet. (2) The juror sees what the bundle holds (and which
criteria changed scale, with the scores that no longer fit) and, on the first import, the
organizer's key fingerprint to compare with the one the organizer published (phone, letter);
importing needs an explicit "it matches". (3) The documents stream into the profile with a progress
bar and a Cancel button; a refusal or a cancel leaves the database as it was. (4) The documents are
checked for hostile content in child processes, with their own progress; Cancel here stops the
check only: the documents left unchecked are checked when first opened, never opened unchecked.
The result names every refused document: its dossier, title and reason.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from juror_app.domain.errors import UserError
from juror_app.ui.common.look import set_text_colour
from juror_app.ui.common.tasks import Task, run_in_background
from juror_app.ui.juror.session import Session
from juror_app.ui.common.wrapped_label import WrappedLabel
from juror_app.ui.juror import import_texts
from juror_app.ui.juror.dialog_fit import grow_to_fit
from juror_app.ui.juror.style import BAD, WARN, role
from juror_app.workflows.juror import bundle_import as juror_import
from juror_app.workflows.juror import document_checks
from juror_app.workflows.juror.bundle_import import (
    BundleAction,
    BundlePreview,
    ImportResult,
)

# Refusals whose own message already says that nothing was changed.
_SAY_NOTHING_CHANGED = {"import_cancelled", "bundle_older_revision", "bundle_equivocation"}


class ImportDialog(QDialog):
    imported = Signal(object)  # ImportResult

    def __init__(self, session: Session, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.path = Path(path)
        self.state = "new"
        self.preview: BundlePreview | None = None
        self.result: ImportResult | None = None
        self.check: document_checks.CheckOutcome | None = None  # the second phase's outcome
        self.check_error: str | None = None  # why the second phase could not run (the bundle is imported)
        self.error: UserError | None = None
        self._task: Task | None = None
        self.setWindowTitle(self.tr("Import the assignment bundle"))
        self.setMinimumWidth(560)

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        role(self.heading, "dialogHeading")
        self.details = QFormLayout()
        self.details.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.fingerprint_intro = QLabel(self.tr(
            "This is the first bundle imported into this profile. Compare the organizer's key fingerprint below "
            "with the one the organizer gave you by phone, letter or in person. Import only if every character matches: "
            "from then on, only bundles signed with this key will be accepted."))
        self.fingerprint_intro.setWordWrap(True)
        self.fingerprint = QLabel()
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSizeF(font.pointSizeF() * 1.6 if font.pointSizeF() > 0 else 16)
        font.setBold(True)
        self.fingerprint.setFont(font)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        role(self.fingerprint, "fingerprint")
        self.ssh_fingerprint = QLabel()
        role(self.ssh_fingerprint, "muted")
        self.ssh_fingerprint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.ssh_fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.confirm = QCheckBox(self.tr("I compared the fingerprint: it matches the one the organizer gave me"))
        self.confirm.toggled.connect(self._update_buttons)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.scale_notice = WrappedLabel()  # the preview's criteria whose scale changed
        set_text_colour(self.scale_notice, WARN)
        self.refused_heading = WrappedLabel()
        set_text_colour(self.refused_heading, WARN)
        self.refused_list = QPlainTextEdit()  # one refused document a line: dossier, title, reason
        self.refused_list.setReadOnly(True)
        self.refused_list.setFixedHeight(self.fontMetrics().lineSpacing() * 7 + 12)

        self.buttons = QDialogButtonBox()
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.clicked.connect(self.reject)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.clicked.connect(self.accept)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.details)
        layout.addWidget(self.fingerprint_intro)
        layout.addWidget(self.fingerprint)
        layout.addWidget(self.ssh_fingerprint)
        layout.addWidget(self.confirm)
        layout.addWidget(self.scale_notice)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.refused_heading)
        layout.addWidget(self.refused_list)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._set_state("new")

    # --- step 1: verify -------------------------------------------------------------------------------
    def start_check(self) -> None:
        self._set_state("checking")
        path, profile = self.path, self.session.profile

        def work(_progress, _cancelled):
            db = profile.open_db()
            try:
                return juror_import.inspect_bundle(db, path)
            finally:
                db.close()

        self._run(work, self._checked)

    def _checked(self, preview: BundlePreview) -> None:
        self.preview = preview
        self._set_state("preview")

    # --- step 3: import --------------------------------------------------------------------------------
    def start_import(self) -> None:
        preview = self.preview
        if preview is None or (preview.needs_pinning and not self.confirm.isChecked()):
            return
        self._set_state("importing")
        path, profile = self.path, self.session.profile
        accepted = preview.organizer_fingerprint if preview.needs_pinning else None

        def work(progress, cancelled):
            db = profile.open_db()
            try:
                return juror_import.import_bundle(profile, db, path, accept_organizer_fingerprint=accepted,
                                                  progress=progress, cancelled=cancelled)
            finally:
                db.close()

        self._run(work, self._imported)

    def _imported(self, result: ImportResult) -> None:
        self.result = result
        self.session.reload_assignment()
        self.imported.emit(result)
        self.start_document_check()

    # --- step 4: check the documents ---------------------------------------------------------------------
    def start_document_check(self) -> None:
        """The imported documents checked in child processes; the window opens none of them before."""
        result = self.result
        assert result is not None
        self._set_state("checking_documents")
        profile, wanted = self.session.profile, result.documents_to_check

        def work(progress, cancelled):
            db = profile.open_db()
            try:
                return document_checks.check_received(db, profile.documents, wanted, progress=progress,
                                                      cancelled=cancelled)
            finally:
                db.close()

        self._task = run_in_background(work, on_done=self._documents_checked, on_failed=self._check_failed,
                                       on_progress=self._check_progress)

    def _documents_checked(self, outcome: document_checks.CheckOutcome) -> None:
        self._task = None
        self.check = outcome
        self._set_state("done")

    def _check_failed(self, exc: BaseException) -> None:
        self._task = None
        self.check_error = exc.message() if isinstance(exc, UserError) else self.tr(
            "An unexpected error stopped the check; the details were written to the log file.")
        self._set_state("done")

    def _check_progress(self, done: int, total: int, _label: str) -> None:
        self._progress(done, total, _label)
        self.message.setText(self.tr("Checked %1 of %n document(s).", "", total).replace("%1", str(done)))

    # --- running ---------------------------------------------------------------------------------------
    def _run(self, work, on_done) -> None:
        self._task = run_in_background(work, on_done=lambda result: self._finished(on_done, result),
                                       on_failed=self._failed, on_progress=self._progress)

    def _finished(self, on_done, result) -> None:
        self._task = None
        on_done(result)

    def _failed(self, exc: BaseException) -> None:
        self._task = None
        # The task already logged an unexpected error's traceback; the dialog shows only a short message.
        self.error = exc if isinstance(exc, UserError) else None
        self._set_state("error")

    def _progress(self, done: int, total: int, _label: str) -> None:
        if total > 0:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * done / total))

    def busy(self) -> bool:
        return self._task is not None

    def reject(self) -> None:
        if self._task is not None:
            self._task.cancel()  # the workflow stops, rolls nothing in, and reports "cancelled"
            self.cancel_button.setEnabled(False)
            self.message.setText(self.tr("Cancelling…"))
            self.message.show()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._task is not None:
            self.reject()
            event.ignore()
            return
        super().closeEvent(event)

    # --- what the dialog shows -------------------------------------------------------------------------
    def _set_state(self, state: str) -> None:
        self.state = state
        while self.details.rowCount():
            self.details.removeRow(0)
        pinning = state == "preview" and self.preview is not None and self.preview.needs_pinning
        for widget in (self.fingerprint_intro, self.fingerprint, self.ssh_fingerprint, self.confirm):
            widget.setVisible(pinning)
        self.progress.setVisible(state in ("checking", "importing", "checking_documents"))
        self.message.setVisible(state in ("done", "error", "checking_documents"))
        self.scale_notice.setVisible(state == "preview" and bool(self.preview and self.preview.scale_changes))
        refused = self.check.refused if state == "done" and self.check is not None else ()
        self.refused_heading.setVisible(bool(refused))
        self.refused_list.setVisible(bool(refused))
        self.message.setObjectName("error" if state == "error" else "")
        set_text_colour(self.message, BAD if state == "error" else None)
        name = self.path.name
        if state in ("new", "checking"):
            checking = self.tr("Checking “%1”: the organizer's signature and every document…")
            self.heading.setText(checking.replace("%1", name))
            self.progress.setRange(0, 0)
        elif state == "preview":
            self._show_preview()
        elif state == "importing":
            self.heading.setText(self.tr("Importing “%1”…").replace("%1", name))
            self.progress.setRange(0, 0)
        elif state == "checking_documents":
            self.heading.setText(self.tr("The bundle has been imported. Checking its documents before they can "
                                         "be opened…"))
            self.progress.setRange(0, 0)
            self.message.setText("")
        elif state == "done" and self.result is not None:
            self.heading.setText(self.tr("The bundle has been imported."))
            self.message.setText(self._done_text(self.result))
            self.refused_heading.setText(import_texts.refused_heading(len(refused)))
            self.refused_list.setPlainText("\n".join(import_texts.refused_line(r) for r in refused))
        elif state == "error":
            self.heading.setText(self.tr("The bundle “%1” was not imported.").replace("%1", name))
            reason = self.error.message() if self.error is not None else self.tr(
                "An unexpected error stopped the import; the details were written to the log file.")
            says_so = self.error is not None and self.error.code in _SAY_NOTHING_CHANGED
            self.message.setText(reason if says_so else reason + "\n\n" + self.tr("Nothing in your profile was changed."))
        self._update_buttons()
        grow_to_fit(self)

    def _show_preview(self) -> None:
        p = self.preview
        assert p is not None
        if p.action is BundleAction.ALREADY_IMPORTED:
            self.heading.setText(self.tr("This bundle is already imported; there is nothing to do."))
        elif p.action is BundleAction.UPDATE:
            self.heading.setText(self.tr("A newer version of your assignment. Your scores are kept."))
        else:
            self.heading.setText(self.tr("The bundle is genuine and complete. Check what it holds:"))
        revision = str(p.revision) if p.previous_revision is None else \
            self.tr("%1 (you have %2)").replace("%1", str(p.revision)).replace("%2", str(p.previous_revision))
        size = self.locale().formattedDataSize(p.document_bytes)
        files = self.tr("%n PDF file(s), %1", "", p.documents).replace("%1", size)
        for label, value in ((self.tr("Edition:"), p.edition_name), (self.tr("Organizer:"), p.organizer_name),
                             (self.tr("Version:"), revision), (self.tr("Dossiers:"), str(p.dossiers)),
                             (self.tr("Documents:"), files)):
            shown = WrappedLabel(value)  # a long edition name wraps instead of running off the dialog
            self.details.addRow(label, shown)
        if p.scale_changes:
            self.scale_notice.setText("\n".join([import_texts.scale_change_heading(p.scale_changes),
                                                 *("• " + line for line in import_texts.scale_change_lines(p.scale_changes))]))
        self.fingerprint.setText(p.organizer_fingerprint)
        self.ssh_fingerprint.setText(p.organizer_ssh_fingerprint)
        self.confirm.setChecked(False)

    def _done_text(self, result: ImportResult) -> str:
        lines = [self.tr("%n dossier(s) assigned to you.", "", result.dossiers)]
        if result.dossiers_added:
            lines.append(self.tr("New since the previous version: %n dossier(s).", "", len(result.dossiers_added)))
        if result.dossiers_removed:
            lines.append(self.tr("No longer assigned: %n dossier(s) (your scores for them stay in your profile).", "",
                                 len(result.dossiers_removed)))
        if result.scores_superseded:
            lines.append(import_texts.superseded_text(result.scores_superseded))
        if self.check_error is not None:
            lines.append(self.tr("The documents could not be checked now (%1); each is checked when you first open "
                                 "it, and opens only if it passes.").replace("%1", self.check_error))
        elif self.check is not None and (self.check.checked or self.check.left_unchecked):
            lines.append(import_texts.check_text(self.check))
        return "\n".join(lines)

    def _update_buttons(self) -> None:
        state = self.state
        preview_ok = (state == "preview" and self.preview is not None
                      and self.preview.action is not BundleAction.ALREADY_IMPORTED)
        self.import_button.setVisible(preview_ok)
        self.import_button.setEnabled(preview_ok and (not self.preview.needs_pinning or self.confirm.isChecked()))
        self.cancel_button.setVisible(state in ("new", "checking", "preview", "importing", "checking_documents"))
        self.cancel_button.setEnabled(True)
        self.close_button.setVisible(state in ("done", "error") or (state == "preview" and not preview_ok))
