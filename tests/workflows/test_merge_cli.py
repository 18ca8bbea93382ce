"""``juror-app merge`` and ``juror-app results``: what they print, their exit codes, and their files."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from juror_app import cli
from juror_app.domain.i18n import set_language
from juror_app.workflows.demo.generate import DemoSettings

SETTINGS = DemoSettings(institutions=8, jurors=4, per_dossier=2, seed=5)


@pytest.fixture(scope="module")
def demo_template(demo_editions) -> Path:
    return demo_editions(SETTINGS)


@pytest.fixture()
def demo(demo_template: Path, tmp_path: Path):
    folder = tmp_path / "edition"
    shutil.copytree(demo_template, folder)
    yield folder
    set_language("pl")  # the commands set the process language from --lang


def test_merge_prints_each_file_and_is_idempotent(demo: Path, cli_run) -> None:
    db = str(demo / "organizer.sqlite")
    files = [str(p) for p in sorted((demo / "packages").glob("*.pu-scores"))]
    code, out, _ = cli_run("--lang", "pl", "merge", "--db", db, *files)
    print(out)
    assert code == 0
    assert out.count("— nowa (") == 4 and "j001-r1.pu-scores: j001 (" in out and "wersja 1" in out
    assert "Scalono: 4 paczki" in out
    code, out, _ = cli_run("--lang", "en", "merge", "--db", db, *files)
    assert code == 0 and out.count("already imported") == 4 and "Merged: 0 packages" in out


def test_merge_exits_1_on_a_refused_file_and_says_why(demo: Path, tmp_path: Path, cli_run) -> None:
    good = sorted((demo / "packages").glob("*.pu-scores"))[0]
    bad = tmp_path / "broken.pu-scores"
    data = bytearray(good.read_bytes())
    data[len(data) // 2] ^= 0xFF
    bad.write_bytes(bytes(data))
    code, out, _ = cli_run("--lang", "pl", "merge", "--db", str(demo / "organizer.sqlite"), str(good), str(bad))
    print(out)
    assert code == 1
    assert "j001-r1.pu-scores: j001" in out and "— nowa" in out
    assert "broken.pu-scores: —, wersja — — odrzucona" in out and "    Powód: " in out
    assert "odrzucono: 1." in out


def test_merge_bad_arguments_exit_2(demo: Path, capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as missing:
        cli.main(["--lang", "pl", "merge", "--db", str(demo / "organizer.sqlite"), str(demo / "no-such.pu-scores")])
    assert missing.value.code == 2
    assert "nie ma pliku" in capsys.readouterr().err


def test_results_json_and_csv(demo: Path, tmp_path: Path, capfdbinary: pytest.CaptureFixture) -> None:
    db = str(demo / "organizer.sqlite")
    assert cli.main(["merge", "--db", db, *[str(p) for p in sorted((demo / "packages").glob("*.pu-scores"))]]) == 0
    out_csv = tmp_path / "wyniki.csv"
    assert cli.main(["results", "--db", db, "--format", "csv", "--out", str(out_csv), "--normalised"]) == 0
    data = out_csv.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0][0] == "Kategoria" and len(rows) == 1 + 8 * 13
    assert not list(tmp_path.glob(".*.part")), "the atomic write left a temporary file"

    capfdbinary.readouterr()
    first = _results_stdout(db, capfdbinary)
    second = _results_stdout(db, capfdbinary)
    assert first == second and first.startswith(b'{"edition":') and b'"normalised":false' in first

    assert cli.main(["--lang", "en", "results", "--db", db, "--format", "csv", "--out",
                     str(tmp_path / "no-folder" / "x.csv")]) == 2
    assert b"There is no folder" in capfdbinary.readouterr().err
    with capfdbinary.disabled():
        print(f"results JSON on stdout: {len(first)} B, identical twice; CSV file {len(data)} B")


def _results_stdout(db: str, capfdbinary: pytest.CaptureFixture) -> bytes:
    assert cli.main(["results", "--db", db, "--format", "json"]) == 0
    return capfdbinary.readouterr().out
