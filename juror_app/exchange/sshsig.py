"""OpenSSH signatures (SSHSIG) over Ed25519, so any file we sign can be checked with ``ssh-keygen``.

Every file that travels carries ``manifest.sig``: an armored SSHSIG (OpenSSH ``PROTOCOL.sshsig``)
over the exact bytes of ``manifest.json``. Writing the format ourselves over ``cryptography`` keeps
us byte-identical to ``ssh-keygen -Y sign`` (Ed25519 is deterministic; sha512 is what ssh-keygen
uses), so the README can tell anyone to verify a file with::

    ssh-keygen -Y verify -f allowed_signers -I j007 -n score-package-v1@kapitula.przyjazny-urzad \\
        -s manifest.sig < manifest.json

The parser is deliberately narrow: only ``ssh-ed25519`` keys, only sha256/sha512, a size cap,
canonical base64, no bytes before the armor or after it or after the signature blob. Each refusal
is a :class:`SignatureError` with its own code. Verifying returns the signer's key; whether that key
is *trusted* (the pinned organizer key, a roster key that is not revoked) is the caller's decision.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import struct
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from juror_app.domain.errors import FormatError, SignatureError, ValidationError

NAMESPACE_ENROLLMENT = "enrollment-v1@kapitula.przyjazny-urzad"
NAMESPACE_BUNDLE = "assignment-bundle-v1@kapitula.przyjazny-urzad"
NAMESPACE_PACKAGE = "score-package-v1@kapitula.przyjazny-urzad"

KEY_TYPE = "ssh-ed25519"
SIGNATURE_HASH = "sha512"  # what ssh-keygen -Y sign uses; needed for byte-identical output
ACCEPTED_HASHES = frozenset({"sha256", "sha512"})

MAX_ARMORED_SIZE = 4096  # a real Ed25519 signature is about 300 bytes
MAX_PUBLIC_KEY_TEXT = 4096

_MAGIC = b"SSHSIG"
_VERSION = 1
_BEGIN = "-----BEGIN SSH SIGNATURE-----"
_END = "-----END SSH SIGNATURE-----"
_ARMOR_WIDTH = 70  # ssh-keygen wraps base64 at 70 columns
_MAX_LINE = 76  # other SSHSIG writers wrap at 64 or 76; accept any line up to 76
_BASE64_LINE = re.compile(r"[A-Za-z0-9+/=]+")
_NAMESPACE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@+-]{0,127}")
_PRINCIPAL = re.compile(r"[A-Za-z0-9._@-]+")
_ED25519_KEY_LEN = 32
_ED25519_SIG_LEN = 64


@dataclass(frozen=True)
class SshSignature:
    """A parsed SSHSIG. ``reserved`` is signed too; PROTOCOL.sshsig says to carry it, not refuse it."""

    public_key: Ed25519PublicKey
    namespace: str
    hash_algorithm: str
    signature: bytes
    reserved: bytes = b""


# --- SSH wire format ---------------------------------------------------------------------------


def _string(data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + data


class _Reader:
    """Reads SSH wire-format fields; any overrun raises the error made by ``fail``."""

    def __init__(self, data: bytes, fail: Callable[[], Exception]) -> None:
        self._data = data
        self._pos = 0
        self._fail = fail

    def take(self, n: int) -> bytes:
        if n > len(self._data) - self._pos:
            raise self._fail()
        chunk = self._data[self._pos : self._pos + n]
        self._pos += n
        return chunk

    def uint32(self) -> int:
        return int(struct.unpack(">I", self.take(4))[0])

    def string(self) -> bytes:
        return self.take(self.uint32())

    def at_end(self) -> bool:
        return self._pos == len(self._data)


def public_key_blob(key: Ed25519PublicKey) -> bytes:
    """SSH wire-format public key (``string "ssh-ed25519" || string key``): what fingerprints hash."""
    raw = key.public_bytes(Encoding.Raw, PublicFormat.Raw)
    return _string(KEY_TYPE.encode()) + _string(raw)


def _canonical_b64decode(text: str) -> bytes | None:
    """Decode standard padded base64, refusing any text that would not re-encode to itself."""
    try:
        data = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None
    if base64.b64encode(data).decode("ascii") != text:
        return None
    return data


# --- public keys -------------------------------------------------------------------------------


def _validate_comment(comment: str) -> None:
    if comment and not comment.isprintable():
        raise ValidationError(
            "invalid_key_comment",
            pl="Opis klucza może zawierać tylko zwykłe znaki w jednym wierszu.",
            en="A key comment may contain only printable characters on one line.",
        )


def public_key_to_openssh(key: Ed25519PublicKey, comment: str = "") -> str:
    """One line as in ``id_ed25519.pub``: ``ssh-ed25519 AAAA… comment`` (no newline)."""
    _validate_comment(comment)
    text = f"{KEY_TYPE} {base64.b64encode(public_key_blob(key)).decode('ascii')}"
    return f"{text} {comment}" if comment else text


def _public_key_error(code: str, pl_detail: str, en_detail: str) -> FormatError:
    return FormatError(
        code,
        pl=f"To nie jest prawidłowy klucz publiczny Ed25519 w formacie OpenSSH: {pl_detail} "
        "Skopiuj klucz jeszcze raz, w całości, z pliku .pub lub od jego właściciela.",
        en=f"This is not a valid OpenSSH Ed25519 public key: {en_detail} "
        "Copy the whole key again from the .pub file or from its owner.",
    )


def public_key_from_openssh(text: str) -> Ed25519PublicKey:
    """Parse one ``ssh-ed25519 AAAA… [comment]`` line; anything else is a FormatError."""
    if not isinstance(text, str) or len(text) > MAX_PUBLIC_KEY_TEXT:
        raise _public_key_error(
            "public_key_format", "tekst jest pusty lub za długi.", "the text is empty or too long."
        )
    line = text.strip()
    if not line or any(ch in line for ch in "\r\n\0"):
        raise _public_key_error(
            "public_key_format",
            "oczekiwano dokładnie jednego niepustego wiersza.",
            "expected exactly one non-empty line.",
        )
    parts = line.split(None, 2)
    if len(parts) < 2:
        raise _public_key_error(
            "public_key_format",
            "brakuje typu klucza lub jego zakodowanej treści.",
            "the key type or the encoded key is missing.",
        )
    key_type, encoded = parts[0], parts[1]
    if key_type != KEY_TYPE:
        raise _public_key_error(
            "public_key_type",
            f"typ klucza to „{key_type[:40]}”, a obsługiwany jest tylko {KEY_TYPE}.",
            f"the key type is '{key_type[:40]}'; only {KEY_TYPE} is supported.",
        )
    blob = _canonical_b64decode(encoded)
    if blob is None:
        raise _public_key_error(
            "public_key_encoding",
            "zakodowana treść klucza jest uszkodzona (base64).",
            "the encoded key is damaged (base64).",
        )
    return _parse_public_key_blob(
        blob,
        lambda: _public_key_error(
            "public_key_malformed", "treść klucza jest niekompletna.", "the key data is incomplete."
        ),
        lambda found: _public_key_error(
            "public_key_type",
            f"zakodowany klucz jest typu „{found}”, a nie {KEY_TYPE}.",
            f"the encoded key is of type '{found}', not {KEY_TYPE}.",
        ),
    )


def _parse_public_key_blob(
    blob: bytes, malformed: Callable[[], Exception], wrong_type: Callable[[str], Exception]
) -> Ed25519PublicKey:
    reader = _Reader(blob, malformed)
    key_type = reader.string()
    if key_type != KEY_TYPE.encode():
        raise wrong_type(key_type[:40].decode("ascii", "replace"))
    raw = reader.string()
    if len(raw) != _ED25519_KEY_LEN or not reader.at_end():
        raise malformed()
    return Ed25519PublicKey.from_public_bytes(raw)


# --- signing -----------------------------------------------------------------------------------


def _validate_namespace(namespace: str) -> None:
    if not isinstance(namespace, str) or not _NAMESPACE.fullmatch(namespace):
        raise ValidationError(
            "invalid_namespace",
            pl="Nieprawidłowa przestrzeń nazw podpisu: dozwolone są litery łacińskie, cyfry "
            "i znaki . _ @ + - (do 128 znaków).",
            en="Invalid signature namespace: use Latin letters, digits and . _ @ + - "
            "(up to 128 characters).",
        )


def _signed_data(namespace: bytes, reserved: bytes, hash_algorithm: str, message: bytes) -> bytes:
    digest = hashlib.new(hash_algorithm, message).digest()
    return (
        _MAGIC
        + _string(namespace)
        + _string(reserved)
        + _string(hash_algorithm.encode("ascii"))
        + _string(digest)
    )


def _armor(blob: bytes) -> bytes:
    encoded = base64.b64encode(blob).decode("ascii")
    lines = [encoded[i : i + _ARMOR_WIDTH] for i in range(0, len(encoded), _ARMOR_WIDTH)]
    return "\n".join([_BEGIN, *lines, _END, ""]).encode("ascii")


def sign(private_key: Ed25519PrivateKey, message: bytes, namespace: str) -> bytes:
    """Armored SSHSIG of ``message``; byte-identical to ``ssh-keygen -Y sign -n namespace``."""
    _validate_namespace(namespace)
    ns = namespace.encode("ascii")
    signature = private_key.sign(_signed_data(ns, b"", SIGNATURE_HASH, message))
    blob = (
        _MAGIC
        + struct.pack(">I", _VERSION)
        + _string(public_key_blob(private_key.public_key()))
        + _string(ns)
        + _string(b"")
        + _string(SIGNATURE_HASH.encode("ascii"))
        + _string(_string(KEY_TYPE.encode()) + _string(signature))
    )
    return _armor(blob)


# --- parsing and verifying ---------------------------------------------------------------------

_WHAT_TO_DO_PL = (
    "Plik mógł zostać uszkodzony lub zmieniony po podpisaniu. Poproś nadawcę o ponowne "
    "przesłanie pliku."
)
_WHAT_TO_DO_EN = (
    "The file may have been damaged or changed after signing. Ask the sender to send it again."
)


def _sig_error(code: str, pl: str, en: str, **details: object) -> SignatureError:
    return SignatureError(code, pl=f"{pl} {_WHAT_TO_DO_PL}", en=f"{en} {_WHAT_TO_DO_EN}", **details)


def _malformed() -> SignatureError:
    return _sig_error(
        "signature_malformed",
        "Podpis jest niekompletny lub ma nieprawidłową budowę.",
        "The signature is incomplete or badly structured.",
    )


def _dearmor(armored: bytes) -> bytes:
    if not isinstance(armored, (bytes, bytearray)):
        raise TypeError("armored signature must be bytes")
    if len(armored) > MAX_ARMORED_SIZE:
        raise _sig_error(
            "signature_too_large",
            f"Plik podpisu ma {len(armored)} bajtów, a podpis nie może przekraczać "
            f"{MAX_ARMORED_SIZE} bajtów.",
            f"The signature file has {len(armored)} bytes; a signature may not exceed "
            f"{MAX_ARMORED_SIZE} bytes.",
            size=len(armored),
        )
    try:
        text = bytes(armored).decode("ascii")
    except UnicodeDecodeError:
        raise _sig_error(
            "signature_encoding",
            "Podpis zawiera znaki spoza ASCII.",
            "The signature contains non-ASCII characters.",
        ) from None
    text = text.replace("\r\n", "\n")  # a signature saved by a Windows editor is still the same
    if not text.startswith(_BEGIN + "\n"):
        raise _sig_error(
            "signature_not_armored",
            "To nie jest podpis OpenSSH: brakuje nagłówka „-----BEGIN SSH SIGNATURE-----” "
            "na początku.",
            "This is not an OpenSSH signature: it does not start with "
            "'-----BEGIN SSH SIGNATURE-----'.",
        )
    end = text.find("\n" + _END, len(_BEGIN))
    if end < 0:
        raise _sig_error(
            "signature_not_armored",
            "Podpis jest ucięty: brakuje wiersza „-----END SSH SIGNATURE-----”.",
            "The signature is cut short: the '-----END SSH SIGNATURE-----' line is missing.",
        )
    if text[end + 1 + len(_END) :] not in ("", "\n"):
        raise _sig_error(
            "signature_trailing_data",
            "Po końcu podpisu znajdują się dodatkowe dane.",
            "There is extra data after the end of the signature.",
        )
    lines = text[len(_BEGIN) + 1 : end].split("\n")
    if not all(len(line) <= _MAX_LINE and _BASE64_LINE.fullmatch(line) for line in lines):
        raise _sig_error(
            "signature_encoding",
            "Treść podpisu zawiera niedozwolone znaki lub puste wiersze.",
            "The signature body contains invalid characters or empty lines.",
        )
    blob = _canonical_b64decode("".join(lines))
    if blob is None:
        raise _sig_error(
            "signature_encoding",
            "Treść podpisu jest uszkodzona (base64).",
            "The signature body is damaged (base64).",
        )
    return blob


def parse_signature(armored: bytes) -> SshSignature:
    """Strictly parse an armored SSHSIG; refuse with a specific SignatureError code otherwise."""
    reader = _Reader(_dearmor(armored), _malformed)
    if reader.take(len(_MAGIC)) != _MAGIC:
        raise _malformed()
    version = reader.uint32()
    if version != _VERSION:
        raise _sig_error(
            "signature_version",
            f"Nieobsługiwana wersja podpisu OpenSSH ({version}); obsługiwana jest wersja 1.",
            f"Unsupported OpenSSH signature version ({version}); version 1 is supported.",
        )
    public_key = _parse_public_key_blob(
        reader.string(),
        _malformed,
        lambda found: _sig_error(
            "signature_key_type",
            f"Podpis złożono kluczem typu „{found}”; przyjmowane są tylko klucze {KEY_TYPE}.",
            f"The signature was made with a '{found}' key; only {KEY_TYPE} keys are accepted.",
            key_type=found,
        ),
    )
    try:
        namespace = reader.string().decode("utf-8")
    except UnicodeDecodeError:
        raise _malformed() from None
    if not namespace:
        raise _malformed()
    reserved = reader.string()
    hash_algorithm = reader.string().decode("ascii", "replace")
    if hash_algorithm not in ACCEPTED_HASHES:
        raise _sig_error(
            "signature_hash_algorithm",
            f"Podpis używa funkcji skrótu „{hash_algorithm[:20]}”; przyjmowane są tylko "
            "sha256 i sha512.",
            f"The signature uses the hash '{hash_algorithm[:20]}'; only sha256 and sha512 "
            "are accepted.",
            hash_algorithm=hash_algorithm[:20],
        )
    sig_reader = _Reader(reader.string(), _malformed)
    sig_type = sig_reader.string()
    if sig_type != KEY_TYPE.encode():
        raise _sig_error(
            "signature_algorithm",
            f"Algorytm podpisu nie jest zgodny z kluczem {KEY_TYPE}.",
            f"The signature algorithm does not match the {KEY_TYPE} key.",
        )
    signature = sig_reader.string()
    if len(signature) != _ED25519_SIG_LEN or not sig_reader.at_end():
        raise _malformed()
    if not reader.at_end():
        raise _sig_error(
            "signature_trailing_data",
            "Po danych podpisu znajdują się dodatkowe bajty.",
            "There are extra bytes after the signature data.",
        )
    return SshSignature(public_key, namespace, hash_algorithm, signature, reserved)


def _namespace_kind(namespace: str) -> tuple[str, str]:
    kinds = {
        NAMESPACE_ENROLLMENT: ("zgłoszenia jurora", "a juror enrollment"),
        NAMESPACE_BUNDLE: ("paczki przydziałów", "an assignment bundle"),
        NAMESPACE_PACKAGE: ("paczki ocen", "a score package"),
    }
    return kinds.get(namespace, (f"„{namespace[:60]}”", f"'{namespace[:60]}'"))


def verify(armored: bytes, message: bytes, namespace: str) -> Ed25519PublicKey:
    """Check that ``armored`` signs ``message`` in ``namespace``; return the signer's key.

    The key is returned, not trusted: the caller compares it with the pinned or roster key.
    """
    sig = parse_signature(armored)
    if sig.namespace != namespace:
        expected_pl, expected_en = _namespace_kind(namespace)
        found_pl, found_en = _namespace_kind(sig.namespace)
        raise _sig_error(
            "signature_namespace",
            f"Podpis dotyczy innego rodzaju pliku: oczekiwano podpisu {expected_pl}, "
            f"a jest to podpis {found_pl}.",
            f"The signature is for another kind of file: expected {expected_en}, "
            f"found {found_en}.",
            expected=namespace,
            found=sig.namespace[:128],
        )
    data = _signed_data(sig.namespace.encode("utf-8"), sig.reserved, sig.hash_algorithm, message)
    try:
        sig.public_key.verify(sig.signature, data)
    except InvalidSignature:
        raise _sig_error(
            "signature_invalid",
            "Podpis nie zgadza się z treścią pliku.",
            "The signature does not match the file's content.",
        ) from None
    return sig.public_key


# --- allowed_signers ---------------------------------------------------------------------------


def allowed_signers_line(principal: str, key: Ed25519PublicKey, namespaces: Sequence[str]) -> str:
    """One line of an ``allowed_signers`` file for ``ssh-keygen -Y verify -f``."""
    if not isinstance(principal, str) or not _PRINCIPAL.fullmatch(principal):
        raise ValidationError(
            "invalid_principal",
            pl="Identyfikator osoby podpisującej może zawierać tylko litery łacińskie, cyfry "
            "i znaki . _ @ - (bez spacji).",
            en="A signer identifier may contain only Latin letters, digits and . _ @ - "
            "(no spaces).",
        )
    if isinstance(namespaces, str):
        raise TypeError("namespaces must be a sequence of strings, not one string")
    if not namespaces:
        raise ValidationError(
            "invalid_namespace",
            pl="Podaj co najmniej jedną przestrzeń nazw podpisu.",
            en="Give at least one signature namespace.",
        )
    for namespace in namespaces:
        _validate_namespace(namespace)
    return f'{principal} namespaces="{",".join(namespaces)}" {public_key_to_openssh(key)}'
