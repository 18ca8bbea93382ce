"""The document viewer: damaged, encrypted and tampered PDFs show a message in place and the app goes on;
page navigation, zoom, in-document search and the outline work on real PDFs."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from PySide6.QtCore import QPointF
from PySide6.QtPdfWidgets import QPdfView

from juror_app.reports.pdf_writer import PdfWriter as ReportWriter
from juror_app.ui.juror.document_viewer import DocumentViewer
from juror_app.workflows.juror.queries import dossier_scoring


def _demo_pdf(demo_copy) -> Path:
    db = demo_copy.profile.open_db()
    try:
        doc = dossier_scoring(db, "d0001").documents[0]
    finally:
        db.close()
    return demo_copy.profile.documents.path(doc.sha256)


@pytest.fixture
def viewer(qtbot) -> DocumentViewer:
    widget = DocumentViewer(lambda sha: Path(sha))
    widget.resize(900, 700)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_a_truncated_pdf_shows_a_message_and_the_viewer_goes_on(viewer, demo_copy, tmp_path: Path) -> None:
    good = _demo_pdf(demo_copy)
    data = good.read_bytes()
    broken = tmp_path / "obciety.pdf"
    broken.write_bytes(data[: len(data) // 3])
    garbage = tmp_path / "nie-pdf.pdf"
    garbage.write_bytes(b"To nie jest plik PDF, tylko zwykly tekst.\n" * 20)
    for path in (broken, garbage):
        assert not viewer.load_file(path)
        assert viewer.stack.currentIndex() == 1 and "uszkodzony" in viewer.message.text()
        print(f"{path.name} ({path.stat().st_size} bytes): {viewer.message.text()!r}")
    assert viewer.load_file(good), "the next document opens normally"
    assert viewer.stack.currentIndex() == 0 and viewer.pdf.pageCount() > 0 and viewer.error is None


def test_an_encrypted_pdf_says_it_is_protected(viewer, demo_copy, tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=PdfReader(_demo_pdf(demo_copy)))
    writer.encrypt("tajne-hasło", algorithm="AES-256")
    protected = tmp_path / "zaszyfrowany.pdf"
    with protected.open("wb") as out:
        writer.write(out)
    assert not viewer.load_file(protected)
    assert "hasłem" in viewer.message.text() and viewer.message_external.isVisible()
    print(f"encrypted: {viewer.message.text()!r}")
    assert viewer.load_file(_demo_pdf(demo_copy))


def test_a_document_changed_on_disk_is_refused_in_place(qtbot, open_workstation, demo_copy) -> None:
    path = _demo_pdf(demo_copy)
    path.write_bytes(path.read_bytes() + b"%% appended\n")
    window = open_workstation(demo_copy.profile, demo_copy.info()).window
    window.dossiers.select("d0001")
    assert window.viewer.error is not None and "zmieniony" in window.viewer.message.text()
    print(f"tampered: {window.viewer.message.text()!r}")
    second = window.viewer.documents()[1]
    assert window.viewer.open_document(second.id), "the dossier's other documents still open"
    assert window.scoring.editors()[0].points.isEnabled(), "and the dossier can still be scored"


def test_navigation_zoom_find_and_outline(viewer, qtbot, tmp_path: Path) -> None:
    writer = ReportWriter(title="Spis")
    for chapter in range(1, 4):
        for part in range(2):
            page = writer.new_page()
            page.text(72, 100, f"Rozdział {chapter}, część {part + 1}: obsługa klienta w Łodzi", size=14)
            if part == 0:
                writer.add_outline(f"Rozdział {chapter}", page, 80)
    pdf = tmp_path / "spis.pdf"
    writer.save(pdf)
    assert viewer.load_file(pdf)
    assert viewer.outline.isVisible() and viewer.bookmarks.rowCount(viewer.outline.rootIndex()) == 3
    viewer.toolbar.next_page.click()
    qtbot.waitUntil(lambda: viewer.toolbar.current_page() == 1)
    viewer._outline_activated(viewer.bookmarks.index(2, 0))
    qtbot.waitUntil(lambda: viewer.toolbar.current_page() == 4)
    assert viewer.toolbar.page.value() == 5
    viewer.toolbar.step_zoom(+1)
    assert viewer.view.zoomMode() == QPdfView.ZoomMode.Custom and viewer.view.zoomFactor() > 1.0
    viewer.find_bar.search("Łodzi")
    qtbot.waitUntil(lambda: viewer.find_bar.hit_count() == 6, timeout=10_000)
    viewer.find_bar.next_hit()
    assert viewer.view.currentSearchResultIndex() == 0
    print(f"outline entries: 3, hits for 'Łodzi': {viewer.find_bar.hit_count()}, "
          f"label {viewer.find_bar.count_label.text()!r}")


# --- zoom keeps the page in view (issue 11, item 12) -------------------------------------------------

A4 = (595.28, 841.89)


def _pages_pdf(tmp_path: Path, sizes: list[tuple[float, float]]) -> Path:
    writer = ReportWriter(title="Strony")
    for i, size in enumerate(sizes):
        writer.new_page(size).text(72, 100, f"Strona {i + 1}: obsługa klienta", size=14)
    pdf = tmp_path / "strony.pdf"
    writer.save(pdf)
    return pdf


def _settle(qtbot, viewer) -> None:
    qtbot.wait(50)


def _nudge(viewer) -> int:
    """Scroll one pixel down and back, so that QPdfView itself decides again which page is current."""
    bar = viewer.view.verticalScrollBar()
    value = bar.value()
    bar.setValue(value + 1)
    bar.setValue(value)
    return viewer.toolbar.current_page()


@pytest.mark.parametrize("mode", ["fit-width", "fit-page", 0.75, 1.5])
def test_the_computed_layout_is_where_the_view_scrolls(viewer, qtbot, tmp_path: Path, mode) -> None:
    """pdf_layout mirrors QPdfView's private layout; this checks it against the view, page by page
    (portrait and landscape pages mixed), so a change in Qt fails here rather than misplacing pages."""
    from juror_app.ui.juror.pdf_layout import page_span

    assert viewer.load_file(_pages_pdf(tmp_path, [A4, (A4[1], A4[0]), A4, (400, 500), A4]))
    viewer.toolbar.zoom.setCurrentIndex(viewer.toolbar.zoom.findData(mode))
    _settle(qtbot, viewer)
    bar = viewer.view.verticalScrollBar()
    for page in (1, 2, 3, 4, 0):
        viewer.view.pageNavigator().jump(page, QPointF(0, 0), 1.0)  # QPdfView scrolls to the page's top itself
        assert bar.value() == min(page_span(viewer.view, page)[0], bar.maximum()), (mode, page)


def test_zooming_on_page_two_keeps_page_two_in_view(viewer, qtbot, tmp_path: Path) -> None:
    from juror_app.ui.juror.pdf_layout import page_span

    assert viewer.load_file(_pages_pdf(tmp_path, [A4] * 4))
    toolbar, view = viewer.toolbar, viewer.view
    bar = view.verticalScrollBar()
    toolbar.go_to(1)
    qtbot.waitUntil(lambda: toolbar.current_page() == 1)
    assert bar.value() == page_span(view, 1)[0]
    seen = []
    for step in (+1, +1, +1, -1, -1, -1, -1, -1, -1):
        toolbar.step_zoom(step)
        _settle(qtbot, viewer)
        top, height = page_span(view, 1)
        seen.append(f"{toolbar.zoom.currentText()}: {bar.value()} in [{top}, {top + height})")
        assert toolbar.page.value() == 2, f"the counter says {toolbar.page.value()}/4 at {toolbar.zoom.currentText()}"
        assert bar.value() >= min(top, bar.maximum()), f"the end of page 1 is in view at {toolbar.zoom.currentText()}"
        assert bar.value() < top + height, f"page 2 scrolled out of view at {toolbar.zoom.currentText()}"
        assert _nudge(viewer) == 1, "QPdfView itself counts page 2 as the current page"
    toolbar.zoom.setCurrentIndex(toolbar.zoom.findData("fit-page"))
    _settle(qtbot, viewer)
    assert bar.value() == page_span(view, 1)[0], "the whole page 2, from its top"
    print("; ".join(seen))


def test_asking_for_the_current_page_again_goes_back_to_its_top(viewer, qtbot, tmp_path: Path) -> None:
    from juror_app.ui.juror.pdf_layout import page_span

    assert viewer.load_file(_pages_pdf(tmp_path, [A4] * 4))
    viewer.toolbar.go_to(2)
    qtbot.waitUntil(lambda: viewer.toolbar.current_page() == 2)
    bar = viewer.view.verticalScrollBar()
    bar.setValue(bar.value() + 200)  # read on down the page
    assert viewer.toolbar.current_page() == 2
    viewer.toolbar.go_to(2)  # e.g. a search hit on the page already shown (DocumentViewer.open_document)
    assert bar.value() == page_span(viewer.view, 2)[0]
