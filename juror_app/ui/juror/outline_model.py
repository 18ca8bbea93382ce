"""The document's outline (bookmarks) with each heading's whole text as its tooltip.

The outline pane is narrow, so long headings are shortened with "…"; QPdfBookmarkModel gives no
tooltip, so hovering a shortened heading showed nothing more.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtPdf import QPdfBookmarkModel


class OutlineModel(QPdfBookmarkModel):
    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ToolTipRole:
            role = Qt.ItemDataRole.DisplayRole
        return super().data(index, role)
