"""``juror-app enroll``: a juror's key and signed enrollment file without the window; refusals write nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from juror_app import cli
from juror_app.exchange.enrollment import read_enrollment
from juror_app.workflows.juror.profile import JurorProfile, profile_info

PASS = "Członek-Kapituły-2027-hasło!"


@pytest.fixture(autouse=True)
def polish_afterwards():
    """``--lang en`` sets the process's language: later tests expect the default, Polish."""
    from juror_app.domain.i18n import set_language

    yield
    set_language("pl")


@pytest.fixture
def passfile(tmp_path: Path) -> Path:
    path = tmp_path / "pass.txt"
    path.write_text(PASS + "\n", encoding="utf-8")
    return path


def test_a_new_profile_and_its_signed_enrollment(tmp_path, passfile, cli_run) -> None:
    code, out, err = cli_run("--lang", "pl", "enroll", "--profile", str(tmp_path / "p"), "--name", "dr Ewa Sądecka",
                             "--affiliation", "Uniwersytet Jagielloński", "--email", "ewa.sadecka@example.pl",
                             "--out", str(tmp_path / "ewa"), "--passphrase-file", str(passfile))
    assert code == 0, err
    enrollment = read_enrollment(tmp_path / "ewa.pu-enrollment")  # verifies the signature
    assert (enrollment.name, enrollment.affiliation, enrollment.email) == (
        "dr Ewa Sądecka", "Uniwersytet Jagielloński", "ewa.sadecka@example.pl")
    assert enrollment.fingerprint in out and "przez telefon" in out
    profile = JurorProfile(tmp_path / "p")
    db = profile.open_db()
    try:
        assert profile_info(db).fingerprint == enrollment.fingerprint, "the file carries the profile's own key"
    finally:
        db.close()
    # the same profile writes the file again with its passphrase: the same key, no new profile
    code, out, err = cli_run("--lang", "en", "enroll", "--profile", str(tmp_path / "p"), "--out", str(tmp_path / "again"),
                             "--passphrase-file", str(passfile))
    assert code == 0, err
    assert read_enrollment(tmp_path / "again.pu-enrollment").public_key.public_bytes_raw() == \
        enrollment.public_key.public_bytes_raw()
    assert "Existing profile" in out


@pytest.mark.parametrize("case", ["weak", "missing_name", "other_person", "wrong_passphrase", "output_exists"])
def test_refusals_say_why_exit_2_and_write_nothing(tmp_path, passfile, cli_run, case) -> None:
    existing = tmp_path / "existing"
    cli_run("enroll", "--profile", str(existing), "--name", "Anna Nowak", "--affiliation", "UAM",
            "--out", str(tmp_path / "first"), "--passphrase-file", str(passfile))
    weak = tmp_path / "weak.txt"
    weak.write_text("krótkie\n", encoding="utf-8")
    out = tmp_path / "out.pu-enrollment"
    argv = {
        "weak": ["--profile", str(tmp_path / "new"), "--name", "X Y", "--affiliation", "Z", "--passphrase-file", str(weak)],
        "missing_name": ["--profile", str(tmp_path / "new"), "--affiliation", "Z", "--passphrase-file", str(passfile)],
        "other_person": ["--profile", str(existing), "--name", "Ktoś Inny", "--passphrase-file", str(passfile)],
        "wrong_passphrase": ["--profile", str(existing), "--passphrase-file", str(weak)],
        "output_exists": ["--profile", str(existing), "--passphrase-file", str(passfile)],
    }[case]
    if case == "output_exists":
        out.write_bytes(b"keep me")
    before = sorted(p.name for p in tmp_path.rglob("*"))
    code, stdout, err = cli_run("--lang", "en", "enroll", *argv, "--out", str(out))
    print(err)
    assert code == 2 and err.strip() and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.rglob("*")) == before, "nothing written"
    if case == "output_exists":
        assert out.read_bytes() == b"keep me"


def test_enroll_has_help_in_polish_and_english(capsys) -> None:
    for lang, word in (("pl", "zgłoszenia"), ("en", "enrollment")):
        with pytest.raises(SystemExit) as info:
            cli.main(["--lang", lang, "enroll", "--help"])
        assert info.value.code == 0 and word in capsys.readouterr().out
