"""Exporting the signed score package, partial or complete, at any time.

The revision is reserved (committed) before the file is written, so a crash mid-export can only
leave a gap in the revision numbers — never two different packages with the same revision, which
the organizer would rightly treat as equivocation. The file is written atomically; a wrong
passphrase or a damaged database writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from juror_app.domain.errors import StoreError, ValidationError
from juror_app.domain.model import ConflictDeclaration, DossierStatus, Nomination, Score
from juror_app.domain.rules import dossier_status
from juror_app.domain.timestamps import utc_now
from juror_app.exchange.container import sha256_hex
from juror_app.exchange.package import PackageContent, write_package
from juror_app.store.connection import integrity_check
from juror_app.store.edition_tables import read_edition
from juror_app.workflows.juror.profile import JurorProfile, profile_info, unlock_key


@dataclass(frozen=True)
class ExportPreview:
    revision: int
    bundle_revision: int
    dossiers: int
    counts: dict[DossierStatus, int]
    scores: int
    nominations: int
    suggested_name: str


def _current_bundle(db: Database) -> tuple[str, int, str]:
    row = db.execute("SELECT manifest_sha256, revision, juror_id FROM bundles WHERE is_current = 1").fetchone()
    if row is None:
        raise ValidationError(
            "no_bundle",
            pl="Nie zaimportowano jeszcze paczki z przydziałem; nie ma czego eksportować.",
            en="No assignment bundle has been imported yet; there is nothing to export.",
        )
    return row[0], row[1], row[2]


def _next_revision(db: Database) -> int:
    return (db.execute("SELECT max(revision) FROM exports").fetchone()[0] or 0) + 1


def build_content(db: Database, *, revision: int) -> PackageContent:
    """The package as the database holds it now: assigned dossiers, active criteria, the whole log."""
    edition = read_edition(db)
    bundle_sha, bundle_revision, juror_id = _current_bundle(db)
    assert edition is not None
    active = {c.id for c in edition.criteria}
    assigned = [r[0] for r in db.execute("SELECT dossier_id FROM assigned_dossiers ORDER BY position")]
    listed = set(assigned)
    scores = [
        Score(juror_id, d, c, p, j, at)
        for d, c, p, j, at in db.execute(
            "SELECT dossier_id, criterion_id, points, justification, updated_at FROM scores ORDER BY dossier_id, criterion_id"
        )
        if d in listed and c in active
    ]
    conflicts = [
        ConflictDeclaration(juror_id, d, r, at)
        for d, r, at in db.execute("SELECT dossier_id, reason, declared_at FROM conflicts ORDER BY dossier_id")
        if d in listed
    ]
    nominations = [
        Nomination(juror_id, d, k, r, at)
        for d, k, r, at in db.execute(
            "SELECT dossier_id, distinction_id, reason, nominated_at FROM nominations ORDER BY dossier_id, distinction_id"
        )
        if d in listed
    ]
    by_dossier: dict[str, dict[str, tuple[float, str]]] = {}
    for s in scores:
        by_dossier.setdefault(s.dossier_id, {})[s.criterion_id] = (s.points, s.justification)
    recused = {c.dossier_id for c in conflicts}
    statuses = {d: dossier_status(edition, by_dossier.get(d, {}), d in recused) for d in assigned}
    lines = tuple(r[0] for r in db.execute("SELECT line FROM edit_log ORDER BY seq"))
    return PackageContent(
        edition_id=edition.id, juror_id=juror_id, revision=revision, bundle_manifest_sha256=bundle_sha,
        bundle_revision=bundle_revision, statuses=statuses, scores=tuple(scores), conflicts=tuple(conflicts),
        nominations=tuple(nominations), log_lines=lines, created_at=utc_now(), criteria=tuple(sorted(active)),
    )


def export_preview(db: Database) -> ExportPreview:
    """What an export now would contain, for the export dialog."""
    revision = _next_revision(db)
    content = build_content(db, revision=revision)
    counts = {s: 0 for s in DossierStatus}
    for status in content.statuses.values():
        counts[status] += 1
    return ExportPreview(
        revision=revision, bundle_revision=content.bundle_revision, dossiers=len(content.statuses), counts=counts,
        scores=len(content.scores), nominations=len(content.nominations),
        suggested_name=f"oceny-{content.juror_id}-wersja-{revision}.pu-scores",
    )


@dataclass(frozen=True)
class ExportResult:
    path: Path
    revision: int
    manifest_sha256: str
    scores: int


def export_package(profile: JurorProfile, db: Database, target: Path, passphrase: str) -> ExportResult:
    """Check the database, unlock the key, reserve the revision, write the package atomically."""
    target = Path(target)
    if not target.parent.is_dir():
        raise ValidationError(
            "export_folder_missing",
            pl=f"Folder „{target.parent}” nie istnieje. Wybierz istniejący folder.",
            en=f"The folder “{target.parent}” does not exist. Choose an existing folder.",
        )
    problems = integrity_check(db)
    if problems:
        raise StoreError(
            "database_damaged",
            pl="Baza danych profilu jest uszkodzona; eksport wstrzymano. Przywróć kopię zapasową (menu Plik).",
            en="The profile database is damaged; the export was stopped. Restore a backup (File menu).",
            problems=problems[:5],
        )
    key = unlock_key(profile, passphrase)
    info = profile_info(db)
    revision = _next_revision(db)
    content = build_content(db, revision=revision)
    bundle_sha = content.bundle_manifest_sha256
    with db.atomic():
        db["exports"].insert({
            "revision": revision, "created_at": content.created_at, "manifest_sha256": "",
            "bundle_manifest_sha256": bundle_sha, "file_path": str(target), "scores_count": len(content.scores),
        })
    manifest = write_package(target, juror_key=key, juror_name=info.name, content=content, created_at=content.created_at)
    digest = sha256_hex(manifest)
    with db.atomic():
        db.execute("UPDATE exports SET manifest_sha256 = ? WHERE revision = ?", [digest, revision])
    return ExportResult(target, revision, digest, len(content.scores))
