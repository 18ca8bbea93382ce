"""The juror's own score sheet, printable before export: File → Print my score sheet."""

from __future__ import annotations

import io

import pypdf
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import QApplication

from juror_app.ui.common.report_preview import ReportPreview
from juror_app.workflows.juror import scoring as juror_scoring


def test_print_my_score_sheet_shows_what_the_store_holds(qtbot, open_workstation, demo_copy) -> None:
    workstation = open_workstation(demo_copy.profile, demo_copy.info())
    juror_scoring.set_score(workstation.session.db, dossier_id="d0001", criterion_id="k01", points=9,
                            justification="Karta Usług dostępna w BIP; łatwość załatwiania spraw.")
    action = workstation.window.actions.print_sheet
    assert action.text().replace("&", "") == "Drukuj moją kartę oceny…"
    action.trigger()
    qtbot.waitUntil(lambda: any(isinstance(w, ReportPreview) for w in QApplication.topLevelWidgets()), timeout=60_000)
    preview = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ReportPreview))
    qtbot.addWidget(preview)
    assert preview.windowTitle() == "Moja karta oceny"
    widget = preview.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: widget.pageCount() > 0, timeout=30_000)
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(preview.pdf)).pages)
    assert "łatwość załatwiania spraw" in " ".join(text.split())
    preview.close()
