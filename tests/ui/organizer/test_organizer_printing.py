"""The Printouts menu: each document is made in the background and opened in the print preview."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import QApplication

from juror_app.ui.common.report_preview import ReportPreview


@pytest.mark.parametrize("action_name,title_fragment", [
    ("print_protocol", "Protokół"),
    ("print_ranking", "Ranking"),
])
def test_printouts_menu_opens_the_preview(qtbot, open_window, merged_edition: Path, action_name: str,
                                          title_fragment: str) -> None:
    window = open_window(merged_edition)
    action = getattr(window.menu_actions, action_name)
    assert action.text().replace("&", "")  # translated, not empty
    action.trigger()
    qtbot.waitUntil(lambda: any(isinstance(w, ReportPreview) for w in QApplication.topLevelWidgets()), timeout=60_000)
    preview = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ReportPreview))
    qtbot.addWidget(preview)
    assert title_fragment in preview.windowTitle()
    widget = preview.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: widget.pageCount() > 0, timeout=30_000)
    pages = len(pypdf.PdfReader(io.BytesIO(preview.pdf)).pages)
    assert widget.pageCount() == pages
    assert "wyniki.json" in pypdf.PdfReader(io.BytesIO(preview.pdf)).attachments
    preview.close()
