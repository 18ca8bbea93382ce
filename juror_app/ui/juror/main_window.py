"""The workstation window: dossier list (left), document viewer (centre), scoring panel (right).

It only assembles the parts and routes between them; the parts talk to the store through the
session. Leaving a dossier, closing the window or switching the language first saves every
pending edit; an edit that cannot be saved (a justification without points) is named and the
juror chooses to stay or to discard it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from juror_app.ui.common import window_state
from juror_app.ui.common.lazy_widget import LazyWidget
from juror_app.ui.juror import texts
from juror_app.ui.juror.document_gate import DocumentGate
from juror_app.ui.juror.document_viewer import DocumentViewer
from juror_app.ui.juror.dossier_list import DossierList
from juror_app.ui.juror.dossier_model import DossierTableModel
from juror_app.ui.juror.menus import Actions
from juror_app.ui.juror.scoring_panel import ScoringPanel
from juror_app.ui.juror.session import Session
from juror_app.ui.juror.style import role
from juror_app.workflows.juror import ui_support as juror_ui_support

if TYPE_CHECKING:
    from juror_app.ui.juror.search_panel import SearchPanel
    from juror_app.workflows.juror.document_text import SearchHit

SETTINGS_PREFIX = "juror/window"
BUNDLE_SUFFIX = ".pu-bundle"
BUNDLE_KIND = "juror/bundle"  # the folder the import dialog remembers


PREFERRED_SIZE = QSize(1480, 900)
FRAME_ALLOWANCE = QSize(16, 40)  # the window manager's borders and title bar, not yet known before showing


def first_size(window: QWidget) -> QSize:
    """The size of a window opened for the first time: the preferred one, within the screen's free area."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return PREFERRED_SIZE
    free = screen.availableGeometry().size() - FRAME_ALLOWANCE
    return PREFERRED_SIZE.boundedTo(free).expandedTo(window.minimumSizeHint())


def pane_widths(width: int) -> list[int]:
    """List, document, scoring: the document gets what the list and the scoring panel leave."""
    listing, scoring = max(320, round(width * 0.26)), max(340, round(width * 0.28))
    return [listing, max(width - listing - scoring, 300), scoring]


class MainWindow(QMainWindow):
    language_requested = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("jurorMainWindow")
        self._title()
        self.setAcceptDrops(True)
        self.resize(first_size(self))

        self.dossiers = DossierList(DossierTableModel(session.row))
        self.search_tab: LazyWidget[SearchPanel] = LazyWidget(self._make_search)  # built when first opened
        self.left = QTabWidget()
        self.left.setDocumentMode(True)
        self.left.setMinimumWidth(320)  # names stay readable, and the window still fits a 1,366-pixel screen
        self.left.addTab(self.dossiers, self.tr("Dossiers"))
        self.left.addTab(self.search_tab, self.tr("Search"))
        self.viewer = DocumentViewer(lambda sha: juror_ui_support.document_file(session.profile, sha),
                                     gate=DocumentGate(session.profile, session.conn, self))
        self.scoring = ScoringPanel(session)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        for widget in (self.left, self.viewer, self.scoring):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes(pane_widths(self.width()))
        self.splitter.setChildrenCollapsible(False)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._empty_page())
        self.stack.addWidget(self.splitter)
        self.setCentralWidget(self.stack)

        self.saved_state = QLabel()
        role(self.saved_state, "savedState")
        self.statusBar().addPermanentWidget(self.saved_state)
        if session.demo is not None:
            badge = QLabel(self.tr("Demo edition"))
            role(badge, "demoBadge")
            badge.setToolTip(self.tr("A made-up edition in a temporary folder: %1").replace("%1", session.demo.edition_folder))
            self.statusBar().addPermanentWidget(badge)
        self.actions = Actions(self)
        self._connect()
        window_state.restore(self, SETTINGS_PREFIX, {"main": self.splitter})
        self.reload()

    def _title(self) -> None:
        edition = self.session.edition
        name = self.session.profile_name()
        self.setWindowTitle(f"{edition.name} — {name}" if edition else name)

    def _empty_page(self) -> QWidget:
        page = QWidget()
        text = QLabel(self.tr("No dossiers yet. Import the assignment bundle you received from the organizer "
                              "(a .pu-bundle file): use the button below, or drag the file onto this window."))
        role(text, "emptyState")
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        button = QPushButton(self.tr("Import assignment bundle…"))
        button.clicked.connect(lambda: self.import_bundle())
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(text)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        layout.setContentsMargins(120, 40, 120, 40)
        return page

    def _connect(self) -> None:
        a, s = self.actions, self.session
        a.import_bundle.triggered.connect(lambda: self.import_bundle())
        a.export_package.triggered.connect(self.export_package)
        a.print_sheet.triggered.connect(self.print_sheet)
        a.save_enrollment.triggered.connect(self._save_enrollment)
        a.profile_info.triggered.connect(self._show_profile)
        a.quit.triggered.connect(self.close)
        a.undo.triggered.connect(self.undo)
        a.redo.triggered.connect(self.redo)
        s.undo_stack.canUndoChanged.connect(a.undo.setEnabled)
        s.undo_stack.canRedoChanged.connect(a.redo.setEnabled)
        # Bound methods, not lambdas: the undo stack outlives this window (a language switch rebuilds it),
        # and Qt drops a bound method's connection when its window goes.
        s.undo_stack.undoTextChanged.connect(self._undo_text)
        s.undo_stack.redoTextChanged.connect(self._redo_text)
        a.undo.setEnabled(s.undo_stack.canUndo())
        a.redo.setEnabled(s.undo_stack.canRedo())
        self._undo_text(s.undo_stack.undoText())
        self._redo_text(s.undo_stack.redoText())
        a.next_dossier.triggered.connect(lambda: self.dossiers.step(+1))
        a.previous_dossier.triggered.connect(lambda: self.dossiers.step(-1))
        a.next_criterion.triggered.connect(lambda: self.scoring.focus_criterion(+1))
        a.previous_criterion.triggered.connect(lambda: self.scoring.focus_criterion(-1))
        a.declare_conflict.triggered.connect(self.scoring.declarations.declare_conflict)
        a.nominate.triggered.connect(lambda: self.scoring.declarations.nominate())
        a.find_in_document.triggered.connect(self.viewer.focus_find)
        a.search_all.triggered.connect(self._focus_search)
        a.languages.triggered.connect(lambda action: self.language_requested.emit(str(action.data())))
        self.dossiers.dossier_selected.connect(self.open_dossier)
        self.scoring.problem.connect(lambda text: self.statusBar().showMessage(text, 8000))
        s.dossier_changed.connect(self.dossiers.refresh)
        s.saved.connect(self._saved)
        s.assignment_changed.connect(self.reload)

    # --- content ------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Show the current assignment (after start and after every bundle import)."""
        self._title()
        has = self.session.has_assignment() and self.session.edition is not None
        self.stack.setCurrentIndex(1 if has else 0)
        for action in (self.actions.export_package, self.actions.next_dossier, self.actions.previous_dossier,
                       self.actions.declare_conflict, self.actions.nominate, self.actions.search_all):
            action.setEnabled(has)
        if not has:
            return
        previous = self.scoring.current_dossier()
        self.dossiers.set_rows(self.session.rows(), self.session.edition.categories)
        self.scoring.clear()
        self.viewer.clear()
        if previous is None or not self.dossiers.select(previous):
            self.dossiers.step(+1)

    def open_dossier(self, dossier_id: str) -> None:
        if dossier_id == self.scoring.current_dossier():
            return
        previous = self.scoring.current_dossier()
        if previous is not None and not self.confirm_pending_saved():
            self.dossiers.select(previous)
            return
        self.scoring.show_dossier(dossier_id)
        self.viewer.set_documents(self.scoring.scoring.documents if self.scoring.scoring else ())

    def open_hit(self, hit: SearchHit, words: str) -> None:
        self.dossiers.select(hit.dossier_id)
        if self.scoring.current_dossier() == hit.dossier_id:
            self.viewer.open_document(hit.document_id, hit.page, words)

    def _make_search(self) -> SearchPanel:
        from juror_app.ui.juror.search_panel import SearchPanel

        panel = SearchPanel(self.session)
        panel.hit_activated.connect(self.open_hit)
        return panel

    @property
    def search(self) -> SearchPanel:
        """The search tab's panel (built on first use)."""
        return self.search_tab.content()

    def _focus_search(self) -> None:
        self.left.setCurrentWidget(self.search_tab)
        self.search.focus()

    def _saved(self, change) -> None:
        self.saved_state.setText(self.tr("Saved %1").replace("%1", texts.local_time(change.saved_at)))

    # --- edits --------------------------------------------------------------------------------------
    def confirm_pending_saved(self) -> bool:
        """Save pending edits; if one cannot be saved, ask whether to discard it. True: go on."""
        problems = self.scoring.flush()
        if not problems:
            return True
        answer = QMessageBox.warning(
            self, self.tr("Unsaved justification"),
            self.tr("These justifications have no points yet, so they cannot be saved:\n\n%1\n\n"
                    "Give the points to keep them, or discard them.").replace("%1", "\n".join(problems)),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Discard:
            self.scoring.discard_pending()
            return True
        return False

    def _undo_text(self, text: str) -> None:
        self.actions.undo.setText(self.tr("&Undo %1").replace("%1", text) if text else self.tr("&Undo"))

    def _redo_text(self, text: str) -> None:
        self.actions.redo.setText(self.tr("&Redo %1").replace("%1", text) if text else self.tr("&Redo"))

    def undo(self) -> None:
        self._step(self.session.undo_stack.undo)

    def redo(self) -> None:
        self._step(self.session.undo_stack.redo)

    def _step(self, step) -> None:
        self.scoring.flush()
        self.session.last_refusal = None
        step()
        if self.session.last_refusal is not None:
            QMessageBox.warning(self, self.tr("Cannot do that"), self.session.last_refusal.message())

    # --- files --------------------------------------------------------------------------------------
    # Dialogs are imported on first use: the window appears sooner (start-up is measured).
    def import_bundle(self, path: Path | None = None):
        from juror_app.ui.juror.import_dialog import ImportDialog

        if path is None:
            from juror_app.ui.common import file_dialogs

            path = file_dialogs.open_file(self, self.tr("Import the assignment bundle"),
                                          self.tr("Assignment bundle (*%1)").replace("%1", BUNDLE_SUFFIX),
                                          kind=BUNDLE_KIND)
            if path is None:
                return None
        if not self.confirm_pending_saved():
            return None
        dialog = ImportDialog(self.session, path, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        dialog.start_check()
        return dialog

    def export_package(self):
        from juror_app.ui.juror.export_dialog import ExportDialog

        if not self.confirm_pending_saved():
            return None
        dialog = ExportDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def print_sheet(self):
        """The juror's own score sheet from the local store, in the print preview (pending edits saved first)."""
        from juror_app.ui.common.report_preview import show_report
        from juror_app.workflows.juror.score_sheet import build_juror_sheet

        if not self.confirm_pending_saved():
            return None
        profile = self.session.profile

        def make_pdf(progress, cancelled):
            db = profile.open_db()
            try:
                return build_juror_sheet(db, progress=progress, cancelled=cancelled)  # the preview shows its notice()
            finally:
                db.close()

        return show_report(self, self.tr("My score sheet"), make_pdf, suggested_name=self.tr("my-score-sheet.pdf"))

    def _save_enrollment(self) -> None:
        from juror_app.ui.juror.profile_dialogs import save_enrollment

        save_enrollment(self, self.session)

    def _show_profile(self) -> None:
        from juror_app.ui.juror.profile_dialogs import show_profile

        show_profile(self, self.session)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.toLocalFile().endswith(BUNDLE_SUFFIX) for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            if url.toLocalFile().endswith(BUNDLE_SUFFIX):
                event.acceptProposedAction()
                self.import_bundle(Path(url.toLocalFile()))
                return

    # --- the window ---------------------------------------------------------------------------------
    def save_layout(self) -> None:
        window_state.save(self, SETTINGS_PREFIX, {"main": self.splitter})

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.confirm_pending_saved():
            event.ignore()
            return
        self.save_layout()
        event.accept()
