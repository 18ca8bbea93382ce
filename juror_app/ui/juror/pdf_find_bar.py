"""Search inside the open PDF: every hit highlighted in the view, Enter / F3 jumps to the next one.

``QPdfSearchModel`` searches page by page in the background and grows as it goes, so the hit
count is updated as rows arrive rather than read once.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtPdf import QPdfDocument, QPdfSearchModel
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QStyle, QStyleOptionFrame, QToolButton, QWidget


def placeholder_width(field: QLineEdit) -> int:
    """The width ``field`` needs to show its placeholder whole (with its frame and clear button)."""
    option = QStyleOptionFrame()
    field.initStyleOption(option)
    text = field.fontMetrics().horizontalAdvance(field.placeholderText()) + 8  # QLineEdit's inner margins
    clear = field.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, option, field) + 6 \
        if field.isClearButtonEnabled() else 0
    frame = 2 * field.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, option, field)
    return text + clear + frame


class PdfFindBar(QWidget):
    def __init__(self, view: QPdfView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.model = QPdfSearchModel(self)
        self._pending_page: int | None = None
        view.setSearchModel(self.model)
        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("Find in this document…"))
        self.field.setClearButtonEnabled(True)
        self.field.setMinimumWidth(placeholder_width(self.field))  # the hint is read whole, never "Find in th d…"
        self.field.setToolTip(self.tr("Highlights every occurrence in the document (Ctrl+F); Enter goes to the next"))
        self.field.returnPressed.connect(self.next_hit)
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self._search_now)
        self.field.textChanged.connect(lambda _: self._debounce.start())
        self.count_label = QLabel()
        # Room for the longest thing it says ("888 wystąpień", "brak wystąpień", "888 z 888"), so it never
        # shows "2 wystąpie" and does not jump as the count changes.
        metrics = self.count_label.fontMetrics()
        self.count_label.setMinimumWidth(4 + max(metrics.horizontalAdvance(text) for text in self._count_texts()))
        self.previous_button = QToolButton(text="▲", autoRaise=True)
        self.previous_button.setToolTip(self.tr("Previous occurrence (Shift+F3)"))
        self.previous_button.setShortcut(QKeySequence("Shift+F3"))
        self.previous_button.clicked.connect(self.previous_hit)
        self.next_button = QToolButton(text="▼", autoRaise=True)
        self.next_button.setToolTip(self.tr("Next occurrence (F3)"))
        self.next_button.setShortcut(QKeySequence("F3"))
        self.next_button.clicked.connect(self.next_hit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        self.model.countChanged.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)
        self.model.modelReset.connect(self._update_count)
        self._update_count()

    def _count_texts(self) -> list[str]:
        """Every form the hit counter takes, in the UI's language (each plural form, up to 888 hits)."""
        texts = [self.tr("no matches")]
        for n in (1, 2, 5, 22, 888):
            texts.append(self.tr("%n match(es)", "", n))
            texts.append(self.tr("%1 of %n", "", n).replace("%1", str(n)))
        return texts

    def set_document(self, document: QPdfDocument) -> None:
        """Search in ``document`` (the viewer reuses one QPdfDocument; call :meth:`refresh` after each load)."""
        self.model.setDocument(document)

    def refresh(self) -> None:
        """Search the newly loaded document for the text in the field."""
        self.model.setSearchString("")
        self._search_now()

    def search(self, text: str) -> None:
        """Search for ``text`` now (used when a full-text hit opens a document)."""
        self.field.blockSignals(True)
        self.field.setText(text)
        self.field.blockSignals(False)
        self._search_now()

    def hit_count(self) -> int:
        return self.model.count()

    def focus(self) -> None:
        self.field.setFocus()
        self.field.selectAll()

    def _search_now(self) -> None:
        self._debounce.stop()
        self._pending_page = None
        self.model.setSearchString(self.field.text().strip())
        self.view.setCurrentSearchResultIndex(-1)
        self._update_count()

    def _update_count(self, *_args) -> None:
        self._try_pending()
        text = self.field.text().strip()
        count = self.model.count()
        if not text:
            self.count_label.clear()
        elif count == 0:
            self.count_label.setText(self.tr("no matches"))
        else:
            current = self.view.currentSearchResultIndex()
            total = self.tr("%n match(es)", "", count)
            self.count_label.setToolTip(total)
            self.count_label.setText(self.tr("%1 of %n", "", count).replace("%1", str(current + 1))
                                     if current >= 0 else total)
        self.previous_button.setEnabled(count > 0)
        self.next_button.setEnabled(count > 0)

    def next_hit(self) -> None:
        self._go(+1)

    def previous_hit(self) -> None:
        self._go(-1)

    def go_to_first_on_page(self, page: int) -> None:
        """Make the first hit on ``page`` current (a full-text hit names the page, not the spot).

        The model searches in the background, so this waits for the hits if none has arrived yet.
        """
        self._pending_page = page
        self._try_pending()

    def _try_pending(self) -> None:
        if self._pending_page is None:
            return
        for i in range(self.model.count()):
            if self.model.resultAtIndex(i).page() >= self._pending_page:
                self._pending_page = None
                self._jump(i)
                return

    def _go(self, delta: int) -> None:
        if self._debounce.isActive():
            self._search_now()
        count = self.model.count()
        if count == 0:
            return
        current = self.view.currentSearchResultIndex()
        self._jump((current + delta) % count if current >= 0 else (0 if delta > 0 else count - 1))

    def _jump(self, i: int) -> None:
        self.view.setCurrentSearchResultIndex(i)
        link = self.model.resultAtIndex(i)
        navigator = self.view.pageNavigator()
        navigator.jump(link.page(), link.location(), navigator.currentZoom())
        self._update_count()
