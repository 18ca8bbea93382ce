"""What applying a verified score package writes, in the form a worker process sends back cheaply.

The merge verifies packages in worker processes; the parent applies them. A ``PackageContent``
holds 1,000 ``Score`` objects per juror: 62,000 for a national edition, which take longer to
pickle and unpickle than to check. ``PackageRows`` holds the same values as plain tuples, the
scores in five columns: about five times faster through a pipe, and ``apply`` hands them to
``executemany`` through ``zip`` without building objects again.

:func:`replace_juror_data` writes them: by the merge, and by an alarm's resolution that trusts a
package kept as evidence.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from itertools import repeat
from operator import attrgetter

from juror_app.exchange.package import PackageContent

_SCORE_FIELDS = attrgetter("dossier_id", "criterion_id", "points", "justification", "updated_at")


@dataclass(frozen=True)
class PackageRows:
    """One package's rows for the organizer's tables (its juror's, for the dossiers it lists)."""

    juror_id: str
    revision: int
    created_at: str
    bundle_manifest_sha256: str
    statuses: tuple[tuple[str, str], ...]  # (dossier, status), by dossier
    scores: tuple[tuple, ...]  # five columns: dossier, criterion, points, justification, updated_at
    conflicts: tuple[tuple[str, str, str], ...]  # (dossier, reason, declared_at)
    nominations: tuple[tuple[str, str, str, str], ...]  # (dossier, distinction, reason, nominated_at)

    @classmethod
    def of(cls, content: PackageContent) -> PackageRows:
        """The rows of a package's content, statuses by dossier, the rest in the package's order."""
        columns = tuple(zip(*map(_SCORE_FIELDS, content.scores))) or ((),) * 5
        return cls(content.juror_id, content.revision, content.created_at, content.bundle_manifest_sha256,
                   tuple((d, s.value) for d, s in sorted(content.statuses.items())), columns,
                   tuple((x.dossier_id, x.reason, x.declared_at) for x in content.conflicts),
                   tuple((n.dossier_id, n.distinction_id, n.reason, n.nominated_at) for n in content.nominations))

    @property
    def scores_count(self) -> int:
        """How many scores the package gives."""
        return len(self.scores[0])


_PACKAGE_COLUMNS = ("manifest_sha256, juror_id, revision, created_at, imported_at, bundle_manifest_sha256, key_fingerprint,"
                    " file_sha256, file_size, original_name, status, scores_count, manifest_json")


def insert_package_row(conn: sqlite3.Connection, row: tuple) -> None:
    """One ``packages`` row, its values in the order of ``_PACKAGE_COLUMNS``."""
    conn.execute(f"INSERT INTO packages ({_PACKAGE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row)


def replace_juror_data(conn: sqlite3.Connection, r: PackageRows, manifest_sha256: str) -> None:
    """The package's juror's scores, statuses, conflicts and nominations of the dossiers it lists, replaced by its own.

    Inside the caller's transaction; the package's ``packages`` row must exist (the rows refer to it).
    """
    listed = [(r.juror_id, d) for d, _ in r.statuses]
    for table in ("scores", "dossier_statuses", "conflicts", "nominations"):
        if conn.execute(f"SELECT 1 FROM {table} WHERE juror_id = ? LIMIT 1", [r.juror_id]).fetchone():
            conn.executemany(f"DELETE FROM {table} WHERE juror_id = ? AND dossier_id = ?", listed)
    conn.executemany("INSERT INTO dossier_statuses (juror_id, dossier_id, status, package_manifest_sha256) VALUES (?, ?, ?, ?)",
                     [(r.juror_id, d, s, manifest_sha256) for d, s in r.statuses])
    conn.executemany("INSERT INTO scores (juror_id, dossier_id, criterion_id, points, justification, updated_at,"
                     " package_manifest_sha256) VALUES (?, ?, ?, ?, ?, ?, ?)",
                     zip(repeat(r.juror_id), *r.scores, repeat(manifest_sha256)))  # rows made as SQLite reads them
    conn.executemany("INSERT INTO conflicts (juror_id, dossier_id, reason, declared_at, package_manifest_sha256)"
                     " VALUES (?, ?, ?, ?, ?)", [(r.juror_id, *x, manifest_sha256) for x in r.conflicts])
    conn.executemany("INSERT INTO nominations (juror_id, dossier_id, distinction_id, reason, nominated_at,"
                     " package_manifest_sha256) VALUES (?, ?, ?, ?, ?, ?)",
                     [(r.juror_id, *n, manifest_sha256) for n in r.nominations])
