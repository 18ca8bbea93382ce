"""Alarms and edit-log forks in the merge (issue 11, items 20 and 21; SECURITY.md's rows for rollback/replay,
equivocation and "edit log forked across revisions").

The rule under test: while a juror has an open alarm (stored, or raised in the same import), every
package of that juror is held with the reason, until the organizer resolves the alarm explicitly.
A newer package whose edit log does not continue the last merged one (or an older one in the same
import) raises an alarm of its own. Each test works on a fresh copy of a merged demo; "nothing
changed" is a full SQL dump compared.
"""

from __future__ import annotations

import functools
import shutil
from pathlib import Path

import pytest

from juror_app.domain.errors import ValidationError
from juror_app.exchange import container
from juror_app.exchange.package import PackageContent, read_package_content
from juror_app.store.organizer_schema import lock_results, open_organizer_db
from juror_app.workflows.demo.generate import DemoSettings
from juror_app.workflows.organizer.alarms import list_alarms, resolve_alarm
from juror_app.workflows.organizer.merge import apply_merge, evidence_store, plan_merge
from juror_app.workflows.organizer.package_checks import Outcome

SETTINGS = DemoSettings(institutions=8, jurors=4, per_dossier=2, seed=11)
REASON = "Członek Kapituły wyjaśnił telefonicznie, którą wersję wysłał."


@pytest.fixture
def demo(demo_editions, tmp_path: Path) -> Path:
    """A fresh copy of the demo with every juror's first package merged."""
    folder = tmp_path / "edition"
    shutil.copytree(demo_editions(SETTINGS, merged=True), folder)
    return folder


@pytest.fixture
def variant(variant):
    return functools.partial(variant, seed=SETTINGS.seed)


def db_of(folder: Path):
    return open_organizer_db(folder / "organizer.sqlite")


def first_package(folder: Path, juror_id: str) -> Path:
    return folder / "packages" / f"{juror_id}-r1.pu-scores"


def read_content(path: Path) -> PackageContent:
    with container.open_container(path, container.PACKAGE) as opened:
        return read_package_content(opened)


def manifest_of(path: Path) -> str:
    with container.open_container(path, container.PACKAGE) as opened:
        return opened.manifest_sha256


def dump(db) -> str:
    return "\n".join(db.conn.iterdump())


def rescore(content: PackageContent, index: int, justification: str) -> tuple[str, dict]:
    """An edit that changes the points of the package's ``index``-th score."""
    score = content.scores[index]
    return ("score", {"dossier": score.dossier_id, "criterion": score.criterion_id,
                      "points": 0 if score.points else 1, "justification": justification})


def merge(folder: Path, db, files: list[Path]):
    plan = plan_merge(db, files)
    return plan, apply_merge(db, plan, db_path=folder / "organizer.sqlite")


def scores_of(db, juror_id: str) -> list[tuple]:
    return db.execute("SELECT dossier_id, criterion_id, points, justification FROM scores WHERE juror_id = ?"
                      " ORDER BY dossier_id, criterion_id", [juror_id]).fetchall()


def raise_equivocation(folder: Path, db, variant, juror_id: str = "j002") -> tuple[Path, int]:
    """A second, different revision-1 package of ``juror_id`` merged against the first: the alarm is stored."""
    base = first_package(folder, juror_id)
    other = folder / f"{juror_id}-r1-other.pu-scores"
    variant(db, base, other, [rescore(read_content(base), 0, "Inna paczka o tej samej wersji.")], revision=1)
    plan, result = merge(folder, db, [other])
    assert plan.files[0].outcome is Outcome.EQUIVOCATION and result.alarms_raised == 1
    return other, db.execute("SELECT id FROM alarms WHERE juror_id = ?", [juror_id]).fetchone()[0]


# --- item 20: a newer revision must continue the merged edit log ---------------------------------


def test_a_newer_revision_forked_from_an_older_one_raises_an_alarm(demo: Path, variant, cli_run) -> None:
    db = db_of(demo)
    r1 = first_package(demo, "j001")
    content = read_content(r1)
    r2, r3 = demo / "j001-r2.pu-scores", demo / "j001-r3-fork.pu-scores"
    variant(db, r1, r2, [rescore(content, 0, "Zmiana po ponownej lekturze teczki.")], revision=2)
    assert merge(demo, db, [r2])[0].files[0].outcome is Outcome.UPDATE
    merged_r2 = scores_of(db, "j001")
    variant(db, r1, r3, [rescore(content, 1, "Zmiana w kopii sprzed wersji 2.")], revision=3)  # drops r2's edit
    before = dump(db)

    plan = plan_merge(db, [r3])
    [f] = plan.files
    assert (f.outcome, f.code) == (Outcome.FORK, "edit_log_fork") and plan.any_refused, (f.outcome, f.code, f.reason_en)
    assert f.alarm_with == manifest_of(r2) and "does not continue the log of revision 2" in f.reason_en
    assert dump(db) == before, "planning changes nothing"
    result = apply_merge(db, plan, db_path=demo / "organizer.sqlite")
    assert result.merged == () and result.alarms_raised == 1 and [e.path for e in result.evidence] == [r3]
    assert scores_of(db, "j001") == merged_r2, "r2's edit must not be lost"
    assert db.execute("SELECT kind, juror_id, revision, first_manifest_sha256, second_manifest_sha256 FROM alarms").fetchall() == [
        ("fork", "j001", 3, manifest_of(r2), manifest_of(r3))]
    assert db.execute("SELECT status FROM packages WHERE manifest_sha256 = ?", [manifest_of(r3)]).fetchone() == ("evidence",)
    assert evidence_store(demo / "organizer.sqlite").has(f.file_sha256)
    print(f.reason_pl)

    r4 = demo / "j001-r4.pu-scores"  # continues r2: would be an update, but the juror is under the alarm now
    variant(db, r2, r4, [rescore(content, 1, "Kolejna zmiana, po wersji 2.")], revision=4)
    assert plan_merge(db, [r4]).files[0].outcome is Outcome.HELD
    code, out, _ = cli_run("--lang", "pl", "merge", "--db", str(demo / "organizer.sqlite"), str(r3), str(r4))
    assert code == 1 and out.count("— wstrzymana (alarm)") == 2, out


def test_a_package_that_continues_the_merged_log_is_an_update(demo: Path, variant) -> None:
    """The control for the fork test: the same r3, made from r2, merges."""
    db = db_of(demo)
    r1 = first_package(demo, "j001")
    content = read_content(r1)
    r2, r3 = demo / "j001-r2.pu-scores", demo / "j001-r3.pu-scores"
    variant(db, r1, r2, [rescore(content, 0, "Zmiana po ponownej lekturze teczki.")], revision=2)
    variant(db, r2, r3, [rescore(content, 1, "Kolejna zmiana, po wersji 2.")], revision=3)
    merge(demo, db, [r2])
    plan, result = merge(demo, db, [r3])
    assert plan.files[0].outcome is Outcome.UPDATE and len(result.merged) == 1


def test_a_fork_within_one_import_raises_an_alarm_and_merges_nothing_of_that_juror(demo: Path, variant) -> None:
    db = db_of(demo)
    r1 = first_package(demo, "j003")
    content = read_content(r1)
    r2, r3 = demo / "j003-r2.pu-scores", demo / "j003-r3.pu-scores"
    variant(db, r1, r2, [rescore(content, 0, "Zmiana, która nie może zniknąć.")], revision=2)
    variant(db, r1, r3, [rescore(content, 1, "Zmiana w równoległej kopii.")], revision=3)
    before = scores_of(db, "j003")
    plan, result = merge(demo, db, [r3, r2])
    assert [(f.path, f.outcome, f.code) for f in plan.files] == [
        (r3, Outcome.FORK, "edit_log_fork_in_batch"), (r2, Outcome.FORK, "edit_log_fork_in_batch")]
    assert result.merged == () and result.alarms_raised == 1 and len(result.evidence) == 2
    assert scores_of(db, "j003") == before
    assert db.execute("SELECT kind, first_manifest_sha256, second_manifest_sha256 FROM alarms").fetchall() == [
        ("fork", manifest_of(r2), manifest_of(r3))]


# --- item 21: one rule for alarms --------------------------------------------------------------------


def test_an_open_alarm_holds_every_later_package_of_that_juror(demo: Path, variant, cli_run) -> None:
    db = db_of(demo)
    other, alarm_id = raise_equivocation(demo, db, variant)
    r1 = first_package(demo, "j002")
    r2 = demo / "j002-r2.pu-scores"
    variant(db, r1, r2, [rescore(read_content(r1), 1, "Nowsza wersja po alarmie.")], revision=2)
    j001_r2 = demo / "j001-r2.pu-scores"
    variant(db, first_package(demo, "j001"), j001_r2, [rescore(read_content(first_package(demo, "j001")), 0, "Inny członek.")],
            revision=2)
    before = dump(db)

    plan = plan_merge(db, [r2, other, r1, j001_r2])
    outcomes = [(f.path.name, f.outcome, f.code) for f in plan.files]
    assert outcomes == [(r2.name, Outcome.HELD, "juror_under_alarm"), (other.name, Outcome.HELD, "juror_under_alarm"),
                        (r1.name, Outcome.HELD, "juror_under_alarm"), (j001_r2.name, Outcome.UPDATE, "")], outcomes
    assert f"alarm nr {alarm_id}" in plan.files[0].reason_pl and f"alarm {alarm_id}" in plan.files[0].reason_en
    apply_merge(db, plan_merge(db, [r2, other, r1]), db_path=demo / "organizer.sqlite")
    assert dump(db) == before, "a held package changes nothing"

    code, out, _ = cli_run("--lang", "en", "merge", "--db", str(demo / "organizer.sqlite"), str(r2), str(other))
    assert code == 1 and out.count("— held (alarm)") == 2 and "already imported" not in out, out
    code, out, _ = cli_run("--lang", "en", "verify", str(r2), "--db", str(demo / "organizer.sqlite"))
    assert code == 1 and "held (alarm)" in out, out
    print(plan.files[0].reason_pl)


def test_in_one_import_the_same_rule_holds_the_jurors_other_files(demo_editions, tmp_path: Path, variant) -> None:
    folder = tmp_path / "edition"
    shutil.copytree(demo_editions(SETTINGS), folder)  # nothing merged yet
    db = db_of(folder)
    r1 = first_package(folder, "j003")
    content = read_content(r1)
    twin, r2 = folder / "j003-twin.pu-scores", folder / "j003-r2.pu-scores"
    variant(db, r1, twin, [rescore(content, 0, "Druga, inna paczka.")], revision=1)
    variant(db, r1, r2, [rescore(content, 1, "Wersja 2.")], revision=2)
    plan, result = merge(folder, db, [r1, twin, r2])
    assert {(f.path.name, f.outcome) for f in plan.files} == {
        (r1.name, Outcome.EQUIVOCATION), (twin.name, Outcome.EQUIVOCATION), (r2.name, Outcome.HELD)}
    held = next(f for f in plan.files if f.outcome is Outcome.HELD)
    assert held.code == "juror_under_alarm" and "this import raised an alarm for juror j003" in held.reason_en
    assert result.alarms_raised == 1 and scores_of(db, "j003") == []


def test_an_older_revision_presented_again_is_stale_not_already_imported(demo: Path, variant, cli_run) -> None:
    """SECURITY.md, rollback / replay: a lower revision is refused, the identical one "already imported"; nothing changes."""
    db = db_of(demo)
    r1 = first_package(demo, "j004")
    r2 = demo / "j004-r2.pu-scores"
    variant(db, r1, r2, [rescore(read_content(r1), 0, "Wersja 2.")], revision=2)
    merge(demo, db, [r2])
    before = dump(db)
    plan = plan_merge(db, [r1, r2])
    assert [(f.outcome, f.code) for f in plan.files] == [(Outcome.STALE, "superseded_package"), (Outcome.ALREADY_IMPORTED, "")]
    apply_merge(db, plan, db_path=demo / "organizer.sqlite")
    assert dump(db) == before
    code, out, _ = cli_run("--lang", "en", "merge", "--db", str(demo / "organizer.sqlite"), str(r1))
    assert code == 1 and "stale (older revision)" in out and "already imported" not in out, out


# --- resolving an alarm ------------------------------------------------------------------------------


def test_resolving_and_trusting_neither_lifts_the_hold(demo: Path, variant) -> None:
    db = db_of(demo)
    other, alarm_id = raise_equivocation(demo, db, variant)
    r1 = first_package(demo, "j002")
    r2 = demo / "j002-r2.pu-scores"
    variant(db, r1, r2, [rescore(read_content(r1), 1, "Nowsza wersja po alarmie.")], revision=2)
    result = resolve_alarm(db, alarm_id, by="Anna Nowak", reason=REASON, trust=None, db_path=demo / "organizer.sqlite")
    assert result.scores_written == 0 and result.open_alarms_left == 0
    row = db.execute("SELECT resolved_by, reason, trusted_manifest_sha256, trusted_merged, resolved_at FROM alarm_resolutions"
                     " WHERE alarm_id = ?", [alarm_id]).fetchone()
    assert row[:4] == ("Anna Nowak", REASON, None, 0) and row[4].endswith("Z")
    [view] = list_alarms(db)
    assert not view.is_open and view.resolution.resolved_by == "Anna Nowak"

    plan = plan_merge(db, [r2, other])
    assert [(f.outcome, f.code) for f in plan.files] == [(Outcome.UPDATE, ""), (Outcome.REFUSED, "evidence_not_trusted")]
    assert "Anna Nowak" in plan.files[1].reason_en
    apply_merge(db, plan, db_path=demo / "organizer.sqlite")
    assert db.execute("SELECT revision FROM packages WHERE juror_id = 'j002' AND status = 'merged'").fetchone() == (2,)


def test_resolving_and_trusting_the_evidence_merges_it(demo: Path, variant) -> None:
    db = db_of(demo)
    other, alarm_id = raise_equivocation(demo, db, variant)
    trusted = manifest_of(other)
    result = resolve_alarm(db, alarm_id, by="Anna Nowak", reason=REASON, trust=trusted[:10], db_path=demo / "organizer.sqlite")
    assert result.resolution.trusted_manifest_sha256 == trusted and result.resolution.trusted_merged
    assert result.scores_written == len(read_content(other).scores)
    assert db.execute("SELECT manifest_sha256, status FROM packages WHERE juror_id = 'j002' ORDER BY status").fetchall() == [
        (trusted, "merged"), (manifest_of(first_package(demo, "j002")), "superseded")]
    expected = sorted((s.dossier_id, s.criterion_id, s.points, s.justification) for s in read_content(other).scores)
    assert scores_of(db, "j002") == expected
    assert db.execute("SELECT count(*) FROM scores WHERE juror_id = 'j002' AND package_manifest_sha256 != ?",
                      [trusted]).fetchone() == (0,)

    content = read_content(other)
    from_trusted, from_distrusted = demo / "j002-r2.pu-scores", demo / "j002-r2-old.pu-scores"
    variant(db, other, from_trusted, [rescore(content, 2, "Dalej od uznanej paczki.")], revision=2)
    variant(db, first_package(demo, "j002"), from_distrusted, [rescore(content, 2, "Dalej od nieuznanej.")], revision=3)
    assert plan_merge(db, [from_trusted]).files[0].outcome is Outcome.UPDATE
    assert plan_merge(db, [from_distrusted]).files[0].outcome is Outcome.FORK


def test_a_resolution_says_what_is_wrong_and_changes_nothing(demo: Path, variant) -> None:
    db = db_of(demo)
    other, alarm_id = raise_equivocation(demo, db, variant)
    path = demo / "organizer.sqlite"
    before = dump(db)
    cases = {
        "unknown_alarm": dict(alarm_id=alarm_id + 7, by="Anna Nowak", reason=REASON, trust=None),
        "person_required": dict(alarm_id=alarm_id, by="   ", reason=REASON, trust=None),
        "reason_required": dict(alarm_id=alarm_id, by="Anna Nowak", reason="bo", trust=None),
        "unknown_trusted_package": dict(alarm_id=alarm_id, by="Anna Nowak", reason=REASON, trust="abc"),
    }
    for code, kwargs in cases.items():
        with pytest.raises(ValidationError) as refused:
            resolve_alarm(db, kwargs.pop("alarm_id"), db_path=path, **kwargs)
        assert refused.value.code == code and refused.value.pl and refused.value.en
    lock_results(db, "Anna Nowak")
    locked = dump(db)
    with pytest.raises(ValidationError) as frozen:
        resolve_alarm(db, alarm_id, by="Anna Nowak", reason=REASON, trust=manifest_of(other), db_path=path)
    assert frozen.value.code == "results_locked" and dump(db) == locked
    resolve_alarm(db, alarm_id, by="Anna Nowak", reason=REASON, trust=None, db_path=path)  # changes no result: allowed
    with pytest.raises(ValidationError) as again:
        resolve_alarm(db, alarm_id, by="Jan Kowalski", reason=REASON, trust=None, db_path=path)
    assert again.value.code == "alarm_already_resolved" and "Anna Nowak" in again.value.pl
