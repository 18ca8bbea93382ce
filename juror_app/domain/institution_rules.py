"""What an applicant institution's fields must be: one set of rules for the import and for the hand editor.

An institution is entered as text (a row of a CSV/XLSX file, or the fields of the editor), in
:class:`InstitutionFields`. :func:`institution_problems` returns every problem with the field it
belongs to (the same :class:`~juror_app.domain.edition_rules.Problem` the edition editor uses);
:func:`clean_fields` gives the values that would be stored: whitespace collapsed, the category
resolved to its id, the voivodeship to its official name.

- **name**: required, at most 500 characters.
- **category**: required; the category's name as in the edition *or* its id, case-insensitive and
  tolerant of missing Polish diacritics ("urzedy gmin" finds "Urzędy gmin").
- **voivodeship**: empty, or one of Poland's 16 (:data:`VOIVODESHIPS`), also written as
  "Województwo Mazowieckie", "woj. mazowieckie" or without diacritics.
- **county**, **commune**, **city**, **address**, **short name**, **kind**: free text with limits.
- **contact** (person, e-mail, phone): the organizer's own; never sent to jurors. An e-mail must
  look like one (several may be separated by ``;`` or ``,``); a phone has at least 6 digits.
- **id** (optional): an identifier of letters, digits, ``-``, ``_``, ``.`` (at most 60 characters,
  so that the dossier id made from it fits).

Text is kept as typed apart from whitespace: a cell starting with ``=``, ``+``, ``-`` or ``@`` stays
text (nothing is ever evaluated). Invisible control characters are refused.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, fields, replace
from typing import Sequence

from juror_app.domain.edition_rules import Problem
from juror_app.domain.model import Category
from juror_app.domain.text_folding import fold

VOIVODESHIPS = (
    "dolnośląskie", "kujawsko-pomorskie", "lubelskie", "lubuskie", "łódzkie", "małopolskie",
    "mazowieckie", "opolskie", "podkarpackie", "podlaskie", "pomorskie", "śląskie",
    "świętokrzyskie", "warmińsko-mazurskie", "wielkopolskie", "zachodniopomorskie",
)
MAX_INSTITUTION_ID = 60

# field → (Polish label, English label, maximum length)
FIELD_SPECS: dict[str, tuple[str, str, int]] = {
    "id": ("identyfikator", "identifier", MAX_INSTITUTION_ID),
    "name": ("nazwa", "name", 500),
    "short_name": ("nazwa skrócona", "short name", 200),
    "kind": ("rodzaj jednostki", "kind", 100),
    "category": ("kategoria", "category", 300),
    "voivodeship": ("województwo", "voivodeship", 100),
    "county": ("powiat", "county", 200),
    "commune": ("gmina", "commune", 200),
    "city": ("miejscowość", "town", 200),
    "address": ("adres", "address", 500),
    "person": ("osoba kontaktowa", "contact person", 300),
    "email": ("e-mail", "e-mail", 320),
    "phone": ("telefon", "phone", 60),
}
CONTACT_FIELDS = ("person", "email", "phone")

_IDENT = re.compile(r"[A-Za-z0-9._-]+")
_VOIVODESHIP_BY_FOLDED = {fold(name): name for name in VOIVODESHIPS}
_EMAIL = re.compile(r"[^@\s;,]+@[^@\s;,]+\.[^@\s;,]+")
_QUOTES = str.maketrans({"„": '"', "”": '"', "“": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "–": "-", "—": "-"})


@dataclass(frozen=True)
class InstitutionFields:
    """An institution as typed (every field text; empty = not given)."""

    name: str = ""
    category: str = ""
    voivodeship: str = ""
    county: str = ""
    commune: str = ""
    city: str = ""
    address: str = ""
    short_name: str = ""
    kind: str = ""
    person: str = ""
    email: str = ""
    phone: str = ""
    id: str = ""


FIELD_NAMES = tuple(f.name for f in fields(InstitutionFields))


def collapse(text: str) -> str:
    """Whitespace runs (also line breaks typed with Alt+Enter in Excel) become one space; ends trimmed."""
    return " ".join((text or "").split())


def folded_key(text: str) -> str:
    """For comparing names: case, diacritics, quote styles, dashes and spacing do not matter."""
    return collapse(fold(unicodedata.normalize("NFC", collapse(text)).translate(_QUOTES)))


def match_key(name: str, category_id: str) -> tuple[str, str]:
    """How an institution is recognised without an id: its name (folded) within its category."""
    return folded_key(name), category_id


def voivodeship_of(text: str) -> str | None:
    """The official name of the voivodeship ``text`` names ("" for empty), None when there is none such."""
    key = folded_key(text)
    if not key:
        return ""
    key = re.sub(r"^(wojewodztwo|woj\.?)\s*", "", key).strip()
    return _VOIVODESHIP_BY_FOLDED.get(key)


def category_of(text: str, categories: Sequence[Category]) -> Category | None:
    """The category named (or identified) by ``text``; None when no category matches."""
    key = folded_key(text)
    if not key:
        return None
    by_id, by_folded = _category_index(tuple(categories))
    return by_id.get(collapse(text).lower()) or by_folded.get(key)


@functools.lru_cache(maxsize=16)
def _category_index(categories: tuple[Category, ...]) -> tuple[dict[str, Category], dict[str, Category]]:
    """Lookups for :func:`category_of`: by id (case-insensitive), then by folded name or id."""
    by_id: dict[str, Category] = {}
    by_folded: dict[str, Category] = {}
    for category in categories:
        by_id.setdefault(category.id.lower(), category)
    for category in categories:
        by_folded.setdefault(folded_key(category.name), category)
    for category in categories:
        by_folded.setdefault(folded_key(category.id), category)
    return by_id, by_folded


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")  # Unicode "Cc" that is not whitespace


def _has_control(text: str) -> bool:
    return _CONTROL.search(text) is not None


def _field_problem(name: str, code: str, pl: str, en: str) -> Problem:
    label_pl, label_en, _ = FIELD_SPECS[name]
    return Problem(name, code, f"{label_pl.capitalize()}: {pl}", f"{label_en.capitalize()}: {en}")


def institution_problems(values: InstitutionFields, categories: Sequence[Category]) -> list[Problem]:
    """Every problem of one institution's fields, each with its field (see the module's rules)."""
    problems: list[Problem] = []
    for name in FIELD_NAMES:
        raw = getattr(values, name)
        if not isinstance(raw, str):
            problems.append(_field_problem(name, "not_text", "to musi być tekst.", "must be text."))
            continue
        _, _, limit = FIELD_SPECS[name]
        if _has_control(raw):
            problems.append(_field_problem(name, "control_characters",
                                           "zawiera niewidoczne znaki sterujące; wpisz wartość ponownie.",
                                           "holds invisible control characters; type the value again."))
        elif len(collapse(raw)) > limit:
            problems.append(_field_problem(name, "too_long", f"najwyżej {limit} znaków (jest {len(collapse(raw))}).",
                                           f"at most {limit} characters (it has {len(collapse(raw))})."))
    if problems and any(p.code == "not_text" for p in problems):
        return problems
    if not collapse(values.name):
        problems.append(_field_problem("name", "empty_name", "brak nazwy jednostki.", "the institution has no name."))
    category_text = collapse(values.category)
    if not category_text:
        problems.append(_field_problem("category", "no_category", "brak kategorii.", "no category given."))
    elif category_of(category_text, categories) is None:
        known = "; ".join(c.name for c in categories) or "—"
        problems.append(_field_problem(
            "category", "unknown_category",
            f"nieznana kategoria „{category_text}”. Kategorie tej edycji: {known}.",
            f"unknown category “{category_text}”. This edition's categories: {known}."))
    if voivodeship_of(values.voivodeship) is None:
        problems.append(_field_problem(
            "voivodeship", "unknown_voivodeship",
            f"nieznane województwo „{collapse(values.voivodeship)}”. Województwa: {', '.join(VOIVODESHIPS)}.",
            f"unknown voivodeship “{collapse(values.voivodeship)}”. The voivodeships: {', '.join(VOIVODESHIPS)}."))
    ident = collapse(values.id)
    if ident and not _IDENT.fullmatch(ident):
        problems.append(_field_problem(
            "id", "bad_id",
            f"„{ident}” nie jest identyfikatorem (litery bez polskich znaków, cyfry, - _ .; do {MAX_INSTITUTION_ID} znaków).",
            f"“{ident}” is not an identifier (ASCII letters, digits, - _ .; up to {MAX_INSTITUTION_ID} characters)."))
    email = collapse(values.email)
    if email and not all(_EMAIL.fullmatch(part.strip()) for part in re.split(r"[;,]", email) if part.strip()):
        problems.append(_field_problem("email", "bad_email", f"„{email}” nie wygląda na adres e-mail.",
                                       f"“{email}” does not look like an e-mail address."))
    phone = collapse(values.phone)
    if phone and sum(ch.isdigit() for ch in phone) < 6:
        problems.append(_field_problem("phone", "bad_phone", f"„{phone}” nie wygląda na numer telefonu (za mało cyfr).",
                                       f"“{phone}” does not look like a phone number (too few digits)."))
    return problems


def clean_fields(values: InstitutionFields, categories: Sequence[Category]) -> InstitutionFields:
    """The values as stored: whitespace collapsed, ``category`` = the category's id, official voivodeship.

    Call only when :func:`institution_problems` found nothing.
    """
    cleaned = replace(values, **{name: collapse(getattr(values, name)) for name in FIELD_NAMES})
    category = category_of(cleaned.category, categories)
    return replace(cleaned, category=category.id if category else cleaned.category,
                   voivodeship=voivodeship_of(cleaned.voivodeship) or "")
