"""Remembering a window's layout between sessions (geometry, toolbars and docks, splitters).

Kept in ``QSettings`` under one prefix per window, so the juror's and the organizer's windows do
not overwrite each other's layout.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter


def save(window: QMainWindow, prefix: str, splitters: dict[str, QSplitter] | None = None) -> None:
    settings = QSettings()
    settings.setValue(f"{prefix}/geometry", window.saveGeometry())
    settings.setValue(f"{prefix}/state", window.saveState())
    for name, splitter in (splitters or {}).items():
        settings.setValue(f"{prefix}/splitter/{name}", splitter.saveState())


def restore(window: QMainWindow, prefix: str, splitters: dict[str, QSplitter] | None = None) -> bool:
    """Restore what was saved; False (and nothing changed) when there is nothing yet."""
    settings = QSettings()
    geometry = settings.value(f"{prefix}/geometry")
    restored = isinstance(geometry, QByteArray) and window.restoreGeometry(geometry)
    state = settings.value(f"{prefix}/state")
    if isinstance(state, QByteArray):
        window.restoreState(state)
    for name, splitter in (splitters or {}).items():
        value = settings.value(f"{prefix}/splitter/{name}")
        if isinstance(value, QByteArray):
            splitter.restoreState(value)
    return bool(restored)
