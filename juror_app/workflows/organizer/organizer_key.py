"""The organizer's signing key: made for a new edition, or an existing key file unlocked.

The key signs every assignment bundle; jurors pin its fingerprint at their first import. It is
protected exactly like a juror's key (:mod:`juror_app.exchange.keys`: Argon2id, 128 MiB, 3 passes,
AES-256-GCM), with a passphrase typed twice and checked by the same strength estimate the juror's
key dialog uses (:mod:`juror_app.domain.passphrase`). A new key file never replaces an existing
file: losing the old key would leave every juror unable to accept a bundle signed by a new one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from juror_app.domain.errors import StoreError, ValidationError
from juror_app.domain.passphrase import estimate_strength
from juror_app.exchange.keys import (
    DEFAULT_KDF,
    MAX_KEY_FILE_SIZE,
    KdfParams,
    decrypt_private_key,
    encrypt_private_key,
    fingerprint,
    generate_private_key,
    ssh_fingerprint,
)
from juror_app.fsutil import atomic_create

KEY_LABEL = "organizer"


@dataclass(frozen=True)
class OrganizerKey:
    """An unlocked organizer key and where it lives."""

    private_key: Ed25519PrivateKey
    path: Path
    created: bool  # made now (True) or read from an existing file (False)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.private_key.public_key())

    @property
    def ssh_fingerprint(self) -> str:
        return ssh_fingerprint(self.private_key.public_key())


def check_new_passphrase(passphrase: str, again: str) -> None:
    """The two entries match and the passphrase is strong enough (the juror key's rule: score ≥ 2, ≥ 10 characters)."""
    if passphrase != again:
        raise ValidationError(
            "passphrases_differ",
            pl="Hasła w obu polach różnią się. Wpisz to samo hasło dwa razy.",
            en="The two passphrases differ. Type the same passphrase twice.",
        )
    strength = estimate_strength(passphrase)
    if not strength.acceptable:
        raise ValidationError("weak_passphrase", pl=strength.hint_pl, en=strength.hint_en)


def check_key_path_free(path: Path) -> None:
    """Refuse, before any work is done, a key path that exists or whose folder does not."""
    path = Path(path)
    if path.exists():
        raise ValidationError(
            "key_file_exists",
            pl=f"Plik „{path}” już istnieje. Nowy klucz nigdy nie zastępuje istniejącego pliku: podaj inną nazwę "
               "albo użyj istniejącego klucza (--key).",
            en=f"The file “{path}” already exists. A new key never replaces an existing file: give another name "
               "or use the existing key (--key).",
        )
    if not path.parent.is_dir():
        raise ValidationError(
            "key_folder_missing",
            pl=f"Folder „{path.parent}” nie istnieje. Utwórz go albo podaj inne miejsce na klucz.",
            en=f"The folder “{path.parent}” does not exist. Create it or give another place for the key.",
        )


def make_organizer_key(path: Path, passphrase: str, again: str, *, kdf: KdfParams = DEFAULT_KDF,
                       key: Ed25519PrivateKey | None = None) -> OrganizerKey:
    """Make a new organizer key and write it, sealed, to the NEW file ``path`` (mode 0600, atomically)."""
    path = Path(path)
    check_new_passphrase(passphrase, again)
    check_key_path_free(path)
    key = key or generate_private_key()
    data = encrypt_private_key(key, passphrase, label=KEY_LABEL, kdf=kdf)
    try:
        atomic_create(path, data, mode=0o600)
    except FileExistsError:
        check_key_path_free(path)  # someone made it meanwhile: the same message
        raise
    except OSError as exc:
        raise StoreError(
            "cannot_write_key",
            pl=f"Nie można zapisać klucza w „{path}”: {exc.strerror or exc}.",
            en=f"Cannot write the key to “{path}”: {exc.strerror or exc}.",
        ) from exc
    return OrganizerKey(key, path, created=True)


def unlock_organizer_key(path: Path, passphrase: str) -> OrganizerKey:
    """Open an existing key file (WrongPassphraseError, FormatError for a damaged one)."""
    path = Path(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_KEY_FILE_SIZE + 1)
    except OSError as exc:
        raise StoreError(
            "cannot_read_key",
            pl=f"Nie można odczytać klucza „{path}”: {exc.strerror or exc}.",
            en=f"Cannot read the key “{path}”: {exc.strerror or exc}.",
        ) from exc
    return OrganizerKey(decrypt_private_key(data, passphrase), path, created=False)


def forget_new_key(key: OrganizerKey) -> None:
    """Remove a key file made moments ago for an edition that could not be created (never an older one)."""
    if key.created:
        try:
            key.path.unlink()
        except OSError:
            pass
