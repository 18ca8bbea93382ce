"""Full-text search across every assigned dossier's PDFs; a hit opens its document at its page.

The documents' text is indexed in the background (:mod:`juror_app.ui.juror.indexer`); searching
works on what is indexed so far, with any case and any diacritics ("lodz" finds "Łódź").
"""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from juror_app.ui.common.html_delegate import HTML_ROLE, HtmlDelegate
from juror_app.ui.juror.session import Session
from juror_app.ui.juror.style import role
from juror_app.workflows.juror import ui_support as juror_ui_support

HIT_ROLE = Qt.ItemDataRole.UserRole + 1


class SearchPanel(QWidget):
    hit_activated = Signal(object, str)  # SearchHit, the words as they stand in the document

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("Search all dossiers…"))
        self.field.setClearButtonEnabled(True)
        self.field.setToolTip(self.tr("Finds pages containing every word (beginnings of words are enough; "
                                      "case and Polish diacritics do not matter)"))
        self.field.returnPressed.connect(self.run_search)
        self.button = QPushButton(self.tr("Search"))
        self.button.clicked.connect(self.run_search)
        self.status = QLabel()
        role(self.status, "muted")
        self.status.setWordWrap(True)
        self.model = QStandardItemModel(self)
        self.results = QListView()
        self.results.setModel(self.model)
        self.results.setItemDelegate(HtmlDelegate(self.results))
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(False)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setAlternatingRowColors(True)
        self.results.activated.connect(self._activated)
        self.results.clicked.connect(self._activated)
        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        row.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        session.indexer.progress.connect(self._indexing)
        session.indexer.finished.connect(self._show_index_state)
        self._show_index_state()

    # --- indexing -----------------------------------------------------------------------------------
    def _indexing(self, done: int, total: int) -> None:
        self.status.setText(self.tr("Preparing the documents for searching: %1 of %n…", "", total).replace("%1", str(done)))

    def _show_index_state(self) -> None:
        done, total = juror_ui_support.index_progress(self.session.conn)
        if self.session.indexer.running():
            self._indexing(done, total)
        elif total and done < total:
            self.status.setText(self.tr("%1 of %n documents can be searched.", "", total).replace("%1", str(done)))
        elif total:
            self.status.setText(self.tr("Searches the text of %n document(s).", "", total))
        else:
            self.status.clear()

    # --- searching ----------------------------------------------------------------------------------
    def focus(self) -> None:
        self.field.setFocus()
        self.field.selectAll()

    def run_search(self) -> list:
        """Search now; return the SearchHits shown."""
        from juror_app.workflows.juror import (
            document_text,  # brings multiprocessing: imported on first search
        )

        query = self.field.text().strip()
        self.model.clear()
        if not query:
            self._show_index_state()
            return []
        hits = document_text.search(self.session.db, query)
        for hit in hits:
            item = QStandardItem()
            item.setData(hit, HIT_ROLE)
            start_at, end_at = hit.highlight
            snippet = (html.escape(hit.snippet[:start_at]) + "<b style='background:#fff3b0'>"
                       + html.escape(hit.snippet[start_at:end_at]) + "</b>" + html.escape(hit.snippet[end_at:]))
            where = self.tr("%1 · %2, page %3").replace("%1", hit.institution).replace("%2", hit.document_title) \
                .replace("%3", str(hit.page + 1))
            item.setData(f"<div style='color:#1f3a68; font-weight:600'>{html.escape(where)}</div>"
                         f"<div>{snippet}</div>", HTML_ROLE)
            item.setText(f"{where}\n{hit.snippet}")
            item.setToolTip(where)
            self.model.appendRow(item)
        if hits:
            self.status.setText(self.tr("%n page(s) found.", "", len(hits)))
        elif self.session.indexer.running():
            self.status.setText(self.tr("Nothing found yet; the documents are still being prepared for searching."))
        else:
            self.status.setText(self.tr("Nothing found. Try fewer or shorter words."))
        return hits

    def _activated(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if hit is not None:
            start_at, end_at = hit.highlight
            found = hit.snippet[start_at:end_at].strip() or self.field.text().strip()
            self.hit_activated.emit(hit, found)
