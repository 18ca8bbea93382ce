"""The document viewer: damaged, encrypted and tampered PDFs show a message in place and the app goes on;
page navigation, zoom, in-document search and the outline work on real PDFs."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
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
