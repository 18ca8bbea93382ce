"""The setup screens in the organizer's window: one tab per step, in the order an organizer works.

Each screen (``setup/screens.py`` ``SCREENS``) is re-read when it is shown and after another screen
or the results changed, so that a plan made on one screen is what the next one sees; a screen that
wrote asks the session to rebuild the results too.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget

from juror_app.domain.errors import UserError
from juror_app.domain.i18n import current_language
from juror_app.ui.common.errors import show_user_error
from juror_app.ui.organizer.session import OrganizerSession
from juror_app.ui.organizer.setup.base import SetupScreen
from juror_app.ui.organizer.setup.screens import SCREENS


class SetupTabs(QTabWidget):
    def __init__(self, session: OrganizerSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setupTabs")
        self.setDocumentMode(True)
        self.session = session
        self.screens: list[SetupScreen] = []
        for screen_type in SCREENS:
            screen = screen_type(session)
            screen.changed.connect(lambda s=screen: self._changed(s))
            self.screens.append(screen)
            self.addTab(screen, screen.title())
        self._stale = set(range(len(self.screens)))  # re-read when next shown
        self.currentChanged.connect(self._shown)

    def _changed(self, source: SetupScreen) -> None:
        self._stale = {i for i, s in enumerate(self.screens) if s is not source}
        self._retitle()
        self.session.refresh()

    def mark_stale(self) -> None:
        """Something outside the setup screens changed the database (a merge, a decision)."""
        self._stale = set(range(len(self.screens)))
        if self.isVisible():
            self._shown(self.currentIndex())

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._shown(self.currentIndex())

    def _shown(self, index: int) -> None:
        if index < 0 or index not in self._stale:
            return
        self._stale.discard(index)
        try:
            self.screens[index].reload()
        except UserError as exc:
            show_user_error(self, exc, self.tr("The edition could not be read"))
        self._retitle()

    def _retitle(self) -> None:
        lang = current_language()
        for i, screen in enumerate(self.screens):
            progress = screen.progress()
            missing = "; ".join(n.text(lang) for n in progress.missing)
            self.setTabText(i, screen.title())
            self.setTabToolTip(i, missing or self.tr("This step is complete."))
