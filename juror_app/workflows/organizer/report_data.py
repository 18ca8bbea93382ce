"""What the printed documents show, read from the organizer's database in one consistent snapshot.

Everything a document prints comes from here, inside ONE read transaction, together with the results
JSON that is attached to it and the list of merged packages: so the data code on every page names
exactly the data on the page. The functions below turn the snapshot into the plain dataclasses of
:mod:`juror_app.reports` (which cannot read the database themselves).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

from sqlite_utils import Database

from juror_app.domain.i18n import count_en, count_pl, pick
from juror_app.domain.model import Edition
from juror_app.domain.scoring import Certification, DossierResult
from juror_app.domain.totals import stage_totals, weighted_percent
from juror_app.reports import formatting as fmt
from juror_app.reports.fingerprint import DataFingerprint, PackageRef, data_fingerprint
from juror_app.reports.formatting import log_state, stage_short
from juror_app.reports.institution_summary import (
    CategoryStart,
    CriterionLine,
    InstitutionSummary,
    StageLine,
)
from juror_app.reports.score_sheet import (
    MISSING,
    JurorSheet,
    SheetDossier,
    SheetScore,
    SheetStage,
)
from juror_app.workflows.organizer.results import (
    Results,
    build_results,
    results_to_json,
)


@dataclass(frozen=True)
class PackageRow:
    juror_id: str
    juror_name: str
    revision: int
    created_at: str
    imported_at: str
    manifest_sha256: str
    key_fingerprint: str
    log_entries: int | None
    log_head: str | None


@dataclass(frozen=True)
class SheetRows:
    """What only the score sheets print: every score with its justification, statuses, nominations."""

    scores: dict[tuple[str, str], dict[str, tuple[float, str]]]  # (juror, dossier) → criterion → (points, text)
    statuses: dict[tuple[str, str], str]
    nominations: dict[tuple[str, str], list[tuple[str, str]]]  # (juror, dossier) → [(distinction, reason)]
    assigned: dict[str, list[str]]  # juror → dossier ids


@dataclass(frozen=True)
class Snapshot:
    results: Results
    results_json: bytes  # byte-identical to `juror-app results --format json`
    fingerprint: DataFingerprint
    packages: tuple[PackageRow, ...]  # merged, by juror
    jurors: dict[str, tuple[str, str, str]]  # id → (name, affiliation, role)
    institutions: dict[str, tuple[str, str, str, str]]  # dossier id → (name, short name, city, voivodeship)
    assignments: dict[str, tuple[str, ...]]  # dossier id → juror ids
    conflicts: dict[tuple[str, str], tuple[str, str]]  # (juror, dossier) → (reason, declared at)
    sheet_rows: SheetRows | None = None  # read only for the score sheets

    @property
    def edition(self) -> Edition:
        return self.results.edition


def read_snapshot(db: Database, *, sheets: bool = False) -> Snapshot:
    """Everything a document prints, in one read transaction (the score sheets' rows only when asked)."""
    with db.atomic():
        results = build_results(db)
        results_json = results_to_json(results)
        packages = tuple(_package(row) for row in db.execute(
            "SELECT p.juror_id, j.name, p.revision, p.created_at, p.imported_at, p.manifest_sha256, p.key_fingerprint,"
            " p.manifest_json FROM packages p JOIN jurors j ON j.id = p.juror_id WHERE p.status = 'merged'"
            " ORDER BY p.juror_id, p.revision"))
        jurors = {r[0]: (r[1], r[2], r[3]) for r in db.execute("SELECT id, name, affiliation, role FROM jurors ORDER BY id")}
        institutions = {r[0]: tuple(r[1:]) for r in db.execute(
            "SELECT d.id, i.name, i.short_name, i.city, i.voivodeship FROM dossiers d"
            " JOIN institutions i ON i.id = d.institution_id")}
        assignments: dict[str, list[str]] = {}
        for juror_id, dossier_id in db.execute("SELECT juror_id, dossier_id FROM assignments ORDER BY dossier_id, juror_id"):
            assignments.setdefault(dossier_id, []).append(juror_id)
        conflicts = {(r[0], r[1]): (r[2], r[3]) for r in db.execute(
            "SELECT juror_id, dossier_id, reason, declared_at FROM conflicts")}
        rows = _sheet_rows(db) if sheets else None
    refs = [PackageRef(p.juror_id, p.revision, p.manifest_sha256) for p in packages]
    return Snapshot(results, results_json, data_fingerprint(results_json, refs), packages, jurors, institutions,
                    {d: tuple(j) for d, j in assignments.items()}, conflicts, rows)


def _sheet_rows(db: Database) -> SheetRows:
    scores: dict[tuple[str, str], dict[str, tuple[float, str]]] = {}
    for j, d, c, p, text in db.execute("SELECT juror_id, dossier_id, criterion_id, points, justification FROM scores"):
        scores.setdefault((j, d), {})[c] = (p, text)
    statuses = {(j, d): s for j, d, s in db.execute("SELECT juror_id, dossier_id, status FROM dossier_statuses")}
    nominations: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for j, d, distinction, reason in db.execute(
            "SELECT juror_id, dossier_id, distinction_id, reason FROM nominations ORDER BY distinction_id"):
        nominations.setdefault((j, d), []).append((distinction, reason))
    assigned: dict[str, list[str]] = {}
    for j, d in db.execute("SELECT juror_id, dossier_id FROM assignments ORDER BY juror_id, dossier_id"):
        assigned.setdefault(j, []).append(d)
    return SheetRows(scores, statuses, nominations, assigned)


def _package(row: tuple) -> PackageRow:
    log = {}
    try:
        log = json.loads(row[7]).get("log") or {}
    except (ValueError, AttributeError):
        pass  # an unreadable stored manifest only costs the log line on the sheet
    return PackageRow(*row[:7], log.get("entries"), log.get("head"))


# --- shared wording ------------------------------------------------------------------------------

def certification_overview(dossiers: list[DossierResult], lang: str) -> str:
    """ "24 jednostki; certyfikat: 10, bez certyfikatu: 12, ocena niekompletna: 2"."""
    counts = {c: 0 for c in Certification}
    for d in dossiers:
        counts[d.certification] += 1
    head = pick(count_pl(len(dossiers), "jednostka", "jednostki", "jednostek"),
                count_en(len(dossiers), "institution", "institutions"), lang)
    return head + pick(
        f"; certyfikat: {counts[Certification.CERTIFIED]}, bez certyfikatu: {counts[Certification.NOT_CERTIFIED]},"
        f" ocena niekompletna: {counts[Certification.INCOMPLETE]}",
        f"; certified: {counts[Certification.CERTIFIED]}, not certified: {counts[Certification.NOT_CERTIFIED]},"
        f" incomplete: {counts[Certification.INCOMPLETE]}", lang)


def by_category(snapshot: Snapshot) -> Iterator[tuple[str, str, list[DossierResult], dict[str, int | None]]]:
    """(category id, name, its dossiers in ranking order, dossier → place) for every category, in edition order."""
    results = snapshot.results
    by_id = {d.dossier_id: d for d in results.dossiers}
    for category in snapshot.edition.categories:
        rows = [r for r in results.rankings if r.category_id == category.id]
        yield category.id, category.name, [by_id[r.dossier_id] for r in rows], {r.dossier_id: r.place for r in rows}


def juror_label(snapshot: Snapshot, juror_id: str) -> str:
    name = snapshot.jurors.get(juror_id, ("", "", ""))[0]
    return f"{juror_id} {name}".strip()


def distinction_lines(snapshot: Snapshot, lang: str) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Per dossier: the distinctions awarded ("Innowacyjny Urząd: note") and the jurors' nominations."""
    names = {d.id: d.name for d in snapshot.edition.distinctions}
    awarded: dict[str, list[str]] = {}
    nominated: dict[str, list[str]] = {}
    for decision in snapshot.results.decisions:
        for distinction, note, _, _ in decision.chosen:
            awarded.setdefault(decision.dossier_id, []).append(
                names.get(distinction, distinction) + (f": {note}" if note else ""))
        for distinction, juror_id, reason, _ in decision.nominations:
            nominated.setdefault(decision.dossier_id, []).append(
                f"{names.get(distinction, distinction)} — {juror_label(snapshot, juror_id)}: {reason}")
    return awarded, nominated


# --- institution summaries ----------------------------------------------------------------------

def institution_items(snapshot: Snapshot, lang: str) -> list[InstitutionSummary]:
    """One summary per dossier, by category and ranking place; the first of a category opens it."""
    edition = snapshot.edition
    criteria = {c.id: c for c in edition.criteria}
    awarded, nominated = distinction_lines(snapshot, lang)
    items = []
    for _, category_name, dossiers, places in by_category(snapshot):
        opening: CategoryStart | None = CategoryStart(category_name, certification_overview(dossiers, lang))
        for d in dossiers:
            name, _, city, voivodeship = snapshot.institutions.get(d.dossier_id, (d.name, "", "", ""))
            assigned = snapshot.assignments.get(d.dossier_id, ())
            recused = [j for j in assigned if (j, d.dossier_id) in snapshot.conflicts]
            columns = [j for j in assigned if j not in recused]
            scored = {j for c in d.criteria for j, _ in c.points}
            columns += sorted(scored - set(columns))  # scores of a juror no longer assigned still show
            lines = []
            for result in d.criteria:
                criterion = criteria[result.criterion_id]
                given = dict(result.points)
                lines.append(CriterionLine(criterion.code, criterion.name, criterion.max_points,
                                           tuple(given.get(j) for j in columns), result.summary.mean,
                                           result.summary.spread, result.disagreement))
            place = places.get(d.dossier_id)
            items.append(InstitutionSummary(
                dossier_id=d.dossier_id, name=name, category=category_name,
                place=pick(f"{place} z {len(dossiers)}", f"{place} of {len(dossiers)}", lang) if place else "—",
                location=f"{city} ({voivodeship})" if voivodeship else city,
                jurors=tuple((j, snapshot.jurors.get(j, ("", "", ""))[0]) for j in columns),
                criteria=tuple(lines),
                stages=tuple(StageLine(stage_short(s.stage, lang), s.points, s.max_points, s.percent) for s in d.stages),
                total_percent=d.total_percent, certification=d.certification.value, complete_jurors=d.complete_jurors,
                recusals=tuple(f"{juror_label(snapshot, j)}: {snapshot.conflicts[(j, d.dossier_id)][0]}" for j in recused),
                distinctions=tuple(awarded.get(d.dossier_id, ())), nominations=tuple(nominated.get(d.dossier_id, ())),
                opens=opening,
            ))
            opening = None
    return items


# --- score sheets ---------------------------------------------------------------------------------

def sheet_items(snapshot: Snapshot, lang: str) -> list[JurorSheet]:
    """Every juror's sheet from the merged data (statuses as merged); needs ``read_snapshot(db, sheets=True)``."""
    if snapshot.sheet_rows is None:
        raise ValueError("the snapshot was read without the score sheets' rows")
    rows = snapshot.sheet_rows
    scores, statuses, nominations, assigned = rows.scores, rows.statuses, rows.nominations, rows.assigned
    edition = snapshot.edition
    names = {d.id: d.name for d in edition.distinctions}
    categories = {c.id: c.name for c in edition.categories}
    dossier_category = {d.dossier_id: d.category_id for d in snapshot.results.dossiers}
    latest = {p.juror_id: p for p in snapshot.packages}
    sheets = []
    for juror_id, (name, affiliation, role) in snapshot.jurors.items():
        package = latest.get(juror_id)
        dossiers = []
        for dossier_id in assigned.get(juror_id, []):
            given = scores.get((juror_id, dossier_id), {})
            points = {c: p for c, (p, _) in given.items()}
            institution, _, city, _ = snapshot.institutions.get(dossier_id, (dossier_id, "", "", ""))
            dossiers.append(SheetDossier(
                dossier_id=dossier_id, institution=institution, category=categories.get(dossier_category.get(dossier_id, ""), ""),
                city=city, status=statuses.get((juror_id, dossier_id), MISSING),
                conflict=snapshot.conflicts.get((juror_id, dossier_id)),
                scores=tuple(SheetScore(c.code, c.name, c.max_points, given[c.id][0] if c.id in given else None,
                                        given[c.id][1] if c.id in given else "") for c in edition.criteria),
                stages=tuple(SheetStage(stage_short(t.stage.value, lang), t.points, t.max_points, t.scored, t.criteria)
                             for t in stage_totals(edition, points)),
                total_percent=weighted_percent(edition, points),
                nominations=tuple((names.get(k, k), r) for k, r in nominations.get((juror_id, dossier_id), [])),
            ))
        sheets.append(JurorSheet(juror_id, name, affiliation, role == "chair", _sheet_source(package, lang),
                                 tuple(dossiers), "" if package else pick(
                                     "Nie scalono jeszcze paczki ocen tej osoby: karta pokazuje tylko przydział.",
                                     "No score package of this juror has been merged yet: the sheet shows the assignment only.",
                                     lang), package.revision if package else None))
    return sheets


def _sheet_source(package: PackageRow | None, lang: str) -> tuple[tuple[str, str], ...]:
    if package is None:
        return ((pick("Paczka ocen", "Score package", lang), pick("brak", "none", lang)),)
    pairs = [
        (pick("Paczka ocen", "Score package", lang),
         pick(f"wersja {package.revision}, utworzona {fmt.timestamp(package.created_at, lang)}, "
              f"scalona {fmt.timestamp(package.imported_at, lang)}",
              f"revision {package.revision}, made {fmt.timestamp(package.created_at, lang)}, "
              f"merged {fmt.timestamp(package.imported_at, lang)}", lang)),
        (pick("SHA-256 manifestu", "SHA-256 of the manifest", lang), package.manifest_sha256),
        (pick("Klucz podpisu", "Signing key", lang), package.key_fingerprint),
    ]
    if package.log_head:
        pairs.append((pick("Stan ocen (dziennik)", "State of scores (log)", lang),
                      log_state(package.log_entries or 0, package.log_head, lang)))
    return tuple(pairs)
