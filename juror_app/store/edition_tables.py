"""Tables describing an edition, shared by the juror's and the organizer's databases.

Both sides hold the same picture of the edition (criteria, rubric, institutions, dossiers and
their documents); keeping one definition means a bundle's content maps onto either the same way.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Iterable

from juror_app.domain.model import (
    Category,
    CertificationRule,
    Criterion,
    Distinction,
    Document,
    DocumentKind,
    Dossier,
    Edition,
    Institution,
    RubricLevel,
    Stage,
    StageId,
)
from juror_app.store.connection import Queryable, run_statements

if TYPE_CHECKING:
    from sqlite_utils import Database

_KINDS = ", ".join(f"'{k.value}'" for k in DocumentKind)

EDITION_DDL = f"""
CREATE TABLE edition (
    id TEXT PRIMARY KEY,
    number INTEGER NOT NULL,
    year INTEGER NOT NULL,
    name TEXT NOT NULL,
    organizer TEXT NOT NULL DEFAULT '',
    scoring_deadline TEXT NOT NULL DEFAULT '',
    meeting_date TEXT NOT NULL DEFAULT '',
    meeting_place TEXT NOT NULL DEFAULT '',
    certification_total_pct_min REAL NOT NULL,
    certification_stage_pct_min TEXT NOT NULL DEFAULT '{{}}',
    certification_description TEXT NOT NULL DEFAULT ''
);
CREATE TABLE stages (
    id TEXT PRIMARY KEY CHECK (id IN ('I', 'II')),
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT ''
);
CREATE TABLE categories (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE criteria (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    stage TEXT NOT NULL REFERENCES stages(id),
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    weight REAL NOT NULL CHECK (weight >= 0),
    max_points REAL NOT NULL CHECK (max_points > 0),
    step REAL NOT NULL CHECK (step > 0),
    position INTEGER NOT NULL,
    active INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE rubric_levels (
    criterion_id TEXT NOT NULL REFERENCES criteria(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    points_from REAL NOT NULL,
    points_to REAL NOT NULL,
    label TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (criterion_id, position)
);
CREATE TABLE distinctions (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT ''
);
CREATE TABLE institutions (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    short_name TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT '',
    category_id TEXT NOT NULL REFERENCES categories(id),
    city TEXT NOT NULL DEFAULT '',
    voivodeship TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    head TEXT NOT NULL DEFAULT '',
    employees INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE dossiers (
    id TEXT PRIMARY KEY,
    institution_id TEXT NOT NULL REFERENCES institutions(id),
    category_id TEXT NOT NULL REFERENCES categories(id),
    title TEXT NOT NULL
);
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    dossier_id TEXT NOT NULL REFERENCES dossiers(id),
    kind TEXT NOT NULL CHECK (kind IN ({_KINDS})),
    title TEXT NOT NULL,
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    size INTEGER NOT NULL,
    pages INTEGER NOT NULL DEFAULT 0,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX documents_by_dossier ON documents(dossier_id, position);
CREATE INDEX dossiers_by_category ON dossiers(category_id)
"""

EDITION_TABLES = {
    "edition", "stages", "categories", "criteria", "rubric_levels", "distinctions",
    "institutions", "dossiers", "documents",
}


def create_edition_tables(db: Database) -> None:
    run_statements(db, EDITION_DDL)


def write_edition(db: Database, edition: Edition) -> None:
    """Insert or update the edition, its stages, categories, criteria (with levels) and distinctions.

    Criteria missing from ``edition`` but present in the database are kept and marked inactive, so
    that scores given to them are never lost.
    """
    rule = edition.certification_rule
    db["edition"].upsert(
        {
            "id": edition.id,
            "number": edition.number,
            "year": edition.year,
            "name": edition.name,
            "organizer": edition.organizer,
            "scoring_deadline": edition.scoring_deadline,
            "meeting_date": edition.meeting_date,
            "meeting_place": edition.meeting_place,
            "certification_total_pct_min": rule.total_pct_min,
            "certification_stage_pct_min": json.dumps(rule.stage_pct_min, sort_keys=True),
            "certification_description": rule.description,
        },
        pk="id",
    )
    db["stages"].upsert_all(
        [{"id": s.id.value, "name": s.name, "description": s.description} for s in edition.stages], pk="id"
    )
    db["categories"].upsert_all(
        [
            {"id": c.id, "name": c.name, "description": c.description, "position": i}
            for i, c in enumerate(edition.categories)
        ],
        pk="id",
    )
    db.execute("UPDATE criteria SET active = 0")
    db["criteria"].upsert_all(
        [
            {
                "id": c.id, "code": c.code, "stage": c.stage.value, "name": c.name,
                "description": c.description, "weight": c.weight, "max_points": c.max_points,
                "step": c.step, "position": c.position, "active": 1,
            }
            for c in edition.criteria
        ],
        pk="id",
    )
    for c in edition.criteria:
        db.execute("DELETE FROM rubric_levels WHERE criterion_id = ?", [c.id])
    db["rubric_levels"].insert_all(
        [
            {
                "criterion_id": c.id, "position": i, "points_from": lv.points_from,
                "points_to": lv.points_to, "label": lv.label, "description": lv.description,
            }
            for c in edition.criteria
            for i, lv in enumerate(c.levels)
        ]
    )
    db["distinctions"].upsert_all(
        [{"id": d.id, "name": d.name, "description": d.description} for d in edition.distinctions], pk="id"
    )


def read_edition(db: Queryable) -> Edition | None:
    """The edition stored in ``db`` with its active criteria, or None before any was stored."""
    row = db.execute("SELECT * FROM edition LIMIT 1").fetchone()
    if row is None:
        return None
    cols = [d[0] for d in db.execute("SELECT * FROM edition LIMIT 0").description]
    head = dict(zip(cols, row))
    levels: dict[str, list[RubricLevel]] = {}
    for criterion_id, points_from, points_to, label, description in db.execute(
        "SELECT criterion_id, points_from, points_to, label, description FROM rubric_levels"
        " ORDER BY criterion_id, position"
    ):
        levels.setdefault(criterion_id, []).append(RubricLevel(points_from, points_to, label, description))
    criteria = tuple(
        Criterion(
            id=r[0], code=r[1], stage=StageId(r[2]), name=r[3], description=r[4], weight=r[5],
            max_points=r[6], step=r[7], levels=tuple(levels.get(r[0], [])), position=r[8],
        )
        for r in db.execute(
            "SELECT id, code, stage, name, description, weight, max_points, step, position"
            " FROM criteria WHERE active = 1 ORDER BY position, id"
        )
    )
    return Edition(
        id=head["id"],
        number=head["number"],
        year=head["year"],
        name=head["name"],
        organizer=head["organizer"],
        stages=tuple(
            Stage(StageId(r[0]), r[1], r[2])
            for r in db.execute("SELECT id, name, description FROM stages ORDER BY id")
        ),
        categories=tuple(
            Category(*r)
            for r in db.execute("SELECT id, name, description FROM categories ORDER BY position, id")
        ),
        criteria=criteria,
        distinctions=tuple(
            Distinction(*r) for r in db.execute("SELECT id, name, description FROM distinctions ORDER BY id")
        ),
        certification_rule=CertificationRule(
            total_pct_min=head["certification_total_pct_min"],
            stage_pct_min=json.loads(head["certification_stage_pct_min"]),
            description=head["certification_description"],
        ),
        scoring_deadline=head["scoring_deadline"],
        meeting_date=head["meeting_date"],
        meeting_place=head["meeting_place"],
    )


# County (powiat) and commune (gmina) of an institution: both stores add them (organizer m005,
# juror m004), since both hold the institutions a bundle carries.
INSTITUTION_DETAILS_DDL = """
ALTER TABLE institutions ADD COLUMN county TEXT NOT NULL DEFAULT '';
ALTER TABLE institutions ADD COLUMN commune TEXT NOT NULL DEFAULT ''
"""


def write_institutions(db: Database, institutions: Iterable[Institution]) -> None:
    db["institutions"].upsert_all(
        (
            {
                "id": i.id, "name": i.name, "short_name": i.short_name, "kind": i.kind,
                "category_id": i.category_id, "city": i.city, "voivodeship": i.voivodeship,
                "address": i.address, "head": i.head, "employees": i.employees,
                "county": i.county, "commune": i.commune,
            }
            for i in institutions
        ),
        pk="id",
        batch_size=500,
    )


def read_institutions(db: Database) -> dict[str, Institution]:
    return {
        r[0]: Institution(*r)
        for r in db.execute(
            "SELECT id, name, short_name, kind, category_id, city, voivodeship, address, head, employees,"
            " county, commune FROM institutions"
        )
    }


def write_dossiers(db: Database, dossiers: Iterable[Dossier]) -> None:
    """Insert or update dossiers and replace their document lists."""
    dossier_rows = []
    document_rows = []
    for d in dossiers:
        dossier_rows.append({"id": d.id, "institution_id": d.institution_id, "category_id": d.category_id, "title": d.title})
        for position, doc in enumerate(d.documents):
            document_rows.append(
                {
                    "id": doc.id, "dossier_id": d.id, "kind": doc.kind.value, "title": doc.title,
                    "sha256": doc.sha256, "size": doc.size, "pages": doc.pages, "position": position,
                }
            )
    db["dossiers"].upsert_all(dossier_rows, pk="id", batch_size=500)
    if dossier_rows:
        ids = [r["id"] for r in dossier_rows]
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            db.execute(
                f"DELETE FROM documents WHERE dossier_id IN ({','.join('?' * len(chunk))})", chunk
            )
    db["documents"].insert_all(document_rows, batch_size=500)


def read_dossiers(db: Database, ids: Iterable[str] | None = None) -> list[Dossier]:
    """Dossiers with their documents, all or those in ``ids`` (read through a temp table, not N queries)."""
    if ids is None:
        where, params = "", []
    else:
        db.execute("CREATE TEMP TABLE IF NOT EXISTS wanted_dossiers (id TEXT PRIMARY KEY)")
        # In a transaction of its own: sqlite3 would otherwise leave an implicit one open after the
        # DELETE/INSERT, and a caller's later ``db.atomic()`` would become a savepoint inside it that
        # is never committed (export_bundle's record of the issued bundle was lost on close).
        with db.atomic():
            db.execute("DELETE FROM wanted_dossiers")
            db.conn.executemany("INSERT OR IGNORE INTO wanted_dossiers (id) VALUES (?)", [(i,) for i in ids])
        where, params = " WHERE {col} IN (SELECT id FROM temp.wanted_dossiers)", []
    docs: dict[str, list[Document]] = {}
    for r in db.execute(
        "SELECT id, dossier_id, kind, title, sha256, size, pages FROM documents"
        + where.format(col="dossier_id") + " ORDER BY dossier_id, position", params
    ):
        docs.setdefault(r[1], []).append(Document(r[0], r[1], DocumentKind(r[2]), r[3], r[4], r[5], r[6]))
    return [
        Dossier(r[0], r[1], r[2], r[3], tuple(docs.get(r[0], [])))
        for r in db.execute(
            "SELECT id, institution_id, category_id, title FROM dossiers" + where.format(col="id") + " ORDER BY id", params
        )
    ]
