"""Merging score packages into the organizer's database: plan (verify, compare, preview), then apply.

``plan_merge`` changes nothing: it verifies every file (container, content, the organizer's checks in
``package_checks``), says what merging it would do, and for an update lists every change old → new.
``apply_merge`` stores the accepted files as evidence beside the database (durably, content-addressed:
``<db stem>.packages/<fan-out>/<sha256>.pu-scores``, the ``BlobStore`` layout the documents use) and
changes the database in ONE transaction, which commits only once every file is stored.

Rules for a batch of files (the organizer often drops a juror's several exports at once):

- files are taken per juror in order of revision; a lower revision is stale against the highest one
  in the batch, and two different files with the same (juror, revision) are an equivocation;
- an equivocation (in the batch or against the database) merges nothing of that juror: every such
  file is kept as ``evidence`` and an ``alarms`` row is raised. A package merged earlier stays merged;
  the alarm tells the organizer to clarify it with the juror;
- the same package twice in a batch is merged once (the copy is "already imported");
- a package is the juror's complete current state for the dossiers it lists: it replaces that juror's
  scores, statuses, conflicts and nominations of those dossiers; the previous package becomes
  ``superseded``. Refused, stale and already imported files change nothing;
- while the results are locked every file is refused.

Verification is CPU-bound, so many files are checked in a process pool, each worker with its own
read-only connection.
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from itertools import repeat
from pathlib import Path

from sqlite_utils import Database

from juror_app.domain.errors import UserError, ValidationError
from juror_app.domain.i18n import pick
from juror_app.exchange import container
from juror_app.exchange.keys import fingerprint
from juror_app.exchange.package import read_package_content
from juror_app.store.blobs import BlobStore
from juror_app.store.connection import connect
from juror_app.store.organizer_schema import locked_error, results_lock, utc_stamp
from juror_app.workflows.gc_pause import gc_paused
from juror_app.workflows.organizer.merge_rows import PackageRows
from juror_app.workflows.organizer.package_checks import (
    OUTCOME_NAMES,
    REVISION,
    Change,
    Outcome,
    assess_package,
    package_changes,
)

PACKAGE_SUFFIX = ".pu-scores"
POOL_FROM_FILES = 8  # below this, starting worker processes costs more than it saves

Progress = Callable[[int, int, str], None]


class MergeCancelled(UserError):
    """The organizer cancelled while files were being checked; nothing was changed."""


@dataclass(frozen=True)
class PlannedFile:
    """One file of a batch: who, which revision, what merging it would do, and why."""

    path: Path
    outcome: Outcome
    reason_pl: str = ""
    reason_en: str = ""
    code: str = ""  # the refusal's error code ("" when there is nothing to explain), for logs and tests
    juror_id: str | None = None
    signer_name: str = ""
    revision: int | None = None
    created_at: str = ""
    manifest_sha256: str | None = None
    file_sha256: str | None = None
    file_size: int = 0
    previous_revision: int | None = None
    changes: tuple[Change, ...] = ()  # for an update: every change old → new
    counts: dict[str, int] = field(default_factory=dict)  # dossiers, per status, scores
    alarm_with: str | None = None  # equivocation: the other package's manifest SHA-256
    rows: PackageRows | None = field(default=None, repr=False)  # for apply: what it writes
    manifest_json: str = field(default="", repr=False)
    key_fingerprint: str = ""

    @property
    def acceptable(self) -> bool:
        return self.outcome in (Outcome.NEW, Outcome.UPDATE)

    @property
    def refused(self) -> bool:
        """Counts as a refusal for the exit code: refused, stale or equivocation."""
        return self.outcome in (Outcome.REFUSED, Outcome.STALE, Outcome.EQUIVOCATION)

    def outcome_name(self, lang: str | None = None) -> str:
        return pick(*OUTCOME_NAMES[self.outcome], lang)

    def reason(self, lang: str | None = None) -> str:
        return pick(self.reason_pl, self.reason_en, lang)


@dataclass(frozen=True)
class MergePlan:
    files: tuple[PlannedFile, ...]
    database_state: str  # what the database held when planned; apply refuses if it changed

    @property
    def acceptable(self) -> tuple[PlannedFile, ...]:
        return tuple(f for f in self.files if f.acceptable)

    @property
    def any_refused(self) -> bool:
        return any(f.refused for f in self.files)


@dataclass(frozen=True)
class MergeResult:
    """What changed, so that views refresh only that."""

    merged: tuple[PlannedFile, ...]
    evidence: tuple[PlannedFile, ...]
    alarms_raised: int
    scores_written: int
    changed_jurors: tuple[str, ...]
    changed_dossiers: tuple[str, ...]
    evidence_folder: Path


def evidence_store(db_path: Path | str) -> BlobStore:
    """Where the package files are kept: ``organizer.sqlite`` → ``organizer.packages/…/<sha256>.pu-scores``."""
    db_path = Path(db_path)
    return BlobStore(db_path.with_name(db_path.stem + ".packages"), suffix=PACKAGE_SUFFIX)


def _refused(path: Path, error: UserError, **known) -> PlannedFile:
    return PlannedFile(path, Outcome.REFUSED, error.pl, error.en, error.code, **known)


def _file_sha256(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def assess_file(db: Database, path: Path, *, allow_revision_jump: bool = False) -> PlannedFile:
    """Verify one file completely and say what merging it alone would do (reads only)."""
    path = Path(path)
    known: dict = {}
    try:
        with container.open_container(path, container.PACKAGE) as opened:  # refuses oversized files first
            before = _file_sha256(path)
            content = read_package_content(opened)
            known.update(juror_id=content.juror_id, signer_name=str(opened.manifest["signer"].get("name", "")),
                         revision=content.revision, created_at=content.created_at,
                         manifest_sha256=opened.manifest_sha256, file_sha256=before[0], file_size=before[1],
                         counts=content.summary())
            assessment = assess_package(db, opened, content, allow_revision_jump=allow_revision_jump)
            manifest_json = opened.manifest_bytes.decode("utf-8")
            key_fp = fingerprint(opened.signer_key)
        if _file_sha256(path) != before:
            raise ValidationError(
                "file_changed_while_checked",
                pl="Plik zmienił się na dysku w trakcie sprawdzania. Poczekaj na koniec kopiowania i dodaj go ponownie.",
                en="The file changed on disk while it was being checked. Wait until it is fully copied and add it again.",
            )
    except OSError as exc:
        return _refused(path, ValidationError(
            "cannot_read_file", pl=f"Nie można odczytać pliku: {exc.strerror or exc}.",
            en=f"Cannot read the file: {exc.strerror or exc}."))
    except UserError as exc:
        return _refused(path, exc, **known)
    failed = [f for f in assessment.findings if not f.ok and f.check != REVISION]
    if failed:
        return PlannedFile(path, Outcome.REFUSED, failed[0].detail_pl, failed[0].detail_en, failed[0].code, **known)
    revision_check = assessment.finding(REVISION)
    outcome = assessment.outcome
    changes = package_changes(db, content) if outcome is Outcome.UPDATE else ()
    return PlannedFile(
        path, outcome, revision_check.detail_pl if revision_check else "", revision_check.detail_en if revision_check else "",
        revision_check.code if revision_check else "", **known, previous_revision=assessment.previous_revision, changes=changes,
        alarm_with=assessment.previous_manifest_sha256 if outcome is Outcome.EQUIVOCATION else None,
        rows=PackageRows.of(content) if outcome in (Outcome.NEW, Outcome.UPDATE, Outcome.EQUIVOCATION) else None,
        manifest_json=manifest_json, key_fingerprint=key_fp,
    )


_worker_db: Database | None = None


def _start_worker(db_path: str) -> None:
    global _worker_db
    gc.freeze()  # what a forked worker inherited is never collected here, nor copied by the collector's writes
    _worker_db = connect(db_path, readonly=True)


def _assess_in_worker(path: str, allow_revision_jump: bool) -> PlannedFile:
    assert _worker_db is not None
    with gc_paused():  # one file's thousands of decoded objects; collected, if at all, between files
        return assess_file(_worker_db, Path(path), allow_revision_jump=allow_revision_jump)


def database_path(db: Database) -> Path | None:
    """The file behind a connection (None for an in-memory database)."""
    for _, name, file in db.execute("PRAGMA database_list").fetchall():
        if name == "main" and file:
            return Path(file)
    return None


def database_state(db: Database) -> str:
    """A digest of what planning depends on: the packages received and the lock."""
    digest = hashlib.sha256()
    for row in db.execute("SELECT manifest_sha256, status FROM packages ORDER BY manifest_sha256"):
        digest.update(f"{row[0]}:{row[1]};".encode())
    lock = results_lock(db)
    digest.update(f"lock:{lock.locked_at if lock else ''}".encode())
    return digest.hexdigest()


def _pool_context() -> multiprocessing.context.BaseContext:
    """fork while this process has a single thread (fast: nothing re-imported); otherwise — e.g. called
    from a GUI worker thread, where forking could copy a held lock — forkserver, or spawn where there is none."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _assess_all(db: Database, paths: Sequence[Path], allow_jump: bool, progress: Progress,
                cancelled: Callable[[], bool]) -> list[PlannedFile]:
    total = len(paths)
    results: list[PlannedFile | None] = [None] * total
    db_path = database_path(db)
    workers = min(2, os.cpu_count() or 1)
    if total < POOL_FROM_FILES or workers < 2 or db_path is None:
        for index, path in enumerate(paths):
            if cancelled():
                raise _cancelled()
            with gc_paused():
                results[index] = assess_file(db, path, allow_revision_jump=allow_jump)
            progress(index + 1, total, path.name)
        return [r for r in results if r is not None]
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=_pool_context(), initializer=_start_worker,
                                 initargs=(str(db_path),)) as pool:
            futures = {pool.submit(_assess_in_worker, str(p), allow_jump): i for i, p in enumerate(paths)}
            for done, future in enumerate(as_completed(futures), start=1):
                if cancelled():
                    pool.shutdown(wait=True, cancel_futures=True)
                    raise _cancelled()
                index = futures[future]
                results[index] = future.result()
                progress(done, total, paths[index].name)
    except BrokenProcessPool:  # a worker could not start or died: finish the rest here
        for index, path in enumerate(paths):
            if results[index] is None:
                if cancelled():
                    raise _cancelled()
                results[index] = assess_file(db, path, allow_revision_jump=allow_jump)
                progress(sum(r is not None for r in results), total, path.name)
    return [r for r in results if r is not None]


def _cancelled() -> MergeCancelled:
    return MergeCancelled("merge_cancelled", pl="Przerwano sprawdzanie plików; niczego nie zmieniono.",
                          en="Checking the files was cancelled; nothing was changed.")


def _with(f: PlannedFile, outcome: Outcome, code: str, pl: str, en: str, **more) -> PlannedFile:
    keep = f.rows if outcome in (Outcome.NEW, Outcome.UPDATE, Outcome.EQUIVOCATION) else None
    return replace(f, outcome=outcome, code=code, reason_pl=pl, reason_en=en, rows=keep,
                   changes=f.changes if outcome is Outcome.UPDATE else (), **more)


def _reconcile(files: list[PlannedFile]) -> list[PlannedFile]:
    """Apply the batch rules (module docstring) to files each assessed against the database alone."""
    seen: dict[str, str] = {}
    for i, f in enumerate(files):
        if f.outcome is Outcome.REFUSED or f.manifest_sha256 is None:
            continue
        if f.manifest_sha256 in seen:
            files[i] = _with(f, Outcome.ALREADY_IMPORTED, "same_package_twice", f"Ta sama paczka co plik „{seen[f.manifest_sha256]}” w tym imporcie.",
                             f"The same package as the file “{seen[f.manifest_sha256]}” in this import.")
        else:
            seen[f.manifest_sha256] = f.path.name
    by_juror: dict[str, list[int]] = {}
    for i, f in enumerate(files):
        if f.acceptable or f.outcome is Outcome.EQUIVOCATION:
            by_juror.setdefault(f.juror_id or "", []).append(i)
    for juror_id, indexes in by_juror.items():
        by_revision: dict[int, list[int]] = {}
        for i in indexes:
            if files[i].acceptable:
                by_revision.setdefault(files[i].revision or 0, []).append(i)
        for revision, same in by_revision.items():
            if len(same) > 1:
                same.sort(key=lambda i: files[i].manifest_sha256 or "")
                first = files[same[0]].manifest_sha256
                for n, i in enumerate(same):
                    files[i] = _with(
                        files[i], Outcome.EQUIVOCATION, "equivocation_in_batch",
                        f"ALARM: w tym imporcie są dwie RÓŻNE paczki członka Kapituły {juror_id} o tej samej wersji {revision}. "
                        "Obie zachowano jako dowód, żadnej nie scalono. Wyjaśnij to z członkiem Kapituły.",
                        f"ALARM: this import holds two DIFFERENT packages of juror {juror_id} with the same revision {revision}. "
                        "Both are kept as evidence; nothing was merged. Clarify this with the juror.",
                        alarm_with=first if n else None)
        if any(files[i].outcome is Outcome.EQUIVOCATION for i in indexes):
            for i in indexes:
                if files[i].acceptable:
                    files[i] = _with(files[i], Outcome.REFUSED, "juror_under_alarm",
                                     f"Nie scalono: dla członka Kapituły {juror_id} podniesiono alarm (dwie różne paczki o tej samej wersji).",
                                     f"Not merged: an alarm was raised for juror {juror_id} (two different packages with the same revision).")
            continue
        candidates = sorted((i for i in indexes if files[i].acceptable), key=lambda i: files[i].revision or 0)
        if candidates:
            newest = files[candidates[-1]]
            for i in candidates[:-1]:
                files[i] = _with(files[i], Outcome.STALE, "stale_in_batch",
                                 f"Wersja {files[i].revision} jest starsza niż wersja {newest.revision} w tym samym imporcie "
                                 f"(plik „{newest.path.name}”); scalana jest tylko najnowsza.",
                                 f"Revision {files[i].revision} is older than revision {newest.revision} in the same import "
                                 f"(file “{newest.path.name}”); only the newest is merged.")
    return files


def plan_merge(db: Database, paths: Sequence[Path | str], *, allow_revision_jump: bool = False,
               progress: Progress = lambda done, total, label: None,
               cancelled: Callable[[], bool] = lambda: False) -> MergePlan:
    """Verify every file and say what merging the batch would do; the database is not changed."""
    paths = [Path(p) for p in paths]
    state = database_state(db)
    files = _reconcile(_assess_all(db, paths, allow_revision_jump, progress, cancelled))
    lock = results_lock(db)
    if lock is not None:
        error = locked_error(lock, action_pl="Paczki nie scalono", action_en="The package was not merged")
        files = [_with(f, Outcome.REFUSED, error.code, error.pl, error.en, alarm_with=None) for f in files]
    return MergePlan(tuple(files), state)


def _package_row(f: PlannedFile, status: str, stamp: str) -> tuple:
    r = f.rows
    assert r is not None
    return (f.manifest_sha256, r.juror_id, r.revision, r.created_at, stamp, r.bundle_manifest_sha256, f.key_fingerprint,
            f.file_sha256, f.file_size, f.path.name, status, r.scores_count, f.manifest_json)


def _merge_package(db: Database, f: PlannedFile, stamp: str) -> None:
    """Replace the juror's data for the dossiers the package lists; the previous package is superseded."""
    r = f.rows
    assert r is not None
    conn = db.conn
    conn.execute("UPDATE packages SET status = 'superseded' WHERE juror_id = ? AND status = 'merged'", [r.juror_id])
    conn.execute("INSERT INTO packages (manifest_sha256, juror_id, revision, created_at, imported_at, bundle_manifest_sha256,"
                 " key_fingerprint, file_sha256, file_size, original_name, status, scores_count, manifest_json)"
                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", _package_row(f, "merged", stamp))
    listed = [(r.juror_id, d) for d, _ in r.statuses]
    for table in ("scores", "dossier_statuses", "conflicts", "nominations"):
        if conn.execute(f"SELECT 1 FROM {table} WHERE juror_id = ? LIMIT 1", [r.juror_id]).fetchone():
            conn.executemany(f"DELETE FROM {table} WHERE juror_id = ? AND dossier_id = ?", listed)
    conn.executemany("INSERT INTO dossier_statuses (juror_id, dossier_id, status, package_manifest_sha256) VALUES (?, ?, ?, ?)",
                     [(r.juror_id, d, s, f.manifest_sha256) for d, s in r.statuses])
    conn.executemany("INSERT INTO scores (juror_id, dossier_id, criterion_id, points, justification, updated_at,"
                     " package_manifest_sha256) VALUES (?, ?, ?, ?, ?, ?, ?)",
                     zip(repeat(r.juror_id), *r.scores, repeat(f.manifest_sha256)))  # rows made as SQLite reads them
    conn.executemany("INSERT INTO conflicts (juror_id, dossier_id, reason, declared_at, package_manifest_sha256)"
                     " VALUES (?, ?, ?, ?, ?)", [(r.juror_id, *x, f.manifest_sha256) for x in r.conflicts])
    conn.executemany("INSERT INTO nominations (juror_id, dossier_id, distinction_id, reason, nominated_at,"
                     " package_manifest_sha256) VALUES (?, ?, ?, ?, ?, ?)",
                     [(r.juror_id, *n, f.manifest_sha256) for n in r.nominations])


def _unchanged_since_plan(f: PlannedFile) -> bytes:
    data = Path(f.path).read_bytes()
    if hashlib.sha256(data).hexdigest() != f.file_sha256:
        raise ValidationError(
            "file_changed_since_plan",
            pl=f"Plik „{f.path.name}” zmienił się od sprawdzenia. Niczego nie scalono; sprawdź pliki ponownie.",
            en=f"The file “{f.path.name}” changed since it was checked. Nothing was merged; check the files again.",
        )
    return data


def _store_evidence(store: BlobStore, files: list[tuple[PlannedFile, bytes]]) -> None:
    for f, data in files:
        store.put(data, expected_sha256=f.file_sha256)


def apply_merge(db: Database, plan: MergePlan, *, db_path: Path | str) -> MergeResult:
    """Store the accepted files as evidence and merge them in one transaction (module docstring)."""
    known = {r[0] for r in db.execute("SELECT manifest_sha256 FROM packages")}
    merged = tuple(f for f in plan.files if f.acceptable)
    evidence = tuple(f for f in plan.files if f.outcome is Outcome.EQUIVOCATION and f.manifest_sha256 not in known)
    store = evidence_store(db_path)
    if not merged and not evidence:
        return MergeResult((), (), 0, 0, (), (), store.root)
    lock = results_lock(db)
    if lock is not None:
        raise locked_error(lock, action_pl="Niczego nie scalono", action_en="Nothing was merged")
    if database_state(db) != plan.database_state:
        raise ValidationError(
            "database_changed_since_plan",
            pl="Od sprawdzenia plików baza edycji się zmieniła (inny import?). Niczego nie scalono; sprawdź pliki ponownie.",
            en="The edition database changed since the files were checked (another import?). Nothing was merged; check the files again.",
        )
    files = [(f, _unchanged_since_plan(f)) for f in (*merged, *evidence)]
    stamp = utc_stamp()
    alarms = 0
    # The evidence is written (and synced) by a second thread while this one fills the transaction;
    # the transaction commits only once every file is stored, and a failure to store rolls it back.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="evidence") as writer, db.atomic():
        stored = writer.submit(_store_evidence, store, files)
        for f in merged:
            _merge_package(db, f, stamp)
        for f in evidence:
            db.conn.execute("INSERT INTO packages (manifest_sha256, juror_id, revision, created_at, imported_at,"
                            " bundle_manifest_sha256, key_fingerprint, file_sha256, file_size, original_name, status,"
                            " scores_count, manifest_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            _package_row(f, "evidence", stamp))
        for f in evidence:
            if f.alarm_with:
                cursor = db.conn.execute(
                    "INSERT OR IGNORE INTO alarms (kind, juror_id, revision, first_manifest_sha256, second_manifest_sha256,"
                    " raised_at, message) VALUES ('equivocation', ?, ?, ?, ?, ?, ?)",
                    [f.juror_id, f.revision, f.alarm_with, f.manifest_sha256, stamp, f.reason_pl])
                alarms += cursor.rowcount
        stored.result()
    dossiers = sorted({d for f in merged if f.rows for d, _ in f.rows.statuses})
    return MergeResult(merged, evidence, alarms, sum(f.rows.scores_count for f in merged if f.rows),
                       tuple(sorted({f.juror_id or "" for f in merged})), tuple(dossiers), store.root)
