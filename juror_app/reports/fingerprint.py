"""The fingerprint of the data a printed document was made from, shown on every page.

Paper copies at the jury meeting must be traceable to the exact data. The fingerprint is SHA-256
over a short text that anyone can rebuild with standard tools from the document's own attachment
and the list of packages printed in the protocol::

    kapitula-przyjazny-urzad report-data v1
    results <SHA-256 of wyniki.json, the attachment: `juror-app results --format json`>
    package <juror id> <revision> <SHA-256 of the package's manifest.json>     (one line per merged
    ...                                                                          package, by juror, revision)

(each line ends with "\\n"). The results JSON alone is not enough: score sheets print justifications,
which the results do not carry; the package hashes pin them. The short code on each page is the first
80 bits in Crockford base32 (no I, L, O, U: hard to misread), grouped like a key fingerprint.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

HEADER = "kapitula-przyjazny-urzad report-data v1"
_CROCKFORD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", "0123456789ABCDEFGHJKMNPQRSTVWXYZ")


@dataclass(frozen=True)
class PackageRef:
    """One merged score package: who, which revision, and the SHA-256 of its signed manifest."""

    juror_id: str
    revision: int
    manifest_sha256: str


@dataclass(frozen=True)
class DataFingerprint:
    sha256: str  # 64 hex digits
    results_sha256: str
    packages: tuple[PackageRef, ...]

    @property
    def code(self) -> str:
        """ "7Z8A-KYM0-MBPG-DY7V": what every page footer shows."""
        return short_code(self.sha256)


def short_code(hex_digest: str) -> str:
    """The first 80 bits of a hex SHA-256 in Crockford base32, in four groups of four."""
    text = base64.b32encode(bytes.fromhex(hex_digest)[:10]).decode("ascii").translate(_CROCKFORD)
    return "-".join(text[i:i + 4] for i in range(0, 16, 4))


def fingerprint_text(results_sha256: str, packages: Iterable[PackageRef]) -> str:
    """The exact text that is hashed (see the module docstring)."""
    lines = [HEADER, f"results {results_sha256}"]
    lines += [f"package {p.juror_id} {p.revision} {p.manifest_sha256}"
              for p in sorted(packages, key=lambda p: (p.juror_id, p.revision, p.manifest_sha256))]
    return "".join(line + "\n" for line in lines)


def data_fingerprint(results_json: bytes, packages: Iterable[PackageRef]) -> DataFingerprint:
    """Fingerprint of the results JSON (as attached) and the merged packages it was computed from."""
    refs = tuple(sorted(packages, key=lambda p: (p.juror_id, p.revision, p.manifest_sha256)))
    results_sha256 = hashlib.sha256(results_json).hexdigest()
    digest = hashlib.sha256(fingerprint_text(results_sha256, refs).encode("utf-8")).hexdigest()
    return DataFingerprint(digest, results_sha256, refs)
