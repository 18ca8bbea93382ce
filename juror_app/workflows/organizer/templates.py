"""Where a new edition's structure comes from: a built-in template, an earlier edition, or nothing.

A **template** is a JSON file in ``data/templates/<id>.json`` (described in
``data/templates/README.md``): a ``template`` header (``id``, ``format_version``, ``name``,
``description``, ``description_en``) and the structure of an edition — ``stages``, ``categories``,
``criteria`` (with rubric ``levels``), ``distinctions`` and ``certification_rule`` — in exactly the
form an assignment bundle's ``edition.json`` uses. It has no edition header: the organizer gives
the name, year and number of each new edition. The built-in one is "Przyjazny Urząd"
(``przyjazny-urzad``), the competition as the demo plays it.

Every edition made here passes through :func:`juror_app.domain.codec.edition_from_dict`, so a
template that breaks a rule of :mod:`juror_app.domain.edition_rules` is refused with the reason.
"""

from __future__ import annotations

import json
import re
import secrets
import sqlite3
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from juror_app.domain import codec
from juror_app.domain.errors import FormatError, StoreError, UserError, ValidationError
from juror_app.domain.i18n import pick
from juror_app.domain.model import CertificationRule, Edition, Stage, StageId
from juror_app.store.connection import applied_migrations, open_connection
from juror_app.store.edition_tables import read_edition
from juror_app.workflows.data_files import data_dir

TEMPLATE_FORMAT_VERSION = 1
DEFAULT_TEMPLATE = "przyjazny-urzad"
STRUCTURE_KEYS = ("stages", "categories", "criteria", "distinctions", "certification_rule")
_TEMPLATE_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
MAX_TEMPLATE_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True)
class EditionHead:
    """What the organizer says about a new edition; the structure comes from its start."""

    name: str
    year: int
    number: int | None = None  # None: the earlier edition's number + 1 when copying, else 1
    organizer: str | None = None  # None: the earlier edition's organizer when copying, else ""
    edition_id: str | None = None  # None: a new one, "pu-<year>-<8 hex digits>"
    scoring_deadline: str = ""
    meeting_date: str = ""
    meeting_place: str = ""


@dataclass(frozen=True)
class TemplateInfo:
    id: str
    name: str
    description_pl: str
    description_en: str
    path: Path

    def description(self, lang: str | None = None) -> str:
        return pick(self.description_pl, self.description_en, lang)


def templates_dir() -> Path:
    return data_dir() / "templates"


def _unknown_template(template_id: str) -> ValidationError:
    known = ", ".join(t.id for t in list_templates()) or "—"
    return ValidationError(
        "unknown_template",
        pl=f"Nie ma szablonu edycji „{template_id}”. Dostępne szablony: {known}.",
        en=f"There is no edition template “{template_id}”. Available templates: {known}.",
    )


def _read_template(path: Path) -> dict[str, Any]:
    try:
        raw = path.read_bytes()
        if len(raw) > MAX_TEMPLATE_BYTES:
            raise ValueError("too large")
        data = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError) as exc:
        raise FormatError(
            "bad_template",
            pl=f"Szablonu edycji „{path.name}” nie można odczytać ({exc}). Zainstaluj program ponownie.",
            en=f"The edition template “{path.name}” cannot be read ({exc}). Reinstall the program.",
        ) from exc
    head = data.get("template") if isinstance(data, dict) else None
    if not isinstance(head, dict) or head.get("id") != path.stem or head.get("format_version") != TEMPLATE_FORMAT_VERSION:
        raise FormatError(
            "bad_template",
            pl=f"Plik „{path.name}” nie jest szablonem edycji w wersji {TEMPLATE_FORMAT_VERSION} "
               "(nagłówek „template” z polami id i format_version).",
            en=f"The file “{path.name}” is not an edition template of version {TEMPLATE_FORMAT_VERSION} "
               "(a “template” header with id and format_version).",
        )
    return data


def list_templates() -> list[TemplateInfo]:
    """The built-in templates, by id."""
    found = []
    folder = templates_dir()
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else ():
        if not _TEMPLATE_ID.fullmatch(path.stem):
            continue
        head = _read_template(path)["template"]
        found.append(TemplateInfo(path.stem, str(head.get("name", path.stem)), str(head.get("description", "")),
                                  str(head.get("description_en", head.get("description", ""))), path))
    return found


def template_structure(template_id: str = DEFAULT_TEMPLATE) -> dict[str, Any]:
    """The template's structure (``stages`` … ``certification_rule``) as bundle-form dictionaries."""
    if not _TEMPLATE_ID.fullmatch(template_id or ""):
        raise _unknown_template(template_id)
    path = templates_dir() / f"{template_id}.json"
    if not path.is_file():
        raise _unknown_template(template_id)
    data = _read_template(path)
    missing = [key for key in STRUCTURE_KEYS if key not in data]
    if missing:
        raise FormatError("bad_template", pl=f"W szablonie „{template_id}” brakuje: {', '.join(missing)}.",
                          en=f"The template “{template_id}” lacks: {', '.join(missing)}.")
    return {key: data[key] for key in STRUCTURE_KEYS}


def new_edition_id(year: int) -> str:
    """A fresh edition identifier: bundles and packages of two editions can never be mixed up."""
    return f"pu-{year}-{secrets.token_hex(4)}"


def _head_dict(head: EditionHead, *, number: int, organizer: str) -> dict[str, Any]:
    return {
        "id": head.edition_id or new_edition_id(head.year),
        "number": number,
        "year": head.year,
        "name": head.name,
        "organizer": organizer,
        "scoring_deadline": head.scoring_deadline,
        "meeting_date": head.meeting_date,
        "meeting_place": head.meeting_place,
    }


def edition_from_template(head: EditionHead, template_id: str = DEFAULT_TEMPLATE) -> Edition:
    """A new edition with the template's structure, checked by every rule (the codec's)."""
    data = {"edition": _head_dict(head, number=head.number or 1, organizer=head.organizer or ""),
            **template_structure(template_id)}
    try:
        return codec.edition_from_dict(data)
    except FormatError as exc:
        # Either the organizer's head fields (name, year, number) or a broken installed template.
        raise ValidationError(exc.code, pl=exc.pl, en=exc.en, **exc.details) from exc


def empty_edition(head: EditionHead) -> Edition:
    """Only the two stages: categories and criteria are added in the editor before any bundle is issued."""
    return Edition(
        id=head.edition_id or new_edition_id(head.year),
        number=head.number or 1,
        year=head.year,
        name=head.name,
        organizer=head.organizer or "",
        stages=(
            Stage(StageId.I, "Etap I — ocena dokumentacji zgłoszeniowej"),
            Stage(StageId.II, "Etap II — weryfikacja"),
        ),
        categories=(),
        criteria=(),
        distinctions=(),
        certification_rule=CertificationRule(total_pct_min=0.0),
        scoring_deadline=head.scoring_deadline,
        meeting_date=head.meeting_date,
        meeting_place=head.meeting_place,
    )


def read_earlier_edition(path: Path) -> Edition:
    """The edition stored in an earlier edition's database, read without changing that file.

    Opened read-only (no migration, no WAL switch), after checking that it is an organizer
    database at all: the earlier edition's file is evidence and must stay as it was.
    """
    path = Path(path)
    if not path.is_file() or path.stat().st_size == 0:
        raise StoreError(
            "not_an_edition_database",
            pl=f"„{path}” nie jest bazą edycji konkursu (plik nie istnieje albo jest pusty).",
            en=f"“{path}” is not an edition database (the file is missing or empty).",
        )
    conn = open_connection(path, readonly=True, wal=False)
    try:
        if not applied_migrations(conn, "organizer"):
            raise StoreError(
                "not_an_edition_database",
                pl=f"„{path}” nie jest bazą edycji konkursu zapisaną przez ten program (organizatora).",
                en=f"“{path}” is not an edition database written by this program (the organizer's).",
            )
        edition = read_edition(conn)
    except sqlite3.DatabaseError as exc:
        raise StoreError(
            "cannot_open_database",
            pl=f"Nie można odczytać edycji z „{path}”: {exc}.",
            en=f"Cannot read the edition from “{path}”: {exc}.",
        ) from exc
    finally:
        conn.close()
    if edition is None:
        raise StoreError("no_edition", pl=f"Baza „{path}” nie zawiera edycji.", en=f"The database “{path}” holds no edition.")
    return edition


def edition_copied_from(earlier: Edition, head: EditionHead) -> Edition:
    """The earlier edition's structure under a new identity: nothing about people, dossiers or scores.

    Stages, categories, criteria (with rubric levels), distinctions and the certification rule are
    kept; the identifier is new; number defaults to the earlier one + 1 and the organizer to the
    earlier one; dates and place are the new edition's own.
    """
    number = head.number or min(earlier.number + 1, 1000)
    organizer = earlier.organizer if head.organizer is None else head.organizer
    criteria = tuple(replace(c, position=i) for i, c in enumerate(earlier.criteria))
    return replace(
        earlier,
        id=head.edition_id or new_edition_id(head.year),
        number=number,
        year=head.year,
        name=head.name,
        organizer=organizer,
        criteria=criteria,
        scoring_deadline=head.scoring_deadline,
        meeting_date=head.meeting_date,
        meeting_place=head.meeting_place,
    )


def describe_start(kind: str, source: str = "") -> str:
    """"z szablonu „przyjazny-urzad”" / "from the template “przyjazny-urzad”", for summaries."""
    if kind == "template":
        return pick(f"z szablonu „{source}”", f"from the template “{source}”")
    if kind == "copy":
        return pick(f"z kopii struktury edycji „{source}”", f"from a copy of the structure of “{source}”")
    if kind == "empty":
        return pick("pusta (tylko dwa etapy)", "empty (the two stages only)")
    raise UserError("unknown_start", pl=f"Nieznany początek edycji: {kind}.", en=f"Unknown start of an edition: {kind}.")
