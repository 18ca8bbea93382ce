"""Print preview for the printed summaries: make the PDF in the background, then preview, print, save.

The windows call :func:`show_report` with a function that makes the document — e.g.
``lambda progress, cancelled: build_report(open_organizer_db(path), "protocol", progress=progress,
cancelled=cancelled).pdf`` (it runs on a worker thread, so it opens its own database connection).
While it runs a progress dialog shows its progress and can cancel it; then a ``QPrintPreviewDialog``
shows the pages (rendered by ``QPdfDocument``), with Print and "Save as PDF…" (an atomic copy of the
generated file: the saved PDF is byte for byte the one previewed, attachment and bookmarks included).

Qt can only print a PDF as images of its pages: the preview renders them at screen resolution, the
printout at the printer's (at most 300 dpi). A preview records every page it shows, so a very long
document (the national edition's 2,000 summaries) previews its first pages only; Print and Save
always take the whole document.

A document may come with a notice for the person who made it (``Report.notice()``: characters no
embedded font has, printed as boxes): :func:`show_report` shows it in a bar above the pages, which
blocks nothing and can be closed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QAction, QPageSize, QPaintEngine, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from juror_app.domain.errors import UserError
from juror_app.fsutil import atomic_write
from juror_app.ui.common import file_dialogs, look
from juror_app.ui.common.errors import log, show_unexpected, show_user_error
from juror_app.ui.common.task_dialog import run_with_progress
from juror_app.ui.common.tasks import Work

PREVIEW_DPI = 96
PRINT_DPI_MAX = 300
PREVIEW_PAGE_LIMIT = 300
PRINT_PROGRESS_FROM = 8  # pages: below this printing is quick enough without a progress dialog
CANCELLED_CODE = "report_cancelled"

MakePdf = Work  # (progress(done, total, label), cancelled()) -> bytes | Path | a report with .pdf and .notice()
NOTICE_LOOK = look.Look(colour="#1f3a68", background="#e8f0fb", border="#b9cbe6", padding=(6, 8))


class NoticeBar(QFrame):
    """A message above the preview's pages that blocks nothing: read it, or close it with ×."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        look.apply(self, "reportNotice", NOTICE_LOOK)
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QToolButton(text="×", autoRaise=True)
        self.close_button.setToolTip(self.tr("Hide this message"))
        self.close_button.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 4, 4)
        row.addWidget(self.label, 1)
        row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)

    def text(self) -> str:
        return self.label.text()


class ReportPreview(QPrintPreviewDialog):
    """The preview of one generated PDF, with Print and "Save as PDF…"."""

    def __init__(self, pdf: bytes, title: str, *, suggested_name: str = "", notice: str = "",
                 parent: QWidget | None = None) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setFullPage(True)  # the PDF's pages carry their own margins
        printer.setDocName(title)
        super().__init__(printer, parent)
        self.printer = printer
        self.pdf = bytes(pdf)
        self.title = title
        self.suggested_name = suggested_name or "dokument.pdf"
        self._data = QByteArray(self.pdf)
        self._buffer = QBuffer(self._data, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        if self.document.status() != QPdfDocument.Status.Ready or self.document.pageCount() < 1:
            raise UserError("report_unreadable", pl="Utworzony dokument PDF nie daje się otworzyć do podglądu.",
                            en="The document that was made cannot be opened for preview.")
        self.page_count = self.document.pageCount()
        self.previewed_pages = min(self.page_count, PREVIEW_PAGE_LIMIT)
        if self.previewed_pages < self.page_count:
            self.setWindowTitle(self.tr("%1 — preview of the first %2 of %3 pages (printing and saving take all)")
                                .replace("%1", title).replace("%2", str(self.previewed_pages))
                                .replace("%3", str(self.page_count)))
        else:
            self.setWindowTitle(title)
        self.save_action = QAction(self.tr("Save as PDF…"), self)
        self.save_action.setToolTip(self.tr("Save this document as a PDF file (bookmarks and the attached results included)"))
        self.save_action.triggered.connect(lambda: self.save_as())
        toolbar = self.findChild(QToolBar)
        if toolbar is not None:
            toolbar.addSeparator()
            toolbar.addAction(self.save_action)
        self.notice_bar: NoticeBar | None = None
        if notice:
            self._show_notice(notice)
        self.paintRequested.connect(self._paint)
        self.resize(900, 1000)

    def _show_notice(self, notice: str) -> None:
        """Put a :class:`NoticeBar` right above the pages (QPrintPreviewDialog keeps its toolbar and pages in a
        QMainWindow of its own: the pages, its central widget, move into a box under the bar)."""
        frame = self.findChild(QMainWindow)
        pages = self.findChild(QPrintPreviewWidget)
        if frame is None or pages is None or frame.centralWidget() is not pages:
            return
        frame.takeCentralWidget()
        box = QWidget(frame)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.notice_bar = NoticeBar(notice, box)
        column.addWidget(self.notice_bar)
        column.addWidget(pages, 1)
        frame.setCentralWidget(box)

    # -- saving -------------------------------------------------------------------------------

    def save_as(self, path: Path | str | None = None) -> Path | None:
        """Write the PDF to ``path`` (asked for when None) atomically; None when the person cancels."""
        if path is None:
            path = file_dialogs.save_file(self, self.tr("Save as PDF"), self.suggested_name,
                                          self.tr("PDF documents (*.pdf)"), kind="reports", suffix=".pdf")
            if path is None:
                return None
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:
            atomic_write(target, self.pdf)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Not saved"),
                                self.tr("The file could not be saved: %1. Check the folder, the free disk space and "
                                        "your permission to write there.").replace("%1", exc.strerror or str(exc)))
            return None
        return target

    # -- drawing pages ------------------------------------------------------------------------

    def _paint(self, printer: QPrinter) -> None:
        engine = printer.paintEngine()
        previewing = engine is not None and engine.type() == QPaintEngine.Type.Picture
        if previewing:
            pages = range(self.previewed_pages)
            dpi = PREVIEW_DPI
        else:
            first = max(1, printer.fromPage()) if printer.fromPage() else 1
            last = min(self.page_count, printer.toPage()) if printer.toPage() else self.page_count
            pages = range(first - 1, last)
            dpi = min(printer.resolution(), PRINT_DPI_MAX)
        progress = None
        if not previewing and len(pages) >= PRINT_PROGRESS_FROM:
            progress = QProgressDialog(self.tr("Printing…"), self.tr("Cancel"), 0, len(pages), self)
            progress.setWindowModality(Qt.WindowModality.WindowModal)
            progress.setMinimumDuration(0)
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(self, self.tr("Not printed"), self.tr("The printer could not be started."))
            return
        try:
            for n, index in enumerate(pages):
                if progress is not None:
                    progress.setValue(n)
                    QCoreApplication.processEvents()
                    if progress.wasCanceled():
                        printer.abort()
                        break
                if n:
                    printer.newPage()
                self._draw_page(painter, printer, index, dpi)
        finally:
            painter.end()
            if progress is not None:
                progress.close()

    def _draw_page(self, painter: QPainter, printer: QPrinter, index: int, dpi: int) -> None:
        size = self.document.pagePointSize(index)
        image = self.document.render(index, QSize(max(1, round(size.width() * dpi / 72)),
                                                  max(1, round(size.height() * dpi / 72))))
        area = QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))
        scale = min(area.width() / max(1.0, size.width()), area.height() / max(1.0, size.height()))
        width, height = size.width() * scale, size.height() * scale
        target = QRectF(area.x() + (area.width() - width) / 2, area.y() + (area.height() - height) / 2, width, height)
        painter.drawImage(target, image)


def show_report(parent: QWidget | None, title: str, make_pdf: MakePdf, *, suggested_name: str = "") -> ReportPreview | None:
    """Make the document in the background (progress, cancel), then open its preview.

    Returns the preview (already shown, not blocking), or None when the person cancelled or the
    document could not be made (the reason has then been shown).
    """
    try:
        result = run_with_progress(parent, title, QCoreApplication.translate("ReportPreview", "Preparing the document…"),
                                   make_pdf)
    except UserError as error:
        if error.code != CANCELLED_CODE:
            show_user_error(parent, error, title)
        return None
    except Exception:  # noqa: BLE001 - logged with its traceback; the person sees a short message
        log.exception("making the report %s failed", title)
        show_unexpected(parent)
        return None
    if result is None:
        return None
    notice = ""
    if hasattr(result, "pdf"):  # a report that may have something to say (e.g. characters printed as boxes)
        notice = result.notice() if callable(getattr(result, "notice", None)) else ""
        result = result.pdf
    pdf = Path(result).read_bytes() if isinstance(result, (str, Path)) else bytes(result)
    try:
        preview = ReportPreview(pdf, title, suggested_name=suggested_name, notice=notice, parent=parent)
    except UserError as error:
        show_user_error(parent, error, title)
        return None
    preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    preview.open()
    return preview

