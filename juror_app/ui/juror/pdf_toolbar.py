"""Page navigation and zoom for a QPdfView: ◀ [page] / N ▶, − [zoom] +, fit width or whole page."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QToolButton,
    QWidget,
)

from juror_app.ui.juror.pdf_layout import keep_page_in_view, scroll_to_page

_ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)
_FIT_WIDTH, _FIT_PAGE = "fit-width", "fit-page"


class PdfToolbar(QWidget):
    def __init__(self, view: QPdfView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.previous_page = QToolButton(text="◀", autoRaise=True)
        self.previous_page.setToolTip(self.tr("Previous page"))
        self.previous_page.clicked.connect(lambda: self.go_to(self.current_page() - 1))
        self.page = QSpinBox()
        self.page.setKeyboardTracking(False)
        self.page.setToolTip(self.tr("Go to page"))
        self.page.valueChanged.connect(lambda value: self.go_to(value - 1))
        self.page_count = QLabel()
        self.next_page = QToolButton(text="▶", autoRaise=True)
        self.next_page.setToolTip(self.tr("Next page"))
        self.next_page.clicked.connect(lambda: self.go_to(self.current_page() + 1))

        self.zoom_out = QToolButton(text="−", autoRaise=True)
        self.zoom_out.setToolTip(self.tr("Zoom out (Ctrl+−)"))
        self.zoom_out.setShortcut(QKeySequence.StandardKey.ZoomOut)
        self.zoom_out.clicked.connect(lambda: self.step_zoom(-1))
        self.zoom = QComboBox()
        self.zoom.setToolTip(self.tr("Zoom"))
        self.zoom.addItem(self.tr("Fit width"), _FIT_WIDTH)
        self.zoom.addItem(self.tr("Whole page"), _FIT_PAGE)
        for factor in _ZOOMS:
            self.zoom.addItem(f"{round(factor * 100)}%", factor)
        self.zoom.currentIndexChanged.connect(self._zoom_chosen)
        self.zoom_in = QToolButton(text="+", autoRaise=True)
        self.zoom_in.setToolTip(self.tr("Zoom in (Ctrl++)"))
        self.zoom_in.setShortcut(QKeySequence.StandardKey.ZoomIn)
        self.zoom_in.clicked.connect(lambda: self.step_zoom(+1))

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        for widget in (self.previous_page, self.page, self.page_count, self.next_page):
            layout.addWidget(widget)
        layout.addSpacing(12)
        for widget in (self.zoom_out, self.zoom, self.zoom_in):
            layout.addWidget(widget)
        view.pageNavigator().currentPageChanged.connect(self._page_changed)
        self.set_document(None)

    def set_document(self, document: QPdfDocument | None) -> None:
        pages = document.pageCount() if document is not None else 0
        self.page.blockSignals(True)
        self.page.setRange(1 if pages else 0, max(pages, 0))
        self.page.setValue(1 if pages else 0)
        self.page.blockSignals(False)
        self.page_count.setText(f"/ {pages}")
        for widget in (self.previous_page, self.page, self.next_page, self.zoom_in, self.zoom_out, self.zoom):
            widget.setEnabled(pages > 0)
        self._page_changed(0)

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to(self, page: int) -> None:
        document = self.view.document()
        if document is None or not 0 <= page < document.pageCount():
            return
        navigator = self.view.pageNavigator()
        if page == navigator.currentPage():
            scroll_to_page(self.view, page)  # the navigator says nothing for "no change": scroll ourselves
        else:
            navigator.jump(page, QPointF(0, 0), navigator.currentZoom())

    def _page_changed(self, page: int) -> None:
        self.page.blockSignals(True)
        self.page.setValue(page + 1)
        self.page.blockSignals(False)
        document = self.view.document()
        pages = document.pageCount() if document is not None else 0
        self.previous_page.setEnabled(page > 0)
        self.next_page.setEnabled(page + 1 < pages)

    def _zoom_chosen(self) -> None:
        choice = self.zoom.currentData()

        def change() -> None:
            if choice == _FIT_WIDTH:
                self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            elif choice == _FIT_PAGE:
                self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
            else:
                self.view.setZoomMode(QPdfView.ZoomMode.Custom)
                self.view.setZoomFactor(float(choice))

        keep_page_in_view(self.view, self.current_page(), change)  # the page in view stays the one counted

    def step_zoom(self, direction: int) -> None:
        current = self.view.zoomFactor() if self.view.zoomMode() == QPdfView.ZoomMode.Custom else 1.0
        candidates = [z for z in _ZOOMS if (z > current + 1e-6 if direction > 0 else z < current - 1e-6)]
        if not candidates:
            return
        target = min(candidates) if direction > 0 else max(candidates)
        self.zoom.setCurrentIndex(self.zoom.findData(target, flags=Qt.MatchFlag.MatchExactly))
