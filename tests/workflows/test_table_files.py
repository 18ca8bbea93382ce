"""Reading tables as Polish offices keep them: properties of the CSV reader and known CSV/XLSX files."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from juror_app.domain.errors import FormatError
from juror_app.workflows.organizer import table_files
from juror_app.workflows.organizer.institution_import import header_field
from juror_app.workflows.organizer.table_files import read_table, read_table_bytes

HEADER = ["Nazwa", "Kategoria", "Adres"]
cells = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
rows_of_cells = st.lists(st.lists(cells, min_size=3, max_size=3), min_size=1, max_size=12)


def _cp1250_alphabet() -> str:
    chars = []
    for byte in range(256):
        try:
            chars.append(bytes([byte]).decode("cp1250"))
        except UnicodeDecodeError:
            pass  # five bytes are undefined in Windows-1250
    return "".join(chars)


CP1250 = _cp1250_alphabet()
cp1250_rows = st.lists(st.lists(st.text(alphabet=CP1250, max_size=40), min_size=3, max_size=3), min_size=1, max_size=12)


def _csv(rows: list[list[str]], *, delimiter: str = ";") -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(HEADER)
    writer.writerows(rows)
    return buffer.getvalue()


def _hint(cell: str) -> bool:
    return header_field(cell) is not None


def _cells(table) -> list[list[str]]:
    return [list(row.cells) for row in table.rows]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows_of_cells)
def test_any_text_round_trips_through_excel_style_utf8_bom_csv(rows: list[list[str]]) -> None:
    data = _csv(rows).encode("utf-8-sig")
    table = read_table_bytes(data, header_hint=_hint)
    assert (table.kind, table.encoding, table.delimiter) == ("csv", "utf-8-sig", ";")
    assert _cells(table) == [HEADER, *rows]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cp1250_rows)
def test_any_encodable_text_round_trips_through_windows_1250_csv(rows: list[list[str]]) -> None:
    text = _csv(rows)
    data = text.encode("cp1250")
    table = read_table_bytes(data, header_hint=_hint)
    try:
        as_utf8 = data.decode("utf-8")
    except UnicodeDecodeError:
        as_utf8 = None
    if as_utf8 is None:  # the usual case for Polish text: not valid UTF-8, so read as Windows-1250
        assert table.encoding == "cp1250"
        assert _cells(table) == [HEADER, *rows]
    else:  # the bytes are also valid UTF-8 (ASCII, or rare letter pairs): read as UTF-8, as documented
        assert table.encoding == "utf-8"
        assert "\n".join(";".join(r) for r in _cells(table))  # read, not refused
        if as_utf8 == text:
            assert _cells(table) == [HEADER, *rows]


@settings(max_examples=100, deadline=None)
@given(rows_of_cells, st.sampled_from([",", "\t"]))
def test_comma_and_tab_files_are_recognised_by_their_header(rows: list[list[str]], delimiter: str) -> None:
    table = read_table_bytes(_csv(rows, delimiter=delimiter).encode("utf-8"), header_hint=_hint)
    assert table.delimiter == delimiter and _cells(table) == [HEADER, *rows]


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=3000))
def test_garbage_bytes_give_a_table_or_a_clear_error(data: bytes) -> None:
    for candidate in (data, b"PK\x03\x04" + data, b"\xef\xbb\xbf" + data, b"\xff\xfe" + data):
        try:
            read_table_bytes(candidate, header_hint=_hint)
        except FormatError as exc:
            assert exc.pl and exc.en and exc.code


def test_polish_letters_in_windows_1250() -> None:
    text = "Nazwa;Kategoria\r\nUrząd Gminy w Łące;Urzędy gmin\r\nŚwiętochłowice — „Żółć”;Urzędy miast\r\n"
    table = read_table_bytes(text.encode("cp1250"), header_hint=_hint)
    assert table.encoding == "cp1250" and table.rows[2].cells == ("Świętochłowice — „Żółć”", "Urzędy miast")
    assert table.describe("pl") == "CSV, Windows-1250, separator ;"


def test_utf16_as_excel_saves_unicode_text() -> None:
    text = "Nazwa\tKategoria\r\nUrząd Gminy w Łące\tUrzędy gmin\r\n"
    table = read_table_bytes(text.encode("utf-16"), header_hint=_hint)
    assert (table.encoding, table.delimiter) == ("utf-16", "\t") and table.rows[1].cells[0] == "Urząd Gminy w Łące"


def test_neither_utf8_nor_windows_1250_is_refused() -> None:
    with pytest.raises(FormatError) as info:
        read_table_bytes(b"Nazwa;Kategoria\r\nUrz\x98d;x\r\n")  # 0x98 is undefined in Windows-1250
    assert info.value.code == "unknown_encoding" and "Windows-1250" in info.value.pl


def test_old_excel_files_are_refused_with_what_to_do() -> None:
    with pytest.raises(FormatError) as info:
        read_table_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    assert info.value.code == "old_excel" and ".xlsx" in info.value.pl


def test_row_and_column_limits() -> None:
    many = "Nazwa;Kategoria\n" + "x;y\n" * (table_files.MAX_ROWS + 1)
    with pytest.raises(FormatError) as info:
        read_table_bytes(many.encode())
    assert info.value.code == "too_many_rows"
    wide = ";".join(["Nazwa"] + ["x"] * table_files.MAX_COLUMNS) + "\n"
    with pytest.raises(FormatError) as info:
        read_table_bytes(wide.encode())
    assert info.value.code == "too_many_columns"
    with pytest.raises(FormatError) as info:
        read_table_bytes(b"Nazwa\n" + b"x" * (table_files.MAX_CELL_CHARS + 1))
    assert info.value.code == "cell_too_long"


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(table_files, "MAX_FILE_BYTES", 100)
    big = tmp_path / "lista.csv"
    big.write_bytes(b"Nazwa;Kategoria\n" + b"x;y\n" * 100)
    with pytest.raises(FormatError) as info:
        read_table(big)
    assert info.value.code == "file_too_large"


# --- XLSX ------------------------------------------------------------------------------------------


def _xlsx(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Zgłoszenia"
    sheet["A1"] = "Lista jednostek zgłoszonych do konkursu"
    sheet.append([])
    sheet.append(["Identyfikator", "Nazwa jednostki", "Kategoria", "Województwo", "Telefon", "Data zgłoszenia"])
    sheet.append([1261011, "Urząd Gminy w Łące", "Urzędy gmin", "małopolskie", 146123456, dt.datetime(2027, 3, 1)])
    sheet.append(["A-2", "=CONCAT(\"Starostwo\", \" Powiatowe\")", "Starostwa powiatowe", "małopolskie", None, None])
    sheet.append(["A-3", "'=to jest tekst", "Urzędy gmin", None, "12,5", 2.5])
    book.save(path)
    return path


def test_xlsx_values_as_people_see_them(tmp_path: Path) -> None:
    table = read_table(_xlsx(tmp_path / "lista.xlsx"))
    assert (table.kind, table.sheet) == ("xlsx", "Zgłoszenia")
    assert table.rows[0].number == 1 and table.rows[0].cells == ("Lista jednostek zgłoszonych do konkursu",)
    assert table.rows[1].is_blank() and table.rows[2].number == 3
    assert table.rows[3].cells == ("1261011", "Urząd Gminy w Łące", "Urzędy gmin", "małopolskie", "146123456", "2027-03-01")
    assert table.rows[5].cells[1] == "'=to jest tekst" and table.rows[5].cells[5] == "2.5"
    # openpyxl writes no computed values: the formula is reported, not read as an empty name
    assert table.formula_cells == ("B5",)


def test_broken_and_bomb_workbooks_are_refused(tmp_path: Path) -> None:
    good = _xlsx(tmp_path / "lista.xlsx").read_bytes()
    with pytest.raises(FormatError) as info:
        read_table_bytes(good[: len(good) // 2])
    assert info.value.code == "bad_xlsx" and "XLSX" in info.value.pl
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (10 * 1024 * 1024))
    with pytest.raises(FormatError) as info:
        read_table_bytes(buffer.getvalue())
    assert info.value.code == "xlsx_too_large"
    print(f"\nzip bomb: {len(buffer.getvalue()):,} bytes that unpack to 10 MiB, refused from the ZIP directory")
