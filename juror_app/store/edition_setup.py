"""The organizer's store for setting up an edition (tables of m005): the edition's structure, its change
history and which bundles it outdated, and the institutions' contacts.

Only the organizer's database has these tables. Callers hold ``db.atomic()`` around writes that
belong together; these functions never commit on their own.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from juror_app.domain.edition_diff import ChangeItem
from juror_app.domain.model import Edition, InstitutionContact
from juror_app.store.connection import Queryable
from juror_app.store.edition_tables import write_edition

if TYPE_CHECKING:
    from sqlite_utils import Database


def edition_sha256(edition: Edition) -> str:
    """A digest of the edition's content (every field, criteria with levels), for the change history."""
    from dataclasses import asdict

    def default(value: object) -> object:
        return getattr(value, "value", str(value))

    data = json.dumps(asdict(edition), sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=default)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def replace_edition(db: Database, edition: Edition) -> None:
    """Store ``edition`` as the edition's new structure.

    ``write_edition`` keeps removed criteria (inactive, so scores given to them stay); categories,
    distinctions and stages that ``edition`` no longer has are deleted here (the caller has checked
    that nothing refers to them).
    """
    write_edition(db, edition)
    _delete_missing(db, "categories", [c.id for c in edition.categories])
    _delete_missing(db, "distinctions", [d.id for d in edition.distinctions])
    _delete_missing(db, "stages", [s.id.value for s in edition.stages])


def _delete_missing(db: Database, table: str, keep: list[str]) -> None:
    marks = ",".join("?" * len(keep))
    where = f" WHERE id NOT IN ({marks})" if keep else ""
    db.execute(f"DELETE FROM {table}{where}", keep)


def references(db: Queryable, table: str, column: str, ids: Iterable[str]) -> dict[str, int]:
    """How many rows of ``table`` refer (through ``column``) to each of ``ids`` (absent: none)."""
    counts: dict[str, int] = {}
    for item_id in ids:
        n = db.execute(f"SELECT count(*) FROM {table} WHERE {column} = ?", [item_id]).fetchone()[0]
        if n:
            counts[item_id] = n
    return counts


def stage_references(db: Queryable, stage_ids: Iterable[str]) -> dict[str, int]:
    """Criteria rows (active or kept inactive for their scores) per stage."""
    return references(db, "criteria", "stage", stage_ids)


def latest_bundles(db: Queryable) -> dict[str, str]:
    """Juror id → manifest SHA-256 of the newest bundle issued to that juror."""
    return {
        juror_id: sha
        for juror_id, sha in db.execute(
            "SELECT b.juror_id, b.manifest_sha256 FROM bundles b"
            " WHERE b.revision = (SELECT max(revision) FROM bundles WHERE juror_id = b.juror_id)"
            " ORDER BY b.juror_id"
        )
    }


def scores_on(db: Queryable, criterion_ids: Iterable[str]) -> dict[str, int]:
    """Merged scores per criterion (absent: none)."""
    return references(db, "scores", "criterion_id", criterion_ids)


@dataclass(frozen=True)
class EditionChange:
    """One stored change of the edition, with its items."""

    id: int
    changed_at: str
    changed_by: str
    summary_pl: str
    summary_en: str
    invalidating: bool
    confirmed: bool
    items: tuple[ChangeItem, ...]


def record_change(db: Database, *, changed_at: str, changed_by: str, summary_pl: str, summary_en: str,
                  items: list[ChangeItem], confirmed: bool, before: Edition, after: Edition) -> int:
    """Add a change to the history, and the bundles (newest per juror) that still carry ``before``."""
    invalidating = any(i.invalidating for i in items)
    cursor = db.execute(
        "INSERT INTO edition_changes (changed_at, changed_by, summary_pl, summary_en, invalidating, confirmed,"
        " edition_sha256_before, edition_sha256_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [changed_at, changed_by, summary_pl, summary_en, int(invalidating), int(confirmed),
         edition_sha256(before), edition_sha256(after)],
    )
    change_id = cursor.lastrowid
    db.conn.executemany(
        "INSERT INTO edition_change_items (change_id, position, part, item_id, label, action, field, old_value,"
        " new_value, invalidating) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(change_id, n, i.part, i.item_id, i.label, i.action, i.field, i.old, i.new, int(i.invalidating))
         for n, i in enumerate(items)],
    )
    db.conn.executemany(
        "INSERT INTO edition_change_bundles (change_id, juror_id, bundle_manifest_sha256) VALUES (?, ?, ?)",
        [(change_id, juror_id, sha) for juror_id, sha in latest_bundles(db).items()],
    )
    return change_id


def _item(row: tuple) -> ChangeItem:
    part, item_id, label, action, field, old, new, invalidating = row
    return ChangeItem(part, item_id, action, field, old, new, bool(invalidating), label)


def changes(db: Queryable, ids: Iterable[int] | None = None) -> list[EditionChange]:
    """The edition's change history, oldest first (all, or those with ``ids``)."""
    wanted = None if ids is None else set(ids)
    result = []
    for row in db.execute(
        "SELECT id, changed_at, changed_by, summary_pl, summary_en, invalidating, confirmed FROM edition_changes"
        " ORDER BY id"
    ):
        if wanted is not None and row[0] not in wanted:
            continue
        items = tuple(_item(r) for r in db.execute(
            "SELECT part, item_id, label, action, field, old_value, new_value, invalidating FROM edition_change_items"
            " WHERE change_id = ? ORDER BY position", [row[0]]))
        result.append(EditionChange(row[0], row[1], row[2], row[3], row[4], bool(row[5]), bool(row[6]), items))
    return result


def changes_outdating(db: Queryable) -> dict[str, list[int]]:
    """Juror id → ids of edition changes made after that juror's newest bundle was issued."""
    latest = latest_bundles(db)
    outdated: dict[str, list[int]] = {}
    for change_id, juror_id, sha in db.execute(
        "SELECT change_id, juror_id, bundle_manifest_sha256 FROM edition_change_bundles ORDER BY change_id"
    ):
        if latest.get(juror_id) == sha:
            outdated.setdefault(juror_id, []).append(change_id)
    return outdated


# --- institutions' contacts (organizer only) ----------------------------------------------------


def read_contacts(db: Queryable) -> dict[str, InstitutionContact]:
    return {
        r[0]: InstitutionContact(*r)
        for r in db.execute("SELECT institution_id, person, email, phone FROM institution_contacts")
    }


def write_contact(db: Database, contact: InstitutionContact, *, updated_at: str) -> None:
    """Insert or replace one institution's contact; an all-empty contact removes the row."""
    if not (contact.person or contact.email or contact.phone):
        db.execute("DELETE FROM institution_contacts WHERE institution_id = ?", [contact.institution_id])
        return
    db.execute(
        "INSERT INTO institution_contacts (institution_id, person, email, phone, updated_at) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (institution_id) DO UPDATE SET person = excluded.person, email = excluded.email,"
        " phone = excluded.phone, updated_at = excluded.updated_at",
        [contact.institution_id, contact.person, contact.email, contact.phone, updated_at],
    )
