"""``juror-app report``: the PDF it writes, what it prints, its exit codes and its messages on bad input."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from juror_app import cli
from juror_app.domain.i18n import set_language
from juror_app.workflows.demo.generate import DemoSettings

SETTINGS = DemoSettings(institutions=8, jurors=4, per_dossier=2, seed=5)


@pytest.fixture(scope="module")
def demo_template(demo_editions) -> Path:
    return demo_editions(SETTINGS, merged=True)


@pytest.fixture()
def demo(demo_template: Path, tmp_path: Path):
    folder = tmp_path / "edition"
    shutil.copytree(demo_template, folder)
    yield folder
    set_language("pl")  # the commands set the process language from --lang


@pytest.mark.parametrize("kind", ["protocol", "institutions", "ranking", "sheets"])
def test_report_writes_the_pdf_and_says_so(demo: Path, cli_run, kind: str) -> None:
    out = demo / f"{kind}.pdf"
    code, stdout, stderr = cli_run("--lang", "pl", "report", "--db", str(demo / "organizer.sqlite"), "--kind", kind,
                               "--out", str(out))
    print(stdout.strip())
    assert code == 0 and stdout.startswith(f"Zapisano {out}: ") and "kod danych" in stdout
    assert "Gotowe." in stderr  # progress goes to stderr, the result to stdout
    reader = pypdf.PdfReader(io.BytesIO(out.read_bytes()), strict=True)
    pages = len(reader.pages)
    assert f": {pages} stron" in stdout or f": {pages} strony" in stdout
    code_text = stdout.rsplit("kod danych ", 1)[1].strip().rstrip(".")
    assert f"Kod danych: {code_text}" in reader.pages[-1].extract_text()
    assert not [p.name for p in demo.iterdir() if p.name.startswith(f".{kind}.pdf")]  # no temporary file left


def test_attachment_matches_the_results_command_run_the_same_way(demo: Path, cli_run) -> None:
    db = str(demo / "organizer.sqlite")
    assert cli_run("results", "--db", db, "--format", "json", "--out", str(demo / "wyniki.json"))[0] == 0
    assert cli_run("report", "--db", db, "--kind", "ranking", "--out", str(demo / "ranking.pdf"))[0] == 0
    attached = pypdf.PdfReader(demo / "ranking.pdf").attachments["wyniki.json"][0]
    assert attached == (demo / "wyniki.json").read_bytes()


def test_report_in_english(demo: Path, cli_run) -> None:
    out = demo / "protocol-en.pdf"
    code, stdout, _ = cli_run("--lang", "en", "report", "--db", str(demo / "organizer.sqlite"), "--kind", "protocol",
                          "--out", str(out))
    assert code == 0 and stdout.startswith(f"Wrote {out}: ") and "data code" in stdout
    assert "Protocol of the jury meeting" in pypdf.PdfReader(out).pages[0].extract_text()


def test_bad_input_gets_a_message_and_exit_code_2(demo: Path, tmp_path: Path, cli_run, capsys: pytest.CaptureFixture) -> None:
    db = str(demo / "organizer.sqlite")
    code, _, err = cli_run("--lang", "pl", "report", "--db", db, "--kind", "protocol", "--out",
                       str(tmp_path / "nie-ma" / "p.pdf"))
    assert code == 2 and "Nie ma folderu" in err and "Traceback" not in err
    code, _, err = cli_run("--lang", "pl", "report", "--db", db, "--kind", "protocol", "--out", str(tmp_path))
    assert code == 2 and "jest folderem" in err
    not_a_db = tmp_path / "notatki.sqlite"
    not_a_db.write_text("to nie jest baza", encoding="utf-8")
    code, _, err = cli_run("--lang", "pl", "report", "--db", str(not_a_db), "--kind", "protocol", "--out",
                           str(tmp_path / "p.pdf"))
    assert code == 2 and "nie jest plikiem bazy danych" in err and not (tmp_path / "p.pdf").exists()
    assert not_a_db.read_text(encoding="utf-8") == "to nie jest baza"
    with pytest.raises(SystemExit) as exited:
        cli.main(["--lang", "pl", "report", "--db", db, "--kind", "laurka", "--out", str(tmp_path / "p.pdf")])
    assert exited.value.code == 2 and "niedozwolona wartość" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exited:
        cli.main(["--lang", "en", "report", "--db", db, "--kind", "protocol"])
    assert exited.value.code == 2 and "--out" in capsys.readouterr().err


def test_the_installed_command_runs(demo: Path) -> None:
    out = demo / "sheets.pdf"
    done = subprocess.run([sys.executable, "-m", "juror_app", "report", "--db", str(demo / "organizer.sqlite"), "--kind",
                           "sheets", "--out", str(out)], capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert pypdf.PdfReader(out).page_labels[1] == "j001-1"
    help_text = subprocess.run([sys.executable, "-m", "juror_app", "report", "--help"], capture_output=True, text=True,
                               timeout=60, check=True).stdout
    assert "--kind" in help_text and "protokół" in help_text
