"""The command line's own words (issue 11, items 16 and 24): one language at a time, right plurals,
``--lang`` anywhere, quiet on a closed pipe, a message instead of a traceback or Qt's abort.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from juror_app import cli
from juror_app.domain.i18n import set_language
from juror_app.workflows.demo.generate import DemoSettings
from juror_app.workflows.organizer.verify import bundle_contents, package_contents

SETTINGS = DemoSettings(institutions=8, jurors=4, per_dossier=2, seed=5)


def _juror_app(*args: str | Path, env: dict[str, str] | None = None, **kwargs) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k != "JUROR_APP_LANG"}
    return subprocess.run([sys.executable, "-m", "juror_app", *map(str, args)], env={**base, **(env or {})},
                          capture_output=True, text=True, timeout=300, **kwargs)


@pytest.fixture(scope="module")
def edition(demo_editions) -> Path:
    return demo_editions(SETTINGS, merged=True)


@pytest.fixture(autouse=True)
def _polish_again():
    yield
    set_language("pl")  # in-process commands set the process language from --lang


@pytest.mark.parametrize("n, polish, english", [
    (1, "1 teczka, 1 ocena, 1 ukończona, 1 w toku, 1 wyłączenie, 1 wpis dziennika",
     "1 dossier, 1 score, 1 complete, 1 in progress, 1 recused, 1 log entry"),
    (3, "3 teczki, 3 oceny, 3 ukończone, 3 w toku, 3 wyłączenia, 3 wpisy dziennika",
     "3 dossiers, 3 scores, 3 complete, 3 in progress, 3 recused, 3 log entries"),
    (12, "12 teczek, 12 ocen, 12 ukończonych, 12 w toku, 12 wyłączeń, 12 wpisów dziennika",
     "12 dossiers, 12 scores, 12 complete, 12 in progress, 12 recused, 12 log entries"),
    (22, "22 teczki, 22 oceny, 22 ukończone, 22 w toku, 22 wyłączenia, 22 wpisy dziennika",
     "22 dossiers, 22 scores, 22 complete, 22 in progress, 22 recused, 22 log entries"),
])
def test_content_counts_have_their_plurals(n: int, polish: str, english: str) -> None:
    summary = {"dossiers": n, "scores": n, "complete": n, "in_progress": n, "recused": n}
    assert package_contents(summary, n) == (polish, english)
    assert bundle_contents(1, 5, 2) == ("1 teczka, 5 dokumentów, 2 kryteria", "1 dossier, 5 documents, 2 criteria")


POLISH_WORDS = re.compile(r"teczk|ocen|ukończ|wyłącz|dziennik|dokument(?!s)|kryteri(?!on|a\b)", re.IGNORECASE)


@pytest.mark.parametrize("folder", ["packages", "bundles"])
def test_verify_speaks_one_language(edition: Path, cli_run, folder: str) -> None:
    path = sorted((edition / folder).iterdir())[0]
    code, english, _ = cli_run("verify", str(path), "--lang", "en")  # --lang after the command, as people type it
    assert code == 0
    content = next(line for line in english.splitlines() if line.startswith("Content: "))
    print(f"{folder}: {content}")
    assert "/" not in content and not POLISH_WORDS.search(content.replace("documents", "").replace("criteria", ""))
    assert "Result: every check passed." in english
    set_language("pl")  # a new process starts in Polish; this one remembers the last --lang
    code, polish, _ = cli_run("verify", str(path))
    content_pl = next(line for line in polish.splitlines() if line.startswith("Zawartość: "))
    print(f"{folder}: {content_pl}")
    assert "/" not in content_pl and not re.search(r"\b(dossiers|scores|complete|recused|entries|documents|criteria)\b",
                                                   content_pl)
    assert not re.search(r"\b1 (teczek|ocen|ukończonych|wyłączeń|dokumentów|kryteriów)\b", content_pl)


def test_lang_after_every_subcommand_is_accepted(capsys) -> None:
    for name in cli.build_parser()._subparsers._group_actions[0].choices:
        with pytest.raises(SystemExit) as done:
            cli.parse([name, "--help", "--lang", "en"])
        assert done.value.code == 0
        out = capsys.readouterr().out
        assert out.startswith("usage: ") and "--lang {pl,en}" in out, name
        set_language("pl")
        with pytest.raises(SystemExit):
            cli.parse([name, "--lang", "en", "--help"])
        assert capsys.readouterr().out.startswith("usage: "), name


def test_version_help_is_in_the_users_language() -> None:
    polish = _juror_app("--help")
    assert "pokaż wersję programu i zakończ" in polish.stdout and "version number" not in polish.stdout
    english = _juror_app("--lang", "en", "--help")
    assert "show the program's version and exit" in english.stdout


@pytest.mark.parametrize("command", ["verify", "results"])
def test_a_closed_pipe_ends_quietly(edition: Path, command: str) -> None:
    """``juror-app verify … | head``: the reader leaves before the output is written."""
    args = {"verify": ["verify", str(sorted((edition / "packages").iterdir())[0])],
            "results": ["results", "--db", str(edition / "organizer.sqlite"), "--format", "json"]}[command]
    read, write = os.pipe()
    os.close(read)  # the reader is gone before the command writes a byte
    try:
        done = subprocess.run([sys.executable, "-m", "juror_app", *args], stdout=write, stderr=subprocess.PIPE,
                              text=True, timeout=300)
    finally:
        os.close(write)
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr and "Exception ignored" not in done.stderr
    assert done.stderr == "" and done.returncode == 1


def test_results_out_a_folder_or_proc(edition: Path, tmp_path: Path, cli_run) -> None:
    db = str(edition / "organizer.sqlite")
    code, out, err = cli_run("results", "--db", db, "--format", "json", "--out", str(tmp_path))
    assert code == 2 and "jest folderem" in err and str(tmp_path / "wyniki.json") in err and list(tmp_path.iterdir()) == []
    for target in ("/proc/self/wyniki.json", "/proc/wyniki.csv"):
        code, out, err = cli_run("--lang", "en", "results", "--db", db, "--format", "csv", "--out", target)
        assert code == 2 and err.startswith("Error: Could not save the file"), err
        assert not Path(target).exists()


@pytest.mark.parametrize("outdir", ["/proc/juror-app-demo", "/proc/self/demo", "/sys/juror-app-demo"])
def test_demo_into_a_folder_nobody_can_write(outdir: str, cli_run) -> None:
    code, out, err = cli_run("demo", outdir, "--institutions", "2", "--jurors", "1", "--per-dossier", "1")
    assert code == 2 and err.startswith("Błąd: Nie można zapisywać w folderze") and out == "", err
    assert not Path(outdir).exists()


def _window_env(tmp_path: Path, **values: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    env.update(values)
    return env


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 and Wayland: Linux")
def test_the_window_without_a_display_says_what_is_wrong(tmp_path: Path) -> None:
    cases = {
        "no display": (_window_env(tmp_path), "nie ma ekranu graficznego"),
        "a display that does not answer": (_window_env(tmp_path, DISPLAY=":979"), "„:979” (zmienna DISPLAY) nie odpowiada"),
        "a platform Qt cannot load": (_window_env(tmp_path, QT_QPA_PLATFORM="no-such-platform"), "Qt nie może użyć ekranu"),
    }
    assert not Path("/tmp/.X11-unix/X979").exists()
    for case, (env, expected) in cases.items():
        done = subprocess.run([sys.executable, "-m", "juror_app"], env=env, capture_output=True, text=True, timeout=120)
        print(f"{case}: exit {done.returncode}: {done.stderr.splitlines()[0] if done.stderr else ''}")
        assert done.returncode == 1, f"{case}: exit {done.returncode} (Qt's abort is -6)\n{done.stderr}"
        assert done.stderr.startswith("Nie można otworzyć okna programu: ") and expected in done.stderr, done.stderr
        assert "juror-app --help" in done.stderr and "Traceback" not in done.stderr
    english = subprocess.run([sys.executable, "-m", "juror_app", "--lang", "en"], env=_window_env(tmp_path),
                             capture_output=True, text=True, timeout=120)
    assert english.returncode == 1 and english.stderr.startswith("Cannot open the program's window: there is no graphical display")
