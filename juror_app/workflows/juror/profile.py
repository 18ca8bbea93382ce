"""A juror's profile: one folder on the laptop with the database, the documents and the signing key.

Layout::

    <profile>/profile.sqlite          scores, edit log, the edition and dossiers from the bundle
    <profile>/profile.documents/      the dossiers' PDFs, named by SHA-256
    <profile>/signing.key             the private key, Argon2id + AES-GCM (never leaves the laptop)
    <profile>/backups/                rotating copies made with SQLite's backup API
    <profile>/logs/                   the error log the UI writes

The key is made here, on first run; only its public half travels (in the enrollment file).

The window's start imports this module for :class:`JurorProfile`; ``cryptography`` and the exchange
formats (a tenth of a second of imports) are loaded only by the functions that make or use a key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from juror_app.domain.errors import StoreError, ValidationError
from juror_app.domain.passphrase import estimate_strength
from juror_app.domain.timestamps import utc_now
from juror_app.store.blobs import BlobStore
from juror_app.store.connection import Queryable
from juror_app.store.juror_schema import open_juror_connection, open_juror_db

if TYPE_CHECKING:
    import sqlite3

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from sqlite_utils import Database

    from juror_app.exchange.enrollment import Enrollment
    from juror_app.exchange.keys import KdfParams

DATABASE = "profile.sqlite"
KEY_FILE = "signing.key"


@dataclass(frozen=True)
class JurorProfile:
    """Where a profile's files are; open a database connection per thread with :meth:`open_db`."""

    folder: Path

    @property
    def database_path(self) -> Path:
        return self.folder / DATABASE

    @property
    def key_path(self) -> Path:
        return self.folder / KEY_FILE

    @property
    def documents(self) -> BlobStore:
        return BlobStore.beside(self.database_path)

    @property
    def backups(self) -> Path:
        return self.folder / "backups"

    @property
    def logs(self) -> Path:
        return self.folder / "logs"

    @property
    def lock_path(self) -> Path:
        """The single-instance lock (a separate file: the database is never opened with plain file calls)."""
        return self.folder / "profile.lock"

    def exists(self) -> bool:
        return self.database_path.is_file() and self.key_path.is_file()

    def open_db(self) -> Database:
        return open_juror_db(self.database_path)

    def open_connection(self) -> sqlite3.Connection:
        """A plain connection, for reading without loading sqlite-utils (the window's start)."""
        return open_juror_connection(self.database_path)


@dataclass(frozen=True)
class ProfileInfo:
    name: str
    affiliation: str
    email: str
    fingerprint: str
    ssh_fingerprint: str
    juror_id: str | None
    created_at: str


def _text(value: str, *, field_pl: str, field_en: str, required: bool, max_len: int = 300) -> str:
    text = " ".join((value or "").split())
    if required and not text:
        raise ValidationError("field_required", pl=f"Wpisz: {field_pl}.", en=f"Enter: {field_en}.")
    if len(text) > max_len:
        raise ValidationError(
            "field_too_long",
            pl=f"Pole „{field_pl}” jest za długie (najwyżej {max_len} znaków).",
            en=f"The field “{field_en}” is too long (at most {max_len} characters).",
        )
    return text


_EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+")


def check_details(*, name: str, affiliation: str, email: str) -> tuple[str, str, str]:
    """The juror's name, affiliation and e-mail as they will be stored, or a ValidationError saying
    what to correct (the first-run wizard asks on the page where they are typed)."""
    name = _text(name, field_pl="imię i nazwisko", field_en="name", required=True)
    affiliation = _text(affiliation, field_pl="instytucja", field_en="affiliation", required=False, max_len=500)
    email = _text(email, field_pl="e-mail", field_en="e-mail", required=False, max_len=320)
    if email and not _EMAIL.fullmatch(email):
        raise ValidationError(
            "bad_email",
            pl=f"Adres e-mail „{email}” wygląda na niepoprawny: potrzebna jest nazwa, znak @ i domena, "
               "np. ewa.sadecka@uw.edu.pl. Popraw go albo zostaw pole puste.",
            en=f"The e-mail address “{email}” looks wrong: it needs a name, an @ and a domain, "
               "e.g. ewa.sadecka@uw.edu.pl. Correct it or leave the field empty.",
        )
    return name, affiliation, email


def create_profile(folder: Path, *, name: str, affiliation: str, email: str, passphrase: str,
                   passphrase_again: str, kdf: KdfParams | None = None,
                   key: Ed25519PrivateKey | None = None) -> ProfileInfo:
    """Make the juror's profile and signing key (a new one unless ``key`` is given, as for the demo).

    ``kdf`` defaults to the full-strength setting. Nothing is written if a check fails.
    """
    from juror_app.exchange import sshsig
    from juror_app.exchange.keys import (
        DEFAULT_KDF,
        encrypt_private_key,
        fingerprint,
        generate_private_key,
        save_private_key,
        ssh_fingerprint,
    )

    name, affiliation, email = check_details(name=name, affiliation=affiliation, email=email)
    if passphrase != passphrase_again:
        raise ValidationError(
            "passphrases_differ",
            pl="Hasła w obu polach różnią się. Wpisz to samo hasło dwa razy.",
            en="The two passphrases differ. Type the same passphrase twice.",
        )
    strength = estimate_strength(passphrase)
    if not strength.acceptable:
        raise ValidationError("weak_passphrase", pl=strength.hint_pl, en=strength.hint_en)
    profile = JurorProfile(Path(folder))
    if profile.database_path.exists() or profile.key_path.exists():
        raise StoreError(
            "profile_exists",
            pl=f"W folderze „{folder}” jest już profil. Otwórz go albo wybierz inny folder.",
            en=f"The folder “{folder}” already holds a profile. Open it or choose another folder.",
        )
    profile.folder.mkdir(parents=True, exist_ok=True)
    key = key or generate_private_key()
    public = key.public_key()
    save_private_key(profile.key_path, encrypt_private_key(key, passphrase, label=name, kdf=kdf or DEFAULT_KDF))
    created = utc_now()
    db = profile.open_db()
    try:
        with db.atomic():
            db["profile"].insert({
                "id": 1, "name": name, "affiliation": affiliation, "email": email,
                "public_key": sshsig.public_key_to_openssh(public), "fingerprint": fingerprint(public),
                "key_file": KEY_FILE, "created_at": created,
            })
    finally:
        db.close()
    return ProfileInfo(name, affiliation, email, fingerprint(public), ssh_fingerprint(public), None, created)


def profile_name(db: Queryable) -> str:
    """The juror's name, for the window title (without loading the key code :func:`profile_info` needs)."""
    row = db.execute("SELECT name FROM profile WHERE id = 1").fetchone()
    return row[0] if row else ""


def profile_info(db: Queryable) -> ProfileInfo:
    from juror_app.exchange import sshsig
    from juror_app.exchange.keys import ssh_fingerprint

    row = db.execute(
        "SELECT name, affiliation, email, public_key, fingerprint, juror_id, created_at FROM profile WHERE id = 1"
    ).fetchone()
    if row is None:
        raise StoreError(
            "no_profile",
            pl="Ta baza nie zawiera profilu członka Kapituły. Utwórz profil od nowa.",
            en="This database holds no juror profile. Create the profile again.",
        )
    public = sshsig.public_key_from_openssh(row[3])
    return ProfileInfo(row[0], row[1], row[2], row[4], ssh_fingerprint(public), row[5], row[6])


def unlock_key(profile: JurorProfile, passphrase: str) -> Ed25519PrivateKey:
    """The private key, if the passphrase is right (WrongPassphraseError otherwise)."""
    from juror_app.exchange.keys import decrypt_private_key

    try:
        data = profile.key_path.read_bytes()
    except OSError as exc:
        raise StoreError(
            "key_file_missing",
            pl=f"Nie można odczytać klucza podpisu ({profile.key_path}): {exc.strerror or exc}. "
               "Bez klucza nie można podpisać paczki; w razie utraty utwórz nowy klucz i zgłoś się ponownie.",
            en=f"Cannot read the signing key ({profile.key_path}): {exc.strerror or exc}. "
               "Without it no package can be signed; if it is lost, make a new key and enroll again.",
        ) from exc
    return decrypt_private_key(data, passphrase)


def check_key_matches_profile(profile: JurorProfile, db: Database) -> None:
    """The key file must be the key the profile was made with (a swapped file is refused)."""
    from juror_app.exchange.keys import fingerprint, read_public_key_from_keyfile

    public = read_public_key_from_keyfile(profile.key_path.read_bytes())
    if fingerprint(public) != profile_info(db).fingerprint:
        raise StoreError(
            "key_does_not_match_profile",
            pl="Plik klucza nie należy do tego profilu. Przywróć właściwy plik signing.key.",
            en="The key file does not belong to this profile. Restore the right signing.key file.",
        )


def export_enrollment(profile: JurorProfile, db: Database, passphrase: str, target: Path) -> Enrollment:
    """Write the enrollment file (name, affiliation, public key) signed with the profile's key."""
    from juror_app.exchange.enrollment import write_enrollment

    info = profile_info(db)
    key = unlock_key(profile, passphrase)
    return write_enrollment(Path(target), private_key=key, name=info.name, affiliation=info.affiliation, email=info.email)
