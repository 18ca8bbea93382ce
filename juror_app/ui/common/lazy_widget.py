"""A placeholder that builds its content when it is first shown or asked for.

A tab the juror may never open (full-text search) then costs nothing when the window starts:
neither its widgets nor the imports behind them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

W = TypeVar("W", bound=QWidget)


class LazyWidget(QWidget, Generic[W]):
    def __init__(self, factory: Callable[[], W], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factory = factory
        self._content: W | None = None

    def is_built(self) -> bool:
        return self._content is not None

    def content(self) -> W:
        """The real widget, built now if it was not yet."""
        if self._content is None:
            self._content = self._factory()
            layout = QVBoxLayout(self)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(self._content)
        return self._content

    def showEvent(self, event: QShowEvent) -> None:
        self.content()
        super().showEvent(event)
