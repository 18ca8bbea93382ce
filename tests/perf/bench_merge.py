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
- peak memory: one merge in a fresh process (``--once``), its own peak RSS plus two workers'.

Runs under ``tests/perf/run.py`` (``python tests/perf/run.py merge``).
"""

from __future__ import annotations

import json
import pickle
import resource
import shutil
import sqlite3
import sys
from pathlib import Path

import perfkit
from juror_app.exchange import container
from juror_app.exchange.package import read_package_content
from juror_app.store.organizer_schema import open_organizer_db
from juror_app.workflows.demo import DemoSettings, generate_demo
from juror_app.workflows.merge import apply_merge, plan_merge
from juror_app.workflows.results import build_results, results_to_json

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


def merge_and_aggregate(db_path: Path, files: list[Path]) -> int:
    db = open_organizer_db(db_path)
    try:
        plan = plan_merge(db, files)
        result = apply_merge(db, plan, db_path=db_path)
        results_to_json(build_results(db))
        return result.scores_written
    finally:
        db.close()


def once(mode: str, db_path: Path, source: Path, out: Path) -> None:
    """``--once``: one merge (or the raw baseline) in this fresh process; write its peak memory."""
    if mode == "merge":
        scores = merge_and_aggregate(db_path, sorted(source.glob("*.pu-scores")))
    else:
        rows = pickle.loads(source.read_bytes())
        raw_inserts(rows, db_path)
        scores = len(rows["scores"])
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    out.write_text(json.dumps({"scores": scores, "self": own, "workers": workers}), encoding="utf-8")


def measure_memory(ctx: perfkit.Context, mode: str, db_path: Path, source: Path) -> dict[str, int]:
    out = ctx.workdir / f"memory-{mode}.json"
    command = [sys.executable, str(Path(__file__).resolve()), "--once", mode, str(db_path), str(source), str(out)]
    done = perfkit.run_process(command)
    if done.exit_code != 0:
        raise RuntimeError(f"--once {mode} exited with {done.exit_code}")
    return json.loads(out.read_text(encoding="utf-8"))


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
        {"merge": lambda: merge_and_aggregate(work, files), "apply": apply_only, "raw": lambda: raw_inserts(rows, raw_db)},
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
    merge_memory = measure_memory(ctx, "merge", work, folder / "packages")
    raw_memory = measure_memory(ctx, "raw", raw_db, pickled)
    peak = merge_memory["self"] + 2 * merge_memory["workers"]
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
        perfkit.Result("merge", "peak memory of one merge (main + 2 workers)", "MiB", [peak / mib],
                       "raw inserts in a fresh process", [raw_memory["self"] / mib],
                       goal=ctx.full_scale_goal(perfkit.Goal(f"≤ {MEMORY_GOAL_MIB:g} MiB",
                                                             lambda r: r.median <= MEMORY_GOAL_MIB)),
                       notes={"main process": perfkit.mib(merge_memory["self"]),
                              "largest worker": perfkit.mib(merge_memory["workers"])}),
    ]


if __name__ == "__main__":
    if len(sys.argv) == 6 and sys.argv[1] == "--once":
        once(sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4]), Path(sys.argv[5]))
    else:
        sys.exit("run through tests/perf/run.py: python tests/perf/run.py merge")
