"""Edition databases for the assignment screen's tests, made through the organizer's workflows.

A *fresh* edition has the template's structure, institutions with their (empty) dossiers and enrolled
jurors, and nothing assigned yet: what an organizer has before the first plan. The names come from the
demo's lists so that the screen shows what an office would see; nothing else of the demo is used.
The national-scale one (2,000 dossiers, 60 jurors) is built the same way, without PDFs.
"""

from __future__ import annotations

import random
from pathlib import Path

from juror_app.domain.model import Dossier
from juror_app.exchange.enrollment import read_enrollment, write_enrollment
from juror_app.store.blobs import BlobStore
from juror_app.store.organizer_schema import open_organizer_db
from juror_app.workflows.demo import data as names
from juror_app.workflows.demo.generate import demo_key
from juror_app.workflows.organizer import edition as edition_flow
from juror_app.workflows.organizer import documents, setup

CONFLICT_REASON = "Była pracownica tego urzędu (do 2024 r.)."


def build_fresh_edition(folder: Path, *, institutions: int = 12, jurors: int = 5, seed: int = 11,
                        conflicts: int = 1) -> Path:
    """Write ``folder/organizer.sqlite``: an edition with applicants and jurors, nothing assigned.

    ``conflicts`` known conflicts are recorded: juror j001 with the first institutions.
    """
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "organizer.sqlite"
    rng = random.Random(seed)
    db = open_organizer_db(path)
    try:
        organizer = demo_key(seed, "organizer")
        edition_flow.create_edition(db, names.demo_edition(), organizer.public_key())
        made = [d.institution for d in names.make_institutions(institutions, rng)]
        dossiers = [Dossier(f"d{n:04d}", i.id, i.category_id, f"Dokumentacja zgłoszeniowa: {i.name}")
                    for n, i in enumerate(made, start=1)]
        documents.add_dossiers(db, BlobStore.beside(path), made, dossiers, files={})
        (folder / "enrollments").mkdir(exist_ok=True)
        for n, person in enumerate(names.make_jurors(jurors, rng), start=1):
            file = folder / "enrollments" / f"juror-{n:03d}.pu-enrollment"
            write_enrollment(file, private_key=demo_key(seed, f"juror-{n}"), name=person.name,
                             affiliation=person.affiliation, email=person.email)
            setup.enroll(db, read_enrollment(file), role=person.role)
        with db.atomic():
            for institution in made[:conflicts]:
                db["known_conflicts"].insert({"juror_id": "j001", "institution_id": institution.id,
                                              "reason": CONFLICT_REASON})
    finally:
        db.close()
    return path


def add_new_dossiers(path: Path, count: int = 2) -> list[str]:
    """A second round: ``count`` new applicants, each with a dossier, in the first category."""
    from juror_app.domain.model import Institution

    db = open_organizer_db(path)
    try:
        category = db.execute("SELECT id FROM categories ORDER BY position LIMIT 1").fetchone()[0]
        made = [Institution(f"inew{n}", f"Urząd Gminy Nowa Wieś {n}", f"UG Nowa Wieś {n}", "urzad_gminy", category,
                            "Nowa Wieś", "mazowieckie") for n in range(1, count + 1)]
        dossiers = [Dossier(f"d9{n:03d}", i.id, category, f"Dokumentacja: {i.name}") for n, i in enumerate(made, 1)]
        documents.add_dossiers(db, BlobStore.beside(path), made, dossiers, files={})
    finally:
        db.close()
    return [d.id for d in dossiers]
