"""Importing score packages: add files, see what merging each would do, then merge all acceptable ones at once.

The organizer drops or picks many files (or a folder). The whole batch is checked in the background
(``plan_merge``: signature, every member, roster, edition, rubric, revision history) with progress and
a way to cancel; nothing is changed by checking. The preview lists every file with its juror, revision
and outcome, and the details pane explains the selected one: every score that an update changes
(old → new), why a file is refused or stale, and a clear ALARM for two different packages with the
same revision. "Merge" applies every acceptable file in ONE transaction (``apply_merge``, in the
background) and keeps equivocating packages as evidence; "Cancel" changes nothing.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from PySide6.QtCore import QItemSelection, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from juror_app.domain.errors import UserError
from juror_app.domain.i18n import pick
from juror_app.ui.common import file_dialogs
from juror_app.ui.common.tasks import Task, run_in_background
from juror_app.ui.organizer import icons, style, window_fit
from juror_app.ui.organizer.labels import IconLabel
from juror_app.ui.organizer.plan_model import PlanRow, details_html, plan_model
from juror_app.ui.organizer.session import OrganizerSession
from juror_app.ui.organizer.table_model import fit_columns, selected_row, sorted_view
from juror_app.workflows.organizer.merge import (
    PACKAGE_SUFFIX,
    MergeCancelled,
    MergePlan,
    MergeResult,
    apply_merge,
    plan_merge,
)
from juror_app.workflows.organizer.package_checks import ALARM_OUTCOMES, OUTCOME_NAMES, Outcome
from juror_app.workflows.organizer.ui_support import collect_package_files

# States: "empty" (no file yet), "checking", "preview", "applying", "done", "cancelled" (checking was
# cancelled: the list stays, nothing was checked), "failed" (the check or the merge stopped with a message).


class PackageImportDialog(QDialog):
    merged = Signal(object)  # MergeResult

    def __init__(self, session: OrganizerSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.paths: list[Path] = []
        self.plan: MergePlan | None = None
        self.result: MergeResult | None = None
        self.error: UserError | None = None
        self.state = "empty"
        self._task: Task | None = None
        self.setWindowTitle(self.tr("Import score packages"))
        self.setAcceptDrops(True)
        window_fit.fit_window(self, window_fit.available_geometry(parent or self), QSize(1180, 760))

        intro = QLabel(self.tr(
            "Add the score packages (.pu-scores) that the jurors sent: drop them here, or pick files or a whole folder. "
            "Every file is checked first (signature, contents, roster, revision history); nothing is merged until you "
            "press “Merge”."))
        intro.setWordWrap(True)
        self.add_files_button = QPushButton(self.tr("Add files…"))
        self.add_files_button.clicked.connect(self.pick_files)
        self.add_folder_button = QPushButton(self.tr("Add a folder…"))
        self.add_folder_button.clicked.connect(self.pick_folder)
        self.clear_button = QPushButton(self.tr("Clear the list"))
        self.clear_button.clicked.connect(self.clear)
        adders = QHBoxLayout()
        for button in (self.add_files_button, self.add_folder_button, self.clear_button):
            adders.addWidget(button)
        adders.addStretch(1)
        self.demo_button: QPushButton | None = None
        if session.demo is not None:
            self.demo_button = QPushButton(self.tr("Add the demo's packages"))
            self.demo_button.setToolTip(str(session.demo.packages))
            self.demo_button.clicked.connect(lambda: self.add_paths([session.demo.packages]))
            adders.addWidget(self.demo_button)

        self.alarm = IconLabel(wrap=True)
        self.alarm.setObjectName("alarm")
        self.alarm.set_icon(icons.warning_icon(style.ALARM[0]))
        self.locked = IconLabel(wrap=True)
        self.locked.setObjectName("locked")
        self.locked.set_icon(icons.lock_icon(style.RECUSED[0]))
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("muted")

        self.model = plan_model()
        self.table, self.proxy = sorted_view(self.model, stretch_last=True)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        self.details.setMinimumHeight(140)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)

        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QDialogButtonBox()
        self.apply_button = QPushButton(self.tr("Merge"))
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.apply)
        self.recheck_button = QPushButton(self.tr("Check again"))
        self.recheck_button.clicked.connect(self.start_check)
        self.buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.recheck_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.clicked.connect(self.reject)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.clicked.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(adders)
        layout.addWidget(self.alarm)
        layout.addWidget(self.locked)
        layout.addWidget(self.progress)
        layout.addWidget(self.progress_label)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self._set_state("empty")

    # --- adding files ------------------------------------------------------------------------------------
    def pick_files(self) -> None:
        files = file_dialogs.open_files(
            self, self.tr("Score packages"),
            self.tr("Score packages (*%1);;All files (*)").replace("%1", PACKAGE_SUFFIX),
            kind="organizer/packages", default=self.session.packages_folder())
        if files:
            self.add_paths(files)

    def pick_folder(self) -> None:
        folder = file_dialogs.choose_folder(self, self.tr("A folder with score packages"),
                                            kind="organizer/packages", default=self.session.packages_folder())
        if folder:
            self.add_paths([folder])

    def can_add(self) -> bool:
        return self.state in ("empty", "preview", "cancelled", "failed")

    def add_paths(self, paths: list[Path]) -> int:
        """Add files (folders: every .pu-scores inside) and check the whole batch again; returns how many were new."""
        if not self.can_add():
            return 0
        known = {p.resolve() for p in self.paths}
        new = [p for p in collect_package_files(paths) if p.resolve() not in known]
        if not new:
            self.summary.setText(self.tr("No new score package (%1) was found there.").replace("%1", PACKAGE_SUFFIX))
            return 0
        self.paths += new
        self.start_check()
        return len(new)

    def clear(self) -> None:
        if self._task is not None:
            return
        self.paths = []
        self.plan = None
        self._set_state("empty")

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and self.can_add() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_paths(paths)

    # --- checking ----------------------------------------------------------------------------------------
    def start_check(self) -> None:
        if not self.paths or self._task is not None:
            return
        self.plan = None
        self.error = None
        self._set_state("checking")
        paths, open_db = list(self.paths), self.session.open_db

        def work(progress, cancelled) -> MergePlan:
            db = open_db()
            try:
                return plan_merge(db, paths, progress=progress, cancelled=cancelled)
            finally:
                db.close()

        self._run(work, self._checked)

    def _checked(self, plan: MergePlan) -> None:
        self.plan = plan
        self._set_state("preview")

    def _progress(self, done: int, total: int, label: str) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress_label.setText(self.tr("Checked %1 of %2: %3").replace("%1", str(done)).replace("%2", str(total))
                                        .replace("%3", label))

    # --- merging -----------------------------------------------------------------------------------------
    def can_apply(self) -> bool:
        """Something to record: acceptable files to merge, or equivocating ones to keep as evidence (the alarm)."""
        plan = self.plan
        return self.state == "preview" and plan is not None and (
            bool(plan.acceptable) or any(f.outcome in ALARM_OUTCOMES for f in plan.files))

    def apply(self) -> None:
        if not self.can_apply():
            return
        plan, open_db, db_path = self.plan, self.session.open_db, self.session.db_path
        self._set_state("applying")

        def work(_progress, _cancelled) -> MergeResult:
            db = open_db()
            try:
                return apply_merge(db, plan, db_path=db_path)
            finally:
                db.close()

        self._run(work, self._applied)

    def _applied(self, result: MergeResult) -> None:
        self.result = result
        self._set_state("done")
        self.merged.emit(result)

    # --- running -----------------------------------------------------------------------------------------
    def _run(self, work, on_done) -> None:
        self._task = run_in_background(work, on_done=lambda result: self._finished(on_done, result),
                                       on_failed=self._failed, on_progress=self._progress)

    def _finished(self, on_done, result) -> None:
        self._task = None
        on_done(result)

    def _failed(self, exc: BaseException) -> None:
        self._task = None
        if isinstance(exc, MergeCancelled):
            self._set_state("cancelled")
            return
        # An unexpected error's traceback is already in the log (Task); the dialog shows a short message.
        self.error = exc if isinstance(exc, UserError) else None
        self._set_state("failed")

    def busy(self) -> bool:
        return self._task is not None

    def reject(self) -> None:
        if self._task is not None:
            if self.state == "checking":
                self._task.cancel()  # plan_merge stops between files; nothing was changed
                self.cancel_button.setEnabled(False)
                self.progress_label.setText(self.tr("Cancelling…"))
            return  # a merge is one short transaction: it finishes (or changes nothing) on its own
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._task is not None:
            self.reject()
            event.ignore()
            return
        super().closeEvent(event)

    # --- what the dialog shows ----------------------------------------------------------------------------
    def rows(self) -> list[PlanRow]:
        if self.plan is not None and self.state not in ("checking", "cancelled"):
            return [PlanRow(f.path, f) for f in self.plan.files]
        return [PlanRow(p) for p in self.paths]

    def _set_state(self, state: str) -> None:
        self.state = state
        self.model.set_rows(self.rows())
        fit_columns(self.table, max_width=360)
        busy = state in ("checking", "applying")
        self.progress.setVisible(busy)
        self.progress_label.setVisible(busy)
        if state == "checking":
            self.progress.setRange(0, max(1, len(self.paths)))
            self.progress.setValue(0)
            self.progress_label.setText(self.tr("Checking %n file(s)…", "", len(self.paths)))
        elif state == "applying":
            self.progress.setRange(0, 0)
            self.progress_label.setText(self.tr("Merging in one transaction…"))
        for button in (self.add_files_button, self.add_folder_button, self.demo_button):
            if button is not None:
                button.setEnabled(self.can_add())
        self.clear_button.setEnabled(self.can_add() and bool(self.paths))
        self._show_banners()
        self.summary.setText(self._summary_text())
        self.summary.setStyleSheet(f"color: {style.BAD[0]};" if state == "failed" else "")
        self.apply_button.setText(self._apply_text())
        self.apply_button.setMinimumWidth(self.apply_button.sizeHint().width())
        self.apply_button.setVisible(state not in ("done",))
        self.apply_button.setEnabled(self.can_apply())
        self.recheck_button.setVisible(state in ("cancelled", "failed") and bool(self.paths))
        self.cancel_button.setVisible(state != "done")
        self.cancel_button.setEnabled(state != "applying")
        self.close_button.setVisible(state == "done")
        if self.model.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(self._first_interesting_row())
        self._show_details()

    def _first_interesting_row(self) -> int:
        """The row to explain first: an alarm, then a refusal, then an update, else the first file."""
        rows = self.model.rows()
        for outcome in (Outcome.EQUIVOCATION, Outcome.FORK, Outcome.REFUSED, Outcome.HELD, Outcome.STALE, Outcome.UPDATE):
            for i, row in enumerate(rows):
                if row.outcome is outcome:
                    return self.proxy.mapFromSource(self.model.index(i, 0)).row()
        return 0

    def _show_banners(self) -> None:
        files = self.plan.files if self.plan is not None and self.state in ("preview", "applying", "done") else ()
        alarmed = sorted({f.juror_id or "?" for f in files if f.outcome is Outcome.EQUIVOCATION})
        forked = sorted({f.juror_id or "?" for f in files if f.outcome is Outcome.FORK})
        held = sorted({f.juror_id or "?" for f in files if f.outcome is Outcome.HELD})
        lines = []
        if alarmed:
            lines.append(self.tr(
                "ALARM — juror %1 signed two DIFFERENT packages with the same revision. Both are kept as evidence "
                "and nothing of this juror is merged. Clarify it with the juror before the meeting.")
                .replace("%1", ", ".join(alarmed)))
        if forked:
            lines.append(self.tr(
                "ALARM — the edit log of juror %1's package does not continue the earlier one: edits already made would "
                "be lost. The package is kept as evidence and nothing of this juror is merged.").replace("%1", ", ".join(forked)))
        if held:
            lines.append(self.tr("Held: juror %1 has an alarm that is not resolved; their packages are not merged until "
                                        "it is (the alarm badge in the status bar).").replace("%1", ", ".join(held)))
        self.alarm.setVisible(bool(lines))
        self.alarm.setText("\n".join(lines))
        locked = next((f for f in files if f.code == "results_locked"), None)
        self.locked.setVisible(locked is not None)
        if locked is not None:
            self.locked.setText(locked.reason())

    def _summary_text(self) -> str:
        state = self.state
        if state == "empty":
            return self.tr("No file added yet.")
        if state == "checking":
            return ""
        if state == "cancelled":
            return self.tr("Checking was cancelled; nothing was changed. “Check again” checks the list once more.")
        if state == "failed":
            reason = self.error.message() if self.error is not None else self.tr(
                "An unexpected error stopped the work; the details were written to the log file.")
            return reason + "\n" + self.tr("Nothing was merged.")
        if state == "done" and self.result is not None:
            return self._done_text(self.result)
        plan = self.plan
        if plan is None:
            return ""
        counts = Counter(f.outcome for f in plan.files)
        parts = [f"{style.OUTCOME_STYLE[o][2]} {pick(*OUTCOME_NAMES[o])}: {counts[o]}" for o in Outcome if counts.get(o)]
        acceptable = len(plan.acceptable)
        if acceptable:
            what = self.tr("“Merge” merges %n file(s) in one transaction.", "", acceptable)
        elif counts.get(Outcome.EQUIVOCATION) or counts.get(Outcome.FORK):
            what = self.tr("Nothing can be merged; “Keep as evidence” records the alarm and keeps the packages.")
        else:
            what = self.tr("Nothing to merge: the database stays as it is.")
        return " · ".join(parts) + "\n" + what

    def _done_text(self, result: MergeResult) -> str:
        lines = [self.tr("Merged %n package(s).", "", len(result.merged)) + " " +
                 self.tr("%n score(s) written.", "", result.scores_written)]
        if result.evidence:
            lines.append(self.tr("%n package(s) kept as evidence in %1.", "", len(result.evidence))
                         .replace("%1", str(result.evidence_folder)))
        if result.alarms_raised:
            lines.append(self.tr("%n alarm(s) recorded: clarify them with the jurors.", "", result.alarms_raised))
        return "\n".join(lines)

    def _apply_text(self) -> str:
        plan = self.plan
        if self.state == "preview" and plan is not None:
            if plan.acceptable:
                return self.tr("Merge %n file(s)", "", len(plan.acceptable))
            if any(f.outcome in ALARM_OUTCOMES for f in plan.files):
                return self.tr("Keep as evidence")
        return self.tr("Merge")

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_details()

    def _show_details(self) -> None:
        row = selected_row(self.table)
        self.details.setHtml(details_html(row) if row is not None else "")
