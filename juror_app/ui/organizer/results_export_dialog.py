"""File → Export results…: the merged results as a CSV file for Excel or as JSON, from the window.

The same workflow as ``juror-app results`` (``workflows.organizer.results_export``): the same data gives
the same bytes as the command line. The file is built and written in the background on its own
database connection, atomically; the dialog shows what was written, or why nothing was.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from juror_app.domain.errors import UserError
from juror_app.domain.i18n import current_language
from juror_app.ui.common import file_dialogs
from juror_app.ui.common.tasks import Task, run_in_background
from juror_app.ui.organizer import style
from juror_app.ui.organizer.actions import OrganizerActions
from juror_app.ui.organizer.session import OrganizerSession
from juror_app.workflows.organizer.results_export import (
    ExportedResults,
    export_results,
    suggested_results_name,
)

FILE_KIND = "results"  # the file dialogs remember the last folder used for results apart from other files


def documents_folder() -> Path:
    """Where the export proposes to write first: the last folder used for results, else the documents folder."""
    return file_dialogs.start_folder(FILE_KIND)


def choose_results_file(parent: QWidget, title: str, start: Path, filters: str) -> Path | None:
    """Ask where to save (None when the person cancels). The one file-dialog call of the export."""
    return file_dialogs.save_file(parent, title, start, filters, kind=FILE_KIND, suffix=start.suffix or ".csv")


class ResultsExportDialog(QDialog):
    def __init__(self, session: OrganizerSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.exported: ExportedResults | None = None
        self._task: Task | None = None
        self._confirmed: Path | None = None  # a path the file dialog already asked to replace
        self.setWindowTitle(self.tr("Export results"))
        self.setMinimumWidth(480)
        self.resize(640, 0)

        intro = QLabel(self.tr(
            "The results of the merged scores in one file: completeness, every juror's points with the statistics per "
            "dossier and criterion, agreement, rankings, certification and distinctions. The same data always gives "
            "the same file, identical to what “juror-app results” writes."))
        intro.setWordWrap(True)
        self.csv = QRadioButton(self.tr("CSV for Excel"))
        self.json = QRadioButton(self.tr("JSON"))
        self.csv.setChecked(True)
        self.formats = QButtonGroup(self)
        for button in (self.csv, self.json):
            self.formats.addButton(button)
            button.toggled.connect(self._format_changed)
        csv_note = self._note(self.tr("opens correctly in Polish Excel: semicolons, decimal commas"))
        json_note = self._note(self.tr("for other programs and scripts"))
        self.normalised = QCheckBox(self.tr("Add the ranking after normalising each juror's scores"))
        self.normalised.setToolTip(self.tr("As on the Rankings tab: per-juror z-scores; the raw ranking stays the official one."))
        self.path = QLineEdit(str(documents_folder() / self._suggested_name()))
        self.path.textEdited.connect(lambda _text: setattr(self, "_confirmed", None))
        self.choose = QPushButton(self.tr("Choose…"))
        self.choose.clicked.connect(self.pick_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.choose)
        form = QFormLayout()
        form.addRow(self.tr("Format:"), self._choice(self.csv, csv_note))
        form.addRow("", self._choice(self.json, json_note))
        form.addRow("", self.normalised)
        form.addRow(self.tr("File:"), file_row)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    @staticmethod
    def _note(text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("muted")
        label.setWordWrap(True)
        return label

    @staticmethod
    def _choice(button: QRadioButton, note: QLabel) -> QWidget:
        """A radio button with its explanation beside it (the explanation wraps; the button's text cannot)."""
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(button)
        layout.addWidget(note, 1)
        return row

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        """Grow to the wrapped texts' height (a window does not follow its labels' height-for-width by itself)."""
        needed = self.layout().totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    # --- choosing -------------------------------------------------------------------------------------
    def chosen_format(self) -> str:
        return "json" if self.json.isChecked() else "csv"

    def _suggested_name(self) -> str:
        results = self.session.results
        year = results.edition.year if results is not None else None
        return suggested_results_name(year, self.chosen_format(), normalised=False, lang=current_language())

    def _format_changed(self, checked: bool) -> None:
        if not checked:
            return
        text = self.path.text().strip()
        if text:
            target = Path(text)
            self.path.setText(str(target.with_suffix("." + self.chosen_format())))
            self._confirmed = None

    def pick_file(self) -> Path | None:
        filters = (self.tr("CSV for Excel (*.csv)") if self.chosen_format() == "csv" else self.tr("JSON (*.json)"))
        current = Path(self.path.text().strip() or self._suggested_name())
        start = current if current.parent.is_dir() and str(current.parent) != "." else documents_folder() / current.name
        chosen = choose_results_file(self, self.tr("Export results"), start, filters)
        if chosen is None:
            return None
        if not chosen.suffix:
            chosen = chosen.with_suffix("." + self.chosen_format())
        self.path.setText(str(chosen))
        self._confirmed = chosen  # the file dialog asked before replacing
        return chosen

    def target(self) -> Path | None:
        text = self.path.text().strip()
        if not text:
            return None
        target = Path(text).expanduser()
        if not target.suffix:
            target = target.with_suffix("." + self.chosen_format())
        return target

    # --- exporting ------------------------------------------------------------------------------------
    def export(self) -> bool:
        """Start writing the file in the background; False when nothing was started (no file, not replaced)."""
        if self._task is not None:
            return False
        target = self.target()
        if target is None:
            self._show(self.tr("Give the file to write the results to."), error=True)
            return False
        if target.is_file() and target != self._confirmed:
            answer = QMessageBox.question(self, self.tr("Export results"),
                                          self.tr("“%1” already exists. Replace it?").replace("%1", str(target)))
            if answer != QMessageBox.StandardButton.Yes:
                return False
        fmt, normalised, open_db = self.chosen_format(), self.normalised.isChecked(), self.session.open_db

        def work(_progress, _cancelled) -> ExportedResults:
            db = open_db()
            try:
                return export_results(db, target, fmt=fmt, normalised=normalised)
            finally:
                db.close()

        self._set_busy(True)
        self.message.hide()
        self._task = run_in_background(work, on_done=self._done, on_failed=self._failed)
        return True

    def busy(self) -> bool:
        return self._task is not None

    def _done(self, exported: ExportedResults) -> None:
        self._task = None
        self._set_busy(False)
        self.exported = exported
        size = QLocale().formattedDataSize(exported.size, 1, QLocale.DataSizeFormat.DataSizeSIFormat)
        self._show(self.tr("Saved %1 (%2, %n dossier(s)).", "", exported.dossiers).replace("%1", str(exported.path))
                   .replace("%2", size), error=False)

    def _failed(self, exc: BaseException) -> None:
        self._task = None
        self._set_busy(False)
        if isinstance(exc, UserError):
            text = exc.message()
        else:  # the traceback is in the log (Task)
            text = self.tr("An unexpected error stopped the export; the details were written to the log file.")
        self._show(text + "\n" + self.tr("Nothing was written."), error=True)

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        for widget in (self.csv, self.json, self.normalised, self.path, self.choose, self.export_button):
            widget.setEnabled(not busy)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setEnabled(not busy)

    def _show(self, text: str, *, error: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {style.BAD[0]};" if error else f"color: {style.GOOD[0]};")
        self.message.show()
        self._fit_height()  # a message never squashes the rows above it

    def reject(self) -> None:
        if self._task is not None:
            return  # a short write: it finishes (or changes nothing) on its own
        super().reject()


def open_results_export(window: QMainWindow, session: OrganizerSession) -> ResultsExportDialog:
    dialog = ResultsExportDialog(session, window)
    dialog.finished.connect(lambda _code: dialog.deleteLater())
    dialog.open()
    return dialog


def connect_export(window: QMainWindow, actions: OrganizerActions, session: OrganizerSession) -> None:
    actions.export_results.triggered.connect(lambda: open_results_export(window, session))
