"""The signed ZIP container shared by enrollments, bundles and score packages.

Layout: ``manifest.json`` (format, kind, signer, revision, and every other member with its SHA-256
and length), the payload members, ``SHA256SUMS`` (the same hashes in ``sha256sum`` format, for
checking without this product) and ``manifest.sig`` (an SSHSIG over the exact bytes of
``manifest.json``).

The reader trusts nothing until the signature and every hash check out. It does not rely on
``zipfile`` alone: before anything is inflated it checks names, duplicates, links, encryption,
overlapping entries, sizes and expansion ratios against the limits of the file's kind; members
are only ever read into memory or handed to a sink, never extracted by name.
"""

from __future__ import annotations

import hashlib
import io
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from juror_app.domain.errors import FormatError
from juror_app.exchange import safejson, sshsig
from juror_app.exchange.container_write import Member, StoreChanged, build
from juror_app.exchange.keys import fingerprint
from juror_app.exchange.kinds import (
    BUNDLE,
    CHUNK,
    ENROLLMENT,
    FORMAT_NAME,
    FORMAT_VERSION,
    KIND_BY_NAMESPACE,
    KINDS,
    MANIFEST,
    MAX_SIGNATURE_BYTES,
    MEMBER_NAME,
    PACKAGE,
    RESERVED,
    SIGNATURE,
    SUMS,
    Kind,
    Limits,
    refuse,
)
from juror_app.exchange.kinds import damaged as _damaged
from juror_app.exchange.zip_checks import check_structure, read_small

__all__ = [
    "BUNDLE", "CHUNK", "ENROLLMENT", "FORMAT_NAME", "FORMAT_VERSION", "KINDS", "KIND_BY_NAMESPACE", "MANIFEST",
    "MAX_SIGNATURE_BYTES", "MEMBER_NAME", "PACKAGE", "RESERVED", "SIGNATURE", "SUMS", "Kind", "Limits", "ListedMember",
    "Member", "Opened", "StoreChanged", "StreamCancelled", "build", "open_container", "refuse", "sha256_hex",
]



class StreamCancelled(Exception):
    """Raised by :meth:`Opened.stream` when its ``cancelled`` callback says stop."""


@dataclass(frozen=True)
class ListedMember:
    name: str
    sha256: str
    size: int


@dataclass
class Opened:
    """A container whose structure, signature and manifest have been checked.

    Members are read through :meth:`read` or :meth:`stream`, each of which checks the SHA-256 and
    length against the signed manifest before returning or committing anything.
    """

    kind: Kind
    path: Path
    file_size: int
    manifest_bytes: bytes
    manifest: dict[str, Any]
    signer_key: Ed25519PublicKey
    members: dict[str, ListedMember]
    _archive: zipfile.ZipFile = field(repr=False)
    _infos: dict[str, zipfile.ZipInfo] = field(repr=False)
    _data_offsets: dict[str, int] = field(default_factory=dict, repr=False)

    @property
    def manifest_sha256(self) -> str:
        return hashlib.sha256(self.manifest_bytes).hexdigest()

    def close(self) -> None:
        self._archive.close()

    def _chunks(self, name: str, limit: int):
        """The member's bytes in chunks, at most ``limit``. A stored member (the PDFs) is read straight
        from its data offset, checked by the structure check: no second pass for ZIP's CRC, since the
        SHA-256 from the signed manifest is checked anyway. Each call reads through its own handle, so
        several members can be streamed at once from different threads."""
        info = self._infos[name]
        if info.compress_type == zipfile.ZIP_STORED and name in self._data_offsets:
            with open(self.path, "rb") as raw:
                raw.seek(self._data_offsets[name])
                remaining = min(limit, info.file_size)
                while remaining > 0:
                    chunk = raw.read(min(CHUNK, remaining))
                    if not chunk:
                        return
                    remaining -= len(chunk)
                    yield chunk
            return
        with self._archive.open(info) as handle:
            while True:
                chunk = handle.read(CHUNK)
                if not chunk:
                    return
                yield chunk

    def __enter__(self) -> "Opened":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def read(self, name: str) -> bytes:
        """The member's bytes, after its hash and length were checked."""
        buffer = io.BytesIO()
        self.stream(name, buffer.write)
        return buffer.getvalue()

    def stream(self, name: str, sink: Callable[[bytes], object], *, cancelled: Callable[[], bool] | None = None) -> None:
        """Feed the member to ``sink`` chunk by chunk; raise FormatError at the end if it doesn't match.

        The caller must treat what ``sink`` received as untrusted until this returns normally.
        """
        listed = self.members.get(name)
        if listed is None:
            raise refuse(
                "member_not_listed",
                pl=f"Plik nie zawiera elementu „{name}” wymaganego w tym formacie.",
                en=f"The file has no member “{name}”, which this format requires.",
                member=name,
            )
        digest = hashlib.sha256()
        size = 0
        try:
            for chunk in self._chunks(name, listed.size + 1):
                if cancelled is not None and cancelled():
                    raise StreamCancelled
                size += len(chunk)
                if size > listed.size:
                    break
                digest.update(chunk)
                sink(chunk)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError) as exc:
            raise _damaged(f"{name}: {exc.__class__.__name__}") from None
        if size != listed.size or digest.hexdigest() != listed.sha256:
            raise refuse(
                "member_hash_mismatch",
                pl=(
                    f"Element „{name}” został zmieniony po podpisaniu: jego skrót SHA-256 lub długość nie "
                    "zgadza się z podpisanym manifestem. Nie używaj tego pliku; poproś nadawcę o nowy."
                ),
                en=(
                    f"Member “{name}” was changed after signing: its SHA-256 or length does not match the "
                    "signed manifest. Do not use this file; ask the sender for a new one."
                ),
                member=name,
            )

    def read_json(self, name: str) -> Any:
        return safejson.loads(self.read(name), what=name, max_bytes=self.kind.limits.max_member_bytes)

def _parse_manifest(kind: Kind, manifest_bytes: bytes, signer_key: Ed25519PublicKey,
                    infos: dict[str, zipfile.ZipInfo]) -> tuple[dict[str, Any], dict[str, ListedMember]]:
    manifest = safejson.loads(manifest_bytes, what=MANIFEST, max_bytes=kind.limits.max_manifest_bytes)
    if not isinstance(manifest, dict):
        raise _damaged("manifest is not an object")
    if manifest.get("format") != FORMAT_NAME or manifest.get("kind") != kind.name:
        raise refuse(
            "wrong_kind",
            pl=f"To nie jest {kind.label_pl} w formacie tego programu.",
            en=f"This is not a {kind.label_en} in this program's format.",
        )
    version = manifest.get("format_version")
    if version != FORMAT_VERSION:
        raise refuse(
            "unsupported_version",
            pl=f"Plik ma wersję formatu {version!r}, a ten program obsługuje wersję {FORMAT_VERSION}. Zaktualizuj program lub poproś o plik w obsługiwanej wersji.",
            en=f"The file is format version {version!r}; this program reads version {FORMAT_VERSION}. Update the program or ask for a file in the supported version.",
        )
    signer = manifest.get("signer")
    if not isinstance(signer, dict) or not isinstance(signer.get("public_key"), str):
        raise _damaged("manifest has no signer")
    try:
        declared = sshsig.public_key_from_openssh(signer["public_key"])
    except FormatError:
        raise _damaged("manifest signer key is malformed") from None
    if declared.public_bytes_raw() != signer_key.public_bytes_raw() or signer.get("fingerprint") != fingerprint(signer_key):
        raise refuse(
            "signer_mismatch",
            pl="Klucz wskazany w manifeście nie jest kluczem, którym złożono podpis. Plik odrzucono.",
            en="The key named in the manifest is not the key that made the signature. Refused.",
        )
    raw_members = manifest.get("members")
    if not isinstance(raw_members, list):
        raise _damaged("manifest has no member list")
    listed: dict[str, ListedMember] = {}
    for entry in raw_members:
        if (
            not isinstance(entry, dict)
            or set(entry) != {"name", "sha256", "size"}
            or not isinstance(entry["name"], str)
            or not isinstance(entry["sha256"], str)
            or not re.fullmatch(r"[0-9a-f]{64}", entry["sha256"])
            or isinstance(entry["size"], bool)
            or not isinstance(entry["size"], int)
            or entry["size"] < 0
        ):
            raise _damaged("malformed member entry in manifest")
        name = entry["name"]
        if name in listed or name in RESERVED or not (MEMBER_NAME.match(name) or name == SUMS):
            raise _damaged(f"bad member name in manifest: {name[:60]!r}")
        listed[name] = ListedMember(name, entry["sha256"], entry["size"])
    present = set(infos) - RESERVED
    unlisted = sorted(present - set(listed))
    if unlisted:
        raise refuse(
            "unlisted_member",
            pl=f"Plik zawiera element spoza podpisanego manifestu: „{unlisted[0][:80]}”. Dodano go po podpisaniu; plik odrzucono.",
            en=f"The file holds a member the signed manifest does not list: “{unlisted[0][:80]}”. It was added after signing; refused.",
            member=unlisted[0],
        )
    absent = sorted(set(listed) - present)
    if absent:
        raise refuse(
            "missing_member",
            pl=f"Brak elementu „{absent[0]}”, który wymienia podpisany manifest. Plik jest niekompletny.",
            en=f"Member “{absent[0]}” listed in the signed manifest is missing. The file is incomplete.",
            member=absent[0],
        )
    for name, item in listed.items():
        if infos[name].file_size != item.size:
            raise refuse(
                "member_hash_mismatch",
                pl=f"Element „{name}” ma inną długość niż w podpisanym manifeście: został zmieniony po podpisaniu.",
                en=f"Member “{name}” has another length than the signed manifest says: it was changed after signing.",
                member=name,
            )
    if SUMS not in listed:
        raise _damaged("no SHA256SUMS")
    return manifest, listed


def open_container(path: Path | str, kind: Kind | None = None) -> Opened:
    """Open and check a container; ``kind`` None means: tell the kind from the signature's namespace.

    On success the signature over manifest.json is valid, the manifest is well-formed, and it lists
    exactly the members present. Member *contents* are checked when read. Whether the signer is
    trusted is the caller's decision (:attr:`Opened.signer_key`).
    """
    path = Path(path)
    try:
        file_size = path.stat().st_size
    except OSError as exc:
        raise refuse(
            "cannot_read_file",
            pl=f"Nie można odczytać pliku „{path}”: {exc.strerror or exc}.",
            en=f"Cannot read the file “{path}”: {exc.strerror or exc}.",
        ) from None
    cap = kind.limits.max_file_bytes if kind else max(k.limits.max_file_bytes for k in KINDS.values())
    if file_size > cap:
        raise refuse(
            "file_too_large",
            pl=f"Plik jest za duży ({file_size} B, limit {cap} B).",
            en=f"The file is too large ({file_size} B, limit {cap} B).",
        )
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError, struct.error,
            UnicodeDecodeError, IndexError, KeyError) as exc:
        raise _damaged(exc.__class__.__name__) from None
    try:
        infos_all = {i.filename: i for i in archive.infolist()}
        if SIGNATURE not in infos_all or MANIFEST not in infos_all:
            raise refuse(
                "not_signed",
                pl="Plik nie zawiera manifestu z podpisem (manifest.json, manifest.sig). To nie jest plik wymiany tego programu albo jest niekompletny.",
                en="The file holds no signed manifest (manifest.json, manifest.sig). It is not an exchange file of this program, or it is incomplete.",
            )
        sig_bytes = read_small(archive, infos_all[SIGNATURE], MAX_SIGNATURE_BYTES)
        parsed = sshsig.parse_signature(sig_bytes)
        detected = KIND_BY_NAMESPACE.get(parsed.namespace)
        if detected is None or (kind is not None and detected is not kind):
            expected = kind.label_pl if kind else "plik wymiany"
            expected_en = kind.label_en if kind else "an exchange file"
            raise refuse(
                "wrong_kind",
                pl=f"Oczekiwano: {expected}; podpis wskazuje inny rodzaj pliku ({parsed.namespace[:60]}).",
                en=f"Expected {expected_en}; the signature says another kind of file ({parsed.namespace[:60]}).",
            )
        kind = detected
        infos, data_offsets = check_structure(path, archive, kind.limits, file_size)
        manifest_bytes = read_small(archive, infos[MANIFEST], kind.limits.max_manifest_bytes)
        signer_key = sshsig.verify(sig_bytes, manifest_bytes, kind.namespace)
        manifest, listed = _parse_manifest(kind, manifest_bytes, signer_key, infos)
        opened = Opened(kind, path, file_size, manifest_bytes, manifest, signer_key, listed, archive, infos, data_offsets)
        sums = opened.read(SUMS)
        expected_sums = "".join(
            f"{m.sha256}  {m.name}\n" for n, m in sorted(listed.items()) if n != SUMS
        ).encode("ascii")
        if sums != expected_sums:
            raise _damaged("SHA256SUMS does not match the manifest")
        return opened
    except BaseException:
        archive.close()
        raise


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
