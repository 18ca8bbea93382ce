"""Writing the signed ZIP container: every member hashed, the manifest signed, nothing left implicit.

See :mod:`juror_app.exchange.container` for the layout. Documents (content-addressed files) are
streamed and their hash verified while they are written, so a file that changed on disk since it
was imported never goes out under its old hash.
"""

from __future__ import annotations

import hashlib
import stat
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO, Iterable

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from juror_app.domain.errors import FormatError
from juror_app.domain.timestamps import utc_now
from juror_app.exchange import safejson, sshsig
from juror_app.exchange.keys import fingerprint
from juror_app.exchange.kinds import CHUNK, FORMAT_NAME, FORMAT_VERSION, MANIFEST, MEMBER_NAME, RESERVED, SIGNATURE, SUMS, Kind


class StoreChanged(FormatError):
    """A file changed on disk while it was being packed (its hash is no longer its name)."""

    def __init__(self, name: str) -> None:
        super().__init__(
            "member_changed_while_writing",
            pl=f"Plik „{name}” zmienił się na dysku i nie zgadza się ze swoim skrótem SHA-256; nie zapisano paczki. "
               "Sprawdź dysk i zaimportuj dokument ponownie.",
            en=f"The file “{name}” changed on disk and no longer matches its SHA-256; the file was not written. "
               "Check the disk and import the document again.",
            member=name,
        )


@dataclass
class Member:
    """A payload member to write: bytes in memory or a file on disk (streamed).

    For a file whose SHA-256 and size are already known (a content-addressed document), give them:
    the file is then read once, and the hash is verified while it is written into the archive.
    """

    name: str
    data: bytes | None = None
    path: Path | None = None
    compress: bool = True
    sha256: str | None = None
    size: int | None = None


def _sha256_of(member: Member) -> tuple[str, int]:
    if member.sha256 is not None and member.size is not None:
        return member.sha256, member.size
    if member.data is not None:
        return hashlib.sha256(member.data).hexdigest(), len(member.data)
    assert member.path is not None
    digest = hashlib.sha256()
    size = 0
    with open(member.path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def _zip_time(created_at: str) -> tuple[int, int, int, int, int, int]:
    moment = datetime.strptime(created_at, "%Y-%m-%dT%H:%M:%SZ")
    return (max(moment.year, 1980), moment.month, moment.day, moment.hour, moment.minute, moment.second)


def build(
    kind: Kind,
    *,
    signer_key: Ed25519PrivateKey,
    signer: dict[str, Any],
    header: dict[str, Any],
    members: Iterable[Member],
    target: BinaryIO,
    created_at: str | None = None,
) -> bytes:
    """Write a signed container to the open binary stream ``target``; return the manifest's bytes.

    ``header`` holds the kind-specific manifest fields (edition, revision, …); the member list,
    format fields and signer are added here so every kind is built the same way.
    """
    created_at = created_at or utc_now()
    payload = sorted(members, key=lambda m: m.name)
    listed: list[dict[str, Any]] = []
    expected: dict[str, tuple[str, int]] = {}
    for member in payload:
        if not MEMBER_NAME.match(member.name) or member.name in RESERVED | {SUMS}:
            raise ValueError(f"bad member name {member.name!r}")
        digest, size = _sha256_of(member)
        expected[member.name] = (digest, size)
        listed.append({"name": member.name, "sha256": digest, "size": size})
    sums = "".join(f"{m['sha256']}  {m['name']}\n" for m in listed).encode("ascii")
    listed.append({"name": SUMS, "sha256": hashlib.sha256(sums).hexdigest(), "size": len(sums)})
    public = signer_key.public_key()
    manifest = {
        "format": FORMAT_NAME,
        "kind": kind.name,
        "format_version": FORMAT_VERSION,
        "created_at": created_at,
        **header,
        "signer": {
            **signer,
            "public_key": sshsig.public_key_to_openssh(public),
            "fingerprint": fingerprint(public),
        },
        "members": listed,
    }
    manifest_bytes = safejson.dumps(manifest)
    signature = sshsig.sign(signer_key, manifest_bytes, kind.namespace)
    when = _zip_time(created_at)

    def entry(name: str, compress: bool) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, date_time=when)
        info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
        info.external_attr = (stat.S_IFREG | 0o644) << 16
        info.create_system = 3
        return info

    with zipfile.ZipFile(target, "w", allowZip64=True) as archive:
        archive.writestr(entry(MANIFEST, True), manifest_bytes)
        for member in payload:
            info = entry(member.name, member.compress)
            if member.data is not None:
                archive.writestr(info, member.data)
            else:
                assert member.path is not None
                info.file_size = member.path.stat().st_size
                digest = hashlib.sha256()
                with archive.open(info, "w", force_zip64=info.file_size > 0x7FFF0000) as out, open(member.path, "rb") as src:
                    while chunk := src.read(CHUNK):
                        digest.update(chunk)
                        out.write(chunk)
                if (digest.hexdigest(), info.file_size) != expected[member.name]:
                    raise StoreChanged(member.name)
        archive.writestr(entry(SUMS, True), sums)
        archive.writestr(entry(SIGNATURE, True), signature)
    return manifest_bytes
