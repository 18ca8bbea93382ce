"""Every character a justification may hold prints as itself or as a marked, reported replacement.

Issue 11 item 18: printed documents turned characters outside the embedded subset (Cyrillic, ț, emoji)
into a bare ``?``. Now each face is DejaVu with fallbacks from matplotlib's fonts; what no font has
is drawn as the box of its Unicode block (Last Resort) while the text layer keeps the character,
and the writer reports it. Checked with poppler (``pdftotext``), pypdf and a render.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import unicodedata

import pypdf
import pytest
from fontTools.ttLib import TTFont
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from juror_app.reports.pdf_bidi import has_rtl, visual_order
from juror_app.reports.pdf_fonts import (
    FACE_CHAINS,
    GLYPH,
    LAST_RESORT,
    UNPRINTABLE,
    character_kind,
    font_file,
    get_font,
    text_layer,
)
from juror_app.reports.pdf_writer import PdfWriter, text_width, wrap

FACES = tuple(FACE_CHAINS)
BIDI_MARKS = "\u202a\u202b\u202c\u202d\u202e"  # pdftotext wraps right-to-left runs in these
SPECIAL = [*"\ud800\udfff\x00\x01\x1b\x7f\x9f\ufffe\uffff\ufdd0\u00ad\u200b\u200d\ufe0f\u202e\u2066\u0301\u0328\t\n?",
           *"țșȚȘЖжΩω€𝔸😀🚀👍❤中日ש אعر", "\U000e0001", "\U0010ffff", "\U0001f9d1\u200d\U0001f692"]
JUSTIFICATION = "Урząd: țară, școală — obsługa 👍 świetna 🚀, 中文"


def pdftotext(data: bytes, *args: str) -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.skip("pdftotext missing: apt-get install -y poppler-utils")
    result = subprocess.run([tool, *args, "-enc", "UTF-8", "-", "-"], input=data, capture_output=True, check=True)
    assert result.stderr == b""
    return result.stdout.decode("utf-8").replace("\f", "")


def one_line(text: str, face: str = "regular", size: float = 9) -> PdfWriter:
    writer = PdfWriter()
    writer.new_page().text(20, 100, text, font=face, size=size)
    return writer


def squeeze(text: str) -> str:
    return " ".join("".join(ch for ch in text if ch not in BIDI_MARKS).split())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.lists(st.one_of(st.characters(), st.sampled_from(SPECIAL)), min_size=1, max_size=40).map("".join),
       face=st.sampled_from(FACES))
def test_any_text_extracts_as_itself_or_a_marked_replacement_never_a_bare_question_mark(text: str, face: str) -> None:
    """``-raw``: in drawing order (the default mode glues a line of one-letter words: "a b" → "ab")."""
    writer = one_line(text, face)
    extracted = pdftotext(writer.to_bytes(), "-raw")
    expected = text_layer(text)  # the text itself; control characters and lone surrogates as U+FFFD
    if has_rtl(text):  # drawn in visual order: pdftotext rebuilds reading order in its own way
        assert sorted(squeeze(extracted).replace(" ", "")) == sorted(squeeze(expected).replace(" ", ""))
    else:
        assert squeeze(extracted) == squeeze(expected)
    assert extracted.count("?") == text.count("?")
    replaced = set(writer.replaced_characters())
    for ch in set(unicodedata.normalize("NFC", text)):
        kind = character_kind(ord(ch))
        lacking = kind == UNPRINTABLE or (kind == GLYPH and not any(font_file(i).glyph(ord(ch)) for i in FACE_CHAINS[face]))
        assert (ch in replaced) == lacking, ch


def test_cyrillic_romanian_and_emoji_in_a_justification() -> None:
    writer = PdfWriter()
    page = writer.new_page()
    for i, face in enumerate(FACES):
        page.text(40, 80 + 20 * i, JUSTIFICATION, font=face)
    data = writer.to_bytes()
    lines = [line for line in pdftotext(data).splitlines() if line]
    assert lines == [JUSTIFICATION] * len(FACES)
    for page in pypdf.PdfReader(io.BytesIO(data), strict=True).pages:
        assert page.extract_text().splitlines() == [JUSTIFICATION] * len(FACES)
    assert writer.replaced_characters() == ("中", "文", "👍", "🚀")
    assert "?" not in pdftotext(data)


def test_each_face_draws_cyrillic_romanian_and_greek_from_its_own_dejavu_file() -> None:
    for face in FACES:
        for ch in "ЖжțșȚȘΩω":
            assert get_font(face).owner(ch) == FACE_CHAINS[face][0], (face, ch)
    assert get_font("bold").owner("𝖠") == 0  # not in DejaVu Sans Bold: from DejaVu Sans
    assert get_font("regular").owner("𝔸") in FACE_CHAINS["regular"]
    assert get_font("regular").owner("🚀") == LAST_RESORT


def test_replacement_box_is_drawn_and_measured() -> None:
    box = text_width("🚀", size=10)
    assert box == text_width("中", size=10) > text_width("M", size=10) * 0.9
    assert text_width("a🚀b") == pytest.approx(text_width("a") + text_width("🚀") + text_width("b"))
    blank, marked = one_line("x  x", size=30), one_line("x🚀x", size=30)
    assert ink(marked.to_bytes()) > ink(blank.to_bytes()) + 50


def ink(data: bytes) -> int:
    tool = shutil.which("pdftoppm")
    if tool is None:
        pytest.skip("pdftoppm missing")
    pgm = subprocess.run([tool, "-gray", "-r", "40", "-f", "1", "-l", "1", "-"], input=data, capture_output=True,
                         check=True).stdout
    width, height = (int(v) for v in pgm.split(b"\n")[1].split())
    return sum(1 for value in pgm[-width * height:] if value < 128)


def test_combining_marks_stay_with_their_base_and_are_not_lost() -> None:
    text = "q\u0303 x\u0301y e\u0328"  # no precomposed q̃, x́; e + ogonek composes to ę
    assert pdftotext(one_line(text).to_bytes()).strip() == "q\u0303 x\u0301y ę"
    for width in (40, 3):  # a word cut between letters; narrower than one letter: a letter a line
        lines = wrap("q\u0303\u0301" * 30, width)  # no precomposed form
        assert len(lines) > 1 and all(not unicodedata.combining(line[0]) for line in lines)  # never before a mark
        assert "".join(lines) == "q\u0303\u0301" * 30


def test_right_to_left_is_drawn_in_visual_order_and_reads_back() -> None:
    assert visual_order("Ocena: שלום עולם, dobrze") == "Ocena: םלוע םולש, dobrze"
    assert visual_order("ab 12 cd") == "ab 12 cd"
    assert visual_order("שלום 123") == "123 םולש"  # numbers keep their own order
    assert visual_order("(ש)") == "(ש)"
    text = "Ocena: שלום עולם, dobrze"
    assert squeeze(pdftotext(one_line(text).to_bytes())) == text
    arabic = "تقييم جيد"
    assert squeeze(pdftotext(one_line(arabic).to_bytes())) == arabic


def test_document_embeds_compact_valid_subsets_of_only_the_files_it_uses() -> None:
    writer = one_line("Zażółć gęślą jaźń " + JUSTIFICATION + " ∮ 𝔸")
    data = writer.to_bytes()
    reader = pypdf.PdfReader(io.BytesIO(data), strict=True)
    fonts = reader.pages[0]["/Resources"]["/Font"]
    names = set()
    for font in fonts.values():
        font = font.get_object()
        names.add(str(font["/BaseFont"]).split("+")[1])
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        parsed = TTFont(io.BytesIO(descriptor["/FontFile2"].get_object().get_data()), checkChecksums=2)
        for tag in parsed.keys():
            if tag != "GlyphOrder":
                parsed[tag]
        assert parsed["maxp"].numGlyphs < 60
        assert "fpgm" not in parsed and "prep" not in parsed  # hinting dropped with the instructions
    assert names == {"DejaVuSans", "LastResortHE-Regular"}
    assert len(data) < 40_000


def test_thousands_of_characters_beyond_the_bmp_in_one_document() -> None:
    """Codes beyond the BMP are numbered per document (2,048 per font); past that: U+FFFD, reported."""
    emoji = "".join(chr(c) for c in range(0x1F900, 0x1F900 + 300))
    math = "".join(chr(c) for c in range(0x1D400, 0x1D400 + 2100) if font_file(9).glyph(c) or font_file(0).glyph(c))
    writer = PdfWriter()
    page = writer.new_page()
    for i in range(0, len(math), 80):
        page.text(20, 40 + i / 8, math[i:i + 80], size=4)
    page.text(20, 800, emoji[:100], size=4)
    extracted = "".join(pdftotext(writer.to_bytes(), "-raw").split())
    assert extracted.startswith(math[:500])
    assert set(emoji[:100]) <= set(writer.replaced_characters())
