"""The centre pane: the open dossier's documents by kind, shown with QPdfView.

A document is checked against its SHA-256 before it is shown, and opened only if the PDF check
passed it (:class:`~juror_app.ui.juror.document_gate.DocumentGate`; the check ran in a child process
when the bundle was imported, or runs now, in the background, for a document never checked: "checking…"
shows in its place meanwhile). A refused, damaged or missing PDF shows its reason in place of the page,
with "open in the system's PDF viewer" (after a warning) as a way out, and its tab is marked; the rest
of the window carries on: the juror can still read the other documents and score.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPointF, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices
from PySide6.QtPdf import QPdfBookmarkModel, QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabBar,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from juror_app.domain.errors import UserError
from juror_app.domain.model import Document
from juror_app.domain.pdf_verdict import PdfVerdict
from juror_app.ui.juror import texts
from juror_app.ui.juror.document_gate import DocumentGate
from juror_app.ui.juror.outline_model import OutlineModel
from juror_app.ui.juror.pdf_find_bar import PdfFindBar
from juror_app.ui.juror.pdf_toolbar import PdfToolbar
from juror_app.ui.juror.style import role
from juror_app.ui.juror.viewer_bar import ViewerBar

Resolve = Callable[[str], Path]  # a document's SHA-256 → its checked file


class DocumentViewer(QWidget):
    document_shown = Signal(str)  # document id, once its first page can be drawn

    def __init__(self, resolve: Resolve, parent: QWidget | None = None, *, gate: DocumentGate | None = None) -> None:
        super().__init__(parent)
        self._resolve = resolve
        self.gate = gate  # None only where a test opens files directly (load_file); the window always has one
        self.refusal: PdfVerdict | None = None  # the current document's verdict when the check refused it
        self.checking = False  # the current document is being checked; it opens when the check passes it
        if gate is not None:
            gate.checked.connect(self._checked)
        self._documents: tuple[Document, ...] = ()
        self._current: Document | None = None
        self._path: Path | None = None
        self.error: str | None = None  # the message shown instead of the page, if any

        self.pdf = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.pdf)
        self.bookmarks = OutlineModel(self)  # headings shortened in the narrow pane have a tooltip
        self.bookmarks.setDocument(self.pdf)
        self.outline = QTreeView()
        self.outline.setModel(self.bookmarks)
        self.outline.setHeaderHidden(True)
        self.outline.setToolTip(self.tr("The document's outline: click a heading to go there"))
        self.outline.activated.connect(self._outline_activated)
        self.outline.clicked.connect(self._outline_activated)

        self.tabs = QTabBar()
        self.tabs.setExpanding(False)
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.toolbar = PdfToolbar(self.view)
        self.find_bar = PdfFindBar(self.view)
        self.find_bar.set_document(self.pdf)
        self.outline_button = QToolButton(text=self.tr("Outline"), checkable=True, autoRaise=True)
        self.outline_button.setToolTip(self.tr("Show or hide the document's outline"))
        self.outline_button.toggled.connect(self.outline.setVisible)
        self.external_button = QToolButton(text="PDF ↗", autoRaise=True)
        self.external_button.setToolTip(self.tr("Open this PDF in the computer's default PDF reader"))
        self.external_button.clicked.connect(self.open_externally)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        role(self.message, "viewerMessage")
        message_external = QPushButton(self.tr("Open in the system's PDF viewer…"))
        message_external.clicked.connect(self.open_externally)
        self.message_external = message_external
        message_page = QWidget()
        message_layout = QVBoxLayout(message_page)
        message_layout.addStretch(1)
        message_layout.addWidget(self.message)
        message_layout.addWidget(message_external, 0, Qt.AlignmentFlag.AlignHCenter)
        message_layout.addStretch(2)

        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(self.outline)
        body.addWidget(self.view)
        body.setStretchFactor(1, 1)
        body.setSizes([180, 600])
        self.outline.hide()
        self.stack = QStackedWidget()
        self.stack.addWidget(body)
        self.stack.addWidget(message_page)

        self.bar = ViewerBar(self.tabs, self.toolbar, self.find_bar, (self.outline_button, self.external_button))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.bar)
        layout.addWidget(self.stack, 1)
        self.show_message(self.tr("Choose a dossier on the left to read its documents."), external=False)

    # --- the dossier's documents ----------------------------------------------------------------
    def set_documents(self, documents: tuple[Document, ...]) -> None:
        """Show a dossier's documents as tabs and open the first."""
        self._documents = tuple(documents)
        self.tabs.blockSignals(True)
        while self.tabs.count():
            self.tabs.removeTab(0)
        verdicts = self.gate.verdicts(d.sha256 for d in self._documents) if self.gate is not None else {}
        for doc in self._documents:
            i = self.tabs.addTab(texts.kind_name(doc.kind))
            pages = self.tr("%n page(s)", "", doc.pages) if doc.pages else ""
            self.tabs.setTabToolTip(i, f"{texts.kind_name(doc.kind)}: {doc.title}\n{pages}".strip())  # whole if cut
            verdict = verdicts.get(doc.sha256)
            if verdict is not None and not verdict.ok:
                self._mark_refused(i, doc, verdict)
        self.tabs.blockSignals(False)
        unchecked = [d.sha256 for d in self._documents if d.sha256 not in verdicts]
        if self.gate is not None and unchecked:
            self.gate.request_check(unchecked)  # the dossier's other documents are ready when the juror gets there
        if self._documents:
            self.open_document(self._documents[0].id)
        else:
            self._unload()
            self.show_message(self.tr("This dossier has no documents."), external=False)

    def documents(self) -> tuple[Document, ...]:
        return self._documents

    def current_document(self) -> Document | None:
        return self._current

    def open_document(self, document_id: str, page: int = 0, search: str | None = None) -> bool:
        """Open one of the dossier's documents at ``page`` (from 0), optionally finding ``search`` in it."""
        for i, doc in enumerate(self._documents):
            if doc.id == document_id:
                break
        else:
            return False
        self.tabs.blockSignals(True)
        self.tabs.setCurrentIndex(i)
        self.tabs.blockSignals(False)
        if self._current is None or self._current.id != document_id or self.error or self.checking:
            self._load(doc)
        if self.error is None:
            if search is not None:
                self.find_bar.search(search)
            self.toolbar.go_to(page)
            if search:
                self.find_bar.go_to_first_on_page(page)
        return self.error is None

    def _tab_changed(self, i: int) -> None:
        if 0 <= i < len(self._documents):
            self.open_document(self._documents[i].id)

    # --- loading --------------------------------------------------------------------------------
    def _load(self, doc: Document) -> None:
        self._current = doc
        self.refusal, self.checking = None, False
        try:
            path = self._resolve(doc.sha256)
        except UserError as exc:
            self._unload()
            self.show_message(exc.message(), external=False)
            return
        if self.gate is not None and not self._passed(doc, path):
            return
        self.load_file(path)
        if self.error is None:
            self.document_shown.emit(doc.id)

    def _passed(self, doc: Document, path: Path) -> bool:
        """Whether the check passed ``doc``; if not, say why (or that it is being checked) in place."""
        assert self.gate is not None
        verdict = self.gate.verdict(doc.sha256)
        if verdict is not None and verdict.ok:
            return True
        self._unload()
        self._path = Path(path)
        if verdict is not None:
            self.refusal = verdict
            self.show_message(verdict.message() + "\n\n" + self.tr(
                "To keep this window safe it does not open this document. You can go on reading the other "
                "documents and scoring; ask the organizer for a corrected copy, or open it in the system's PDF "
                "viewer at your own risk."), external=True)
            return False
        failure = self.gate.failure(doc.sha256)
        if failure is not None and not self.gate.checking(doc.sha256):
            self.refusal = PdfVerdict(doc.sha256, "unchecked", detail=failure)
            self.show_message(self.tr("This document could not be checked, so it is not opened here: %1")
                              .replace("%1", failure), external=True)
            return False
        self.checking = True
        self.show_message(self.tr("Checking this document before it is opened…"), external=False)
        self.gate.request_check([doc.sha256])
        return False

    def _checked(self, sha256: str) -> None:
        """A background check ended: open the document the juror is waiting for, and mark its tab if refused."""
        for i, doc in enumerate(self._documents):
            if doc.sha256 == sha256 and self.gate is not None:
                verdict = self.gate.verdict(sha256)
                if verdict is not None and not verdict.ok:
                    self._mark_refused(i, doc, verdict)
        if self.checking and self._current is not None and self._current.sha256 == sha256:
            self._load(self._current)

    def _mark_refused(self, index: int, doc: Document, verdict: PdfVerdict) -> None:
        self.tabs.setTabTextColor(index, QColor("#b3261e"))
        self.tabs.setTabText(index, self.tr("%1 (not opened)").replace("%1", texts.kind_name(doc.kind)))
        self.tabs.setTabToolTip(index, f"{doc.title}\n{verdict.message()}")

    def load_file(self, path: Path) -> bool:
        """Show the PDF at ``path``; on failure show why, in place, and return False."""
        self._unload()
        self._path = Path(path)
        result = self.pdf.load(str(path))
        if result != QPdfDocument.Error.None_ or self.pdf.status() != QPdfDocument.Status.Ready:
            self.show_message(self._explain(result), external=result != QPdfDocument.Error.FileNotFound)
            return False
        self.error = None
        self.stack.setCurrentIndex(0)
        self.toolbar.set_document(self.pdf)
        self.find_bar.refresh()
        top_level = self.bookmarks.rowCount(QModelIndex())
        has_outline = top_level > 0
        worth_showing = top_level > 1 or (has_outline and self.bookmarks.rowCount(self.bookmarks.index(0, 0)) > 0)
        self.outline_button.setEnabled(has_outline)
        self.outline_button.setChecked(worth_showing)
        self.outline.setVisible(worth_showing)
        self.outline.expandToDepth(0)
        self.external_button.setEnabled(True)
        return True

    def _unload(self) -> None:
        self.pdf.close()
        self.toolbar.set_document(None)
        self.outline_button.setEnabled(False)
        self.outline.hide()

    def _explain(self, error: QPdfDocument.Error) -> str:
        if error in (QPdfDocument.Error.IncorrectPassword, QPdfDocument.Error.UnsupportedSecurityScheme):
            return self.tr("This PDF is protected with a password, so it cannot be shown here. You can go on reading "
                           "the other documents and scoring; ask the organizer for an unprotected copy, or open it "
                           "in another program if you know the password.")
        if error == QPdfDocument.Error.FileNotFound:
            return self.tr("The document's file is missing. Import the assignment bundle again.")
        return self.tr("This PDF is damaged and cannot be shown. You can go on reading the other documents and "
                       "scoring; tell the organizer which document it is, or try opening it in another program.")

    def show_message(self, text: str, *, external: bool) -> None:
        self.error = text
        self.message.setText(text)
        self.message_external.setVisible(external)
        self.external_button.setEnabled(external)
        self.stack.setCurrentIndex(1)

    def clear(self) -> None:
        self._documents = ()
        self._current = None
        self.refusal, self.checking = None, False
        self.tabs.blockSignals(True)
        while self.tabs.count():
            self.tabs.removeTab(0)
        self.tabs.blockSignals(False)
        self._unload()
        self.show_message(self.tr("Choose a dossier on the left to read its documents."), external=False)

    # --- small actions --------------------------------------------------------------------------
    def open_externally(self) -> None:
        """Open the document in the system's PDF viewer; one the check refused only after a warning."""
        if self._path is None or not self._path.is_file():
            return
        if self.refusal is not None and not self.confirm_external():
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._path)))

    def confirm_external(self) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Open a document that did not pass the check?"),
                          self.tr("This document did not pass the safety check:\n\n%1\n\nAnother program may "
                                  "hang or crash on it too, and a crafted file can attack the program that opens it. "
                                  "Open it only if you trust where it came from; the organizer can send a corrected "
                                  "copy.").replace("%1", self.refusal.message() if self.refusal and
                                                   self.refusal.reason != "unchecked" else self.message.text()),
                          QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel, self)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Open

    def focus_find(self) -> None:
        self.find_bar.focus()

    def _outline_activated(self, index: QModelIndex) -> None:
        page = index.data(int(QPdfBookmarkModel.Role.Page))
        location = index.data(int(QPdfBookmarkModel.Role.Location))
        if page is None:
            return
        navigator = self.view.pageNavigator()
        navigator.jump(int(page), location if isinstance(location, QPointF) else QPointF(0, 0), navigator.currentZoom())
