"""Assignment planning at national scale: 2,000 dossiers, 60 jurors, 3 per dossier, ~300 known conflicts.

Measured: the planner alone on a fresh edition; the incremental re-plan after the bundles went out
and 2 dossiers were added (6,000 issued assignments kept, 6 added); the same re-plan as the command
line does it (read the edition database, plan; nothing written); and a plan where each juror may
only take the 2 of the 6 categories they cover. The baseline, measured in the same run, is a naive
round-robin of the same size (each dossier takes the next k jurors in turn, skipping conflicts) — the
least any planner must do; the database re-plan is also compared with reading the same rows raw.
"""

from __future__ import annotations

import random
import sqlite3

import perfkit

from juror_app.domain.assignment import Existing, Hold, PlanDossier, PlanInput, PlanJuror, plan
from juror_app.store.organizer_schema import open_organizer_db
from juror_app.workflows.demo import data as demo_data
from juror_app.workflows.organizer.assignment import plan_assignment

K = 3
SEED = 2026


def national(dossiers: int, jurors: int, conflicts: int) -> PlanInput:
    rng = random.Random(SEED)
    categories = [c.id for c in demo_data.demo_edition().categories]
    made = [PlanDossier(f"d{i:04d}", f"i{i:04d}", rng.choice(categories)) for i in range(1, dossiers + 1)]
    people = [PlanJuror(f"j{n:03d}", frozenset(rng.sample(categories, 2))) for n in range(1, jurors + 1)]
    pairs = set()
    while len(pairs) < conflicts:
        pairs.add((rng.choice(people).id, rng.choice(made).institution_id))
    return PlanInput.build(made, people, K, conflicts=pairs)


def round_robin(inputs: PlanInput) -> list[tuple[str, str]]:
    """The baseline: the next k jurors in turn for each dossier, skipping known conflicts."""
    ids = [j.id for j in inputs.jurors]
    at = 0
    out = []
    for dossier in inputs.dossiers:
        taken = 0
        tried = 0
        while taken < inputs.per_dossier and tried < len(ids):
            juror = ids[at % len(ids)]
            at += 1
            tried += 1
            if (juror, dossier.institution_id) not in inputs.conflicts:
                out.append((juror, dossier.id))
                taken += 1
    return out


def second_round(inputs: PlanInput, first) -> PlanInput:
    """The bundles of the first plan went out; two dossiers arrive."""
    extra = [PlanDossier(f"d9{n:03d}", f"i9{n:03d}", inputs.dossiers[0].category_id) for n in (1, 2)]
    issued = [Existing(j, d, Hold.ISSUED) for (j, d) in first.holds]
    return PlanInput.build(list(inputs.dossiers) + extra, inputs.jurors, K, conflicts=inputs.conflicts, existing=issued)


def edition_database(path, inputs: PlanInput, first) -> None:
    """An organizer database holding the second-round state (untimed set-up; plain SQL for speed)."""
    db = open_organizer_db(path)
    categories = sorted({d.category_id for d in inputs.dossiers})
    with db.atomic():
        db.conn.executemany("INSERT INTO categories (id, name) VALUES (?, ?)", [(c, c) for c in categories])
        db.conn.executemany("INSERT INTO institutions (id, name, category_id) VALUES (?, ?, ?)",
                            [(d.institution_id, d.institution_id, d.category_id) for d in inputs.dossiers])
        db.conn.executemany("INSERT INTO dossiers (id, institution_id, category_id, title) VALUES (?, ?, ?, ?)",
                            [(d.id, d.institution_id, d.category_id, d.id) for d in inputs.dossiers])
        db.conn.executemany("INSERT INTO jurors (id, name, enrolled_at) VALUES (?, ?, 'x')",
                            [(j.id, j.id) for j in inputs.jurors])
        db.conn.executemany("INSERT INTO known_conflicts (juror_id, institution_id) VALUES (?, ?)", sorted(inputs.conflicts))
        db.conn.executemany("INSERT INTO assignments (juror_id, dossier_id, assigned_at) VALUES (?, ?, 'x')", sorted(first.holds))
        db.conn.executemany("INSERT INTO bundles (manifest_sha256, juror_id, revision, created_at) VALUES (?, ?, 1, 'x')",
                            [(f"m{j.id}", j.id) for j in inputs.jurors])
        db.conn.executemany("INSERT INTO bundle_dossiers (bundle_manifest_sha256, juror_id, revision, dossier_id) VALUES (?, ?, 1, ?)",
                            [(f"m{j}", j, d) for (j, d) in sorted(first.holds)])
        db.conn.executemany("INSERT INTO institutions (id, name, category_id) VALUES (?, ?, ?)",
                            [(f"i9{n:03d}", "nowa", categories[0]) for n in (1, 2)])
        db.conn.executemany("INSERT INTO dossiers (id, institution_id, category_id, title) VALUES (?, ?, ?, ?)",
                            [(f"d9{n:03d}", f"i9{n:03d}", categories[0], "nowa") for n in (1, 2)])
    db.close()


def raw_read(path) -> int:
    conn = sqlite3.connect(path)
    try:
        return sum(len(conn.execute(sql).fetchall()) for sql in (
            "SELECT * FROM dossiers", "SELECT * FROM jurors", "SELECT * FROM known_conflicts",
            "SELECT * FROM assignments", "SELECT * FROM bundle_dossiers"))
    finally:
        conn.close()


def run(ctx: perfkit.Context) -> list[perfkit.Result]:
    jurors = ctx.size(full=60, quick=6)
    dossiers = jurors * 2000 // 60
    conflicts = jurors * 5
    repeat = ctx.repeats(7)
    inputs = national(dossiers, jurors, conflicts)
    covering = PlanInput.build(inputs.dossiers, inputs.jurors, K, conflicts=inputs.conflicts, only_covering=True)
    first = plan(inputs, seed=SEED)
    later = second_round(inputs, first)
    replanned = plan(later, seed=SEED)
    assert first.complete and len(first.added) == dossiers * K, first.problems[:3]
    assert len(replanned.kept) == dossiers * K and len(replanned.added) == 2 * K and not replanned.released
    db_path = ctx.workdir / "edition.sqlite"
    edition_database(db_path, inputs, first)
    from_db = plan_assignment(open_organizer_db(db_path), per_dossier=K, seed=SEED)
    assert len(from_db.added) == 2 * K and not from_db.released

    def plan_from_db() -> None:
        db = open_organizer_db(db_path)
        try:
            plan_assignment(db, per_dossier=K, seed=SEED)
        finally:
            db.close()

    samples = perfkit.measure_interleaved({
        "round-robin": lambda: round_robin(inputs),
        "fresh": lambda: plan(inputs, seed=SEED),
        "second": lambda: plan(later, seed=SEED),
        "covering": lambda: plan(covering, seed=SEED),
        "raw read": lambda: raw_read(db_path),
        "from db": plan_from_db,
    }, repeat)
    covering_plan = plan(covering, seed=SEED)
    size = f"{dossiers:,} dossiers × {K}, {jurors} jurors, {len(inputs.conflicts)} known conflicts"
    baseline = f"naive round-robin, same size ({len(round_robin(inputs)):,} rows)"
    return [
        perfkit.Result("assign", "plan a fresh national-scale assignment", "s", samples["fresh"], baseline,
                       samples["round-robin"], goal=ctx.full_scale_goal(perfkit.median_under(1.0)),
                       notes={"size": size, "loads": f"{first.min_load}–{first.max_load}"}),
        perfkit.Result("assign", "re-plan after 2 new dossiers (all issued work kept)", "s", samples["second"], baseline,
                       samples["round-robin"], goal=ctx.full_scale_goal(perfkit.median_under(1.0)),
                       notes={"kept": len(replanned.kept), "added": len(replanned.added),
                              "loads": f"{replanned.min_load}–{replanned.max_load}"}),
        perfkit.Result("assign", "re-plan from the edition database (read + plan)", "s", samples["from db"],
                       "raw SQLite read of the same rows", samples["raw read"],
                       goal=ctx.full_scale_goal(perfkit.median_under(1.0))),
        perfkit.Result("assign", "plan with only covering jurors (2 of 6 categories each)", "s", samples["covering"],
                       baseline, samples["round-robin"],
                       notes={"loads": f"{covering_plan.min_load}–{covering_plan.max_load}",
                              "dossiers short of k": sum(1 for p in covering_plan.violations if p.code == "too_few_jurors")}),
    ]
