"""The organizer's alarms: list them, and resolve one explicitly — the only way to lift its hold.

While an alarm is open, every package of its juror is held (``alarm_rule``). Resolving it records
who decided, when, why, and which of its two packages, if any, is to be trusted:

- trusting the package that is merged keeps the merged data as it is;
- trusting the package kept as evidence merges it now (checked again in full, in one transaction:
  it replaces that juror's data for the dossiers it lists, the merged one becomes superseded); it
  is refused while the results are locked, and when it would go back behind a newer merged revision;
- trusting neither keeps the merged data; the juror's next package must continue the merged log.

Nothing else changes: both packages stay in the evidence folder and in the ``packages`` table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from juror_app.domain.errors import ValidationError
from juror_app.domain.i18n import pick
from juror_app.domain.rules import check_reason
from juror_app.store import alarm_store
from juror_app.store.alarm_store import StoredAlarm, StoredPackage, StoredResolution
from juror_app.store.organizer_schema import ensure_unlocked, utc_stamp
from juror_app.workflows.organizer.alarm_rule import kind_name, readable_moment
from juror_app.workflows.organizer.merge import assess_file, evidence_store
from juror_app.workflows.organizer.merge_rows import replace_juror_data
from juror_app.workflows.organizer.outcomes import Outcome

MIN_TRUST_PREFIX = 8
MAX_PERSON_CHARS = 200
PACKAGE_STATUS_NAMES = {
    "merged": ("scalona", "merged"),
    "superseded": ("zastąpiona nowszą", "superseded"),
    "evidence": ("zachowana jako dowód", "kept as evidence"),
}


@dataclass(frozen=True)
class AlarmPackage:
    """One of the alarm's two packages."""

    manifest_sha256: str
    revision: int | None
    status: str  # merged, superseded, evidence ("" if the database lost it)
    original_name: str = ""
    created_at: str = ""
    imported_at: str = ""

    def status_name(self, lang: str | None = None) -> str:
        return pick(*PACKAGE_STATUS_NAMES.get(self.status, ("—", "—")), lang)


@dataclass(frozen=True)
class AlarmView:
    """An alarm as the organizer sees it: what happened, both packages, and the resolution if any."""

    id: int
    kind: str
    juror_id: str
    juror_name: str
    revision: int
    raised_at: str
    packages: tuple[AlarmPackage, AlarmPackage]
    resolution: StoredResolution | None

    @property
    def is_open(self) -> bool:
        return self.resolution is None

    def kind_name(self, lang: str | None = None) -> str:
        return pick(*kind_name(self.kind), lang)

    def description(self, lang: str | None = None) -> str:
        who = f"{self.juror_id} ({self.juror_name})" if self.juror_name else self.juror_id
        if self.kind == "fork":
            return pick(
                f"Paczka członka Kapituły {who} w wersji {self.revision} ma dziennik zmian, który nie kontynuuje dziennika "
                "wcześniejszej paczki: zmiany tamtej paczki zostałyby utracone.",
                f"Juror {who}'s package revision {self.revision} has an edit log that does not continue the log of the "
                "earlier package: that package's edits would be lost.", lang)
        return pick(f"Członek Kapituły {who} podpisał dwie różne paczki o tej samej wersji {self.revision}.",
                    f"Juror {who} signed two different packages with the same revision {self.revision}.", lang)

    def package(self, manifest_sha256: str | None) -> AlarmPackage | None:
        return next((p for p in self.packages if p.manifest_sha256 == manifest_sha256), None)


@dataclass(frozen=True)
class ResolutionResult:
    """What resolving changed, so that views refresh only that."""

    alarm_id: int
    juror_id: str
    resolution: StoredResolution
    scores_written: int  # > 0 only when the trusted package was merged
    open_alarms_left: int  # the juror's other open alarms: the juror stays held while any is open


def _package(stored: StoredPackage | None, manifest_sha256: str) -> AlarmPackage:
    if stored is None:
        return AlarmPackage(manifest_sha256, None, "")
    return AlarmPackage(manifest_sha256, stored.revision, stored.status, stored.original_name, stored.created_at,
                        stored.imported_at)


def _view(db: Database, alarm: StoredAlarm) -> AlarmView:
    first, second = (_package(alarm_store.stored_package(db, m), m) for m in alarm.manifests)
    return AlarmView(alarm.id, alarm.kind, alarm.juror_id, alarm.juror_name, alarm.revision, alarm.raised_at,
                     (first, second), alarm.resolution)


def list_alarms(db: Database) -> tuple[AlarmView, ...]:
    """Every alarm: the open ones first, each group oldest first."""
    alarms = alarm_store.all_alarms(db)
    return tuple(_view(db, a) for a in (*[a for a in alarms if a.is_open], *[a for a in alarms if not a.is_open]))


def _fail(code: str, pl: str, en: str) -> ValidationError:
    return ValidationError(code, pl=pl, en=en)


def _person(by: str) -> str:
    text = " ".join((by or "").split())
    if not text or len(text) > MAX_PERSON_CHARS:
        raise _fail("person_required",
                    f"Podaj, kto rozstrzyga alarm (imię i nazwisko, do {MAX_PERSON_CHARS} znaków): zapis trafia do historii alarmu.",
                    f"Say who resolves the alarm (a name, up to {MAX_PERSON_CHARS} characters): it is kept with the alarm.")
    return text


def _open_alarm(db: Database, alarm_id: int) -> StoredAlarm:
    alarm = alarm_store.alarm_by_id(db, alarm_id)
    if alarm is None:
        raise _fail("unknown_alarm", f"Nie ma alarmu nr {alarm_id}. Lista alarmów: juror-app alarms --db …",
                    f"There is no alarm {alarm_id}. The list of alarms: juror-app alarms --db …")
    if alarm.resolution is not None:
        r = alarm.resolution
        raise _fail("alarm_already_resolved",
                    f"Alarm nr {alarm_id} rozstrzygnięto już {readable_moment(r.resolved_at)} ({r.resolved_by}); rozstrzygnięcia się nie zmienia.",
                    f"Alarm {alarm_id} was already resolved on {readable_moment(r.resolved_at)} ({r.resolved_by}); a resolution is not changed.")
    return alarm


def _trusted(alarm: StoredAlarm, trust: str) -> str:
    """The alarm's package that ``trust`` names (its manifest SHA-256 or a prefix of it)."""
    wanted = trust.strip().lower()
    matches = [m for m in alarm.manifests if re.fullmatch(r"[0-9a-f]+", wanted) and m.startswith(wanted)]
    if len(wanted) < MIN_TRUST_PREFIX or len(set(matches)) != 1:
        first, second = (m[:12] for m in alarm.manifests)
        raise _fail("unknown_trusted_package",
                    f"„{trust[:70]}” nie wskazuje jednej z dwóch paczek alarmu nr {alarm.id}. Podaj skrót SHA-256 manifestu "
                    f"(co najmniej {MIN_TRUST_PREFIX} pierwszych znaków): {first}… albo {second}…",
                    f"“{trust[:70]}” does not name one of the two packages of alarm {alarm.id}. Give the manifest's SHA-256 "
                    f"(at least its first {MIN_TRUST_PREFIX} characters): {first}… or {second}…")
    return matches[0]


def resolve_alarm(db: Database, alarm_id: int, *, by: str, reason: str, trust: str | None,
                  db_path: Path | str) -> ResolutionResult:
    """Resolve an open alarm (module docstring); ``trust`` None: neither package is trusted."""
    alarm = _open_alarm(db, alarm_id)
    person = _person(by)
    text = check_reason(reason, what_pl="rozstrzygnięcia alarmu", what_en="resolving the alarm")
    trusted = _trusted(alarm, trust) if trust is not None else None
    package = alarm_store.stored_package(db, trusted) if trusted else None
    if trusted and package is None:
        raise _fail("trusted_package_missing", "Tej paczki nie ma w bazie edycji.", "This package is not in the edition database.")
    planned = None
    if package is not None and package.status == "superseded":
        raise _fail("trusted_package_superseded",
                    f"Paczkę {trusted[:12]}… (wersja {package.revision}) zastąpiła już nowsza scalona; uznanie jej cofnęłoby oceny.",
                    f"Package {trusted[:12]}… (revision {package.revision}) has been superseded by a newer merged one; "
                    "trusting it would roll the scores back.")
    if package is not None and package.status == "evidence":
        ensure_unlocked(db, action_pl="Nie scalono uznanej paczki", action_en="The trusted package was not merged")
        planned = _evidence_to_merge(db, alarm, package, db_path)
    stamp = utc_stamp()
    resolution = StoredResolution(stamp, person, text, trusted, planned is not None)
    with db.atomic():
        _open_alarm(db, alarm_id)  # still open inside the transaction
        if planned is not None:
            assert planned.rows is not None
            db.conn.execute("UPDATE packages SET status = 'superseded' WHERE juror_id = ? AND status = 'merged'",
                            [alarm.juror_id])
            db.conn.execute("UPDATE packages SET status = 'merged' WHERE manifest_sha256 = ?", [trusted])
            replace_juror_data(db.conn, planned.rows, trusted or "")
        alarm_store.insert_resolution(db, alarm_id, resolution)
    left = len(alarm_store.open_alarms_of(db, alarm.juror_id))
    return ResolutionResult(alarm_id, alarm.juror_id, resolution, planned.rows.scores_count if planned and planned.rows else 0, left)


def _evidence_to_merge(db: Database, alarm: StoredAlarm, package: StoredPackage, db_path: Path | str):
    """The trusted package kept as evidence, checked again in full before it is merged."""
    merged = db.execute("SELECT max(revision) FROM packages WHERE juror_id = ? AND status = 'merged'",
                        [alarm.juror_id]).fetchone()[0]
    if merged is not None and package.revision < merged:
        raise _fail("trusted_package_older",
                    f"Uznana paczka ma wersję {package.revision}, a scalona jest już wersja {merged}: jej scalenie cofnęłoby "
                    "nowsze oceny. Poproś członka Kapituły o nowy eksport.",
                    f"The trusted package is revision {package.revision}, and revision {merged} is merged already: merging it "
                    "would roll newer scores back. Ask the juror for a new export.")
    path = evidence_store(db_path).path(package.file_sha256)
    if not path.is_file():
        raise _fail("evidence_missing",
                    f"Brak pliku uznanej paczki w folderze dowodów ({path}). Dodaj ten plik ponownie albo nie uznawaj żadnej paczki.",
                    f"The trusted package's file is missing from the evidence folder ({path}). Restore it or trust neither package.")
    planned = assess_file(db, path, keep_rows=True)
    if planned.outcome is Outcome.REFUSED or planned.rows is None:
        raise _fail("trusted_package_refused", f"Uznanej paczki nie można scalić: {planned.reason_pl}",
                    f"The trusted package cannot be merged: {planned.reason_en}")
    if (planned.manifest_sha256, planned.file_sha256) != (package.manifest_sha256, package.file_sha256):
        raise _fail("evidence_changed", f"Plik w folderze dowodów nie jest już tą paczką ({path}).",
                    f"The file in the evidence folder is no longer this package ({path}).")
    return planned
