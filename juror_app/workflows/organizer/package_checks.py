"""The organizer's checks of a score package against the edition database (SECURITY.md).

Shared by ``juror-app verify --db`` and the merge: the signer must be the roster key of the juror
the manifest names; edition, bundle and dossiers must be this edition's and that juror's; points
must follow the rubric; and the revision must fit the history (new, update, already imported,
stale, equivocation, an implausible jump, or an edit log that does not continue the merged one:
a fork), and a juror under an open alarm has every package held (``alarm_rule``). For an update,
:func:`package_changes` lists what merging it would change (old → new), for the organizer's preview.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field

from sqlite_utils import Database

from juror_app.domain import edit_log
from juror_app.domain.errors import UserError, ValidationError
from juror_app.domain.i18n import pick
from juror_app.domain.model import STATUS_NAMES, DossierStatus
from juror_app.domain.rules import check_points, dossier_status_of, format_points
from juror_app.exchange import container
from juror_app.exchange.keys import fingerprint
from juror_app.exchange.package import PackageContent
from juror_app.store import alarm_store
from juror_app.store.edition_tables import read_edition
from juror_app.workflows.organizer import alarm_rule
from juror_app.workflows.organizer.outcomes import ALARM_OUTCOMES, OUTCOME_NAMES, Outcome

__all__ = ["ALARM", "ALARM_OUTCOMES", "MAX_REVISION_JUMP", "OUTCOME_NAMES", "REVISION", "Assessment", "Change",
           "Finding", "Outcome", "assess_package", "log_continues", "package_changes"]

MAX_REVISION_JUMP = 1000
REVISION = "revision"  # the check that compares the package's revision with the history
ALARM = "alarm"  # the check that holds a package while its juror has an open alarm


@dataclass
class Finding:
    """One check: what was checked and whether it passed, with the reason when it did not."""

    label_pl: str
    label_en: str
    ok: bool
    detail_pl: str = ""
    detail_en: str = ""
    code: str = ""  # the refusal's UserError code, for logs and tests ("" when the check passed)
    check: str = ""  # which check this is, stable across languages: "roster", "revision", …

    def label(self, lang: str | None = None) -> str:
        return pick(self.label_pl, self.label_en, lang)

    def detail(self, lang: str | None = None) -> str:
        return pick(self.detail_pl, self.detail_en, lang)


@dataclass
class Assessment:
    findings: list[Finding] = field(default_factory=list)
    outcome: Outcome = Outcome.REFUSED
    previous_manifest_sha256: str | None = None
    previous_revision: int | None = None

    @property
    def acceptable(self) -> bool:
        return all(f.ok for f in self.findings) and self.outcome in (Outcome.NEW, Outcome.UPDATE)

    def add(self, label_pl: str, label_en: str, error: UserError | None = None, *, check: str = "") -> bool:
        self.findings.append(
            Finding(label_pl, label_en, error is None, error.pl if error else "", error.en if error else "",
                    error.code if error else "", check)
        )
        return error is None

    def finding(self, check: str) -> Finding | None:
        return next((f for f in self.findings if f.check == check), None)


def _fail(code: str, pl: str, en: str) -> ValidationError:
    return ValidationError(code, pl=pl, en=en)


def assess_package(db: Database, opened: container.Opened, content: PackageContent,
                   *, allow_revision_jump: bool = False) -> Assessment:
    """Run every organizer-side check; the outcome says what a merge would do with the package."""
    result = Assessment()
    edition = read_edition(db)
    key_fp = fingerprint(opened.signer_key)
    row = db.execute(
        "SELECT juror_id, revoked_at FROM juror_keys WHERE fingerprint = ?", [key_fp]
    ).fetchone()
    if row is None:
        result.add("Klucz w składzie Kapituły", "Key in the roster", _fail(
            "signer_not_in_roster",
            f"Paczkę podpisano kluczem {key_fp}, którego nie ma w składzie Kapituły tej edycji. Nie scalaj jej; sprawdź, od kogo pochodzi.",
            f"The package was signed with key {key_fp}, which is not in this edition's roster. Do not merge it; check who sent it.",
        ))
    elif row[1] is not None:
        result.add("Klucz w składzie Kapituły", "Key in the roster", _fail(
            "signer_key_revoked",
            f"Klucz {key_fp} został unieważniony ({row[1]}). Poproś członka Kapituły o eksport nowym kluczem.",
            f"Key {key_fp} was revoked ({row[1]}). Ask the juror to export with the new key.",
        ))
    elif row[0] != content.juror_id:
        result.add("Klucz w składzie Kapituły", "Key in the roster", _fail(
            "signer_is_other_juror",
            f"Paczka podaje członka {content.juror_id}, ale podpisał ją klucz członka {row[0]}.",
            f"The package names juror {content.juror_id} but was signed by the key of juror {row[0]}.",
        ))
    else:
        result.add("Klucz w składzie Kapituły", "Key in the roster")

    if edition is None or edition.id != content.edition_id:
        result.add("Edycja konkursu", "Edition", _fail(
            "wrong_edition",
            f"Paczka dotyczy edycji „{content.edition_id}”, a ta baza — „{edition.id if edition else '—'}”.",
            f"The package is for edition “{content.edition_id}”; this database holds “{edition.id if edition else '—'}”.",
        ))
        result.outcome = Outcome.REFUSED
        return result
    result.add("Edycja konkursu", "Edition")

    issued = db.execute(
        "SELECT juror_id, revision FROM bundles WHERE manifest_sha256 = ?", [content.bundle_manifest_sha256]
    ).fetchone()
    if issued is None or issued[0] != content.juror_id:
        result.add("Paczka z przydziałem", "Assignment bundle", _fail(
            "unknown_bundle",
            "Paczkę ocen przygotowano na podstawie paczki z przydziałem, której organizator nie wydał temu członkowi Kapituły.",
            "The package was made against an assignment bundle the organizer did not issue to this juror.",
        ))
    else:
        result.add("Paczka z przydziałem", "Assignment bundle")

    assigned = {r[0] for r in db.execute("SELECT dossier_id FROM assignments WHERE juror_id = ?", [content.juror_id])}
    foreign = sorted(set(content.statuses) - assigned)
    result.add("Teczki z przydziału", "Assigned dossiers", _fail(
        "dossier_not_assigned",
        f"Paczka zawiera teczki nieprzydzielone temu członkowi Kapituły: {', '.join(foreign[:5])}.",
        f"The package holds dossiers not assigned to this juror: {', '.join(foreign[:5])}.",
    ) if foreign else None)

    rubric_error: UserError | None = None
    criteria = {c.id: c for c in edition.criteria}
    if set(content.criteria) != set(criteria):
        rubric_error = _fail(
            "criteria_differ",
            "Paczkę przygotowano dla innego zestawu kryteriów niż obecny w edycji. Wyślij członkowi Kapituły aktualną paczkę z przydziałem.",
            "The package was made for another set of criteria than the edition's. Send the juror the current bundle.",
        )
    distinctions = {d.id for d in edition.distinctions}
    by_dossier: defaultdict[str, dict[str, tuple[float, str]]] = defaultdict(dict)
    on_grid: set[tuple[str, float]] = set()  # (criterion, points) already checked: a rubric has few values
    for score in content.scores if rubric_error is None else ():
        criterion = criteria.get(score.criterion_id)
        if criterion is None:
            rubric_error = _fail("unknown_criterion", f"Nieznane kryterium {score.criterion_id}.", f"Unknown criterion {score.criterion_id}.")
            break
        if (score.criterion_id, score.points) not in on_grid:
            try:
                check_points(criterion, score.points)
            except ValidationError as exc:
                rubric_error = exc
                break
            on_grid.add((score.criterion_id, score.points))
        by_dossier[score.dossier_id][score.criterion_id] = (score.points, score.justification)
    if rubric_error is None:
        for nomination in content.nominations:
            if nomination.distinction_id not in distinctions:
                rubric_error = _fail("unknown_distinction", f"Nieznane wyróżnienie {nomination.distinction_id}.",
                                     f"Unknown distinction {nomination.distinction_id}.")
                break
    if rubric_error is None:
        recused = {c.dossier_id for c in content.conflicts}
        dossier_status = dossier_status_of(edition)
        for dossier_id, claimed in content.statuses.items():
            derived = dossier_status(by_dossier.get(dossier_id, {}), dossier_id in recused)
            if derived != claimed:
                rubric_error = _fail(
                    "status_mismatch",
                    f"Teczka {dossier_id} ma status „{STATUS_NAMES[claimed][0]}”, a z ocen wynika „{STATUS_NAMES[derived][0]}”.",
                    f"Dossier {dossier_id} has status “{STATUS_NAMES[claimed][1]}” but its scores make it “{STATUS_NAMES[derived][1]}”.",
                )
                break
    result.add("Oceny zgodne ze skalą", "Scores follow the rubric", rubric_error)

    _assess_revision(db, opened, content, result, allow_revision_jump)
    _assess_alarms(db, content, result)
    return result


def _assess_alarms(db: Database, content: PackageContent, result: Assessment) -> None:
    """The alarm rule (``alarm_rule``) against the alarms stored: an open one holds the package."""
    open_alarms = alarm_store.open_alarms_of(db, content.juror_id)
    held = alarm_rule.hold(result.outcome, alarm_rule.AlarmHold.of(open_alarms[0]) if open_alarms else None)
    if held is not None:
        result.outcome = Outcome.HELD
        result.add("Brak otwartego alarmu członka Kapituły", "No open alarm for the juror", _fail(*held), check=ALARM)


def log_continues(lines: tuple[str, ...] | list[str], entries: int, head: str) -> bool:
    """Does a log start with the log of ``entries`` lines ending in ``head``? (The hash chain makes one hash enough.)"""
    return len(lines) >= entries and edit_log.head_of(lines[:entries]) == head


def merged_log(manifest_json: str) -> tuple[int, str]:
    """(entries, head) of the edit log that a stored package's signed manifest names."""
    log = json.loads(manifest_json)["log"]
    return int(log["entries"]), str(log["head"])


def _assess_revision(db: Database, opened: container.Opened, content: PackageContent, result: Assessment,
                     allow_jump: bool) -> None:
    digest = opened.manifest_sha256
    latest = db.execute(
        "SELECT revision, manifest_sha256, manifest_json FROM packages WHERE juror_id = ? AND status = 'merged'"
        " ORDER BY revision DESC LIMIT 1",
        [content.juror_id],
    ).fetchone()
    last_revision = latest[0] if latest else 0
    result.previous_revision = latest[0] if latest else None
    result.previous_manifest_sha256 = latest[1] if latest else None
    known = alarm_store.stored_package(db, digest)
    if known is not None:
        _assess_known(db, known, last_revision, result)
        return
    same = db.execute(
        "SELECT manifest_sha256 FROM packages WHERE juror_id = ? AND revision = ?", [content.juror_id, content.revision]
    ).fetchall()
    if same:
        result.outcome = Outcome.EQUIVOCATION
        result.previous_manifest_sha256 = same[0][0]
        result.add("Wersja paczki", "Package revision", _fail(
            "equivocation",
            f"ALARM: członek Kapituły {content.juror_id} podpisał dwie RÓŻNE paczki o tej samej wersji {content.revision}. "
            "Obie zachowano jako dowód, żadnej nie scalono. Wyjaśnij to z członkiem Kapituły.",
            f"ALARM: juror {content.juror_id} signed two DIFFERENT packages with the same revision {content.revision}. "
            "Both are kept as evidence; nothing was merged. Clarify this with the juror.",
        ), check=REVISION)
        return
    if content.revision < last_revision:
        result.outcome = Outcome.STALE
        result.add("Wersja paczki", "Package revision", _fail(
            "stale_revision",
            f"Wersja {content.revision} jest starsza niż już scalona wersja {last_revision}; nie zastąpi nowszych ocen.",
            f"Revision {content.revision} is older than the merged revision {last_revision}; it will not replace newer scores.",
        ), check=REVISION)
        return
    if content.revision - last_revision > MAX_REVISION_JUMP and not allow_jump:
        result.outcome = Outcome.REFUSED
        result.add("Wersja paczki", "Package revision", _fail(
            "revision_jump",
            f"Wersja {content.revision} przeskakuje o więcej niż {MAX_REVISION_JUMP} po wersji {last_revision}. "
            "Taka paczka wymaga świadomej zgody organizatora (opcja nadpisania).",
            f"Revision {content.revision} jumps more than {MAX_REVISION_JUMP} past revision {last_revision}. "
            "Such a package needs the organizer's explicit override.",
        ), check=REVISION)
        return
    if latest is not None:
        entries, head = merged_log(latest[2])
        if not log_continues(content.log_lines, entries, head):
            result.outcome = Outcome.FORK
            result.add("Dziennik zmian kontynuuje scalony", "Edit log continues the merged one",
                       fork_error(content.juror_id, content.revision, last_revision, entries), check=REVISION)
            return
    result.outcome = Outcome.UPDATE if latest else Outcome.NEW
    result.add("Wersja paczki", "Package revision", check=REVISION)


def fork_error(juror_id: str, revision: int, continued_revision: int, entries: int) -> ValidationError:
    """The alarm for a package whose edit log does not start with the log of ``continued_revision``."""
    return _fail(
        "edit_log_fork",
        f"ALARM: dziennik zmian paczki członka Kapituły {juror_id} w wersji {revision} nie kontynuuje dziennika "
        f"wersji {continued_revision} (nie zaczyna się od jego {entries} wpisów): zmiany tamtej wersji zostałyby "
        "utracone. Paczkę zachowano jako dowód, niczego nie scalono. Wyjaśnij to z członkiem Kapituły i rozstrzygnij alarm.",
        f"ALARM: the edit log of juror {juror_id}'s package revision {revision} does not continue the log of "
        f"revision {continued_revision} (it does not start with its {entries} entries): that revision's edits "
        "would be lost. The package is kept as evidence; nothing was merged. Clarify it with the juror and resolve the alarm.",
    )


def _assess_known(db: Database, known: alarm_store.StoredPackage, last_revision: int, result: Assessment) -> None:
    """A package the database already holds: merged (already imported), superseded (stale) or kept as evidence."""
    if known.status == "merged":
        result.outcome = Outcome.ALREADY_IMPORTED
        result.add("Wersja paczki", "Package revision", check=REVISION)
        return
    if known.status == "superseded":
        result.outcome = Outcome.STALE
        result.add("Wersja paczki", "Package revision", _fail(
            "superseded_package",
            f"Tę paczkę (wersja {known.revision}) scalono już wcześniej i zastąpiła ją scalona wersja {last_revision}; "
            "nie zastąpi nowszych ocen.",
            f"This package (revision {known.revision}) was merged before and has been replaced by the merged revision "
            f"{last_revision}; it will not replace newer scores.",
        ), check=REVISION)
        return
    alarms = alarm_store.alarms_naming(db, known.manifest_sha256)
    if any(a.is_open for a in alarms):  # the open alarm holds it (_assess_alarms)
        result.outcome = Outcome.ALREADY_IMPORTED
        result.add("Wersja paczki", "Package revision", check=REVISION)
        return
    resolved = next((a for a in reversed(alarms) if a.resolution is not None), None)
    who = f" ({resolved.resolution.resolved_by}, {alarm_rule.readable_moment(resolved.resolution.resolved_at)})" if resolved and resolved.resolution else ""
    number = resolved.id if resolved else "—"
    result.outcome = Outcome.REFUSED
    result.add("Wersja paczki", "Package revision", _fail(
        "evidence_not_trusted",
        f"Ta paczka jest zachowana jako dowód alarmu nr {number}; przy jego rozstrzygnięciu{who} jej nie uznano. "
        "Nie zostanie scalona; poproś członka Kapituły o nowy eksport.",
        f"This package is kept as evidence of alarm {number}; it was not trusted when the alarm was resolved{who}. "
        "It will not be merged; ask the juror for a new export.",
    ), check=REVISION)


# --- what an update changes ------------------------------------------------------------------

CHANGE_ORDER = {"status": 0, "conflict": 1, "score": 2, "justification": 3, "nomination": 4}


@dataclass(frozen=True)
class Change:
    """One difference between the juror's merged data and a package, for the preview.

    ``kind``: "score" (points; ``old`` None = added, ``new`` None = removed), "justification" (same
    points, other text), "status", "conflict" (the reason; None = none) or "nomination" (the reason).
    ``subject`` is the criterion id (scores), the distinction id (nominations) or "".
    """

    kind: str
    dossier_id: str
    subject: str
    label: str  # the criterion's code or the distinction's name, as people know it
    old: float | str | None
    new: float | str | None

    def describe(self, lang: str | None = None) -> str:
        where = f"{self.dossier_id} {self.label}".strip()
        if self.kind == "score":
            old = "—" if self.old is None else format_points(float(self.old))
            new = "—" if self.new is None else format_points(float(self.new))
            note = pick(" (nowa ocena)", " (new score)", lang) if self.old is None else (
                pick(" (ocena usunięta)", " (score removed)", lang) if self.new is None else "")
            return f"{where}: {old} → {new}{note}"
        if self.kind == "justification":
            return f"{where}: " + pick("zmienione uzasadnienie", "justification changed", lang)
        if self.kind == "status":
            def name(value: float | str | None) -> str:
                return "—" if value is None else pick(*STATUS_NAMES[DossierStatus(value)], lang)
            return f"{where}: status {name(self.old)} → {name(self.new)}"
        state = 0 if self.old is None else 1 if self.new is None else 2  # added, withdrawn, reason changed
        if self.kind == "conflict":
            texts = (("zgłoszono konflikt interesów", "conflict of interest declared"),
                     ("wycofano konflikt interesów", "conflict of interest withdrawn"),
                     ("zmieniono powód konfliktu interesów", "reason for the conflict of interest changed"))
        else:
            texts = (("nowa nominacja", "nomination added"), ("wycofana nominacja", "nomination withdrawn"),
                     ("zmieniono uzasadnienie nominacji", "reason for the nomination changed"))
        return f"{where}: {pick(*texts[state], lang)}"


def package_changes(db: Database, content: PackageContent) -> tuple[Change, ...]:
    """Every change merging ``content`` would make to its juror's data on the dossiers it lists."""
    edition = read_edition(db)
    codes = {c.id: c.code for c in edition.criteria} if edition else {}
    position = {c.id: i for i, c in enumerate(edition.criteria)} if edition else {}
    names = {d.id: d.name for d in edition.distinctions} if edition else {}
    listed = set(content.statuses)
    juror = [content.juror_id]

    def mine(sql: str) -> list[tuple]:
        return [r for r in db.execute(sql, juror).fetchall() if r[0] in listed]

    changes: list[Change] = []
    old_status = {d: s for d, s in mine("SELECT dossier_id, status FROM dossier_statuses WHERE juror_id = ?")}
    for d in sorted(listed | set(old_status)):
        new = content.statuses[d].value if d in content.statuses else None
        if old_status.get(d) != new:
            changes.append(Change("status", d, "", "", old_status.get(d), new))
    old_conflicts = {d: r for d, r in mine("SELECT dossier_id, reason FROM conflicts WHERE juror_id = ?")}
    new_conflicts = {c.dossier_id: c.reason for c in content.conflicts}
    for d in sorted(set(old_conflicts) | set(new_conflicts)):
        if old_conflicts.get(d) != new_conflicts.get(d):
            changes.append(Change("conflict", d, "", "", old_conflicts.get(d), new_conflicts.get(d)))
    old_scores = {(d, c): (p, j) for d, c, p, j in
                  mine("SELECT dossier_id, criterion_id, points, justification FROM scores WHERE juror_id = ?")}
    new_scores = {(s.dossier_id, s.criterion_id): (float(s.points), s.justification) for s in content.scores}
    for d, c in set(old_scores) | set(new_scores):
        old, new = old_scores.get((d, c)), new_scores.get((d, c))
        if old is None or new is None or old[0] != new[0]:
            changes.append(Change("score", d, c, codes.get(c, c), old and old[0], new and new[0]))
        elif old[1] != new[1]:
            changes.append(Change("justification", d, c, codes.get(c, c), old[1], new[1]))
    old_noms = {(d, x): r for d, x, r in
                mine("SELECT dossier_id, distinction_id, reason FROM nominations WHERE juror_id = ?")}
    new_noms = {(n.dossier_id, n.distinction_id): n.reason for n in content.nominations}
    for d, x in set(old_noms) | set(new_noms):
        if old_noms.get((d, x)) != new_noms.get((d, x)):
            changes.append(Change("nomination", d, x, names.get(x, x), old_noms.get((d, x)), new_noms.get((d, x))))
    changes.sort(key=lambda ch: (ch.dossier_id, CHANGE_ORDER[ch.kind], position.get(ch.subject, len(position)), ch.subject))
    return tuple(changes)
