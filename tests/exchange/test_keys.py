"""Key generation, fingerprints and the passphrase-protected key file (Argon2id + AES-256-GCM)."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import time
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PrivateFormat

from juror_app.domain.errors import FormatError, UserError, ValidationError
from juror_app.exchange import keys
from juror_app.exchange.keys import (
    DEFAULT_KDF,
    KdfParams,
    WrongPassphraseError,
    decrypt_private_key,
    encrypt_private_key,
    export_openssh_private_key,
    fingerprint,
    generate_private_key,
    read_public_key_from_keyfile,
    save_private_key,
    ssh_fingerprint,
)
from juror_app.exchange.sshsig import public_key_blob, public_key_to_openssh

SEED = bytes(range(32))
KAT_FINGERPRINT = "JPWT-S80D-68G4-E149"
KAT_SSH_FINGERPRINT = "SHA256:lbmsoA0yIEcEiVDRnMWuzm+nV+3ZEEpVIURqFoeSspg"
FAST_KDF = KdfParams(time_cost=1, memory_cost_kib=8 * 1024, lanes=1)  # keeps the many cases quick
PASSPHRASE = "Zielona-łódka-pływa-nocą"


def _raw(key: Ed25519PrivateKey) -> bytes:
    return key.private_bytes(Encoding.Raw, PrivateFormat.Raw, serialization.NoEncryption())


def _canonical(obj: dict[str, Any]) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def _rewrite(data: bytes, change, *, fix_checksum: bool) -> bytes:  # type: ignore[no-untyped-def]
    """Apply ``change`` to the parsed key file; optionally recompute the (unkeyed) checksum."""
    document = json.loads(data)
    change(document)
    if fix_checksum:
        body = {k: v for k, v in document.items() if k != "checksum"}
        document["checksum"] = hashlib.sha256(_canonical(body)).hexdigest()
    return json.dumps(document).encode()


def _flip_b64(value: str) -> str:
    raw = bytearray(base64.b64decode(value))
    raw[0] ^= 1
    return base64.b64encode(bytes(raw)).decode()


@pytest.fixture(scope="module")
def sealed() -> tuple[Ed25519PrivateKey, bytes]:
    key = generate_private_key()
    return key, encrypt_private_key(key, PASSPHRASE, label="Jan Kowalski — laptop", kdf=FAST_KDF)


# --- fingerprints ------------------------------------------------------------------------------


def test_known_fingerprints() -> None:
    public = Ed25519PrivateKey.from_private_bytes(SEED).public_key()
    assert fingerprint(public) == KAT_FINGERPRINT
    assert ssh_fingerprint(public) == KAT_SSH_FINGERPRINT


def test_fingerprint_is_80_bits_of_sha256_in_crockford_base32() -> None:
    """Recompute bit by bit, independently of the module's base32 translation."""
    alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
    for _ in range(20):
        public = generate_private_key().public_key()
        value = int.from_bytes(hashlib.sha256(public_key_blob(public)).digest()[:10], "big")
        chars = "".join(alphabet[(value >> (75 - 5 * i)) & 31] for i in range(16))
        expected = "-".join(chars[i : i + 4] for i in range(0, 16, 4))
        assert fingerprint(public) == expected
        assert not set(expected) & set("ILOU")


@pytest.mark.skipif(shutil.which("ssh-keygen") is None, reason="ssh-keygen (OpenSSH) is not installed")
def test_ssh_fingerprint_matches_ssh_keygen(tmp_path: Path) -> None:
    for key in (Ed25519PrivateKey.from_private_bytes(SEED), generate_private_key()):
        pub_path = tmp_path / "key.pub"
        pub_path.write_text(public_key_to_openssh(key.public_key(), "test") + "\n")
        result = subprocess.run(
            ["ssh-keygen", "-lf", str(pub_path)], capture_output=True, text=True, check=True, timeout=60
        )
        print(f"\nssh-keygen -lf: {result.stdout.strip()}")
        assert result.stdout.split()[1] == ssh_fingerprint(key.public_key())


def test_export_openssh_private_key_loads_back() -> None:
    key = generate_private_key()
    pem = export_openssh_private_key(key)
    assert pem.startswith(b"-----BEGIN OPENSSH PRIVATE KEY-----")
    loaded = serialization.load_ssh_private_key(pem, None)
    assert _raw(loaded) == _raw(key)  # type: ignore[arg-type]


# --- round trip and passphrases ----------------------------------------------------------------


def test_round_trip(sealed: tuple[Ed25519PrivateKey, bytes]) -> None:
    key, data = sealed
    assert _raw(decrypt_private_key(data, PASSPHRASE)) == _raw(key)
    assert read_public_key_from_keyfile(data) == key.public_key()
    document = json.loads(data)
    assert document["label"] == "Jan Kowalski — laptop"
    assert document["public_key"] == public_key_to_openssh(key.public_key())


def test_two_encryptions_use_fresh_salt_and_nonce() -> None:
    key = generate_private_key()
    first = json.loads(encrypt_private_key(key, PASSPHRASE, kdf=FAST_KDF))
    second = json.loads(encrypt_private_key(key, PASSPHRASE, kdf=FAST_KDF))
    assert first["kdf"]["salt"] != second["kdf"]["salt"]
    assert first["cipher"]["nonce"] != second["cipher"]["nonce"]
    assert first["ciphertext"] != second["ciphertext"]


def test_wrong_passphrase(sealed: tuple[Ed25519PrivateKey, bytes]) -> None:
    _, data = sealed
    for attempt in ("zielona-łódka-pływa-nocą", PASSPHRASE + " ", "ZIELONA-ŁÓDKA-PŁYWA-NOCĄ", ""):
        with pytest.raises(WrongPassphraseError) as caught:
            decrypt_private_key(data, attempt)
        error = caught.value
        assert isinstance(error, UserError) and error.code == "wrong_passphrase"
        assert "Caps Lock" in error.pl and "Caps Lock" in error.en


def test_unicode_passphrase_nfc_and_nfd_open_the_same_key() -> None:
    key = generate_private_key()
    nfc = unicodedata.normalize("NFC", "Zażółć gęślą jaźń")
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfc != nfd
    assert _raw(decrypt_private_key(encrypt_private_key(key, nfd, kdf=FAST_KDF), nfc)) == _raw(key)
    assert _raw(decrypt_private_key(encrypt_private_key(key, nfc, kdf=FAST_KDF), nfd)) == _raw(key)


def test_empty_passphrase_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        encrypt_private_key(generate_private_key(), "", kdf=FAST_KDF)
    assert caught.value.code == "empty_passphrase"


def test_label_with_newline_refused() -> None:
    with pytest.raises(ValidationError):
        encrypt_private_key(generate_private_key(), PASSPHRASE, label="a\nb", kdf=FAST_KDF)


# --- tampering ---------------------------------------------------------------------------------

TAMPERINGS = {
    "salt": lambda d: d["kdf"].__setitem__("salt", _flip_b64(d["kdf"]["salt"])),
    "time_cost": lambda d: d["kdf"].__setitem__("time_cost", d["kdf"]["time_cost"] + 1),
    "memory_cost_kib": lambda d: d["kdf"].__setitem__("memory_cost_kib", d["kdf"]["memory_cost_kib"] * 2),
    "lanes": lambda d: d["kdf"].__setitem__("lanes", 2),
    "nonce": lambda d: d["cipher"].__setitem__("nonce", _flip_b64(d["cipher"]["nonce"])),
    "ciphertext": lambda d: d.__setitem__("ciphertext", _flip_b64(d["ciphertext"])),
    "label": lambda d: d.__setitem__("label", "someone else"),
    "public_key": lambda d: d.__setitem__(
        "public_key", public_key_to_openssh(generate_private_key().public_key())
    ),
}


@pytest.mark.parametrize("field", sorted(TAMPERINGS))
def test_tampering_is_detected(sealed: tuple[Ed25519PrivateKey, bytes], field: str) -> None:
    _, data = sealed
    # accidental damage: the checksum no longer matches → "damaged", no KDF run needed
    with pytest.raises(FormatError) as damaged:
        decrypt_private_key(_rewrite(data, TAMPERINGS[field], fix_checksum=False), PASSPHRASE)
    assert damaged.value.code == "key_file_damaged"
    # deliberate change with a recomputed checksum: the AES-GCM associated data still catches it
    with pytest.raises(WrongPassphraseError):
        decrypt_private_key(_rewrite(data, TAMPERINGS[field], fix_checksum=True), PASSPHRASE)


def test_private_key_must_match_stored_public_key() -> None:
    """Even a correctly sealed file is refused when its two halves disagree."""
    key, other = generate_private_key(), generate_private_key()
    forged = keys._seal(  # noqa: SLF001 - building an inconsistent file needs the internal sealer
        _raw(key),
        public_key_to_openssh(other.public_key()),
        PASSPHRASE,
        label="",
        kdf=FAST_KDF,
        salt=os.urandom(16),
        nonce=os.urandom(12),
    )
    with pytest.raises(FormatError) as caught:
        decrypt_private_key(forged, PASSPHRASE)
    assert caught.value.code == "key_file_key_mismatch"


# --- hostile or broken files -------------------------------------------------------------------

HOSTILE_KDF = {
    "memory 1 TiB": {"memory_cost_kib": 1 << 30},
    "memory 1 GiB + 1 KiB": {"memory_cost_kib": (1 << 20) + 1},
    "time 10^9": {"time_cost": 10**9},
    "time 21": {"time_cost": 21},
    "lanes 1000": {"lanes": 1000},
    "lanes 0": {"lanes": 0},
    "time 0": {"time_cost": 0},
    "negative memory": {"memory_cost_kib": -1},
    "memory below 8 per lane": {"memory_cost_kib": 7, "lanes": 1},
    "boolean time": {"time_cost": True},
    "float memory": {"memory_cost_kib": 65536.0},
    "string lanes": {"lanes": "4"},
}


@pytest.mark.parametrize("case", sorted(HOSTILE_KDF))
def test_hostile_kdf_params_refused_before_derivation(
    sealed: tuple[Ed25519PrivateKey, bytes], case: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, data = sealed

    def must_not_run(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("key derivation ran for a hostile file")

    monkeypatch.setattr(keys, "_derive_key", must_not_run)
    monkeypatch.setattr(keys, "Argon2id", must_not_run)
    hostile = _rewrite(data, lambda d: d["kdf"].update(HOSTILE_KDF[case]), fix_checksum=True)
    with pytest.raises(FormatError) as caught:
        decrypt_private_key(hostile, PASSPHRASE)
    assert caught.value.code == "key_file_kdf_limits"


def test_limits_accept_the_documented_maximum() -> None:
    assert KdfParams(time_cost=20, memory_cost_kib=1 << 20, lanes=16).within_limits()
    assert DEFAULT_KDF.within_limits()


BROKEN_FILES = {
    "empty": b"",
    "not JSON": b"\x89PNG\r\n",
    "not UTF-8": b'{"format": "\xff"}',
    "JSON list": b"[]",
    "other format": b'{"format": "something-else"}',
    "deep nesting": b"[" * 100_000,
    "too large": b" " * (65 * 1024),
    "PEM key": b"-----BEGIN OPENSSH PRIVATE KEY-----\n",
}


@pytest.mark.parametrize("case", sorted(BROKEN_FILES))
def test_broken_files_refused(case: str) -> None:
    with pytest.raises(FormatError):
        decrypt_private_key(BROKEN_FILES[case], PASSPHRASE)
    with pytest.raises(FormatError):
        read_public_key_from_keyfile(BROKEN_FILES[case])


STRUCTURE_CHANGES = {
    "duplicate field": lambda raw: raw.replace(b'"label"', b'"label": "x", "label"', 1),
    "NaN": lambda raw: raw.replace(b'"lanes": 1', b'"lanes": NaN', 1),
    "unknown field": lambda raw: raw.replace(b'"label"', b'"extra": 1, "label"', 1),
    "missing field": lambda raw: raw.replace(b'"label"', b'"lable"', 1),
    "newer version": lambda raw: raw.replace(b'"version": 1', b'"version": 2', 1),
    "short salt": lambda raw: _rewrite(raw, lambda d: d["kdf"].__setitem__("salt", "AAAA"), fix_checksum=True),
    "other cipher": lambda raw: _rewrite(
        raw, lambda d: d["cipher"].__setitem__("name", "chacha20-poly1305"), fix_checksum=True
    ),
    "other kdf": lambda raw: _rewrite(raw, lambda d: d["kdf"].__setitem__("name", "pbkdf2"), fix_checksum=True),
    "bad public key": lambda raw: _rewrite(
        raw, lambda d: d.__setitem__("public_key", "ssh-rsa AAAA"), fix_checksum=True
    ),
}


@pytest.mark.parametrize("case", sorted(STRUCTURE_CHANGES))
def test_structural_damage_refused(sealed: tuple[Ed25519PrivateKey, bytes], case: str) -> None:
    _, data = sealed
    pretty = json.dumps(json.loads(data), indent=1).encode()
    with pytest.raises(FormatError) as caught:
        decrypt_private_key(STRUCTURE_CHANGES[case](pretty), PASSPHRASE)
    print(f"\n{case}: {caught.value.code}")
    assert caught.value.pl and caught.value.en


def test_every_truncation_refused(sealed: tuple[Ed25519PrivateKey, bytes]) -> None:
    _, data = sealed
    significant = data.rstrip(b"\n")
    outcomes: dict[str, int] = {}
    for length in range(len(significant)):
        try:
            read_public_key_from_keyfile(data[:length])
            outcomes["accepted"] = outcomes.get("accepted", 0) + 1
        except FormatError:
            outcomes["refused"] = outcomes.get("refused", 0) + 1
    print(f"\n{len(significant)} truncations of a key file: {outcomes}")
    assert outcomes == {"refused": len(significant)}


# --- the KDF really is Argon2id with the stated cost, not PKCS8 BestAvailableEncryption ----------


def test_best_available_encryption_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    class Forbidden:
        def __init__(self, *args: object, **kwargs: object) -> None:
            raise AssertionError("BestAvailableEncryption (PBKDF2, 2,048 iterations) must not be used")

    monkeypatch.setattr(serialization, "BestAvailableEncryption", Forbidden)
    derivations: list[KdfParams] = []
    real_derive = keys._derive_key  # noqa: SLF001

    def spy(passphrase: str, salt: bytes, kdf: KdfParams) -> bytes:
        derivations.append(kdf)
        return real_derive(passphrase, salt, kdf)

    monkeypatch.setattr(keys, "_derive_key", spy)
    key = generate_private_key()
    data = encrypt_private_key(key, PASSPHRASE, kdf=FAST_KDF)
    assert _raw(decrypt_private_key(data, PASSPHRASE)) == _raw(key)
    assert derivations == [FAST_KDF, FAST_KDF]
    assert "BestAvailableEncryption" not in vars(keys)
    assert b"ENCRYPTED" not in data and b"BEGIN" not in data
    for loader in (serialization.load_pem_private_key, serialization.load_der_private_key):
        with pytest.raises((ValueError, TypeError)):
            loader(data, PASSPHRASE.encode())


def test_default_kdf_is_memory_hard_and_unlock_time_is_reported() -> None:
    assert DEFAULT_KDF.memory_cost_kib >= 64 * 1024 and DEFAULT_KDF.time_cost >= 2
    key = generate_private_key()
    data = encrypt_private_key(key, PASSPHRASE)
    document = json.loads(data)
    assert document["kdf"] == {
        "name": "argon2id",
        "time_cost": DEFAULT_KDF.time_cost,
        "memory_cost_kib": DEFAULT_KDF.memory_cost_kib,
        "lanes": DEFAULT_KDF.lanes,
        "salt": document["kdf"]["salt"],
    }
    assert len(base64.b64decode(document["kdf"]["salt"])) == 16
    assert len(base64.b64decode(document["cipher"]["nonce"])) == 12
    timings = []
    for _ in range(5):
        start = time.perf_counter()
        unlocked = decrypt_private_key(data, PASSPHRASE)
        timings.append(time.perf_counter() - start)
    assert _raw(unlocked) == _raw(key)
    print(
        f"\nunlock with DEFAULT_KDF (t={DEFAULT_KDF.time_cost}, m={DEFAULT_KDF.memory_cost_kib // 1024} MiB, "
        f"p={DEFAULT_KDF.lanes}): median of 5 = {statistics.median(timings) * 1000:.0f} ms "
        f"(min {min(timings) * 1000:.0f}, max {max(timings) * 1000:.0f})"
    )


# --- saving ------------------------------------------------------------------------------------


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_save_private_key_mode_0600_and_content(tmp_path: Path) -> None:
    path = tmp_path / "juror.key"
    data = encrypt_private_key(generate_private_key(), PASSPHRASE, kdf=FAST_KDF)
    old_umask = os.umask(0)
    try:
        save_private_key(path, data)
    finally:
        os.umask(old_umask)
    assert path.read_bytes() == data
    assert (path.stat().st_mode & 0o777) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["juror.key"]


def test_save_private_key_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "juror.key"
    path.write_bytes(b"old key file")
    synced: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd))[1])

    def failing_replace(src: object, dst: object) -> None:
        raise OSError("simulated crash before the rename")

    with monkeypatch.context() as inner:
        inner.setattr(os, "replace", failing_replace)
        with pytest.raises(OSError):
            save_private_key(path, b"new key file")
    assert path.read_bytes() == b"old key file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["juror.key"]

    synced.clear()
    save_private_key(path, b"new key file")
    assert path.read_bytes() == b"new key file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["juror.key"]
    print(f"\nfsync calls for one save (file, then folder on POSIX): {len(synced)}")
    assert len(synced) >= (2 if os.name == "posix" else 1)
