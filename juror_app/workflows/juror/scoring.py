"""Recording a juror's work: scores, conflict declarations, nominations.

Each change and its line of the hash-chained edit log are written in one transaction with
``synchronous=FULL``; the function returns only after the commit, so whatever the UI shows as
saved survives a crash or a power cut. An edit that changes nothing writes nothing.
Undo and redo in the UI are ordinary edits here (the log is append-only).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from juror_app.domain import edit_log
from juror_app.domain.codec import json_points
from juror_app.domain.errors import ValidationError
from juror_app.domain.model import Criterion, DossierStatus
from juror_app.domain.rules import (
    check_justification_length,
    check_points,
    check_reason,
    dossier_status,
)
from juror_app.domain.timestamps import utc_now
from juror_app.store.edition_tables import read_edition

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class Change:
    """What an edit changed, for the views to refresh just that."""

    dossier_id: str
    criterion_id: str | None
    status: DossierStatus
    saved_at: str
    log_seq: int | None  # None when nothing had to be written


def append_log(db: Database, at: str, op: str, **fields) -> int:
    """Append one line to the hash-chained edit log (inside the caller's transaction); its seq."""
    row = db.execute("SELECT seq, entry_hash FROM edit_log ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (row[0] + 1, row[1]) if row else (1, edit_log.GENESIS)
    line, digest = edit_log.make_entry(prev_hash=prev, seq=seq, at=at, op=op, **fields)
    db.execute("INSERT INTO edit_log (seq, line, entry_hash) VALUES (?, ?, ?)", [seq, line, digest])
    return seq


def _require_assigned(db: Database, dossier_id: str) -> None:
    if db.execute("SELECT 1 FROM assigned_dossiers WHERE dossier_id = ?", [dossier_id]).fetchone() is None:
        raise ValidationError(
            "dossier_not_assigned",
            pl="Ta teczka nie jest w Twoim aktualnym przydziale; nie można jej oceniać.",
            en="This dossier is not in your current assignment; it cannot be scored.",
        )


def _criterion(db: Database, criterion_id: str) -> Criterion:
    edition = read_edition(db)
    if edition is not None:
        for criterion in edition.criteria:
            if criterion.id == criterion_id:
                return criterion
    raise ValidationError(
        "unknown_criterion",
        pl="To kryterium nie należy do aktualnej edycji.",
        en="This criterion is not part of the current edition.",
    )


def _is_recused(db: Database, dossier_id: str) -> bool:
    return db.execute("SELECT 1 FROM conflicts WHERE dossier_id = ?", [dossier_id]).fetchone() is not None


def current_status(db: Database, dossier_id: str) -> DossierStatus:
    edition = read_edition(db)
    assert edition is not None
    active = {c.id for c in edition.criteria}
    scores = {
        c: (p, j)
        for c, p, j in db.execute("SELECT criterion_id, points, justification FROM scores WHERE dossier_id = ?", [dossier_id])
        if c in active
    }
    return dossier_status(edition, scores, _is_recused(db, dossier_id))


def _done(db: Database, dossier_id: str, criterion_id: str | None, at: str, seq: int | None) -> Change:
    return Change(dossier_id, criterion_id, current_status(db, dossier_id), at, seq)


def set_score(db: Database, *, dossier_id: str, criterion_id: str, points: float, justification: str = "") -> Change:
    """Save points and justification for one criterion; committed before this returns."""
    criterion = _criterion(db, criterion_id)
    points = check_points(criterion, points)
    text = check_justification_length(justification)
    at = utc_now()
    with db.atomic():
        _require_assigned(db, dossier_id)
        if _is_recused(db, dossier_id):
            raise ValidationError(
                "dossier_recused",
                pl="Wyłączyłeś/wyłączyłaś się z oceny tej teczki (konflikt interesów); nie przyjmuje ona ocen. "
                   "Aby ją ocenić, najpierw wycofaj deklarację konfliktu.",
                en="You recused yourself from this dossier (conflict of interest); it takes no scores. "
                   "To score it, first withdraw the declaration.",
            )
        old = db.execute(
            "SELECT points, justification FROM scores WHERE dossier_id = ? AND criterion_id = ?", [dossier_id, criterion_id]
        ).fetchone()
        if old is not None and abs(old[0] - points) < 1e-9 and old[1] == text:
            return _done(db, dossier_id, criterion_id, at, None)
        seq = append_log(db, at, "score", dossier=dossier_id, criterion=criterion_id,
                          points=json_points(points), justification=text)
        db.execute(
            "INSERT INTO scores (dossier_id, criterion_id, points, justification, updated_at) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (dossier_id, criterion_id) DO UPDATE SET points = excluded.points,"
            " justification = excluded.justification, updated_at = excluded.updated_at",
            [dossier_id, criterion_id, points, text, at],
        )
        return _done(db, dossier_id, criterion_id, at, seq)


def clear_score(db: Database, *, dossier_id: str, criterion_id: str) -> Change:
    at = utc_now()
    with db.atomic():
        _require_assigned(db, dossier_id)
        cursor = db.execute("DELETE FROM scores WHERE dossier_id = ? AND criterion_id = ?", [dossier_id, criterion_id])
        if cursor.rowcount == 0:
            return _done(db, dossier_id, criterion_id, at, None)
        seq = append_log(db, at, "unscore", dossier=dossier_id, criterion=criterion_id)
        return _done(db, dossier_id, criterion_id, at, seq)


def declare_conflict(db: Database, *, dossier_id: str, reason: str) -> Change:
    """Recuse from a dossier; its scores (if any) are withdrawn, each in the log, so nothing is hidden."""
    text = check_reason(reason, what_pl="konflikt interesów", what_en="conflict of interest")
    at = utc_now()
    with db.atomic():
        _require_assigned(db, dossier_id)
        old = db.execute("SELECT reason FROM conflicts WHERE dossier_id = ?", [dossier_id]).fetchone()
        if old is not None and old[0] == text:
            return _done(db, dossier_id, None, at, None)
        seq = None
        for (criterion_id,) in db.execute("SELECT criterion_id FROM scores WHERE dossier_id = ? ORDER BY criterion_id",
                                          [dossier_id]).fetchall():
            append_log(db, at, "unscore", dossier=dossier_id, criterion=criterion_id)
        db.execute("DELETE FROM scores WHERE dossier_id = ?", [dossier_id])
        seq = append_log(db, at, "conflict", dossier=dossier_id, reason=text)
        db.execute(
            "INSERT INTO conflicts (dossier_id, reason, declared_at) VALUES (?, ?, ?)"
            " ON CONFLICT (dossier_id) DO UPDATE SET reason = excluded.reason, declared_at = excluded.declared_at",
            [dossier_id, text, at],
        )
        return _done(db, dossier_id, None, at, seq)


def withdraw_conflict(db: Database, *, dossier_id: str) -> Change:
    at = utc_now()
    with db.atomic():
        _require_assigned(db, dossier_id)
        if db.execute("DELETE FROM conflicts WHERE dossier_id = ?", [dossier_id]).rowcount == 0:
            return _done(db, dossier_id, None, at, None)
        seq = append_log(db, at, "unconflict", dossier=dossier_id)
        return _done(db, dossier_id, None, at, seq)


def nominate(db: Database, *, dossier_id: str, distinction_id: str, reason: str) -> Change:
    """Propose a special distinction (e.g. "Innowacyjny Urząd") for a dossier, with the reason."""
    text = check_reason(reason, what_pl="nominacja do wyróżnienia", what_en="nomination for a distinction")
    at = utc_now()
    with db.atomic():
        _require_assigned(db, dossier_id)
        if db.execute("SELECT 1 FROM distinctions WHERE id = ?", [distinction_id]).fetchone() is None:
            raise ValidationError("unknown_distinction", pl="Nieznane wyróżnienie.", en="Unknown distinction.")
        if _is_recused(db, dossier_id):
            raise ValidationError(
                "dossier_recused_nomination",
                pl="Nie można nominować teczki, z której oceny się wyłączono.",
                en="A dossier you recused yourself from cannot be nominated.",
            )
        old = db.execute("SELECT reason FROM nominations WHERE dossier_id = ? AND distinction_id = ?",
                         [dossier_id, distinction_id]).fetchone()
        if old is not None and old[0] == text:
            return _done(db, dossier_id, None, at, None)
        seq = append_log(db, at, "nominate", dossier=dossier_id, distinction=distinction_id, reason=text)
        db.execute(
            "INSERT INTO nominations (dossier_id, distinction_id, reason, nominated_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (dossier_id, distinction_id) DO UPDATE SET reason = excluded.reason,"
            " nominated_at = excluded.nominated_at",
            [dossier_id, distinction_id, text, at],
        )
        return _done(db, dossier_id, None, at, seq)


def withdraw_nomination(db: Database, *, dossier_id: str, distinction_id: str) -> Change:
    at = utc_now()
    with db.atomic():
        _require_assigned(db, dossier_id)
        if db.execute("DELETE FROM nominations WHERE dossier_id = ? AND distinction_id = ?",
                      [dossier_id, distinction_id]).rowcount == 0:
            return _done(db, dossier_id, None, at, None)
        seq = append_log(db, at, "unnominate", dossier=dossier_id, distinction=distinction_id)
        return _done(db, dossier_id, None, at, seq)
