"""The Qt-free helpers of the organizer's window: files of a drop, opening an edition, alarms, the
distinction table, chart data and the normalisation's special cases."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from juror_app.domain import edit_log
from juror_app.domain.errors import StoreError
from juror_app.exchange import container
from juror_app.exchange.package import read_package_content, write_package
from juror_app.store.edition_tables import read_edition
from juror_app.store.organizer_schema import choose_distinction, open_organizer_db
from juror_app.workflows.demo import organizer_demo
from juror_app.workflows.demo.generate import DemoSettings, demo_key
from juror_app.workflows.demo.scoring import package_from_log
from juror_app.workflows.organizer import ui_support as support
from juror_app.workflows.organizer.merge import apply_merge, plan_merge
from juror_app.workflows.organizer.results import build_results

SETTINGS = DemoSettings(institutions=12, jurors=6, per_dossier=3, seed=3)


@pytest.fixture(scope="module")
def merged_template(demo_editions) -> Path:
    return demo_editions(SETTINGS, merged=True)


@pytest.fixture()
def edition(merged_template: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "edition"
    shutil.copytree(merged_template, folder)
    return folder


def test_collect_package_files_takes_files_as_given_and_searches_folders(tmp_path: Path) -> None:
    (tmp_path / "usb" / "2026" / "mail").mkdir(parents=True)
    deep = tmp_path / "usb" / "2026" / "mail" / "j002-r1.pu-scores"
    top = tmp_path / "usb" / "j001-r1.pu-scores"
    other = tmp_path / "usb" / "notes.txt"
    renamed = tmp_path / "paczka od j003.zip"
    for path in (deep, top, other, renamed):
        path.write_bytes(b"x")
    found = support.collect_package_files([renamed, tmp_path / "usb", top, tmp_path / "usb" / "2026"])
    assert found == [renamed, deep, top], "a folder gives its .pu-scores at any depth; each file once, in order"
    assert support.collect_package_files([tmp_path / "missing.pu-scores"]) == [tmp_path / "missing.pu-scores"]


def test_open_edition_database_refuses_what_is_not_an_edition(tmp_path: Path, edition: Path) -> None:
    db = support.open_edition_database(edition / "organizer.sqlite")
    assert db.execute("SELECT count(*) FROM edition").fetchone() == (1,)
    db.close()
    empty = tmp_path / "new.sqlite"
    open_organizer_db(empty).close()
    with pytest.raises(StoreError) as no_edition:
        support.open_edition_database(empty)
    assert no_edition.value.code == "no_edition_in_database" and "nie zawiera" in no_edition.value.pl
    text = tmp_path / "notes.sqlite"
    text.write_text("hello", encoding="utf-8")
    with pytest.raises(StoreError) as not_sqlite:
        support.open_edition_database(text)
    assert not_sqlite.value.code == "not_a_database" and text.read_text(encoding="utf-8") == "hello"


def test_open_alarms_names_the_juror(edition: Path) -> None:
    db = open_organizer_db(edition / "organizer.sqlite")
    assert support.open_alarms(db) == ()
    base = sorted((edition / "packages").glob("*.pu-scores"))[1]
    with container.open_container(base, container.PACKAGE) as opened:
        content = read_package_content(opened)
    first = content.scores[0]
    lines = list(content.log_lines)
    line, _ = edit_log.make_entry(prev_hash=edit_log.line_hash(lines[-1]), seq=len(lines) + 1, at="2026-11-30T10:00:00Z",
                                  op="score", dossier=first.dossier_id, criterion=first.criterion_id,
                                  points=0 if first.points else 1, justification="Inna treść tej samej wersji.")
    other = package_from_log(read_edition(db), content.juror_id, list(content.statuses), [*lines, line],
                             bundle_manifest_sha256=content.bundle_manifest_sha256, bundle_revision=content.bundle_revision,
                             revision=1, created_at="2026-11-30T10:00:00Z")
    twin = edition / "twin.pu-scores"
    write_package(twin, juror_key=demo_key(SETTINGS.seed, "juror-2"), juror_name="Test", content=other,
                  created_at="2026-11-30T10:00:00Z")
    apply_merge(db, plan_merge(db, [twin]), db_path=edition / "organizer.sqlite")
    [alarm] = support.open_alarms(db)
    names = dict(db.execute("SELECT id, name FROM jurors").fetchall())
    assert (alarm.juror_id, alarm.revision, alarm.juror_name) == ("j002", 1, names["j002"])
    assert alarm.raised_at and alarm.first_manifest_sha256 != alarm.second_manifest_sha256
    print("alarm:", alarm.juror_id, alarm.juror_name, alarm.revision, alarm.raised_at)


def test_distinction_rows_put_nominations_beside_decisions(edition: Path) -> None:
    db = open_organizer_db(edition / "organizer.sqlite")
    results = build_results(db)
    rows = support.distinction_rows(results)
    nominated = {(d.dossier_id, x) for d in results.decisions for x, *_ in d.nominations}
    assert {(r.dossier_id, r.distinction_id) for r in rows} == nominated
    assert all(r.chosen is None and r.nominations for r in rows)
    order = [d.id for d in results.edition.distinctions]
    assert [order.index(r.distinction_id) for r in rows] == sorted(order.index(r.distinction_id) for r in rows)
    unnominated = next((d.dossier_id, x.id) for d in results.dossiers for x in results.edition.distinctions
                       if (d.dossier_id, x.id) not in nominated)
    choose_distinction(db, *unnominated, note="Decyzja Kapituły.", by="Anna Nowak")
    rows = support.distinction_rows(build_results(db))
    [chosen] = [r for r in rows if (r.dossier_id, r.distinction_id) == unnominated]
    assert chosen.nominations == () and chosen.chosen is not None and chosen.chosen.decided_by == "Anna Nowak"
    names = {j.juror_id: j.name for j in results.jurors}
    assert all(n.juror_name == names[n.juror_id] for r in rows for n in r.nominations)


def test_score_distribution_is_in_percent_of_each_criterion(edition: Path) -> None:
    results = build_results(open_organizer_db(edition / "organizer.sqlite"))
    series = support.score_distribution(results)
    assert [s.criterion_id for s in series] == [c.id for c in results.edition.criteria]
    total = sum(len(c.points) for d in results.dossiers for c in d.criteria)
    assert sum(len(s.percents) for s in series) == total
    assert all(0 <= p <= 100 for s in series for p in s.percents)
    stage_ii = next(s for s in series if s.max_points == 5)
    raw = [p for d in results.dossiers for c in d.criteria if c.criterion_id == stage_ii.criterion_id for _, p in c.points]
    assert stage_ii.percents == tuple(p * 20 for p in raw)
    print(f"{total} scores in {len(series)} criteria")


def test_normalisation_special_cases_and_place_shift(edition: Path) -> None:
    results = build_results(open_organizer_db(edition / "organizer.sqlite"), normalised=True)
    assert support.normalisation_special_cases(results) == {"too_few": [], "no_spread": []}
    leniency = list(results.leniency)
    leniency[0] = dataclasses.replace(leniency[0], normalisation="too_few")
    leniency[1] = dataclasses.replace(leniency[1], normalisation="no_spread")
    edited = dataclasses.replace(results, leniency=tuple(leniency))
    assert support.normalisation_special_cases(edited) == {"too_few": [leniency[0].juror_id],
                                                           "no_spread": [leniency[1].juror_id]}
    for row in results.rankings:
        shift = support.place_shift(row)
        assert (shift not in (0, None)) == row.place_changed
        if shift:
            assert row.place - shift == row.normalised_place
    unranked = dataclasses.replace(results.rankings[0], normalised_place=None)
    assert support.place_shift(unranked) is None


def test_prepare_organizer_demo_leaves_the_packages_unmerged(tmp_path: Path) -> None:
    demo = organizer_demo.prepare_organizer_demo(tmp_path, DemoSettings(institutions=6, jurors=4, per_dossier=2, seed=5))
    assert demo.folder == tmp_path / organizer_demo.DEMO_FOLDER_NAME and demo.database.is_file()
    assert len(list(demo.packages.glob("*.pu-scores"))) == 4
    db = open_organizer_db(demo.database)
    assert db.execute("SELECT count(*) FROM packages").fetchone() == (0,)
