"""Flowing layout: wrapping within the column, page breaks, repeated table headers, footers with
the page total, outline at headings."""

from __future__ import annotations

import io
import re
import statistics
import time
from datetime import datetime, timezone

import pypdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from juror_app.reports.pdf_fonts import prepare_fonts
from juror_app.reports.pdf_layout import FlowDocument, page_number_footer
from juror_app.reports.pdf_writer import Page, PdfWriter, text_width

FIXED_DATE = datetime(2024, 5, 17, 10, 30, tzinfo=timezone.utc)
POLISH = "Zażółć gęślą jaźń. ZAŻÓŁĆ GĘŚLĄ JAŹŃ. Łódź, Dębica, Twardogóra."
BODY = (
    "Urząd Miasta i Gminy Twardogóra prowadzi badanie satysfakcji klientów dwa razy w roku, "
    "a wyniki publikuje w Biuletynie Informacji Publicznej. Pracownicy obsługi przeszli "
    "szkolenie z komunikacji z osobami z niepełnosprawnościami; wnioski można złożyć przez ePUAP. "
)


def pages_text(data: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data), strict=True).pages]


def new_document(**kw) -> tuple[PdfWriter, FlowDocument]:
    writer = PdfWriter(title="Dokument testowy – żółć", creation_date=FIXED_DATE)
    return writer, FlowDocument(writer, **kw)


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, float, str, str, float]]:
    """Every Page.text call as (page index, x, text, font, size)."""
    calls: list[tuple[int, float, str, str, float]] = []
    original = Page.text

    def recording(self: Page, x: float, y: float, text: str, *, font: str = "regular", size: float = 10, **kw) -> None:
        calls.append((self.index, x, text, font, size))
        original(self, x, y, text, font=font, size=size, **kw)

    monkeypatch.setattr(Page, "text", recording)
    return calls


# -- the column --------------------------------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(
    paragraphs=st.lists(
        st.text(alphabet=st.sampled_from("aąbcćdeęfghijklłmnńoóprsśtuwyzźżAĄĆĘŁŃÓŚŹŻ ,.-–„”\n"), max_size=400),
        min_size=1,
        max_size=6,
    ),
    size=st.sampled_from([8, 10, 11.5]),
    indent=st.sampled_from([0, 18]),
)
def test_wrapped_lines_never_leave_the_column(paragraphs: list[str], size: float, indent: float) -> None:
    calls: list[tuple[float, str, float]] = []
    writer, flow = new_document(footer=None)
    original = Page.text

    def recording(page: Page, x: float, y: float, text: str, **kw) -> None:
        calls.append((x, text, kw.get("size", 10)))
        original(page, x, y, text, **kw)

    Page.text = recording  # type: ignore[method-assign]
    try:
        for text in paragraphs:
            flow.paragraph(text, size=size, indent=indent)
            flow.bullets([text], size=size)
    finally:
        Page.text = original  # type: ignore[method-assign]
    right_edge = flow.left + flow.width
    for x, text, text_size in calls:
        assert x + text_width(text, size=text_size) <= right_edge + 1e-9, (x, text)


def test_paragraph_bullets_and_key_values_extract(drawn: list) -> None:
    writer, flow = new_document()
    flow.heading("Dane jednostki")
    flow.paragraph(POLISH)
    flow.key_values([("Nazwa", "Urząd Miasta Łódź"), ("Kategoria", "urzędy miast na prawach powiatu")])
    flow.bullets(["Standardy obsługi klienta", "Polityka jakości – ISO 9001"])
    flow.rule()
    flow.paragraph("Koniec.", font="italic")
    text = pages_text(writer.to_bytes())[0]
    for expected in (POLISH, "Nazwa Urząd Miasta Łódź", "• Standardy obsługi klienta", "Koniec.", "Strona 1 z 1"):
        assert expected in text
    labels = [call for call in drawn if call[2] in ("Nazwa", "Kategoria")]
    assert {call[3] for call in labels} == {"bold"}
    values = [call for call in drawn if call[2].startswith(("Urząd", "urzędy"))]
    assert len({call[1] for call in values}) == 1  # the values share one column


# -- page breaks -------------------------------------------------------------------------------


def test_table_of_300_rows_repeats_its_header_on_every_page() -> None:
    writer, flow = new_document()
    flow.heading("Wyniki w kategorii: urzędy marszałkowskie")
    header = ["Lp.", "Jednostka", "Punkty", "Uzasadnienie"]
    rows = [
        [str(n), f"Urząd R{n:03d} – Łódź", f"{n % 50},5", "Rzetelna ocena dokumentów. " * (n % 4)]
        for n in range(1, 301)
    ]
    flow.table(header, rows, widths=[0.08, 0.37, 0.1, 0.45], align=["right", "left", "right", "left"])
    pages = pages_text(writer.to_bytes())
    print(f"\n300-row table: {len(pages)} pages")
    assert len(pages) > 5
    seen = []
    for number, text in enumerate(pages, start=1):
        assert text.count("Lp. Jednostka Punkty Uzasadnienie") == 1, number
        seen += re.findall(r"Urząd R(\d{3}) – Łódź", text)
        assert f"Strona {number} z {len(pages)}" in text
    assert seen == [f"{n:03d}" for n in range(1, 301)]  # every row once, in order


def test_row_taller_than_a_page_is_split_between_pages() -> None:
    writer, flow = new_document()
    words = [f"słowo{n:04d}" for n in range(1500)]
    flow.table(["Kryterium", "Uzasadnienie"], [["Jedyny wiersz", " ".join(words)]], widths=[0.3, 0.7])
    pages = pages_text(writer.to_bytes())
    assert len(pages) >= 3
    found = [w for text in pages for w in re.findall(r"słowo\d{4}", text)]
    assert found == words
    assert all("Kryterium Uzasadnienie" in text for text in pages)


def test_footer_shows_page_and_total() -> None:
    writer, flow = new_document()
    for number in range(7):
        flow.heading(f"Część {number + 1}")
        flow.paragraph(BODY)
        if number < 6:
            flow.page_break()
    pages = pages_text(writer.to_bytes())
    assert len(pages) == 7
    assert "Strona 3 z 7" in pages[2]
    assert [re.findall(r"Strona \d+ z \d+", text) for text in pages] == [[f"Strona {n} z 7"] for n in range(1, 8)]


def test_custom_footer_template_and_header() -> None:
    writer = PdfWriter(creation_date=FIXED_DATE)
    flow = FlowDocument(
        writer,
        footer=page_number_footer("Page {n} of {total}"),
        header=lambda page: page.text(56, 30, "Karta oceny – poufne", size=8),
    )
    for _ in range(60):
        flow.paragraph(BODY)
    pages = pages_text(writer.to_bytes())
    assert len(pages) > 1
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text and "Karta oceny – poufne" in text


def test_no_footer_when_none() -> None:
    writer, flow = new_document(footer=None)
    flow.paragraph(POLISH)
    assert "Strona" not in pages_text(writer.to_bytes())[0]


def test_heading_is_kept_with_the_following_text() -> None:
    writer, flow = new_document(footer=None)
    while flow.y < flow.limit - 40:
        flow.paragraph("Wiersz tekstu.", space_after=0)
    flow.heading("Nagłówek na dole strony")
    flow.paragraph(BODY)
    pages = pages_text(writer.to_bytes())
    assert len(pages) == 2
    assert pages[1].startswith("Nagłówek na dole strony")
    assert reader_outline(writer) == [(0, "Nagłówek na dole strony", 1)]


def test_image_moves_to_a_new_page_when_it_does_not_fit() -> None:
    writer, flow = new_document()
    while flow.y < flow.limit - 100:
        flow.paragraph("Wiersz tekstu.", space_after=0)
    pixels = bytes([200, 30, 30]) * (400 * 300)
    flow.image_rgb(pixels, 400, 300)
    assert flow.page.index == 1
    page = pypdf.PdfReader(io.BytesIO(writer.to_bytes()), strict=True).pages[1]
    assert "/Im1" in page["/Resources"]["/XObject"]


def test_space_does_not_carry_over_to_the_next_page() -> None:
    writer, flow = new_document()
    flow.space(5000)
    assert flow.y == flow.limit
    flow.paragraph("Dalej.")
    assert flow.page.index == 1 and flow.y < flow.top + 30


def test_table_argument_errors() -> None:
    _, flow = new_document()
    with pytest.raises(ValueError):
        flow.table(["a", "b"], [["1"]])
    with pytest.raises(ValueError):
        flow.table(["a", "b"], [["1", "2"]], align=["left", "middle"])
    with pytest.raises(ValueError):
        flow.table(["a", "b"], [["1", "2"]], widths=[0.5])


def test_column_widths_in_points_and_fractions(drawn: list) -> None:
    _, flow = new_document()
    flow.table(["A", "B"], [["x", "y"]], widths=[100, 200])
    flow.table(["C", "D"], [["x", "y"]], widths=[0.25, 0.75])
    xs = {call[2]: call[1] for call in drawn if call[2] in "ABCD"}
    assert xs["B"] - xs["A"] == pytest.approx(100)
    assert xs["D"] - xs["C"] == pytest.approx(flow.width * 0.25)


# -- outline -----------------------------------------------------------------------------------


def reader_outline(writer: PdfWriter) -> list[tuple[int, str, int]]:
    reader = pypdf.PdfReader(io.BytesIO(writer.to_bytes()), strict=True)
    found: list[tuple[int, str, int]] = []

    def walk(items: list, level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                found.append((level, item.title, reader.get_destination_page_number(item)))

    walk(reader.outline, 0)
    return found


def test_headings_make_nested_outline_entries_on_the_right_pages() -> None:
    writer, flow = new_document()
    flow.heading("1. Formularz zgłoszeniowy")
    flow.heading("1.1. Dane urzędu w Łodzi", 2)
    flow.paragraph(BODY * 30)
    flow.heading("1.1.1. Szczegóły – żółć", 3)
    flow.heading("2. Polityka jakości")
    flow.heading("Bez zakładki", 2, outline=False)
    flow.page_break()
    flow.heading("3. Raport tajemniczego klienta")
    outline = reader_outline(writer)
    last_page = len(writer.pages) - 1
    assert outline == [
        (0, "1. Formularz zgłoszeniowy", 0),
        (1, "1.1. Dane urzędu w Łodzi", 0),
        (2, "1.1.1. Szczegóły – żółć", outline[2][2]),
        (0, "2. Polityka jakości", outline[3][2]),
        (0, "3. Raport tajemniczego klienta", last_page),
    ]
    assert outline[2][2] >= 1  # the long paragraph pushed it onto a later page
    assert outline[3][2] == outline[2][2]


# -- speed -------------------------------------------------------------------------------------


def dossier_document(seed: int) -> bytes:
    writer = PdfWriter(title=f"Formularz zgłoszeniowy nr {seed}", creation_date=FIXED_DATE)
    flow = FlowDocument(writer)
    flow.heading(f"Formularz zgłoszeniowy – Urząd Gminy nr {seed}")
    flow.key_values([("Jednostka", f"Urząd Gminy Dębica {seed}"), ("Kategoria", "urzędy gmin"), ("Edycja", "IX (2024)")])
    for part in range(1, 7):
        flow.heading(f"{part}. Standardy obsługi klienta", 2)
        flow.paragraph(BODY * 5)
        flow.bullets(["Karta usług dostępna w BIP", "Badanie satysfakcji – dwa razy w roku", "Szkolenia z komunikacji"])
    return writer.to_bytes()


def test_speed_figures_for_flowing_documents() -> None:
    prepare_fonts()
    for seed in range(10):
        dossier_document(seed)
    timings = []
    for seed in range(50):
        started = time.perf_counter()
        data = dossier_document(seed)
        timings.append(time.perf_counter() - started)
    pages = len(pypdf.PdfReader(io.BytesIO(data)).pages)

    writer = PdfWriter(creation_date=FIXED_DATE)
    flow = FlowDocument(writer)
    started = time.perf_counter()
    section = 0
    while len(writer.pages) < 300:
        section += 1
        flow.heading(f"{section}. Ocena jednostki", 2)
        flow.paragraph(BODY * 4)
        flow.table(["Lp.", "Kryterium", "Punkty"], [[str(n), f"Kryterium {n} – Łódź", "7,5"] for n in range(12)])
    big = writer.to_bytes()
    big_time = time.perf_counter() - started
    print(
        f"\nflowing {pages}-page dossier document: median {statistics.median(timings) * 1000:.2f} ms, "
        f"{len(data) / 1024:.1f} KB"
        f"\n{len(writer.pages)}-page document (headings, paragraphs, tables): {big_time * 1000:.0f} ms,"
        f" {len(big) / 1024:.0f} KB"
    )
    assert pages == 3
