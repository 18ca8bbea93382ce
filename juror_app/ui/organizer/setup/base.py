"""What every setup screen is: a widget over the open edition that says where its step stands.

A screen reads through workflows (never SQL), shows at its top what is done and what is missing
(``workflows.organizer.progress``), and emits ``changed`` after anything it wrote, so that the
window re-reads the other screens and the results. Quick reads and writes use the session's
GUI-thread connection (``session.db``); long work (imports, checks, exports) runs as a background
task (``ui.common.tasks``) on its own connection (``session.open_db()``).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from juror_app.domain.i18n import current_language
from juror_app.ui.organizer.session import OrganizerSession
from juror_app.workflows.organizer.progress import Step, StepProgress, step_progress


class SetupScreen(QWidget):
    """Base of a setup screen. Subclasses set ``step``, build their body into ``self.body`` and
    override :meth:`reload` (re-read the database; called on show and after any screen's change)."""

    changed = Signal()  # this screen wrote to the database: the window refreshes the others and the results
    step: Step

    def __init__(self, session: OrganizerSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.progress_label = QLabel()
        self.progress_label.setObjectName("setupProgress")
        self.progress_label.setWordWrap(True)
        self.body = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.progress_label)
        layout.addLayout(self.body, 1)

    def title(self) -> str:
        """The step's name in the current language (the window's navigation shows it)."""
        return self.progress().name(current_language())

    def progress(self) -> StepProgress:
        return step_progress(self.session.db, self.step)

    def show_progress(self) -> StepProgress:
        """Re-read and show what is done and what is missing; returns it."""
        progress = self.progress()
        lang = current_language()
        done = "; ".join(n.text(lang) for n in progress.done)
        missing = "; ".join(n.text(lang) for n in progress.missing)
        parts = [done] if done else []
        if missing:
            parts.append(self.tr("Missing: %1").replace("%1", missing))
        else:
            parts.append(self.tr("This step is complete."))
        self.progress_label.setText("\n".join(parts))
        return progress

    def reload(self) -> None:
        """Re-read from the database. Subclasses call ``super().reload()`` and refresh their widgets."""
        self.show_progress()

    def notify_changed(self) -> None:
        """Call after a successful write: refreshes this screen's progress and tells the window."""
        self.show_progress()
        self.changed.emit()
