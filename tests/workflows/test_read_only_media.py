"""Read-only databases and folders (issue 11, item 24): a copy on a disc, an archive, a protected file.

Commands that only read (``verify --db``, ``results``, ``report``, ``allowed-signers``) open the edition
read-only, write nothing to it, say so, and give the same answers as on a writable copy; commands that
write (``merge``, the window) refuse a read-only database with a message before anything; a demo or a
results file aimed at a read-only folder is refused with a message. Never a traceback.

Root ignores file permissions, and CI runs as root, so "read-only" here is what a disc is: a read-only
mount (EROFS, which binds root too). Each command runs in a child process with its own mount namespace
in which the given paths are bind-mounted read-only (``unshare -m`` as root, ``unshare -rm`` as another
user where user namespaces are allowed); for a user without namespaces, permissions stand in (they
bind every user but root).
"""

from __future__ import annotations

import functools
import hashlib
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from juror_app.workflows.demo.generate import DemoSettings

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="read-only mounts are made with Linux namespaces")

SETTINGS = DemoSettings(institutions=8, jurors=4, per_dossier=2, seed=5)
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "schemas"
MOUNT_AND_RUN = 'set -e; for p in "$@"; do mount --bind "$p" "$p"; mount -o remount,bind,ro "$p"; done; exec '


@functools.cache
def namespace() -> tuple[str, ...] | None:
    """The ``unshare`` that lets this process mount here, or None (tried once, with a real read-only mount)."""
    prefix = ["unshare", "-m"] if os.geteuid() == 0 else ["unshare", "-rm"]
    if shutil.which("unshare") is None:
        return None
    probe = Path(os.environ.get("TMPDIR", "/tmp"))
    script = MOUNT_AND_RUN + " ".join(_quote(c) for c in ["test", "!", "-w", str(probe)])
    done = subprocess.run([*prefix, "sh", "-c", script, "sh", str(probe)], capture_output=True, timeout=30)
    return tuple(prefix) if done.returncode == 0 else None


def run_on_medium(read_only: list[Path], command: list[str], *, lang: str = "pl") -> subprocess.CompletedProcess:
    """Run ``command`` in a child process for which every path in ``read_only`` is on a read-only medium."""
    env = {**os.environ, "JUROR_APP_LANG": lang}
    if namespace() is not None:
        script = MOUNT_AND_RUN + " ".join(_quote(c) for c in command)
        return subprocess.run([*namespace(), "sh", "-c", script, "sh", *map(str, read_only)], env=env,
                              capture_output=True, text=True, timeout=300)
    if os.geteuid() == 0:
        pytest.fail("cannot make a read-only medium here: root without mount namespaces (run the suite where "
                    "`unshare -m` may mount, as on a plain Debian machine)")
    saved = _make_unwritable(read_only)
    try:
        return subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    finally:
        for path, mode in reversed(saved):
            path.chmod(mode)


def run_read_only(read_only: list[Path], *args: str | Path, lang: str = "pl") -> subprocess.CompletedProcess:
    """``juror-app *args`` with ``read_only`` on a read-only medium."""
    return run_on_medium(read_only, [sys.executable, "-m", "juror_app", *map(str, args)], lang=lang)


def _quote(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


def _make_unwritable(paths: list[Path]) -> list[tuple[Path, int]]:
    saved = []
    for top in paths:
        for path in [top, *(sorted(top.rglob("*")) if top.is_dir() else [])]:
            saved.append((path, path.stat().st_mode & 0o7777))
            path.chmod((path.stat().st_mode & 0o555))
    return saved


def _digest(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` and its SHA-256 (none of them is open in this process)."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def merged(demo_editions) -> Path:
    return demo_editions(SETTINGS, merged=True)


@pytest.fixture()
def edition(merged: Path, tmp_path: Path) -> Path:
    """A copy of a merged edition as it would be burnt on a disc: cleanly closed, no -wal or -shm beside it."""
    folder = tmp_path / "plyta" / "edycja"

    def companions(directory: str, names: list[str]) -> list[str]:
        """An empty -wal and the -shm left by a reader of the shared template: not part of a closed database."""
        wal = Path(directory, "organizer.sqlite-wal")
        assert not wal.exists() or wal.stat().st_size == 0, "the shared template holds uncommitted changes"
        return [n for n in names if n in ("organizer.sqlite-wal", "organizer.sqlite-shm")]

    shutil.copytree(merged, folder, ignore=companions)
    return folder


def test_the_read_only_medium_here_is_real(tmp_path: Path) -> None:
    """The helper's read-only folder refuses writes to this process's children, root included."""
    (tmp_path / "ro").mkdir()
    done = run_read_only([tmp_path / "ro"], "demo", tmp_path / "ro" / "nowa")
    print(f"read-only medium made with: {' '.join(namespace() or ['permissions'])}")
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert "Nie można zapisywać w folderze" in done.stderr and not (tmp_path / "ro" / "nowa").exists()


def test_reading_commands_work_on_a_read_only_folder_say_so_and_change_nothing(merged: Path, edition: Path,
                                                                              tmp_path: Path) -> None:
    db = edition / "organizer.sqlite"
    baseline = tmp_path / "kopia"
    shutil.copytree(merged, baseline)
    writable = subprocess.run([sys.executable, "-m", "juror_app", "results", "--db", str(baseline / "organizer.sqlite"),
                               "--format", "json"], capture_output=True, timeout=300)
    assert writable.returncode == 0
    before = _digest(edition)
    medium = edition.parent
    results = run_read_only([medium], "results", "--db", db, "--format", "json")
    assert results.returncode == 0, results.stderr
    assert results.stdout.encode() == writable.stdout, "the same answers as on a writable copy"
    assert "otwarta tylko do odczytu" in results.stderr and "Traceback" not in results.stderr
    package = sorted((edition / "packages").glob("*.pu-scores"))[0]
    verify = run_read_only([medium], "verify", package, "--db", db, lang="en")
    assert verify.returncode == 0, verify.stdout + verify.stderr
    assert "opened read-only" in verify.stderr and "Result: every check passed." in verify.stdout
    out = tmp_path / "ranking.pdf"
    report = run_read_only([medium], "report", "--db", db, "--kind", "ranking", "--out", out)
    assert report.returncode == 0 and out.is_file(), report.stderr
    signers = run_read_only([medium], "allowed-signers", "--db", db)
    assert signers.returncode == 0 and signers.stdout.count("ssh-ed25519") == SETTINGS.jurors + 1, signers.stderr
    assert _digest(edition) == before, "nothing in the read-only folder changed"
    assert not Path(f"{db}-wal").exists() and not Path(f"{db}-shm").exists()
    print(f"read-only folder: results, verify, report, allowed-signers exit 0; {len(before)} files unchanged")

    # A folder burnt after a reader left SQLite's empty -wal and its -shm beside the database reads the same.
    assert subprocess.run([sys.executable, "-m", "juror_app", "results", "--db", str(db), "--format", "json"],
                          capture_output=True, timeout=300).returncode == 0
    assert Path(f"{db}-shm").exists() and Path(f"{db}-wal").stat().st_size == 0
    again = run_read_only([medium], "results", "--db", db, "--format", "json")
    assert again.returncode == 0 and again.stdout.encode() == writable.stdout, again.stderr


def test_a_read_only_file_in_a_writable_folder_is_read_and_not_merged_into(edition: Path) -> None:
    db = edition / "organizer.sqlite"
    results = run_read_only([db], "results", "--db", db, "--format", "csv")
    assert results.returncode == 0 and "plik bazy" in results.stderr, results.stderr
    before = _digest(edition)
    packages = sorted((edition / "packages").glob("*.pu-scores"))
    merge = run_read_only([db], "merge", "--db", db, *packages)
    assert merge.returncode == 2 and "Traceback" not in merge.stderr, merge.stderr
    assert "jest tylko do odczytu" in merge.stderr and merge.stdout == "", "refused before any file was checked"
    assert _digest(edition) == before


def test_merge_and_the_window_refuse_a_database_on_a_read_only_medium(edition: Path) -> None:
    db = edition / "organizer.sqlite"
    before = _digest(edition)
    merge = run_read_only([edition.parent], "merge", "--db", db, *sorted((edition / "packages").glob("*.pu-scores")),
                          lang="en")
    assert merge.returncode == 2 and "is read-only" in merge.stderr and merge.stdout == "", merge.stderr
    window = run_on_medium([edition.parent], [sys.executable, "-c", textwrap.dedent(f"""
        from juror_app.domain.errors import StoreError
        from juror_app.workflows.organizer.ui_support import open_edition_database
        try:
            open_edition_database({str(db)!r})
        except StoreError as exc:
            print(exc.code)
    """)])
    assert window.stdout.strip() == "database_read_only", window.stdout + window.stderr
    assert _digest(edition) == before


def test_a_wal_that_cannot_be_read_is_refused_with_what_to_do(edition: Path, tmp_path: Path) -> None:
    """A database copied with its -wal still holding changes (no -shm) cannot be read where no -shm can be made."""
    db = edition / "organizer.sqlite"
    crash = textwrap.dedent(f"""
        import os, sqlite3
        conn = sqlite3.connect({str(db)!r})
        conn.execute("PRAGMA wal_autocheckpoint=0")
        conn.execute("INSERT INTO results_lock_events (action, happened_at, person) VALUES ('unlock', 'x', 'y')")
        conn.commit()
        os._exit(0)  # no close: the change stays in the -wal, as after a crash
    """)
    subprocess.run([sys.executable, "-c", crash], check=True, timeout=60)
    Path(f"{db}-shm").unlink()
    assert Path(f"{db}-wal").stat().st_size > 0
    before = _digest(edition)
    done = run_read_only([edition.parent], "results", "--db", db, "--format", "json")
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert "organizer.sqlite-wal" in done.stderr and "Skopiuj bazę razem z plikiem" in done.stderr
    assert _digest(edition) == before


def test_outputs_aimed_at_a_read_only_folder_are_refused(edition: Path, tmp_path: Path) -> None:
    target = tmp_path / "archiwum"
    target.mkdir()
    db = edition / "organizer.sqlite"
    results = run_read_only([target], "results", "--db", db, "--format", "json", "--out", target / "wyniki.json")
    assert results.returncode == 2 and "Nie udało się zapisać pliku" in results.stderr, results.stderr
    demo = run_read_only([target], "--lang", "en", "demo", target / "demo")
    assert demo.returncode == 2 and "Cannot write in the folder" in demo.stderr, demo.stderr
    assert list(target.iterdir()) == []
    for done in (results, demo):
        assert "Traceback" not in done.stderr


def test_reading_commands_never_upgrade_or_write(tmp_path: Path, edition: Path) -> None:
    """On a writable file too: an older schema is refused (not migrated), a current one is read without a write."""
    old = tmp_path / "stara.sqlite"
    shutil.copy(FIXTURES / "organizer-m001.sqlite", old)
    original = old.read_bytes()
    done = subprocess.run([sys.executable, "-m", "juror_app", "results", "--db", str(old), "--format", "json"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 2 and "wymaga uaktualnienia" in done.stderr, done.stderr
    assert old.read_bytes() == original and not Path(f"{old}-wal").exists()

    db = edition / "organizer.sqlite"
    stamp, data = db.stat().st_mtime_ns, db.read_bytes()
    package = sorted((edition / "packages").glob("*.pu-scores"))[0]
    for args in (["verify", str(package), "--db", str(db)], ["results", "--db", str(db), "--format", "csv"]):
        done = subprocess.run([sys.executable, "-m", "juror_app", *args], capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        assert done.stderr == "", "a writable file: nothing worth saying"
    assert db.stat().st_mtime_ns == stamp and db.read_bytes() == data
    wal = Path(f"{db}-wal")
    assert not wal.exists() or wal.stat().st_size == 0, "no WAL frame written"
