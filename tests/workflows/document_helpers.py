"""Test material for the documents import: a real edition with registered applicants, and folders of their PDFs.

The edition is made as the organizer makes one (``new_edition`` from the template, institutions
through ``add_institution``); the PDFs are the demo's documents, rendered here for the tests only
(the workflow never uses the demo's renderer).
"""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

from juror_app.domain.institution_rules import InstitutionFields
from juror_app.domain.model import DocumentKind
from juror_app.exchange.keys import KdfParams
from juror_app.store.organizer_schema import open_organizer_db
from juror_app.workflows.demo import data as demo_data
from juror_app.workflows.demo.data import DemoInstitution
from juror_app.workflows.demo.documents import render_document
from juror_app.workflows.organizer.edition import EditionStart, NewKey, new_edition
from juror_app.workflows.organizer.institutions import add_institution
from juror_app.workflows.organizer.templates import EditionHead

LIGHT = KdfParams(time_cost=1, memory_cost_kib=8 * 1024, lanes=1)
PASS = "kaczka-rower-sufit-ogórek"
STAGE_I = (DocumentKind.APPLICATION_FORM, DocumentKind.QUALITY_POLICY)
STAGE_II = (DocumentKind.MYSTERY_CLIENT_REPORT, DocumentKind.EXTERNAL_INFORMATION)
# File names as an office might write them (Polish words, so the kind is inferred from the name).
FILE_NAMES = {
    DocumentKind.APPLICATION_FORM: "Formularz zgłoszeniowy",
    DocumentKind.QUALITY_POLICY: "Polityka jakości",
    DocumentKind.MYSTERY_CLIENT_REPORT: "Raport tajemniczego klienta",
    DocumentKind.EXTERNAL_INFORMATION: "Informacja zewnętrzna",
}


def make_edition(folder: Path, count: int, *, seed: int = 11) -> tuple[Path, list[DemoInstitution]]:
    """A new edition from the template with ``count`` institutions (ids i0001…), each with its dossier."""
    folder.mkdir(parents=True, exist_ok=True)
    db_path = folder / "E.sqlite"
    new_edition(db_path, EditionHead("Edycja testowa", 2027), EditionStart(), NewKey(folder / "org.key", PASS, PASS, LIGHT))
    items = demo_data.make_institutions(count, random.Random(seed))
    db = open_organizer_db(db_path)
    try:
        for item in items:
            inst = item.institution
            record = add_institution(db, InstitutionFields(name=inst.name, category=inst.category_id,
                                                           voivodeship=inst.voivodeship, city=inst.city))
            assert record.institution.id == inst.id, (record.institution.id, inst.id)
    finally:
        db.close()
    return db_path, items


def pdf_of(item: DemoInstitution, kind: DocumentKind, *, seed: int = 11) -> bytes:
    edition = demo_data.demo_edition()
    category = next(c for c in edition.categories if c.id == item.institution.category_id)
    data, _ = render_document(kind, item, category, demo_data.texts(), edition_name="Edycja testowa", year=2027, seed=seed)
    return data


def write_folder(folder: Path, items: list[DemoInstitution], kinds=STAGE_I, *, layout: str = "id") -> list[Path]:
    """One subfolder per institution (``layout``: "id", "name" or "dossier"), or ``"files"``: ``i0007 <kind>.pdf``."""
    written = []
    for item in items:
        inst = item.institution
        for kind in kinds:
            name = FILE_NAMES[kind] + ".pdf"
            if layout == "files":
                path = folder / f"{inst.id} {name}"
            else:
                sub = {"id": inst.id, "name": inst.name, "dossier": "d" + inst.id[1:]}[layout]
                path = folder / sub / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(pdf_of(item, kind))
            written.append(path)
    return written


def dump(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()
