"""Merging score packages into the organizer's database: plan (verify, compare, preview), then apply.

``plan_merge`` changes nothing: it verifies every file (container, content, the organizer's checks in
``package_checks``), says what merging it would do, and for an update lists every change old → new.
``apply_merge`` stores the accepted files as evidence beside the database (durably, content-addressed:
``<db stem>.packages/<fan-out>/<sha256>.pu-scores``, the ``BlobStore`` layout the documents use) and
changes the database in ONE transaction, which commits only once every file is stored.

Rules for a batch of files (the organizer often drops a juror's several exports at once):

- files are taken per juror in order of revision; a lower revision is stale against the highest one
  in the batch, two different files with the same (juror, revision) are an equivocation, and a newer
  file whose edit log does not continue an older one's (in the batch, or the last merged) is a fork;
- an equivocation or a fork raises an alarm: the files that make it are kept as ``evidence``, an
  ``alarms`` row is written, and nothing of that juror is merged. A package merged earlier stays merged;
- while a juror has an open alarm (stored, or raised by this batch) every other package of that juror
  is held with the reason (``alarm_rule``), until the organizer resolves the alarm (``alarms``);
- the same package twice in a batch is merged once (the copy is "already imported"); a package merged
  earlier and since replaced is stale;
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
from pathlib import Path

from sqlite_utils import Database

from juror_app.domain.errors import UserError, ValidationError
from juror_app.domain.i18n import pick
from juror_app.exchange import container
from juror_app.exchange.keys import fingerprint
from juror_app.exchange.package import read_package_content
from juror_app.domain import edit_log
from juror_app.exchange.package import LOG
from juror_app.store import alarm_store
from juror_app.store.blobs import BlobStore
from juror_app.store.connection import connect
from juror_app.store.organizer_schema import locked_error, results_lock, utc_stamp
from juror_app.workflows.gc_pause import gc_paused
from juror_app.workflows.organizer import alarm_rule
from juror_app.workflows.organizer.merge_rows import PackageRows, insert_package_row, replace_juror_data
from juror_app.workflows.organizer.outcomes import ALARM_KIND, ALARM_OUTCOMES, OUTCOME_NAMES, Outcome
from juror_app.workflows.organizer.package_checks import (
    ALARM,
    REVISION,
    Change,
    assess_package,
    fork_error,
    log_continues,
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
    alarm_with: str | None = None  # equivocation or fork: the other package's manifest SHA-256 (the alarm's first)
    rows: PackageRows | None = field(default=None, repr=False)  # for apply: what it writes
    manifest_json: str = field(default="", repr=False)
    key_fingerprint: str = ""
    log_entries: int = 0  # the edit log's length and head, as the signed manifest names them
    log_head: str = ""

    @property
    def acceptable(self) -> bool:
        return self.outcome in (Outcome.NEW, Outcome.UPDATE)

    @property
    def refused(self) -> bool:
        """Counts as a refusal for the exit code: refused, stale, held, or an alarm."""
        return self.outcome in (Outcome.REFUSED, Outcome.STALE, Outcome.HELD, *ALARM_OUTCOMES)

    @property
    def raises_alarm(self) -> bool:
        return self.outcome in ALARM_OUTCOMES

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


_WRITES = (Outcome.NEW, Outcome.UPDATE, *ALARM_OUTCOMES)  # the outcomes whose rows apply needs


def assess_file(db: Database, path: Path, *, allow_revision_jump: bool = False, keep_rows: bool = False) -> PlannedFile:
    """Verify one file completely and say what merging it alone would do (reads only).

    ``keep_rows``: the rows to write even when the outcome writes none (resolving an alarm merges a
    package kept as evidence, after checking it again).
    """
    path = Path(path)
    known: dict = {}
    try:
        with container.open_container(path, container.PACKAGE) as opened:  # refuses oversized files first
            before = _file_sha256(path)
            content = read_package_content(opened)
            known.update(juror_id=content.juror_id, signer_name=str(opened.manifest["signer"].get("name", "")),
                         revision=content.revision, created_at=content.created_at,
                         manifest_sha256=opened.manifest_sha256, file_sha256=before[0], file_size=before[1],
                         counts=content.summary(), log_entries=len(content.log_lines),
                         log_head=edit_log.head_of(content.log_lines))
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
    failed = [f for f in assessment.findings if not f.ok and f.check not in (REVISION, ALARM)]
    if failed:
        return PlannedFile(path, Outcome.REFUSED, failed[0].detail_pl, failed[0].detail_en, failed[0].code, **known,
                           manifest_json=manifest_json, key_fingerprint=key_fp)
    outcome = assessment.outcome
    explained = assessment.finding(ALARM if outcome is Outcome.HELD else REVISION)
    changes = package_changes(db, content) if outcome is Outcome.UPDATE else ()
    return PlannedFile(
        path, outcome, explained.detail_pl if explained else "", explained.detail_en if explained else "",
        explained.code if explained else "", **known, previous_revision=assessment.previous_revision, changes=changes,
        alarm_with=assessment.previous_manifest_sha256 if outcome in ALARM_OUTCOMES else None,
        rows=PackageRows.of(content) if keep_rows or outcome in _WRITES else None,
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
    digest.update(f"lock:{lock.locked_at if lock else ''};alarms:{alarm_store.alarms_state(db)}".encode())
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
    keep = f.rows if outcome in _WRITES else None
    return replace(f, outcome=outcome, code=code, reason_pl=pl, reason_en=en, rows=keep,
                   changes=f.changes if outcome is Outcome.UPDATE else (), **more)


def _log_lines_of(f: PlannedFile) -> tuple[str, ...] | None:
    """The edit log of a file already assessed, read again (only for a juror with several new files in a batch).

    None when the file is no longer the one assessed; apply refuses it then anyway.
    """
    try:
        with container.open_container(f.path, container.PACKAGE) as opened:
            if opened.manifest_sha256 != f.manifest_sha256:
                return None
            text = opened.read(LOG).decode("utf-8")
    except (UserError, OSError, UnicodeDecodeError):
        return None
    return tuple(text[:-1].split("\n")) if text else ()


def _batch_fork(older: PlannedFile, newer: PlannedFile) -> bool:
    """Does ``newer``'s edit log fail to continue ``older``'s (both new files of one juror in this batch)?"""
    lines = _log_lines_of(newer)
    return lines is None or not log_continues(lines, older.log_entries, older.log_head)


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
        if f.outcome is not Outcome.REFUSED and f.juror_id:
            by_juror.setdefault(f.juror_id, []).append(i)
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
        candidates = sorted((i for i in indexes if files[i].acceptable), key=lambda i: files[i].revision or 0)
        for older, newer in zip(candidates, candidates[1:]):
            if _batch_fork(files[older], files[newer]):
                error = fork_error(juror_id, files[newer].revision or 0, files[older].revision or 0, files[older].log_entries)
                if files[older].outcome is not Outcome.FORK:
                    files[older] = _with(files[older], Outcome.FORK, "edit_log_fork_in_batch", error.pl, error.en, alarm_with=None)
                files[newer] = _with(files[newer], Outcome.FORK, "edit_log_fork_in_batch", error.pl, error.en,
                                     alarm_with=files[older].manifest_sha256)
        raised = next((files[i] for i in indexes if files[i].raises_alarm), None)
        if raised is not None:  # the alarm rule, for an alarm this batch raises (stored ones: package_checks)
            alarm = alarm_rule.AlarmHold(juror_id, ALARM_KIND[raised.outcome])
            for i in indexes:
                held = alarm_rule.hold(files[i].outcome, alarm)
                if held is not None:
                    files[i] = _with(files[i], Outcome.HELD, *held, alarm_with=None)
            continue
        candidates = [i for i in candidates if files[i].acceptable]
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
    assert f.rows is not None and f.manifest_sha256 is not None
    db.conn.execute("UPDATE packages SET status = 'superseded' WHERE juror_id = ? AND status = 'merged'", [f.rows.juror_id])
    insert_package_row(db.conn, _package_row(f, "merged", stamp))
    replace_juror_data(db.conn, f.rows, f.manifest_sha256)


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
    evidence = tuple(f for f in plan.files if f.raises_alarm and f.manifest_sha256 not in known)
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
            insert_package_row(db.conn, _package_row(f, "evidence", stamp))
        for f in evidence:
            if f.alarm_with and f.rows is not None:
                alarms += alarm_store.insert_alarm(
                    db, kind=ALARM_KIND[f.outcome], juror_id=f.rows.juror_id, revision=f.rows.revision,
                    first_manifest_sha256=f.alarm_with, second_manifest_sha256=f.manifest_sha256 or "", raised_at=stamp,
                    message=f.reason_pl)
        stored.result()
    dossiers = sorted({d for f in merged if f.rows for d, _ in f.rows.statuses})
    return MergeResult(merged, evidence, alarms, sum(f.rows.scores_count for f in merged if f.rows),
                       tuple(sorted({f.juror_id or "" for f in merged})), tuple(dossiers), store.root)
