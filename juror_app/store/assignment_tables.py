"""Queries and writes behind the organizer's assignment (schema: ``m006_assignment_plan``).

How firmly each assignment is held is derived, not stored: a recusal or scored work comes from the
merged packages (``conflicts``, ``dossier_statuses``, ``scores``, ``nominations``), "issued" from
what the juror's latest bundle held (``bundle_dossiers``), "manual" from ``assignments.source``.
The caller wraps writes in ``db.atomic()``; these functions never commit on their own.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from juror_app.domain.assignment import Existing, Hold, PlanDossier, PlanJuror
from juror_app.store.connection import Queryable

if TYPE_CHECKING:
    from sqlite_utils import Database

SOURCES = ("planned", "manual")
WORK_TABLES = ("scores", "dossier_statuses", "conflicts", "nominations")  # what a juror's package left on an assignment

# (juror, dossier) a juror stepped back from: kept as the record, fills no place
RECUSED_PAIRS = """
SELECT juror_id, dossier_id FROM conflicts
UNION SELECT juror_id, dossier_id FROM dossier_statuses WHERE status = 'recused'
"""
_SCORED = """
SELECT juror_id, dossier_id FROM scores
UNION SELECT juror_id, dossier_id FROM dossier_statuses WHERE status IN ('in_progress', 'complete')
UNION SELECT juror_id, dossier_id FROM nominations
"""
_ISSUED = """
SELECT bd.juror_id, bd.dossier_id FROM bundle_dossiers bd
JOIN (SELECT juror_id, max(revision) AS revision FROM bundles GROUP BY juror_id) latest
  ON latest.juror_id = bd.juror_id AND latest.revision = bd.revision
"""


@dataclass(frozen=True)
class JurorRow:
    id: str
    name: str
    left_at: str | None
    left_reason: str
    categories: tuple[str, ...]


@dataclass(frozen=True)
class AssignmentState:
    """The edition as the planner sees it, read in one go."""

    dossiers: tuple[PlanDossier, ...]
    jurors: tuple[JurorRow, ...]
    conflicts: dict[tuple[str, str], str]  # (juror, institution) → reason
    existing: tuple[Existing, ...]
    sources: dict[tuple[str, str], str]  # (juror, dossier) → 'planned' | 'manual'
    excluded: tuple[tuple[str, str], ...] = ()  # (juror, dossier) taken away by hand: not planned again

    def plan_jurors(self) -> tuple[PlanJuror, ...]:
        return tuple(PlanJuror(j.id, frozenset(j.categories), j.left_at is None) for j in self.jurors)


@dataclass(frozen=True)
class AssignmentRules:
    per_dossier: int
    only_covering_jurors: bool
    seed: int
    updated_at: str = ""


def holds(db: Queryable) -> dict[tuple[str, str], Hold]:
    """Every assignment with how firmly it is held (recused > scored > issued > manual > planned)."""
    recused = {tuple(r) for r in db.execute(RECUSED_PAIRS)}
    scored = {tuple(r) for r in db.execute(_SCORED)}
    issued = {tuple(r) for r in db.execute(_ISSUED)}
    result: dict[tuple[str, str], Hold] = {}
    for juror_id, dossier_id, source in db.execute(
            "SELECT juror_id, dossier_id, source FROM assignments ORDER BY dossier_id, juror_id"):
        pair = (juror_id, dossier_id)
        result[pair] = (Hold.RECUSED if pair in recused else Hold.SCORED if pair in scored
                        else Hold.ISSUED if pair in issued else Hold.MANUAL if source == "manual" else Hold.PLANNED)
    return result


def read_jurors(db: Queryable) -> tuple[JurorRow, ...]:
    categories: dict[str, list[str]] = {}
    for juror_id, category_id in db.execute("SELECT juror_id, category_id FROM juror_categories ORDER BY juror_id, category_id"):
        categories.setdefault(juror_id, []).append(category_id)
    return tuple(JurorRow(j, name, left_at, reason, tuple(categories.get(j, ())))
                 for j, name, left_at, reason in db.execute(
                     "SELECT id, name, left_at, left_reason FROM jurors ORDER BY id"))


def read_state(db: Queryable) -> AssignmentState:
    dossiers = tuple(PlanDossier(*row) for row in db.execute(
        "SELECT d.id, d.institution_id, d.category_id, coalesce(c.name, d.category_id)"
        " FROM dossiers d LEFT JOIN categories c ON c.id = d.category_id ORDER BY d.id"))
    conflicts = {(j, i): reason for j, i, reason in db.execute(
        "SELECT juror_id, institution_id, reason FROM known_conflicts ORDER BY juror_id, institution_id")}
    held = holds(db)
    sources = {(j, d): s for j, d, s in db.execute("SELECT juror_id, dossier_id, source FROM assignments")}
    existing = tuple(Existing(j, d, h) for (j, d), h in held.items())
    excluded = tuple((j, d) for j, d in db.execute(
        "SELECT juror_id, dossier_id FROM assignment_exclusions ORDER BY juror_id, dossier_id"))
    return AssignmentState(dossiers, read_jurors(db), conflicts, existing, sources, excluded)


def read_rules(db: Queryable) -> AssignmentRules | None:
    row = db.execute("SELECT per_dossier, only_covering_jurors, seed, updated_at FROM assignment_rules WHERE id = 1").fetchone()
    return AssignmentRules(row[0], bool(row[1]), row[2], row[3]) if row else None


def save_rules(db: Database, rules: AssignmentRules, stamp: str) -> None:
    db.execute(
        "INSERT INTO assignment_rules (id, per_dossier, only_covering_jurors, seed, updated_at) VALUES (1, ?, ?, ?, ?)"
        " ON CONFLICT (id) DO UPDATE SET per_dossier = excluded.per_dossier,"
        " only_covering_jurors = excluded.only_covering_jurors, seed = excluded.seed, updated_at = excluded.updated_at",
        [rules.per_dossier, int(rules.only_covering_jurors), rules.seed, stamp])


def insert_assignments(db: Database, pairs: Iterable[tuple[str, str]], stamp: str, *, source: str = "planned") -> int:
    if source not in SOURCES:
        raise ValueError(source)
    rows = [(j, d, stamp, source) for j, d in pairs]
    db.conn.executemany("INSERT INTO assignments (juror_id, dossier_id, assigned_at, source) VALUES (?, ?, ?, ?)", rows)
    return len(rows)


def delete_assignments(db: Database, pairs: Iterable[tuple[str, str]]) -> int:
    """Remove assignments that carry no work: a 'not started' status a package reported goes with them."""
    rows = list(pairs)
    db.conn.executemany("DELETE FROM dossier_statuses WHERE juror_id = ? AND dossier_id = ? AND status = 'not_started'", rows)
    db.conn.executemany("DELETE FROM assignments WHERE juror_id = ? AND dossier_id = ?", rows)
    return len(rows)


def remove_work(db: Database, juror_id: str, dossier_id: str) -> dict[str, int]:
    """Delete what merged packages left on one assignment (the packages stay as evidence); rows per table."""
    removed = {}
    for table in WORK_TABLES:
        cursor = db.execute(f"DELETE FROM {table} WHERE juror_id = ? AND dossier_id = ?", [juror_id, dossier_id])
        removed[table] = cursor.rowcount
    return removed


def log_events(db: Database, events: Iterable[dict]) -> None:
    rows = [(e["happened_at"], e["action"], e.get("juror_id", ""), e.get("dossier_id", ""), e.get("reason", ""),
             e.get("person", ""), json.dumps(e["details"], ensure_ascii=False, sort_keys=True) if e.get("details") else "")
            for e in events]
    db.conn.executemany(
        "INSERT INTO assignment_events (happened_at, action, juror_id, dossier_id, reason, person, details)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)", rows)


def record_bundle_contents(db: Database, manifest_sha256: str, juror_id: str, revision: int,
                           dossier_ids: Iterable[str]) -> None:
    """What a bundle issued to a juror held: these assignments are 'issued' until a newer bundle says otherwise."""
    db.conn.executemany(
        "INSERT INTO bundle_dossiers (bundle_manifest_sha256, juror_id, revision, dossier_id) VALUES (?, ?, ?, ?)",
        [(manifest_sha256, juror_id, revision, d) for d in sorted(set(dossier_ids))])


def bundle_contents(db: Queryable, juror_id: str, revision: int | None = None) -> tuple[str, ...]:
    """The dossiers of a juror's bundle (the latest when ``revision`` is None)."""
    if revision is None:
        revision = db.execute("SELECT max(revision) FROM bundles WHERE juror_id = ?", [juror_id]).fetchone()[0]
    return tuple(r[0] for r in db.execute(
        "SELECT dossier_id FROM bundle_dossiers WHERE juror_id = ? AND revision = ? ORDER BY dossier_id", [juror_id, revision]))


def exclude(db: Database, juror_id: str, dossier_id: str, reason: str, stamp: str, person: str) -> None:
    db.execute(
        "INSERT INTO assignment_exclusions (juror_id, dossier_id, reason, excluded_at, person) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (juror_id, dossier_id) DO UPDATE SET reason = excluded.reason, excluded_at = excluded.excluded_at,"
        " person = excluded.person", [juror_id, dossier_id, reason, stamp, person])


def lift_exclusion(db: Database, juror_id: str, dossier_id: str) -> None:
    db.execute("DELETE FROM assignment_exclusions WHERE juror_id = ? AND dossier_id = ?", [juror_id, dossier_id])


def set_categories(db: Database, juror_id: str, category_ids: Iterable[str]) -> None:
    db.execute("DELETE FROM juror_categories WHERE juror_id = ?", [juror_id])
    db.conn.executemany("INSERT INTO juror_categories (juror_id, category_id) VALUES (?, ?)",
                        [(juror_id, c) for c in sorted(set(category_ids))])


def set_left(db: Database, juror_id: str, left_at: str | None, reason: str) -> None:
    db.execute("UPDATE jurors SET left_at = ?, left_reason = ? WHERE id = ?", [left_at, reason, juror_id])
