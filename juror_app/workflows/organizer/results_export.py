"""Writing the results to a file from the organizer's window: the same bytes as ``juror-app results``.

The command line and the window go through the same functions (``build_results``, then
``results_to_json`` or ``results_to_csv``), so a file exported from the window is byte-identical to the
one a script makes from the same data. The file is written atomically: a half-written results file never
exists under its name, and a file that could not be written leaves what was there before.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from juror_app.domain.errors import UserError, ValidationError
from juror_app.domain.i18n import pick
from juror_app.fsutil import atomic_write
from juror_app.workflows.organizer.results import build_results, results_to_csv, results_to_json

FORMATS = ("csv", "json")


@dataclass(frozen=True)
class ExportedResults:
    path: Path
    format: str
    normalised: bool
    size: int  # bytes written
    dossiers: int


def suggested_results_name(year: int | None, fmt: str, *, normalised: bool = False, lang: str | None = None) -> str:
    """ "wyniki-2026.csv", "wyniki-2026-normalizacja.json" / "results-2026.csv" …"""
    stem = pick("wyniki", "results", lang) + (f"-{year}" if year else "")
    if normalised:
        stem += pick("-normalizacja", "-normalised", lang)
    return f"{stem}.{fmt}"


def export_results(db: Database, out: Path | str, *, fmt: str, normalised: bool = False) -> ExportedResults:
    """Build the results from ``db`` and write them to ``out`` as ``fmt`` ("csv" for Polish Excel, or "json")."""
    if fmt not in FORMATS:
        raise ValidationError("bad_results_format", pl=f"Nieznany format wyników „{fmt}”: wybierz CSV albo JSON.",
                              en=f"Unknown results format “{fmt}”: choose CSV or JSON.")
    out = Path(out)
    if not out.name:
        raise ValidationError("no_file_name", pl="Podaj nazwę pliku, do którego zapisać wyniki.",
                              en="Give the name of the file to write the results to.")
    if out.is_dir():
        raise UserError("output_is_folder",
                        pl=f"„{out}” jest folderem. Podaj nazwę pliku, np. {out / suggested_results_name(None, fmt, lang='pl')}.",
                        en=f"“{out}” is a folder. Give a file name, e.g. {out / suggested_results_name(None, fmt, lang='en')}.")
    if not out.parent.is_dir():
        raise UserError("no_such_folder", pl=f"Nie ma folderu „{out.parent}”. Podaj plik w istniejącym folderze.",
                        en=f"There is no folder “{out.parent}”. Give a file in an existing folder.")
    results = build_results(db, normalised=normalised)
    data = results_to_json(results) if fmt == "json" else results_to_csv(results)
    try:
        atomic_write(out, data)
    except OSError as exc:
        raise UserError(
            "results_save_failed",
            pl=f"Nie udało się zapisać pliku {out}: {exc.strerror or exc}. Sprawdź folder, wolne miejsce na dysku "
               "i prawo zapisu; poprzedni plik (jeśli był) pozostał bez zmian.",
            en=f"Could not save the file {out}: {exc.strerror or exc}. Check the folder, the free disk space and "
               "your permission to write there; the earlier file (if any) is unchanged.",
        ) from exc
    return ExportedResults(out, fmt, normalised, len(data), len(results.dossiers))
