"""The juror's own score sheet, printable before export: File → Print my score sheet."""

from __future__ import annotations

import io

import pypdf
import pytest
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import QApplication

from juror_app.ui.common import i18n
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


@pytest.mark.parametrize("lang,words", [("pl", "Znaki, których nie dało się wydrukować"),
                                        ("en", "could not be printed as such")])
def test_characters_no_font_has_are_told_above_the_preview(qtbot, qapp, open_workstation, demo_copy, lang: str,
                                                           words: str) -> None:
    """A justification with an emoji: the preview says, without blocking, which character was printed as a box."""
    i18n.install(qapp, lang)
    workstation = open_workstation(demo_copy.profile, demo_copy.info())
    juror_scoring.set_score(workstation.session.db, dossier_id="d0001", criterion_id="k01", points=9,
                            justification="Świetna obsługa klienta 🚀, Karta Usług w BIP.")
    workstation.window.actions.print_sheet.trigger()
    qtbot.waitUntil(lambda: any(isinstance(w, ReportPreview) for w in QApplication.topLevelWidgets()), timeout=60_000)
    preview = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ReportPreview))
    qtbot.addWidget(preview)
    bar = preview.notice_bar
    assert bar is not None and bar.isVisibleTo(preview), "the notice is shown in the preview"
    text = bar.text()
    print(f"{lang}: {text!r}")
    assert words in text and "U+1F680 ROCKET" in text
    assert not preview.isModal() or preview.findChild(QPrintPreviewWidget).isEnabled(), "it blocks nothing"
    layout = bar.parentWidget().layout()
    assert -1 < layout.indexOf(bar) < layout.indexOf(preview.findChild(QPrintPreviewWidget)), "above the pages"
    bar.close_button.click()
    assert not bar.isVisibleTo(preview)
    preview.close()


def test_a_sheet_whose_characters_all_print_shows_no_notice(qtbot, open_workstation, demo_copy) -> None:
    workstation = open_workstation(demo_copy.profile, demo_copy.info())
    workstation.window.actions.print_sheet.trigger()
    qtbot.waitUntil(lambda: any(isinstance(w, ReportPreview) for w in QApplication.topLevelWidgets()), timeout=60_000)
    preview = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ReportPreview))
    qtbot.addWidget(preview)
    assert preview.notice_bar is None or not preview.notice_bar.isVisibleTo(preview)
    preview.close()
