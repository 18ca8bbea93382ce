"""The kinds of file that travel (enrollment, bundle, score package): names, namespaces and limits.

Shared by the writer (:mod:`container_write`), the ZIP structure checks (:mod:`zip_checks`) and the
reader (:mod:`container`), with the refusal helpers they all raise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from juror_app.domain.errors import FormatError
from juror_app.exchange import sshsig

FORMAT_NAME = "kapitula-przyjazny-urzad"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
SUMS = "SHA256SUMS"
RESERVED = {MANIFEST, SIGNATURE}
MEMBER_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}(\.[a-z0-9]{1,8})?(/[a-z0-9][a-z0-9_-]{0,99}(\.[a-z0-9]{1,8})?)?$")
MAX_SIGNATURE_BYTES = 16 * 1024
CHUNK = 1 << 20


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


def damaged(detail: str) -> FormatError:
    return refuse(
        "damaged_archive",
        pl=f"Plik jest uszkodzony lub nie jest archiwum tego programu ({detail}). Poproś nadawcę o ponowne przesłanie pliku.",
        en=f"The file is damaged or is not an archive of this program ({detail}). Ask the sender to send the file again.",
        detail=detail,
    )

