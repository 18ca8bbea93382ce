"""Enrollment file (juror → organizer): the juror's name, affiliation and public key, self-signed.

The self-signature proves the sender holds the private key; whether the key belongs to the named
person is settled out of band, by comparing the fingerprint (phone, letter) before the organizer
adds the juror to the roster.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from juror_app.domain.codec import Reader
from juror_app.domain.errors import FormatError
from juror_app.domain.timestamps import utc_now
from juror_app.exchange import container, safejson, sshsig
from juror_app.exchange.atomic import write_container
from juror_app.exchange.keys import fingerprint

MEMBER = "enrollment.json"


@dataclass(frozen=True)
class Enrollment:
    name: str
    affiliation: str
    email: str
    public_key: Ed25519PublicKey
    fingerprint: str
    created_at: str
    manifest_sha256: str


def write_enrollment(path: Path, *, private_key: Ed25519PrivateKey, name: str, affiliation: str,
                     email: str = "", created_at: str | None = None) -> Enrollment:
    created_at = created_at or utc_now()
    public = private_key.public_key()
    body = {
        "name": name,
        "affiliation": affiliation,
        "email": email,
        "public_key": sshsig.public_key_to_openssh(public),
        "created_at": created_at,
    }
    manifest = write_container(
        path,
        container.ENROLLMENT,
        signer_key=private_key,
        signer={"role": "candidate", "name": name},
        header={"edition_id": None, "revision": 1},
        members=[container.Member(MEMBER, safejson.dumps(body))],
        created_at=created_at,
    )
    return Enrollment(name, affiliation, email, public, fingerprint(public), created_at,
                      container.sha256_hex(manifest))


def read_enrollment(path: Path) -> Enrollment:
    """Open, verify and parse an enrollment; the key inside must be the key that signed it."""
    with container.open_container(path, container.ENROLLMENT) as opened:
        body = Reader(opened.read_json(MEMBER), MEMBER)
        key = sshsig.public_key_from_openssh(body.text("public_key", min_len=1, max_len=200))
        if key.public_bytes_raw() != opened.signer_key.public_bytes_raw():
            raise FormatError(
                "enrollment_key_mismatch",
                pl="Klucz w zgłoszeniu nie jest kluczem, którym zgłoszenie podpisano. Zgłoszenie odrzucono.",
                en="The key in the enrollment is not the key that signed it. Refused.",
            )
        return Enrollment(
            name=body.text("name", min_len=1, max_len=300),
            affiliation=body.text("affiliation", default="", max_len=500),
            email=body.text("email", default="", max_len=320),
            public_key=key,
            fingerprint=fingerprint(key),
            created_at=body.text("created_at", min_len=1, max_len=40),
            manifest_sha256=opened.manifest_sha256,
        )
