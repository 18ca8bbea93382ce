"""The Printouts menu: each document is made in the background and opened in the print preview."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

from juror_app.domain.i18n import pick
from juror_app.ui.common.report_preview import show_report
from juror_app.ui.organizer.actions import OrganizerActions
from juror_app.ui.organizer.session import OrganizerSession
from juror_app.workflows.organizer.reports import (
    KIND_TITLES,
    Report,
    ReportKind,
    build_report,
    suggested_file_name,
)


def print_report(window: QMainWindow, session: OrganizerSession, kind: ReportKind):
    """Make ``kind`` from the edition database (own connection, off the GUI thread) and preview it."""
    results = session.results
    year = results.edition.year if results is not None else None

    def make_pdf(progress, cancelled) -> Report:
        db = session.open_db()
        try:
            return build_report(db, kind, progress=progress, cancelled=cancelled)  # the preview shows its notice()
        finally:
            db.close()

    return show_report(window, pick(*KIND_TITLES[kind]), make_pdf, suggested_name=suggested_file_name(kind, year))


def connect_printing(window: QMainWindow, actions: OrganizerActions, session: OrganizerSession) -> None:
    for action, kind in (
        (actions.print_protocol, ReportKind.PROTOCOL),
        (actions.print_institutions, ReportKind.INSTITUTIONS),
        (actions.print_ranking, ReportKind.RANKING),
        (actions.print_sheets, ReportKind.SHEETS),
    ):
        action.triggered.connect(lambda _checked=False, k=kind: print_report(window, session, k))
