"""Applicant institutions: registering them one by one, editing them, and what the import shares with that.

Each registered institution gets its dossier at once: **one dossier per institution per edition**,
id ``d`` + the institution's number for the usual ids (``i0007`` → ``d0007``) and ``d-<institution
id>`` for an id taken from a file (``TERYT-1261011`` → ``d-TERYT-1261011``); its title is
"Teczka zgłoszeniowa: <name>". New institutions are numbered ``i0001``, ``i0002``, … after the
highest number in use. Contact data (person, e-mail, phone) is stored apart
(``institution_contacts``) and never written into a bundle.

The editor checks fields as they are typed with :func:`institution_field_problems` (the same rules
as the import, :mod:`juror_app.domain.institution_rules`, plus "another institution already has this
name in this category"), then calls :func:`add_institution` or :func:`update_institution`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from sqlite_utils import Database

from juror_app.domain.edition_rules import Problem
from juror_app.domain.errors import StoreError, ValidationError
from juror_app.domain.institution_rules import (
    InstitutionFields,
    clean_fields,
    institution_problems,
    match_key,
)
from juror_app.domain.model import Category, Dossier, Institution, InstitutionContact
from juror_app.domain.timestamps import utc_now
from juror_app.store import edition_setup
from juror_app.store.connection import Queryable
from juror_app.store.edition_tables import read_edition, read_institutions, write_dossiers, write_institutions
from juror_app.store.organizer_schema import ensure_unlocked

_NUMBERED = re.compile(r"i(\d+)")
DOSSIER_TITLE = "Teczka zgłoszeniowa: {name}"


@dataclass(frozen=True)
class InstitutionRecord:
    """An institution as the organizer sees it: what jurors see, its contact, its dossier."""

    institution: Institution
    contact: InstitutionContact
    dossier_id: str  # "" when it has none (only institutions stored by older versions)


def categories_of(db: Queryable) -> tuple[Category, ...]:
    edition = read_edition(db)
    if edition is None:
        raise StoreError("no_edition", pl="Baza nie zawiera edycji konkursu.", en="The database holds no edition.")
    return edition.categories


def dossier_ids_by_institution(db: Queryable) -> dict[str, str]:
    ids: dict[str, str] = {}
    for dossier_id, institution_id in db.execute("SELECT id, institution_id FROM dossiers ORDER BY id"):
        ids.setdefault(institution_id, dossier_id)
    return ids


def read_records(db: Database) -> list[InstitutionRecord]:
    """Every institution with its contact and dossier, by id."""
    contacts = edition_setup.read_contacts(db)
    dossiers = dossier_ids_by_institution(db)
    return [
        InstitutionRecord(inst, contacts.get(inst.id, InstitutionContact(inst.id)), dossiers.get(inst.id, ""))
        for _, inst in sorted(read_institutions(db).items())
    ]


def fields_of(record: InstitutionRecord, categories: tuple[Category, ...] = ()) -> InstitutionFields:
    """The record as the editor's fields (the category by its name when known)."""
    inst, contact = record.institution, record.contact
    category = next((c.name for c in categories if c.id == inst.category_id), inst.category_id)
    return InstitutionFields(
        name=inst.name, category=category, voivodeship=inst.voivodeship, county=inst.county,
        commune=inst.commune, city=inst.city, address=inst.address, short_name=inst.short_name, kind=inst.kind,
        person=contact.person, email=contact.email, phone=contact.phone, id=inst.id,
    )


class Numbering:
    """Hands out new institution and dossier ids, avoiding every id in use (also within one import)."""

    def __init__(self, db: Queryable) -> None:
        self.institutions = {r[0] for r in db.execute("SELECT id FROM institutions")}
        self.dossiers = {r[0] for r in db.execute("SELECT id FROM dossiers")}
        numbers = [int(m.group(1)) for i in self.institutions if (m := _NUMBERED.fullmatch(i))]
        self.next = max(numbers, default=0) + 1

    def institution_id(self) -> str:
        while f"i{self.next:04d}" in self.institutions:
            self.next += 1
        new = f"i{self.next:04d}"
        self.institutions.add(new)
        self.next += 1
        return new

    def claim(self, institution_id: str) -> None:
        self.institutions.add(institution_id)

    def dossier_id(self, institution_id: str) -> str:
        match = _NUMBERED.fullmatch(institution_id)
        base = f"d{match.group(1)}" if match else f"d-{institution_id}"
        candidate, n = base, 1
        while candidate in self.dossiers:
            n += 1
            candidate = f"{base}-{n}"
        self.dossiers.add(candidate)
        return candidate


def institution_from_fields(values: InstitutionFields, institution_id: str,
                            base: Institution | None = None) -> Institution:
    """The stored institution for cleaned ``values`` (``head`` and ``employees`` kept from ``base``)."""
    return Institution(
        id=institution_id, name=values.name, short_name=values.short_name, kind=values.kind,
        category_id=values.category, city=values.city, voivodeship=values.voivodeship, address=values.address,
        head=base.head if base else "", employees=base.employees if base else 0,
        county=values.county, commune=values.commune,
    )


def store_institutions(db: Database, rows: list[tuple[Institution, InstitutionContact | None]],
                       numbering: Numbering) -> list[str]:
    """Write institutions (new or changed) with their contacts, and make or update each one's dossier.

    The caller holds the transaction. Returns the dossier ids made.
    """
    existing = read_institutions(db)
    dossiers = dossier_ids_by_institution(db)
    stamp = utc_now()
    made: list[str] = []
    updates: list[Dossier] = []
    write_institutions(db, [inst for inst, _ in rows])
    for inst, contact in rows:
        if contact is not None:
            edition_setup.write_contact(db, contact, updated_at=stamp)
        dossier_id = dossiers.get(inst.id)
        if dossier_id is None:
            dossier_id = numbering.dossier_id(inst.id)
            made.append(dossier_id)
            updates.append(Dossier(dossier_id, inst.id, inst.category_id, DOSSIER_TITLE.format(name=inst.name)))
            continue
        before = existing.get(inst.id)
        row = db.execute("SELECT category_id, title FROM dossiers WHERE id = ?", [dossier_id]).fetchone()
        title = row[1]
        if before is not None and title == DOSSIER_TITLE.format(name=before.name):
            title = DOSSIER_TITLE.format(name=inst.name)
        if (row[0], row[1]) != (inst.category_id, title):
            db.execute("UPDATE dossiers SET category_id = ?, title = ? WHERE id = ?", [inst.category_id, title, dossier_id])
    if updates:
        write_dossiers(db, updates)
    return made


def _taken_by(db: Queryable, categories: tuple[Category, ...], values: InstitutionFields,
              institution_id: str | None) -> Institution | None:
    """Another institution with the same name in the same category (the import's match key)."""
    wanted = match_key(values.name, values.category)
    for inst in read_institutions(db).values():
        if inst.id != institution_id and match_key(inst.name, inst.category_id) == wanted:
            return inst
    return None


def institution_field_problems(db: Database, values: InstitutionFields, *,
                               institution_id: str | None = None) -> list[Problem]:
    """Every problem of the editor's fields, each with its field; empty when the form may be saved.

    ``institution_id`` is the institution being edited (None for a new one).
    """
    categories = categories_of(db)
    problems = institution_problems(values, categories)
    if problems:
        return problems
    cleaned = clean_fields(values, categories)
    other = _taken_by(db, categories, cleaned, institution_id)
    if other is not None:
        problems.append(Problem("name", "duplicate",
                                f"Nazwa: jednostka „{other.name}” w tej kategorii już jest ({other.id}).",
                                f"Name: the institution “{other.name}” already exists in this category ({other.id})."))
    if institution_id is None and cleaned.id:
        if db.execute("SELECT 1 FROM institutions WHERE id = ?", [cleaned.id]).fetchone():
            problems.append(Problem("id", "id_taken", f"Identyfikator: „{cleaned.id}” ma już inna jednostka.",
                                    f"Identifier: “{cleaned.id}” belongs to another institution."))
    return problems


def _refuse(problems: list[Problem], *, pl: str, en: str) -> ValidationError:
    return ValidationError(
        "institution_invalid",
        pl=pl + ":\n" + "\n".join(f"- {p.pl}" for p in problems),
        en=en + ":\n" + "\n".join(f"- {p.en}" for p in problems),
        problems=tuple(problems),
    )


def add_institution(db: Database, values: InstitutionFields) -> InstitutionRecord:
    """Register one institution typed by hand (with its dossier); refused with every problem."""
    ensure_unlocked(db, action_pl="Nie dodano jednostki", action_en="The institution was not added")
    problems = institution_field_problems(db, values)
    if problems:
        raise _refuse(problems, pl="Nie dodano jednostki", en="The institution was not added")
    cleaned = clean_fields(values, categories_of(db))
    numbering = Numbering(db)
    institution_id = cleaned.id or numbering.institution_id()
    numbering.claim(institution_id)
    inst = institution_from_fields(cleaned, institution_id)
    contact = InstitutionContact(institution_id, cleaned.person, cleaned.email, cleaned.phone)
    with db.atomic():
        store_institutions(db, [(inst, contact)], numbering)
    return next(r for r in read_records(db) if r.institution.id == institution_id)


def update_institution(db: Database, institution_id: str, values: InstitutionFields) -> InstitutionRecord:
    """Replace one institution's fields with the editor's (an empty field clears the stored value).

    The identifier cannot change (bundles and scores refer to it); its dossier follows a category change.
    """
    ensure_unlocked(db, action_pl="Nie zmieniono jednostki", action_en="The institution was not changed")
    stored = read_institutions(db).get(institution_id)
    if stored is None:
        raise ValidationError("unknown_institution", pl=f"Nie ma jednostki {institution_id}.",
                              en=f"There is no institution {institution_id}.")
    values = replace(values, id="")  # the id is not editable
    problems = institution_field_problems(db, values, institution_id=institution_id)
    if problems:
        raise _refuse(problems, pl="Nie zmieniono jednostki", en="The institution was not changed")
    cleaned = clean_fields(values, categories_of(db))
    inst = institution_from_fields(cleaned, institution_id, stored)
    contact = InstitutionContact(institution_id, cleaned.person, cleaned.email, cleaned.phone)
    with db.atomic():
        store_institutions(db, [(inst, contact)], Numbering(db))
    return next(r for r in read_records(db) if r.institution.id == institution_id)
