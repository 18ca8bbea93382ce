"""Importing applicant institutions from a CSV or XLSX file: a preview of every row, then one transaction.

:func:`preview_import` reads the file (:mod:`table_files`), finds the header row, maps its columns
(Polish and English names with common variants, :data:`HEADER_ALIASES`) and says for every data row
what importing would do: **add**, **update** (with each changed field, old → new), **unchanged**, or
**refused** with the reasons (empty name, unknown category, unknown voivodeship, a duplicate of an
earlier row, a formula without a value, …). Nothing is written. :func:`apply_import` then writes
every added and updated row in ONE transaction — or nothing, if the database changed since the
preview — and refused rows are left out (the preview lists them).

Matching a row to an institution already registered: by the ``Identyfikator``/``id`` column when
the row has one, else by name + category (case, diacritics, quote styles and spacing ignored).
An empty cell leaves the stored value as it is (a file never erases data; clear a field in the
editor), and a name that differs from the stored one only in case, diacritics or spacing is kept
as stored (rename in the editor, or by id). Contact columns (osoba kontaktowa, e-mail, telefon) are stored for the organizer only.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from enum import Enum
from pathlib import Path

from sqlite_utils import Database

from juror_app.domain.edition_rules import Problem
from juror_app.domain.errors import FormatError, ValidationError
from juror_app.domain.i18n import count_en, count_pl, pick
from juror_app.domain.institution_rules import (
    CONTACT_FIELDS,
    FIELD_NAMES,
    FIELD_SPECS,
    InstitutionFields,
    clean_fields,
    folded_key,
    institution_problems,
    match_key,
)
from juror_app.domain.model import Institution, InstitutionContact
from juror_app.store import edition_setup
from juror_app.store.connection import Queryable
from juror_app.store.edition_tables import read_institutions
from juror_app.store.organizer_schema import ensure_unlocked
from juror_app.workflows.organizer.institutions import (
    Numbering,
    categories_of,
    institution_from_fields,
    store_institutions,
)
from juror_app.workflows.organizer.table_files import Table, TableRow, read_table

HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "identyfikator", "identyfikator jednostki", "identifier", "institution id", "kod jednostki"),
    "name": ("nazwa", "nazwa jednostki", "nazwa urzedu", "nazwa instytucji", "nazwa uczestnika", "pelna nazwa",
             "jednostka", "urzad", "uczestnik", "name", "institution", "institution name", "full name"),
    "short_name": ("nazwa skrocona", "skrot", "skrot nazwy", "short name", "abbreviation"),
    "kind": ("rodzaj", "rodzaj jednostki", "typ", "typ jednostki", "kind", "type"),
    "category": ("kategoria", "kategoria konkursowa", "kategoria konkursu", "category"),
    "voivodeship": ("wojewodztwo", "woj", "woj.", "voivodeship", "province"),
    "county": ("powiat", "county", "district"),
    "commune": ("gmina", "commune", "municipality"),
    "city": ("miejscowosc", "miasto", "siedziba", "city", "town", "locality"),
    "address": ("adres", "adres siedziby", "adres jednostki", "adres korespondencyjny", "ulica", "address"),
    "person": ("kontakt", "osoba kontaktowa", "osoba do kontaktu", "contact", "contact person"),
    "email": ("e-mail", "email", "e mail", "mail", "adres e-mail", "adres email", "e-mail kontaktowy",
              "e-mail address"),
    "phone": ("telefon", "tel", "tel.", "nr telefonu", "nr tel.", "numer telefonu", "telefon kontaktowy",
              "phone", "telephone", "phone number"),
}
_ALIAS_TO_FIELD = {alias: name for name, aliases in HEADER_ALIASES.items() for alias in aliases}
HEADER_SEARCH_ROWS = 20  # title rows above the header are skipped, up to this many rows


def header_field(text: str) -> str | None:
    """The field a column header names ("Nazwa jednostki*" → "name"), or None."""
    key = folded_key(text).rstrip(":*").strip()
    key = re.sub(r"\s*\(.*\)$", "", key).strip()
    return _ALIAS_TO_FIELD.get(key)


class RowAction(str, Enum):
    ADD = "add"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    REFUSED = "refused"


ACTION_NAMES = {
    RowAction.ADD: ("dodanie", "add"),
    RowAction.UPDATE: ("aktualizacja", "update"),
    RowAction.UNCHANGED: ("bez zmian", "unchanged"),
    RowAction.REFUSED: ("odrzucony", "refused"),
}


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: str
    new: str

    def message(self, lang: str | None = None) -> str:
        label_pl, label_en, _ = FIELD_SPECS[self.field]
        return pick(f"{label_pl}: „{self.old}” → „{self.new}”", f"{label_en}: “{self.old}” → “{self.new}”", lang)


@dataclass(frozen=True)
class RowPreview:
    """What importing one row of the file would do."""

    number: int  # the row number in the file, as Excel shows it
    action: RowAction
    values: InstitutionFields  # cleaned for add/update/unchanged, as read for a refused row
    institution_id: str = ""  # the existing institution, or the id an added one will get
    changes: tuple[FieldChange, ...] = ()
    problems: tuple[Problem, ...] = ()

    def reason(self, lang: str | None = None) -> str:
        """Why refused, or what changes, in one line."""
        if self.problems:
            return "; ".join(p.message(lang) for p in self.problems)
        return "; ".join(c.message(lang) for c in self.changes)


@dataclass(frozen=True)
class ImportPreview:
    """Every row of the file with its outcome; pass it to :func:`apply_import` to write it."""

    source: Path
    table: str  # "CSV, Windows-1250, separator ;"
    header_row: int
    columns: tuple[tuple[str, str | None], ...]  # (header as written, field or None when ignored)
    rows: tuple[RowPreview, ...]
    blank_rows: int
    state: str  # digest of what the preview was computed against

    def of(self, action: RowAction) -> tuple[RowPreview, ...]:
        return tuple(r for r in self.rows if r.action is action)

    @property
    def counts(self) -> dict[RowAction, int]:
        return {action: len(self.of(action)) for action in RowAction}

    @property
    def writes(self) -> bool:
        return bool(self.of(RowAction.ADD) or self.of(RowAction.UPDATE))

    @property
    def ignored_columns(self) -> tuple[str, ...]:
        return tuple(header for header, field in self.columns if field is None and header.strip())


@dataclass(frozen=True)
class ImportResult:
    added: tuple[str, ...]  # institution ids
    updated: tuple[str, ...]
    dossiers_made: tuple[str, ...]
    refused: int


def _state(db: Queryable) -> str:
    """A digest of everything a preview depends on: institutions, contacts, dossiers, categories."""
    digest = hashlib.sha256()
    for sql in ("SELECT * FROM institutions ORDER BY id", "SELECT * FROM institution_contacts ORDER BY institution_id",
                "SELECT id, institution_id, category_id, title FROM dossiers ORDER BY id",
                "SELECT id, name FROM categories ORDER BY id"):
        for row in db.execute(sql):
            digest.update(repr(tuple(row)).encode("utf-8"))
        digest.update(b"|")
    return digest.hexdigest()


def _find_header(table: Table) -> tuple[int, dict[int, str], tuple[tuple[str, str | None], ...]]:
    """The header row's index in ``table.rows``, column index → field, and every header cell."""
    for index, row in enumerate(table.rows[:HEADER_SEARCH_ROWS]):
        mapped = {i: f for i, cell in enumerate(row.cells) if (f := header_field(cell))}
        if "name" in mapped.values():
            seen: dict[str, int] = {}
            for i, field in mapped.items():
                if field in seen:
                    first, second = row.cells[seen[field]], row.cells[i]
                    raise FormatError(
                        "duplicate_column",
                        pl=f"Wiersz nagłówka {row.number}: kolumny „{first}” i „{second}” oznaczają to samo "
                           f"({FIELD_SPECS[field][0]}). Zostaw jedną z nich.",
                        en=f"Header row {row.number}: the columns “{first}” and “{second}” mean the same "
                           f"({FIELD_SPECS[field][1]}). Keep one of them.")
                seen[field] = i
            if "category" not in seen:
                raise FormatError(
                    "no_category_column",
                    pl=f"Wiersz nagłówka {row.number} nie ma kolumny „Kategoria”; dodaj ją (nazwa kategorii lub jej identyfikator).",
                    en=f"Header row {row.number} has no “Kategoria” (category) column; add one (the category's name or id).")
            return index, mapped, tuple((cell, mapped.get(i)) for i, cell in enumerate(row.cells))
    first = next((r for r in table.rows if not r.is_blank()), None)
    shown = "; ".join(c for c in first.cells if c.strip())[:200] if first else ""
    raise FormatError(
        "no_header",
        pl="W pierwszych wierszach pliku nie ma nagłówka z kolumną „Nazwa” (lub „Nazwa jednostki”). "
           f"Pierwszy wiersz zawiera: {shown or '—'}. Dodaj wiersz nagłówka: Nazwa; Kategoria; Województwo; Powiat; "
           "Gmina; Adres; Osoba kontaktowa; E-mail; Telefon.",
        en="The first rows of the file have no header with a “Nazwa” (name) column. "
           f"The first row holds: {shown or '—'}. Add a header row: Nazwa; Kategoria; Województwo; Powiat; Gmina; "
           "Adres; Osoba kontaktowa; E-mail; Telefon.")


def _row_values(row: TableRow, mapped: dict[int, str]) -> InstitutionFields:
    values = {field: row.cells[i] if i < len(row.cells) else "" for i, field in mapped.items()}
    return InstitutionFields(**values)


def _formula_problems(row: TableRow, formula_cells: set[str]) -> list[Problem]:
    cells = sorted(c for c in formula_cells if re.fullmatch(rf"[A-Z]+{row.number}", c))
    if not cells:
        return []
    return [Problem("", "formula_without_value",
                    f"komórka {', '.join(cells)} zawiera formułę bez obliczonej wartości; otwórz plik w Excelu i "
                    "zapisz go ponownie albo wklej wartości",
                    f"cell {', '.join(cells)} holds a formula with no computed value; open the file in Excel and "
                    "save it again, or paste values")]


def _changes(stored: Institution, contact: InstitutionContact | None, new: InstitutionFields,
             given: set[str]) -> tuple[FieldChange, ...]:
    old = {"name": stored.name, "short_name": stored.short_name, "kind": stored.kind, "category": stored.category_id,
           "voivodeship": stored.voivodeship, "county": stored.county, "commune": stored.commune,
           "city": stored.city, "address": stored.address,
           "person": contact.person if contact else "", "email": contact.email if contact else "",
           "phone": contact.phone if contact else ""}
    return tuple(FieldChange(f, old[f], getattr(new, f)) for f in FIELD_NAMES
                 if f in given and f != "id" and getattr(new, f) != old[f])


def _merged(stored: Institution, contact: InstitutionContact | None, new: InstitutionFields,
            given: set[str]) -> InstitutionFields:
    """The stored values, with the file's non-empty cells over them."""
    base = InstitutionFields(
        name=stored.name, category=stored.category_id, voivodeship=stored.voivodeship, county=stored.county,
        commune=stored.commune, city=stored.city, address=stored.address, short_name=stored.short_name,
        kind=stored.kind, person=contact.person if contact else "", email=contact.email if contact else "",
        phone=contact.phone if contact else "", id=stored.id)
    return replace(base, **{f: getattr(new, f) for f in given if f != "id"})


def plan_rows(db: Database, table: Table, mapped: dict[int, str], header_index: int) -> tuple[list[RowPreview], int]:
    """Every data row's outcome against the database as it is now; and how many rows were blank."""
    categories = categories_of(db)
    stored = read_institutions(db)
    contacts = edition_setup.read_contacts(db)
    by_key = {match_key(i.name, i.category_id): i for i in stored.values()}
    numbering = Numbering(db)
    formula_cells = set(table.formula_cells)
    seen_ids: dict[str, int] = {}
    seen_keys: dict[tuple[str, str], int] = {}
    previews: list[RowPreview] = []
    blank = 0
    for row in table.rows[header_index + 1:]:
        if row.is_blank():
            blank += 1
            continue
        raw = _row_values(row, mapped)
        problems = _formula_problems(row, formula_cells) + institution_problems(raw, categories)
        if problems:
            previews.append(RowPreview(row.number, RowAction.REFUSED, raw, problems=tuple(problems)))
            continue
        values = clean_fields(raw, categories)
        key = match_key(values.name, values.category)
        duplicate_of = seen_ids.get(values.id) if values.id else None
        duplicate_of = duplicate_of or seen_keys.get(key)
        if duplicate_of:
            previews.append(RowPreview(row.number, RowAction.REFUSED, values, problems=(Problem(
                "", "duplicate_row", f"powtórzenie wiersza {duplicate_of} (ta sama jednostka w tej samej kategorii)",
                f"a repeat of row {duplicate_of} (the same institution in the same category)"),)))
            continue
        seen_keys[key] = row.number
        if values.id:
            seen_ids[values.id] = row.number
        given = {f for f in FIELD_NAMES if f in mapped.values() and getattr(values, f)}
        by_name = by_key.get(key)
        if by_name is not None and by_name.id == (values.id or by_name.id):
            given.discard("name")  # the same name written otherwise (case, diacritics, spacing): kept as stored
        target = stored.get(values.id) if values.id else by_name
        if values.id and by_name is not None and by_name.id != values.id:
            previews.append(RowPreview(row.number, RowAction.REFUSED, values, problems=(Problem(
                "id", "name_taken", f"jednostka o tej nazwie w tej kategorii ma już identyfikator {by_name.id}, "
                f"a plik podaje {values.id}", f"an institution of this name in this category already has the id "
                f"{by_name.id}, while the file gives {values.id}"),)))
            continue
        if target is None:
            institution_id = values.id or numbering.institution_id()
            numbering.claim(institution_id)
            previews.append(RowPreview(row.number, RowAction.ADD, values, institution_id))
            continue
        merged = _merged(target, contacts.get(target.id), values, given)
        changes = _changes(target, contacts.get(target.id), merged, given)
        action = RowAction.UPDATE if changes else RowAction.UNCHANGED
        previews.append(RowPreview(row.number, action, merged, target.id, changes))
    return previews, blank


def preview_import(db: Database, path: Path) -> ImportPreview:
    """Read ``path`` and say what importing it would do, row by row; nothing is written.

    A file that cannot be read at all (encoding, no header, over the limits, a broken XLSX) raises
    FormatError with what to do; every other problem is a refused row in the preview.
    """
    path = Path(path)
    table = read_table(path, header_hint=lambda cell: header_field(cell) is not None)
    header_index, mapped, columns = _find_header(table)
    rows, blank = plan_rows(db, table, mapped, header_index)
    return ImportPreview(path, table.describe(), table.rows[header_index].number, columns, tuple(rows), blank,
                         _state(db))


def apply_import(db: Database, preview: ImportPreview) -> ImportResult:
    """Write every added and updated row of ``preview`` in one transaction (refused rows are left out).

    Refused with nothing written when the database changed since the preview (preview again) or
    the results are frozen for printing.
    """
    ensure_unlocked(db, action_pl="Nie zaimportowano jednostek", action_en="The institutions were not imported")
    categories = categories_of(db)
    with db.atomic():
        if _state(db) != preview.state:
            raise ValidationError(
                "preview_outdated",
                pl="Od podglądu zmieniły się dane jednostek w bazie. Nic nie zapisano; przygotuj podgląd ponownie.",
                en="The institutions in the database changed since the preview. Nothing was written; preview again.")
        stored = read_institutions(db)
        numbering = Numbering(db)
        rows: list[tuple[Institution, InstitutionContact | None]] = []
        added, updated = [], []
        for row in preview.rows:
            if row.action not in (RowAction.ADD, RowAction.UPDATE):
                continue
            values = clean_fields(row.values, categories)
            numbering.claim(row.institution_id)
            contact = InstitutionContact(row.institution_id, values.person, values.email, values.phone)
            has_contact = any(getattr(values, f) for f in CONTACT_FIELDS) or row.action is RowAction.UPDATE
            rows.append((institution_from_fields(values, row.institution_id, stored.get(row.institution_id)),
                         contact if has_contact else None))
            (added if row.action is RowAction.ADD else updated).append(row.institution_id)
        made = store_institutions(db, rows, numbering) if rows else []
    return ImportResult(tuple(added), tuple(updated), tuple(made), len(preview.of(RowAction.REFUSED)))


def render_preview(preview: ImportPreview, lang: str | None = None, *, result: ImportResult | None = None) -> str:
    """The preview (and the result) as text: one line per row, then the counts."""
    lines = [pick(f"Plik: {preview.source.name} ({preview.table}); nagłówek w wierszu {preview.header_row}.",
                  f"File: {preview.source.name} ({preview.table}); header in row {preview.header_row}.", lang)]
    if preview.ignored_columns:
        lines.append(pick("Pominięte kolumny: ", "Ignored columns: ", lang) + ", ".join(preview.ignored_columns))
    for row in preview.rows:
        action_pl, action_en = ACTION_NAMES[row.action]
        what = pick(action_pl, action_en, lang)
        name = row.values.name or pick("(bez nazwy)", "(no name)", lang)
        target = f" [{row.institution_id}]" if row.institution_id else ""
        detail = row.reason(lang)
        lines.append(pick(f"  wiersz {row.number}: {what}{target} — {name}", f"  row {row.number}: {what}{target} — {name}", lang)
                     + (f": {detail}" if detail else ""))
    c = preview.counts
    summary_pl = (f"do dodania: {c[RowAction.ADD]}, do aktualizacji: {c[RowAction.UPDATE]}, "
                  f"bez zmian: {c[RowAction.UNCHANGED]}, odrzucone: {c[RowAction.REFUSED]}")
    summary_en = (f"{c[RowAction.ADD]} to add, {c[RowAction.UPDATE]} to update, {c[RowAction.UNCHANGED]} unchanged, "
                  f"{c[RowAction.REFUSED]} refused")
    if preview.blank_rows:
        summary_pl += f", pominięte puste: {count_pl(preview.blank_rows, 'wiersz', 'wiersze', 'wierszy')}"
        summary_en += f", {count_en(preview.blank_rows, 'blank row', 'blank rows')} skipped"
    summary = pick(summary_pl, summary_en, lang)
    lines.append(pick("Razem — ", "In all — ", lang) + summary + ".")
    if result is not None:
        lines.append(pick(
            f"Zapisano: dodano {len(result.added)}, zaktualizowano {len(result.updated)} "
            f"(nowe teczki: {len(result.dossiers_made)}).",
            f"Written: {len(result.added)} added, {len(result.updated)} updated "
            f"({count_en(len(result.dossiers_made), 'new dossier', 'new dossiers')}).", lang))
    return "\n".join(lines)
