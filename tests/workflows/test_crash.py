"""Crash tests (SECURITY.md): kill -9 while scoring and while exporting, 200 times each.

A forked child scores (or exports) in a loop and reports each edit only after the workflow
returned, i.e. after the commit; the parent kills it at a random moment, then checks the database
with integrity_check, that every acknowledged edit is in the hash-chained log, and that the scores
table is exactly the log replayed. For exports: the file under its final name is either absent or a
complete, valid package — never torn.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import time
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
        out.write(f"{result.revision}\n")


def test_kill_while_exporting_leaves_no_torn_file(template: Path, tmp_path: Path) -> None:
    rng = random.Random(7)
    profile = _fresh_copy(template, tmp_path / "p")
    target = tmp_path / "out" / "package.pu-scores"
    target.parent.mkdir()
    torn = 0
    complete = 0
    absent = 0
    for round_ in range(ROUNDS):
        _run_and_kill(lambda p, t, fd: _child_exporting(p, t, fd), (profile, target), rng.uniform(0.0, 0.2))
        if not target.exists():
            absent += 1
            continue
        try:
            with container.open_container(target, container.PACKAGE) as opened:
                read_package_content(opened)
            complete += 1
        except Exception:  # noqa: BLE001 - any failure here is a torn file
            torn += 1
        leftovers = list(target.parent.glob(".*.part"))
        for leftover in leftovers:
            leftover.unlink()  # a killed writer's temp file: never under the final name
    revisions = sqlite3.connect(profile.database_path).execute("SELECT count(*) FROM exports").fetchone()[0]
    print(f"kill -9 while exporting, {ROUNDS} rounds: {torn} torn files under the final name, "
          f"{complete} complete, {absent} rounds before the first file; {revisions} revisions reserved")
    assert torn == 0
    assert complete > 0
