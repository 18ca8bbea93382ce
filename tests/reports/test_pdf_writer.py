"""The PDF writer: Polish text that displays and extracts everywhere, structure, reproducibility.

Readers used as independent checks: pypdf (strict), poppler's pdftotext/pdftoppm (Debian package
poppler-utils) and, when PySide6's QtPdf is importable, pdfium through QPdfDocument.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import shutil
import statistics
import subprocess
import sys
import time
import warnings
import zlib
from datetime import datetime, timezone
from pathlib import Path

import pypdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from juror_app.domain.errors import UserError
from juror_app.reports.pdf_fonts import FACE_FILES, Face, font_directory, prepare_fonts, text_layer
from juror_app.reports.pdf_text import joins_previous
from juror_app.reports.pdf_truetype import TrueTypeFile
from juror_app.reports.pdf_writer import A4, PdfWriter, rgba_to_rgb, text_width, wrap

POLISH = [
    "Zażółć gęślą jaźń.",
    "ZAŻÓŁĆ GĘŚLĄ JAŹŃ.",
    "Łódź, Dębica, Twardogóra",
]
POLISH_LINE = " ".join(POLISH)
FIXED_DATE = datetime(2024, 5, 17, 10, 30, tzinfo=timezone.utc)
FACES = ("regular", "bold", "italic", "mono")
COVERED = "".join(  # Polish and typography, Cyrillic, Romanian, Greek: in DejaVu Sans and its fallbacks
    [chr(c) for c in range(0x20, 0x7F)] + [chr(c) for c in range(0xA0, 0x250) if c != 0xAD]
    + [chr(c) for c in range(0x391, 0x3CA) if c != 0x3A2] + [chr(c) for c in range(0x400, 0x460)]
    + list("‐‑‒–—―‘’‚‛“”„‟†‡•‣…‰′″‹›⁄€№™Ω℮←↑→↓↔⇒⇔−∓∕∙√∞∑∏∆∂∫≈≠≡≤≥⌀■□▪▫▲△▶►▼▽◆◇○●◦☐☑☒✓✔✕✗✘")
)


def make_polish_document(pages: int = 3) -> PdfWriter:
    writer = PdfWriter(
        title="Karta oceny – Urząd Miasta Łódź",
        author="Łukasz Żółkiewski",
        subject="Przyjazny Urząd: ocena dokumentacji",
        keywords="ocena, Kapituła, jakość",
        creation_date=FIXED_DATE,
    )
    for number in range(pages):
        page = writer.new_page()
        y = 80.0
        for face in FACES:
            page.text(56, y, POLISH_LINE, font=face, size=11)
            y += 20
        page.text(56, y, "Cudzysłów „tak” – myślnik … 5 € ≥ 3 → ✓ α", size=10, color=(0.7, 0.1, 0.1))
        page.line(56, y + 10, 539, y + 10, width=0.8, color=(0.2, 0.3, 0.6))
        page.rect(56, y + 20, 200, 40, stroke=(0, 0, 0), fill=(0.9, 0.93, 1.0))
        writer.add_outline(f"Rozdział {number + 1}: Łódź i Dębica", page, 80)
        writer.add_outline(f"Podrozdział {number + 1}.1 – żółć", page, 100, level=1)
        page.later(lambda p: p.text(260, p.height - 30, f"Strona {p.index + 1} z {len(writer.pages)}", size=8))
    return writer


@pytest.fixture(scope="module")
def polish_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "polski.pdf"
    make_polish_document().save(path)
    return path


def read_strict(data: bytes, caplog: pytest.LogCaptureFixture) -> pypdf.PdfReader:
    """Open with pypdf in strict mode and fail on any warning it logs or emits."""
    with caplog.at_level(logging.WARNING, logger="pypdf"), warnings.catch_warnings():
        warnings.simplefilter("error")
        reader = pypdf.PdfReader(io.BytesIO(data), strict=True)
        for page in reader.pages:
            page.extract_text()
        reader.outline
        reader.metadata
    assert [r.getMessage() for r in caplog.records if r.name.startswith("pypdf")] == []
    return reader


def poppler(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"{tool} missing: apt-get install -y poppler-utils")
    return path


# -- display and extraction --------------------------------------------------------------------


def test_pypdf_strict_opens_without_warnings_and_extracts_polish(
    polish_pdf: Path, caplog: pytest.LogCaptureFixture
) -> None:
    reader = read_strict(polish_pdf.read_bytes(), caplog)
    assert len(reader.pages) == 3
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        for expected in POLISH:
            assert text.count(expected) == len(FACES), (expected, text)
        assert "Cudzysłów „tak” – myślnik … 5 € ≥ 3 → ✓ α" in text
        assert f"Strona {number} z 3" in text
    print("\npypdf page 1:", reader.pages[0].extract_text().splitlines()[0])


def test_pdftotext_extracts_polish(polish_pdf: Path) -> None:
    result = subprocess.run(
        [poppler("pdftotext"), "-enc", "UTF-8", str(polish_pdf), "-"],
        capture_output=True, text=True, encoding="utf-8", check=True,
    )
    assert result.stderr == ""
    pages = result.stdout.split("\f")
    for number in range(3):
        for expected in POLISH:
            assert pages[number].count(expected) == len(FACES)
        assert f"Strona {number + 1} z 3" in pages[number]


def test_pdftoppm_renders_every_page_without_errors(polish_pdf: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [poppler("pdftoppm"), "-png", "-r", "50", str(polish_pdf), str(tmp_path / "page")],
        capture_output=True, text=True,
    )
    assert result.returncode == 0
    assert result.stderr == ""
    pngs = sorted(tmp_path.glob("page-*.png"))
    assert len(pngs) == 3
    assert all(png.read_bytes().startswith(b"\x89PNG") for png in pngs)
    # Ink check on a grey-scale render: the text must draw glyphs, not empty boxes or nothing.
    pgm = subprocess.run(
        [poppler("pdftoppm"), "-gray", "-r", "50", "-f", "1", "-l", "1", str(polish_pdf)],
        capture_output=True, check=True,
    ).stdout
    assert pgm.startswith(b"P5")
    width, height = (int(v) for v in pgm.split(b"\n")[1].split())
    pixels = pgm[-width * height:]
    dark = sum(1 for value in pixels if value < 128)
    print(f"\npdftoppm page 1 at 50 dpi: {width}×{height}, {dark} dark pixels")
    assert dark > 1000


def test_pdfium_via_qt_displays_and_finds_polish(polish_pdf: Path, qapp) -> None:
    """Uses pytest-qt's QApplication: a bare QGuiApplication made here would be reused by later
    widget tests and abort them."""
    qt_pdf = pytest.importorskip("PySide6.QtPdf")
    from PySide6.QtCore import QSize

    document = qt_pdf.QPdfDocument(qapp)
    assert document.load(str(polish_pdf)) == qt_pdf.QPdfDocument.Error.None_
    assert document.pageCount() == 3
    assert document.metaData(qt_pdf.QPdfDocument.MetaDataField.Title) == "Karta oceny – Urząd Miasta Łódź"
    text = document.getAllText(1).text()
    for expected in POLISH:
        assert text.count(expected) == len(FACES)
    image = document.render(0, QSize(300, 424))
    dark = sum(
        1 for x in range(0, 300, 2) for y in range(0, 424, 2) if image.pixelColor(x, y).lightness() < 128
    )
    print(f"\npdfium page 1 render 300×424: {dark} dark samples")
    assert dark > 100
    document.close()


# -- structure ---------------------------------------------------------------------------------


def test_outline_titles_and_pages(polish_pdf: Path) -> None:
    reader = pypdf.PdfReader(polish_pdf, strict=True)
    found = []

    def walk(items: list, level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                found.append((level, item.title, reader.get_destination_page_number(item)))

    walk(reader.outline, 0)
    expected = []
    for number in range(3):
        expected.append((0, f"Rozdział {number + 1}: Łódź i Dębica", number))
        expected.append((1, f"Podrozdział {number + 1}.1 – żółć", number))
    assert found == expected


def test_metadata_with_polish_letters(polish_pdf: Path) -> None:
    meta = pypdf.PdfReader(polish_pdf, strict=True).metadata
    assert meta.title == "Karta oceny – Urząd Miasta Łódź"
    assert meta.author == "Łukasz Żółkiewski"
    assert meta.subject == "Przyjazny Urząd: ocena dokumentacji"
    assert meta["/Keywords"] == "ocena, Kapituła, jakość"
    assert meta.creator == "juror-app"
    assert meta.creation_date == FIXED_DATE


def test_only_used_faces_are_embedded_with_tounicode(caplog: pytest.LogCaptureFixture) -> None:
    writer = PdfWriter(creation_date=FIXED_DATE)
    writer.new_page().text(50, 50, "tylko zwykły krój")
    writer.new_page().text(50, 50, "pogrubiony", font="bold")
    reader = read_strict(writer.to_bytes(), caplog)
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert font["/Subtype"] == "/Type0" and font["/Encoding"] == "/Identity-H"
            assert "/ToUnicode" in font
            descendant = font["/DescendantFonts"][0].get_object()
            assert descendant["/Subtype"] == "/CIDFontType2"
            assert descendant["/CIDToGIDMap"].get_object().get_data()  # code (the code point) → glyph
            assert "/FontFile2" in descendant["/FontDescriptor"]
            names.add(str(font["/BaseFont"]).split("+")[1])
    assert names == {"DejaVuSans", "DejaVuSans-Bold"}

    empty = PdfWriter(creation_date=FIXED_DATE)
    empty.new_page().line(10, 10, 100, 100)
    assert b"/FontFile2" not in empty.to_bytes()


def test_embedded_font_programs_are_valid_truetype() -> None:
    from fontTools.ttLib import TTFont

    writer = make_polish_document(1)
    reader = pypdf.PdfReader(io.BytesIO(writer.to_bytes()), strict=True)
    sizes = []
    for font in reader.pages[0]["/Resources"]["/Font"].values():
        descriptor = font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        program = descriptor["/FontFile2"].get_object().get_data()
        parsed = TTFont(io.BytesIO(program), checkChecksums=2)  # raises on a bad checksum
        for tag in parsed.keys():
            if tag != "GlyphOrder":
                parsed[tag]  # every table decodes
        sizes.append(len(program))
    print(f"\nembedded font programs (uncompressed bytes): {sizes}")


def test_xref_offsets_point_at_objects() -> None:
    data = make_polish_document(2).to_bytes()
    startxref = int(data[data.rindex(b"startxref") + 9 :].split()[0])
    xref = data[startxref:].split(b"trailer")[0].splitlines()
    assert xref[0] == b"xref"
    count = int(xref[1].split()[1])
    for number, entry in enumerate(xref[3 : 2 + count], start=1):
        offset = int(entry[:10])
        assert data[offset:].startswith(b"%d 0 obj" % number)
    assert data.startswith(b"%PDF-1.7\n") and data.endswith(b"%%EOF\n")


# -- reproducibility ---------------------------------------------------------------------------


def test_same_input_and_date_give_identical_bytes() -> None:
    first = make_polish_document().to_bytes()
    second = make_polish_document().to_bytes()
    assert first == second
    writer = make_polish_document()
    assert writer.to_bytes() == writer.to_bytes()  # deferred drawing is rebuilt, not repeated


def test_identical_bytes_across_processes() -> None:
    """Fonts are prepared per process: nothing in them (e.g. a timestamp) may vary."""
    script = (
        "import hashlib, sys; sys.path.insert(0, sys.argv[1]);"
        "from test_pdf_writer import make_polish_document;"
        "print(hashlib.sha256(make_polish_document().to_bytes()).hexdigest())"
    )
    here = str(Path(__file__).parent)
    other = subprocess.run([sys.executable, "-c", script, here], capture_output=True, text=True, check=True)
    assert other.stdout.strip() == hashlib.sha256(make_polish_document().to_bytes()).hexdigest()


def test_deferred_drawing_follows_page_count() -> None:
    writer = PdfWriter(creation_date=FIXED_DATE)
    for _ in range(2):
        page = writer.new_page()
        page.later(lambda p: p.text(50, 800, f"Strona {p.index + 1} z {len(writer.pages)}"))
    first = pypdf.PdfReader(io.BytesIO(writer.to_bytes())).pages[0].extract_text()
    writer.new_page()
    again = pypdf.PdfReader(io.BytesIO(writer.to_bytes())).pages[0].extract_text()
    assert first.strip() == "Strona 1 z 2"
    assert again.strip() == "Strona 1 z 3"


# -- characters --------------------------------------------------------------------------------


def test_invisible_and_decomposed_characters() -> None:
    writer = PdfWriter(creation_date=FIXED_DATE)
    page = writer.new_page()
    page.text(50, 140, "e\u0328 soft\u00adhyphen zero\u200bwidth")  # decomposed ę; invisible, but kept
    text = pypdf.PdfReader(io.BytesIO(writer.to_bytes()), strict=True).pages[0].extract_text()
    assert text == "ę soft\u00adhyphen zero\u200bwidth"
    assert text_width("soft\u00adhyphen") == text_width("softhyphen")
    assert writer.replaced_characters() == ()


def normalise(text: str) -> str:
    return " ".join(text.split())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.text(alphabet=st.sampled_from(COVERED), min_size=1, max_size=60),
    face=st.sampled_from(FACES),
)
def test_repertoire_strings_round_trip_through_pypdf(text: str, face: str) -> None:
    writer = PdfWriter(creation_date=FIXED_DATE)
    writer.new_page().text(40, 100, text, font=face, size=9)
    extracted = pypdf.PdfReader(io.BytesIO(writer.to_bytes()), strict=True).pages[0].extract_text()
    assert normalise(extracted) == normalise(text_layer(text))


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=80), face=st.sampled_from(FACES), width=st.floats(0, 600))
def test_any_string_never_raises(text: str, face: str, width: float) -> None:
    writer = PdfWriter(title=text, author=text, creation_date=FIXED_DATE)
    page = writer.new_page()
    page.text(40, 100, text, font=face)
    writer.add_outline(text, page, 100)
    text_width(text, font=face)
    lines = wrap(text, width, font=face)
    data = writer.to_bytes()
    assert pypdf.PdfReader(io.BytesIO(data), strict=True).pages[0] is not None
    # a line too wide holds one character (with the combining marks that belong to it)
    assert all(text_width(line, font=face) <= width or sum(not joins_previous(c) for c in line) <= 1 for line in lines)


# -- wrapping ----------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from("aąbcćeęłńóśźżAŁŻ .,\n\u00a0"), max_size=300),
    width=st.floats(min_value=20, max_value=500),
    size=st.sampled_from([7, 9, 10, 12.5]),
)
def test_wrap_keeps_every_character_and_respects_the_width(text: str, width: float, size: float) -> None:
    lines = wrap(text, width, size=size)
    for line in lines:
        assert text_width(line, size=size) <= width or len(line) == 1
        assert not line.startswith(" ") and not line.endswith(" ")
    assert "".join(lines).replace(" ", "") == text.replace(" ", "").replace("\n", "")


def test_wrap_breaks_at_spaces_not_at_no_break_spaces() -> None:
    text = "Ocena w\u00a0skali od 0 do 10 punktów, zgodnie z\u00a0regulaminem konkursu"
    lines = wrap(text, 120)
    assert all(not line.endswith((" w", " z")) for line in lines)
    assert " ".join(lines) == text
    assert wrap("", 100) == [""]
    assert wrap("a\n\nb", 100) == ["a", "", "b"]
    pieces = wrap("Konstantynopolitańczykowianeczka", 40)  # longer than the line: cut
    assert len(pieces) > 1 and "".join(pieces) == "Konstantynopolitańczykowianeczka"
    assert all(text_width(piece) <= 40 for piece in pieces)
    assert all(text_width(a + b[0]) > 40 for a, b in zip(pieces, pieces[1:]))  # greedy cuts


def test_text_width_is_additive_and_scales_with_size() -> None:
    assert text_width("Łódź", size=20) == pytest.approx(2 * text_width("Łódź", size=10))
    assert text_width("Zażółć gęślą") == pytest.approx(text_width("Zażółć") + text_width(" gęślą"))
    assert text_width("iii", font="mono") == text_width("WWW", font="mono")


# -- images, saving, errors --------------------------------------------------------------------


def test_rgb_image_is_embedded_losslessly() -> None:
    width, height = 64, 32
    rgba = bytes(
        value for y in range(height) for x in range(width) for value in (x * 4, y * 8, 128, 255)
    )
    rgb = rgba_to_rgb(rgba)
    assert len(rgb) == width * height * 3 and rgb[:6] == bytes([0, 0, 128, 4, 0, 128])
    writer = PdfWriter(creation_date=FIXED_DATE)
    writer.new_page().image_rgb(50, 50, 256, 128, pixels=rgb, px_width=width, px_height=height)
    page = pypdf.PdfReader(io.BytesIO(writer.to_bytes()), strict=True).pages[0]
    image = page["/Resources"]["/XObject"]["/Im1"].get_object()
    assert (image["/Width"], image["/Height"], image["/ColorSpace"]) == (64, 32, "/DeviceRGB")
    assert image.get_data() == rgb
    with pytest.raises(ValueError):
        writer.pages[0].image_rgb(0, 0, 10, 10, pixels=rgb[:-1], px_width=width, px_height=height)


def test_save_is_atomic_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "karta.pdf"
    target.write_bytes(b"old")
    writer = make_polish_document(1)
    writer.save(target)
    assert target.read_bytes() == writer.to_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["karta.pdf"]  # no temp file left
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o644


def test_save_into_missing_folder_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError) as caught:
        make_polish_document(1).save(tmp_path / "brak" / "karta.pdf")
    assert caught.value.code == "pdf_save_failed"
    assert "Nie udało się zapisać" in caught.value.pl


def test_bad_arguments_are_programming_errors() -> None:
    page = PdfWriter().new_page()
    with pytest.raises(ValueError, match="unknown font face"):
        page.text(0, 0, "x", font="serif")
    other = PdfWriter().new_page()
    with pytest.raises(ValueError):
        PdfWriter().add_outline("x", other, 0)


def test_uncompressed_output_is_readable() -> None:
    writer = make_polish_document(1)
    writer.compress = False
    data = writer.to_bytes()
    assert b"Tf" in data  # content streams in clear text
    assert POLISH[2] in pypdf.PdfReader(io.BytesIO(data), strict=True).pages[0].extract_text()


# -- speed figures (printed, not asserted) -----------------------------------------------------


def test_speed_figures() -> None:
    started = time.perf_counter()
    for face in FACES:
        TrueTypeFile(font_directory() / FACE_FILES[face])  # what the first document of a process pays
        Face(face)
    prepare = time.perf_counter() - started
    prepare_fonts()
    body = (
        "Urząd wdrożył standardy obsługi klienta: karta usług, e-usługi przez ePUAP, szkolenia "
        "pracowników z komunikacji i badanie satysfakcji. Zażółć gęślą jaźń, Łódź i Dębica. "
    ) * 60
    lines = wrap(body, A4[0] - 112, size=10)[:55]

    def document(pages: int) -> bytes:
        writer = PdfWriter(title="Formularz zgłoszeniowy", creation_date=FIXED_DATE)
        for number in range(pages):
            page = writer.new_page()
            page.text(56, 60, f"Formularz zgłoszeniowy – część {number + 1}", font="bold", size=14)
            y = 90.0
            for line in lines:
                page.text(56, y, line)
                y += 13
        return writer.to_bytes()

    for _ in range(10):
        document(3)
    timings = []
    for _ in range(50):
        started = time.perf_counter()
        data = document(3)
        timings.append(time.perf_counter() - started)
    started = time.perf_counter()
    big = document(300)
    big_time = time.perf_counter() - started
    raw = zlib.compress(data)
    print(
        f"\nfont preparation, once per process: {prepare * 1000:.0f} ms for 4 faces"
        f"\n3-page document ({len(lines)} lines/page): median {statistics.median(timings) * 1000:.2f} ms,"
        f" {len(data) / 1024:.1f} KB (re-deflated {len(raw) / 1024:.1f} KB)"
        f"\n300-page document: {big_time * 1000:.0f} ms, {len(big) / 1024:.0f} KB"
    )
    assert len(pypdf.PdfReader(io.BytesIO(big)).pages) == 300
