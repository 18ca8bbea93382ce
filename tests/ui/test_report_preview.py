"""The print preview the windows call: made in the background, shown with its pages, saved and printed."""

from __future__ import annotations

import io
import threading
from pathlib import Path

import pypdf
import pytest
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QMessageBox, QToolBar

from juror_app.domain.errors import ValidationError
from juror_app.reports.parallel import cancelled_error
from juror_app.store.organizer_schema import open_organizer_db
from juror_app.ui.common import file_dialogs, i18n, report_preview
from juror_app.ui.common.report_preview import ReportPreview, show_report
from juror_app.workflows.demo.generate import DemoSettings, generate_demo
from juror_app.workflows.organizer.merge import apply_merge, plan_merge
from juror_app.workflows.organizer.reports import build_report


@pytest.fixture(scope="module")
def edition(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("preview") / "edition"
    generate_demo(folder, DemoSettings(institutions=6, jurors=3, per_dossier=2, seed=9))
    db = open_organizer_db(folder / "organizer.sqlite")
    apply_merge(db, plan_merge(db, sorted((folder / "packages").glob("*.pu-scores"))), db_path=folder / "organizer.sqlite")
    db.close()
    return folder


@pytest.fixture()
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Message boxes recorded instead of shown (a modal box would stop the test)."""
    shown: list[str] = []
    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(lambda parent, title, text, *a, **k: shown.append(text)))
    return shown


@pytest.fixture(autouse=True)
def polish(qapp):
    i18n.install(qapp, "pl")
    yield


def make_protocol(edition: Path, seen: dict):
    def make(progress, cancelled):
        seen["thread"] = threading.current_thread()
        db = open_organizer_db(edition / "organizer.sqlite")  # a connection of the worker thread's own
        try:
            return build_report(db, "protocol", progress=progress, cancelled=cancelled).pdf
        finally:
            db.close()
    return make


def test_preview_opens_with_every_page_made_in_the_background(qtbot, edition: Path, messages) -> None:
    seen: dict = {}
    preview = show_report(None, "Protokół posiedzenia Kapituły", make_protocol(edition, seen), suggested_name="protokol.pdf")
    assert preview is not None and not messages
    qtbot.addWidget(preview)
    assert seen["thread"] is not threading.main_thread()  # made off the GUI thread
    widget = preview.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: widget.pageCount() > 0)
    pages = len(pypdf.PdfReader(io.BytesIO(preview.pdf)).pages)
    assert widget.pageCount() == preview.page_count == pages > 1
    assert preview.windowTitle() == "Protokół posiedzenia Kapituły"
    toolbar = preview.findChild(QToolBar)
    assert preview.save_action in toolbar.actions() and preview.save_action.text() == "Zapisz jako PDF…"
    print(f"preview of {pages} pages")
    preview.close()


def test_save_as_writes_the_generated_file(qtbot, edition: Path, tmp_path: Path, monkeypatch, messages) -> None:
    preview = show_report(None, "Protokół", make_protocol(edition, {}), suggested_name="protokol.pdf")
    qtbot.addWidget(preview)
    asked = {}

    def choose(parent, caption, suggested, file_filter, *, kind, suffix, default=None):
        # The dialog itself (documents folder, remembered folder, Polish labels): tests/ui/juror/test_file_dialogs.py
        asked.update(caption=caption, suggested=suggested, filter=file_filter, suffix=suffix)
        return tmp_path / "protokol-kopia"

    monkeypatch.setattr(file_dialogs, "save_file", choose)
    preview.save_action.trigger()
    saved = tmp_path / "protokol-kopia.pdf"  # the suffix is added
    assert saved.read_bytes() == preview.pdf
    assert asked["suggested"] == "protokol.pdf" and asked["filter"] == "Dokumenty PDF (*.pdf)"
    assert pypdf.PdfReader(saved).attachments["wyniki.json"]
    monkeypatch.setattr(file_dialogs, "save_file", lambda *a, **k: None)
    assert preview.save_as() is None  # cancelled: nothing written
    assert preview.save_as(tmp_path / "nie-ma" / "x.pdf") is None and "Nie udało się zapisać pliku" in messages[-1]
    preview.close()


def test_printing_renders_every_page(qtbot, edition: Path, tmp_path: Path, messages) -> None:
    preview = show_report(None, "Protokół", make_protocol(edition, {}))
    qtbot.addWidget(preview)
    printer = preview.printer
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "wydruk.pdf"))
    printer.setResolution(72)
    preview.findChild(QPrintPreviewWidget).print_()
    printed = pypdf.PdfReader(tmp_path / "wydruk.pdf")
    assert len(printed.pages) == preview.page_count and not messages
    preview.close()


def test_a_long_document_previews_its_first_pages_but_prints_all(qtbot, edition: Path, monkeypatch) -> None:
    monkeypatch.setattr(report_preview, "PREVIEW_PAGE_LIMIT", 2)
    db = open_organizer_db(edition / "organizer.sqlite")
    pdf = build_report(db, "sheets").pdf
    preview = ReportPreview(pdf, "Karty oceny")
    qtbot.addWidget(preview)
    preview.open()
    widget = preview.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: widget.pageCount() > 0)
    assert widget.pageCount() == 2 < preview.page_count
    assert f"pierwszych 2 z {preview.page_count} stron" in preview.windowTitle()
    preview.close()


def test_cancel_shows_nothing_and_an_error_shows_its_message(qtbot, messages) -> None:
    def cancelled(progress, is_cancelled):
        raise cancelled_error()

    assert show_report(None, "Protokół", cancelled) is None and messages == []

    def refused(progress, is_cancelled):
        raise ValidationError("no_edition", pl="Baza nie zawiera edycji konkursu.", en="The database holds no edition.")

    assert show_report(None, "Protokół", refused) is None and messages == ["Baza nie zawiera edycji konkursu."]

    def broken(progress, is_cancelled):
        return b"%PDF-1.7 to nie jest PDF"

    assert show_report(None, "Protokół", broken) is None and "nie daje się otworzyć" in messages[-1]


def test_a_path_result_is_read(qtbot, edition: Path, tmp_path: Path, messages) -> None:
    db = open_organizer_db(edition / "organizer.sqlite")
    path = tmp_path / "ranking.pdf"
    path.write_bytes(build_report(db, "ranking").pdf)
    preview = show_report(None, "Ranking", lambda progress, cancelled: path)
    qtbot.addWidget(preview)
    assert preview.pdf == path.read_bytes() and not messages
    preview.close()
