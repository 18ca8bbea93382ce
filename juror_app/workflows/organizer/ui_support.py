"""What the organizer's window needs from the core beyond merge and results, kept Qt-free and testable.

Small read-only helpers: which files a drop or a folder holds, opening an edition database with a
clear message for a wrong file, the equivocation alarms raised so far, the special-distinction table
(nominations beside the organizer's choices) and the data of the charts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from juror_app.domain.errors import StoreError
from juror_app.domain.normalisation import TREATMENT_NO_SPREAD, TREATMENT_TOO_FEW
from juror_app.store import alarm_store
from juror_app.store.edition_tables import read_edition
from juror_app.store.organizer_schema import open_existing_organizer_db
from juror_app.workflows.organizer.merge import PACKAGE_SUFFIX
from juror_app.workflows.organizer.results import RankingRow, Results


def collect_package_files(paths: Iterable[Path | str]) -> list[Path]:
    """The files to check for a drop or a pick: files as given (whatever their name: the checks say what
    they are), folders searched for ``*.pu-scores`` at any depth; each file once, in the order given."""
    found: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        members = sorted(p for p in path.rglob(f"*{PACKAGE_SUFFIX}") if p.is_file()) if path.is_dir() else [path]
        for member in members:
            key = member.resolve()
            if key not in seen:
                seen.add(key)
                found.append(member)
    return found


def open_edition_database(path: Path | str) -> Database:
    """Open an existing edition database that holds an edition, or raise a message saying what to pick."""
    db = open_existing_organizer_db(path)
    if read_edition(db) is None:
        db.close()
        raise StoreError(
            "no_edition_in_database",
            pl=f"Baza „{path}” nie zawiera jeszcze edycji konkursu. Wybierz plik organizer.sqlite przygotowanej edycji.",
            en=f"The database “{path}” holds no competition edition yet. Choose the organizer.sqlite of a prepared edition.",
        )
    return db


@dataclass(frozen=True)
class Alarm:
    """An open alarm: one juror's signed packages contradict each other (``kind``: "equivocation", "fork")."""

    juror_id: str
    juror_name: str
    revision: int
    raised_at: str
    first_manifest_sha256: str
    second_manifest_sha256: str
    kind: str = "equivocation"
    id: int = 0


def open_alarms(db: Database) -> tuple[Alarm, ...]:
    """The alarms not yet resolved, oldest first (``workflows/organizer/alarms.py`` resolves them)."""
    return tuple(Alarm(a.juror_id, a.juror_name, a.revision, a.raised_at, a.first_manifest_sha256,
                       a.second_manifest_sha256, a.kind, a.id) for a in alarm_store.open_alarms(db))


@dataclass(frozen=True)
class Nomination:
    juror_id: str
    juror_name: str
    reason: str
    nominated_at: str


@dataclass(frozen=True)
class Choice:
    note: str
    decided_at: str
    decided_by: str


@dataclass(frozen=True)
class DistinctionRow:
    """One (dossier, distinction) pair that jurors nominated or the organizer chose."""

    dossier_id: str
    institution: str
    category_id: str
    distinction_id: str
    distinction_name: str
    nominations: tuple[Nomination, ...]
    chosen: Choice | None


def distinction_rows(results: Results) -> list[DistinctionRow]:
    """Nominations and choices side by side: by distinction (edition order), most nominations first."""
    names = {j.juror_id: j.name for j in results.jurors}
    dossiers = {d.dossier_id: d for d in results.dossiers}
    order = {d.id: i for i, d in enumerate(results.edition.distinctions)}
    titles = {d.id: d.name for d in results.edition.distinctions}
    rows = []
    for decided in results.decisions:
        dossier = dossiers.get(decided.dossier_id)
        by_distinction: dict[str, list[Nomination]] = {}
        for distinction, juror, reason, at in decided.nominations:
            by_distinction.setdefault(distinction, []).append(Nomination(juror, names.get(juror, juror), reason, at))
        chosen = {x: Choice(note, at, by) for x, note, at, by in decided.chosen}
        for distinction in sorted(set(by_distinction) | set(chosen), key=lambda x: (order.get(x, len(order)), x)):
            rows.append(DistinctionRow(
                decided.dossier_id, dossier.name if dossier else decided.dossier_id, dossier.category_id if dossier else "",
                distinction, titles.get(distinction, distinction), tuple(by_distinction.get(distinction, ())),
                chosen.get(distinction)))
    rows.sort(key=lambda r: (order.get(r.distinction_id, len(order)), -len(r.nominations), r.chosen is None, r.dossier_id))
    return rows


@dataclass(frozen=True)
class CriterionDistribution:
    criterion_id: str
    code: str
    max_points: float
    percents: tuple[float, ...]  # every juror's points on the criterion, as % of its maximum


def score_distribution(results: Results) -> list[CriterionDistribution]:
    """Every score per criterion as % of the criterion's maximum, so criteria of different scales compare."""
    rows = []
    for index, criterion in enumerate(results.edition.criteria):
        scale = criterion.max_points or 1.0
        values = tuple(p * 100 / scale for d in results.dossiers for _, p in d.criteria[index].points)
        rows.append(CriterionDistribution(criterion.id, criterion.code, criterion.max_points, values))
    return rows


def normalisation_special_cases(results: Results) -> dict[str, list[str]]:
    """Jurors kept raw (fewer than 2 totals) and jurors set to the pooled mean (no spread), by id."""
    cases: dict[str, list[str]] = {TREATMENT_TOO_FEW: [], TREATMENT_NO_SPREAD: []}
    for juror in results.leniency:
        if juror.normalisation in cases:
            cases[juror.normalisation].append(juror.juror_id)
    return cases


def place_shift(row: RankingRow) -> int | None:
    """How many places normalisation moves a dossier: positive = up (a better place), None = not comparable."""
    if row.place is None or row.normalised_place is None:
        return None
    return row.place - row.normalised_place
