"""``juror-app alarms`` (list) and ``juror-app alarms resolve``: what they print, exit codes, and bad arguments."""

from __future__ import annotations

import functools
import shutil
from pathlib import Path

import pytest

from juror_app import cli
from juror_app.domain.i18n import set_language
from juror_app.exchange import container
from juror_app.exchange.package import read_package_content
from juror_app.store.organizer_schema import open_organizer_db
from juror_app.workflows.demo.generate import DemoSettings

SETTINGS = DemoSettings(institutions=8, jurors=4, per_dossier=2, seed=11)


@pytest.fixture
def demo(demo_editions, tmp_path: Path):
    folder = tmp_path / "edition"
    shutil.copytree(demo_editions(SETTINGS, merged=True), folder)
    yield folder
    set_language("pl")


@pytest.fixture
def variant(variant):
    return functools.partial(variant, seed=SETTINGS.seed)


def _manifest(path: Path) -> str:
    with container.open_container(path, container.PACKAGE) as opened:
        return opened.manifest_sha256


def _dump(demo: Path) -> str:
    db = open_organizer_db(demo / "organizer.sqlite")
    try:
        return "\n".join(db.conn.iterdump())
    finally:
        db.close()


def _equivocation(demo: Path, variant, cli_run) -> Path:
    base = demo / "packages" / "j002-r1.pu-scores"
    with container.open_container(base, container.PACKAGE) as opened:
        score = read_package_content(opened).scores[0]
    other = demo / "j002-r1-other.pu-scores"
    db = open_organizer_db(demo / "organizer.sqlite")
    try:
        variant(db, base, other, [("score", {"dossier": score.dossier_id, "criterion": score.criterion_id,
                                             "points": 0 if score.points else 1, "justification": "Inna paczka."})], revision=1)
    finally:
        db.close()
    code, out, _ = cli_run("--lang", "pl", "merge", "--db", str(demo / "organizer.sqlite"), str(other))
    assert code == 1 and "nowe alarmy: 1" in out and "juror-app alarms --db" in out, out
    return other


def test_alarms_lists_then_resolve_lifts_the_hold(demo: Path, variant, cli_run) -> None:
    db = str(demo / "organizer.sqlite")
    code, out, _ = cli_run("--lang", "pl", "alarms", "--db", db)
    assert code == 0 and out.strip() == "Brak alarmów.", out
    other = _equivocation(demo, variant, cli_run)
    first, second = _manifest(demo / "packages" / "j002-r1.pu-scores"), _manifest(other)

    code, out, _ = cli_run("--lang", "pl", "alarms", "--db", db)
    print(out)
    assert code == 0 and "Alarm nr 1 — OTWARTY: j002" in out and "dwie różne paczki o tej samej wersji" in out
    assert f"A: {first[:12]}…  wersja 1, scalona" in out and f"B: {second[:12]}…  wersja 1, zachowana jako dowód" in out
    assert f"(--trust {first[:12]} | --trust {second[:12]} | --trust-none)" in out and "Otwarte alarmy: 1" in out

    code, out, _ = cli_run("--lang", "en", "alarms", "resolve", "--db", db, "1", "--by", "Anna Nowak",
                           "--reason", "The juror confirmed the second file is the one sent.", "--trust", second[:12])
    print(out)
    assert code == 0 and f"Alarm 1 resolved (Anna Nowak, " in out and f"package {second[:12]}… was trusted" in out
    assert "The trusted package was merged (" in out and "can be merged again" in out
    code, out, _ = cli_run("--lang", "en", "alarms", "--db", db)
    assert "Alarm 1 — resolved" in out and "Resolution: " in out and "trusted package" in out and "(merged by the resolution)" in out
    assert "Reason: The juror confirmed" in out and "Open alarms: 0; resolved: 1." in out
    code, out, _ = cli_run("--lang", "en", "merge", "--db", db, str(other))
    assert code == 0 and "already imported" in out, out


@pytest.mark.parametrize("argv, says", [
    (["alarms"], "--db organizer.sqlite"),
    (["alarms", "resolve", "1", "--by", "A", "--reason", "Wyjaśnione telefonicznie.", "--trust-none"], "--db organizer.sqlite"),
    (["alarms", "resolve", "--db", "DB", "1", "--by", "A", "--reason", "Wyjaśnione telefonicznie.", "--trust", "abcdef12"],
     "nie wskazuje jednej z dwóch paczek"),
    (["alarms", "resolve", "--db", "DB", "9", "--by", "A", "--reason", "Wyjaśnione telefonicznie.", "--trust-none"],
     "Nie ma alarmu nr 9"),
    (["alarms", "resolve", "--db", "DB", "1", "--by", "A", "--reason", "ok", "--trust-none"], "Podaj powód"),
])
def test_alarms_resolve_bad_input_exits_2_and_says_why(demo: Path, variant, cli_run, argv, says) -> None:
    _equivocation(demo, variant, cli_run)
    before = _dump(demo)
    code, out, err = cli_run("--lang", "pl", *[str(demo / "organizer.sqlite") if a == "DB" else a for a in argv])
    assert code == 2 and says in err and "Traceback" not in err, (out, err)
    assert _dump(demo) == before


@pytest.mark.parametrize("argv", [
    ["alarms", "resolve", "--db", "DB", "1", "--by", "A", "--reason", "Wyjaśnione telefonicznie."],  # neither --trust nor --trust-none
    ["alarms", "resolve", "--db", "DB", "1", "--by", "A", "--reason", "Wyjaśnione.", "--trust", "ab", "--trust-none"],
    ["alarms", "resolve", "--db", "DB", "zero", "--by", "A", "--reason", "Wyjaśnione.", "--trust-none"],
])
def test_alarms_resolve_usage_errors_exit_2(demo: Path, argv, capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as usage:
        cli.main(["--lang", "pl", *[str(demo / "organizer.sqlite") if a == "DB" else a for a in argv]])
    assert usage.value.code == 2 and "Traceback" not in capsys.readouterr().err


def test_alarms_help_in_both_languages(capsys: pytest.CaptureFixture) -> None:
    for lang, text in (("pl", "rozstrzyga"), ("en", "resolves")):
        with pytest.raises(SystemExit) as shown:
            cli.main(["--lang", lang, "alarms", "resolve", "--help"])
        assert shown.value.code == 0 and text in capsys.readouterr().out
    set_language("pl")
