"""Ed25519 signing keys: generation, fingerprints, and the passphrase-protected key file.

Why our own key file rather than PKCS8 with ``BestAvailableEncryption``: that uses PBKDF2 with
2,048 iterations (about 5 ms per guess), far too cheap against a stolen laptop. Here the key is
sealed with AES-256-GCM under a key from Argon2id (memory-hard). ``DEFAULT_KDF`` (3 passes over
128 MiB, 4 lanes) unlocks in 0.3–0.5 s on the 2-core build VM (median of 5: 0.31 s idle, about
0.5 s with other jobs running; cryptography 50); an older laptop may take about a second.

Key file (UTF-8 JSON, one object, no other fields allowed)::

    {"format": "kapitula-private-key", "version": 1, "label": "…",
     "public_key": "ssh-ed25519 AAAA…",
     "kdf": {"name": "argon2id", "time_cost": 3, "memory_cost_kib": 131072, "lanes": 4,
             "salt": "<base64, 16 bytes>"},
     "cipher": {"name": "aes-256-gcm", "nonce": "<base64, 12 bytes>"},
     "ciphertext": "<base64: the raw 32-byte private key, sealed, + 16-byte tag>",
     "checksum": "<hex SHA-256 of the canonical JSON of all other fields>"}

The header (every field but ``ciphertext`` and ``checksum``), in canonical JSON (sorted keys, no
spaces, ASCII), is the AES-GCM associated data, so a changed salt, parameter, label or public key
makes decryption fail. The unkeyed ``checksum`` only tells accidental damage ("the file is
damaged") apart from a wrong passphrase; it is no defence against deliberate changes — the
associated data is. KDF parameters read from a file are capped before any key derivation.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from juror_app.domain.errors import FormatError, UserError, ValidationError
from juror_app.exchange.sshsig import (
    public_key_blob,
    public_key_from_openssh,
    public_key_to_openssh,
)
from juror_app.fsutil import atomic_write

KEY_FILE_FORMAT = "kapitula-private-key"
KEY_FILE_VERSION = 1
MAX_KEY_FILE_SIZE = 64 * 1024
MAX_LABEL_LENGTH = 200

SALT_LENGTH = 16
NONCE_LENGTH = 12
_KEY_LENGTH = 32  # AES-256 key, and also the raw Ed25519 private key length
_TAG_LENGTH = 16

# Limits on parameters read from a file: a hostile file must not make us allocate unbounded memory.
MAX_MEMORY_COST_KIB = 1024 * 1024  # 1 GiB
MAX_TIME_COST = 20
MAX_LANES = 16

_CROCKFORD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", "0123456789ABCDEFGHJKMNPQRSTVWXYZ")


class WrongPassphraseError(UserError):
    """The passphrase does not open this key file (or the file was deliberately altered)."""

    def __init__(self) -> None:
        super().__init__(
            "wrong_passphrase",
            pl="Nieprawidłowe hasło klucza. Sprawdź układ klawiatury i Caps Lock, spróbuj "
            "ponownie. Jeśli hasło zostało zapomniane, utwórz nowy klucz i zgłoś się ponownie "
            "do organizatora.",
            en="Wrong key passphrase. Check the keyboard layout and Caps Lock, then try again. "
            "If the passphrase is forgotten, create a new key and enrol with the organizer again.",
        )


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost: passes, memory in KiB, parallel lanes."""

    time_cost: int
    memory_cost_kib: int
    lanes: int

    def within_limits(self) -> bool:
        """True when the values are valid Argon2id parameters and under our caps."""
        values = (self.time_cost, self.memory_cost_kib, self.lanes)
        if not all(type(v) is int for v in values):
            return False
        return (
            1 <= self.time_cost <= MAX_TIME_COST
            and 1 <= self.lanes <= MAX_LANES
            and 8 * self.lanes <= self.memory_cost_kib <= MAX_MEMORY_COST_KIB
        )


DEFAULT_KDF = KdfParams(time_cost=3, memory_cost_kib=128 * 1024, lanes=4)


# --- keys and fingerprints ---------------------------------------------------------------------


def generate_private_key() -> Ed25519PrivateKey:
    """A new Ed25519 signing key from the operating system's random source."""
    return Ed25519PrivateKey.generate()


def fingerprint(key: Ed25519PublicKey) -> str:
    """Short form to read over the phone: 80 bits of SHA-256 of the key blob, Crockford base32.

    Crockford's alphabet has no I, L, O or U, so the string is hard to misread or mishear.
    """
    head = hashlib.sha256(public_key_blob(key)).digest()[:10]
    text = base64.b32encode(head).decode("ascii").translate(_CROCKFORD)
    return "-".join(text[i : i + 4] for i in range(0, 16, 4))


def ssh_fingerprint(key: Ed25519PublicKey) -> str:
    """``SHA256:…`` exactly as ``ssh-keygen -lf`` prints it, for people who check with OpenSSH."""
    digest = hashlib.sha256(public_key_blob(key)).digest()
    return "SHA256:" + base64.b64encode(digest).decode("ascii").rstrip("=")


def export_openssh_private_key(key: Ed25519PrivateKey) -> bytes:
    """Unencrypted OpenSSH PEM, for tests and tools (``ssh-keygen -Y sign -f``) only."""
    return key.private_bytes(Encoding.PEM, PrivateFormat.OpenSSH, NoEncryption())


# --- key file: writing -------------------------------------------------------------------------


def _canonical(obj: dict[str, Any]) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _passphrase_bytes(passphrase: str) -> bytes:
    """NFC so that "ż" typed as one character or as z + combining dot opens the same key."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def _derive_key(passphrase: str, salt: bytes, kdf: KdfParams) -> bytes:
    return Argon2id(
        salt=salt,
        length=_KEY_LENGTH,
        iterations=kdf.time_cost,
        lanes=kdf.lanes,
        memory_cost=kdf.memory_cost_kib,
    ).derive(_passphrase_bytes(passphrase))


def _validate_label(label: str) -> None:
    if not isinstance(label, str) or len(label) > MAX_LABEL_LENGTH or (
        label and not label.isprintable()
    ):
        raise ValidationError(
            "invalid_key_label",
            pl=f"Nazwa klucza może mieć do {MAX_LABEL_LENGTH} zwykłych znaków w jednym wierszu.",
            en=f"A key label may have up to {MAX_LABEL_LENGTH} printable characters on one line.",
        )


def _seal(
    raw_private: bytes,
    public_key_text: str,
    passphrase: str,
    *,
    label: str,
    kdf: KdfParams,
    salt: bytes,
    nonce: bytes,
) -> bytes:
    """Build the key file from explicit parts (``encrypt_private_key`` supplies fresh randomness)."""
    header: dict[str, Any] = {
        "format": KEY_FILE_FORMAT,
        "version": KEY_FILE_VERSION,
        "label": label,
        "public_key": public_key_text,
        "kdf": {
            "name": "argon2id",
            "time_cost": kdf.time_cost,
            "memory_cost_kib": kdf.memory_cost_kib,
            "lanes": kdf.lanes,
            "salt": _b64(salt),
        },
        "cipher": {"name": "aes-256-gcm", "nonce": _b64(nonce)},
    }
    ciphertext = AESGCM(_derive_key(passphrase, salt, kdf)).encrypt(
        nonce, raw_private, _canonical(header)
    )
    document = {**header, "ciphertext": _b64(ciphertext)}
    document["checksum"] = hashlib.sha256(_canonical(document)).hexdigest()
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def encrypt_private_key(
    key: Ed25519PrivateKey, passphrase: str, *, label: str = "", kdf: KdfParams = DEFAULT_KDF
) -> bytes:
    """The bytes of a key file protecting ``key`` with ``passphrase`` (Argon2id + AES-256-GCM)."""
    if not isinstance(passphrase, str) or not passphrase:
        raise ValidationError(
            "empty_passphrase",
            pl="Hasło klucza nie może być puste. Wymyśl hasło, najlepiej z 4–5 losowych słów.",
            en="The key passphrase cannot be empty. Choose one, ideally 4–5 random words.",
        )
    _validate_label(label)
    if not kdf.within_limits():
        raise ValueError(f"KDF parameters out of range: {kdf}")
    raw = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    return _seal(
        raw,
        public_key_to_openssh(key.public_key()),
        passphrase,
        label=label,
        kdf=kdf,
        salt=secrets.token_bytes(SALT_LENGTH),
        nonce=secrets.token_bytes(NONCE_LENGTH),
    )


# --- key file: reading -------------------------------------------------------------------------


def _file_error(code: str, pl_detail: str, en_detail: str) -> FormatError:
    return FormatError(
        code,
        pl=f"Nie można odczytać pliku klucza: {pl_detail}",
        en=f"Cannot read the key file: {en_detail}",
    )


def _malformed(what_pl: str, what_en: str) -> FormatError:
    return _file_error(
        "key_file_malformed",
        f"{what_pl} To nie jest plik klucza tego programu albo plik jest uszkodzony. Wskaż "
        "właściwy plik lub przywróć go z kopii zapasowej.",
        f"{what_en} This is not a key file of this program, or it is damaged. Choose the right "
        "file or restore it from a backup.",
    )


def _reject_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for name, value in pairs:
        if name in result:
            raise _malformed("Pole występuje dwukrotnie.", "A field appears twice.")
        result[name] = value
    return result


def _reject_constant(name: str) -> Any:
    raise _malformed(
        "Plik zawiera niedozwoloną wartość liczbową.", "The file holds an invalid number."
    )


def _object(value: Any, fields: set[str], where: str) -> dict[str, Any]:
    if not isinstance(value, dict) or set(value) != fields:
        raise _malformed(
            f"Nieoczekiwany zestaw pól w „{where}”.", f"Unexpected set of fields in '{where}'."
        )
    return value


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise _malformed(f"Pole „{where}” nie jest tekstem.", f"Field '{where}' is not text.")
    return value


def _bytes_field(value: Any, length: int, where: str) -> bytes:
    text = _text(value, where)
    try:
        data = base64.b64decode(text, validate=True)
    except ValueError:
        data = b""
    if len(data) != length or _b64(data) != text:
        raise _malformed(
            f"Pole „{where}” ma nieprawidłową treść.", f"Field '{where}' has invalid content."
        )
    return data


@dataclass(frozen=True)
class _KeyFile:
    header: dict[str, Any]
    public_key: Ed25519PublicKey
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    ciphertext: bytes


def _parse_key_file(data: bytes) -> _KeyFile:
    """Validate structure, limits and checksum; no key derivation happens here."""
    if not isinstance(data, (bytes, bytearray)) or len(data) > MAX_KEY_FILE_SIZE:
        raise _malformed("Plik jest za duży.", "The file is too large.")
    try:
        document = json.loads(
            bytes(data).decode("utf-8"),
            object_pairs_hook=_reject_duplicates,
            parse_constant=_reject_constant,
        )
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise _malformed(
            "Plik nie jest poprawnym dokumentem JSON.", "The file is not valid JSON."
        ) from None
    if not isinstance(document, dict) or document.get("format") != KEY_FILE_FORMAT:
        raise _malformed("Brak oznaczenia formatu klucza.", "The key format marker is missing.")
    if type(document.get("version")) is not int:
        raise _malformed("Brak numeru wersji formatu.", "The format version number is missing.")
    if document["version"] != KEY_FILE_VERSION:
        raise _file_error(
            "key_file_version",
            "plik pochodzi z nowszej wersji programu. Zaktualizuj program.",
            "the file comes from a newer version of the program. Update the program.",
        )
    top = _object(
        document,
        {"format", "version", "label", "public_key", "kdf", "cipher", "ciphertext", "checksum"},
        "plik",
    )
    kdf_doc = _object(top["kdf"], {"name", "time_cost", "memory_cost_kib", "lanes", "salt"}, "kdf")
    cipher_doc = _object(top["cipher"], {"name", "nonce"}, "cipher")
    if kdf_doc["name"] != "argon2id" or cipher_doc["name"] != "aes-256-gcm":
        raise _malformed(
            "Nieobsługiwany sposób zabezpieczenia klucza.", "Unsupported key protection method."
        )
    kdf = KdfParams(kdf_doc["time_cost"], kdf_doc["memory_cost_kib"], kdf_doc["lanes"])
    if not kdf.within_limits():
        raise _file_error(
            "key_file_kdf_limits",
            "parametry zabezpieczenia hasłem są poza dopuszczalnym zakresem (pamięć do 1 GiB, "
            "do 20 przebiegów, do 16 wątków). Plik jest uszkodzony lub podrobiony.",
            "the passphrase protection parameters are out of range (memory up to 1 GiB, up to "
            "20 passes, up to 16 lanes). The file is damaged or forged.",
        )
    salt = _bytes_field(kdf_doc["salt"], SALT_LENGTH, "kdf.salt")
    nonce = _bytes_field(cipher_doc["nonce"], NONCE_LENGTH, "cipher.nonce")
    ciphertext = _bytes_field(top["ciphertext"], _KEY_LENGTH + _TAG_LENGTH, "ciphertext")
    _text(top["label"], "label")
    public_key_text = _text(top["public_key"], "public_key")
    checksum = _text(top["checksum"], "checksum")
    body = {name: value for name, value in top.items() if name != "checksum"}
    expected_checksum = hashlib.sha256(_canonical(body)).hexdigest().encode("ascii")
    if not secrets.compare_digest(expected_checksum, checksum.encode("utf-8")):
        raise _file_error(
            "key_file_damaged",
            "plik jest uszkodzony (suma kontrolna się nie zgadza). Przywróć plik klucza z kopii "
            "zapasowej; jeśli jej nie ma, utwórz nowy klucz i zgłoś się ponownie do organizatora.",
            "the file is damaged (checksum mismatch). Restore the key file from a backup; if "
            "there is none, create a new key and enrol with the organizer again.",
        )
    try:
        public_key = public_key_from_openssh(public_key_text)
    except FormatError:
        raise _malformed(
            "Klucz publiczny w pliku jest nieprawidłowy.", "The public key in the file is invalid."
        ) from None
    header = {name: value for name, value in body.items() if name != "ciphertext"}
    return _KeyFile(header, public_key, kdf, salt, nonce, ciphertext)


def read_public_key_from_keyfile(data: bytes) -> Ed25519PublicKey:
    """The public half stored in a key file; needs no passphrase."""
    return _parse_key_file(data).public_key


def decrypt_private_key(data: bytes, passphrase: str) -> Ed25519PrivateKey:
    """Open a key file with its passphrase.

    WrongPassphraseError for a wrong passphrase; FormatError for a damaged, unknown or hostile file.
    """
    parsed = _parse_key_file(data)
    if not isinstance(passphrase, str) or not passphrase:
        raise WrongPassphraseError()
    try:
        raw = AESGCM(_derive_key(passphrase, parsed.salt, parsed.kdf)).decrypt(
            parsed.nonce, parsed.ciphertext, _canonical(parsed.header)
        )
    except InvalidTag:
        raise WrongPassphraseError() from None
    key = Ed25519PrivateKey.from_private_bytes(raw)
    stored = parsed.public_key.public_bytes(Encoding.Raw, PublicFormat.Raw)
    actual = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    if not secrets.compare_digest(stored, actual):
        raise _file_error(
            "key_file_key_mismatch",
            "klucz prywatny nie pasuje do zapisanego klucza publicznego. Plik jest uszkodzony "
            "lub podrobiony; przywróć go z kopii zapasowej albo utwórz nowy klucz.",
            "the private key does not match the stored public key. The file is damaged or "
            "forged; restore it from a backup or create a new key.",
        )
    return key


# --- saving ------------------------------------------------------------------------------------


def save_private_key(path: Path, data: bytes) -> None:
    """Write a key file atomically with mode 0600: no half-written key ever exists under ``path``.

    The temporary file is created 0600 from the start, so the sealed key is never world-readable.
    """
    atomic_write(path, data, mode=0o600)
