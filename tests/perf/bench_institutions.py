"""Importing 2,000 applicant institutions from a Windows-1250 CSV and from an XLSX: preview, then apply.

The subject is the real workflow (``preview_import`` then ``apply_import``: decode, header mapping,
every field's rules, matching, one transaction writing institutions, contacts and dossiers) into a
fresh edition made from the template. The baseline, in the same run, is the floor of that work:
decoding the same bytes and parsing them with ``csv.reader``, then inserting the same rows into a
plain SQLite table of a fresh file in one transaction (for the XLSX: openpyxl reading the sheet
once, values only, instead of ``csv``).
"""

from __future__ import annotations

import csv
import io
import random
import shutil
import sqlite3
from pathlib import Path

import openpyxl
import perfkit

from juror_app.domain.institution_rules import VOIVODESHIPS
from juror_app.exchange.keys import KdfParams
from juror_app.store.organizer_schema import open_organizer_db
from juror_app.workflows.organizer.edition import EditionStart, NewKey, new_edition
from juror_app.workflows.organizer.institution_import import apply_import, preview_import
from juror_app.workflows.organizer.templates import EditionHead

HEADER = ["Lp.", "Nazwa jednostki", "Kategoria", "Województwo", "Powiat", "Gmina", "Adres", "Osoba kontaktowa",
          "E-mail", "Telefon"]
CATEGORIES = ["Urzędy gmin", "Urzędy miast", "Urzędy miast i gmin", "Starostwa powiatowe", "Ośrodki pomocy społecznej i inne jednostki"]
PASS = "kaczka-rower-sufit-ogórek"


def _rows(n: int) -> list[list[str]]:
    rng = random.Random(2026)
    return [[str(i), f"Urząd Gminy nr {i} w Łące Żółtej", rng.choice(CATEGORIES), rng.choice(VOIVODESHIPS),
             "bocheński", "Łąka", f"ul. Rynek {i}, 32-700 Łąka", "Jan Kowalski", f"ug{i}@example.pl", "14 612 34 56"]
            for i in range(1, n + 1)]


def _baseline_csv(data: bytes, db_path: Path) -> None:
    rows = list(csv.reader(io.StringIO(data.decode("cp1250"), newline=""), delimiter=";"))
    _insert(rows[1:], db_path)


def _baseline_xlsx(path: Path, db_path: Path) -> None:
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    rows = [[("" if v is None else str(v)) for v in row] for row in book.worksheets[0].iter_rows(values_only=True)]
    book.close()
    _insert(rows[1:], db_path)


def _insert(rows: list[list[str]], db_path: Path) -> None:
    db_path.unlink(missing_ok=True)
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE t (a, b, c, d, e, f, g, h, i, j)")
    with conn:
        conn.executemany("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    conn.close()


def run(ctx: perfkit.Context) -> list[perfkit.Result]:
    n = ctx.size(full=2000, quick=200)
    rows = _rows(n)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(HEADER)
    writer.writerows(rows)
    csv_path = ctx.workdir / "zgloszenia.csv"
    csv_path.write_bytes(buffer.getvalue().encode("cp1250"))
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    xlsx_path = ctx.workdir / "zgloszenia.xlsx"
    book.save(xlsx_path)
    template = ctx.workdir / "template"
    template.mkdir()
    new_edition(template / "E.sqlite", EditionHead("Benchmark", 2027), EditionStart(),
                NewKey(template / "org.key", PASS, PASS, KdfParams(1, 8 * 1024, 1)))
    target = ctx.workdir / "E.sqlite"

    def fresh() -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        shutil.copy(template / "E.sqlite", target)

    def subject(path: Path):
        def go() -> None:
            db = open_organizer_db(target)
            result = apply_import(db, preview_import(db, path))
            assert len(result.added) == n, result
            db.close()
        return go

    data = csv_path.read_bytes()
    repeats = ctx.repeats(5)
    samples = perfkit.measure_interleaved(
        {"csv": subject(csv_path), "csv_base": lambda: _baseline_csv(data, ctx.workdir / "base.sqlite"),
         "xlsx": subject(xlsx_path), "xlsx_base": lambda: _baseline_xlsx(xlsx_path, ctx.workdir / "base.sqlite")},
        repeats, setups={"csv": fresh, "xlsx": fresh})
    return [
        perfkit.Result("institutions", f"import {n} institutions from a Windows-1250 CSV (preview + apply)", "s",
                       samples["csv"], "csv.reader + raw SQLite insert", samples["csv_base"],
                       goal=ctx.full_scale_goal(perfkit.median_under(2.0)),
                       notes={"csv_bytes": len(data)}),
        perfkit.Result("institutions", f"import {n} institutions from an XLSX (preview + apply)", "s",
                       samples["xlsx"], "openpyxl read (one pass) + raw SQLite insert", samples["xlsx_base"],
                       goal=ctx.full_scale_goal(perfkit.median_under(5.0)),
                       notes={"xlsx_bytes": xlsx_path.stat().st_size}),
    ]
