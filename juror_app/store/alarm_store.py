"""Alarms and their resolutions in the organizer's database (tables ``alarms`` and, from m004, ``alarm_resolutions``).

An alarm is raised by the merge when a juror's signed packages contradict each other (two different
packages with one revision, or an edit log that does not continue the merged one). It stays open
until the organizer resolves it: who, when, why, and which of the two packages, if any, is trusted.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database


@dataclass(frozen=True)
class StoredPackage:
    """One of an alarm's two packages, as the ``packages`` table keeps it."""

    manifest_sha256: str
    revision: int
    status: str  # merged, superseded or evidence
    original_name: str
    created_at: str
    imported_at: str
    file_sha256: str


@dataclass(frozen=True)
class StoredResolution:
    resolved_at: str
    resolved_by: str
    reason: str
    trusted_manifest_sha256: str | None  # None: neither package was trusted
    trusted_merged: bool  # the trusted package was merged by the resolution


@dataclass(frozen=True)
class StoredAlarm:
    id: int
    kind: str  # "equivocation" or "fork"
    juror_id: str
    juror_name: str
    revision: int
    raised_at: str
    first_manifest_sha256: str
    second_manifest_sha256: str
    resolution: StoredResolution | None

    @property
    def is_open(self) -> bool:
        return self.resolution is None

    @property
    def manifests(self) -> tuple[str, str]:
        return self.first_manifest_sha256, self.second_manifest_sha256


_SELECT = (
    "SELECT a.id, a.kind, a.juror_id, COALESCE(j.name, ''), a.revision, a.raised_at, a.first_manifest_sha256,"
    " a.second_manifest_sha256, r.resolved_at, r.resolved_by, r.reason, r.trusted_manifest_sha256, r.trusted_merged"
    " FROM alarms a LEFT JOIN jurors j ON j.id = a.juror_id LEFT JOIN alarm_resolutions r ON r.alarm_id = a.id"
)


def _alarm(row: tuple) -> StoredAlarm:
    resolution = StoredResolution(row[8], row[9], row[10], row[11], bool(row[12])) if row[8] is not None else None
    return StoredAlarm(*row[:8], resolution)


def all_alarms(db: Database) -> tuple[StoredAlarm, ...]:
    """Every alarm, oldest first, with its resolution if it has one."""
    return tuple(_alarm(r) for r in db.execute(_SELECT + " ORDER BY a.raised_at, a.id").fetchall())


def open_alarms(db: Database) -> tuple[StoredAlarm, ...]:
    return tuple(a for a in all_alarms(db) if a.is_open)


def open_alarms_of(db: Database, juror_id: str) -> tuple[StoredAlarm, ...]:
    """The juror's open alarms, oldest first."""
    rows = db.execute(_SELECT + " WHERE a.juror_id = ? AND r.alarm_id IS NULL ORDER BY a.raised_at, a.id", [juror_id])
    return tuple(_alarm(r) for r in rows.fetchall())


def alarm_by_id(db: Database, alarm_id: int) -> StoredAlarm | None:
    row = db.execute(_SELECT + " WHERE a.id = ?", [alarm_id]).fetchone()
    return _alarm(row) if row else None


def alarms_naming(db: Database, manifest_sha256: str) -> tuple[StoredAlarm, ...]:
    """The alarms one package is part of."""
    rows = db.execute(_SELECT + " WHERE a.first_manifest_sha256 = ? OR a.second_manifest_sha256 = ? ORDER BY a.id",
                      [manifest_sha256, manifest_sha256])
    return tuple(_alarm(r) for r in rows.fetchall())


def stored_package(db: Database, manifest_sha256: str) -> StoredPackage | None:
    row = db.execute("SELECT manifest_sha256, revision, status, original_name, created_at, imported_at, file_sha256"
                     " FROM packages WHERE manifest_sha256 = ?", [manifest_sha256]).fetchone()
    return StoredPackage(*row) if row else None


def insert_alarm(db: Database, *, kind: str, juror_id: str, revision: int, first_manifest_sha256: str,
                 second_manifest_sha256: str, raised_at: str, message: str) -> int:
    """Record an alarm (inside the caller's transaction); 0 when the same alarm was already raised."""
    cursor = db.conn.execute(
        "INSERT OR IGNORE INTO alarms (kind, juror_id, revision, first_manifest_sha256, second_manifest_sha256,"
        " raised_at, message) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [kind, juror_id, revision, first_manifest_sha256, second_manifest_sha256, raised_at, message])
    return cursor.rowcount


def insert_resolution(db: Database, alarm_id: int, resolution: StoredResolution) -> None:
    """Record the organizer's resolution (inside the caller's transaction)."""
    db.conn.execute(
        "INSERT INTO alarm_resolutions (alarm_id, resolved_at, resolved_by, reason, trusted_manifest_sha256, trusted_merged)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [alarm_id, resolution.resolved_at, resolution.resolved_by, resolution.reason,
         resolution.trusted_manifest_sha256, int(resolution.trusted_merged)])


def alarms_state(db: Database) -> str:
    """What the merge's plan depends on among the alarms: which exist and which are resolved."""
    rows = db.execute("SELECT a.id, r.alarm_id IS NOT NULL FROM alarms a"
                      " LEFT JOIN alarm_resolutions r ON r.alarm_id = a.id ORDER BY a.id").fetchall()
    return ";".join(f"{i}:{int(done)}" for i, done in rows)
