"""The organizer's window: tabs for completeness, results, agreement, rankings and decisions.

It only assembles the views and routes between them: every view shows the same
:class:`~juror_app.ui.organizer.session.Snapshot`, rebuilt by the session in the background after each
change (an import, the threshold, a decision, the lock). Files dropped on the window open the import
dialog with them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from juror_app.domain.errors import UserError
from juror_app.ui.common import window_state
from juror_app.ui.common.errors import show_unexpected, show_user_error
from juror_app.ui.organizer.actions import OrganizerActions
from juror_app.ui.organizer.agreement_view import AgreementView
from juror_app.ui.organizer.alarms_dialog import connect_alarm_badge
from juror_app.ui.organizer.completeness_view import CompletenessView
from juror_app.ui.organizer.decisions_view import DecisionsView
from juror_app.ui.organizer import icons, style, window_fit
from juror_app.ui.organizer.help_dialog import connect_help
from juror_app.ui.organizer.import_dialog import PackageImportDialog
from juror_app.ui.organizer.labels import ElidedLabel, IconLabel
from juror_app.ui.organizer.printing import connect_printing
from juror_app.ui.organizer.rankings_view import RankingsView
from juror_app.ui.organizer.results_export_dialog import connect_export
from juror_app.ui.organizer.results_view import ResultsView
from juror_app.ui.organizer.session import OrganizerSession, Snapshot
from juror_app.ui.organizer.setup.setup_tabs import SetupTabs

SETTINGS_PREFIX = "organizer/window"


class OrganizerWindow(QMainWindow):
    language_requested = Signal(str)

    def __init__(self, session: OrganizerSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.import_dialog: PackageImportDialog | None = None
        self.help_dialog: QWidget | None = None  # the Help menu's last page opened
        self.setObjectName("organizerMainWindow")
        self.setWindowTitle(self.tr("Organizer — %1").replace("%1", session.db_path.name))
        self.setAcceptDrops(True)

        self.completeness = CompletenessView()
        self.results = ResultsView(session)
        self.agreement = AgreementView()
        self.rankings = RankingsView()
        self.decisions = DecisionsView(session)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.completeness, self.tr("Completeness"))
        self.tabs.addTab(self.results, self.tr("Results"))
        self.tabs.addTab(self.agreement, self.tr("Agreement"))
        self.tabs.addTab(self.rankings, self.tr("Rankings"))
        self.tabs.addTab(self.decisions, self.tr("Decisions"))
        self.setup = SetupTabs(session)  # the setup screens (assignment, …): the edition as it is being prepared
        self.tabs.addTab(self.setup, self.tr("Edition setup"))

        self.hint = QLabel(self.tr("No score package has been merged yet. Import the packages the jurors sent to see "
                                   "completeness, results and rankings."))
        self.hint.setObjectName("note")
        self.hint.setWordWrap(True)
        self.hint_button = QPushButton(self.tr("Import score packages…"))
        self.hint_button.clicked.connect(lambda: self.open_import())
        self.hint_bar = QWidget()
        hint_layout = QHBoxLayout(self.hint_bar)
        hint_layout.setContentsMargins(0, 0, 0, 0)
        hint_layout.addWidget(self.hint, 1)
        hint_layout.addWidget(self.hint_button)
        self.hint_bar.hide()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 6, 8, 4)
        layout.addWidget(self.hint_bar)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.edition_label = ElidedLabel()  # a long database path must not widen the window
        self.statusBar().addWidget(self.edition_label, 1)
        self.alarm_badge = IconLabel()
        self.alarm_badge.setObjectName("alarmBadge")
        self.alarm_badge.set_icon(icons.warning_icon(style.ALARM[0]))
        self.alarm_badge.hide()
        self.lock_badge = IconLabel()
        self.lock_badge.setObjectName("lockBadge")
        self.lock_badge.set_icon(icons.lock_icon(style.RECUSED[0]))
        self.lock_badge.hide()
        for badge in (self.alarm_badge, self.lock_badge):
            self.statusBar().addPermanentWidget(badge)
        connect_alarm_badge(self.alarm_badge, session, self)
        self.demo_badge: QLabel | None = None
        if session.demo is not None:
            self.demo_badge = QLabel(self.tr("Demo edition"))
            self.demo_badge.setObjectName("demoBadge")
            self.demo_badge.setToolTip(self.tr("A made-up edition in a temporary folder: %1")
                                       .replace("%1", str(session.demo.folder)))
            self.statusBar().addPermanentWidget(self.demo_badge)

        self.menu_actions = OrganizerActions(self)
        self.menu_actions.import_packages.triggered.connect(lambda: self.open_import())
        self.menu_actions.refresh.triggered.connect(session.refresh)
        self.menu_actions.quit.triggered.connect(self.close)
        self.menu_actions.languages.triggered.connect(lambda action: self.language_requested.emit(str(action.data())))
        connect_printing(self, self.menu_actions, session)
        connect_export(self, self.menu_actions, session)
        connect_help(self, self.menu_actions, session)
        session.results_changed.connect(self.show_snapshot)
        session.results_changed.connect(lambda _snapshot: self.setup.mark_stale())
        session.refresh_failed.connect(self._refresh_failed)
        restored = window_state.restore(self, SETTINGS_PREFIX, {**self.results.splitters, **self.decisions.splitters})
        if not self.isMaximized():  # a saved size from a bigger screen is brought inside this one
            window_fit.fit_window(self, preferred=window_fit.PREFERRED_SIZE, keep_size=restored)
        if session.snapshot is not None:
            self.show_snapshot(session.snapshot)
        else:
            self.edition_label.set_full_text(self.tr("Reading the results…"))
            session.refresh()

    # --- showing ----------------------------------------------------------------------------------------
    def show_snapshot(self, snapshot: Snapshot) -> None:
        results = snapshot.results
        self.setWindowTitle(self.tr("Organizer — %1").replace("%1", results.edition.name))
        for view in (self.completeness, self.results, self.agreement, self.rankings, self.decisions):
            view.show_snapshot(snapshot)
        merged = sum(1 for j in results.jurors if j.latest_revision is not None)
        assigned = sum(1 for j in results.jurors if j.assigned)
        self.hint_bar.setVisible(merged == 0)
        self.edition_label.set_full_text(self.tr("%1 · packages from %2 of %3 jurors · %4").replace("%1", results.edition.name)
                                   .replace("%2", str(merged)).replace("%3", str(assigned))
                                   .replace("%4", str(self.session.db_path)))
        self.lock_badge.setVisible(results.lock is not None)
        if results.lock is not None:
            self.lock_badge.setText(self.tr("Locked for printing"))
        self.alarm_badge.setVisible(bool(snapshot.alarms))
        if snapshot.alarms:
            self.alarm_badge.setText(self.tr("%n alarm(s)", "", len(snapshot.alarms)))

    def _refresh_failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            show_user_error(self, exc, self.tr("The results could not be read"))
        else:
            show_unexpected(self)

    # --- importing --------------------------------------------------------------------------------------
    def open_import(self, paths: list[Path] | None = None) -> PackageImportDialog:
        dialog = self.import_dialog
        if dialog is not None and dialog.isVisible() and dialog.state == "done" and paths:
            dialog.accept()  # a finished import: new files start a new batch
            dialog = None
        if dialog is None or not dialog.isVisible():
            dialog = PackageImportDialog(self.session, self)
            dialog.merged.connect(lambda _result: self.session.refresh())
            dialog.finished.connect(lambda _code, d=dialog: self._import_closed(d))
            self.import_dialog = dialog
            dialog.open()
        dialog.raise_()
        if paths:
            dialog.add_paths(paths)
        return dialog

    def _import_closed(self, dialog: PackageImportDialog) -> None:
        if self.import_dialog is dialog:
            self.import_dialog = None
        dialog.deleteLater()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.open_import(paths)

    # --- closing ----------------------------------------------------------------------------------------
    def save_layout(self) -> None:
        window_state.save(self, SETTINGS_PREFIX, {**self.results.splitters, **self.decisions.splitters})

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.import_dialog is not None and self.import_dialog.busy():
            self.import_dialog.reject()
            event.ignore()
            return
        self.save_layout()
        super().closeEvent(event)
