"""Crash tests (SECURITY.md): kill -9 while scoring and while exporting, 200 times each; and the disk.

A forked child scores (or exports) in a loop and reports each edit only after the workflow
returned, i.e. after the commit; the parent kills it at a random moment, then checks the database
with integrity_check, that every acknowledged edit is in the hash-chained log, and that the scores
table is exactly the log replayed. For exports: the file under its final name is either absent or a
complete, valid package — never torn — and no two packages ever seen carry the same revision.

kill -9 cannot lose what the operating system already holds, so it cannot tell a commit that
reached the disk from one still in the page cache (``synchronous=OFF`` passes it). A power cut can:
``test_each_acknowledged_edit_reached_the_disk`` traces the scoring process's system calls and
checks that every file of the database written for an edit was synced before the edit was
acknowledged.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from juror_app.domain import edit_log
from juror_app.exchange import container
from juror_app.exchange.package import read_package_content
from juror_app.workflows.demo import generate as demo
from juror_app.workflows.juror import bundle_import as juror_import
from juror_app.workflows.juror import export as juror_export
from juror_app.workflows.juror import queries as juror_queries
from juror_app.workflows.juror import scoring as juror_scoring
from juror_app.workflows.juror.profile import JurorProfile, create_profile

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="uses fork and kill -9 (POSIX)")
ROUNDS = 200
SEED = 5
PASS = "zielona-łódka-pływa-nocą-2026"


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("crash")
    demo.generate_demo(root / "edition", demo.DemoSettings(institutions=6, jurors=2, per_dossier=2, seed=SEED,
                                                           with_packages=False))
    profile = JurorProfile(root / "profile")
    create_profile(profile.folder, name="Juror", affiliation="", email="", passphrase=PASS, passphrase_again=PASS,
                   kdf=demo.DEMO_KDF, key=demo.demo_key(SEED, "juror-1"))
    db = profile.open_db()
    bundle = root / "edition" / "bundles" / "j001.pu-bundle"
    juror_import.import_bundle(profile, db, bundle,
                               accept_organizer_fingerprint=juror_import.inspect_bundle(db, bundle).organizer_fingerprint)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return profile.folder


def _fresh_copy(template: Path, target: Path) -> JurorProfile:
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(template, target)
    return JurorProfile(target)


def _child_scoring(profile: JurorProfile, write_fd: int, seed: int) -> None:
    """In the child: score forever, writing "seq dossier criterion points" after each commit."""
    rng = random.Random(seed)
    db = profile.open_db()
    edition = juror_queries.edition(db)
    dossiers = [r.dossier_id for r in juror_queries.dossier_rows(db)]
    out = os.fdopen(write_fd, "w", buffering=1)
    out.write("READY\n")
    while True:
        dossier = rng.choice(dossiers)
        criterion = rng.choice(edition.criteria)
        if rng.random() < 0.1:
            change = juror_scoring.clear_score(db, dossier_id=dossier, criterion_id=criterion.id)
            if change.log_seq:
                out.write(f"{change.log_seq} unscore {dossier} {criterion.id}\n")
            continue
        points = rng.choice(criterion.allowed_points())
        change = juror_scoring.set_score(db, dossier_id=dossier, criterion_id=criterion.id, points=points,
                                         justification=f"Uzasadnienie {rng.randint(0, 10**6)}: łatwość obsługi.")
        if change.log_seq:
            out.write(f"{change.log_seq} score {dossier} {criterion.id} {points}\n")


def _run_and_kill(target, args, delay: float) -> list[str]:
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        os.close(read_fd)
        try:
            target(*args, write_fd)
        finally:
            os._exit(0)
    os.close(write_fd)
    reader = os.fdopen(read_fd)
    first = reader.readline()
    assert first.strip() == "READY", first
    time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    lines = reader.read().splitlines()
    reader.close()
    return lines


def test_kill_while_scoring_loses_no_acknowledged_edit(template: Path, tmp_path: Path) -> None:
    rng = random.Random(2026)
    acknowledged_total = 0
    lost = 0
    bad_integrity = 0
    for round_ in range(ROUNDS):
        profile = _fresh_copy(template, tmp_path / "p")
        acks = _run_and_kill(lambda p, s, fd: _child_scoring(p, fd, s), (profile, round_), rng.uniform(0.005, 0.12))
        conn = sqlite3.connect(profile.database_path)
        try:
            if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                bad_integrity += 1
            log = [r[0] for r in conn.execute("SELECT line FROM edit_log ORDER BY seq")]
            scores = {(d, c): (p, j) for d, c, p, j in conn.execute(
                "SELECT dossier_id, criterion_id, points, justification FROM scores")}
        finally:
            conn.close()
        entries, _ = edit_log.parse_and_verify(log)
        by_seq = {e["seq"]: e for e in entries}
        for ack in acks:
            seq, op, dossier, criterion, *rest = ack.split()
            entry = by_seq.get(int(seq))
            if entry is None or entry["op"] != op or entry["dossier"] != dossier or entry["criterion"] != criterion \
                    or (rest and abs(float(entry["points"]) - float(rest[0])) > 1e-9):
                lost += 1
        assert edit_log.replay(entries).scores == scores, f"round {round_}: scores differ from the log"
        acknowledged_total += len(acks)
    print(f"kill -9 while scoring, {ROUNDS} rounds: {acknowledged_total} acknowledged edits, {lost} lost, "
          f"integrity_check failed {bad_integrity} times")
    assert lost == 0 and bad_integrity == 0
    assert acknowledged_total > ROUNDS, "the child must have made progress before being killed"


def _child_exporting(profile: JurorProfile, target: Path, write_fd: int) -> None:
    db = profile.open_db()
    rows = juror_queries.dossier_rows(db)
    juror_scoring.set_score(db, dossier_id=rows[0].dossier_id, criterion_id="k01", points=7, justification="")
    out = os.fdopen(write_fd, "w", buffering=1)
    out.write("READY\n")
    n = 0
    while True:
        n += 1
        juror_scoring.set_score(db, dossier_id=rows[0].dossier_id, criterion_id="k02", points=n % 10,
                                justification=f"Wersja {n}")
        result = juror_export.export_package(profile, db, target, PASS)
        out.write(f"{result.revision} {result.manifest_sha256}\n")


def test_kill_while_exporting_leaves_no_torn_file_and_no_revision_twice(template: Path, tmp_path: Path) -> None:
    """Also the README's promise: a crash never leaves two packages with the same revision.

    Every package that ever existed is remembered: each one the child acknowledged, and the one
    found under the final name after each kill (sent already, for all we know, even if the child
    never acknowledged it). A revision reserved only after the file is written would be given again
    after a kill between the rename and the reservation: two different packages, one revision.
    """
    rng = random.Random(7)
    profile = _fresh_copy(template, tmp_path / "p")
    target = tmp_path / "out" / "package.pu-scores"
    target.parent.mkdir()
    torn = complete = absent = 0
    during_write = 0  # kills that left the temporary file: they landed while the package was being written
    seen: dict[int, set[str]] = {}
    for round_ in range(ROUNDS):
        acks = _run_and_kill(lambda p, t, fd: _child_exporting(p, t, fd), (profile, target), rng.uniform(0.0, 0.2))
        for ack in acks:
            revision, digest = ack.split()
            seen.setdefault(int(revision), set()).add(digest)
        leftovers = list(target.parent.glob(".*.part"))
        during_write += bool(leftovers)
        for leftover in leftovers:
            leftover.unlink()  # a killed writer's temp file: never under the final name
        if not target.exists():
            absent += 1
            continue
        try:
            with container.open_container(target, container.PACKAGE) as opened:
                read_package_content(opened)
                seen.setdefault(int(opened.manifest["revision"]), set()).add(opened.manifest_sha256)
            complete += 1
        except Exception:  # noqa: BLE001 - any failure here is a torn file
            torn += 1
    twice = {revision: digests for revision, digests in seen.items() if len(digests) > 1}
    conn = sqlite3.connect(profile.database_path)
    reserved, unfinished = conn.execute("SELECT count(*), sum(manifest_sha256 = '') FROM exports").fetchone()
    conn.close()
    print(f"kill -9 while exporting, {ROUNDS} rounds: {torn} torn files under the final name, {complete} complete, "
          f"{absent} rounds before the first file; {during_write} kills landed while the package was being written; "
          f"{len(seen)} revisions seen, {len(twice)} of them on two different packages; {reserved} revisions reserved, "
          f"{unfinished} by exports a kill cut short")
    assert torn == 0
    assert complete > 0
    assert twice == {}, f"revisions given to two different packages: {sorted(twice)[:10]}"
    assert during_write > 0, "some kills must land during the write for the test to mean anything"


# --- every acknowledged edit on the disk ------------------------------------------------------------

EDITS = 24
TRACED_CALLS = "write,pwrite64,pwritev,pwritev2,fsync,fdatasync,sync_file_range,msync"
SYSCALL = re.compile(r"^\d+\s+(?P<call>\w+)\((?P<fd>\d+)<(?P<path>[^>]*)>")

# The scoring process as the window drives it: the workflow's set_score/clear_score, the
# acknowledgement ("saved") only after it returned, written to a file of its own so that it shows in
# the trace between the edits' system calls.
SCORING_CHILD = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    from juror_app.workflows.juror import queries, scoring
    from juror_app.workflows.juror.profile import JurorProfile

    profile = JurorProfile(Path(sys.argv[1]))
    db = profile.open_db()
    if sys.argv[3]:
        db.execute(f"PRAGMA synchronous={sys.argv[3]}")  # the control: durability lowered on purpose
    edition = queries.edition(db)
    dossiers = [r.dossier_id for r in queries.dossier_rows(db)]
    acks = os.open(sys.argv[2], os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    last = None
    for i in range(int(sys.argv[4])):
        criterion = edition.criteria[i % len(edition.criteria)]
        dossier = dossiers[i % len(dossiers)]
        if i % 6 == 5:
            change = scoring.clear_score(db, dossier_id=last[0], criterion_id=last[1])  # the score just saved, removed
        else:
            last = (dossier, criterion.id)
            change = scoring.set_score(db, dossier_id=dossier, criterion_id=criterion.id,
                                       points=criterion.allowed_points()[i % len(criterion.allowed_points())],
                                       justification=f"Uzasadnienie {i}: łatwość obsługi.")
        assert change.log_seq, "every edit here changes something"
        os.write(acks, f"saved {change.log_seq}\\n".encode())
    db.close()
""")


@dataclass
class Durability:
    acknowledged: int = 0
    unsynced: list[str] = field(default_factory=list)  # acknowledgements with a database file written but not synced
    without_write: int = 0  # acknowledgements with no write to the database since the previous one
    syncs: list[int] = field(default_factory=list)  # syncs of database files per acknowledged edit


def _durability(trace: Path, database: Path, acks: Path) -> Durability:
    """Read the trace: at each acknowledgement, was every database file written since its last sync synced?"""
    files = {str(database), f"{database}-wal", f"{database}-journal"}
    dirty: set[str] = set()
    wrote = False
    syncs = 0
    result = Durability()
    for line in trace.read_text(errors="replace").splitlines():
        match = SYSCALL.match(line)
        if match is None:
            continue
        call, path = match["call"], match["path"]
        if path == str(acks) and call == "write":
            result.acknowledged += 1
            result.syncs.append(syncs)
            if dirty:
                result.unsynced.append(f"ack {result.acknowledged}: {sorted(Path(p).name for p in dirty)} not synced")
            if not wrote:
                result.without_write += 1
            wrote, syncs = False, 0
        elif path in files and call.startswith(("write", "pwrite")):
            dirty.add(path)
            wrote = True
        elif path in files and call in ("fsync", "fdatasync", "sync_file_range", "msync"):
            dirty.discard(path)
            syncs += 1
    return result


def _trace_scoring(template: Path, target: Path, synchronous: str = "") -> Durability:
    strace = shutil.which("strace")
    if strace is None:
        pytest.fail("strace is needed to see each commit reach the disk: apt-get install strace (.ci/run installs it)")
    profile = _fresh_copy(template, target)
    database = profile.database_path.resolve()
    acks, trace = target.parent / f"acks-{synchronous or 'app'}.txt", target.parent / f"trace-{synchronous or 'app'}.txt"
    done = subprocess.run([strace, "-f", "-qq", "-y", "-e", f"trace={TRACED_CALLS}", "-e", "signal=none", "-o", str(trace),
                           sys.executable, "-c", SCORING_CHILD, str(profile.folder), str(acks), synchronous, str(EDITS)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return _durability(trace, database, acks.resolve())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="traces system calls with strace (Linux)")
def test_each_acknowledged_edit_reached_the_disk(template: Path, tmp_path: Path) -> None:
    app = _trace_scoring(template, tmp_path / "p")
    print(f"{app.acknowledged} acknowledged edits: {len(app.unsynced)} acknowledged before their writes were synced, "
          f"syncs of the database files per edit: min {min(app.syncs)}, max {max(app.syncs)}")
    assert app.acknowledged == EDITS and app.without_write == 0, "each edit wrote to the database before it was acknowledged"
    assert app.unsynced == [], app.unsynced[:5]
    assert min(app.syncs) >= 1

    control = _trace_scoring(template, tmp_path / "p", "NORMAL")  # the same edits, durability lowered: this must be seen
    print(f"control, synchronous=NORMAL: {len(control.unsynced)} of {control.acknowledged} acknowledged unsynced")
    assert control.acknowledged == EDITS and len(control.unsynced) == EDITS
