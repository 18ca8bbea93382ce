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
import stat
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO, Callable, Iterable

from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from juror_app.domain.errors import FormatError
from juror_app.domain.timestamps import utc_now
from juror_app.exchange import safejson, sshsig
from juror_app.exchange.keys import fingerprint

FORMAT_NAME = "kapitula-przyjazny-urzad"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
SUMS = "SHA256SUMS"
RESERVED = {MANIFEST, SIGNATURE}
MEMBER_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}(\.[a-z0-9]{1,8})?(/[a-z0-9][a-z0-9_-]{0,99}(\.[a-z0-9]{1,8})?)?$")
MAX_SIGNATURE_BYTES = 16 * 1024
CHUNK = 1 << 20
_LOCAL_HEADER = struct.Struct("<4sHHHHHIIIHH")
_LOCAL_SIGNATURE = b"PK\x03\x04"
_ZIP64_MARK = 0xFFFFFFFF


@dataclass(frozen=True)
class Limits:
    """Caps for one kind of file; anything past them is refused before it is inflated."""

    max_file_bytes: int
    max_members: int
    max_member_bytes: int
    max_total_bytes: int
    max_manifest_bytes: int
    max_ratio: float = 100.0


@dataclass(frozen=True)
class Kind:
    """A kind of file that travels: its manifest name, signature namespace and limits."""

    name: str
    namespace: str
    limits: Limits
    label_pl: str
    label_en: str


ENROLLMENT = Kind(
    "enrollment", sshsig.NAMESPACE_ENROLLMENT,
    Limits(max_file_bytes=1 << 20, max_members=4, max_member_bytes=256 << 10,
           max_total_bytes=512 << 10, max_manifest_bytes=64 << 10),
    "zgłoszenie członka Kapituły", "juror enrollment",
)
BUNDLE = Kind(
    "assignment-bundle", sshsig.NAMESPACE_BUNDLE,
    Limits(max_file_bytes=16 << 30, max_members=20_000, max_member_bytes=1 << 30,
           max_total_bytes=16 << 30, max_manifest_bytes=8 << 20),
    "paczka z przydziałem", "assignment bundle",
)
PACKAGE = Kind(
    "score-package", sshsig.NAMESPACE_PACKAGE,
    Limits(max_file_bytes=64 << 20, max_members=8, max_member_bytes=48 << 20,
           max_total_bytes=96 << 20, max_manifest_bytes=64 << 10),
    "paczka ocen", "score package",
)
KINDS = {k.name: k for k in (ENROLLMENT, BUNDLE, PACKAGE)}
KIND_BY_NAMESPACE = {k.namespace: k for k in KINDS.values()}


def refuse(code: str, pl: str, en: str, **details: Any) -> FormatError:
    return FormatError(code, pl=pl, en=en, **details)


def _damaged(detail: str) -> FormatError:
    return refuse(
        "damaged_archive",
        pl=f"Plik jest uszkodzony lub nie jest archiwum tego programu ({detail}). Poproś nadawcę o ponowne przesłanie pliku.",
        en=f"The file is damaged or is not an archive of this program ({detail}). Ask the sender to send the file again.",
        detail=detail,
    )


# --- writing -----------------------------------------------------------------------------------


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


# --- reading -----------------------------------------------------------------------------------


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


def _local_record(fields: tuple[Any, ...], extra: bytes) -> tuple[int, int, int]:
    """CRC, compressed and uncompressed size as a local header states them (reading its Zip64 field).

    A reader that walks local headers (a streaming unzip) trusts these, ``zipfile`` trusts the
    central directory; when the two disagree, two programs can see two different files.
    """
    crc, compressed, size = fields[6], fields[7], fields[8]
    if _ZIP64_MARK in (compressed, size):
        while len(extra) >= 4:
            tag, length = struct.unpack_from("<HH", extra)
            if tag == 1 and length >= 16 and len(extra) >= 20:
                size, compressed = struct.unpack_from("<QQ", extra, 4)
                break
            extra = extra[4 + length:]
    return crc, compressed, size


def _check_structure(path: Path, archive: zipfile.ZipFile, limits: Limits,
                     file_size: int) -> tuple[dict[str, zipfile.ZipInfo], dict[str, int]]:
    """Every check that needs no inflating: names, duplicates, links, encryption, overlaps, sizes."""
    infos = archive.infolist()
    if len(infos) > limits.max_members + 3:
        raise refuse(
            "too_many_members",
            pl=f"Plik zawiera zbyt wiele elementów ({len(infos)}).",
            en=f"The file has too many members ({len(infos)}).",
        )
    by_name: dict[str, zipfile.ZipInfo] = {}
    data_offsets: dict[str, int] = {}
    total = 0
    spans: list[tuple[int, int, str]] = []
    with open(path, "rb") as raw:
        for info in infos:
            name = info.filename
            if name in by_name:
                raise refuse(
                    "duplicate_member",
                    pl=f"Element „{name}” występuje w pliku dwa razy; taki plik może pokazać różnym programom różną treść.",
                    en=f"Member “{name}” appears twice; such a file can show different programs different content.",
                    member=name,
                )
            if name not in RESERVED and name != SUMS and not MEMBER_NAME.match(name):
                raise refuse(
                    "bad_member_name",
                    pl=f"Niedozwolona nazwa elementu w pliku: „{name[:80]}” (ścieżki, dowiązania i znaki specjalne są odrzucane).",
                    en=f"Member name not allowed: “{name[:80]}” (paths, links and special characters are refused).",
                    member=name,
                )
            mode = info.external_attr >> 16
            if info.is_dir() or (mode and not stat.S_ISREG(mode)):
                raise refuse(
                    "not_a_regular_member",
                    pl=f"Element „{name}” nie jest zwykłym plikiem (np. dowiązanie lub katalog).",
                    en=f"Member “{name}” is not a regular file (e.g. a link or a folder).",
                    member=name,
                )
            if info.flag_bits & 0x1:
                raise _encrypted(name)
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise _damaged(f"{name}: compression method {info.compress_type}")
            if info.file_size > limits.max_member_bytes:
                raise refuse(
                    "member_too_large",
                    pl=f"Element „{name}” jest za duży ({info.file_size} B, limit {limits.max_member_bytes} B).",
                    en=f"Member “{name}” is too large ({info.file_size} B, limit {limits.max_member_bytes} B).",
                    member=name,
                )
            if info.file_size > limits.max_ratio * max(info.compress_size, 1) and info.file_size > 64 * 1024:
                raise refuse(
                    "suspicious_compression",
                    pl=(
                        f"Element „{name}” rozpakowuje się do {info.file_size} B z {info.compress_size} B "
                        "(podejrzany stopień kompresji, tzw. bomba ZIP). Plik odrzucono bez rozpakowywania."
                    ),
                    en=(
                        f"Member “{name}” expands to {info.file_size} B from {info.compress_size} B "
                        "(a suspicious ratio, a so-called ZIP bomb). Refused without inflating."
                    ),
                    member=name,
                )
            if info.compress_type == zipfile.ZIP_STORED and info.compress_size != info.file_size:
                raise _damaged(f"{name}: stored sizes differ")
            total += info.file_size
            if not 0 <= info.header_offset < file_size:  # zipfile shifts offsets when bytes are missing or prepended
                raise _damaged(f"{name}: local header outside the file")
            raw.seek(info.header_offset)
            header = raw.read(_LOCAL_HEADER.size)
            if len(header) != _LOCAL_HEADER.size:
                raise _damaged(f"{name}: local header beyond end of file")
            fields = _LOCAL_HEADER.unpack(header)
            if fields[0] != _LOCAL_SIGNATURE:
                raise _damaged(f"{name}: no local header")
            local_name = raw.read(fields[9])
            if local_name != info.orig_filename.encode("utf-8" if info.flag_bits & 0x800 else "cp437"):
                raise _damaged(f"{name}: local and central names differ")
            if fields[3] != info.compress_type:
                raise _damaged(f"{name}: local and central methods differ")
            stated = _local_record(fields, raw.read(fields[10]))
            if stated != (info.CRC, info.compress_size, info.file_size) and not (fields[2] & 0x8 and stated == (0, 0, 0)):
                raise _damaged(f"{name}: local and central sizes differ")
            start = info.header_offset
            end = start + _LOCAL_HEADER.size + fields[9] + fields[10] + info.compress_size
            if end > file_size:
                raise _damaged(f"{name}: data beyond end of file")
            spans.append((start, end, name))
            by_name[name] = info
            data_offsets[name] = start + _LOCAL_HEADER.size + fields[9] + fields[10]
    if total > limits.max_total_bytes:
        raise refuse(
            "archive_too_large",
            pl=f"Zawartość pliku po rozpakowaniu byłaby za duża ({total} B, limit {limits.max_total_bytes} B).",
            en=f"The file's content would be too large when unpacked ({total} B, limit {limits.max_total_bytes} B).",
        )
    spans.sort()
    for (_, end, first), (start, _, second) in zip(spans, spans[1:]):
        if start < end:
            raise refuse(
                "overlapping_members",
                pl=f"Elementy „{first}” i „{second}” nachodzą na siebie w pliku (technika bomb ZIP). Plik odrzucono.",
                en=f"Members “{first}” and “{second}” overlap in the file (a ZIP-bomb technique). Refused.",
            )
    return by_name, data_offsets


def _encrypted(name: str) -> FormatError:
    return refuse(
        "encrypted_member",
        pl=f"Element „{name}” jest zaszyfrowany; ten format nie używa szyfrowania ZIP.",
        en=f"Member “{name}” is encrypted; this format does not use ZIP encryption.",
        member=name,
    )


def _read_small(archive: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> bytes:
    """Read a small member; also used on manifest.sig before the structure check, so it refuses encryption itself."""
    if info.flag_bits & 0x1:
        raise _encrypted(info.filename)
    if info.file_size > cap:
        raise refuse(
            "member_too_large",
            pl=f"Element „{info.filename}” jest za duży ({info.file_size} B, limit {cap} B).",
            en=f"Member “{info.filename}” is too large ({info.file_size} B, limit {cap} B).",
            member=info.filename,
        )
    try:
        with archive.open(info) as handle:
            data = handle.read(cap + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError) as exc:
        raise _damaged(f"{info.filename}: {exc.__class__.__name__}") from None
    if len(data) > cap:
        raise _damaged(f"{info.filename}: longer than declared")
    return data


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
        sig_bytes = _read_small(archive, infos_all[SIGNATURE], MAX_SIGNATURE_BYTES)
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
        infos, data_offsets = _check_structure(path, archive, kind.limits, file_size)
        manifest_bytes = _read_small(archive, infos[MANIFEST], kind.limits.max_manifest_bytes)
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
