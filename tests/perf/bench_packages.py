"""Score packages at national scale: write the 60 signed packages, then verify and read them.

The packages are those of the national demo (2,000 dossiers, 60 jurors, 3 per dossier, 12
criteria: about 1,200 score slots per juror), simulated with the demo's own juror model. The
baseline, measured in the same run, is the floor of the same work: one raw Ed25519 verification
per package over its manifest bytes, plus inserting the same score rows into a plain SQLite table
of a fresh file in one transaction.
"""

from __future__ import annotations

import hashlib
import random
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import perfkit
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from juror_app.domain.assignment import plan_assignments
from juror_app.exchange import container
from juror_app.exchange.package import (
    PackageContent,
    read_package_content,
    write_package,
)
from juror_app.workflows.demo import data as demo_data
from juror_app.workflows.demo.scoring import dossier_truth, simulate_package

PER_DOSSIER = 3
SEED = 2026


@dataclass(frozen=True)
class JurorPackage:
    juror_name: str
    key: Ed25519PrivateKey
    content: PackageContent
    path: Path


def simulated_packages(institutions: int, jurors: int, folder: Path) -> list[JurorPackage]:
    """Every juror's package content, as the demo makes it (untimed set-up)."""
    rng = random.Random(SEED)
    edition = demo_data.demo_edition()
    made = demo_data.make_institutions(institutions, rng)
    people = demo_data.make_jurors(jurors, rng)
    dossier_ids = [f"d{i:04d}" for i in range(1, len(made) + 1)]
    juror_ids = [f"j{n:03d}" for n in range(1, jurors + 1)]
    plan = plan_assignments([(d, m.institution.id) for d, m in zip(dossier_ids, made)], juror_ids, PER_DOSSIER, seed=SEED)
    truths = {d: dossier_truth(edition, d, m, rng) for d, m in zip(dossier_ids, made)}
    assigned: dict[str, list[str]] = {}
    for a in plan.assignments:
        assigned.setdefault(a.juror_id, []).append(a.dossier_id)
    texts = demo_data.texts()
    packages = []
    for index, (juror_id, person) in enumerate(zip(juror_ids, people)):
        content = simulate_package(
            edition=edition, juror_id=juror_id, juror=person, dossiers=[truths[d] for d in sorted(assigned[juror_id])],
            texts=texts, bundle_manifest_sha256=hashlib.sha256(f"bundle {juror_id}".encode()).hexdigest(),
            bundle_revision=1, rng=random.Random(f"{SEED}|{juror_id}"),
            start=datetime(edition.year, 10, 16 + index % 10, 17, 0, tzinfo=timezone.utc),
        )
        packages.append(JurorPackage(person.name, Ed25519PrivateKey.generate(), content,
                                     folder / f"{juror_id}-r{content.revision}.pu-scores"))
    return packages


def write_all(packages: list[JurorPackage]) -> list[bytes]:
    return [write_package(p.path, juror_key=p.key, juror_name=p.juror_name, content=p.content,
                          created_at=p.content.created_at) for p in packages]


def verify_one(path: Path) -> PackageContent:
    with container.open_container(path, container.PACKAGE) as opened:
        for name in opened.members:
            opened.read(name)
        return read_package_content(opened)


def verify_all(packages: list[JurorPackage]) -> int:
    return sum(len(verify_one(p.path).scores) for p in packages)


def score_rows(packages: list[JurorPackage]) -> list[tuple]:
    return [(s.juror_id, s.dossier_id, s.criterion_id, s.points, s.justification, s.updated_at)
            for p in packages for s in p.content.scores]


def raw_baseline(signatures: list[tuple[Ed25519PublicKey, bytes, bytes]], rows: list[tuple], db_path: Path) -> None:
    """The floor: one raw Ed25519 verify per package, and the score rows into a fresh SQLite file."""
    for public_key, signature, manifest in signatures:
        public_key.verify(signature, manifest)
    db_path.unlink(missing_ok=True)
    connection = sqlite3.connect(db_path)
    try:
        connection.execute("CREATE TABLE scores (juror_id TEXT, dossier_id TEXT, criterion_id TEXT, "
                           "points REAL, justification TEXT, updated_at TEXT)")
        with connection:
            connection.executemany("INSERT INTO scores VALUES (?, ?, ?, ?, ?, ?)", rows)
    finally:
        connection.close()


def run(ctx: perfkit.Context) -> list[perfkit.Result]:
    jurors = ctx.size(full=60, quick=6)
    institutions = jurors * 2000 // 60  # the national load per juror at any size: ~100 dossiers each
    repeat = ctx.repeats(5)
    out = ctx.workdir / "packages"
    out.mkdir()
    with perfkit.Timer() as setup_timer:
        packages = simulated_packages(institutions, jurors, out)
    print(f"[packages] simulated {jurors} jurors' work on {institutions} dossiers in {setup_timer.seconds:.1f} s", flush=True)

    manifests = write_all(packages)
    signatures = [(p.key.public_key(), p.key.sign(m), m) for p, m in zip(packages, manifests)]
    rows = score_rows(packages)
    db_path = ctx.workdir / "baseline.sqlite"
    samples = perfkit.measure_interleaved({
        "baseline": lambda: raw_baseline(signatures, rows, db_path),
        "write": lambda: write_all(packages),
        "verify": lambda: verify_all(packages),
    }, repeat)

    sizes = [p.path.stat().st_size for p in packages]
    largest = max(packages, key=lambda p: p.path.stat().st_size)
    verify_peak = perfkit.tracemalloc_peak(lambda: verify_one(largest.path))
    slots = sum(len(p.content.statuses) for p in packages) * len(demo_data.demo_edition().criteria)
    shared = {
        "packages": len(packages),
        "scores": f"{len(rows):,} (of {slots:,} dossier × criterion slots; the rest not started, in progress or recused)",
        "log lines": f"{sum(len(p.content.log_lines) for p in packages):,}",
        "package size": f"{perfkit.mib(sum(sizes))} in all, median {perfkit.median(sizes) / 1024:.0f} KiB",
    }
    baseline_name = f"raw Ed25519 verify ×{len(packages)} + SQLite insert of {len(rows):,} rows"
    shutil.rmtree(out)
    return [
        perfkit.Result(
            "packages", f"write {len(packages)} signed packages", "s", samples["write"], baseline_name, samples["baseline"],
            goal=ctx.full_scale_goal(perfkit.median_under(10.0)),
            notes={**shared, "per package": f"{perfkit.median(samples['write']) / len(packages) * 1e3:.0f} ms"},
        ),
        perfkit.Result(
            "packages", f"verify + read {len(packages)} packages", "s", samples["verify"], baseline_name, samples["baseline"],
            goal=ctx.full_scale_goal(perfkit.median_under(10.0)),
            notes={"per package": f"{perfkit.median(samples['verify']) / len(packages) * 1e3:.0f} ms",
                   "tracemalloc peak verifying the largest package": perfkit.mib(verify_peak)},
        ),
    ]
