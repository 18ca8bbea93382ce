"""A criterion's scale changed in a newer bundle: which scores no longer fit it, and setting them aside.

The organizer may change a criterion's range or step after bundles went out (with an explicit
confirmation). Points the juror gave on the old scale that the new one does not allow would make
the juror's next package fail the organizer's rubric check, so the import takes them out of the
scores through the edit log (an ``unscore`` line each: the organizer's merge shows "score
removed") and keeps them, with their justification, in ``superseded_scores`` for the juror to see
and reuse. Points that still fit stay as they are. :func:`scale_changes` is what the import preview
shows; :func:`supersede_unfitting` runs inside the import's transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from juror_app.domain.errors import ValidationError
from juror_app.domain.model import Criterion, Edition
from juror_app.domain.rules import check_points
from juror_app.store.connection import Queryable
from juror_app.store.superseded_scores import SupersededScore, keep_superseded
from juror_app.workflows.juror.scoring import append_log

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class ScaleChange:
    """One criterion whose range or step differs in the new bundle, and what that does to the juror's scores."""

    criterion_id: str
    code: str
    name: str
    old_max_points: float
    old_step: float
    new_max_points: float
    new_step: float
    no_longer_fit: int  # scores the import will set aside
    still_fit: int  # scores kept: allowed on the new scale too (worth a second look)


def fits(criterion: Criterion, points: float) -> bool:
    """Would the organizer's rubric check accept these points for this criterion?"""
    try:
        check_points(criterion, points)
    except ValidationError:
        return False
    return True


def _changed_criteria(old: Edition | None, new: Edition) -> list[tuple[Criterion, Criterion]]:
    if old is None:
        return []
    before = {c.id: c for c in old.criteria}
    return [(before[c.id], c) for c in new.criteria
            if c.id in before and (before[c.id].max_points != c.max_points or before[c.id].step != c.step)]


def _scores_of(db: Queryable, criterion_id: str) -> list[tuple[str, float, str, str]]:
    return db.execute("SELECT dossier_id, points, justification, updated_at FROM scores WHERE criterion_id = ?"
                      " ORDER BY dossier_id", [criterion_id]).fetchall()


def scale_changes(db: Queryable, old: Edition | None, new: Edition) -> tuple[ScaleChange, ...]:
    """The criteria whose scale ``new`` changes from ``old`` (the profile's), with how many scores fit or not."""
    found = []
    for before, after in _changed_criteria(old, new):
        scores = _scores_of(db, after.id)
        unfit = sum(1 for _d, points, _j, _at in scores if not fits(after, points))
        found.append(ScaleChange(after.id, after.code, after.name, before.max_points, before.step,
                                 after.max_points, after.step, unfit, len(scores) - unfit))
    return tuple(found)


def supersede_unfitting(db: Database, old: Edition | None, new: Edition, *, bundle_revision: int, at: str) -> int:
    """Move the scores that ``new``'s scales do not allow into ``superseded_scores``, each removed through the log.

    Runs inside the caller's transaction (the bundle import's), before the new edition is written.
    Returns how many scores were set aside.
    """
    kept = []
    for before, after in _changed_criteria(old, new):
        for dossier_id, points, justification, scored_at in _scores_of(db, after.id):
            if fits(after, points):
                continue
            seq = append_log(db, at, "unscore", dossier=dossier_id, criterion=after.id)
            db.execute("DELETE FROM scores WHERE dossier_id = ? AND criterion_id = ?", [dossier_id, after.id])
            kept.append((SupersededScore(dossier_id, after.id, points, justification, scored_at, before.max_points,
                                         before.step, after.max_points, after.step, bundle_revision, at), seq))
    keep_superseded(db, kept)
    return len(kept)
