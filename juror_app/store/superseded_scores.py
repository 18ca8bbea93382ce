"""Scores a juror gave on a scale that has since changed, kept aside with their justification.

When a bundle revision changes a criterion's range or step, points that no longer fit it are taken
out of ``scores`` (through the edit log, so the next package follows the rubric) and kept here:
the juror sees what they gave and why, and can reuse the justification when scoring again. Rows
are never deleted; the table is created by the juror's ``m005_superseded_scores`` migration.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from typing import TYPE_CHECKING

from juror_app.store.connection import Queryable

if TYPE_CHECKING:
    from sqlite_utils import Database

SUPERSEDED_SCORES_DDL = """
CREATE TABLE superseded_scores (
    id INTEGER PRIMARY KEY,
    dossier_id TEXT NOT NULL REFERENCES dossiers(id),
    criterion_id TEXT NOT NULL REFERENCES criteria(id),
    points REAL NOT NULL,
    justification TEXT NOT NULL DEFAULT '',
    scored_at TEXT NOT NULL,
    old_max_points REAL NOT NULL,
    old_step REAL NOT NULL,
    new_max_points REAL NOT NULL,
    new_step REAL NOT NULL,
    bundle_revision INTEGER NOT NULL,
    superseded_at TEXT NOT NULL,
    log_seq INTEGER NOT NULL REFERENCES edit_log(seq)
);
CREATE INDEX superseded_scores_by_dossier ON superseded_scores(dossier_id, criterion_id)
"""


@dataclass(frozen=True)
class SupersededScore:
    """Points given on the old scale of a criterion, and the scale that replaced it."""

    dossier_id: str
    criterion_id: str
    points: float
    justification: str
    scored_at: str
    old_max_points: float
    old_step: float
    new_max_points: float
    new_step: float
    bundle_revision: int  # the bundle revision that brought the new scale
    superseded_at: str


_COLUMNS = ("dossier_id, criterion_id, points, justification, scored_at, old_max_points, old_step,"
            " new_max_points, new_step, bundle_revision, superseded_at")


def keep_superseded(db: Database, rows: Iterable[tuple[SupersededScore, int]]) -> None:
    """Store each superseded score with the seq of the edit-log line that removed it (in the caller's transaction)."""
    db.conn.executemany(
        f"INSERT INTO superseded_scores ({_COLUMNS}, log_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(s.dossier_id, s.criterion_id, s.points, s.justification, s.scored_at, s.old_max_points, s.old_step,
          s.new_max_points, s.new_step, s.bundle_revision, s.superseded_at, seq) for s, seq in rows],
    )


def latest_superseded(db: Queryable, dossier_id: str) -> dict[str, SupersededScore]:
    """The latest superseded score of each criterion of a dossier (a scale can change more than once)."""
    found: dict[str, SupersededScore] = {}
    for row in db.execute(f"SELECT {_COLUMNS} FROM superseded_scores WHERE dossier_id = ? ORDER BY id", [dossier_id]):
        found[row[1]] = SupersededScore(*row)
    return found
