"""What applying a verified score package writes, in the form a worker process sends back cheaply.

The merge verifies packages in worker processes; the parent applies them. A ``PackageContent``
holds 1,000 ``Score`` objects per juror: 62,000 for a national edition, which take longer to
pickle and unpickle than to check. ``PackageRows`` holds the same values as plain tuples, the
scores in five columns: about five times faster through a pipe, and ``apply`` hands them to
``executemany`` through ``zip`` without building objects again.
"""

from __future__ import annotations

from dataclasses import dataclass
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
