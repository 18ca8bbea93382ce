"""``juror-app assign``: what it prints in both languages, its JSON, exit codes, and what it writes."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from juror_app import cli
from juror_app.domain.i18n import set_language
from juror_app.store.organizer_schema import open_organizer_db
from juror_app.workflows.demo.generate import DemoSettings
from juror_app.workflows.organizer import assignment as workflow

from .test_assignment_workflow import add_dossiers

SETTINGS = DemoSettings(institutions=10, jurors=5, per_dossier=3, seed=7)
JSON_FIELDS = {"dossiers", "jurors", "unassigned", "conflicts_violated", "min_load", "max_load", "kept", "added"}


@pytest.fixture()
def edition(demo_editions, tmp_path: Path):
    folder = tmp_path / "edition"
    shutil.copytree(demo_editions(SETTINGS, merged=True), folder)
    yield folder
    set_language("pl")


def _dump(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


def test_a_complete_edition_is_left_as_it_is(edition: Path, cli_run) -> None:
    db = str(edition / "organizer.sqlite")
    before = _dump(edition / "organizer.sqlite")
    code, out, _ = cli_run("assign", "--db", db, "--per-dossier", "3", "--seed", str(SETTINGS.seed), "--dry-run")
    print(out)
    assert code == 0 and "Zostaje: 30, dochodzi: 1, zwolnione: 0." in out  # the recusal is refilled
    assert "Próba (--dry-run): niczego nie zapisano." in out and _dump(edition / "organizer.sqlite") == before
    code, out, _ = cli_run("assign", "--db", db, "--per-dossier", "3", "--seed", str(SETTINGS.seed))
    assert code == 0 and "Zapisano plan." in out
    code, out, _ = cli_run("--lang", "en", "assign", "--db", db, "--per-dossier", "3")
    print(out)
    assert code == 0 and "Kept: 31, added: 0, released: 0." in out and "Nothing to change." in out


def test_json_has_the_promised_fields_and_a_second_round_adds_only_the_new_dossiers(edition: Path, cli_run) -> None:
    path = edition / "organizer.sqlite"
    db = open_organizer_db(path)
    try:
        new = add_dossiers(db, edition)
    finally:
        db.close()
    code, out, _ = cli_run("assign", "--db", str(path), "--per-dossier", "3", "--json")
    report = json.loads(out)
    print(json.dumps({k: v for k, v in report.items() if k not in ("loads", "added_assignments")}, ensure_ascii=False))
    assert code == 0 and JSON_FIELDS <= set(report)
    assert report["dossiers"] == 12 and report["jurors"] == 5 and report["unassigned"] == 0
    assert report["conflicts_violated"] == 0 and report["max_load"] - report["min_load"] <= 1
    assert report["kept"] == 30 and report["added"] == 7 and report["released"] == 0 and report["written"] is True
    assert {a["dossier"] for a in report["added_assignments"]} >= set(new)
    assert sorted(report["reissue"]) == sorted({a["juror"] for a in report["added_assignments"]})


def test_constraints_that_cannot_be_met_exit_1_name_the_dossier_and_write_nothing(edition: Path, cli_run) -> None:
    path = edition / "organizer.sqlite"
    db = open_organizer_db(path)
    try:
        [dossier] = add_dossiers(db, edition, count=1)
        with db.atomic():
            for juror_id in ("j001", "j002", "j003"):
                db["known_conflicts"].insert({"juror_id": juror_id, "institution_id": "inew1", "reason": "Były pracownik."})
    finally:
        db.close()
    before = _dump(path)
    code, out, _ = cli_run("assign", "--db", str(path), "--per-dossier", "3")
    assert code == 1 and _dump(path) == before, out
    assert f"  {dossier}: obsadzono 2 z 3 miejsc — bez konfliktu interesów jest tylko 2 członków Kapituły" in out
    assert "Niczego nie zapisano" in out and "--allow-partial" in out
    code, out, _ = cli_run("--lang", "en", "assign", "--db", str(path), "--per-dossier", "3", "--json")
    report = json.loads(out)
    assert code == 1 and report["written"] is False and report["unassigned"] == 1 and report["missing_places"] == 1
    assert report["problems"][0]["dossier"] == dossier and "only 2 jurors are free of conflict" in report["problems"][0]["message"]
    assert _dump(path) == before
    code, out, _ = cli_run("--lang", "pl", "assign", "--db", str(path), "--per-dossier", "3", "--allow-partial")
    assert code == 1 and "Zapisano plan." in out and _dump(path) != before
    db = open_organizer_db(path)
    try:
        assert len(db.execute("SELECT * FROM assignments WHERE dossier_id = ?", [dossier]).fetchall()) == 2
        assert [p.dossier_id for p in workflow.check_assignments(db) if p.code != "loads_unbalanced"] == [dossier]
    finally:
        db.close()


def test_a_juror_who_left_is_replaced_and_their_scored_work_waits_for_a_decision(edition: Path, cli_run) -> None:
    path = edition / "organizer.sqlite"
    db = open_organizer_db(path)
    try:
        workflow.mark_juror_left(db, "j004", "Rezygnacja z udziału w Kapitule.")
    finally:
        db.close()
    code, out, _ = cli_run("assign", "--db", str(path), "--per-dossier", "3")
    print(out)
    assert code == 0 and "poza Kapitułą: 1" in out and "Czeka na decyzję organizatora" in out
    assert "j004 → " in out and "członek Kapituły odszedł, ale teczka ma już jego oceny" in out


@pytest.mark.parametrize("argv", [
    ["--per-dossier", "0"], ["--per-dossier", "trzy"], ["--per-dossier", "3", "--seed", "x"], [],
    ["--per-dossier", "6"],
])
def test_bad_arguments_exit_2_and_change_nothing(edition: Path, argv: list[str], capsys: pytest.CaptureFixture) -> None:
    path = edition / "organizer.sqlite"
    before = _dump(path)
    try:
        code = cli.main(["assign", "--db", str(path), *argv])
    except SystemExit as exit_:
        code = exit_.code
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err and err.strip()
    assert _dump(path) == before
    if argv == ["--per-dossier", "6"]:
        assert "tylko 5 dostępnych członków Kapituły" in err


def test_a_missing_or_foreign_database_is_a_clear_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as missing:
        cli.main(["assign", "--db", str(tmp_path / "none.sqlite"), "--per-dossier", "3"])
    assert missing.value.code == 2 and "nie ma pliku" in capsys.readouterr().err
    empty = tmp_path / "empty.sqlite"
    open_organizer_db(empty).close()
    assert cli.main(["assign", "--db", str(empty), "--per-dossier", "3"]) == 2
    assert "nie zawiera edycji" in capsys.readouterr().err


def test_help_is_polish_by_default_and_english_on_request(capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit):
        cli.main(["assign", "--help"])
    assert "--allow-partial" in (out := capsys.readouterr().out) and "ilu członków Kapituły" in out
    with pytest.raises(SystemExit):
        cli.main(["--lang", "en", "assign", "--help"])
    assert "how many jurors score each dossier" in capsys.readouterr().out
    set_language("pl")
