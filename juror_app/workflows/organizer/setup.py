"""Organizer use cases before scoring: dossiers, the roster, assignments, bundles (the edition: ``edition.py``).

Until the organizer's setup screens exist these are driven by ``juror-app demo``; each is a small
function over an open organizer database, so the screens can call the same ones later.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from sqlite_utils import Database

from juror_app.domain.errors import TrustError, ValidationError
from juror_app.domain.model import Juror
from juror_app.domain.timestamps import utc_now
from juror_app.exchange import container, sshsig
from juror_app.exchange.bundle import BundleContent, write_bundle
from juror_app.exchange.enrollment import Enrollment
from juror_app.store.assignment_tables import record_bundle_contents
from juror_app.store.blobs import BlobStore
from juror_app.store.edition_tables import (
    read_dossiers,
    read_edition,
    read_institutions,
)


def now() -> str:
    return utc_now()


def organizer_public_key(db: Database) -> Ed25519PublicKey:
    row = db.execute("SELECT public_key FROM organizer_key WHERE id = 1").fetchone()
    if row is None:
        raise TrustError(
            "no_organizer_key",
            pl="W bazie edycji nie zapisano klucza organizatora. Utwórz edycję od nowa.",
            en="The edition database holds no organizer key. Create the edition again.",
        )
    return sshsig.public_key_from_openssh(row[0])


def next_juror_id(db: Database) -> str:
    count = db.execute("SELECT count(*) FROM jurors").fetchone()[0]
    while True:
        count += 1
        candidate = f"j{count:03d}"
        if db.execute("SELECT 1 FROM jurors WHERE id = ?", [candidate]).fetchone() is None:
            return candidate


def enroll(db: Database, enrollment: Enrollment, *, role: str = "member", juror_id: str | None = None) -> Juror:
    """Add the enrolled person to the roster with their key (after the fingerprint was compared)."""
    key_text = sshsig.public_key_to_openssh(enrollment.public_key)
    existing = db.execute("SELECT juror_id FROM juror_keys WHERE public_key = ?", [key_text]).fetchone()
    if existing is not None:
        raise ValidationError(
            "key_already_enrolled",
            pl=f"Ten klucz ({enrollment.fingerprint}) jest już w składzie Kapituły (członek {existing[0]}).",
            en=f"This key ({enrollment.fingerprint}) is already in the roster (juror {existing[0]}).",
        )
    juror = Juror(juror_id or next_juror_id(db), enrollment.name, enrollment.affiliation, enrollment.email, role)
    stamp = now()
    with db.atomic():
        db["jurors"].insert(
            {"id": juror.id, "name": juror.name, "affiliation": juror.affiliation, "email": juror.email,
             "role": juror.role, "enrolled_at": stamp}
        )
        db["juror_keys"].insert(
            {"fingerprint": enrollment.fingerprint, "juror_id": juror.id, "public_key": key_text, "added_at": stamp}
        )
        db["enrollments"].upsert(
            {"manifest_sha256": enrollment.manifest_sha256, "name": enrollment.name,
             "affiliation": enrollment.affiliation, "email": enrollment.email, "public_key": key_text,
             "fingerprint": enrollment.fingerprint, "created_at": enrollment.created_at,
             "received_at": stamp, "juror_id": juror.id},
            pk="manifest_sha256",
        )
    return juror


def jurors(db: Database) -> list[Juror]:
    return [Juror(*r) for r in db.execute("SELECT id, name, affiliation, email, role FROM jurors ORDER BY id")]


def active_key(db: Database, juror_id: str) -> tuple[Ed25519PublicKey, str]:
    row = db.execute(
        "SELECT public_key, fingerprint FROM juror_keys WHERE juror_id = ? AND revoked_at IS NULL"
        " ORDER BY added_at DESC LIMIT 1",
        [juror_id],
    ).fetchone()
    if row is None:
        raise TrustError(
            "juror_has_no_key",
            pl=f"Członek Kapituły {juror_id} nie ma ważnego klucza. Poproś o nowe zgłoszenie.",
            en=f"Juror {juror_id} has no valid key. Ask for a new enrollment.",
        )
    return sshsig.public_key_from_openssh(row[0]), row[1]


@dataclass(frozen=True)
class IssuedBundle:
    juror_id: str
    revision: int
    path: Path
    manifest_sha256: str


def export_bundle(db: Database, blobs: BlobStore, juror_id: str, organizer_key: Ed25519PrivateKey,
                  out_path: Path, *, created_at: str | None = None) -> IssuedBundle:
    """Write the signed bundle for one juror at the next revision and record it as issued."""
    edition = read_edition(db)
    if edition is None:
        raise ValidationError("no_edition", pl="Baza nie zawiera edycji konkursu.", en="The database holds no edition.")
    if organizer_key.public_key().public_bytes_raw() != organizer_public_key(db).public_bytes_raw():
        raise TrustError(
            "wrong_organizer_key",
            pl="Ten klucz prywatny nie jest kluczem organizatora tej edycji.",
            en="This private key is not the organizer key of this edition.",
        )
    row = db.execute("SELECT id, name, affiliation, email, role FROM jurors WHERE id = ?", [juror_id]).fetchone()
    if row is None:
        raise ValidationError("unknown_juror", pl=f"Nieznany członek Kapituły: {juror_id}.", en=f"Unknown juror: {juror_id}.")
    juror = Juror(*row)
    _, key_fp = active_key(db, juror_id)
    assigned = [r[0] for r in db.execute("SELECT dossier_id FROM assignments WHERE juror_id = ?", [juror_id])]
    dossiers = read_dossiers(db, assigned)
    all_institutions = read_institutions(db)
    institutions = tuple(sorted({all_institutions[d.institution_id] for d in dossiers}, key=lambda i: i.id))
    last = db.execute("SELECT max(revision) FROM bundles WHERE juror_id = ?", [juror_id]).fetchone()[0] or 0
    content = BundleContent(
        edition=edition, juror=juror, juror_key_fingerprint=key_fp, organizer_name=edition.organizer,
        organizer_public_key=organizer_key.public_key(), institutions=institutions, dossiers=tuple(dossiers),
        revision=last + 1, created_at=created_at or now(),
    )
    manifest = write_bundle(out_path, organizer_key=organizer_key, content=content, document_path=blobs.path,
                            created_at=content.created_at)
    digest = container.sha256_hex(manifest)
    with db.atomic():
        db["bundles"].insert(
            {"manifest_sha256": digest, "juror_id": juror_id, "revision": content.revision,
             "created_at": content.created_at, "file_name": out_path.name}
        )
        record_bundle_contents(db, digest, juror_id, content.revision, assigned)  # from now on these count as issued
    return IssuedBundle(juror_id, content.revision, out_path, digest)


def allowed_signers(db: Database) -> str:
    """An OpenSSH ``allowed_signers`` file for checking this edition's files with ``ssh-keygen -Y verify``."""
    lines = [
        sshsig.allowed_signers_line("organizer", organizer_public_key(db), [sshsig.NAMESPACE_BUNDLE])
    ]
    for juror_id, public_key in db.execute(
        "SELECT juror_id, public_key FROM juror_keys WHERE revoked_at IS NULL ORDER BY juror_id, added_at"
    ):
        lines.append(
            sshsig.allowed_signers_line(
                juror_id, sshsig.public_key_from_openssh(public_key),
                [sshsig.NAMESPACE_PACKAGE, sshsig.NAMESPACE_ENROLLMENT],
            )
        )
    return "\n".join(lines) + "\n"
