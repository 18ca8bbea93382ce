"""Sorting names the way Polish readers expect: Ł after L, Ż after Z, case ignored.

The trap: ``QSortFilterProxyModel.setSortLocaleAware`` follows the operating system's locale,
not ``QLocale.setDefault``, so on an English laptop it would put "Łódź" after "Zielona Góra".
This proxy compares with an explicit ``QCollator(QLocale("pl_PL"))`` instead, whatever the UI
language: the names are Polish in either language.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCollator,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

SORT_ROLE = Qt.ItemDataRole.UserRole + 100


def polish_collator() -> QCollator:
    collator = QCollator(QLocale(QLocale.Language.Polish, QLocale.Country.Poland))
    collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    collator.setNumericMode(True)  # "Teczka 2" before "Teczka 10"
    return collator


class CollatingSortProxy(QSortFilterProxyModel):
    """Sorts by ``SORT_ROLE`` (falling back to the display text): numbers as numbers, text by Polish rules."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._collator = polish_collator()
        self.setSortRole(SORT_ROLE)

    def lessThan(self, left: QModelIndex | QPersistentModelIndex, right: QModelIndex | QPersistentModelIndex) -> bool:
        a = left.data(self.sortRole())
        b = right.data(self.sortRole())
        if a is None:
            a = left.data(Qt.ItemDataRole.DisplayRole)
        if b is None:
            b = right.data(Qt.ItemDataRole.DisplayRole)
        if isinstance(a, (int, float)) and isinstance(b, (int, float)):
            return a < b
        return self._collator.compare(str(a or ""), str(b or "")) < 0
