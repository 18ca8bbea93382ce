"""SSHSIG: known answers, byte-identity with ssh-keygen, and refusal of anything altered."""

from __future__ import annotations

import base64
import hashlib
import os
import random
import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from hypothesis import given, settings
from hypothesis import strategies as st

from juror_app.domain.errors import FormatError, SignatureError, ValidationError
from juror_app.exchange import sshsig
from juror_app.exchange.keys import export_openssh_private_key
from juror_app.exchange.sshsig import (
    NAMESPACE_BUNDLE,
    NAMESPACE_ENROLLMENT,
    NAMESPACE_PACKAGE,
    SshSignature,
    allowed_signers_line,
    parse_signature,
    public_key_from_openssh,
    public_key_to_openssh,
    sign,
    verify,
)

SEED = bytes(range(32))
KAT_PUBLIC = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAOhB7/zzhC+HXDdGOdLwJln5NYwm6UNXx3chmQSVTG4"
# sign(SEED key, b"", NAMESPACE_PACKAGE); equal to what ssh-keygen -Y sign wrote for that key
KAT_EMPTY_PACKAGE_SIGNATURE = (
    b"-----BEGIN SSH SIGNATURE-----\n"
    b"U1NIU0lHAAAAAQAAADMAAAALc3NoLWVkMjU1MTkAAAAgA6EHv/POEL4dcN0Y50vAmWfk1j\n"
    b"CbpQ1fHdyGZBJVMbgAAAApc2NvcmUtcGFja2FnZS12MUBrYXBpdHVsYS5wcnp5amF6bnkt\n"
    b"dXJ6YWQAAAAAAAAABnNoYTUxMgAAAFMAAAALc3NoLWVkMjU1MTkAAABABKNeee0ksvgtzk\n"
    b"p68bPc7rCY+eOP53R/GqUbfYNW4lt9ADU2UvwBG8DNgQ72l3YRZZt98nSM5mXHsLbJmdGN\n"
    b"CQ==\n"
    b"-----END SSH SIGNATURE-----\n"
)

MESSAGES = {
    "empty": b"",
    "ascii": b'{"format": "score-package", "version": 1, "revision": 3}\n',
    "polish": "Zażółć gęślą jaźń — Urząd Miasta Dębica, ocena: 4/5".encode("utf-8"),
    "one_megabyte": random.Random(2024).randbytes(1024 * 1024),
}

SSH_KEYGEN = shutil.which("ssh-keygen")
needs_ssh_keygen = pytest.mark.skipif(
    SSH_KEYGEN is None, reason="ssh-keygen (OpenSSH) is not installed on this machine"
)


@pytest.fixture(scope="module")
def kat_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(SEED)


# --- helpers that build SSHSIG blobs independently of the module under test --------------------


def _s(data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + data


def _key_text(blob: bytes) -> str:
    return "ssh-ed25519 " + base64.b64encode(blob).decode()


def _ed25519_blob(key: Ed25519PrivateKey) -> bytes:
    return _s(b"ssh-ed25519") + _s(key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))


def _blob(
    key: Ed25519PrivateKey,
    message: bytes,
    *,
    namespace: bytes = NAMESPACE_PACKAGE.encode(),
    hash_alg: str = "sha512",
    version: int = 1,
    public_blob: bytes | None = None,
    sig_type: bytes = b"ssh-ed25519",
    reserved: bytes = b"",
    magic: bytes = b"SSHSIG",
) -> bytes:
    digest = hashlib.new(hash_alg, message).digest()
    signed = b"SSHSIG" + _s(namespace) + _s(reserved) + _s(hash_alg.encode()) + _s(digest)
    signature = key.sign(signed)
    return (
        magic
        + struct.pack(">I", version)
        + _s(public_blob if public_blob is not None else _ed25519_blob(key))
        + _s(namespace)
        + _s(reserved)
        + _s(hash_alg.encode())
        + _s(_s(sig_type) + _s(signature))
    )


def _armor(blob: bytes, width: int = 70) -> bytes:
    text = base64.b64encode(blob).decode()
    lines = [text[i : i + width] for i in range(0, len(text), width)]
    return ("-----BEGIN SSH SIGNATURE-----\n" + "\n".join(lines) + "\n-----END SSH SIGNATURE-----\n").encode()


def _code(armored: bytes, message: bytes = b"m", namespace: str = NAMESPACE_PACKAGE) -> str:
    with pytest.raises(SignatureError) as caught:
        verify(armored, message, namespace)
    error = caught.value
    assert error.pl and error.en and error.pl != error.en
    return error.code


# --- known answers -----------------------------------------------------------------------------


def test_known_public_key_text(kat_key: Ed25519PrivateKey) -> None:
    assert public_key_to_openssh(kat_key.public_key()) == KAT_PUBLIC
    assert public_key_to_openssh(kat_key.public_key(), "juror j007") == KAT_PUBLIC + " juror j007"


def test_known_signature(kat_key: Ed25519PrivateKey) -> None:
    assert sign(kat_key, b"", NAMESPACE_PACKAGE) == KAT_EMPTY_PACKAGE_SIGNATURE
    assert verify(KAT_EMPTY_PACKAGE_SIGNATURE, b"", NAMESPACE_PACKAGE) == kat_key.public_key()


def test_public_key_text_round_trip(kat_key: Ed25519PrivateKey) -> None:
    key = kat_key.public_key()
    for text in (KAT_PUBLIC, KAT_PUBLIC + " a comment with spaces", KAT_PUBLIC + "\n", KAT_PUBLIC + "\r\n"):
        assert public_key_from_openssh(text) == key


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "public_key_format"),
        ("ssh-ed25519", "public_key_format"),
        (KAT_PUBLIC + "\n" + KAT_PUBLIC, "public_key_format"),
        ("x" * 5000, "public_key_format"),
        (KAT_PUBLIC.replace("ssh-ed25519 ", "ssh-rsa "), "public_key_type"),
        (KAT_PUBLIC.replace("ssh-ed25519 ", "ecdsa-sha2-nistp256 "), "public_key_type"),
        (KAT_PUBLIC[:-1], "public_key_encoding"),
        (KAT_PUBLIC[:-1] + "!", "public_key_encoding"),
        (_key_text(_s(b"ssh-ed25519") + _s(b"\0" * 31)), "public_key_malformed"),
        (_key_text(_s(b"ssh-ed25519") + _s(b"\0" * 32) + b"x"), "public_key_malformed"),
        (_key_text(_s(b"ssh-rsa") + _s(b"\0" * 32)), "public_key_type"),
    ],
)
def test_public_key_text_refused(text: str, code: str) -> None:
    with pytest.raises(FormatError) as caught:
        public_key_from_openssh(text)
    assert caught.value.code == code


def test_comment_with_newline_refused(kat_key: Ed25519PrivateKey) -> None:
    with pytest.raises(ValidationError):
        public_key_to_openssh(kat_key.public_key(), "two\nlines")


# --- sign / parse / verify ---------------------------------------------------------------------


def test_round_trip_every_namespace() -> None:
    key = Ed25519PrivateKey.generate()
    for namespace in (NAMESPACE_ENROLLMENT, NAMESPACE_BUNDLE, NAMESPACE_PACKAGE):
        armored = sign(key, MESSAGES["polish"], namespace)
        parsed = parse_signature(armored)
        assert parsed == SshSignature(key.public_key(), namespace, "sha512", parsed.signature)
        assert verify(armored, MESSAGES["polish"], namespace) == key.public_key()


def test_sign_refuses_bad_namespace() -> None:
    key = Ed25519PrivateKey.generate()
    for namespace in ("", "with space", 'quote"d', "comma,separated", "x" * 200):
        with pytest.raises(ValidationError):
            sign(key, b"m", namespace)


def test_accepts_sha256_and_other_line_widths_and_crlf(kat_key: Ed25519PrivateKey) -> None:
    message = MESSAGES["ascii"]
    for armored in (
        _armor(_blob(kat_key, message, hash_alg="sha256")),
        _armor(_blob(kat_key, message), width=64),
        _armor(_blob(kat_key, message), width=76),
        _armor(_blob(kat_key, message)).replace(b"\n", b"\r\n"),
        _armor(_blob(kat_key, message)).rstrip(b"\n"),
    ):
        assert verify(armored, message, NAMESPACE_PACKAGE) == kat_key.public_key()


def test_reserved_field_is_signed_and_carried(kat_key: Ed25519PrivateKey) -> None:
    armored = _armor(_blob(kat_key, b"m", reserved=b"future"))
    assert parse_signature(armored).reserved == b"future"
    assert verify(armored, b"m", NAMESPACE_PACKAGE) == kat_key.public_key()


def _rsa_public_blob() -> bytes:
    def mpint(value: int) -> bytes:
        raw = value.to_bytes((value.bit_length() + 8) // 8, "big")
        return _s(raw)

    return _s(b"ssh-rsa") + mpint(65537) + mpint(random.Random(1).getrandbits(2048) | 1)


def test_refusals_each_have_their_own_code(kat_key: Ed25519PrivateKey) -> None:
    good_blob = _blob(kat_key, b"m")
    good = _armor(good_blob)
    cases = {
        "wrong namespace": (sign(kat_key, b"m", NAMESPACE_BUNDLE), "signature_namespace"),
        "changed message": (_armor(_blob(kat_key, b"other")), "signature_invalid"),
        "ssh-rsa key": (_armor(_blob(kat_key, b"m", public_blob=_rsa_public_blob())), "signature_key_type"),
        "sk-ed25519 key": (
            _armor(_blob(kat_key, b"m", public_blob=_s(b"sk-ssh-ed25519@openssh.com") + _s(b"\1" * 32))),
            "signature_key_type",
        ),
        "sha1": (_armor(_blob(kat_key, b"m", hash_alg="sha1")), "signature_hash_algorithm"),
        "md5": (_armor(_blob(kat_key, b"m", hash_alg="md5")), "signature_hash_algorithm"),
        "version 2": (_armor(_blob(kat_key, b"m", version=2)), "signature_version"),
        "bad magic": (_armor(_blob(kat_key, b"m", magic=b"SSHSIH")), "signature_malformed"),
        "rsa signature type": (_armor(_blob(kat_key, b"m", sig_type=b"rsa-sha2-512")), "signature_algorithm"),
        "garbage after armor": (good + b"garbage", "signature_trailing_data"),
        "second signature after armor": (good + good, "signature_trailing_data"),
        "bytes after blob": (_armor(good_blob + b"\0"), "signature_trailing_data"),
        "truncated blob": (_armor(good_blob[:-1]), "signature_malformed"),
        "text before armor": (b"note\n" + good, "signature_not_armored"),
        "no end line": (good.replace(b"-----END SSH SIGNATURE-----\n", b""), "signature_not_armored"),
        "not a signature": (b"hello", "signature_not_armored"),
        "non-ASCII": (good.replace(b"U1NI", "Ą".encode()), "signature_encoding"),
        "empty line in body": (good.replace(b"\n", b"\n\n", 2), "signature_encoding"),
        "line too long": (_armor(good_blob, width=200), "signature_encoding"),
        "oversize input": (good + b" " * sshsig.MAX_ARMORED_SIZE, "signature_too_large"),
        "oversize blob": (_armor(_blob(kat_key, b"m", reserved=b"r" * 4000)), "signature_too_large"),
    }
    codes = {name: _code(armored) for name, (armored, _) in cases.items()}
    print()
    for name, (_, expected) in cases.items():
        print(f"  {name:28} -> {codes[name]}")
        assert codes[name] == expected, name


def test_namespace_message_names_both_kinds(kat_key: Ed25519PrivateKey) -> None:
    with pytest.raises(SignatureError) as caught:
        verify(sign(kat_key, b"m", NAMESPACE_BUNDLE), b"m", NAMESPACE_PACKAGE)
    assert "paczki przydziałów" in caught.value.pl and "paczki ocen" in caught.value.pl
    assert "assignment bundle" in caught.value.en and "score package" in caught.value.en


def _classify(armored: bytes, original: SshSignature, signer, message: bytes) -> str:  # type: ignore[no-untyped-def]
    try:
        key = verify(armored, message, NAMESPACE_PACKAGE)
    except SignatureError:
        return "refused"
    except Exception:  # noqa: BLE001 - counting exactly these is the point of the test
        return "unhandled"
    if key != signer or parse_signature(armored) != original:
        return "accepted_changed"
    return "accepted_same"


def test_every_single_byte_mutation_and_truncation() -> None:
    key = Ed25519PrivateKey.generate()
    message = MESSAGES["ascii"]
    armored = sign(key, message, NAMESPACE_PACKAGE)
    original = parse_signature(armored)
    signer = key.public_key()

    mutation_counts = {"refused": 0, "accepted_same": 0, "accepted_changed": 0, "unhandled": 0}
    for position in range(len(armored)):
        for value in range(256):
            if value == armored[position]:
                continue
            mutated = armored[:position] + bytes([value]) + armored[position + 1 :]
            mutation_counts[_classify(mutated, original, signer, message)] += 1
    total = sum(mutation_counts.values())
    print(
        f"\n{total} single-byte mutations of a signature: "
        f"{mutation_counts['accepted_changed']} accepted with a changed key/namespace/message, "
        f"{mutation_counts['unhandled']} unhandled exceptions "
        f"({mutation_counts['accepted_same']} accepted unchanged, {mutation_counts['refused']} refused)"
    )

    truncation_counts = {"refused": 0, "accepted_same": 0, "accepted_changed": 0, "unhandled": 0}
    for length in range(len(armored)):
        truncation_counts[_classify(armored[:length], original, signer, message)] += 1
    print(
        f"{len(armored)} truncations of a signature: "
        f"{truncation_counts['accepted_changed']} accepted with a changed key/namespace/message, "
        f"{truncation_counts['unhandled']} unhandled exceptions "
        f"({truncation_counts['accepted_same']} accepted unchanged: the final newline is optional)"
    )

    assert total == len(armored) * 255
    assert mutation_counts["accepted_changed"] == 0 and mutation_counts["unhandled"] == 0
    assert mutation_counts["accepted_same"] == 0  # the armor allows no free bytes
    assert truncation_counts["accepted_changed"] == 0 and truncation_counts["unhandled"] == 0
    assert truncation_counts["accepted_same"] == 1  # only dropping the final "\n"


def test_signature_does_not_verify_other_message_or_namespace() -> None:
    key = Ed25519PrivateKey.generate()
    armored = sign(key, MESSAGES["ascii"], NAMESPACE_PACKAGE)
    assert _code(armored, MESSAGES["ascii"] + b" ") == "signature_invalid"
    assert _code(armored, MESSAGES["ascii"], NAMESPACE_ENROLLMENT) == "signature_namespace"


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600))
def test_random_bytes_only_raise_signature_error(data: bytes) -> None:
    with pytest.raises(SignatureError):
        parse_signature(data)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_random_armored_blobs_only_raise_signature_error(blob: bytes) -> None:
    with pytest.raises(SignatureError):
        verify(_armor(blob) if blob else b"", b"m", NAMESPACE_PACKAGE)


# --- allowed_signers ---------------------------------------------------------------------------


def test_allowed_signers_line(kat_key: Ed25519PrivateKey) -> None:
    line = allowed_signers_line("j007", kat_key.public_key(), [NAMESPACE_PACKAGE])
    assert line == f'j007 namespaces="{NAMESPACE_PACKAGE}" {KAT_PUBLIC}'
    two = allowed_signers_line("org@kapitula", kat_key.public_key(), [NAMESPACE_BUNDLE, NAMESPACE_PACKAGE])
    assert two == f'org@kapitula namespaces="{NAMESPACE_BUNDLE},{NAMESPACE_PACKAGE}" {KAT_PUBLIC}'


@pytest.mark.parametrize("principal", ["", "jan kowalski", "j*", "a,b", 'x"', "żaneta", "j\n007"])
def test_allowed_signers_refuses_bad_principal(kat_key: Ed25519PrivateKey, principal: str) -> None:
    with pytest.raises(ValidationError) as caught:
        allowed_signers_line(principal, kat_key.public_key(), [NAMESPACE_PACKAGE])
    assert caught.value.code == "invalid_principal"


def test_allowed_signers_refuses_bad_namespaces(kat_key: Ed25519PrivateKey) -> None:
    for namespaces in ([], ['a"b'], ["a,b"]):
        with pytest.raises(ValidationError):
            allowed_signers_line("j007", kat_key.public_key(), namespaces)


# --- interoperability with OpenSSH -------------------------------------------------------------


def _run(args: list[str], stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k != "SSH_AUTH_SOCK"}
    return subprocess.run(args, input=stdin, capture_output=True, env=env, timeout=120, check=False)


@pytest.fixture()
def ssh_key_file(tmp_path: Path) -> tuple[Ed25519PrivateKey, Path]:
    key = Ed25519PrivateKey.generate()
    path = tmp_path / "id_ed25519"
    path.write_bytes(export_openssh_private_key(key))
    path.chmod(0o600)
    return key, path


def _ssh_keygen_sign(key_path: Path, message: bytes, namespace: str, *options: str) -> bytes:
    message_path = key_path.parent / "message.bin"
    message_path.write_bytes(message)
    sig_path = Path(f"{message_path}.sig")
    if sig_path.exists():
        sig_path.unlink()
    command = ["ssh-keygen", "-Y", "sign", "-n", namespace, "-f", str(key_path), *options, str(message_path)]
    result = _run(command)
    assert result.returncode == 0, result.stderr.decode()
    return sig_path.read_bytes()


@needs_ssh_keygen
def test_known_answer_matches_ssh_keygen(tmp_path: Path, kat_key: Ed25519PrivateKey) -> None:
    key_path = tmp_path / "kat"
    key_path.write_bytes(export_openssh_private_key(kat_key))
    key_path.chmod(0o600)
    derived = _run(["ssh-keygen", "-y", "-f", str(key_path)])
    assert derived.stdout.decode().split()[:2] == KAT_PUBLIC.split()
    assert _ssh_keygen_sign(key_path, b"", NAMESPACE_PACKAGE) == KAT_EMPTY_PACKAGE_SIGNATURE


@needs_ssh_keygen
@pytest.mark.parametrize("name", sorted(MESSAGES))
def test_byte_identical_to_ssh_keygen(ssh_key_file: tuple[Ed25519PrivateKey, Path], name: str) -> None:
    key, key_path = ssh_key_file
    message = MESSAGES[name]
    theirs = _ssh_keygen_sign(key_path, message, NAMESPACE_PACKAGE)
    ours = sign(key, message, NAMESPACE_PACKAGE)
    print(f"\n{name}: {len(message)} byte message, {len(ours)} byte signature, identical={ours == theirs}")
    assert ours == theirs
    assert verify(theirs, message, NAMESPACE_PACKAGE) == key.public_key()


@needs_ssh_keygen
def test_we_verify_ssh_keygen_sha256_signature(ssh_key_file: tuple[Ed25519PrivateKey, Path]) -> None:
    key, key_path = ssh_key_file
    theirs = _ssh_keygen_sign(key_path, MESSAGES["polish"], NAMESPACE_BUNDLE, "-O", "hashalg=sha256")
    assert parse_signature(theirs).hash_algorithm == "sha256"
    assert verify(theirs, MESSAGES["polish"], NAMESPACE_BUNDLE) == key.public_key()


@needs_ssh_keygen
@pytest.mark.parametrize("name", sorted(MESSAGES))
def test_ssh_keygen_verifies_our_signatures(tmp_path: Path, name: str) -> None:
    key = Ed25519PrivateKey.generate()
    message = MESSAGES[name]
    allowed = tmp_path / "allowed_signers"
    allowed.write_text(allowed_signers_line("j007", key.public_key(), [NAMESPACE_PACKAGE]) + "\n")
    sig_path = tmp_path / "manifest.sig"
    sig_path.write_bytes(sign(key, message, NAMESPACE_PACKAGE))

    def ssh_verify(data: bytes, namespace: str, principal: str = "j007") -> int:
        return _run(
            ["ssh-keygen", "-Y", "verify", "-f", str(allowed), "-I", principal, "-n", namespace,
             "-s", str(sig_path)],
            stdin=data,
        ).returncode

    assert ssh_verify(message, NAMESPACE_PACKAGE) == 0
    assert ssh_verify(message + b"x", NAMESPACE_PACKAGE) != 0
    assert ssh_verify(message, NAMESPACE_BUNDLE) != 0
    assert ssh_verify(message, NAMESPACE_PACKAGE, principal="j008") != 0

    # a signature made in another namespace is refused even with that namespace on the command
    # line, because the allowed_signers line restricts j007 to score packages
    sig_path.write_bytes(sign(key, message, NAMESPACE_BUNDLE))
    assert ssh_verify(message, NAMESPACE_BUNDLE) != 0
