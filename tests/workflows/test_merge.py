"""Plan and apply a merge of score packages on a small demo edition (the organizer's import dialog's core).

Each test works on a fresh copy of one demo (6 jurors, 12 dossiers, 3 jurors per dossier). "The
database unchanged" is checked with a full SQL dump before and after.
"""

from __future__ import annotations

import functools
import os
import shutil
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from juror_app.domain.errors import ValidationError
from juror_app.exchange import container
from juror_app.exchange.package import PackageContent, read_package_content
from juror_app.store.organizer_schema import lock_results, open_organizer_db
from juror_app.workflows.demo.generate import DemoSettings, generate_demo
from juror_app.workflows.organizer import merge
from juror_app.workflows.organizer.merge import (
    MergeCancelled,
    apply_merge,
    evidence_store,
    plan_merge,
)
from juror_app.workflows.organizer.package_checks import Change, Outcome

SETTINGS = DemoSettings(institutions=12, jurors=6, per_dossier=3, seed=7)


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo") / "edition"
    generate_demo(folder, SETTINGS)
    return folder


@pytest.fixture()
def demo(demo_template: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "edition"
    shutil.copytree(demo_template, folder)
    return folder


def db_of(folder: Path):
    return open_organizer_db(folder / "organizer.sqlite")


def packages(folder: Path) -> list[Path]:
    return sorted((folder / "packages").glob("*.pu-scores"))


def dump(db) -> str:
    return "\n".join(db.conn.iterdump())


def read_content(path: Path) -> PackageContent:
    with container.open_container(path, container.PACKAGE) as opened:
        return read_package_content(opened)


def juror_number(juror_id: str) -> int:
    return int(juror_id[1:])


@pytest.fixture
def variant(variant):
    """Package variants signed with this demo's keys (``write_variant`` in conftest)."""
    return functools.partial(variant, seed=SETTINGS.seed)


def merge_all(folder: Path):
    db = db_of(folder)
    plan = plan_merge(db, packages(folder))
    apply_merge(db, plan, db_path=folder / "organizer.sqlite")
    return db


def test_merge_all_then_again_changes_nothing(demo: Path) -> None:
    db = db_of(demo)
    files = packages(demo)
    before = dump(db)
    plan = plan_merge(db, files)
    assert dump(db) == before, "planning must not change the database"
    assert [f.outcome for f in plan.files] == [Outcome.NEW] * len(files)
    assert [f.juror_id for f in plan.files] == [f"j{n:03d}" for n in range(1, 7)]
    result = apply_merge(db, plan, db_path=demo / "organizer.sqlite")
    expected_scores = sum(len(read_content(p).scores) for p in files)
    assert result.scores_written == expected_scores
    assert db.execute("SELECT count(*) FROM scores").fetchone()[0] == expected_scores
    assert db.execute("SELECT count(*) FROM packages WHERE status = 'merged'").fetchone()[0] == len(files)
    assert db.execute("SELECT count(*) FROM dossier_statuses").fetchone()[0] == 36
    store = evidence_store(demo / "organizer.sqlite")
    for f in plan.files:
        stored = store.path(f.file_sha256)
        assert stored.name == f"{f.file_sha256}.pu-scores" and stored.parent.parent == demo / "organizer.packages"
        assert stored.read_bytes() == f.path.read_bytes()
    assert set(result.changed_jurors) == {f.juror_id for f in plan.files} and len(result.changed_dossiers) == 12

    merged = dump(db)
    again = plan_merge(db, files)
    assert {f.outcome for f in again.files} == {Outcome.ALREADY_IMPORTED} and not again.any_refused
    repeat = apply_merge(db, again, db_path=demo / "organizer.sqlite")
    assert repeat.merged == () and repeat.scores_written == 0
    assert dump(db) == merged
    print(f"merged {len(files)} packages, {expected_scores} scores; the second import changed nothing")


def test_update_lists_exact_changes_then_the_older_revision_is_stale(demo: Path, variant) -> None:
    db = merge_all(demo)
    base = packages(demo)[0]
    content = read_content(base)
    complete = sorted(d for d, s in content.statuses.items() if s.value == "complete")
    dossier_a = complete[0]
    dossier_b = max(d for d, s in content.statuses.items() if s.value != "recused" and d > dossier_a)
    old = {(s.dossier_id, s.criterion_id): s for s in content.scores}
    k01 = old[(dossier_a, "k01")]
    new_points = 9 if k01.points != 9 else 8
    reason = "Wdrożone e-usługi wyraźnie skracają czas obsługi klientów."
    edits = [
        ("score", {"dossier": dossier_a, "criterion": "k01", "points": new_points, "justification": k01.justification}),
        ("unscore", {"dossier": dossier_a, "criterion": "k02"}),
        ("nominate", {"dossier": dossier_b, "distinction": "innowacyjny-urzad", "reason": reason}),
    ]
    assert (dossier_b, "innowacyjny-urzad") not in {(n.dossier_id, n.distinction_id) for n in content.nominations}
    third = demo / "j001-r3.pu-scores"
    variant(db, base, third, edits, revision=3)
    second = demo / "j001-r2.pu-scores"  # an export made in between, arriving late
    variant(db, base, second, edits[:1], revision=2)

    plan = plan_merge(db, [third])
    [f] = plan.files
    assert f.outcome is Outcome.UPDATE and f.previous_revision == 1
    assert list(f.changes) == [
        Change("status", dossier_a, "", "", "complete", "in_progress"),
        Change("score", dossier_a, "k01", "I.1", k01.points, float(new_points)),
        Change("score", dossier_a, "k02", "I.2", old[(dossier_a, "k02")].points, None),
        Change("nomination", dossier_b, "innowacyjny-urzad", "Innowacyjny Urząd", None, reason),
    ]
    for change in f.changes:
        print("  ", change.describe("pl"))
    apply_merge(db, plan, db_path=demo / "organizer.sqlite")
    assert db.execute("SELECT points FROM scores WHERE juror_id = 'j001' AND dossier_id = ? AND criterion_id = 'k01'",
                      [dossier_a]).fetchone()[0] == new_points
    assert db.execute("SELECT count(*) FROM scores WHERE juror_id = 'j001' AND dossier_id = ? AND criterion_id = 'k02'",
                      [dossier_a]).fetchone()[0] == 0
    assert db.execute("SELECT revision, status FROM packages WHERE juror_id = 'j001' ORDER BY revision").fetchall() == [
        (1, "superseded"), (3, "merged")]
    assert db.execute("SELECT count(*) FROM scores WHERE juror_id = 'j001' AND package_manifest_sha256 != ?",
                      [f.manifest_sha256]).fetchone()[0] == 0

    before = dump(db)
    stale = plan_merge(db, [second, base])
    assert [(x.outcome, x.code) for x in stale.files] == [(Outcome.STALE, "stale_revision"), (Outcome.STALE, "superseded_package")]
    assert stale.any_refused
    print(stale.files[0].reason_pl)
    apply_merge(db, stale, db_path=demo / "organizer.sqlite")
    assert dump(db) == before


def test_two_revisions_in_one_batch_merge_only_the_newer(demo: Path, variant) -> None:
    db = db_of(demo)
    base = packages(demo)[1]
    second = demo / "j002-r2.pu-scores"
    content = read_content(base)
    some = content.scores[0]
    variant(db, base, second, [("score", {"dossier": some.dossier_id, "criterion": some.criterion_id,
                                          "points": 0 if some.points else 1, "justification": "Zmiana oceny po dyskusji."})],
            revision=2)
    plan = plan_merge(db, [second, base])
    assert [(f.revision, f.outcome, f.code) for f in plan.files] == [(2, Outcome.NEW, ""), (1, Outcome.STALE, "stale_in_batch")]
    apply_merge(db, plan, db_path=demo / "organizer.sqlite")
    assert db.execute("SELECT revision, status FROM packages").fetchall() == [(2, "merged")]


def test_tampered_and_forged_files_are_refused_and_nothing_changes(demo: Path, tmp_path: Path, variant) -> None:
    db = db_of(demo)
    base = packages(demo)[2]
    data = bytearray(base.read_bytes())
    data[len(data) // 3] ^= 0x01
    tampered = tmp_path / "tampered.pu-scores"
    tampered.write_bytes(bytes(data))
    forged = tmp_path / "forged.pu-scores"
    variant(db, base, forged, [], revision=2, key=Ed25519PrivateKey.generate())
    before = dump(db)
    plan = plan_merge(db, [tampered, forged])
    assert [f.outcome for f in plan.files] == [Outcome.REFUSED, Outcome.REFUSED] and plan.any_refused
    assert plan.files[1].code == "signer_not_in_roster"
    for f in plan.files:
        assert f.reason_pl and f.reason_en
        print(f"{f.path.name}: {f.code}: {f.reason_pl}")
    result = apply_merge(db, plan, db_path=demo / "organizer.sqlite")
    assert result.merged == () and dump(db) == before
    assert not (demo / "organizer.packages").exists()


def test_equivocation_against_the_database_raises_an_alarm_and_keeps_both(demo: Path, variant) -> None:
    db = merge_all(demo)
    base = packages(demo)[1]
    content = read_content(base)
    first = db.execute("SELECT manifest_sha256 FROM packages WHERE juror_id = 'j002'").fetchone()[0]
    some = content.scores[0]
    other = demo / "j002-r1-other.pu-scores"
    variant(db, base, other, [("score", {"dossier": some.dossier_id, "criterion": some.criterion_id,
                                         "points": 0 if some.points else 1, "justification": "Inna wersja tej samej paczki."})],
            revision=1)
    scores_before = db.execute("SELECT * FROM scores WHERE juror_id = 'j002' ORDER BY dossier_id, criterion_id").fetchall()
    plan = plan_merge(db, [other])
    [f] = plan.files
    assert f.outcome is Outcome.EQUIVOCATION and f.alarm_with == first and plan.any_refused
    result = apply_merge(db, plan, db_path=demo / "organizer.sqlite")
    assert result.merged == () and result.alarms_raised == 1
    assert db.execute("SELECT status FROM packages WHERE juror_id = 'j002' ORDER BY status").fetchall() == [
        ("evidence",), ("merged",)]
    alarm = db.execute("SELECT kind, juror_id, revision, first_manifest_sha256, second_manifest_sha256 FROM alarms").fetchall()
    assert alarm == [("equivocation", "j002", 1, first, f.manifest_sha256)]
    assert evidence_store(demo / "organizer.sqlite").has(f.file_sha256)
    assert db.execute("SELECT * FROM scores WHERE juror_id = 'j002' ORDER BY dossier_id, criterion_id").fetchall() == scores_before
    again = dump(db)
    repeat = plan_merge(db, [other, base])
    assert {(x.outcome, x.code) for x in repeat.files} == {(Outcome.HELD, "juror_under_alarm")} and repeat.any_refused
    apply_merge(db, repeat, db_path=demo / "organizer.sqlite")
    assert dump(db) == again


def test_equivocation_within_a_batch_merges_nothing_of_that_juror(demo: Path, variant) -> None:
    db = db_of(demo)
    files = packages(demo)
    base = files[2]
    some = read_content(base).scores[0]
    twin = demo / "j003-twin.pu-scores"
    variant(db, base, twin, [("score", {"dossier": some.dossier_id, "criterion": some.criterion_id,
                                        "points": 0 if some.points else 1, "justification": "Druga, inna paczka."})],
            revision=1)
    plan = plan_merge(db, [*files, twin])
    outcomes = {(f.path.name, f.outcome) for f in plan.files}
    assert (base.name, Outcome.EQUIVOCATION) in outcomes and (twin.name, Outcome.EQUIVOCATION) in outcomes
    assert sum(f.outcome is Outcome.NEW for f in plan.files) == len(files) - 1
    result = apply_merge(db, plan, db_path=demo / "organizer.sqlite")
    assert result.alarms_raised == 1 and len(result.evidence) == 2
    assert db.execute("SELECT count(*) FROM scores WHERE juror_id = 'j003'").fetchone()[0] == 0
    assert db.execute("SELECT status FROM packages WHERE juror_id = 'j003'").fetchall() == [("evidence",), ("evidence",)]
    assert "j003" not in result.changed_jurors


def test_locked_results_refuse_every_file(demo: Path) -> None:
    db = db_of(demo)
    lock_results(db, "Anna Nowak")
    before = dump(db)
    plan = plan_merge(db, packages(demo))
    assert {f.outcome for f in plan.files} == {Outcome.REFUSED} and {f.code for f in plan.files} == {"results_locked"}
    assert "zamrożone do druku" in plan.files[0].reason_pl and "frozen for printing" in plan.files[0].reason_en
    print(plan.files[0].reason_pl)
    apply_merge(db, plan, db_path=demo / "organizer.sqlite")
    assert dump(db) == before


def test_a_lock_or_another_import_after_planning_stops_apply(demo: Path) -> None:
    db = db_of(demo)
    files = packages(demo)
    plan = plan_merge(db, files[:3])
    apply_merge(db, plan_merge(db, files[3:4]), db_path=demo / "organizer.sqlite")
    before = dump(db)
    with pytest.raises(ValidationError) as changed:
        apply_merge(db, plan, db_path=demo / "organizer.sqlite")
    assert changed.value.code == "database_changed_since_plan" and dump(db) == before
    plan = plan_merge(db, files[:3])
    lock_results(db, "Anna Nowak")
    locked = dump(db)
    with pytest.raises(ValidationError) as frozen:
        apply_merge(db, plan, db_path=demo / "organizer.sqlite")
    assert frozen.value.code == "results_locked" and dump(db) == locked


def test_the_same_package_twice_in_a_batch_is_merged_once(demo: Path, tmp_path: Path) -> None:
    db = db_of(demo)
    base = packages(demo)[0]
    copy = tmp_path / "copy-of-j001.pu-scores"
    shutil.copy(base, copy)
    plan = plan_merge(db, [base, copy])
    assert [(f.outcome, f.code) for f in plan.files] == [(Outcome.NEW, ""), (Outcome.ALREADY_IMPORTED, "same_package_twice")]
    assert not plan.any_refused
    assert len(apply_merge(db, plan, db_path=demo / "organizer.sqlite").merged) == 1


def test_a_revision_jump_needs_the_override(demo: Path, variant) -> None:
    db = db_of(demo)
    jump = demo / "j004-big.pu-scores"
    variant(db, packages(demo)[3], jump, [], revision=5000)
    assert plan_merge(db, [jump]).files[0].code == "revision_jump"
    assert plan_merge(db, [jump], allow_revision_jump=True).files[0].outcome is Outcome.NEW


def test_cancel_changes_nothing_and_progress_is_reported(demo: Path) -> None:
    db = db_of(demo)
    before = dump(db)
    with pytest.raises(MergeCancelled):
        plan_merge(db, packages(demo), cancelled=lambda: True)
    seen: list[tuple[int, int, str]] = []
    plan_merge(db, packages(demo), progress=lambda done, total, label: seen.append((done, total, label)))
    assert [s[:2] for s in seen] == [(n, 6) for n in range(1, 7)] and seen[0][2].endswith(".pu-scores")
    assert dump(db) == before


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="the pool is used only with two or more cores")
def test_the_process_pool_gives_the_same_plan(demo: Path, monkeypatch: pytest.MonkeyPatch, variant) -> None:
    db = merge_all(demo)
    base = packages(demo)[0]
    second = demo / "j001-r2.pu-scores"
    some = read_content(base).scores[0]
    variant(db, base, second, [("unscore", {"dossier": some.dossier_id, "criterion": some.criterion_id})], revision=2)
    files = [*packages(demo), second, Path(__file__)]
    monkeypatch.setattr(merge, "POOL_FROM_FILES", 10_000)
    in_process = plan_merge(db, files)
    pools: list[int] = []

    class CountedPool(merge.ProcessPoolExecutor):
        def __init__(self, *args, **kwargs) -> None:
            pools.append(kwargs["max_workers"])
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(merge, "POOL_FROM_FILES", 2)
    monkeypatch.setattr(merge, "ProcessPoolExecutor", CountedPool)
    pooled = plan_merge(db, files)
    assert pools == [2], "the pool was not used"
    assert pooled == in_process
    assert [f.outcome for f in pooled.files][-2:] == [Outcome.UPDATE, Outcome.REFUSED]
    assert pooled.files[-2].changes[-1].kind == "score" and pooled.files[-2].changes[-1].new is None


def test_evidence_that_cannot_be_stored_merges_nothing(demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The evidence is written beside the transaction; a failure to store any file rolls it back."""
    db = db_of(demo)
    plan = plan_merge(db, packages(demo))
    before = dump(db)
    real_put, calls = merge.BlobStore.put, []

    def put(self, data: bytes, expected_sha256: str | None = None, **kwargs) -> str:
        calls.append(expected_sha256)
        if len(calls) == 4:
            raise OSError(28, "No space left on device")
        return real_put(self, data, expected_sha256, **kwargs)

    monkeypatch.setattr(merge.BlobStore, "put", put)
    with pytest.raises(OSError):
        apply_merge(db, plan, db_path=demo / "organizer.sqlite")
    assert len(calls) == 4 and dump(db) == before
    monkeypatch.undo()
    result = apply_merge(db, plan, db_path=demo / "organizer.sqlite")
    assert len(result.merged) == 6
