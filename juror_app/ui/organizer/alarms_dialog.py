"""The organizer's alarms: what happened, both packages, and the explicit resolution that lifts the hold.

Opened by clicking the alarm badge in the status bar (:func:`connect_alarm_badge`). While an alarm is
open, every package of its juror is held by the merge; resolving it here records who decides, why,
and which of the two packages is trusted — package A, package B or neither, chosen explicitly (no
choice is preselected). Trusting a package kept as evidence merges it (``workflows/organizer/alarms``,
in the background); a refusal (no name, a reason too short, the results locked) is shown in the
dialog, which stays open with what was typed.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from juror_app.domain.errors import UserError
from juror_app.ui.common.tasks import Task, run_in_background
from juror_app.ui.organizer import names, style
from juror_app.ui.organizer.decision_dialogs import remember_person, remembered_person
from juror_app.ui.organizer.session import OrganizerSession
from juror_app.ui.organizer.table_model import CENTRE, Column, RowTableModel, fit_columns, selected_row, select_key, sorted_view
from juror_app.workflows.organizer.alarms import AlarmView, ResolutionResult, list_alarms, resolve_alarm

NEITHER = 2  # the radio button id for "trust neither"


class AlarmsDialog(QDialog):
    resolved = Signal(object)  # ResolutionResult

    def __init__(self, session: OrganizerSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.alarms: list[AlarmView] = []
        self.error_text = ""
        self._task: Task | None = None
        self.setWindowTitle(self.tr("Alarms"))
        self.resize(1040, 680)

        intro = QLabel(self.tr(
            "An alarm means a juror's own signed packages contradict each other. While it is open, no package of that "
            "juror is merged. Clarify it with the juror (by phone), then resolve it here: say who decides, why, and which "
            "package is to be trusted."))
        intro.setWordWrap(True)
        self.model: RowTableModel[AlarmView] = RowTableModel([
            Column(self.tr("No."), lambda a: str(a.id), sort=lambda a: a.id, align=CENTRE),
            Column(self.tr("State"), self._state_text,
                   foreground=lambda a: style.foreground(style.ALARM if a.is_open else style.GOOD),
                   background=lambda a: style.background(style.ALARM if a.is_open else style.GOOD)),
            Column(self.tr("Juror"), lambda a: f"{a.juror_id} — {a.juror_name}" if a.juror_name else a.juror_id),
            Column(self.tr("What happened"), lambda a: a.kind_name()),
            Column(self.tr("Revision"), lambda a: str(a.revision), sort=lambda a: a.revision, align=CENTRE),
            Column(self.tr("Raised"), lambda a: names.moment(a.raised_at), sort=lambda a: a.raised_at),
        ], key=lambda a: a.id)
        self.table, self.proxy = sorted_view(self.model, stretch_last=True)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)

        self.form_box = QWidget()
        form = QFormLayout(self.form_box)
        form.setContentsMargins(0, 0, 0, 0)
        self.person = QLineEdit(remembered_person())
        self.person.setPlaceholderText(self.tr("Name and surname"))
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr("What the juror explained, and why this package (or neither) is trusted"))
        self.reason.setFixedHeight(self.reason.fontMetrics().lineSpacing() * 4 + 12)
        self.trust_a, self.trust_b = QRadioButton(), QRadioButton()
        self.trust_none = QRadioButton(self.tr("Trust neither package (the merged data stays as it is)"))
        self.trust = QButtonGroup(self)
        for number, button in enumerate((self.trust_a, self.trust_b, self.trust_none)):
            self.trust.addButton(button, number)
        self.trust.idToggled.connect(lambda *_: self._update_buttons())
        choices = QVBoxLayout()
        for button in (self.trust_a, self.trust_b, self.trust_none):
            choices.addWidget(button)
        form.addRow(self.tr("Decided by:"), self.person)
        form.addRow(self.tr("Reason:"), self.reason)
        form.addRow(self.tr("Trusted package:"), choices)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox()
        self.resolve_button = QPushButton(self.tr("Resolve the alarm"))
        self.resolve_button.clicked.connect(self.resolve)
        self.buttons.addButton(self.resolve_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.form_box)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.reload()

    # --- reading --------------------------------------------------------------------------------------
    def reload(self, select: int | None = None) -> None:
        """Read the alarms in the background; ``select`` the one with this number afterwards."""
        open_db = self.session.open_db

        def work(_progress, _cancelled) -> tuple[AlarmView, ...]:
            db = open_db()
            try:
                return list_alarms(db)
            finally:
                db.close()

        self._run(work, lambda alarms: self._loaded(alarms, select))

    def _loaded(self, alarms: tuple[AlarmView, ...], select: int | None) -> None:
        self.alarms = list(alarms)
        self.model.set_rows(self.alarms)
        fit_columns(self.table, max_width=360)
        if not (select is not None and select_key(self.table, select)) and self.alarms:
            self.table.selectRow(0)
        self._show_selected()

    def selected(self) -> AlarmView | None:
        return selected_row(self.table)

    # --- resolving ------------------------------------------------------------------------------------
    def can_resolve(self) -> bool:
        alarm = self.selected()
        return self._task is None and alarm is not None and alarm.is_open and self.trust.checkedId() >= 0

    def resolve(self) -> None:
        alarm = self.selected()
        if not self.can_resolve() or alarm is None:
            return
        choice = self.trust.checkedId()
        trust = None if choice == NEITHER else alarm.packages[choice].manifest_sha256
        by, reason = self.person.text(), self.reason.toPlainText()
        open_db, db_path = self.session.open_db, self.session.db_path

        def work(_progress, _cancelled) -> ResolutionResult:
            db = open_db()
            try:
                return resolve_alarm(db, alarm.id, by=by, reason=reason, trust=trust, db_path=Path(db_path))
            finally:
                db.close()

        self.message.setText(self.tr("Resolving…"))
        self._run(work, self._resolved)

    def _resolved(self, result: ResolutionResult) -> None:
        remember_person(result.resolution.resolved_by)
        self.reason.clear()
        self.trust.setExclusive(False)
        for button in self.trust.buttons():
            button.setChecked(False)
        self.trust.setExclusive(True)
        text = self.tr("Alarm %1 resolved.").replace("%1", str(result.alarm_id))
        if result.resolution.trusted_merged:
            text += " " + self.tr("The trusted package was merged: %n score(s) written.", "", result.scores_written)
        if result.open_alarms_left:
            text += " " + self.tr("Juror %1 still has %n open alarm(s): their packages stay held.", "",
                                  result.open_alarms_left).replace("%1", result.juror_id)
        else:
            text += " " + self.tr("Juror %1's packages can be imported again.").replace("%1", result.juror_id)
        self.message.setStyleSheet("")
        self.message.setText(text)
        self.resolved.emit(result)
        self.session.refresh()
        self.reload(select=result.alarm_id)

    # --- running --------------------------------------------------------------------------------------
    def _run(self, work, on_done) -> None:
        self._task = run_in_background(work, on_done=lambda value: self._finished(on_done, value), on_failed=self._failed)
        self._update_buttons()

    def _finished(self, on_done, value) -> None:
        self._task = None
        on_done(value)
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        self._task = None
        self.error_text = exc.message() if isinstance(exc, UserError) else self.tr(
            "An unexpected error stopped the work; the details were written to the log file. Nothing was changed.")
        self.message.setStyleSheet(f"color: {style.BAD[0]};")
        self.message.setText(self.error_text)
        self._update_buttons()

    def busy(self) -> bool:
        return self._task is not None

    def reject(self) -> None:
        if self._task is None:  # a resolution is one short transaction: it finishes on its own
            super().reject()

    # --- what the dialog shows ------------------------------------------------------------------------
    def _state_text(self, alarm: AlarmView) -> str:
        return ("⚠ " + self.tr("open")) if alarm.is_open else ("✓ " + self.tr("resolved"))

    def _show_selected(self) -> None:
        alarm = self.selected()
        self.details.setHtml(self._details_html(alarm) if alarm else self._empty_html())
        is_open = alarm is not None and alarm.is_open
        self.form_box.setEnabled(is_open)
        if alarm is not None:
            for button, label, package in zip((self.trust_a, self.trust_b), "AB", alarm.packages):
                button.setText(self.tr("Trust package %1: %2… (revision %3, %4)").replace("%1", label)
                               .replace("%2", package.manifest_sha256[:12])
                               .replace("%3", str(package.revision) if package.revision is not None else names.DASH)
                               .replace("%4", package.status_name()))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.resolve_button.setEnabled(self.can_resolve())

    def _empty_html(self) -> str:
        text = self.tr("No alarm has been raised in this edition.")
        return f"<p>{html.escape(text)}</p>"

    def _details_html(self, alarm: AlarmView) -> str:
        e = html.escape
        fg, bg = style.ALARM if alarm.is_open else style.GOOD
        state = self._state_text(alarm)
        title = self.tr("Alarm %1").replace("%1", str(alarm.id))
        parts = [f"<p><span style='color:{fg}; background:{bg}; font-weight:600'>&nbsp;{e(state)}&nbsp;</span> "
                 f"<b>{e(title)}</b> · {e(alarm.kind_name())}</p>",
                 f"<p>{e(alarm.description())}</p><table cellspacing='0' cellpadding='3'>"]
        head = (self.tr("Package"), self.tr("Manifest SHA-256"), self.tr("Revision"), self.tr("Now"), self.tr("File"),
                self.tr("Imported"))
        parts.append("<tr>" + "".join(f"<td style='color:#5b6472'>{e(h)}</td>" for h in head) + "</tr>")
        for label, p in zip("AB", alarm.packages):
            cells = (label, p.manifest_sha256[:16] + "…", str(p.revision) if p.revision is not None else names.DASH,
                     p.status_name(), p.original_name or names.DASH, names.moment(p.imported_at))
            parts.append("<tr>" + "".join(f"<td>{e(c)}</td>" for c in cells) + "</tr>")
        parts.append("</table>")
        r = alarm.resolution
        if r is None:
            held = self.tr("Until this alarm is resolved, every package of this juror is held.")
            parts.append(f"<p>{e(held)}</p>")
            return "".join(parts)
        trusted = alarm.package(r.trusted_manifest_sha256)
        if trusted is None:
            decision = self.tr("Neither package was trusted.")
        else:
            label = "AB"[alarm.packages.index(trusted)]
            decision = self.tr("Package %1 was trusted.").replace("%1", label)
            if r.trusted_merged:
                decision += " " + self.tr("It was merged by the resolution.")
        when = self.tr("Resolved %1 by %2.").replace("%1", names.moment(r.resolved_at)).replace("%2", r.resolved_by)
        reason = self.tr("Reason:")
        parts.append(f"<p><b>{e(when)}</b> {e(decision)}</p><p>{e(reason)} {e(r.reason)}</p>")
        return "".join(parts)


class _BadgeClicks(QObject):
    """Opens the alarms dialog when the status bar's alarm badge is clicked (a QLabel has no clicked signal)."""

    def __init__(self, badge: QLabel, session: OrganizerSession, window: QWidget) -> None:
        super().__init__(badge)
        self.session = session
        self.window = window
        self.dialog: AlarmsDialog | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonRelease and event.button() == Qt.MouseButton.LeftButton:
            self.open()
            return True
        return False

    def open(self) -> AlarmsDialog:
        if self.dialog is None or not self.dialog.isVisible():
            if self.dialog is not None:
                self.dialog.deleteLater()
            self.dialog = AlarmsDialog(self.session, self.window)
            self.dialog.open()
        self.dialog.raise_()
        return self.dialog


def connect_alarm_badge(badge: QLabel, session: OrganizerSession, window: QWidget) -> None:
    """Make the status bar's alarm badge open the alarms dialog when clicked."""
    clicks = _BadgeClicks(badge, session, window)
    clicks.setObjectName("alarmBadgeClicks")
    badge.installEventFilter(clicks)
    badge.setCursor(Qt.CursorShape.PointingHandCursor)
    badge.setToolTip(QCoreApplication.translate("AlarmsDialog", "Click to see the alarms and resolve them"))
