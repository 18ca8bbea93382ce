"""``juror-app verify`` and the command line's answers to bad arguments, run as a person runs them.

Every demo file passes ``verify --db``; a file with one byte of a member changed (re-zipped with the
original signed manifest) fails with exit code 1 and a message naming that member; bad arguments
give exit code 2 and a message in Polish (English with ``--lang en``), never a traceback.
"""

from __future__ import annotations

import io
import os
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from juror_app.workflows.demo.generate import DemoSettings, generate_demo

SETTINGS = DemoSettings(institutions=6, jurors=4, per_dossier=2)


def _juror_app(*args: str | Path, cwd: Path | None = None, lang_env: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "JUROR_APP_LANG"}
    if lang_env:
        env["JUROR_APP_LANG"] = lang_env
    return subprocess.run([sys.executable, "-m", "juror_app", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def _rezipped_with_one_byte_changed(source: Path, member: str, position: int) -> bytes:
    """The same entries in the same order (manifest and signature untouched), one byte of ``member`` flipped."""
    out = io.BytesIO()
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(out, "w") as copy:
        for info in original.infolist():
            data = original.read(info)
            if info.filename == member:
                data = data[:position] + bytes([data[position] ^ 0x01]) + data[position + 1:]
            entry = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            entry.compress_type = info.compress_type
            entry.create_system = 3
            entry.external_attr = (stat.S_IFREG | 0o644) << 16
            copy.writestr(entry, data)
    return out.getvalue()


@pytest.fixture(scope="module")
def demo_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("verify-cli") / "demo"
    generate_demo(root, SETTINGS)
    return root


def _files(root: Path) -> list[Path]:
    return sorted(p for folder in ("bundles", "packages", "enrollments") for p in (root / folder).iterdir())


def test_verify_passes_every_demo_file(demo_root):
    files = _files(demo_root)
    assert len(files) == 3 * SETTINGS.jurors
    failures = []
    for path in files:
        done = _juror_app("verify", path, "--db", demo_root / "organizer.sqlite")
        if done.returncode != 0 or "BŁĄD" in done.stdout:
            failures.append(f"{path.name}: exit {done.returncode}\n{done.stdout}{done.stderr}")
    assert not failures, "\n\n".join(failures)
    print(f"juror-app verify --db: {len(files)} demo files (bundles, packages, enrollments), all exit 0")


def _members(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        return [n for n in archive.namelist() if n not in ("manifest.json", "manifest.sig")]


@pytest.mark.parametrize("folder", ["packages", "bundles", "enrollments"])
def test_verify_names_the_member_whose_byte_changed(demo_root, tmp_path, folder):
    source = sorted((demo_root / folder).iterdir())[0]
    members = _members(source)
    if folder == "bundles":  # every JSON member and one document: enough to see each one named
        members = [m for m in members if not m.startswith("documents/")] + [next(m for m in members if m.startswith("documents/"))]
    runs = 0
    for member in members:
        with zipfile.ZipFile(source) as archive:
            size = archive.getinfo(member).file_size
        for position in sorted({0, size // 2, size - 1}):
            tampered = tmp_path / source.name
            tampered.write_bytes(_rezipped_with_one_byte_changed(source, member, position))
            done = _juror_app("verify", tampered, "--db", demo_root / "organizer.sqlite")
            runs += 1
            assert done.returncode == 1, f"{member}@{position}: exit {done.returncode}\n{done.stdout}{done.stderr}"
            assert "Traceback" not in done.stdout + done.stderr
            failed = [line for line in done.stdout.splitlines() if line.startswith("[BŁĄD]")]
            assert failed and member in failed[0], f"{member}@{position}: the message does not name it:\n{done.stdout}"
            assert "NIE przeszedł" in done.stdout
    print(f"{folder}: {runs} copies with one byte of a member changed ({', '.join(members)}): "
          f"all exit 1, each message names the member")


BAD_ARGUMENTS = {
    # case: (arguments, Polish fragment, English fragment)
    "missing file": (["verify", "no-such-file.pu-scores"], "nie ma pliku", "there is no file"),
    "unknown option": (["verify", "{package}", "--bogus"], "nieznane argumenty: --bogus", "unrecognized arguments: --bogus"),
    "--db not a database": (["verify", "{package}", "--db", "{readme}"], "nie jest plikiem bazy danych SQLite",
                            "is not an SQLite database file"),
    "--institutions 0": (["demo", "{new}", "--institutions", "0"], "wartość musi być od 1 do", "the value must be 1 to"),
    "--jurors not a number": (["demo", "{new}", "--jurors", "dużo"], "nie jest liczbą całkowitą", "is not a whole number"),
    "--per-dossier > --jurors": (["demo", "{new}", "--jurors", "3", "--per-dossier", "4"],
                                 "nie może być większe niż --jurors", "cannot exceed --jurors"),
    "non-empty OUTDIR": (["demo", "{demo}"], "nie jest pusty", "is not empty"),
    "demo without OUTDIR": (["demo"], "brakuje wymaganych argumentów", "the following arguments are required"),
}


@pytest.mark.parametrize("lang", ["pl", "en"])
@pytest.mark.parametrize("case", list(BAD_ARGUMENTS))
def test_bad_arguments_exit_2_with_a_message_in_the_users_language(demo_root, tmp_path, case, lang):
    arguments, polish, english = BAD_ARGUMENTS[case]
    places = {"package": demo_root / "packages" / "j001-r1.pu-scores", "readme": demo_root / "README.md",
              "new": tmp_path / "new-demo", "demo": demo_root}
    argv = [a.format(**places) for a in arguments]
    before = sorted(p.name for p in demo_root.iterdir())
    done = _juror_app(*(["--lang", "en"] if lang == "en" else []), *argv, cwd=tmp_path)
    assert done.returncode == 2, f"{case}: exit {done.returncode}\n{done.stdout}{done.stderr}"
    assert "Traceback" not in done.stdout + done.stderr
    expected, other = (polish, english) if lang == "pl" else (english, polish)
    assert expected in done.stderr, f"{case} ({lang}): {done.stderr!r}"
    assert other not in done.stderr
    assert not (tmp_path / "new-demo").exists() or not any((tmp_path / "new-demo").iterdir())
    assert sorted(p.name for p in demo_root.iterdir()) == before
    print(f"{case} [{lang}]: exit 2, {done.stderr.strip().splitlines()[-1]}")


def test_language_from_the_environment(demo_root, tmp_path):
    done = _juror_app("verify", "no-such-file.pu-scores", cwd=tmp_path, lang_env="en")
    assert done.returncode == 2 and "there is no file" in done.stderr and "Traceback" not in done.stderr
