"""ZIP structure checks made before anything is inflated (SECURITY.md: zip slip, links, duplicates,
overlapping entries, bombs). ``zipfile`` alone is not trusted: local headers are read and compared
with the central directory, so that two programs cannot see two different files.
"""

from __future__ import annotations

import stat
import struct
import zipfile
import zlib
from pathlib import Path
from typing import Any

from juror_app.domain.errors import FormatError
from juror_app.exchange.kinds import MEMBER_NAME, RESERVED, SUMS, Limits, damaged, refuse

_LOCAL_HEADER = struct.Struct("<4sHHHHHIIIHH")
_LOCAL_SIGNATURE = b"PK\x03\x04"
_ZIP64_MARK = 0xFFFFFFFF

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


def check_structure(path: Path, archive: zipfile.ZipFile, limits: Limits,
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
                raise encrypted(name)
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise damaged(f"{name}: compression method {info.compress_type}")
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
                raise damaged(f"{name}: stored sizes differ")
            total += info.file_size
            if not 0 <= info.header_offset < file_size:  # zipfile shifts offsets when bytes are missing or prepended
                raise damaged(f"{name}: local header outside the file")
            raw.seek(info.header_offset)
            header = raw.read(_LOCAL_HEADER.size)
            if len(header) != _LOCAL_HEADER.size:
                raise damaged(f"{name}: local header beyond end of file")
            fields = _LOCAL_HEADER.unpack(header)
            if fields[0] != _LOCAL_SIGNATURE:
                raise damaged(f"{name}: no local header")
            local_name = raw.read(fields[9])
            if local_name != info.orig_filename.encode("utf-8" if info.flag_bits & 0x800 else "cp437"):
                raise damaged(f"{name}: local and central names differ")
            if fields[3] != info.compress_type:
                raise damaged(f"{name}: local and central methods differ")
            stated = _local_record(fields, raw.read(fields[10]))
            if stated != (info.CRC, info.compress_size, info.file_size) and not (fields[2] & 0x8 and stated == (0, 0, 0)):
                raise damaged(f"{name}: local and central sizes differ")
            start = info.header_offset
            end = start + _LOCAL_HEADER.size + fields[9] + fields[10] + info.compress_size
            if end > file_size:
                raise damaged(f"{name}: data beyond end of file")
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


def encrypted(name: str) -> FormatError:
    return refuse(
        "encrypted_member",
        pl=f"Element „{name}” jest zaszyfrowany; ten format nie używa szyfrowania ZIP.",
        en=f"Member “{name}” is encrypted; this format does not use ZIP encryption.",
        member=name,
    )


def read_small(archive: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> bytes:
    """Read a small member; also used on manifest.sig before the structure check, so it refuses encryption itself."""
    if info.flag_bits & 0x1:
        raise encrypted(info.filename)
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
        raise damaged(f"{info.filename}: {exc.__class__.__name__}") from None
    if len(data) > cap:
        raise damaged(f"{info.filename}: longer than declared")
    return data
