"""Merging the national-scale demo: verify, plan, apply and aggregate its 60 packages, vs raw SQLite inserts.

Set-up (untimed): ``generate_demo`` at national scale (2,000 dossiers, 60 jurors, 3 per dossier,
12 criteria: 72,000 score slots, about 62,000 scores given) and a copy of its organizer database.
Each sample starts from a fresh copy of that database (SQLite backup API, untimed).

- ``merge``: ``plan_merge`` (every file verified: container, signature, hashes, edit log replay,
  roster, revision; a 2-process pool) + ``apply_merge`` (evidence files written durably, one
  transaction) + ``build_results`` with ``results_to_json``.
- ``apply``: ``apply_merge`` alone, on a plan made in the set-up.
- baseline, in the same run: the same score, status, conflict and nomination rows inserted with
  ``executemany`` into tables of the same shape in a fresh SQLite file, in one transaction.
- ``floor``: what the merge cannot avoid, with no project code at all: every package file read
  through ``zipfile`` (inflate, CRC), SHA-256 of every member, its JSON members decoded, the edit
  log's lines re-encoded canonically with the C encoder and each line hashed (a 2-process pool, as
  the merge uses), then the raw inserts, then the results encoded as JSON. It shows how much of the
  3× goal these library calls leave for everything else (signatures, revisions, replay, statistics).
- peak memory: one merge in a fresh process (``--once``): the PSS of it and its workers, sampled.

Runs under ``tests/perf/run.py`` (``python tests/perf/run.py merge``).
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import pickle
import shutil
import sqlite3
import subprocess
import sys
import time
import zipfile
from concurrent.futures import ProcessPoolExecutor
from itertools import repeat
from pathlib import Path

import perfkit

from juror_app.exchange import container
from juror_app.exchange.package import read_package_content
from juror_app.store.organizer_schema import open_organizer_db
from juror_app.workflows.demo.generate import DemoSettings, generate_demo
from juror_app.workflows.organizer.merge import apply_merge, plan_merge
from juror_app.workflows.organizer.results import (
    build_results,
    results_to_dict,
    results_to_json,
)

RATIO_GOAL = 3.0
MEMORY_GOAL_MIB = 400.0
RAW_TABLES = """
CREATE TABLE scores (juror_id TEXT, dossier_id TEXT, criterion_id TEXT, points REAL, justification TEXT,
                     updated_at TEXT, package TEXT, PRIMARY KEY (juror_id, dossier_id, criterion_id));
CREATE TABLE dossier_statuses (juror_id TEXT, dossier_id TEXT, status TEXT, package TEXT, PRIMARY KEY (juror_id, dossier_id));
CREATE TABLE conflicts (juror_id TEXT, dossier_id TEXT, reason TEXT, declared_at TEXT, package TEXT, PRIMARY KEY (juror_id, dossier_id));
CREATE TABLE nominations (juror_id TEXT, dossier_id TEXT, distinction_id TEXT, reason TEXT, nominated_at TEXT, package TEXT,
                          PRIMARY KEY (juror_id, dossier_id, distinction_id));
"""


def copy_database(source: Path, target: Path) -> None:
    """A fresh copy of the organizer database, through the backup API (safe with WAL)."""
    for leftover in (target, target.with_name(target.name + "-wal"), target.with_name(target.name + "-shm")):
        leftover.unlink(missing_ok=True)
    shutil.rmtree(target.with_name(target.stem + ".packages"), ignore_errors=True)
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def package_rows(files: list[Path]) -> dict[str, list[tuple]]:
    """The rows a merge writes, read from the packages (untimed), for the raw baseline."""
    rows: dict[str, list[tuple]] = {"scores": [], "dossier_statuses": [], "conflicts": [], "nominations": []}
    for path in files:
        with container.open_container(path, container.PACKAGE) as opened:
            c, digest = read_package_content(opened), opened.manifest_sha256
        rows["scores"] += [(s.juror_id, s.dossier_id, s.criterion_id, float(s.points), s.justification, s.updated_at, digest)
                           for s in c.scores]
        rows["dossier_statuses"] += [(c.juror_id, d, s.value, digest) for d, s in c.statuses.items()]
        rows["conflicts"] += [(x.juror_id, x.dossier_id, x.reason, x.declared_at, digest) for x in c.conflicts]
        rows["nominations"] += [(n.juror_id, n.dossier_id, n.distinction_id, n.reason, n.nominated_at, digest)
                                for n in c.nominations]
    return rows


def raw_inserts(rows: dict[str, list[tuple]], db_path: Path) -> None:
    for leftover in (db_path, db_path.with_name(db_path.name + "-wal"), db_path.with_name(db_path.name + "-shm")):
        leftover.unlink(missing_ok=True)
    connection = sqlite3.connect(db_path)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=FULL")  # as the organizer's store: a fair floor
        connection.executescript(RAW_TABLES)
        with connection:
            for table, table_rows in rows.items():
                if table_rows:
                    marks = ", ".join("?" * len(table_rows[0]))
                    connection.executemany(f"INSERT INTO {table} VALUES ({marks})", table_rows)
    finally:
        connection.close()


_CANONICAL = json.encoder.c_make_encoder(  # the edit log's canonical form: sorted keys, compact, UTF-8
    None, None, json.encoder.encode_basestring, None, ":", ",", True, False, False)


def library_calls(path: str) -> int:
    """The C-level work of checking one package, with none of the checks' logic: returns its log lines."""
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    for data in members.values():
        hashlib.sha256(data).hexdigest()
    for name, data in members.items():
        if name.endswith(".json"):
            json.loads(data)
    log = members["log.jsonl"]
    lines = log.decode("utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    entries = json.loads("[" + ",".join(lines) + "]")
    if list(map("".join, map(_CANONICAL, entries, repeat(0)))) != lines:
        raise ValueError(f"{path}: the edit log is not canonical")
    for line in log.split(b"\n"):
        hashlib.sha256(line).hexdigest()
    return len(lines)


def floor(files: list[Path], rows: dict[str, list[tuple]], raw_db: Path, results: dict) -> int:
    """Library calls only: the packages' (two workers, as the merge), the raw inserts, the results' JSON."""
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    with ProcessPoolExecutor(max_workers=2, mp_context=context) as pool:
        lines = sum(pool.map(library_calls, [str(f) for f in files]))
    raw_inserts(rows, raw_db)
    json.dumps(results, ensure_ascii=False, separators=(",", ":"), allow_nan=False, check_circular=False)
    return lines


def merge_and_aggregate(db_path: Path, files: list[Path]) -> int:
    db = open_organizer_db(db_path)
    try:
        plan = plan_merge(db, files)
        result = apply_merge(db, plan, db_path=db_path)
        results_to_json(build_results(db))
        return result.scores_written
    finally:
        db.close()


def once(mode: str, db_path: Path, source: Path) -> None:
    """``--once``: one merge (or the raw baseline) in this fresh process, watched from outside."""
    if mode == "merge":
        merge_and_aggregate(db_path, sorted(source.glob("*.pu-scores")))
    else:
        raw_inserts(pickle.loads(source.read_bytes()), db_path)


def _pss(pid: int) -> int:
    """Proportional set size of a process in bytes (shared pages split among their users), 0 if gone."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except (OSError, ValueError):
        return []


def measure_memory(mode: str, db_path: Path, source: Path) -> tuple[int, int]:
    """Peak memory of one ``--once`` run: (its process and its workers together, its process alone).

    On Linux the process tree's PSS is sampled every 20 ms (a forked child's own peak RSS would also
    count the pages it shares with — or inherited from — its parent); elsewhere the peak RSS.
    """
    command = [sys.executable, str(Path(__file__).resolve()), "--once", mode, str(db_path), str(source)]
    if not Path("/proc/self/smaps_rollup").exists():
        done = perfkit.run_process(command)
        return done.peak_rss, done.peak_rss
    process = subprocess.Popen(command)
    together = alone = 0
    while process.poll() is None:
        own = _pss(process.pid)
        alone = max(alone, own)
        together = max(together, own + sum(_pss(c) for c in _children(process.pid)))
        time.sleep(0.02)
    if process.returncode != 0:
        raise RuntimeError(f"--once {mode} exited with {process.returncode}")
    return together, alone


def run(ctx: perfkit.Context) -> list[perfkit.Result]:
    settings = DemoSettings(institutions=ctx.size(full=2000, quick=100), jurors=ctx.size(full=60, quick=6),
                            per_dossier=3, seed=2026)
    folder = ctx.workdir / "demo"
    with perfkit.Timer() as setup:
        generate_demo(folder, settings)
    files = sorted((folder / "packages").glob("*.pu-scores"))
    template = folder / "organizer.sqlite"
    rows = package_rows(files)
    n_scores = len(rows["scores"])
    print(f"[merge] demo of {settings.institutions} dossiers, {len(files)} packages, {n_scores:,} scores "
          f"made in {setup.seconds:.0f} s", flush=True)

    work, raw_db = ctx.workdir / "work.sqlite", ctx.workdir / "raw.sqlite"
    planned: dict[str, object] = {}
    counted: dict[str, int] = {}
    copy_database(template, work)
    db = open_organizer_db(work)
    apply_merge(db, plan_merge(db, files), db_path=work)
    results = results_to_dict(build_results(db))  # the floor encodes the same results
    db.close()

    def fresh_plan() -> None:
        copy_database(template, work)
        db = open_organizer_db(work)
        planned["db"], planned["plan"] = db, plan_merge(db, files)

    def apply_only() -> None:
        db = planned["db"]
        apply_merge(db, planned["plan"], db_path=work)  # type: ignore[arg-type]
        db.close()  # type: ignore[union-attr]

    repeat = ctx.repeats(3)
    samples = perfkit.measure_interleaved(
        {"merge": lambda: merge_and_aggregate(work, files), "apply": apply_only, "raw": lambda: raw_inserts(rows, raw_db),
         "floor": lambda: counted.update(lines=floor(files, rows, raw_db, results))},
        repeat, setups={"merge": lambda: copy_database(template, work), "apply": fresh_plan},
    )

    copy_database(template, work)
    db = open_organizer_db(work)
    with perfkit.Timer() as t_plan:
        plan = plan_merge(db, files)
    with perfkit.Timer() as t_apply:
        apply_merge(db, plan, db_path=work)
    with perfkit.Timer() as t_results:
        size = len(results_to_json(build_results(db, normalised=True)))
    db.close()

    pickled = ctx.workdir / "rows.pickle"
    pickled.write_bytes(pickle.dumps(rows))
    copy_database(template, work)
    peak, main_peak = measure_memory("merge", work, folder / "packages")
    raw_peak, _ = measure_memory("raw", raw_db, pickled)
    breakdown = f"plan {t_plan.seconds:.2f} s, apply {t_apply.seconds:.2f} s, results (normalised) {t_results.seconds:.2f} s"
    print(f"[merge] one run: {breakdown}; peak {perfkit.mib(peak)}", flush=True)
    mib = 1 << 20
    return [
        perfkit.Result("merge", f"verify+plan+apply+results of {len(files)} packages", "s", samples["merge"],
                       "raw SQLite inserts of the same rows", samples["raw"],
                       goal=ctx.full_scale_goal(perfkit.ratio_under(RATIO_GOAL)),
                       notes={"scores": f"{n_scores:,}", "one run": breakdown, "results JSON": f"{size:,} B"}),
        perfkit.Result("merge", "apply_merge alone (evidence files + one transaction)", "s", samples["apply"],
                       "raw SQLite inserts of the same rows", samples["raw"]),
        perfkit.Result("merge", "floor: library calls alone (unzip, hashes, JSON, raw inserts)", "s", samples["floor"],
                       "raw SQLite inserts of the same rows", samples["raw"],
                       notes={"edit-log lines": f"{counted['lines']:,}"}),
        perfkit.Result("merge", "peak memory of one merge (process and workers, PSS)", "MiB", [peak / mib],
                       "raw inserts in a fresh process", [raw_peak / mib],
                       goal=ctx.full_scale_goal(perfkit.Goal(f"≤ {MEMORY_GOAL_MIB:g} MiB",
                                                             lambda r: r.median <= MEMORY_GOAL_MIB)),
                       notes={"the merging process alone": perfkit.mib(main_peak)}),
    ]


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--once":
        once(sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4]))
    else:
        sys.exit("run through tests/perf/run.py: python tests/perf/run.py merge")
