"""``juror-app edition new|show`` and ``institutions import`` end to end, through the command line."""

from __future__ import annotations

import getpass
import json
import sqlite3
from pathlib import Path

import pytest

from juror_app import cli
from juror_app.domain.i18n import set_language

PASS = "kaczka-rower-sufit-ogórek"
CSV_ROWS = [
    "Lp.;Nazwa jednostki;Kategoria;Województwo;Powiat;Gmina;Adres;Osoba kontaktowa;E-mail;Telefon",
    "1;Urząd Gminy w Łące;Urzędy gmin;małopolskie;bocheński;Łąka;ul. Rynek 1;Jan Kowalski;jan@ug.example.pl;14 612 34 56",
    "2;Starostwo Powiatowe w Bochni;Starostwa powiatowe;małopolskie;bocheński;;;;;",
    "3;Urząd Miasta Żory;Urzędy miast;Górny Śląsk;;;;;;",
]


@pytest.fixture(autouse=True)
def polish():
    """A command with ``--lang en`` sets the process's language; every test here starts in Polish."""
    set_language("pl")
    yield
    set_language("pl")


def dump(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> Path:
    """One edition made with the CLI (a real Argon2id key takes a moment: made once per module)."""
    folder = tmp_path_factory.mktemp("cli-edition")
    (folder / "pass.txt").write_text(PASS + "\n", encoding="utf-8")
    code = cli.main(["edition", "new", "--db", str(folder / "E.sqlite"), "--name", "XII edycja 2027", "--year", "2027",
                     "--key-out", str(folder / "org.key"), "--passphrase-file", str(folder / "pass.txt")])
    assert code == 0
    return folder


def test_edition_new_from_the_template(made: Path, cli_run) -> None:
    assert sorted(p.name for p in made.iterdir()) == ["E.sqlite", "org.key", "pass.txt"]
    code, out, err = cli_run("edition", "show", "--db", str(made / "E.sqlite"))
    assert code == 0 and err == ""
    assert "Edycja: XII edycja 2027 (rok 2027, nr 1" in out and "Kategorie (6):" in out and "Kryteria (12):" in out
    assert "I.1 [k01] Standardy obsługi klienta — etap I, waga 1, 0–10 pkt co 1, 6 poziomów skali" in out
    assert "II.1 [k10]" in out and "0–5 pkt co 0,5" in out
    assert "Reguła certyfikacji: wynik ważony ≥ 70%; etap I ≥ 60%, etap II ≥ 60%" in out
    assert "Edycja jest kompletna" in out
    code, out, _ = cli_run("--lang", "en", "edition", "show", "--db", str(made / "E.sqlite"))
    assert code == 0 and "Categories (6):" in out and "0–5 points in steps of 0.5" in out
    code, out, _ = cli_run("edition", "show", "--db", str(made / "E.sqlite"), "--json")
    data = json.loads(out)
    assert data["ready_to_issue"] and len(data["criteria"]) == 12 and data["counts"]["institutions"] == 0


def test_edition_new_empty_copy_and_existing_key(made: Path, tmp_path: Path, cli_run) -> None:
    pw = str(made / "pass.txt")
    code, out, _ = cli_run("edition", "new", "--db", str(tmp_path / "empty.sqlite"), "--name", "Pusta", "--year", "2027",
                           "--empty", "--key", str(made / "org.key"), "--passphrase-file", pw)
    assert code == 0 and "pusta (tylko dwa etapy)" in out and "(istniejący)" in out
    assert "Przed wydaniem paczek z przydziałem uzupełnij:" in out and "Dodaj co najmniej jedną kategorię" in out
    code, out, _ = cli_run("edition", "show", "--db", str(tmp_path / "empty.sqlite"))
    assert "Paczek z przydziałem nie można jeszcze wydać" in out
    before = dump(made / "E.sqlite")
    code, out, _ = cli_run("edition", "new", "--db", str(tmp_path / "next.sqlite"), "--name", "XIII edycja", "--year", "2028",
                           "--copy-from", str(made / "E.sqlite"), "--key", str(made / "org.key"), "--passphrase-file", pw)
    assert code == 0 and "z kopii struktury edycji „E.sqlite”" in out and "nr 2" in out
    assert dump(made / "E.sqlite") == before
    code, out, _ = cli_run("edition", "show", "--db", str(tmp_path / "next.sqlite"))
    assert "Kryteria (12):" in out


def test_a_prompted_passphrase_is_asked_twice(tmp_path: Path, cli_run, monkeypatch) -> None:
    answers = iter([PASS, PASS + "x"])
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": next(answers))
    code, _, err = cli_run("edition", "new", "--db", str(tmp_path / "E.sqlite"), "--name", "X", "--year", "2027",
                           "--key-out", str(tmp_path / "org.key"))
    assert code == 2 and "Hasła w obu polach różnią się" in err
    assert list(tmp_path.iterdir()) == []

    def closed(prompt=""):
        raise EOFError

    monkeypatch.setattr(getpass, "getpass", closed)
    code, _, err = cli_run("edition", "new", "--db", str(tmp_path / "E.sqlite"), "--name", "X", "--year", "2027",
                           "--key-out", str(tmp_path / "org.key"))
    assert code == 2 and "--passphrase-file" in err


@pytest.mark.parametrize("args,message", [
    (["--name", "X", "--year", "1999"], "rok musi być od 2000 do 2200"),
    (["--name", "X", "--year", "dwa"], "nie jest rokiem"),
    (["--name", "X", "--year", "2027", "--template", "nie-ma"], "Dostępne szablony: przyjazny-urzad"),
    (["--name", "X", "--year", "2027", "--copy-from", "/nie/ma/pliku.sqlite"], "nie ma pliku"),
    (["--name", "X", "--year", "2027", "--empty", "--template", "przyjazny-urzad"], "nie można użyć razem"),
    (["--name", " ", "--year", "2027"], "nazwa nie może być pusta"),
])
def test_bad_arguments_exit_2_with_a_message_and_write_nothing(tmp_path: Path, capsys, args, message) -> None:
    (tmp_path / "pass.txt").write_text(PASS, encoding="utf-8")
    argv = ["edition", "new", "--db", str(tmp_path / "E.sqlite"), "--key-out", str(tmp_path / "org.key"),
            "--passphrase-file", str(tmp_path / "pass.txt"), *args]
    try:
        code = cli.main(argv)
    except SystemExit as exc:  # argparse's own refusals
        code = exc.code
    assert code == 2
    assert message in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pass.txt"]


def test_argparse_errors_are_polish_and_exit_2(capsys) -> None:
    with pytest.raises(SystemExit) as info:
        cli.main(["edition", "new", "--db", "x.sqlite", "--name", "X", "--year", "2027"])
    assert info.value.code == 2
    assert "wymagany jest jeden z argumentów: --key-out --key" in capsys.readouterr().err


def test_weak_passphrase_and_existing_files(made: Path, tmp_path: Path, cli_run) -> None:
    (tmp_path / "weak.txt").write_text("haslo12345\n", encoding="utf-8")
    code, _, err = cli_run("edition", "new", "--db", str(tmp_path / "E.sqlite"), "--name", "X", "--year", "2027",
                           "--key-out", str(tmp_path / "org.key"), "--passphrase-file", str(tmp_path / "weak.txt"))
    assert code == 2 and "popularne" in err and not (tmp_path / "org.key").exists()
    code, _, err = cli_run("edition", "new", "--db", str(made / "E.sqlite"), "--name", "X", "--year", "2027",
                           "--key-out", str(tmp_path / "org.key"), "--passphrase-file", str(made / "pass.txt"))
    assert code == 2 and "już istnieje" in err and not (tmp_path / "org.key").exists()
    code, _, err = cli_run("edition", "new", "--db", str(tmp_path / "E.sqlite"), "--name", "X", "--year", "2027",
                           "--key-out", str(made / "org.key"), "--passphrase-file", str(made / "pass.txt"))
    assert code == 2 and "Nowy klucz nigdy nie zastępuje istniejącego pliku" in err


@pytest.mark.parametrize("argv", [["edition", "--help"], ["edition", "new", "--help"], ["edition", "show", "--help"],
                                  ["institutions", "--help"], ["institutions", "import", "--help"],
                                  ["--lang", "en", "edition", "new", "--help"]])
def test_every_command_has_help(argv, capsys) -> None:
    with pytest.raises(SystemExit) as info:
        cli.main(argv)
    out = capsys.readouterr().out
    assert info.value.code == 0 and ("opcje" in out or "options" in out)
    if "new" in argv:
        assert "--passphrase-file" in out and ("pierwszy wiersz" in out or "first line" in out)


def test_institutions_import_dry_run_then_real(made: Path, tmp_path: Path, cli_run) -> None:
    import shutil

    db = tmp_path / "E.sqlite"
    shutil.copy(made / "E.sqlite", db)
    lista = tmp_path / "lista.csv"
    lista.write_bytes(("\r\n".join(CSV_ROWS) + "\r\n").encode("cp1250"))
    before = dump(db)
    code, out, _ = cli_run("institutions", "import", "--db", str(db), str(lista), "--dry-run")
    assert code == 1 and "Próba (--dry-run): niczego nie zapisano." in out
    assert "wiersz 4: odrzucony — Urząd Miasta Żory: Województwo: nieznane województwo „Górny Śląsk”" in out
    assert dump(db) == before
    code, out, _ = cli_run("--lang", "en", "institutions", "import", "--db", str(db), str(lista))
    assert code == 1 and "row 2: add [i0001] — Urząd Gminy w Łące" in out and "Written: 2 added" in out
    code, out, _ = cli_run("--lang", "pl", "edition", "show", "--db", str(db))
    assert "Urzędy gmin [urzedy-gmin] — 1 jednostka" in out and "jednostki 2, teczki 2" in out
    good = tmp_path / "good.csv"
    good.write_bytes(("\r\n".join(CSV_ROWS[:3]) + "\r\n").encode("utf-8-sig"))
    code, out, _ = cli_run("--lang", "pl", "institutions", "import", "--db", str(db), str(good))
    assert code == 0 and "bez zmian: 2" in out and "Nie było czego zapisać." in out


def test_institutions_import_of_an_unreadable_file(made: Path, tmp_path: Path, cli_run) -> None:
    import shutil

    db = tmp_path / "E.sqlite"
    shutil.copy(made / "E.sqlite", db)
    bad = tmp_path / "lista.xls"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    before = dump(db)
    code, out, err = cli_run("institutions", "import", "--db", str(db), str(bad))
    assert code == 1 and "Odrzucono plik lista.xls" in err and ".xlsx" in err
    assert dump(db) == before
    with pytest.raises(SystemExit) as info:
        cli_run("institutions", "import", "--db", str(tmp_path / "nie-ma.sqlite"), str(bad))
    assert info.value.code == 2
