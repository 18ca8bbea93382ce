"""Building blocks of the printed summaries: Polish number and date formats, the data fingerprint,
and the pypdf assembly of parts (bookmarks, page labels, metadata, attachment)."""

from __future__ import annotations

import hashlib
import io
from datetime import datetime, timezone

import pypdf
import pytest

from juror_app.reports import formatting as fmt
from juror_app.reports.assembly import DocumentInfo, assemble, merged_labels
from juror_app.reports.fingerprint import (
    PackageRef,
    data_fingerprint,
    fingerprint_text,
    short_code,
)
from juror_app.reports.page_style import (
    COUNTING,
    DocumentContext,
    LabelRange,
    Numbering,
    PartBuilder,
    PartResult,
)

MOMENT = datetime(2026, 12, 10, 9, 30, tzinfo=timezone.utc)
NBSP = "\u00a0"


def context(lang: str = "pl") -> DocumentContext:
    return DocumentContext(lang=lang, title="Dokument próbny", edition="XI edycja „Przyjazny Urząd” 2026",
                           code="ABCD-EFGH-JKMN-PQRS", code_label="Kod danych", generated_at=MOMENT)


# --- formatting -----------------------------------------------------------------------------------

def test_numbers_use_the_decimal_comma_and_polish_grouping() -> None:
    assert fmt.number(7.666, 2) == "7,67"
    assert fmt.percent(78.26) == "78,3%" and fmt.percent(5, 0) == "5%"
    assert fmt.percent(81.666) == "81,7%"
    assert fmt.points(8.0) == "8" and fmt.points(3.5) == "3,5" and fmt.points(2.25) == "2,25"
    assert fmt.count(9999) == "9999" and fmt.count(72000) == f"72{NBSP}000"  # grouping from five digits on
    assert fmt.number(-1.5, 1) == "−1,5" and fmt.number(-0.0001, 1) == "0,0"
    assert fmt.number(None) == fmt.percent(None) == fmt.points(None) == "—"
    assert fmt.number(7.666, 2, "en") == "7.67" and fmt.count(72000, "en") == "72,000"


def test_dates_in_polish_and_english() -> None:
    assert fmt.long_date("2026-12-10") == "10 grudnia 2026 r."
    assert fmt.long_date("2026-05-03", "en") == "3 May 2026"
    assert fmt.short_date("2026-12-10") == "10.12.2026"
    assert fmt.timestamp("2026-10-19T04:58:05Z") == "19.10.2026, 04:58 UTC"
    assert fmt.timestamp(datetime(2026, 10, 19, 6, 58, tzinfo=timezone.utc)) == "19.10.2026, 06:58 UTC"
    assert fmt.long_date("w terminie do ustalenia") == "w terminie do ustalenia"  # free text stays
    assert fmt.timestamp("") == "—"


# --- fingerprint ----------------------------------------------------------------------------------

def test_fingerprint_is_the_documented_recipe_and_ignores_package_order() -> None:
    results = b'{"edition":{"id":"pu-2026"}}\n'
    packages = [PackageRef("j002", 1, "b" * 64), PackageRef("j001", 3, "a" * 64)]
    fp = data_fingerprint(results, packages)
    text = ("kapitula-przyjazny-urzad report-data v1\n"
            f"results {hashlib.sha256(results).hexdigest()}\n"
            f"package j001 3 {'a' * 64}\npackage j002 1 {'b' * 64}\n")
    assert fingerprint_text(fp.results_sha256, packages) == text
    assert fp.sha256 == hashlib.sha256(text.encode()).hexdigest()
    assert data_fingerprint(results, list(reversed(packages))) == fp
    assert len(fp.code) == 19 and fp.code.count("-") == 3 and not set(fp.code) & set("ILOU")
    assert fp.code == short_code(fp.sha256)
    print(f"fingerprint {fp.sha256[:16]}… code {fp.code}")


def test_fingerprint_changes_with_any_input() -> None:
    base = data_fingerprint(b"{}\n", [PackageRef("j001", 1, "a" * 64)])
    assert data_fingerprint(b"{} \n", [PackageRef("j001", 1, "a" * 64)]).sha256 != base.sha256
    assert data_fingerprint(b"{}\n", [PackageRef("j001", 2, "a" * 64)]).sha256 != base.sha256
    assert data_fingerprint(b"{}\n", [PackageRef("j001", 1, "c" * 64)]).sha256 != base.sha256
    assert data_fingerprint(b"{}\n", []).sha256 != base.sha256


# --- parts and assembly ---------------------------------------------------------------------------

def _part(numbering: Numbering, sections: int = 2) -> PartResult:
    part = PartBuilder(context(), numbering)
    part.heading("Wstęp — zażółć gęślą jaźń", 1)
    part.doc.paragraph("Treść wstępu. " * 40)
    for n in range(1, sections + 1):
        part.start_item()
        part.start_section(f"j00{n}-", f"Karta j00{n}")
        part.heading(f"Karta j00{n}: Łukasz Żółkiewski", 1)
        for k in range(3):
            part.heading(f"Teczka d000{k}", 2)
            part.doc.paragraph("Uzasadnienie oceny. " * 150)
    return part.finish()


def test_counting_and_drawing_give_the_same_pages() -> None:
    counted = _part(COUNTING)
    drawn = _part(Numbering(first=4, total=4 + counted.pages))
    assert counted.pdf is None and drawn.pdf is not None
    assert counted.pages == drawn.pages and counted.outline == drawn.outline and counted.items == drawn.items
    text = [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(drawn.pdf)).pages]
    assert f"Strona 5 z {4 + drawn.pages}" in text[0] and "Kod danych: ABCD-EFGH-JKMN-PQRS" in text[0]
    assert "Karta j001: s. 1 z" in text[1] and "Karta j001" not in text[0]


def test_assembly_joins_parts_with_bookmarks_labels_metadata_and_attachment() -> None:
    first = _part(Numbering(first=0, total=0), sections=1)
    second = _part(Numbering(first=first.pages, total=0), sections=2)
    attachment = '{"wynik":"żółć"}\n'.encode()
    info = DocumentInfo(title="Karty oceny — próba", lang="pl", created=MOMENT, author="Biuro Konkursu",
                        subject="Karty oceny", keywords="Przyjazny Urząd; kod danych ABCD", fingerprint="f" * 64,
                        attachments=(("wyniki.json", attachment),))
    pdf = assemble([first, second], info)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == first.pages + second.pages
    assert reader.attachments["wyniki.json"] == [attachment]
    meta = reader.metadata
    assert meta.title == "Karty oceny — próba" and meta.author == "Biuro Konkursu" and meta["/KapitulaDataFingerprint"] == "f" * 64
    assert meta.creation_date == MOMENT and "pypdf" in meta.producer
    assert reader.trailer["/Root"]["/Lang"] == "pl-PL" and reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"
    labels = reader.page_labels
    assert labels[0] == "1" and labels[1] == "j001-1" and labels[first.pages] == str(first.pages + 1)
    assert labels[first.pages + 1] == "j001-1" and labels[-1].startswith("j002-")

    def flat(items, depth=0):
        for item in items:
            yield from flat(item, depth + 1) if isinstance(item, list) else [(depth, item.title, reader.get_destination_page_number(item))]

    outline = list(flat(reader.outline))
    assert outline[0] == (0, "Wstęp — zażółć gęślą jaźń", 0)
    assert (1, "Teczka d0000", 1) in outline  # nested under its juror's sheet
    assert sum(1 for depth, title, _ in outline if title.startswith("Karta j00") and depth == 0) == 3
    print(f"assembled {len(reader.pages)} pages, {len(outline)} bookmarks, labels {labels[:4]}…")


def test_label_ranges_that_run_on_are_merged() -> None:
    a = PartResult(3, b"", labels=(LabelRange(0, 2, "", 1),))
    b = PartResult(2, b"", labels=(LabelRange(0, 1, "", 4),))
    c = PartResult(2, b"", labels=(LabelRange(0, 1, "j001-", 1),))
    assert merged_labels([a, b, c]) == [LabelRange(0, 4, "", 1), LabelRange(5, 6, "j001-", 1)]


def test_assembly_refuses_page_counts() -> None:
    with pytest.raises(ValueError):
        assemble([PartResult(1, None)], DocumentInfo("x", "pl", MOMENT))
