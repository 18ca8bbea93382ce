"""What the juror's windows show, read from the profile database in a few queries.

The UI never writes SQL: it asks for rows here and refreshes only what a :class:`Change` names.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from juror_app.domain.model import (
    Criterion,
    Document,
    DocumentKind,
    DossierStatus,
    Edition,
    Institution,
)
from juror_app.domain.rules import (
    Missing,
    dossier_status,
    justification_required,
    missing_items,
)
from juror_app.domain.totals import StageTotal, stage_totals, weighted_percent
from juror_app.store.connection import Queryable
from juror_app.store.edition_tables import read_edition
from juror_app.store.superseded_scores import SupersededScore, latest_superseded

if TYPE_CHECKING:
    pass


@dataclass(frozen=True)
class DossierRow:
    dossier_id: str
    position: int
    institution: str
    short_name: str
    category_id: str
    category: str
    city: str
    voivodeship: str
    status: DossierStatus
    scored: int
    criteria: int
    nominated: bool
    county: str = ""  # powiat and gmina: tell two offices of one name apart (optional in bundles)
    commune: str = ""


def edition(db: Queryable) -> Edition | None:
    return read_edition(db)


def _scores_by_dossier(db: Queryable, active: set[str]) -> dict[str, dict[str, tuple[float, str]]]:
    result: dict[str, dict[str, tuple[float, str]]] = {}
    for d, c, p, j in db.execute("SELECT dossier_id, criterion_id, points, justification FROM scores"):
        if c in active:
            result.setdefault(d, {})[c] = (p, j)
    return result


def dossier_rows(db: Queryable) -> list[DossierRow]:
    """Every assigned dossier with its status, in the bundle's order."""
    ed = read_edition(db)
    if ed is None:
        return []
    active = {c.id for c in ed.criteria}
    scores = _scores_by_dossier(db, active)
    recused = {r[0] for r in db.execute("SELECT dossier_id FROM conflicts")}
    nominated = {r[0] for r in db.execute("SELECT DISTINCT dossier_id FROM nominations")}
    rows = []
    for r in db.execute(
        "SELECT a.dossier_id, a.position, i.name, i.short_name, c.id, c.name, i.city, i.voivodeship, i.county,"
        " i.commune FROM assigned_dossiers a JOIN dossiers d ON d.id = a.dossier_id"
        " JOIN institutions i ON i.id = d.institution_id JOIN categories c ON c.id = d.category_id"
        " ORDER BY a.position"
    ):
        given = scores.get(r[0], {})
        rows.append(DossierRow(
            dossier_id=r[0], position=r[1], institution=r[2], short_name=r[3], category_id=r[4], category=r[5],
            city=r[6], voivodeship=r[7], status=dossier_status(ed, given, r[0] in recused),
            scored=len(given), criteria=len(ed.criteria), nominated=r[0] in nominated, county=r[8], commune=r[9],
        ))
    return rows


def status_counts(rows: list[DossierRow]) -> dict[DossierStatus, int]:
    counts = {s: 0 for s in DossierStatus}
    for row in rows:
        counts[row.status] += 1
    return counts


@dataclass(frozen=True)
class CriterionState:
    criterion: Criterion
    points: float | None
    justification: str
    updated_at: str | None
    superseded: SupersededScore | None = None  # the latest score given before this criterion's scale changed

    @property
    def rescore_needed(self) -> bool:
        """The scale changed since the juror scored this, and the old points were set aside."""
        return self.points is None and self.superseded is not None

    @property
    def justification_required(self) -> bool:
        return self.points is not None and justification_required(self.criterion, self.points)


@dataclass(frozen=True)
class DossierScoring:
    dossier_id: str
    institution: Institution
    category: str
    documents: tuple[Document, ...]
    criteria: tuple[CriterionState, ...]
    conflict_reason: str | None
    nominations: dict[str, str]
    status: DossierStatus
    missing: tuple[Missing, ...]
    stages: tuple[StageTotal, ...]
    weighted_percent: float | None


def dossier_scoring(db: Queryable, dossier_id: str) -> DossierScoring:
    """Everything the scoring panel and the document viewer need for one dossier."""
    ed = read_edition(db)
    if ed is None:
        raise LookupError("no edition")
    row = db.execute(
        "SELECT i.id, i.name, i.short_name, i.kind, i.category_id, i.city, i.voivodeship, i.address, i.head,"
        " i.employees, i.county, i.commune, c.name FROM dossiers d JOIN institutions i ON i.id = d.institution_id"
        " JOIN categories c ON c.id = d.category_id WHERE d.id = ?",
        [dossier_id],
    ).fetchone()
    if row is None:
        raise LookupError(dossier_id)
    institution = Institution(*row[:12])
    documents = tuple(
        Document(r[0], dossier_id, DocumentKind(r[1]), r[2], r[3], r[4], r[5])
        for r in db.execute(
            "SELECT id, kind, title, sha256, size, pages FROM documents WHERE dossier_id = ? ORDER BY position",
            [dossier_id],
        )
    )
    given = {
        r[0]: (r[1], r[2], r[3])
        for r in db.execute(
            "SELECT criterion_id, points, justification, updated_at FROM scores WHERE dossier_id = ?", [dossier_id]
        )
    }
    old = latest_superseded(db, dossier_id)
    states = tuple(
        CriterionState(c, given[c.id][0] if c.id in given else None, given[c.id][1] if c.id in given else "",
                       given[c.id][2] if c.id in given else None, old.get(c.id))
        for c in ed.criteria
    )
    conflict = db.execute("SELECT reason FROM conflicts WHERE dossier_id = ?", [dossier_id]).fetchone()
    nominations = {
        r[0]: r[1] for r in db.execute(
            "SELECT distinction_id, reason FROM nominations WHERE dossier_id = ? ORDER BY distinction_id", [dossier_id]
        )
    }
    scored = {s.criterion.id: (s.points, s.justification) for s in states if s.points is not None}
    points = {k: v[0] for k, v in scored.items()}
    return DossierScoring(
        dossier_id=dossier_id,
        institution=institution,
        category=row[12],
        documents=documents,
        criteria=states,
        conflict_reason=conflict[0] if conflict else None,
        nominations=nominations,
        status=dossier_status(ed, scored, conflict is not None),
        missing=tuple(missing_items(ed, scored)) if conflict is None else (),
        stages=tuple(stage_totals(ed, points)),
        weighted_percent=weighted_percent(ed, points),
    )


def document_sha256(db: Queryable, document_id: str) -> str | None:
    row = db.execute("SELECT sha256 FROM documents WHERE id = ?", [document_id]).fetchone()
    return row[0] if row else None
