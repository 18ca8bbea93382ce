"""Reading a table as Polish offices keep them: Excel's CSV (``;``, UTF-8 with BOM or Windows-1250) or XLSX.

Only reading cells: what the columns mean is the caller's business. Every cell comes back exactly
as text (nothing is evaluated; ``=SUMA(A1)`` stays those characters), with the row number a person
sees in Excel, so a message can say "row 7".

- **Kind** is told by content, not by the file's name: a ZIP (``PK``) is XLSX, an old binary Excel
  file (``.xls``) is refused with what to do, anything else is read as CSV text.
- **CSV encoding**: a BOM decides (UTF-8, UTF-16); otherwise valid UTF-8 is UTF-8, and anything
  else Windows-1250 (what Polish Excel writes for "CSV (rozdzielany przecinkami)"). A byte that
  Windows-1250 does not define means the file is neither: refused with a clear message.
- **Delimiter**: ``;`` (Polish Excel), ``,`` or tab; the one that splits the first non-empty line
  into the most recognised header names wins (``header_hint``), else the one giving most cells.
- **XLSX** through openpyxl (read-only, the first sheet): cached values, i.e. what Excel last
  showed. A formula cell with no cached value (a file written by a program that does not compute)
  is reported per cell rather than read as empty. Numbers come back as people write them ("12",
  "2.5"), dates as ISO dates.
- **Limits**: files up to :data:`MAX_FILE_BYTES` (20 MiB), :data:`MAX_ROWS` (20,000) rows,
  :data:`MAX_COLUMNS` (100) columns, :data:`MAX_CELL_CHARS` (10,000) characters per cell; an XLSX's
  parts at most :data:`MAX_XLSX_UNPACKED` (200 MiB) unpacked and :data:`MAX_XLSX_RATIO` times their
  packed size, checked from the ZIP directory before openpyxl reads anything.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from juror_app.domain.errors import FormatError
from juror_app.domain.i18n import pick

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ROWS = 20_000
MAX_COLUMNS = 100
MAX_CELL_CHARS = 10_000
MAX_XLSX_UNPACKED = 200 * 1024 * 1024
MAX_XLSX_RATIO = 200
MAX_XLSX_MEMBERS = 10_000
DELIMITERS = (";", ",", "\t")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True)
class TableRow:
    number: int  # as Excel shows it: the first line of the file is row 1
    cells: tuple[str, ...]

    def is_blank(self) -> bool:
        return not any(cell.strip() for cell in self.cells)


@dataclass(frozen=True)
class Table:
    kind: str  # "csv" or "xlsx"
    rows: tuple[TableRow, ...]
    encoding: str = ""  # CSV: "utf-8-sig", "utf-8", "cp1250", "utf-16"
    delimiter: str = ""  # CSV
    sheet: str = ""  # XLSX: the sheet read
    formula_cells: tuple[str, ...] = ()  # XLSX: formula cells without a computed value ("C7")

    def describe(self, lang: str | None = None) -> str:
        """"CSV, Windows-1250, separator ;" / "XLSX, sheet „Arkusz1”"."""
        if self.kind == "xlsx":
            return pick(f"XLSX, arkusz „{self.sheet}”", f"XLSX, sheet “{self.sheet}”", lang)
        names = {"utf-8-sig": "UTF-8 (BOM)", "utf-8": "UTF-8", "cp1250": "Windows-1250", "utf-16": "UTF-16"}
        shown = {"\t": pick("tabulator", "tab", lang)}.get(self.delimiter, self.delimiter)
        return pick(f"CSV, {names.get(self.encoding, self.encoding)}, separator {shown}",
                    f"CSV, {names.get(self.encoding, self.encoding)}, delimiter {shown}", lang)


def _refused(code: str, pl: str, en: str, **details: object) -> FormatError:
    return FormatError(code, pl=pl, en=en, **details)


def _too_large() -> FormatError:
    return _refused("file_too_large", "Plik jest większy niż 20 MiB; podziel listę na mniejsze pliki.",
                    "The file is larger than 20 MiB; split the list into smaller files.")


def _too_many_rows() -> FormatError:
    return _refused("too_many_rows", f"Plik ma więcej niż {MAX_ROWS:,} wierszy; podziel go na mniejsze.".replace(",", " "),
                    f"The file has more than {MAX_ROWS:,} rows; split it into smaller ones.")


def _check_row(cells: list[str], number: int) -> None:
    if len(cells) > MAX_COLUMNS:
        raise _refused("too_many_columns", f"Wiersz {number} ma więcej niż {MAX_COLUMNS} kolumn.",
                       f"Row {number} has more than {MAX_COLUMNS} columns.", row=number)
    for cell in cells:
        if len(cell) > MAX_CELL_CHARS:
            raise _refused("cell_too_long", f"Wiersz {number}: komórka dłuższa niż {MAX_CELL_CHARS} znaków.",
                           f"Row {number}: a cell longer than {MAX_CELL_CHARS} characters.", row=number)


# --- CSV ------------------------------------------------------------------------------------------


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding): BOM first, then strict UTF-8, else Windows-1250; FormatError if neither fits."""
    if data.startswith(b"\xef\xbb\xbf"):
        encoding, body = "utf-8-sig", data[3:]
        codec = "utf-8"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding, body, codec = "utf-16", data, "utf-16"
    else:
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            encoding, body, codec = "cp1250", data, "cp1250"
    try:
        return body.decode(codec), encoding
    except UnicodeDecodeError as exc:
        raise _refused(
            "unknown_encoding",
            f"Pliku nie da się odczytać jako tekstu w UTF-8 ani w Windows-1250 (bajt {exc.start + 1}). "
            "Zapisz go w Excelu jako „CSV UTF-8 (rozdzielany przecinkami)” albo jako skoroszyt .xlsx.",
            f"The file cannot be read as text in UTF-8 or Windows-1250 (byte {exc.start + 1}). "
            "Save it from Excel as “CSV UTF-8 (comma delimited)” or as an .xlsx workbook.",
        ) from None


def _records(text: str, delimiter: str, limit: int | None = None) -> Iterable[tuple[int, list[str]]]:
    """(Excel row number, cells) per CSV record; ``limit`` stops after that many records."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"', doublequote=True,
                        strict=False, skipinitialspace=False)
    count = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise _refused("bad_csv", f"Plik CSV jest uszkodzony (rekord {count + 1}): {exc}.",
                           f"The CSV file is damaged (record {count + 1}): {exc}.") from None
        count += 1
        yield count, cells
        if limit is not None and count >= limit:
            return


def _choose_delimiter(text: str, header_hint: Callable[[str], bool] | None) -> str:
    best, best_score = ";", (-1, -1)
    for delimiter in DELIMITERS:
        first: list[str] = []
        try:
            for _, cells in _records(text, delimiter, limit=20):
                if any(cell.strip() for cell in cells):
                    first = cells
                    break
        except FormatError:
            continue
        recognised = sum(1 for cell in first if header_hint and header_hint(cell))
        score = (recognised, len(first))
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_csv_text(text: str, *, delimiter: str | None = None,
                  header_hint: Callable[[str], bool] | None = None) -> tuple[list[TableRow], str]:
    """Rows of CSV text and the delimiter used (chosen when not given)."""
    chosen = delimiter or _choose_delimiter(text, header_hint)
    rows = []
    for number, cells in _records(text, chosen):
        if number > MAX_ROWS + 1:
            raise _too_many_rows()
        _check_row(cells, number)
        rows.append(TableRow(number, tuple(cells)))
    return rows, chosen


# --- XLSX -----------------------------------------------------------------------------------------


def _check_zip(data: bytes) -> None:
    """Refuse an XLSX whose parts would unpack to too much, before openpyxl inflates anything."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise _refused("bad_xlsx", f"Plik nie jest poprawnym skoroszytem XLSX ({exc}).",
                       f"The file is not a valid XLSX workbook ({exc}).") from None
    unpacked = sum(max(i.file_size, 0) for i in infos)
    packed = sum(max(i.compress_size, 0) for i in infos) or 1
    if len(infos) > MAX_XLSX_MEMBERS or unpacked > MAX_XLSX_UNPACKED or unpacked > MAX_XLSX_RATIO * packed:
        raise _refused("xlsx_too_large",
                       "Skoroszyt po rozpakowaniu byłby zbyt duży (limit 200 MiB). Zapisz tylko listę jednostek, "
                       "bez innych arkuszy i obrazów.",
                       "The workbook would be too large once unpacked (limit 200 MiB). Save only the list of "
                       "institutions, without other sheets and images.")


def cell_text(value: object) -> str:
    """A cell's value as the text a person sees: 12 → "12", 2.5 → "2.5", a date → "2026-05-01"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "PRAWDA" if value else "FAŁSZ"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time(0) else value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)


def read_xlsx_bytes(data: bytes) -> Table:
    """The first sheet's rows: cached values; formula cells without one listed in ``formula_cells``."""
    _check_zip(data)
    try:
        import warnings

        import openpyxl
        from openpyxl.utils import get_column_letter

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions it skips
            return _read_sheets(openpyxl, get_column_letter, data)
    except FormatError:
        raise
    except Exception as exc:  # noqa: BLE001 - a third-party parser on untrusted input: any failure is "unreadable"
        raise _refused("bad_xlsx",
                       f"Skoroszytu XLSX nie da się odczytać ({type(exc).__name__}: {exc}). Otwórz go w Excelu i "
                       "zapisz ponownie albo zapisz jako CSV.",
                       f"The XLSX workbook cannot be read ({type(exc).__name__}: {exc}). Open it in Excel and save "
                       "it again, or save it as CSV.") from None


def _read_sheets(openpyxl, get_column_letter, data: bytes) -> Table:
    """Both views of the first sheet at once: the values Excel showed, and what was typed (formulas)."""
    values_book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    formulas_book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    try:
        sheet = values_book.worksheets[0]
        formulas = formulas_book.worksheets[0]
        rows: list[TableRow] = []
        missing: list[str] = []
        for number, (shown, written) in enumerate(
                zip(sheet.iter_rows(values_only=True), formulas.iter_rows(values_only=True)), start=1):
            if number > MAX_ROWS + 1:
                raise _too_many_rows()
            cells = [cell_text(v) for v in shown]
            for column, (value, source) in enumerate(zip(shown, written), start=1):
                if value is None and isinstance(source, str) and source.startswith("="):
                    missing.append(f"{get_column_letter(column)}{number}")
            while cells and cells[-1] == "":
                cells.pop()
            _check_row(cells, number)
            rows.append(TableRow(number, tuple(cells)))
        return Table("xlsx", tuple(rows), sheet=sheet.title, formula_cells=tuple(missing))
    finally:
        values_book.close()
        formulas_book.close()


# --- either --------------------------------------------------------------------------------------


def read_table_bytes(data: bytes, *, header_hint: Callable[[str], bool] | None = None,
                     delimiter: str | None = None) -> Table:
    """A table from a file's bytes (CSV or XLSX, told by content)."""
    if len(data) > MAX_FILE_BYTES:
        raise _too_large()
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return read_xlsx_bytes(data)
    if data.startswith(_OLE_MAGIC):
        raise _refused("old_excel", "To plik starego formatu Excela (.xls). Zapisz go w Excelu jako .xlsx albo CSV.",
                       "This is an old-format Excel file (.xls). Save it from Excel as .xlsx or CSV.")
    text, encoding = decode_text(data)
    rows, chosen = read_csv_text(text, delimiter=delimiter, header_hint=header_hint)
    return Table("csv", tuple(rows), encoding=encoding, delimiter=chosen)


def read_table(path: Path, *, header_hint: Callable[[str], bool] | None = None) -> Table:
    """A table from a file (size checked before it is read)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _too_large()
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except IsADirectoryError:
        raise _refused("not_a_file", f"„{path}” to folder, a nie plik.", f"“{path}” is a folder, not a file.") from None
    except OSError as exc:
        raise _refused("cannot_read", f"Nie można odczytać „{path}”: {exc.strerror or exc}.",
                       f"Cannot read “{path}”: {exc.strerror or exc}.") from None
    if not data.strip():
        raise _refused("empty_file", f"Plik „{path.name}” jest pusty.", f"The file “{path.name}” is empty.")
    return read_table_bytes(data, header_hint=header_hint)
