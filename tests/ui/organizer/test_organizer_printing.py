"""The Printouts menu: each document is made in the background and opened in the print preview."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pypdf
import pytest
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import QApplication

from juror_app.ui.common import i18n
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


@pytest.mark.parametrize("lang,words", [("pl", "Znaki, których nie dało się wydrukować"),
                                        ("en", "could not be printed as such")])
def test_characters_no_font_has_are_told_above_the_preview(qtbot, qapp, open_window, merged_edition: Path, lang: str,
                                                           words: str) -> None:
    """A merged justification with an emoji: the score sheets' preview names it in a bar above the pages."""
    conn = sqlite3.connect(merged_edition / "organizer.sqlite")
    with conn:
        conn.execute("UPDATE scores SET justification = justification || ' Wzorowo 🚀.' WHERE rowid ="
                     " (SELECT min(rowid) FROM scores)")
    conn.close()
    i18n.install(qapp, lang)
    window = open_window(merged_edition)
    window.menu_actions.print_sheets.trigger()
    qtbot.waitUntil(lambda: any(isinstance(w, ReportPreview) for w in QApplication.topLevelWidgets()), timeout=120_000)
    preview = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ReportPreview))
    qtbot.addWidget(preview)
    bar = preview.notice_bar
    assert bar is not None and bar.isVisibleTo(preview)
    print(f"{lang}: {bar.text()!r}")
    assert words in bar.text() and "U+1F680 ROCKET" in bar.text()
    layout = bar.parentWidget().layout()
    assert -1 < layout.indexOf(bar) < layout.indexOf(preview.findChild(QPrintPreviewWidget)), "above the pages"
    preview.close()
